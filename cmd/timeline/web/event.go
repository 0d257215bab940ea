package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Context events: the page, the form (create and edit) and publishing;
// delete, restore and history are the kind-generic ones of fact.go.

// eventForm is the event form as typed.
type eventForm struct {
	Title     string `form:"title"`
	Kind      string `form:"kind"`
	Date      string `form:"date"`
	Precision string `form:"precision"`
	End       string `form:"end"`
	Country   string `form:"country"`
	Summary   string `form:"summary"`
	// Another says a new event is not the one on record it resembles.
	Another string `form:"another"`
	edited
}

func eventFormOf(e *timeline.Event) eventForm {
	return eventForm{Title: e.Title, Kind: e.Kind, Date: e.Date.String(), Precision: string(e.Precision), End: e.EndDate.String(),
		Country: e.Country, Summary: e.Summary}
}

func (f eventForm) fields() []views.FormField {
	kinds := []views.Option{}
	for _, k := range timeline.EventKinds {
		kinds = append(kinds, views.Option{Value: k, Label: k})
	}
	return []views.FormField{
		{Name: "title", Label: "Title", Type: "text", Value: f.Title},
		{Name: "kind", Label: "Kind", Type: "select", Options: kinds, Value: f.Kind},
		{Name: "date", Label: "Date", Type: "date", Value: f.Date, Help: "For an event known to the month or year, give any day in it and choose the precision."},
		{Name: "precision", Label: "Precision", Type: "select", Options: options("day", "the day", "month", "the month only", "year", "the year only"), Value: f.Precision},
		{Name: "end", Label: "Last day (for events over several days)", Type: "date", Value: f.End},
		{Name: "country", Label: "Country (name or code)", Type: "text", Value: f.Country},
		{Name: "summary", Label: "Summary", Type: "textarea", Value: f.Summary},
	}
}

func (a *Server) event(f eventForm, fe timeline.FieldErrors) *timeline.Event {
	e := &timeline.Event{Title: f.Title, Kind: f.Kind, Summary: f.Summary}
	e.Date = dateField(fe, "date", f.Date, true)
	e.EndDate = dateField(fe, "end", f.End, false)
	var err error
	if e.Precision, err = timeline.ParsePrecision(f.Precision); err != nil {
		fe.Add("precision", err.Error())
	}
	e.Country = a.country(fe, "country", f.Country)
	if len(fe) == 0 {
		fe.Merge(e.Validate())
	}
	return e
}

var newEventPage = formPage{Title: "New event", Heading: "New context event", Action: "/curate/events", Submit: "Save event", Back: "/curate",
	Intro: "An event that is not a trip: an attack, a killing, an election, a summit. It is a draft until published."}

func editEventPage(id int64) formPage {
	path := timeline.RecordPath(timeline.KindEvent, id)
	return editPage("Edit event", path, path)
}

// eventPage serves GET /events/{id}.
func (a *Server) eventPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	curator := userOf(r) != nil
	e, err := a.store.Event(ctx, id, curator)
	if err != nil {
		return err
	}
	cites := store.Citations{}
	if err := a.store.CitationsFor(ctx, timeline.KindEvent, []int64{id}, cites); err != nil {
		return err
	}
	span := e.Span()
	around := url.Values{"from": {span.Start.AddDays(-14).String()}, "to": {span.End.AddDays(14).String()}, "order": {"asc"}}
	return render(w, r, http.StatusOK, views.Event(views.EventPage{
		Site:        a.site(w, r, e.Title),
		Event:       *e,
		Names:       a.store.Countries(),
		Citations:   cites.For(timeline.KindEvent, id),
		TimelineURL: "/?" + around.Encode(),
		Curator:     curator,
	}))
}

func (a *Server) createEvent(w http.ResponseWriter, r *http.Request, f eventForm, fe timeline.FieldErrors) error {
	e := a.event(f, fe)
	e.Status = timeline.Draft
	page := newEventPage
	if len(fe) == 0 && f.Another != "yes" {
		// The same event typed twice is caught here, not on the checks.
		similar, err := a.store.EventsLike(r.Context(), e.Title, e.Date)
		if err != nil {
			return err
		}
		if page.Similar = similarOptions(similar); len(similar) > 0 {
			fe.Add("title", "The record may have this event already: open it, or tick “It is another one” and save again.")
		}
	}
	return a.submit(w, r, fe, save{field: "title", flash: "Event saved as a draft.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.CreateEvent(ctx, by, e) },
		to:    func() string { return timeline.RecordPath(timeline.KindEvent, e.ID) },
		again: func() error { return a.showForm(w, r, page, f.fields(), fe) }})
}

// eventOf is the event of the path, drafts included.
func (a *Server) eventOf(r *http.Request) (*timeline.Event, error) {
	return byID(r, timeline.KindEvent, func(ctx context.Context, id int64) (*timeline.Event, error) { return a.store.Event(ctx, id, true) })
}

func (a *Server) editEventForm(w http.ResponseWriter, r *http.Request, e *timeline.Event) error {
	f := eventFormOf(e)
	if err := a.stamp(r, timeline.KindEvent, e.ID, &f); err != nil {
		return err
	}
	return a.showForm(w, r, editEventPage(e.ID), f.withMeta(f.fields()), nil)
}

func (a *Server) updateEvent(w http.ResponseWriter, r *http.Request, old *timeline.Event, f eventForm, fe timeline.FieldErrors) error {
	r, err := a.reconcile(r, timeline.KindEvent, old.ID, &f, ptr(eventFormOf(old)), fe)
	if err != nil {
		return err
	}
	e := a.event(f, fe)
	e.ID, e.Status = old.ID, old.Status
	return a.submit(w, r, fe, save{field: "title", flash: f.saved("Event saved."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateEvent(ctx, by, e, f.Reason) },
		to:    func() string { return timeline.RecordPath(timeline.KindEvent, e.ID) },
		again: func() error { return a.showForm(w, r, editEventPage(e.ID), f.withMeta(f.fields()), fe) }})
}
