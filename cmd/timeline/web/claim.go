package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/timeline/article"
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
	// A new counter, on create, when Counter is newCounter: the trip's
	// traveller's, proposed from the claim's words.
	NewRegion  string `form:"new_region"`
	NewCountry string `form:"new_country"`
	NewSince   string `form:"new_since"`
	NewUnit    string `form:"new_unit"`
	NewLabel   string `form:"new_label"`
	edited
}

// newCounter is the counter picker's choice of a new counter.
const newCounter = "new"

func claimFormOf(c *timeline.Claim) claimForm {
	return claimForm{Counter: idText(c.CounterID), Stated: strconv.Itoa(c.Stated), Text: c.Text}
}

func (f claimForm) fields(counters, regions []views.Option, edit bool) []views.FormField {
	fields := []views.FormField{
		{Name: "text", Label: "The claim's words", Type: "text", Value: f.Text, Help: "As the source words it: “11th trip to the region since October 7, 2023”."},
		{Name: "counter", Label: "Counted by", Type: "select", Options: counters, Value: f.Counter,
			Help: "The counter whose question the claim answers. A new one is proposed from the claim's words."},
		{Name: "stated", Label: "Stated number", Type: "number", Value: f.Stated, Help: "Read from the words when left empty."},
	}
	if edit {
		return f.withMeta(fields)
	}
	fields = append(fields,
		views.FormField{Name: "new_region", Label: "New counter: region", Type: "select", Options: regions, Value: f.NewRegion},
		views.FormField{Name: "new_country", Label: "New counter: or one country (name or code)", Type: "text", Value: f.NewCountry},
		views.FormField{Name: "new_since", Label: "New counter: since", Type: "date", Value: f.NewSince},
		views.FormField{Name: "new_unit", Label: "New counter: counts", Type: "select", Options: options("trips", "trips", "stops", "stops (single visits)"), Value: f.NewUnit},
		views.FormField{Name: "new_label", Label: "New counter: label", Type: "text", Value: f.NewLabel, Help: "As the ordinal reads: “trip to the region”."})
	return append(fields,
		views.FormField{Name: "url", Label: "Source address (http or https)", Type: "url", Value: f.URL, Help: "An address already on record uses that source."},
		views.FormField{Name: "title", Label: "Source title (for a new source)", Type: "text", Value: f.Title},
		views.FormField{Name: "publisher", Label: "Publisher (for a new source)", Type: "text", Value: f.Publisher},
		views.FormField{Name: "passage", Label: "The quoted words", Type: "textarea", Value: f.Passage})
}

// claim turns the form into a claim about the trip.
func claim(f claimForm, tripID int64, fe timeline.FieldErrors) *timeline.Claim {
	c := &timeline.Claim{TripID: tripID, Text: f.Text}
	if f.Counter != newCounter { // a new counter's id is the store's to set
		c.CounterID = idField(fe, "counter", f.Counter)
	}
	c.Stated = intField(fe, "stated", f.Stated, "The stated number is a whole number, such as 11.")
	if len(fe) == 0 {
		for k, msg := range timeline.ErrorFields(c.Validate()) {
			if k != "counter" || f.Counter != newCounter {
				fe.Add(k, msg)
			}
		}
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
	if !edit {
		opts = append(opts, views.Option{Value: newCounter, Label: "A new counter, as below"})
	}
	for _, c := range counters {
		opts = append(opts, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Noun() + " since " + c.Since.Long() + " (" + c.Rule.Short() + ")"})
	}
	var regions []views.Option
	if !edit {
		rs, err := a.store.Regions(r.Context())
		if err != nil {
			return err
		}
		regions = []views.Option{{Value: "", Label: "Any country abroad"}}
		for _, rg := range rs {
			regions = append(regions, views.Option{Value: rg.Code, Label: rg.Code + " · " + rg.Name})
		}
	}
	return a.showForm(w, r, p, f.fields(opts, regions, edit), fe)
}

// proposeCounter fills the new counter's fields (and the stated number,
// when empty) from the claim's words: the since-date, the label, the unit,
// and the place, as a country or else as a region (by its name, or the
// region of the trip's first stop for "the region").
func (a *Server) proposeCounter(ctx context.Context, f *claimForm, trip *timeline.Trip) error {
	p := timeline.ProposeCounter(f.Text)
	if f.Stated == "" && p.Stated > 0 {
		f.Stated = strconv.Itoa(p.Stated)
	}
	f.NewLabel, f.NewUnit = p.Label, string(p.Unit)
	if p.Since.Valid() {
		f.NewSince = p.Since.String()
	}
	place := strings.TrimPrefix(strings.ToLower(p.Place), "the ")
	if code, ok := a.store.Countries().Resolve(place); ok && place != "" {
		f.NewCountry, f.NewRegion = a.store.Countries().Name(code), ""
		return nil
	}
	regions, err := a.store.Regions(ctx)
	if err != nil {
		return err
	}
	for _, rg := range regions {
		if place != "" && (strings.EqualFold(rg.Name, place) || strings.EqualFold(rg.Code, place) || strings.Contains(strings.ToLower(rg.Name), place)) {
			f.NewRegion = rg.Code
			return nil
		}
	}
	if code, ok := article.RegionAliases[place]; ok { // "the Middle East" is the Near East bureau's
		f.NewRegion = code
		return nil
	}
	if place == "region" && len(trip.Stops) > 0 {
		codes, err := a.store.RegionsOf(ctx, trip.Stops[0].Country)
		if err != nil {
			return err
		}
		for _, rg := range regions { // a bureau first: the regions come built-in first
			if slices.Contains(codes, rg.Code) {
				f.NewRegion = rg.Code
				return nil
			}
		}
	}
	return nil
}

// newCounterOf is the counter the claim form defines, for the trip's
// traveller, as a draft; nil when the form picks one on record.
func (a *Server) newCounterOf(f claimForm, trip *timeline.Trip, fe timeline.FieldErrors) *timeline.Counter {
	if f.Counter != newCounter {
		return nil
	}
	c := &timeline.Counter{PersonID: trip.PersonID, PersonSlug: trip.PersonSlug, Region: f.NewRegion, Unit: timeline.Unit(f.NewUnit),
		Label: f.NewLabel, Rule: timeline.Rule{Kind: timeline.RuleGap, GapDays: 1}, Status: timeline.Draft}
	c.Since = dateField(fe, "new_since", f.NewSince, true)
	c.Country = a.country(fe, "new_country", f.NewCountry)
	if err := c.Validate(); err != nil {
		for k, v := range timeline.ErrorFields(err) {
			fe.Add("new_"+k, v)
		}
	}
	return c
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
	return a.claimPage(w, r, newClaimPage(trip), trip.PersonID, claimForm{Counter: newCounter}, false, nil)
}

// createClaim saves a new claim with its source, and its counter when the
// form defines one. A new counter whose fields are all empty is first
// proposed from the claim's words, and shown to be checked.
func (a *Server) createClaim(w http.ResponseWriter, r *http.Request, trip *timeline.Trip, f claimForm, fe timeline.FieldErrors) error {
	tripID := trip.ID
	if f.Counter == newCounter && f.NewSince == "" && f.NewLabel == "" && f.NewCountry == "" && f.NewRegion == "" {
		if err := a.proposeCounter(r.Context(), &f, trip); err != nil {
			return err
		}
		fe.Add("counter", "A new counter is proposed from the claim's words: check it below, then save.")
		return a.claimPage(w, r, newClaimPage(trip), trip.PersonID, f, false, fe)
	}
	counter := a.newCounterOf(f, trip, fe)
	if f.Stated == "" {
		if p := timeline.ProposeCounter(f.Text); p.Stated > 0 {
			f.Stated = strconv.Itoa(p.Stated)
		}
	}
	c := claim(f, tripID, fe)
	c.Status = timeline.Draft
	cite, src := a.citation(r.Context(), f, fe)
	return a.submit(w, r, fe, save{field: "counter", flash: "Claim saved; its check is shown below.",
		run: func(ctx context.Context, by store.Actor) error {
			return a.store.CreateClaimCited(ctx, by, c, cite, src, counter)
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
