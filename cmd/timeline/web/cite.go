package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// citeForm reads the fact a citation is for from the query or the form.
func (a *Server) citeForm(w http.ResponseWriter, r *http.Request, v url.Values) (views.CiteForm, error) {
	kind := timeline.Kind(v.Get("kind"))
	id, err := strconv.ParseInt(v.Get("id"), 10, 64)
	if err != nil || id <= 0 || !timeline.Citable(kind) {
		return views.CiteForm{}, timeline.Errorf(timeline.ENotFound, "There is no such fact to cite.")
	}
	label, back, err := a.store.Subject(r.Context(), kind, id)
	if err != nil {
		return views.CiteForm{}, err
	}
	return views.CiteForm{Site: a.site(w, r, "Add a source"), Kind: string(kind), ID: id, Label: label, Back: back}, nil
}

// citePage serves GET /cite?kind=&id=[&q=]: the form, with the sources on
// record that match the search.
func (a *Server) citePage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := a.citeForm(w, r, q)
	if err != nil {
		return err
	}
	f.Q = timeline.NormalizeSpace(q.Get("q"))
	if f.Q != "" {
		if f.Found, err = a.store.SearchSources(r.Context(), f.Q, 20); err != nil {
			return err
		}
	}
	return render(w, r, http.StatusOK, views.CiteFormPage(f))
}

// cite serves POST /cite: a citation to a source on record, or to a new
// source created in the same transaction; a URL already on record uses
// that source instead of making a second one.
func (a *Server) cite(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	f, err := a.citeForm(w, r, pf)
	if err != nil {
		return err
	}
	f.SourceID, f.URL, f.Title, f.Publisher, f.Author, f.Published, f.Passage =
		pf.Get("source"), strings.TrimSpace(pf.Get("url")), pf.Get("title"), pf.Get("publisher"), pf.Get("author"), strings.TrimSpace(pf.Get("published")), pf.Get("passage")
	fe := timeline.FieldErrors{}
	c := &timeline.Citation{SubjectKind: timeline.Kind(f.Kind), SubjectID: f.ID, Passage: f.Passage}
	var src *timeline.Source
	switch {
	case f.SourceID != "" && f.URL != "":
		fe.Add("url", "Pick a source on record or enter a new one, not both.")
	case f.SourceID != "":
		c.SourceID, _ = strconv.ParseInt(f.SourceID, 10, 64)
		if _, err := a.store.Source(r.Context(), c.SourceID); err != nil {
			fe.Add("source", "That source is not on record.")
		}
	case f.URL == "":
		fe.Add("url", "Pick a source on record, or enter the address of a new one.")
	default:
		src = &timeline.Source{URL: f.URL, Title: f.Title, Publisher: f.Publisher, Author: f.Author}
		if f.Published != "" {
			if src.Published, err = timeline.ParseDate(f.Published); err != nil {
				fe.Add("published", "Not a date: "+err.Error()+".")
			}
		}
		if known, _ := a.store.SourceByURL(r.Context(), f.URL); known != nil {
			// One article is one source: the known one is used, and its
			// title need not be typed again.
			c.SourceID, src = known.ID, nil
		} else if err := src.Validate(); err != nil {
			fe.Merge(err)
		} else if f.Different = pf.Get("different") == "yes"; !f.Different {
			// The same title and publisher under another address is most
			// likely the same article: ask before making a second source.
			like, err := a.store.SourcesLike(r.Context(), f.Title, f.Publisher)
			if err != nil {
				return err
			}
			if len(like) > 0 {
				f.Found, f.Duplicate = like, true
				fe.Add("url", "A source on record has this title and publisher, under another address: pick it above, or tick “It is a different article” to add this one.")
			}
		}
	}
	if len(fe) == 0 {
		_, err := a.store.CiteWith(r.Context(), actor(r), c, src)
		switch timeline.ErrorCode(err) {
		case "":
			msg := "Source linked."
			if src == nil && f.URL != "" {
				msg = "That address was already on record; its source is now linked."
			}
			return a.redirectWithFlash(w, r, f.Back, msg)
		case timeline.EInvalid, timeline.EConflict:
			fe.Add("source", timeline.ErrorMessage(err))
		default:
			return err
		}
	}
	f.Errors = fe
	return render(w, r, http.StatusUnprocessableEntity, views.CiteFormPage(f))
}
