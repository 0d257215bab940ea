package web

import (
	"context"
	"net/http"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Sources: the page and the edit form. Sources are created where they are
// cited (cite.go, claim.go); delete, restore and history are fact.go's.

// sourceForm is the source form as typed.
type sourceForm struct {
	URL        string `form:"url"`
	Title      string `form:"title"`
	Publisher  string `form:"publisher"`
	Author     string `form:"author"`
	Published  string `form:"published"`
	ArchiveURL string `form:"archive_url"`
	Notes      string `form:"notes"`
	edited
}

func sourceFormOf(s *timeline.Source) sourceForm {
	return sourceForm{URL: s.URL, Title: s.Title, Publisher: s.Publisher, Author: s.Author, Published: s.Published.String(),
		ArchiveURL: s.ArchiveURL, Notes: s.Notes}
}

func (f sourceForm) fields() []views.FormField {
	return f.withMeta([]views.FormField{
		{Name: "url", Label: "Address (http or https)", Type: "url", Value: f.URL},
		{Name: "title", Label: "Title", Type: "text", Value: f.Title},
		{Name: "publisher", Label: "Publisher", Type: "text", Value: f.Publisher},
		{Name: "author", Label: "Author", Type: "text", Value: f.Author},
		{Name: "published", Label: "Published on", Type: "date", Value: f.Published},
		{Name: "archive_url", Label: "Archived copy (http or https)", Type: "url", Value: f.ArchiveURL},
		{Name: "notes", Label: "Notes", Type: "textarea", Value: f.Notes},
	})
}

// source turns the form into a source.
func (f sourceForm) source(fe timeline.FieldErrors) *timeline.Source {
	s := &timeline.Source{URL: f.URL, Title: f.Title, Publisher: f.Publisher, Author: f.Author, ArchiveURL: f.ArchiveURL, Notes: f.Notes}
	s.Published = dateField(fe, "published", f.Published, false)
	return s
}

func editSourcePage(id int64) formPage {
	path := timeline.RecordPath(timeline.KindSource, id)
	return editPage("Edit source", path, path)
}

// sourcePage serves GET /sources/{id}: the source and what it supports.
func (a *Server) sourcePage(w http.ResponseWriter, r *http.Request, src *timeline.Source) error {
	sup, err := a.store.SupportedBy(r.Context(), src.ID)
	if err != nil {
		return err
	}
	page := views.SourcePage{Site: a.site(w, r, src.Title), Source: *src, Curator: userOf(r) != nil}
	for _, s := range sup {
		page.Supported = append(page.Supported, views.Supported{Kind: string(s.Kind), Label: s.Label, Passage: s.Passage, Path: s.Path})
	}
	return render(w, r, http.StatusOK, views.Source(page))
}

// sourceOf is the source of the path.
func (a *Server) sourceOf(r *http.Request) (*timeline.Source, error) {
	return byID(r, timeline.KindSource, a.store.Source)
}

func (a *Server) editSourceForm(w http.ResponseWriter, r *http.Request, s *timeline.Source) error {
	f := sourceFormOf(s)
	if err := a.stamp(r, timeline.KindSource, s.ID, &f); err != nil {
		return err
	}
	return a.showForm(w, r, editSourcePage(s.ID), f.fields(), nil)
}

func (a *Server) updateSource(w http.ResponseWriter, r *http.Request, old *timeline.Source, f sourceForm, fe timeline.FieldErrors) error {
	r, err := a.reconcile(r, timeline.KindSource, old.ID, &f, ptr(sourceFormOf(old)), fe)
	if err != nil {
		return err
	}
	s := f.source(fe)
	s.ID = old.ID
	return a.submit(w, r, fe, save{field: "url", flash: f.saved("Source saved."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateSource(ctx, by, s, f.Reason) },
		to:    func() string { return timeline.RecordPath(timeline.KindSource, s.ID) },
		again: func() error { return a.showForm(w, r, editSourcePage(s.ID), f.fields(), fe) }})
}
