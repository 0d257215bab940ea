package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Deleting asks first. A delete button posts to the record's delete route;
// without confirm=yes the route answers with a page that names what still
// uses the record ("cited for 7 facts") and posts again with it. Once done,
// the curator goes back to the trip (or the curators' desk), where the
// message has an Undo button.

// confirmDelete asks before deleting what (of kind by id), unless the form
// confirms it; it reports whether to go on.
func (a *Server) confirmDelete(w http.ResponseWriter, r *http.Request, kind timeline.Kind, id int64, what, back string) (bool, error) {
	verb := "Delete"
	if kind == timeline.KindCitation {
		verb = "Remove"
	}
	return a.confirm(w, r, verb, what, back, func(ctx context.Context) ([]string, error) { return a.store.Uses(ctx, kind, id) })
}

// confirm asks before doing verb to what, naming its uses, unless the form
// confirms it; it reports whether to go on.
func (a *Server) confirm(w http.ResponseWriter, r *http.Request, verb, what, back string, usesOf func(context.Context) ([]string, error)) (bool, error) {
	if err := parseForm(r); err != nil {
		return false, err
	}
	if r.PostForm.Get("confirm") == "yes" {
		return true, nil
	}
	uses, err := usesOf(r.Context())
	if err != nil {
		return false, err
	}
	return false, render(w, r, http.StatusOK, views.ConfirmDelete(views.ConfirmPage{
		Site: a.site(w, r, verb+" "+what), Question: verb + " " + what + "?", Linked: uses,
		Action: r.URL.Path, Back: back, Submit: verb + " " + what}))
}

// afterDelete is where a deleted record's curator goes: a fact of a trip
// to the trip, any other record to the curators' desk.
func (a *Server) afterDelete(r *http.Request, kind timeline.Kind, id int64) string {
	if kind.Info().OnTrip {
		if trip, err := a.store.TripOf(r.Context(), kind, id); err == nil {
			return timeline.RecordPath(timeline.KindTrip, trip)
		}
	}
	return "/curate"
}

// kindName is a kind as a sentence says it: "goal", "source".
func kindName(kind timeline.Kind) string { return strings.ReplaceAll(string(kind), "_", " ") }

// capital is s with its first letter in capitals.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
