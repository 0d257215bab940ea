package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// A citation, once made, can be corrected (another source, or its passage
// retyped) or removed; both are recorded in its history, and a removal is
// undone from the page it leads back to. The fact it supports stays.

// citationForm is the citation form as typed: the source by its address
// (any source on record), and the passage.
type citationForm struct {
	Source  string `form:"source_url"`
	Passage string `form:"passage"`
	edited
}

func citationFormOf(c *timeline.Citation) citationForm {
	return citationForm{Source: c.Source.URL, Passage: c.Passage}
}

func (f citationForm) fields() []views.FormField {
	return f.withMeta([]views.FormField{
		{Name: "source_url", Label: "Source (its address)", Type: "url", Value: f.Source,
			Help: "To cite another source on record instead, give its address."},
		{Name: "passage", Label: "The passage that supports the fact", Type: "textarea", Value: f.Passage},
	})
}

// citedFact is a citation with the fact it supports: its label and page.
type citedFact struct {
	*timeline.Citation
	label, back string
}

// citationOf is the citation of the path, with its fact.
func (a *Server) citationOf(r *http.Request) (citedFact, error) {
	c, err := byID(r, timeline.KindCitation, a.store.Citation)
	if err != nil {
		return citedFact{}, err
	}
	label, back, err := a.store.Subject(r.Context(), c.SubjectKind, c.SubjectID)
	return citedFact{c, label, back}, err
}

func citationPage(c citedFact) formPage {
	p := editPage("Correct a citation", "/citations/"+strconv.FormatInt(c.ID, 10), c.back)
	p.Intro = "The source cited for " + string(c.SubjectKind) + " “" + c.label + "”."
	return p
}

// citationEditPage shows the form with a button that removes the citation.
func (a *Server) citationEditPage(w http.ResponseWriter, r *http.Request, c citedFact, f citationForm, fe timeline.FieldErrors) error {
	p := citationPage(c)
	form := views.SimpleForm{Site: a.site(w, r, p.Title), Heading: p.Heading, Intro: p.Intro, Action: p.Action, Back: p.Back,
		Submit: p.Submit, Fields: f.fields(),
		Remove: &views.RemoveAction{Action: "/citations/" + strconv.FormatInt(c.ID, 10) + "/remove",
			Label: "Remove this citation"}}
	return renderForm(w, r, form, nil, fe)
}

func (a *Server) editCitationForm(w http.ResponseWriter, r *http.Request, c citedFact) error {
	f := citationFormOf(c.Citation)
	if err := a.stamp(r, timeline.KindCitation, c.ID, &f); err != nil {
		return err
	}
	return a.citationEditPage(w, r, c, f, nil)
}

func (a *Server) updateCitation(w http.ResponseWriter, r *http.Request, c citedFact, f citationForm, fe timeline.FieldErrors) error {
	r, err := a.reconcile(r, timeline.KindCitation, c.ID, &f, ptr(citationFormOf(c.Citation)), fe)
	if err != nil {
		return err
	}
	next := &timeline.Citation{ID: c.ID, SubjectKind: c.SubjectKind, SubjectID: c.SubjectID, Passage: f.Passage}
	if f.Source == "" {
		fe.Add("source_url", "Give the address of the source.")
	} else if src, _ := a.store.SourceByURL(r.Context(), f.Source); src == nil {
		fe.Add("source_url", "No source on record has this address: add it from the fact's “Add a source” first.")
	} else {
		next.SourceID = src.ID
	}
	return a.submit(w, r, fe, save{field: "source_url", flash: f.saved("Citation corrected."),
		run: func(ctx context.Context, by store.Actor) error {
			return a.store.UpdateCitation(ctx, by, next, f.Reason)
		},
		to:    func() string { return c.back },
		again: func() error { return a.citationEditPage(w, r, c, f, fe) }})
}

// removeCitation serves POST /citations/{id}/remove: back to the fact,
// with the undo beside the message.
func (a *Server) removeCitation(w http.ResponseWriter, r *http.Request, c citedFact) error {
	if ok, err := a.confirmDelete(w, r, timeline.KindCitation, c.ID, "this citation", "/citations/"+strconv.FormatInt(c.ID, 10)+"/edit"); !ok || err != nil {
		return err
	}
	if _, err := a.store.RemoveCitation(r.Context(), actor(r), c.ID, r.PostForm.Get("reason")); err != nil {
		return err
	}
	return a.redirectWithUndo(w, r, c.back, "Citation of “"+c.Source.Title+"” removed.",
		"/citations/"+strconv.FormatInt(c.ID, 10)+"/restore")
}

// restoreCitation serves POST /citations/{id}/restore: the removed
// citation back, under its own id.
func (a *Server) restoreCitation(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "citation")
	if err != nil {
		return err
	}
	if err := a.store.RestoreCitation(r.Context(), actor(r), id); err != nil {
		return err
	}
	c, err := a.citationOf(r)
	if err != nil {
		return err
	}
	return a.redirectWithFlash(w, r, c.back, "Citation restored.")
}
