package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/diplomatic-travel/tracker/views"
)

// People are chosen by typing. A person field takes a slug or a name: as
// the curator types, static/people.js asks /curate/people.json for the
// people whose names hold the words and offers them, each with what tells
// namesakes apart (office, country, years). Without script the field is a
// search: the server takes a slug, or a name only one person matches, and
// otherwise says who the candidates are. No form loads the whole list.

// peopleJSON serves GET /curate/people.json?q=: up to 20 people.
func (a *Server) peopleJSON(w http.ResponseWriter, r *http.Request) error {
	found, err := a.store.SearchPeople(r.Context(), r.URL.Query().Get("q"), 20)
	if err != nil {
		return err
	}
	out := make([]views.Option, len(found))
	for i, c := range found {
		out[i] = views.Option{Value: c.Slug, Label: c.Label(a.store.Countries().Name)}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	return json.NewEncoder(w).Encode(out)
}

// resolvePerson reads what a person field holds: a slug, or a name (or
// part of one) that one person on record matches. It returns the slug, or
// a message for the field.
func (a *Server) resolvePerson(ctx context.Context, typed string) (string, string) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return "", ""
	}
	if p, err := a.store.PersonBySlug(ctx, typed, true); err == nil {
		return p.Slug, ""
	}
	found, err := a.store.PeopleNamed(ctx, typed)
	if err == nil && len(found) == 0 {
		found, err = a.store.SearchPeople(ctx, typed, 6)
	}
	switch {
	case err != nil:
		return "", "The people could not be searched; try again."
	case len(found) == 1:
		return found[0].Slug, ""
	case len(found) == 0:
		return "", "No person on record matches “" + typed + "”."
	}
	var labels []string
	for _, c := range found {
		labels = append(labels, c.Label(a.store.Countries().Name)+" ("+c.Slug+")")
	}
	return "", "Several people match “" + typed + "”: " + strings.Join(labels, "; ") + ". Type more of the name, or the slug."
}

// personChoices are the options a person field starts with: the people
// it holds (by slug), with their labels; the rest come as typed.
func (a *Server) personChoices(ctx context.Context, slugs ...string) ([]views.Option, error) {
	found, err := a.store.PeopleBySlug(ctx, slugs)
	if err != nil {
		return nil, err
	}
	out := make([]views.Option, len(found))
	for i, c := range found {
		out[i] = views.Option{Value: c.Slug, Label: c.Label(a.store.Countries().Name)}
	}
	return out, nil
}
