package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// The edit forms reuse the create forms' fields, filled from the record,
// and post to the record's own /edit path. A save records the row before
// and after in the record's history.

func reasonField() views.FormField {
	return views.FormField{Name: "reason", Label: "Reason for the change (optional, kept in the history)", Type: "text"}
}

func editOf(f views.SimpleForm, heading, action, back string) views.SimpleForm {
	f.Heading, f.Action, f.Back, f.Submit = heading, action, back, "Save changes"
	f.Intro = ""
	f.Fields = append(f.Fields, reasonField())
	return f
}

func getter(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// Events.

func (a *Server) editEventForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	e, err := a.store.Event(r.Context(), id, true)
	if err != nil {
		return err
	}
	path := timeline.RecordPath(timeline.KindEvent, id)
	f := editOf(a.eventForm(w, r), "Edit event", path+"/edit", path)
	return a.simpleForm(w, r, f, getter(map[string]string{"title": e.Title, "kind": e.Kind, "date": e.Date.String(), "precision": string(e.Precision),
		"end": e.EndDate.String(), "country": e.Country, "summary": e.Summary}), nil)
}

func (a *Server) updateEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	old, err := a.store.Event(r.Context(), id, true)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	e := &timeline.Event{ID: id, Title: v("title"), Kind: v("kind"), Summary: v("summary"), Status: old.Status, Country: v("country")}
	e.Date = dateField(fe, "date", v("date"), true)
	e.EndDate = dateField(fe, "end", v("end"), false)
	if e.Precision, err = timeline.ParsePrecision(v("precision")); err != nil {
		fe.Add("precision", err.Error())
	}
	if len(fe) == 0 {
		if err := a.store.UpdateEvent(r.Context(), actor(r), e, v("reason")); err == nil {
			return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindEvent, id), "Event saved.")
		} else if err := userErrors(fe, err, "title"); err != nil {
			return err
		}
	}
	path := timeline.RecordPath(timeline.KindEvent, id)
	return a.simpleForm(w, r, editOf(a.eventForm(w, r), "Edit event", path+"/edit", path), v, fe)
}

// Meetings: date, stop, title and summary (participants are kept).

func (a *Server) meetingEditForm(w http.ResponseWriter, r *http.Request, m *timeline.Meeting) (views.SimpleForm, error) {
	trip, _, err := a.store.TripForCurator(r.Context(), m.TripID)
	if err != nil {
		return views.SimpleForm{}, err
	}
	stops := []views.Option{{Value: "", Label: "Not at a stop"}}
	for _, s := range trip.Stops {
		stops = append(stops, views.Option{Value: strconv.FormatInt(s.ID, 10), Label: a.store.Countries().Name(s.Country) + " " + s.Locality + " (" + timeline.FormatRange(s.Start, s.End) + ")"})
	}
	path := fmt.Sprintf("/meetings/%d", m.ID)
	back := fmt.Sprintf("/trips/%d#meeting-%d", m.TripID, m.ID)
	return views.SimpleForm{Site: a.site(w, r, "Edit meeting"), Heading: "Edit meeting", Action: path + "/edit", Back: back, Submit: "Save changes",
		Fields: []views.FormField{
			{Name: "date", Label: "Date", Type: "date"},
			{Name: "stop", Label: "At the stop", Type: "select", Options: stops},
			{Name: "title", Label: "Title", Type: "text"},
			{Name: "summary", Label: "Summary", Type: "textarea"},
			reasonField(),
		}}, nil
}

func (a *Server) editMeetingForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	m, err := a.store.Meeting(r.Context(), id, true)
	if err != nil {
		return err
	}
	f, err := a.meetingEditForm(w, r, m)
	if err != nil {
		return err
	}
	stop := ""
	if m.StopID != 0 {
		stop = strconv.FormatInt(m.StopID, 10)
	}
	return a.simpleForm(w, r, f, getter(map[string]string{"date": m.Date.String(), "stop": stop, "title": m.Title, "summary": m.Summary}), nil)
}

func (a *Server) updateMeeting(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	m, err := a.store.Meeting(r.Context(), id, true)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	m.Date = dateField(fe, "date", v("date"), true)
	m.Title, m.Summary, m.StopID = v("title"), v("summary"), 0
	if s := v("stop"); s != "" {
		m.StopID, _ = strconv.ParseInt(s, 10, 64)
	}
	if len(fe) == 0 {
		if err := a.store.UpdateMeeting(r.Context(), actor(r), m, v("reason")); err == nil {
			return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#meeting-%d", m.TripID, id), "Meeting saved.")
		} else if err := userErrors(fe, err, "title"); err != nil {
			return err
		}
	}
	f, err := a.meetingEditForm(w, r, m)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, f, v, fe)
}

// Goals: the words, who stated them, the outcome.

func (a *Server) editGoalForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "goal")
	if err != nil {
		return err
	}
	g, err := a.store.Goal(r.Context(), id)
	if err != nil {
		return err
	}
	r.SetPathValue("id", strconv.FormatInt(g.TripID, 10))
	f, _, err := a.goalForm(w, r)
	if err != nil {
		return err
	}
	f = editOf(f, "Edit goal", fmt.Sprintf("/goals/%d/edit", id), fmt.Sprintf("/trips/%d#goal-%d", g.TripID, id))
	slug := ""
	if g.StatedByID != 0 {
		if p, err := a.store.PersonByID(r.Context(), g.StatedByID); err == nil {
			slug = p.Slug
		}
	}
	return a.simpleForm(w, r, f, getter(map[string]string{"text": g.Text, "stated_by": slug, "outcome": g.Outcome}), nil)
}

func (a *Server) updateGoal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "goal")
	if err != nil {
		return err
	}
	g, err := a.store.Goal(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	g.Text, g.Outcome, g.StatedByID = v("text"), v("outcome"), 0
	if slug := v("stated_by"); slug != "" {
		p, err := a.store.PersonBySlug(r.Context(), slug, true)
		if err != nil {
			fe.Add("stated_by", "There is no such person.")
		} else {
			g.StatedByID = p.ID
		}
	}
	if len(fe) == 0 {
		if err := a.store.UpdateGoal(r.Context(), actor(r), g, v("reason")); err == nil {
			return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#goal-%d", g.TripID, id), "Goal saved.")
		} else if err := userErrors(fe, err, "text"); err != nil {
			return err
		}
	}
	r.SetPathValue("id", strconv.FormatInt(g.TripID, 10))
	f, _, err := a.goalForm(w, r)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, editOf(f, "Edit goal", fmt.Sprintf("/goals/%d/edit", id), fmt.Sprintf("/trips/%d#goal-%d", g.TripID, id)), v, fe)
}

// Sources.

func (a *Server) sourceForm(w http.ResponseWriter, r *http.Request, id int64) views.SimpleForm {
	path := timeline.RecordPath(timeline.KindSource, id)
	return views.SimpleForm{Site: a.site(w, r, "Edit source"), Heading: "Edit source", Action: path + "/edit", Back: path, Submit: "Save changes",
		Fields: []views.FormField{
			{Name: "url", Label: "Address (http or https)", Type: "url"},
			{Name: "title", Label: "Title", Type: "text"},
			{Name: "publisher", Label: "Publisher", Type: "text"},
			{Name: "author", Label: "Author", Type: "text"},
			{Name: "published", Label: "Published on", Type: "date"},
			{Name: "archive_url", Label: "Archived copy (http or https)", Type: "url"},
			{Name: "notes", Label: "Notes", Type: "textarea"},
			reasonField(),
		}}
}

func (a *Server) editSourceForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "source")
	if err != nil {
		return err
	}
	s, err := a.store.Source(r.Context(), id)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, a.sourceForm(w, r, id), getter(map[string]string{"url": s.URL, "title": s.Title, "publisher": s.Publisher,
		"author": s.Author, "published": s.Published.String(), "archive_url": s.ArchiveURL, "notes": s.Notes}), nil)
}

func (a *Server) updateSource(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "source")
	if err != nil {
		return err
	}
	if _, err := a.store.Source(r.Context(), id); err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	s := &timeline.Source{ID: id, URL: v("url"), Title: v("title"), Publisher: v("publisher"), Author: v("author"), ArchiveURL: v("archive_url"), Notes: v("notes")}
	s.Published = dateField(fe, "published", v("published"), false)
	if len(fe) == 0 {
		if err := a.store.UpdateSource(r.Context(), actor(r), s, v("reason")); err == nil {
			return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindSource, id), "Source saved.")
		} else if err := userErrors(fe, err, "url"); err != nil {
			return err
		}
	}
	return a.simpleForm(w, r, a.sourceForm(w, r, id), v, fe)
}

// Claims: counter, stated number, words (its sources are linked apart).

func (a *Server) claimEditForm(w http.ResponseWriter, r *http.Request, c *timeline.Claim) (views.SimpleForm, error) {
	r.SetPathValue("id", strconv.FormatInt(c.TripID, 10))
	f, _, err := a.claimForm(w, r)
	if err != nil {
		return f, err
	}
	f.Fields = f.Fields[:3] // counter, stated, text: sources are linked from the trip page
	return editOf(f, "Edit claim", fmt.Sprintf("/claims/%d/edit", c.ID), fmt.Sprintf("/trips/%d#claim-%d", c.TripID, c.ID)), nil
}

func (a *Server) editClaimForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "claim")
	if err != nil {
		return err
	}
	c, err := a.store.Claim(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := a.claimEditForm(w, r, c)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, f, getter(map[string]string{"counter": strconv.FormatInt(c.CounterID, 10), "stated": strconv.Itoa(c.Stated), "text": c.Text}), nil)
}

func (a *Server) updateClaim(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "claim")
	if err != nil {
		return err
	}
	c, err := a.store.Claim(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	c.Text, c.Stated = v("text"), 0
	c.CounterID, _ = strconv.ParseInt(v("counter"), 10, 64)
	if n, err := strconv.Atoi(v("stated")); err == nil {
		c.Stated = n
	}
	if err := a.store.UpdateClaim(r.Context(), actor(r), c, v("reason")); err == nil {
		return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#claim-%d", c.TripID, id), "Claim saved; its check is shown below.")
	} else if err := userErrors(fe, err, "counter"); err != nil {
		return err
	}
	f, err := a.claimEditForm(w, r, c)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, f, v, fe)
}

// Counters.

func (a *Server) editCounterForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "counter")
	if err != nil {
		return err
	}
	c, err := a.store.CounterFor(r.Context(), id, true)
	if err != nil {
		return err
	}
	f, err := a.counterForm(w, r)
	if err != nil {
		return err
	}
	path := timeline.RecordPath(timeline.KindCounter, id)
	f = editOf(f, "Edit counter", path+"/edit", path)
	f.Fields = f.Fields[1:] // the traveller stays: a counter is about one traveller
	return a.simpleForm(w, r, f, getter(map[string]string{"region": c.Region, "country": c.Country, "since": c.Since.String(),
		"unit": string(c.Unit), "rule": string(c.Rule.Kind), "gap_days": strconv.Itoa(c.Rule.GapDays), "label": c.Label}), nil)
}

func (a *Server) updateCounter(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "counter")
	if err != nil {
		return err
	}
	c, err := a.store.CounterFor(r.Context(), id, true)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	c.Region, c.Country, c.Unit, c.Label = v("region"), "", timeline.Unit(v("unit")), v("label")
	c.Rule = timeline.Rule{Kind: timeline.RuleKind(v("rule"))}
	c.Since = dateField(fe, "since", v("since"), true)
	if g := v("gap_days"); g != "" {
		if c.Rule.GapDays, err = strconv.Atoi(g); err != nil {
			fe.Add("gap_days", "The gap is a whole number of days.")
		}
	}
	c.Country = a.countryField(fe, "country", v("country"))
	if len(fe) == 0 {
		if err := a.store.UpdateCounter(r.Context(), actor(r), c, v("reason")); err == nil {
			return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindCounter, id), "Counter saved; every ordinal and claim it gives is recomputed.")
		} else if err := userErrors(fe, err, "since"); err != nil {
			return err
		}
	}
	f, err := a.counterForm(w, r)
	if err != nil {
		return err
	}
	path := timeline.RecordPath(timeline.KindCounter, id)
	f = editOf(f, "Edit counter", path+"/edit", path)
	f.Fields = f.Fields[1:]
	return a.simpleForm(w, r, f, v, fe)
}

// Quotes.

func (a *Server) editQuoteForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "quote")
	if err != nil {
		return err
	}
	q, err := a.store.Quote(r.Context(), id)
	if err != nil {
		return err
	}
	r.SetPathValue("id", strconv.FormatInt(q.TripID, 10))
	f, _, err := a.quoteForm(w, r)
	if err != nil {
		return err
	}
	f = editOf(f, "Edit quote", fmt.Sprintf("/quotes/%d/edit", id), fmt.Sprintf("/trips/%d#quote-%d", q.TripID, id))
	stop := ""
	if q.StopID != 0 {
		stop = strconv.FormatInt(q.StopID, 10)
	}
	return a.simpleForm(w, r, f, getter(map[string]string{"person": q.PersonSlug, "date": q.Date.String(), "stop": stop, "text": q.Text}), nil)
}

func (a *Server) updateQuote(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "quote")
	if err != nil {
		return err
	}
	q, err := a.store.Quote(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	q.Text, q.StopID = v("text"), 0
	q.Date = dateField(fe, "date", v("date"), true)
	if p, err := a.store.PersonBySlug(r.Context(), v("person"), true); err != nil {
		fe.Add("person", "Choose who said it.")
	} else {
		q.PersonID = p.ID
	}
	if s := v("stop"); s != "" {
		q.StopID, _ = strconv.ParseInt(s, 10, 64)
	}
	if len(fe) == 0 {
		if err := a.store.UpdateQuote(r.Context(), actor(r), q, v("reason")); err == nil {
			return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#quote-%d", q.TripID, id), "Quote saved.")
		} else if err := userErrors(fe, err, "text"); err != nil {
			return err
		}
	}
	r.SetPathValue("id", strconv.FormatInt(q.TripID, 10))
	f, _, err := a.quoteForm(w, r)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, editOf(f, "Edit quote", fmt.Sprintf("/quotes/%d/edit", id), fmt.Sprintf("/trips/%d#quote-%d", q.TripID, id)), v, fe)
}

// People: name, home country, notes.

func (a *Server) personEditForm(w http.ResponseWriter, r *http.Request, slug string) views.SimpleForm {
	path := "/people/" + slug
	return views.SimpleForm{Site: a.site(w, r, "Edit person"), Heading: "Edit person", Action: path + "/edit", Back: path, Submit: "Save changes",
		Fields: []views.FormField{
			{Name: "name", Label: "Name", Type: "text"},
			{Name: "country", Label: "Country (name or code)", Type: "text"},
			wikidataField(),
			{Name: "notes", Label: "Notes", Type: "textarea"},
			reasonField(),
		}}
}

func (a *Server) editPersonForm(w http.ResponseWriter, r *http.Request) error {
	p, err := a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
	if err != nil {
		return err
	}
	return a.simpleForm(w, r, a.personEditForm(w, r, p.Slug), getter(map[string]string{"name": p.Name, "country": p.Country, "notes": p.Notes, "wikidata": identifierOf(p, "wikidata")}), nil)
}

func (a *Server) updatePerson(w http.ResponseWriter, r *http.Request) error {
	p, err := a.store.PersonBySlug(r.Context(), r.PathValue("slug"), true)
	if err != nil {
		return err
	}
	v, err := formValues(r)
	if err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	p.Name, p.Country, p.Notes = v("name"), v("country"), v("notes")
	p.Identifiers = withIdentifier(p.Identifiers, "wikidata", v("wikidata"))
	if err := a.store.UpdatePerson(r.Context(), actor(r), p, v("reason")); err == nil {
		return a.redirectWithFlash(w, r, "/people/"+p.Slug, "Person saved.")
	} else if err := userErrors(fe, err, "name"); err != nil {
		return err
	}
	return a.simpleForm(w, r, a.personEditForm(w, r, p.Slug), v, fe)
}
