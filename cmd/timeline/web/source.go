package web

import (
	"context"
	"fmt"
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

// sourceMergeForm merges the source of the path into another, named by
// its address: the duplicate's citations move to the source kept.
type sourceMergeForm struct {
	Into   string `form:"into_url"`
	Reason string `form:"reason"`
}

func sourceMergePage(s *timeline.Source) formPage {
	path := timeline.RecordPath(timeline.KindSource, s.ID)
	return formPage{Title: "Merge a source", Heading: "Merge “" + s.Title + "” into another source",
		Intro:  "Every fact this source supports will cite the source kept instead, and this one is deleted. The merge can be undone.",
		Action: path + "/merge", Back: path, Submit: "Merge"}
}

func (f sourceMergeForm) fields() []views.FormField {
	return []views.FormField{
		{Name: "into_url", Label: "The address of the source to keep", Type: "url", Value: f.Into},
		reasonField(f.Reason),
	}
}

func (a *Server) sourceMergeFormPage(w http.ResponseWriter, r *http.Request, s *timeline.Source) error {
	return a.showForm(w, r, sourceMergePage(s), sourceMergeForm{}.fields(), nil)
}

// mergeSource serves POST /sources/{id}/merge: to the source kept, with
// the merge's undo beside the message.
func (a *Server) mergeSource(w http.ResponseWriter, r *http.Request, s *timeline.Source, f sourceMergeForm, fe timeline.FieldErrors) error {
	var into *timeline.Source
	if f.Into == "" {
		fe.Add("into_url", "Give the address of the source to keep.")
	} else if known, _ := a.store.SourceByURL(r.Context(), f.Into); known == nil {
		fe.Add("into_url", "No source on record has this address.")
	} else {
		into = known
	}
	again := func() error { return a.showForm(w, r, sourceMergePage(s), f.fields(), fe) }
	if len(fe) > 0 {
		return again()
	}
	moved, err := a.store.MergeSources(r.Context(), actor(r), s.ID, into.ID, f.Reason)
	if err := userErrors(fe, err, "into_url"); err != nil {
		return err
	}
	if len(fe) > 0 {
		return again()
	}
	path := timeline.RecordPath(timeline.KindSource, s.ID)
	return a.redirectWithUndo(w, r, timeline.RecordPath(timeline.KindSource, into.ID),
		fmt.Sprintf("“%s” merged into this source: %d %s moved.", s.Title, moved, plural(moved, "citation", "citations")), path+"/unmerge")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
