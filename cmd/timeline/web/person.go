package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// People: the page, the form (create, with a first office, and edit), an
// office added, delete and restore. Merging and splitting are
// people_identity.go's.

// personForm is the person form as typed. A new person may be given a
// first office and other names; an edit changes the name, home country,
// Wikidata id and notes (offices are added one by one).
type personForm struct {
	Name     string `form:"name"`
	Slug     string `form:"slug"`
	Country  string `form:"country"`
	Office   string `form:"office"`
	Body     string `form:"body"`
	From     string `form:"from"`
	To       string `form:"to"`
	Aliases  string `form:"aliases"`
	Wikidata string `form:"wikidata"`
	Notes    string `form:"notes"`
	edited
}

func personFormOf(p *timeline.Person) personForm {
	return personForm{Name: p.Name, Slug: p.Slug, Country: p.Country, Wikidata: identifierOf(p, "wikidata"), Notes: p.Notes}
}

func (f personForm) fields(edit bool) []views.FormField {
	wikidata := wikidataField()
	wikidata.Value = f.Wikidata
	if edit {
		return f.withMeta([]views.FormField{
			{Name: "name", Label: "Name", Type: "text", Value: f.Name},
			{Name: "country", Label: "Country (name or code)", Type: "text", Value: f.Country},
			wikidata,
			{Name: "notes", Label: "Notes", Type: "textarea", Value: f.Notes},
		})
	}
	return []views.FormField{
		{Name: "name", Label: "Name", Type: "text", Value: f.Name},
		{Name: "slug", Label: "Slug (optional)", Type: "text", Value: f.Slug, Help: "Made from the name when empty; an imported traveller's is the Office of the Historian's id, such as blinken-antony-j."},
		{Name: "country", Label: "Country (name or code)", Type: "text", Value: f.Country},
		{Name: "office", Label: "Office", Type: "text", Value: f.Office, Help: "Such as Foreign Minister."},
		{Name: "body", Label: "of (country or body)", Type: "text", Value: f.Body},
		{Name: "from", Label: "Held from", Type: "date", Value: f.From},
		{Name: "to", Label: "until", Type: "date", Value: f.To},
		{Name: "aliases", Label: "Other names (separated by semicolons)", Type: "text", Value: f.Aliases},
		wikidata,
	}
}

// person turns the form into a new person, with its first office.
func (a *Server) newPerson(f personForm, fe timeline.FieldErrors) *timeline.Person {
	p := &timeline.Person{Name: f.Name, Slug: f.Slug}
	p.Country = a.country(fe, "country", f.Country)
	if f.Office != "" {
		o := officeForm{Title: f.Office, Body: f.Body, From: f.From, To: f.To}.office(fe)
		p.Offices = []timeline.Office{*o}
	}
	for _, al := range strings.Split(f.Aliases, ";") {
		if al = timeline.NormalizeSpace(al); al != "" {
			p.Aliases = append(p.Aliases, al)
		}
	}
	p.Identifiers = withIdentifier(nil, "wikidata", f.Wikidata)
	for _, id := range p.Identifiers {
		if err := id.Validate(); err != nil {
			fe.Add("wikidata", timeline.ErrorMessage(err))
		}
	}
	fe.Merge(p.Validate())
	return p
}

var newPersonPage = formPage{Title: "New person", Heading: "New person", Back: "/curate", Action: "/curate/people", Submit: "Save person",
	Intro: "A traveller or a counterpart, with the office they held."}

func editPersonPage(slug string) formPage {
	return editPage("Edit person", "/people/"+slug, "/people/"+slug)
}

// personPage serves GET /people/{slug}.
func (a *Server) personPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := a.store.PersonBySlug(ctx, r.PathValue("slug"), false)
	if timeline.ErrorCode(err) == timeline.ENotFound {
		// A person merged into another: the old address leads there.
		if into, err2 := a.store.MergedInto(ctx, r.PathValue("slug")); err2 == nil {
			http.Redirect(w, r, "/people/"+into, http.StatusMovedPermanently)
			return nil
		}
	}
	if err != nil {
		return err
	}
	const max = 200
	trips, err := a.store.TripsOfPerson(ctx, p.ID, max+1)
	if err != nil {
		return err
	}
	meetings, err := a.store.MeetingsOfPerson(ctx, p.ID)
	if err != nil {
		return err
	}
	page := views.PersonPage{
		Site:        a.site(w, r, p.Name),
		Person:      *p,
		Names:       a.store.Countries(),
		TimelineURL: "/?" + url.Values{"person": {p.Slug}}.Encode(),
		MoreTrips:   len(trips) > max,
		Curator:     userOf(r) != nil,
	}
	if page.MoreTrips {
		trips = trips[:max]
	}
	page.Trips = trips
	if page.Figures, page.Charts, err = a.pagePictures(ctx, store.FigureScope{PersonID: p.ID}, "person", timeline.Filter{Persons: []string{p.Slug}}); err != nil {
		return err
	}
	page.Meetings = meetings
	merges, err := a.store.PersonMerges(ctx, p.ID)
	if err != nil {
		return err
	}
	page.Merges = mergeRows(merges)
	return render(w, r, http.StatusOK, views.Person(page))
}

func (a *Server) createPerson(w http.ResponseWriter, r *http.Request, f personForm, fe timeline.FieldErrors) error {
	p := a.newPerson(f, fe)
	return a.submit(w, r, fe, save{field: "slug", flash: "Person saved.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.CreatePerson(ctx, by, p) },
		to:    func() string { return "/people/" + p.Slug },
		again: func() error { return a.showForm(w, r, newPersonPage, f.fields(false), fe) }})
}

// personOf is the person of the path, drafts included.
func (a *Server) personOf(r *http.Request) (*timeline.Person, error) {
	return a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
}

func (a *Server) editPersonForm(w http.ResponseWriter, r *http.Request, p *timeline.Person) error {
	f := personFormOf(p)
	if err := a.stamp(r, timeline.KindPerson, p.ID, &f); err != nil {
		return err
	}
	return a.showForm(w, r, editPersonPage(p.Slug), f.fields(true), nil)
}

func (a *Server) updatePerson(w http.ResponseWriter, r *http.Request, p *timeline.Person, f personForm, fe timeline.FieldErrors) error {
	f.Slug = p.Slug // a slug is not edited: it is the person's address
	r, err := a.reconcile(r, timeline.KindPerson, p.ID, &f, ptr(personFormOf(p)), fe)
	if err != nil {
		return err
	}
	p.Name, p.Country, p.Notes = f.Name, f.Country, f.Notes
	p.Identifiers = withIdentifier(p.Identifiers, "wikidata", f.Wikidata)
	return a.submit(w, r, fe, save{field: "name", flash: f.saved("Person saved."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdatePerson(ctx, by, p, f.Reason) },
		to:    func() string { return "/people/" + p.Slug },
		again: func() error { return a.showForm(w, r, editPersonPage(p.Slug), f.fields(true), fe) }})
}

// officeForm is the form of an office added to a person, as typed.
type officeForm struct {
	Title   string `form:"title"`
	Body    string `form:"body"`
	Country string `form:"country"`
	From    string `form:"from"`
	To      string `form:"to"`
}

func (f officeForm) fields() []views.FormField {
	return []views.FormField{
		{Name: "title", Label: "Office", Type: "text", Value: f.Title, Help: "Such as Prime Minister."},
		{Name: "body", Label: "of (country or body)", Type: "text", Value: f.Body},
		{Name: "country", Label: "Country of the office (name or code, if a state's)", Type: "text", Value: f.Country},
		{Name: "from", Label: "Held from", Type: "date", Value: f.From},
		{Name: "to", Label: "until", Type: "date", Value: f.To},
	}
}

// office turns the form into an office; the store resolves its country.
func (f officeForm) office(fe timeline.FieldErrors) *timeline.Office {
	o := &timeline.Office{Title: f.Title, Body: f.Body, Country: f.Country}
	o.From = dateField(fe, "from", f.From, false)
	o.To = dateField(fe, "to", f.To, false)
	if o.From.Valid() && o.To.Valid() && o.To.Before(o.From) {
		fe.Add("to", "An office cannot end before it starts.")
	}
	return o
}

func newOfficePage(slug string) formPage {
	return formPage{Title: "New office", Heading: "Add an office", Action: "/people/" + slug + "/offices", Back: "/people/" + slug, Submit: "Save office"}
}

func (a *Server) newOfficeForm(w http.ResponseWriter, r *http.Request, p *timeline.Person) error {
	return a.showForm(w, r, newOfficePage(p.Slug), officeForm{}.fields(), nil)
}

func (a *Server) createOffice(w http.ResponseWriter, r *http.Request, p *timeline.Person, f officeForm, fe timeline.FieldErrors) error {
	o := f.office(fe)
	o.PersonID = p.ID
	return a.submit(w, r, fe, save{field: "title", flash: "Office added.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.AddOffice(ctx, by, o) },
		to:    func() string { return "/people/" + p.Slug },
		again: func() error { return a.showForm(w, r, newOfficePage(p.Slug), f.fields(), fe) }})
}

// setPersonDeleted deletes or restores a person by slug.
func (a *Server) setPersonDeleted(deleted bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var id int64
		slug := r.PathValue("slug")
		if deleted {
			p, err := a.personOf(r)
			if err != nil {
				return err
			}
			id = p.ID
			if ok, err := a.confirmDelete(w, r, timeline.KindPerson, id, p.Name, "/people/"+slug); !ok || err != nil {
				return err
			}
		} else {
			var err error
			if id, err = a.store.PersonIDBySlug(r.Context(), r.PathValue("slug")); err != nil {
				return err
			}
		}
		if err := a.store.SetDeleted(r.Context(), actor(r), timeline.KindPerson, id, deleted, ""); err != nil {
			return err
		}
		if deleted {
			return a.redirectWithUndo(w, r, "/curate", "Person deleted. Their trips stay, and the person is kept in their history.", "/people/"+slug+"/restore")
		}
		return a.redirectWithFlash(w, r, historyPath(timeline.KindPerson, id), "Person restored.")
	}
}
