package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Claims about a trip: the form (create, with the source that makes the
// claim, and edit). The claims page and checks are claims.go's; publish,
// delete, restore and history are fact.go's.

// claimForm is the claim form as typed. A new claim may cite its source
// at once; an edit changes the claim only (its sources are linked from the
// trip's page).
type claimForm struct {
	Counter string `form:"counter"`
	Stated  string `form:"stated"`
	Text    string `form:"text"`
	// The citation, on create.
	URL       string `form:"url"`
	Title     string `form:"title"`
	Publisher string `form:"publisher"`
	Passage   string `form:"passage"`
	edited
}

func claimFormOf(c *timeline.Claim) claimForm {
	return claimForm{Counter: idText(c.CounterID), Stated: strconv.Itoa(c.Stated), Text: c.Text}
}

func (f claimForm) fields(counters []views.Option, edit bool) []views.FormField {
	fields := []views.FormField{
		{Name: "counter", Label: "Counted by", Type: "select", Options: counters, Value: f.Counter, Help: "The counter whose question the claim answers; add one at /curate/counters/new if none fits."},
		{Name: "stated", Label: "Stated number", Type: "number", Value: f.Stated},
		{Name: "text", Label: "The claim's words", Type: "text", Value: f.Text},
	}
	if edit {
		return f.withMeta(fields)
	}
	return append(fields,
		views.FormField{Name: "url", Label: "Source address (http or https)", Type: "url", Value: f.URL, Help: "An address already on record uses that source."},
		views.FormField{Name: "title", Label: "Source title (for a new source)", Type: "text", Value: f.Title},
		views.FormField{Name: "publisher", Label: "Publisher (for a new source)", Type: "text", Value: f.Publisher},
		views.FormField{Name: "passage", Label: "The quoted words", Type: "textarea", Value: f.Passage})
}

// claim turns the form into a claim about the trip.
func claim(f claimForm, tripID int64, fe timeline.FieldErrors) *timeline.Claim {
	c := &timeline.Claim{TripID: tripID, Text: f.Text}
	c.CounterID = idField(fe, "counter", f.Counter)
	c.Stated = intField(fe, "stated", f.Stated, "The stated number is a whole number, such as 11.")
	if len(fe) == 0 {
		fe.Merge(c.Validate())
	}
	return c
}

// citation is the form's citation of the claim's source: one on record
// when its address is, else a new source. Both are nil without an address.
func (a *Server) citation(ctx context.Context, f claimForm, fe timeline.FieldErrors) (*timeline.Citation, *timeline.Source) {
	if f.URL == "" {
		return nil, nil
	}
	cite := &timeline.Citation{Passage: f.Passage}
	known, err := a.store.SourceByURL(ctx, f.URL)
	switch {
	case err != nil:
		fe.Add("url", timeline.ErrorMessage(err))
	case known != nil:
		cite.SourceID = known.ID
	default:
		src := &timeline.Source{URL: f.URL, Title: f.Title, Publisher: f.Publisher}
		fe.Merge(src.Validate())
		return cite, src
	}
	return cite, nil
}

func newClaimPage(trip *timeline.Trip) formPage {
	path := timeline.RecordPath(timeline.KindTrip, trip.ID)
	return formPage{Title: "New claim", Heading: "New claim", Back: path, Action: path + "/claims", Submit: "Save claim",
		Intro: "A number a source states about " + trip.Title + ", such as “11th trip to the region since October 7, 2023”. The check against the record shows on the trip's page."}
}

func editClaimPage(c *timeline.Claim) formPage {
	return editPage("Edit claim", fmt.Sprintf("/claims/%d", c.ID), fmt.Sprintf("/trips/%d#claim-%d", c.TripID, c.ID))
}

// claimPage shows a claim form; its counters, loaded here, are those of
// the traveller whose trip the claim is about.
func (a *Server) claimPage(w http.ResponseWriter, r *http.Request, p formPage, personID int64, f claimForm, edit bool, fe timeline.FieldErrors) error {
	counters, err := a.store.CountersForCurator(r.Context(), personID)
	if err != nil {
		return err
	}
	opts := []views.Option{}
	for _, c := range counters {
		opts = append(opts, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Noun() + " since " + c.Since.Long() + " (" + c.Rule.Short() + ")"})
	}
	return a.showForm(w, r, p, f.fields(opts, edit), fe)
}

// showEditClaim shows the edit form of claim c, with its trip's
// traveller's counters.
func (a *Server) showEditClaim(w http.ResponseWriter, r *http.Request, c *timeline.Claim, f claimForm, fe timeline.FieldErrors) error {
	trip, _, err := a.store.TripForCurator(r.Context(), c.TripID)
	if err != nil {
		return err
	}
	return a.claimPage(w, r, editClaimPage(c), trip.PersonID, f, true, fe)
}

func (a *Server) newClaimForm(w http.ResponseWriter, r *http.Request, trip *timeline.Trip) error {
	return a.claimPage(w, r, newClaimPage(trip), trip.PersonID, claimForm{}, false, nil)
}

func (a *Server) createClaim(w http.ResponseWriter, r *http.Request, trip *timeline.Trip, f claimForm, fe timeline.FieldErrors) error {
	tripID := trip.ID
	c := claim(f, tripID, fe)
	c.Status = timeline.Draft
	cite, src := a.citation(r.Context(), f, fe)
	return a.submit(w, r, fe, save{field: "counter", flash: "Claim saved; its check is shown below.",
		run: func(ctx context.Context, by store.Actor) error {
			return a.store.CreateClaimCited(ctx, by, c, cite, src)
		},
		to:    func() string { return fmt.Sprintf("/trips/%d#claim-%d", tripID, c.ID) },
		again: func() error { return a.claimPage(w, r, newClaimPage(trip), trip.PersonID, f, false, fe) }})
}

// claimOf is the claim of the path.
func (a *Server) claimOf(r *http.Request) (*timeline.Claim, error) {
	return byID(r, timeline.KindClaim, a.store.Claim)
}

func (a *Server) editClaimForm(w http.ResponseWriter, r *http.Request, c *timeline.Claim) error {
	f := claimFormOf(c)
	if err := a.stamp(r, timeline.KindClaim, c.ID, &f); err != nil {
		return err
	}
	return a.showEditClaim(w, r, c, f, nil)
}

func (a *Server) updateClaim(w http.ResponseWriter, r *http.Request, old *timeline.Claim, f claimForm, fe timeline.FieldErrors) error {
	r, err := a.reconcile(r, timeline.KindClaim, old.ID, &f, ptr(claimFormOf(old)), fe)
	if err != nil {
		return err
	}
	c := claim(f, old.TripID, fe)
	c.ID, c.Status = old.ID, old.Status
	return a.submit(w, r, fe, save{field: "counter", flash: f.saved("Claim saved; its check is shown below."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateClaim(ctx, by, c, f.Reason) },
		to:    func() string { return fmt.Sprintf("/trips/%d#claim-%d", c.TripID, c.ID) },
		again: func() error { return a.showEditClaim(w, r, c, f, fe) }})
}
