package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Quotes said on a trip: the form (create and edit). A quote is shown on
// its trip's page; publish, delete, restore and history are fact.go's.

// quoteForm is the quote form as typed.
type quoteForm struct {
	Person string `form:"person"` // who said it: a person's slug
	Date   string `form:"date"`
	Stop   string `form:"stop"`
	Text   string `form:"text"`
	edited
}

func quoteFormOf(q *timeline.Quote) quoteForm {
	return quoteForm{Person: q.PersonSlug, Date: q.Date.String(), Stop: idText(q.StopID), Text: q.Text}
}

func (f quoteForm) fields(people, stops []views.Option) []views.FormField {
	return []views.FormField{
		{Name: "person", Label: "Said by", Type: "person", Options: people, Value: f.Person},
		{Name: "date", Label: "On", Type: "date", Value: f.Date},
		{Name: "stop", Label: "At", Type: "select", Options: stops, Value: f.Stop},
		{Name: "text", Label: "The words", Type: "textarea", Value: f.Text},
	}
}

// quote turns the form into a quote said on the trip, at one of its stops.
func (a *Server) quote(ctx context.Context, f quoteForm, trip *timeline.Trip, fe timeline.FieldErrors) *timeline.Quote {
	q := &timeline.Quote{TripID: trip.ID, Text: f.Text}
	q.Date = dateField(fe, "date", f.Date, true)
	q.PersonID = a.person(ctx, fe, "person", f.Person)
	if f.Person == "" {
		fe.Add("person", "Choose who said it.")
	}
	q.StopID = idField(fe, "stop", f.Stop)
	onTrip(fe, trip, q.StopID)
	a.onTripDates(fe, trip, q.StopID, q.Date, "quote")
	fe.Merge(q.Validate())
	return q
}

// quotePage shows the quote form of a trip: new when edit is 0, else the
// quote's edit form.
func (a *Server) quotePage(w http.ResponseWriter, r *http.Request, trip *timeline.Trip, edit int64, f quoteForm, fe timeline.FieldErrors) error {
	people, err := a.personChoices(r.Context(), f.Person, trip.PersonSlug)
	if err != nil {
		return err
	}
	stops := a.stopOptions(trip)
	path := timeline.RecordPath(timeline.KindTrip, trip.ID)
	if edit != 0 {
		return a.showForm(w, r, editPage("Edit quote", fmt.Sprintf("/quotes/%d", edit), fmt.Sprintf("%s#quote-%d", path, edit)),
			f.withMeta(f.fields(people, stops)), fe)
	}
	p := formPage{Title: "New quote", Heading: "New quote", Intro: "Words said on " + trip.Title + ". Link its source from the trip's page.",
		Action: path + "/quotes", Submit: "Save quote", Back: path}
	return a.showForm(w, r, p, f.fields(people, stops), fe)
}

func (a *Server) newQuoteForm(w http.ResponseWriter, r *http.Request, trip *timeline.Trip) error {
	return a.quotePage(w, r, trip, 0, quoteForm{Person: trip.PersonSlug}, nil)
}

func (a *Server) createQuote(w http.ResponseWriter, r *http.Request, trip *timeline.Trip, f quoteForm, fe timeline.FieldErrors) error {
	q := a.quote(r.Context(), f, trip, fe)
	q.Status = timeline.Draft
	return a.submit(w, r, fe, save{field: "text", flash: "Quote saved as a draft. It has no source yet: add one.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.CreateQuote(ctx, by, q) },
		to:    func() string { return fmt.Sprintf("/trips/%d#quote-%d", trip.ID, q.ID) },
		again: func() error { return a.quotePage(w, r, trip, 0, f, fe) }})
}

// tripQuote is a quote with its trip, whose stops it may be said at.
type tripQuote struct {
	*timeline.Quote
	trip *timeline.Trip
}

// quoteOf is the quote of the path, with its trip.
func (a *Server) quoteOf(r *http.Request) (tripQuote, error) {
	q, err := byID(r, timeline.KindQuote, a.store.Quote)
	if err != nil {
		return tripQuote{}, err
	}
	trip, _, err := a.store.TripForCurator(r.Context(), q.TripID)
	return tripQuote{q, trip}, err
}

func (a *Server) editQuoteForm(w http.ResponseWriter, r *http.Request, q tripQuote) error {
	f := quoteFormOf(q.Quote)
	if err := a.stamp(r, timeline.KindQuote, q.ID, &f); err != nil {
		return err
	}
	return a.quotePage(w, r, q.trip, q.ID, f, nil)
}

func (a *Server) updateQuote(w http.ResponseWriter, r *http.Request, old tripQuote, f quoteForm, fe timeline.FieldErrors) error {
	r, err := a.reconcile(r, timeline.KindQuote, old.ID, &f, ptr(quoteFormOf(old.Quote)), fe)
	if err != nil {
		return err
	}
	trip := old.trip
	q := a.quote(r.Context(), f, trip, fe)
	q.ID, q.MeetingID, q.Status = old.ID, old.MeetingID, old.Status
	return a.submit(w, r, fe, save{field: "text", flash: f.saved("Quote saved."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateQuote(ctx, by, q, f.Reason) },
		to:    func() string { return fmt.Sprintf("/trips/%d#quote-%d", q.TripID, q.ID) },
		again: func() error { return a.quotePage(w, r, trip, q.ID, f, fe) }})
}
