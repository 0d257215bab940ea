package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Goals stated for a trip: the form (create and edit). A goal is shown on
// its trip's page; publish, delete, restore and history are fact.go's.

// goalForm is the goal form as typed.
type goalForm struct {
	Text     string `form:"text"`
	StatedBy string `form:"stated_by"` // a person's slug
	Outcome  string `form:"outcome"`
	edited
}

func (a *Server) goalFormOf(ctx context.Context, g *timeline.Goal) goalForm {
	f := goalForm{Text: g.Text, Outcome: g.Outcome}
	if g.StatedByID != 0 {
		if p, err := a.store.PersonByID(ctx, g.StatedByID); err == nil {
			f.StatedBy = p.Slug
		}
	}
	return f
}

func (f goalForm) fields(people []views.Option) []views.FormField {
	return []views.FormField{
		{Name: "text", Label: "The goal, as stated", Type: "text", Value: f.Text},
		{Name: "stated_by", Label: "Stated by (optional)", Type: "person", Options: people, Value: f.StatedBy},
		{Name: "outcome", Label: "Outcome (when known)", Type: "textarea", Value: f.Outcome},
	}
}

// goal turns the form into a goal of the trip.
func (a *Server) goal(ctx context.Context, f goalForm, tripID int64, fe timeline.FieldErrors) *timeline.Goal {
	g := &timeline.Goal{TripID: tripID, Text: f.Text, Outcome: f.Outcome}
	g.StatedByID = a.person(ctx, fe, "stated_by", f.StatedBy)
	fe.Merge(g.Validate())
	return g
}

func newGoalPage(trip *timeline.Trip) formPage {
	path := timeline.RecordPath(timeline.KindTrip, trip.ID)
	return formPage{Title: "New goal", Heading: "New stated goal", Intro: "For " + trip.Title + ".", Action: path + "/goals", Submit: "Save goal", Back: path}
}

func editGoalPage(g *timeline.Goal) formPage {
	return editPage("Edit goal", fmt.Sprintf("/goals/%d", g.ID), fmt.Sprintf("/trips/%d#goal-%d", g.TripID, g.ID))
}

// goalPage shows a goal form (an edit's with its reason), its people
// picker loaded here.
func (a *Server) goalPage(w http.ResponseWriter, r *http.Request, p formPage, f goalForm, edit bool, fe timeline.FieldErrors) error {
	people, err := a.personChoices(r.Context(), f.StatedBy)
	if err != nil {
		return err
	}
	fields := f.fields(people)
	if edit {
		fields = f.withMeta(fields)
	}
	return a.showForm(w, r, p, fields, fe)
}

func (a *Server) newGoalForm(w http.ResponseWriter, r *http.Request, trip *timeline.Trip) error {
	return a.goalPage(w, r, newGoalPage(trip), goalForm{}, false, nil)
}

func (a *Server) createGoal(w http.ResponseWriter, r *http.Request, trip *timeline.Trip, f goalForm, fe timeline.FieldErrors) error {
	tripID := trip.ID
	g := a.goal(r.Context(), f, tripID, fe)
	g.Status = timeline.Draft
	return a.submit(w, r, fe, save{field: "text", flash: "Goal saved as a draft.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.CreateGoal(ctx, by, g) },
		to:    func() string { return fmt.Sprintf("/trips/%d#goal-%d", tripID, g.ID) },
		again: func() error { return a.goalPage(w, r, newGoalPage(trip), f, false, fe) }})
}

// goalOf is the goal of the path.
func (a *Server) goalOf(r *http.Request) (*timeline.Goal, error) {
	return byID(r, timeline.KindGoal, a.store.Goal)
}

func (a *Server) editGoalForm(w http.ResponseWriter, r *http.Request, g *timeline.Goal) error {
	f := a.goalFormOf(r.Context(), g)
	if err := a.stamp(r, timeline.KindGoal, g.ID, &f); err != nil {
		return err
	}
	return a.goalPage(w, r, editGoalPage(g), f, true, nil)
}

func (a *Server) updateGoal(w http.ResponseWriter, r *http.Request, old *timeline.Goal, f goalForm, fe timeline.FieldErrors) error {
	r, err := a.reconcile(r, timeline.KindGoal, old.ID, &f, ptr(a.goalFormOf(r.Context(), old)), fe)
	if err != nil {
		return err
	}
	g := a.goal(r.Context(), f, old.TripID, fe)
	g.ID = old.ID
	return a.submit(w, r, fe, save{field: "text", flash: f.saved("Goal saved."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateGoal(ctx, by, g, f.Reason) },
		to:    func() string { return fmt.Sprintf("/trips/%d#goal-%d", g.TripID, g.ID) },
		again: func() error { return a.goalPage(w, r, editGoalPage(g), f, true, fe) }})
}
