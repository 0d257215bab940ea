package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Who a person is: merging two records of one person, splitting one
// record of two, undoing either, and the list of every identity decision
// with its evidence (DESIGN.md: "One person is one record").

func wikidataField() views.FormField {
	return views.FormField{Name: "wikidata", Label: "Wikidata id (optional)", Type: "text", Help: "Q followed by digits, such as Q42: the person's item on wikidata.org."}
}

func identifierOf(p *timeline.Person, scheme string) string {
	for _, id := range p.Identifiers {
		if id.Scheme == scheme {
			return id.Value
		}
	}
	return ""
}

// withIdentifier sets (or, empty, removes) one scheme's identifier in a
// list, keeping the others; the result is never nil, so that the store
// replaces the person's identifiers with it.
func withIdentifier(ids []timeline.Identifier, scheme, value string) []timeline.Identifier {
	out := []timeline.Identifier{}
	for _, id := range ids {
		if id.Scheme != scheme {
			out = append(out, id)
		}
	}
	if value = strings.TrimSpace(value); value != "" {
		out = append(out, timeline.Identifier{Scheme: scheme, Value: value})
	}
	return out
}

func (a *Server) mergeForm(w http.ResponseWriter, r *http.Request, p *timeline.Person) (views.SimpleForm, error) {
	path := "/people/" + p.Slug
	similar, err := a.store.SimilarPeople(r.Context(), p.ID, 20)
	if err != nil {
		return views.SimpleForm{}, err
	}
	opts := []views.Option{{Value: "", Label: "(type the slug below)"}}
	for _, s := range similar {
		opts = append(opts, views.Option{Value: s.Slug, Label: s.Name + " (" + s.Slug + ")" + s.Detail})
	}
	return views.SimpleForm{
		Site: a.site(w, r, "Merge "+p.Name), Heading: "Merge " + p.Name + " into another person",
		Intro: "When this record and another are one person: everything that names " + p.Name +
			" (trips, stops, meetings, quotes, goals, counters, offices, other names) moves to the other person, " + p.Name +
			" becomes one of their other names, and this page's address leads there. The merge is listed with its reason and can be undone.",
		Action: path + "/merge", Back: path, Submit: "Merge",
		Fields: []views.FormField{
			{Name: "into", Label: "The same person as", Type: "select", Options: opts, Help: "People with a name in common with " + p.Name + "."},
			{Name: "into_slug", Label: "or the slug of the person", Type: "text", Help: "Such as netanyahu-benjamin: the end of their page's address."},
			{Name: "reason", Label: "Why they are one person", Type: "text", Help: "Kept with the merge, for whoever reads it later."},
		},
	}, nil
}

// personFormPage serves the form build makes for the person of the path:
// GET /people/{slug}/merge and /split.
func (a *Server) personFormPage(build func(http.ResponseWriter, *http.Request, *timeline.Person) (views.SimpleForm, error)) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
		if err != nil {
			return err
		}
		f, err := build(w, r, p)
		if err != nil {
			return err
		}
		return renderForm(w, r, f, nil, nil)
	}
}

// personPosted reads the person of the path and the posted form.
func (a *Server) personPosted(r *http.Request) (*timeline.Person, func(string) string, error) {
	p, err := a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
	if err != nil {
		return nil, nil, err
	}
	v, err := formValues(r)
	return p, v, err
}

// mergePerson serves POST /people/{slug}/merge.
func (a *Server) mergePerson(w http.ResponseWriter, r *http.Request) error {
	p, v, err := a.personPosted(r)
	if err != nil {
		return err
	}
	into := v("into_slug")
	if into == "" {
		into = v("into")
	}
	fe := timeline.FieldErrors{}
	if into == "" {
		fe.Add("into", "Choose the person "+p.Name+" is, or type their slug.")
	} else if _, err := a.store.MergePeople(r.Context(), actor(r), into, p.Slug, v("reason")); err == nil {
		return a.redirectWithFlash(w, r, "/people/"+into, fmt.Sprintf("%s was merged into this person. The merge can be undone from the list of merges.", p.Name))
	} else if err := userErrors(fe, err, "into"); err != nil {
		return err
	}
	f, err := a.mergeForm(w, r, p)
	if err != nil {
		return err
	}
	return renderForm(w, r, f, v, fe)
}

func (a *Server) splitForm(w http.ResponseWriter, r *http.Request, p *timeline.Person) (views.SimpleForm, error) {
	path := "/people/" + p.Slug
	trips, err := a.store.TripsOfPerson(r.Context(), p.ID, 1000)
	if err != nil {
		return views.SimpleForm{}, err
	}
	var tripOpts, aliasOpts []views.Option
	for _, t := range trips {
		tripOpts = append(tripOpts, views.Option{Value: strconv.FormatInt(t.ID, 10), Label: timeline.FormatRange(t.Start, t.End) + ": " + t.Title})
	}
	for _, al := range p.Aliases {
		aliasOpts = append(aliasOpts, views.Option{Value: al, Label: al})
	}
	return views.SimpleForm{
		Site: a.site(w, r, "Split "+p.Name), Heading: "Split " + p.Name + " in two",
		Intro:  "When this record holds two people: the trips and other names you choose move to a new person of the same country. The split is listed and can be undone.",
		Action: path + "/split", Back: path, Submit: "Split off",
		Fields: []views.FormField{
			{Name: "name", Label: "Name of the other person", Type: "text"},
			{Name: "trips", Label: "Their trips", Type: "checkboxes", Options: tripOpts},
			{Name: "aliases", Label: "Their names among " + p.Name + "'s other names", Type: "checkboxes", Options: aliasOpts},
			{Name: "reason", Label: "Why they are two people", Type: "text"},
		},
	}, nil
}

// splitPerson serves POST /people/{slug}/split.
func (a *Server) splitPerson(w http.ResponseWriter, r *http.Request) error {
	p, v, err := a.personPosted(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	var trips []int64
	for _, s := range r.PostForm["trips"] {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			fe.Add("trips", fmt.Sprintf("%q is not a trip of this person.", timeline.Clip(s)))
			continue
		}
		trips = append(trips, id)
	}
	aliases := r.PostForm["aliases"]
	if len(fe) == 0 {
		slug, _, err := a.store.SplitPerson(r.Context(), actor(r), p.Slug, v("name"), trips, aliases, v("reason"))
		if err == nil {
			return a.redirectWithFlash(w, r, "/people/"+slug, fmt.Sprintf("This person was split off %s. The split can be undone from the list of merges.", p.Name))
		}
		if err := userErrors(fe, err, "name"); err != nil {
			return err
		}
	}
	f, err := a.splitForm(w, r, p)
	if err != nil {
		return err
	}
	f.Set(v, fe)
	for i := range f.Fields {
		if f.Fields[i].Type == "checkboxes" {
			f.Fields[i].Values = r.PostForm[f.Fields[i].Name]
		}
	}
	return render(w, r, http.StatusUnprocessableEntity, views.SimpleFormPage(f))
}

// mergesPage serves GET /curate/people/merges: every identity decision,
// the import's with the texts it joined and the rule, the curators' with
// their reason and an undo.
func (a *Server) mergesPage(w http.ResponseWriter, r *http.Request) error {
	ms, err := a.store.PersonMerges(r.Context(), 0)
	if err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.MergesPage(views.Merges{Site: a.site(w, r, "Who is who: merges and splits"), Rows: mergeRows(ms)}))
}

func mergeRows(ms []store.PersonMerge) []views.PersonMergeRow {
	out := make([]views.PersonMergeRow, len(ms))
	for i, m := range ms {
		out[i] = views.PersonMergeRow{ID: m.ID, Kind: m.Kind, PersonSlug: m.PersonSlug, PersonName: m.PersonName, OtherSlug: m.OtherSlug,
			OtherName: m.OtherName, Text: m.Text, Matched: m.Matched, Rule: m.Rule, Actor: m.Actor, At: m.At, Undone: m.Undone}
	}
	return out
}
