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
	Reason   string `form:"reason"`
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
		{Name: "stated_by", Label: "Stated by", Type: "select", Options: people, Value: f.StatedBy},
		{Name: "outcome", Label: "Outcome (when known)", Type: "textarea", Value: f.Outcome},
	}
}

// goal turns the form into a goal of the trip.
func (a *Server) goal(ctx context.Context, f goalForm, tripID int64, fe timeline.FieldErrors) *timeline.Goal {
	g := &timeline.Goal{TripID: tripID, Text: f.Text, Outcome: f.Outcome}
	g.StatedByID = a.person(ctx, fe, "stated_by", f.StatedBy, "There is no such person.")
	fe.Merge(g.Validate())
	return g
}

// goalPage shows the goal form of a trip: new when edit is 0, else the
// goal's edit form.
func (a *Server) goalPage(w http.ResponseWriter, r *http.Request, tripID, edit int64, f goalForm, fe timeline.FieldErrors) error {
	trip, _, err := a.store.TripForCurator(r.Context(), tripID)
	if err != nil {
		return err
	}
	people, err := a.personOptions(r.Context(), views.Option{Value: "", Label: "Not recorded"})
	if err != nil {
		return err
	}
	path := timeline.RecordPath(timeline.KindTrip, tripID)
	if edit != 0 {
		return a.showForm(w, r, editPage("Edit goal", fmt.Sprintf("/goals/%d", edit), fmt.Sprintf("%s#goal-%d", path, edit)),
			withReason(f.fields(people), f.Reason), fe)
	}
	p := formPage{Title: "New goal", Heading: "New stated goal", Intro: "For " + trip.Title + ".", Action: path + "/goals", Submit: "Save goal", Back: path}
	return a.showForm(w, r, p, f.fields(people), fe)
}

func (a *Server) newGoalForm(w http.ResponseWriter, r *http.Request, trip *timeline.Trip) error {
	return a.goalPage(w, r, trip.ID, 0, goalForm{}, nil)
}

func (a *Server) createGoal(w http.ResponseWriter, r *http.Request, trip *timeline.Trip, f goalForm, fe timeline.FieldErrors) error {
	tripID := trip.ID
	g := a.goal(r.Context(), f, tripID, fe)
	g.Status = timeline.Draft
	return a.submit(w, r, fe, save{field: "text", flash: "Goal saved as a draft.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.CreateGoal(ctx, by, g) },
		to:    func() string { return fmt.Sprintf("/trips/%d#goal-%d", tripID, g.ID) },
		again: func() error { return a.goalPage(w, r, tripID, 0, f, fe) }})
}

// goalOf is the goal of the path.
func (a *Server) goalOf(r *http.Request) (*timeline.Goal, error) {
	return byID(r, timeline.KindGoal, a.store.Goal)
}

func (a *Server) editGoalForm(w http.ResponseWriter, r *http.Request, g *timeline.Goal) error {
	return a.goalPage(w, r, g.TripID, g.ID, a.goalFormOf(r.Context(), g), nil)
}

func (a *Server) updateGoal(w http.ResponseWriter, r *http.Request, old *timeline.Goal, f goalForm, fe timeline.FieldErrors) error {
	g := a.goal(r.Context(), f, old.TripID, fe)
	g.ID = old.ID
	return a.submit(w, r, fe, save{field: "text", flash: "Goal saved.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateGoal(ctx, by, g, f.Reason) },
		to:    func() string { return fmt.Sprintf("/trips/%d#goal-%d", g.TripID, g.ID) },
		again: func() error { return a.goalPage(w, r, g.TripID, g.ID, f, fe) }})
}
