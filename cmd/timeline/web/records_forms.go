package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// formValues reads a posted form.
func formValues(r *http.Request) (func(string) string, error) {
	if err := parseForm(r); err != nil {
		return nil, err
	}
	return func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }, nil
}

// dateField parses an optional date field into fe.
func dateField(fe timeline.FieldErrors, name, v string, required bool) timeline.Date {
	if v == "" {
		if required {
			fe.Add(name, "Enter a date.")
		}
		return timeline.Date{}
	}
	d, err := timeline.ParseDate(v)
	if err != nil {
		fe.Add(name, "Not a date: "+err.Error()+".")
	}
	return d
}

// countryField resolves a country typed into a form (a name, code or
// alias) to its code, or records a message for field; empty stays empty.
func (a *Server) countryField(fe timeline.FieldErrors, field, typed string) string {
	if typed == "" {
		return ""
	}
	code, ok := a.store.Countries().Resolve(typed)
	if !ok {
		fe.Add(field, fmt.Sprintf("Unknown country %q: type its name or code, such as Qatar or QA.", clipText(typed)))
	}
	return code
}

// simpleForm renders a SimpleForm with the posted values and errors, 422
// when there are errors.
func (a *Server) simpleForm(w http.ResponseWriter, r *http.Request, f views.SimpleForm, vals func(string) string, fe timeline.FieldErrors) error {
	f.Set(vals, fe)
	status := http.StatusOK
	if len(fe) > 0 {
		status = http.StatusUnprocessableEntity
	}
	return render(w, r, status, views.SimpleFormPage(f))
}

// userErrors moves the messages of an invalid or conflicting save into fe
// (under field when the error names none) so the form can show them; any
// other error is returned for the error page.
func userErrors(fe timeline.FieldErrors, err error, field string) error {
	switch timeline.ErrorCode(err) {
	case timeline.EInvalid, timeline.EConflict:
		if len(timeline.ErrorFields(err)) == 0 {
			fe.Add(field, timeline.ErrorMessage(err))
		}
		fe.Merge(err)
		return nil
	}
	return err
}

func options(pairs ...string) []views.Option {
	var out []views.Option
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, views.Option{Value: pairs[i], Label: pairs[i+1]})
	}
	return out
}

// Events.

func (a *Server) eventForm(w http.ResponseWriter, r *http.Request) views.SimpleForm {
	kinds := []views.Option{}
	for _, k := range timeline.EventKinds {
		kinds = append(kinds, views.Option{Value: k, Label: k})
	}
	return views.SimpleForm{
		Site: a.site(w, r, "New event"), Heading: "New context event", Action: "/curate/events", Submit: "Save event", Back: "/curate",
		Intro: "An event that is not a trip: an attack, a killing, an election, a summit. It is a draft until published.",
		Fields: []views.FormField{
			{Name: "title", Label: "Title", Type: "text"},
			{Name: "kind", Label: "Kind", Type: "select", Options: kinds},
			{Name: "date", Label: "Date", Type: "date", Help: "For an event known to the month or year, give any day in it and choose the precision."},
			{Name: "precision", Label: "Precision", Type: "select", Options: options("day", "the day", "month", "the month only", "year", "the year only")},
			{Name: "end", Label: "Last day (for events over several days)", Type: "date"},
			{Name: "country", Label: "Country (name or code)", Type: "text"},
			{Name: "summary", Label: "Summary", Type: "textarea"},
		},
	}
}

func (a *Server) newEventForm(w http.ResponseWriter, r *http.Request) error {
	return a.simpleForm(w, r, a.eventForm(w, r), nil, nil)
}

func (a *Server) createEvent(w http.ResponseWriter, r *http.Request) error {
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	e := &timeline.Event{Title: v("title"), Kind: v("kind"), Summary: v("summary"), Status: timeline.Draft}
	e.Date = dateField(fe, "date", v("date"), true)
	e.EndDate = dateField(fe, "end", v("end"), false)
	if e.Precision, err = timeline.ParsePrecision(v("precision")); err != nil {
		fe.Add("precision", err.Error())
	}
	e.Country = a.countryField(fe, "country", v("country"))
	if len(fe) == 0 {
		if err := e.Validate(); err != nil {
			fe.Merge(err)
		}
	}
	if len(fe) == 0 {
		if err := a.store.CreateEvent(r.Context(), actor(r), e); err != nil {
			return err
		}
		return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindEvent, e.ID), "Event saved as a draft.")
	}
	return a.simpleForm(w, r, a.eventForm(w, r), v, fe)
}

func (a *Server) publishEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	if err := a.store.SetStatus(r.Context(), actor(r), timeline.KindEvent, id, timeline.Published); err != nil {
		return err
	}
	return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindEvent, id), "Event published.")
}

// Goals.

func (a *Server) goalForm(w http.ResponseWriter, r *http.Request) (views.SimpleForm, int64, error) {
	id, err := pathID(r, "trip")
	if err != nil {
		return views.SimpleForm{}, 0, err
	}
	trip, _, err := a.store.TripForCurator(r.Context(), id)
	if err != nil {
		return views.SimpleForm{}, 0, err
	}
	people, err := a.store.People(r.Context())
	if err != nil {
		return views.SimpleForm{}, 0, err
	}
	who := []views.Option{{Value: "", Label: "Not recorded"}}
	for _, p := range people {
		who = append(who, views.Option{Value: p.Slug, Label: p.Name})
	}
	path := timeline.RecordPath(timeline.KindTrip, id)
	return views.SimpleForm{
		Site: a.site(w, r, "New goal"), Heading: "New stated goal", Intro: "For " + trip.Title + ".",
		Action: path + "/goals", Submit: "Save goal", Back: path,
		Fields: []views.FormField{
			{Name: "text", Label: "The goal, as stated", Type: "text"},
			{Name: "stated_by", Label: "Stated by", Type: "select", Options: who},
			{Name: "outcome", Label: "Outcome (when known)", Type: "textarea"},
		},
	}, id, nil
}

func (a *Server) newGoalForm(w http.ResponseWriter, r *http.Request) error {
	f, _, err := a.goalForm(w, r)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, f, nil, nil)
}

func (a *Server) createGoal(w http.ResponseWriter, r *http.Request) error {
	f, tripID, err := a.goalForm(w, r)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	g := &timeline.Goal{TripID: tripID, Text: v("text"), Outcome: v("outcome"), Status: timeline.Draft}
	if slug := v("stated_by"); slug != "" {
		p, err := a.store.PersonBySlug(r.Context(), slug, true)
		if err != nil {
			fe.Add("stated_by", "There is no such person.")
		} else {
			g.StatedByID = p.ID
		}
	}
	if err := g.Validate(); err != nil {
		fe.Merge(err)
	}
	if len(fe) == 0 {
		if err := a.store.CreateGoal(r.Context(), actor(r), g); err != nil {
			return err
		}
		return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#goal-%d", tripID, g.ID), "Goal saved as a draft.")
	}
	return a.simpleForm(w, r, f, v, fe)
}

// Claims.

func (a *Server) claimForm(w http.ResponseWriter, r *http.Request) (views.SimpleForm, *timeline.Trip, error) {
	id, err := pathID(r, "trip")
	if err != nil {
		return views.SimpleForm{}, nil, err
	}
	trip, _, err := a.store.TripForCurator(r.Context(), id)
	if err != nil {
		return views.SimpleForm{}, nil, err
	}
	counters, err := a.store.CountersForCurator(r.Context(), trip.PersonID)
	if err != nil {
		return views.SimpleForm{}, nil, err
	}
	opts := []views.Option{}
	for _, c := range counters {
		opts = append(opts, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Noun() + " since " + c.Since.Long() + " (" + c.Rule.Short() + ")"})
	}
	path := timeline.RecordPath(timeline.KindTrip, id)
	return views.SimpleForm{
		Site: a.site(w, r, "New claim"), Heading: "New claim", Back: path, Action: path + "/claims", Submit: "Save claim",
		Intro: "A number a source states about " + trip.Title + ", such as “11th trip to the region since October 7, 2023”. The check against the record shows on the trip's page.",
		Fields: []views.FormField{
			{Name: "counter", Label: "Counted by", Type: "select", Options: opts, Help: "The counter whose question the claim answers; add one at /curate/counters/new if none fits."},
			{Name: "stated", Label: "Stated number", Type: "number"},
			{Name: "text", Label: "The claim's words", Type: "text"},
			{Name: "url", Label: "Source address (http or https)", Type: "url", Help: "An address already on record uses that source."},
			{Name: "title", Label: "Source title (for a new source)", Type: "text"},
			{Name: "publisher", Label: "Publisher (for a new source)", Type: "text"},
			{Name: "passage", Label: "The quoted words", Type: "textarea"},
		},
	}, trip, nil
}

func (a *Server) newClaimForm(w http.ResponseWriter, r *http.Request) error {
	f, _, err := a.claimForm(w, r)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, f, nil, nil)
}

func (a *Server) createClaim(w http.ResponseWriter, r *http.Request) error {
	f, trip, err := a.claimForm(w, r)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	c := &timeline.Claim{TripID: trip.ID, Text: v("text"), Status: timeline.Draft}
	c.CounterID, _ = strconv.ParseInt(v("counter"), 10, 64)
	if n, err := strconv.Atoi(v("stated")); err == nil {
		c.Stated = n
	}
	if err := c.Validate(); err != nil {
		fe.Merge(err)
	}
	var cite *timeline.Citation
	var src *timeline.Source
	if u := v("url"); u != "" {
		cite = &timeline.Citation{Passage: v("passage")}
		known, err := a.store.SourceByURL(r.Context(), u)
		switch {
		case err != nil:
			fe.Add("url", timeline.ErrorMessage(err))
		case known != nil:
			cite.SourceID = known.ID
		default:
			src = &timeline.Source{URL: u, Title: v("title"), Publisher: v("publisher")}
			if err := src.Validate(); err != nil {
				fe.Merge(err)
			}
		}
	}
	if len(fe) == 0 {
		err := a.store.CreateClaimCited(r.Context(), actor(r), c, cite, src)
		if err == nil {
			return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#claim-%d", trip.ID, c.ID), "Claim saved; its check is shown below.")
		} else if err := userErrors(fe, err, "counter"); err != nil {
			return err
		}
	}
	return a.simpleForm(w, r, f, v, fe)
}

// Counters.

func (a *Server) counterForm(w http.ResponseWriter, r *http.Request) (views.SimpleForm, error) {
	people, err := a.store.People(r.Context())
	if err != nil {
		return views.SimpleForm{}, err
	}
	regions, err := a.store.Regions(r.Context())
	if err != nil {
		return views.SimpleForm{}, err
	}
	who := []views.Option{}
	for _, p := range people {
		who = append(who, views.Option{Value: p.Slug, Label: p.Name})
	}
	rs := []views.Option{{Value: "", Label: "Any country abroad"}}
	for _, rg := range regions {
		rs = append(rs, views.Option{Value: rg.Code, Label: rg.Code + " · " + rg.Name})
	}
	return views.SimpleForm{
		Site: a.site(w, r, "New counter"), Heading: "New counter", Back: "/curate", Action: "/curate/counters", Submit: "Save counter",
		Intro: "A counter numbers a traveller's trips (or stops) from a date, in a region or a country, by a rule.",
		Fields: []views.FormField{
			{Name: "person", Label: "Traveller", Type: "select", Options: who},
			{Name: "region", Label: "Region", Type: "select", Options: rs},
			{Name: "country", Label: "or one country (name or code)", Type: "text"},
			{Name: "since", Label: "Since", Type: "date"},
			{Name: "unit", Label: "Counts", Type: "select", Options: options("trips", "trips", "stops", "stops (single visits)")},
			{Name: "rule", Label: "Trips are", Type: "select", Options: options("stored", "the trips as stored", "gap", "the stops regrouped by a gap of N days")},
			{Name: "gap_days", Label: "Gap in days (for the regrouping rule)", Type: "number"},
			{Name: "label", Label: "Label", Type: "text", Help: "As the ordinal reads: “trip to the region” gives “11th trip to the region since …”."},
		},
	}, nil
}

func (a *Server) newCounterForm(w http.ResponseWriter, r *http.Request) error {
	f, err := a.counterForm(w, r)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, f, func(k string) string { return map[string]string{"gap_days": "1", "rule": "gap"}[k] }, nil)
}

func (a *Server) createCounter(w http.ResponseWriter, r *http.Request) error {
	f, err := a.counterForm(w, r)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	c := &timeline.Counter{PersonSlug: v("person"), Region: v("region"), Unit: timeline.Unit(v("unit")), Label: v("label"), Status: timeline.Draft,
		Rule: timeline.Rule{Kind: timeline.RuleKind(v("rule"))}}
	c.Since = dateField(fe, "since", v("since"), true)
	if g := v("gap_days"); g != "" {
		n, err := strconv.Atoi(g)
		if err != nil {
			fe.Add("gap_days", "The gap is a whole number of days.")
		}
		c.Rule.GapDays = n
	}
	c.Country = a.countryField(fe, "country", v("country"))
	if err := c.Validate(); err != nil {
		fe.Merge(err)
	}
	if len(fe) == 0 {
		err := a.store.CreateCounter(r.Context(), actor(r), c)
		if err == nil {
			return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindCounter, c.ID), "Counter saved as a draft: publish it to show its ordinals.")
		} else if err := userErrors(fe, err, "person"); err != nil {
			return err
		}
	}
	return a.simpleForm(w, r, f, v, fe)
}
