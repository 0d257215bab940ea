package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Quotes.

func (a *Server) quoteForm(w http.ResponseWriter, r *http.Request) (views.SimpleForm, *timeline.Trip, error) {
	id, err := pathID(r, "trip")
	if err != nil {
		return views.SimpleForm{}, nil, err
	}
	trip, _, err := a.store.TripForCurator(r.Context(), id)
	if err != nil {
		return views.SimpleForm{}, nil, err
	}
	people, err := a.store.People(r.Context())
	if err != nil {
		return views.SimpleForm{}, nil, err
	}
	who := []views.Option{}
	for _, p := range people {
		who = append(who, views.Option{Value: p.Slug, Label: p.Name})
	}
	stops := []views.Option{{Value: "", Label: "Not at a stop"}}
	for _, s := range trip.Stops {
		stops = append(stops, views.Option{Value: strconv.FormatInt(s.ID, 10), Label: a.store.Countries().Name(s.Country) + " " + s.Locality + " (" + timeline.FormatRange(s.Start, s.End) + ")"})
	}
	path := timeline.RecordPath(timeline.KindTrip, id)
	return views.SimpleForm{
		Site: a.site(w, r, "New quote"), Heading: "New quote", Intro: "Words said on " + trip.Title + ". Link its source from the trip's page.",
		Action: path + "/quotes", Submit: "Save quote", Back: path,
		Fields: []views.FormField{
			{Name: "person", Label: "Said by", Type: "select", Options: who, Value: trip.PersonSlug},
			{Name: "date", Label: "On", Type: "date"},
			{Name: "stop", Label: "At", Type: "select", Options: stops},
			{Name: "text", Label: "The words", Type: "textarea"},
		},
	}, trip, nil
}

func (a *Server) newQuoteForm(w http.ResponseWriter, r *http.Request) error {
	f, trip, err := a.quoteForm(w, r)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, f, func(k string) string {
		if k == "person" {
			return trip.PersonSlug
		}
		return ""
	}, nil)
}

func (a *Server) createQuote(w http.ResponseWriter, r *http.Request) error {
	f, trip, err := a.quoteForm(w, r)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	q := &timeline.Quote{TripID: trip.ID, Text: v("text"), Status: timeline.Draft}
	q.Date = dateField(fe, "date", v("date"), true)
	if p, err := a.store.PersonBySlug(r.Context(), v("person"), true); err != nil {
		fe.Add("person", "Choose who said it.")
	} else {
		q.PersonID = p.ID
	}
	if sid := v("stop"); sid != "" {
		q.StopID, _ = strconv.ParseInt(sid, 10, 64)
		found := false
		for _, s := range trip.Stops {
			found = found || s.ID == q.StopID
		}
		if !found {
			fe.Add("stop", "That stop is not on this trip.")
		}
	}
	if err := q.Validate(); err != nil {
		fe.Merge(err)
	}
	if len(fe) == 0 {
		if err := a.store.CreateQuote(r.Context(), actor(r), q); err != nil {
			if err := userErrors(fe, err, "text"); err != nil {
				return err
			}
		} else {
			return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#quote-%d", trip.ID, q.ID), "Quote saved as a draft. It has no source yet: add one.")
		}
	}
	return a.simpleForm(w, r, f, v, fe)
}

// People.

func (a *Server) personForm(w http.ResponseWriter, r *http.Request) views.SimpleForm {
	return views.SimpleForm{
		Site: a.site(w, r, "New person"), Heading: "New person", Back: "/curate", Action: "/curate/people", Submit: "Save person",
		Intro: "A traveller or a counterpart, with the office they held.",
		Fields: []views.FormField{
			{Name: "name", Label: "Name", Type: "text"},
			{Name: "slug", Label: "Slug (optional)", Type: "text", Help: "Made from the name when empty; an imported traveller's is the Office of the Historian's id, such as blinken-antony-j."},
			{Name: "country", Label: "Country (name or code)", Type: "text"},
			{Name: "office", Label: "Office", Type: "text", Help: "Such as Foreign Minister."},
			{Name: "body", Label: "of (country or body)", Type: "text"},
			{Name: "from", Label: "Held from", Type: "date"},
			{Name: "to", Label: "until", Type: "date"},
			{Name: "aliases", Label: "Other names (separated by semicolons)", Type: "text"},
			wikidataField(),
		},
	}
}

func (a *Server) newPersonForm(w http.ResponseWriter, r *http.Request) error {
	return a.simpleForm(w, r, a.personForm(w, r), nil, nil)
}

func (a *Server) createPerson(w http.ResponseWriter, r *http.Request) error {
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	p := &timeline.Person{Name: v("name"), Slug: v("slug")}
	p.Country = a.countryField(fe, "country", v("country"))
	if t := v("office"); t != "" {
		o := timeline.Office{Title: t, Body: v("body")}
		o.From = dateField(fe, "from", v("from"), false)
		o.To = dateField(fe, "to", v("to"), false)
		if o.From.Valid() && o.To.Valid() && o.To.Before(o.From) {
			fe.Add("to", "An office cannot end before it starts.")
		}
		p.Offices = []timeline.Office{o}
	}
	for _, al := range strings.Split(v("aliases"), ";") {
		if al = timeline.NormalizeSpace(al); al != "" {
			p.Aliases = append(p.Aliases, al)
		}
	}
	p.Identifiers = withIdentifier(nil, "wikidata", v("wikidata"))
	for _, id := range p.Identifiers {
		if err := id.Validate(); err != nil {
			fe.Add("wikidata", timeline.ErrorMessage(err))
		}
	}
	if err := p.Validate(); err != nil {
		fe.Merge(err)
	}
	if len(fe) == 0 {
		if err := a.store.CreatePerson(r.Context(), actor(r), p); err != nil {
			if err := userErrors(fe, err, "slug"); err != nil {
				return err
			}
		} else {
			return a.redirectWithFlash(w, r, "/people/"+p.Slug, "Person saved.")
		}
	}
	return a.simpleForm(w, r, a.personForm(w, r), v, fe)
}

// Regions.

func (a *Server) regionForm(w http.ResponseWriter, r *http.Request) views.SimpleForm {
	return views.SimpleForm{
		Site: a.site(w, r, "New region"), Heading: "New region", Back: "/regions", Action: "/curate/regions", Submit: "Save region",
		Intro: "A named set of countries, for counters and filters, such as the Gulf states.",
		Fields: []views.FormField{
			{Name: "code", Label: "Code", Type: "text", Help: "Capital letters, such as GULF."},
			{Name: "name", Label: "Name", Type: "text"},
			{Name: "members", Label: "Countries (names or codes, separated by commas or lines)", Type: "textarea"},
			{Name: "notes", Label: "Notes", Type: "textarea"},
		},
	}
}

func (a *Server) newRegionForm(w http.ResponseWriter, r *http.Request) error {
	return a.simpleForm(w, r, a.regionForm(w, r), nil, nil)
}

func (a *Server) createRegion(w http.ResponseWriter, r *http.Request) error {
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	rg := &timeline.Region{Code: v("code"), Name: v("name"), Notes: v("notes"), Members: a.regionMembers(fe, v("members"))}
	if len(fe) == 0 {
		if err := a.store.CreateRegion(r.Context(), actor(r), rg); err != nil {
			if err := userErrors(fe, err, "code"); err != nil {
				return err
			}
		} else {
			return a.redirectWithFlash(w, r, "/regions/"+rg.Code, "Region saved.")
		}
	}
	return a.simpleForm(w, r, a.regionForm(w, r), v, fe)
}

// regionMembers resolves a typed list of countries, naming every unknown
// one.
func (a *Server) regionMembers(fe timeline.FieldErrors, typed string) []string {
	var members, unknown []string
	seen := map[string]bool{}
	for _, m := range strings.FieldsFunc(typed, func(c rune) bool { return c == ',' || c == '\n' || c == ';' }) {
		if m = strings.TrimSpace(m); m == "" {
			continue
		}
		code, ok := a.store.Countries().Resolve(m)
		if !ok {
			unknown = append(unknown, m)
			continue
		}
		if !seen[code] {
			seen[code] = true
			members = append(members, code)
		}
	}
	if len(unknown) > 0 {
		fe.Add("members", "Unknown countries: "+strings.Join(unknown, ", ")+".")
	}
	return members
}

func (a *Server) regionEditForm(w http.ResponseWriter, r *http.Request, code string) views.SimpleForm {
	f := a.regionForm(w, r)
	f.Fields = f.Fields[1:] // the code is the region's public id
	f.Heading, f.Intro, f.Submit = "Edit region "+code, "", "Save changes"
	f.Action, f.Back = "/regions/"+code+"/edit", "/regions/"+code
	return f
}

func (a *Server) editRegionForm(w http.ResponseWriter, r *http.Request) error {
	rg, err := a.store.Region(r.Context(), strings.ToUpper(r.PathValue("code")))
	if err != nil {
		return err
	}
	if rg.Builtin {
		return timeline.Errorf(timeline.EForbidden, "The built-in regions are the State Department's bureaus and are not edited; define a region of your own.")
	}
	names := make([]string, len(rg.Members))
	for i, m := range rg.Members {
		names[i] = a.store.Countries().Name(m)
	}
	return a.simpleForm(w, r, a.regionEditForm(w, r, rg.Code), getter(map[string]string{"name": rg.Name, "notes": rg.Notes, "members": strings.Join(names, ", ")}), nil)
}

func (a *Server) updateRegion(w http.ResponseWriter, r *http.Request) error {
	code := strings.ToUpper(r.PathValue("code"))
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	rg := &timeline.Region{Code: code, Name: v("name"), Notes: v("notes"), Members: a.regionMembers(fe, v("members"))}
	if len(fe) == 0 {
		if err := a.store.UpdateRegion(r.Context(), actor(r), rg, v("reason")); err == nil {
			return a.redirectWithFlash(w, r, "/regions/"+code, "Region saved; its counters and filters use the new members.")
		} else if err := userErrors(fe, err, "name"); err != nil {
			return err
		}
	}
	return a.simpleForm(w, r, a.regionEditForm(w, r, code), v, fe)
}

// Offices of a person.

func (a *Server) officeForm(w http.ResponseWriter, r *http.Request, slug string) views.SimpleForm {
	path := "/people/" + slug
	return views.SimpleForm{Site: a.site(w, r, "New office"), Heading: "Add an office", Action: path + "/offices", Back: path, Submit: "Save office",
		Fields: []views.FormField{
			{Name: "title", Label: "Office", Type: "text", Help: "Such as Prime Minister."},
			{Name: "body", Label: "of (country or body)", Type: "text"},
			{Name: "country", Label: "Country of the office (name or code, if a state's)", Type: "text"},
			{Name: "from", Label: "Held from", Type: "date"},
			{Name: "to", Label: "until", Type: "date"},
		}}
}

func (a *Server) newOfficeForm(w http.ResponseWriter, r *http.Request) error {
	p, err := a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, a.officeForm(w, r, p.Slug), nil, nil)
}

func (a *Server) createOffice(w http.ResponseWriter, r *http.Request) error {
	p, err := a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	o := &timeline.Office{PersonID: p.ID, Title: v("title"), Body: v("body"), Country: v("country")}
	o.From = dateField(fe, "from", v("from"), false)
	o.To = dateField(fe, "to", v("to"), false)
	if len(fe) == 0 {
		if err := a.store.AddOffice(r.Context(), actor(r), o); err == nil {
			return a.redirectWithFlash(w, r, "/people/"+p.Slug, "Office added.")
		} else if err := userErrors(fe, err, "title"); err != nil {
			return err
		}
	}
	return a.simpleForm(w, r, a.officeForm(w, r, p.Slug), v, fe)
}

// personDeleted deletes or restores a person by slug.
func (a *Server) personDeleted(deleted bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var id int64
		if deleted {
			p, err := a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
			if err != nil {
				return err
			}
			id = p.ID
		} else {
			var err error
			if id, err = a.store.PersonIDBySlug(r.Context(), r.PathValue("slug")); err != nil {
				return err
			}
		}
		if err := a.store.SetDeleted(r.Context(), actor(r), timeline.KindPerson, id, deleted, ""); err != nil {
			return err
		}
		msg := "Person restored."
		if deleted {
			msg = "Person deleted. Their trips stay; the person is kept and can be restored from this page."
		}
		return a.redirectWithFlash(w, r, historyPath(timeline.KindPerson, id), msg)
	}
}

// regionDeleted deletes or restores a curator's region.
func (a *Server) regionDeleted(deleted bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		code := strings.ToUpper(r.PathValue("code"))
		if err := a.store.SetRegionDeleted(r.Context(), actor(r), code, deleted); err != nil {
			return err
		}
		if deleted {
			return a.redirectWithFlash(w, r, "/curate", "Region "+code+" deleted. It is kept: restore it from the list of deleted regions below.")
		}
		return a.redirectWithFlash(w, r, "/regions/"+code, "Region "+code+" restored.")
	}
}
