package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Counters: the page (counterPage, below), the form (create and edit);
// publish, delete, restore and history are fact.go's.

// counterForm is the counter form as typed. An edit keeps the traveller:
// a counter is about one traveller.
type counterForm struct {
	Person  string `form:"person"`
	Region  string `form:"region"`
	Country string `form:"country"`
	Since   string `form:"since"`
	Unit    string `form:"unit"`
	Rule    string `form:"rule"`
	GapDays string `form:"gap_days"`
	Label   string `form:"label"`
	edited
}

// newCounterDefaults are a new counter's: trips regrouped by a one-day gap.
var newCounterDefaults = counterForm{Rule: string(timeline.RuleGap), GapDays: "1"}

func counterFormOf(c *timeline.Counter) counterForm {
	return counterForm{Person: c.PersonSlug, Region: c.Region, Country: c.Country, Since: c.Since.String(), Unit: string(c.Unit),
		Rule: string(c.Rule.Kind), GapDays: strconv.Itoa(c.Rule.GapDays), Label: c.Label}
}

func (f counterForm) fields(people, regions []views.Option, edit bool) []views.FormField {
	fields := []views.FormField{
		{Name: "region", Label: "Region", Type: "select", Options: regions, Value: f.Region},
		{Name: "country", Label: "or one country (name or code)", Type: "text", Value: f.Country},
		{Name: "since", Label: "Since", Type: "date", Value: f.Since},
		{Name: "unit", Label: "Counts", Type: "select", Options: options("trips", "trips", "stops", "stops (single visits)"), Value: f.Unit},
		{Name: "rule", Label: "Trips are", Type: "select", Options: options("stored", "the trips as stored", "gap", "the stops regrouped by a gap of N days"), Value: f.Rule},
		{Name: "gap_days", Label: "Gap in days (for the regrouping rule)", Type: "number", Value: f.GapDays},
		{Name: "label", Label: "Label", Type: "text", Value: f.Label, Help: "As the ordinal reads: “trip to the region” gives “11th trip to the region since …”."},
	}
	if edit {
		return f.withMeta(fields)
	}
	return append([]views.FormField{{Name: "person", Label: "Traveller", Type: "person", Options: people, Value: f.Person}}, fields...)
}

// counter turns the form into a counter.
func (a *Server) counter(f counterForm, fe timeline.FieldErrors) *timeline.Counter {
	c := &timeline.Counter{PersonSlug: f.Person, Region: f.Region, Unit: timeline.Unit(f.Unit), Label: f.Label,
		Rule: timeline.Rule{Kind: timeline.RuleKind(f.Rule)}}
	c.Since = dateField(fe, "since", f.Since, true)
	c.Rule.GapDays = intField(fe, "gap_days", f.GapDays, "The gap is a whole number of days.")
	c.Country = a.country(fe, "country", f.Country)
	fe.Merge(c.Validate())
	return c
}

// counterPage shows the counter form: new when edit is 0, else the
// counter's edit form.
func (a *Server) counterFormPage(w http.ResponseWriter, r *http.Request, edit int64, f counterForm, fe timeline.FieldErrors) error {
	regions, err := a.store.Regions(r.Context())
	if err != nil {
		return err
	}
	rs := []views.Option{{Value: "", Label: "Any country abroad"}}
	for _, rg := range regions {
		rs = append(rs, views.Option{Value: rg.Code, Label: rg.Code + " · " + rg.Name})
	}
	if edit != 0 {
		path := timeline.RecordPath(timeline.KindCounter, edit)
		return a.showForm(w, r, editPage("Edit counter", path, path), f.fields(nil, rs, true), fe)
	}
	people, err := a.personChoices(r.Context(), f.Person)
	if err != nil {
		return err
	}
	p := formPage{Title: "New counter", Heading: "New counter", Back: "/curate", Action: "/curate/counters", Submit: "Save counter",
		Intro: "A counter numbers a traveller's trips (or stops) from a date, in a region or a country, by a rule."}
	return a.showForm(w, r, p, f.fields(people, rs, false), fe)
}

func (a *Server) newCounterForm(w http.ResponseWriter, r *http.Request) error {
	return a.counterFormPage(w, r, 0, newCounterDefaults, nil)
}

func (a *Server) createCounter(w http.ResponseWriter, r *http.Request, f counterForm, fe timeline.FieldErrors) error {
	if slug, msg := a.resolvePerson(r.Context(), f.Person); msg != "" {
		fe.Add("person", msg)
	} else {
		f.Person = slug
	}
	c := a.counter(f, fe)
	c.Status = timeline.Draft
	return a.submit(w, r, fe, save{field: "person", flash: "Counter saved as a draft: publish it to show its ordinals.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.CreateCounter(ctx, by, c) },
		to:    func() string { return timeline.RecordPath(timeline.KindCounter, c.ID) },
		again: func() error { return a.counterFormPage(w, r, 0, f, fe) }})
}

// counterOf is the counter of the path, drafts included.
func (a *Server) counterOf(r *http.Request) (*timeline.Counter, error) {
	return byID(r, timeline.KindCounter, func(ctx context.Context, id int64) (*timeline.Counter, error) {
		return a.store.CounterFor(ctx, id, true)
	})
}

func (a *Server) editCounterForm(w http.ResponseWriter, r *http.Request, c *timeline.Counter) error {
	f := counterFormOf(c)
	if err := a.stamp(r, timeline.KindCounter, c.ID, &f); err != nil {
		return err
	}
	return a.counterFormPage(w, r, c.ID, f, nil)
}

func (a *Server) updateCounter(w http.ResponseWriter, r *http.Request, old *timeline.Counter, f counterForm, fe timeline.FieldErrors) error {
	f.Person = old.PersonSlug // the traveller is not edited
	r, err := a.reconcile(r, timeline.KindCounter, old.ID, &f, ptr(counterFormOf(old)), fe)
	if err != nil {
		return err
	}
	c := a.counter(f, fe)
	c.ID, c.PersonID, c.Status = old.ID, old.PersonID, old.Status
	return a.submit(w, r, fe, save{field: "since", flash: f.saved("Counter saved; every ordinal and claim it gives is recomputed."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateCounter(ctx, by, c, f.Reason) },
		to:    func() string { return timeline.RecordPath(timeline.KindCounter, c.ID) },
		again: func() error { return a.counterFormPage(w, r, c.ID, f, fe) }})
}

// counterPage serves GET /counters/{id}: the rule in words and what it
// numbers.
func (a *Server) counterPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "counter")
	if err != nil {
		return err
	}
	c, err := a.store.CounterFor(ctx, id, userOf(r) != nil)
	if err != nil {
		return err
	}
	n, err := a.currentNumberer(ctx)
	if err != nil {
		return err
	}
	res, err := n.Number(*c)
	if err != nil {
		return err
	}
	titles, err := a.store.TripTitles(ctx, c.PersonID)
	if err != nil {
		return err
	}
	claims, err := a.store.ClaimsOfCounter(ctx, id)
	if err != nil {
		return err
	}
	page := views.CounterPage{
		Site:    a.site(w, r, c.PersonName+": "+c.Noun()),
		Counter: *c, Names: a.store.Countries(), Items: res.Items, Titles: titles, Curator: userOf(r) != nil,
	}
	if len(res.Items) == 0 && page.Curator {
		if page.DraftTrips, err = a.store.DraftTripsSince(ctx, c.PersonID, c.Since); err != nil {
			return err
		}
	}
	var claimIDs []int64
	for _, cl := range claims {
		claimIDs = append(claimIDs, cl.ID)
	}
	cites := store.Citations{}
	if err := a.store.CitationsFor(ctx, timeline.KindClaim, claimIDs, cites); err != nil {
		return err
	}
	for _, cl := range claims {
		page.Claims = append(page.Claims, views.ClaimView{Claim: cl, Counter: *c, Check: timeline.CheckClaim(cl, res), Citations: cites.For(timeline.KindClaim, cl.ID)})
	}
	// Stops are stops whatever the trip rule; only trip counts depend on it.
	if c.Unit == timeline.UnitTrips {
		if page.Compare, err = compareRules(n, *c, titles, claims); err != nil {
			return err
		}
	}
	return render(w, r, http.StatusOK, views.Counter(page))
}

// numberer numbers trips by counters, reusing the numberings computed at
// the same data version: a counter reads every stop of its traveller,
// thousands for a long-serving one, and most pages show the same few
// counters.
type numberer struct {
	a *Server
	v int64
	n *store.Numberer
}

// Number applies the counter c; a counter not stored (an id of 0, as the
// rule comparisons make) is computed each time.
func (n *numberer) Number(c timeline.Counter) (timeline.Numbering, error) {
	if c.ID == 0 {
		return n.n.Number(c)
	}
	return n.a.numberings.get(n.v, strconv.FormatInt(c.ID, 10), func() (timeline.Numbering, error) { return n.n.Number(c) })
}

// currentNumberer is numberer at the store's data version now.
func (a *Server) currentNumberer(ctx context.Context) (*numberer, error) {
	v, err := a.store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	return a.numberer(ctx, v), nil
}

// numberer returns a numberer for the data version v.
func (a *Server) numberer(ctx context.Context, v int64) *numberer {
	return &numberer{a: a, v: v, n: a.store.Numberer(ctx)}
}
