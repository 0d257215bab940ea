package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// curatorRouteTable is every curator route; each is behind a.curator, so
// a visitor without a session is sent to the login form or refused.
func (a *Server) curatorRouteTable() []route {
	return []route{
		{"GET /curate", a.curator(a.curatePage)},
		{"GET /curate/checks", a.curator(a.checksPage)},
		{"GET /curate/trips/new", a.curator(a.newTripForm)},
		{"POST /curate/trips", a.curator(a.createTrip)},
		{"GET /trips/{id}/edit", a.curator(a.editTripForm)},
		{"POST /trips/{id}/edit", a.curator(a.updateTrip)},
		{"POST /trips/{id}/publish", a.curator(a.setTripStatus(timeline.Published))},
		{"POST /trips/{id}/unpublish", a.curator(a.setTripStatus(timeline.Draft))},
		{"POST /trips/{id}/delete", a.curator(a.deleteTrip)},
		{"POST /trips/{id}/restore", a.curator(a.restoreTrip)},
		{"GET /trips/{id}/history", a.curator(a.tripHistory)},
		{"POST /trips/{id}/revisions/{rev}/restore", a.curator(a.restoreTripRevision)},
		{"GET /trips/{id}/meetings/new", a.curator(a.newMeetingForm)},
		{"POST /trips/{id}/meetings", a.curator(a.createMeeting)},
		{"POST /meetings/{id}/publish", a.curator(a.publishMeeting)},
		{"GET /curate/events/new", a.curator(a.newEventForm)},
		{"POST /curate/events", a.curator(a.createEvent)},
		{"POST /events/{id}/publish", a.curator(a.publishEvent)},
		{"GET /trips/{id}/goals/new", a.curator(a.newGoalForm)},
		{"POST /trips/{id}/goals", a.curator(a.createGoal)},
		{"GET /trips/{id}/claims/new", a.curator(a.newClaimForm)},
		{"POST /trips/{id}/claims", a.curator(a.createClaim)},
		{"GET /curate/counters/new", a.curator(a.newCounterForm)},
		{"POST /curate/counters", a.curator(a.createCounter)},
		{"GET /trips/{id}/quotes/new", a.curator(a.newQuoteForm)},
		{"POST /trips/{id}/quotes", a.curator(a.createQuote)},
		{"GET /curate/people/new", a.curator(a.newPersonForm)},
		{"POST /curate/people", a.curator(a.createPerson)},
		{"GET /curate/regions/new", a.curator(a.newRegionForm)},
		{"POST /curate/regions", a.curator(a.createRegion)},
		{"GET /events/{id}/edit", a.curator(a.editEventForm)},
		{"POST /events/{id}/edit", a.curator(a.updateEvent)},
		{"GET /meetings/{id}/participants", a.curator(a.editParticipantsForm)},
		{"POST /meetings/{id}/participants", a.curator(a.updateParticipants)},
		{"GET /meetings/{id}/edit", a.curator(a.editMeetingForm)},
		{"POST /meetings/{id}/edit", a.curator(a.updateMeeting)},
		{"GET /goals/{id}/edit", a.curator(a.editGoalForm)},
		{"POST /goals/{id}/edit", a.curator(a.updateGoal)},
		{"GET /claims/{id}/edit", a.curator(a.editClaimForm)},
		{"POST /claims/{id}/edit", a.curator(a.updateClaim)},
		{"GET /counters/{id}/edit", a.curator(a.editCounterForm)},
		{"POST /counters/{id}/edit", a.curator(a.updateCounter)},
		{"GET /quotes/{id}/edit", a.curator(a.editQuoteForm)},
		{"POST /quotes/{id}/edit", a.curator(a.updateQuote)},
		{"GET /people/{slug}/edit", a.curator(a.editPersonForm)},
		{"POST /people/{slug}/edit", a.curator(a.updatePerson)},
		{"GET /people/{slug}/offices/new", a.curator(a.newOfficeForm)},
		{"POST /people/{slug}/offices", a.curator(a.createOffice)},
		{"GET /people/{slug}/merge", a.curator(a.personFormPage(a.mergeForm))},
		{"POST /people/{slug}/merge", a.curator(a.mergePerson)},
		{"GET /people/{slug}/split", a.curator(a.personFormPage(a.splitForm))},
		{"POST /people/{slug}/split", a.curator(a.splitPerson)},
		{"GET /curate/people/merges", a.curator(a.mergesPage)},
		{"POST /curate/merges/{id}/undo", a.curator(a.undoMerge)},
		{"POST /people/{slug}/delete", a.curator(a.setPersonDeleted(true))},
		{"POST /people/{slug}/restore", a.curator(a.setPersonDeleted(false))},
		{"POST /regions/{code}/delete", a.curator(a.setRegionDeleted(true))},
		{"POST /regions/{code}/restore", a.curator(a.setRegionDeleted(false))},
		{"GET /regions/{code}/edit", a.curator(a.editRegionForm)},
		{"POST /regions/{code}/edit", a.curator(a.updateRegion)},
		{"GET /sources/{id}/edit", a.curator(a.editSourceForm)},
		{"POST /sources/{id}/edit", a.curator(a.updateSource)},
		{"GET /history/{kind}/{id}", a.curator(a.history)},
		{"POST /history/{kind}/{id}/revisions/{rev}/restore", a.curator(a.restoreVersion)},
		{"POST /meetings/{id}/delete", a.curator(a.setDeleted(timeline.KindMeeting, true))},
		{"POST /meetings/{id}/restore", a.curator(a.setDeleted(timeline.KindMeeting, false))},
		{"POST /events/{id}/delete", a.curator(a.setDeleted(timeline.KindEvent, true))},
		{"POST /events/{id}/restore", a.curator(a.setDeleted(timeline.KindEvent, false))},
		{"POST /sources/{id}/delete", a.curator(a.setDeleted(timeline.KindSource, true))},
		{"POST /sources/{id}/restore", a.curator(a.setDeleted(timeline.KindSource, false))},
		{"POST /counters/{id}/delete", a.curator(a.setDeleted(timeline.KindCounter, true))},
		{"POST /counters/{id}/restore", a.curator(a.setDeleted(timeline.KindCounter, false))},
		{"POST /goals/{id}/publish", a.curator(a.publish(timeline.KindGoal))},
		{"POST /quotes/{id}/publish", a.curator(a.publish(timeline.KindQuote))},
		{"POST /claims/{id}/publish", a.curator(a.publish(timeline.KindClaim))},
		{"POST /counters/{id}/publish", a.curator(a.publish(timeline.KindCounter))},
		{"POST /goals/{id}/delete", a.curator(a.setDeleted(timeline.KindGoal, true))},
		{"POST /goals/{id}/restore", a.curator(a.setDeleted(timeline.KindGoal, false))},
		{"POST /quotes/{id}/delete", a.curator(a.setDeleted(timeline.KindQuote, true))},
		{"POST /quotes/{id}/restore", a.curator(a.setDeleted(timeline.KindQuote, false))},
		{"POST /claims/{id}/delete", a.curator(a.setDeleted(timeline.KindClaim, true))},
		{"POST /claims/{id}/restore", a.curator(a.setDeleted(timeline.KindClaim, false))},
		{"GET /cite", a.curator(a.citePage)},
		{"POST /cite", a.curator(a.cite)},
	}
}

func actor(r *http.Request) store.Actor {
	u := userOf(r)
	return store.Actor{UserID: u.ID, Name: u.Name}
}

// curatePage serves GET /curate: drafts, deleted trips, recent changes.
func (a *Server) curatePage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	drafts, err := a.store.DraftTrips(ctx)
	if err != nil {
		return err
	}
	deleted, err := a.store.DeletedTrips(ctx)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	revs, err := a.store.RecentRevisions(ctx, strings.TrimSpace(q.Get("actor")), strings.TrimSpace(q.Get("kind")), 100)
	if err != nil {
		return err
	}
	deletedRegions, err := a.store.DeletedRegions(ctx)
	if err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.Curate(views.CuratePage{
		Site: a.site(w, r, "Curate"), Names: a.store.Countries(),
		Drafts: tripRefs(drafts), Deleted: tripRefs(deleted), Changes: changes(revs),
		Actor: q.Get("actor"), Kind: q.Get("kind"), DeletedRegions: deletedRegions,
	}))
}

// tripFormFrom builds the form's view model with its pickers.
func (a *Server) tripForm(w http.ResponseWriter, r *http.Request, title string) (views.TripForm, error) {
	people, err := a.store.People(r.Context())
	if err != nil {
		return views.TripForm{}, err
	}
	f := views.TripForm{Site: a.site(w, r, title)}
	for _, p := range people {
		f.Persons = append(f.Persons, views.Option{Value: p.Slug, Label: p.Name})
	}
	for _, c := range a.store.Countries().All() {
		f.Countries = append(f.Countries, views.Option{Value: c.Name, Label: c.Code})
	}
	return f, nil
}

func (a *Server) newTripForm(w http.ResponseWriter, r *http.Request) error {
	f, err := a.tripForm(w, r, "New trip")
	if err != nil {
		return err
	}
	f.Action = "/curate/trips"
	f.Person = r.URL.Query().Get("person")
	f.Stops = []views.StopRow{{}}
	return render(w, r, http.StatusOK, views.TripFormPage(f))
}

func (a *Server) editTripForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	trip, deleted, err := a.store.TripForCurator(r.Context(), id)
	if err != nil {
		return err
	}
	if deleted {
		return timeline.Errorf(timeline.EConflict, "Trip %d is deleted; restore it before editing it.", id)
	}
	f, err := a.tripForm(w, r, "Edit trip")
	if err != nil {
		return err
	}
	f.Action, f.TripID = fmt.Sprintf("/trips/%d/edit", id), id
	stored, _, err := a.store.TripForCurator(r.Context(), id)
	if err != nil {
		return err
	}
	f.Person, f.Title, f.Summary = stored.PersonSlug, storedTitle(stored, trip), stored.Summary
	for _, s := range stored.Stops {
		f.Stops = append(f.Stops, views.StopRow{ID: strconv.FormatInt(s.ID, 10), Country: a.store.Countries().Name(s.Country),
			Locality: s.Locality, Start: s.Start.String(), End: s.End.String(), Note: s.Remarks})
	}
	return render(w, r, http.StatusOK, views.TripFormPage(f))
}

// storedTitle is the title as the curator typed it: empty when the trip is
// named by its countries.
func storedTitle(stored, shown *timeline.Trip) string {
	if stored.Title == shown.Title && strings.HasPrefix(stored.Title, "Trip to ") {
		return ""
	}
	return stored.Title
}

// readTripForm reads the posted form into the form's rows and applies a
// row operation (add, remove, move); it reports whether the curator asked
// to save.
func readTripForm(r *http.Request, f *views.TripForm) (save bool, err error) {
	if err := parseForm(r); err != nil {
		return false, err
	}
	pf := r.PostForm
	f.Person, f.Title, f.Summary = strings.TrimSpace(pf.Get("person")), pf.Get("title"), pf.Get("summary")
	ids, countries, locs, starts, ends, notes := pf["stop_id"], pf["stop_country"], pf["stop_locality"], pf["stop_start"], pf["stop_end"], pf["stop_remarks"]
	n := len(countries)
	if n > 200 {
		return false, timeline.Errorf(timeline.EInvalid, "A trip has at most 200 stops.")
	}
	at := func(xs []string, i int) string {
		if i < len(xs) {
			return strings.TrimSpace(xs[i])
		}
		return ""
	}
	f.Stops = nil
	for i := 0; i < n; i++ {
		f.Stops = append(f.Stops, views.StopRow{ID: at(ids, i), Country: at(countries, i), Locality: at(locs, i), Start: at(starts, i), End: at(ends, i), Note: at(notes, i)})
	}
	op := pf.Get("op")
	switch {
	case op == "" || op == "save":
		return true, nil
	case op == "add":
		f.Stops = append(f.Stops, views.StopRow{})
	case strings.HasPrefix(op, "remove-"), strings.HasPrefix(op, "up-"), strings.HasPrefix(op, "down-"):
		verb, num, _ := strings.Cut(op, "-")
		i, err := strconv.Atoi(num)
		if err != nil || i < 0 || i >= len(f.Stops) {
			return false, timeline.Errorf(timeline.EInvalid, "There is no stop %s.", num)
		}
		switch verb {
		case "remove":
			f.Stops = slices.Delete(f.Stops, i, i+1)
		case "up":
			if i > 0 {
				f.Stops[i-1], f.Stops[i] = f.Stops[i], f.Stops[i-1]
			}
		case "down":
			if i < len(f.Stops)-1 {
				f.Stops[i+1], f.Stops[i] = f.Stops[i], f.Stops[i+1]
			}
		}
	default:
		return false, timeline.Errorf(timeline.EInvalid, "Unknown form action %q.", op)
	}
	return false, nil
}

// tripFromForm turns the rows into a trip, collecting every field's error.
func (a *Server) tripFromForm(f *views.TripForm) (*timeline.Trip, timeline.FieldErrors) {
	fe := timeline.FieldErrors{}
	trip := &timeline.Trip{ID: f.TripID, PersonSlug: f.Person, Title: timeline.NormalizeSpace(f.Title), Summary: strings.TrimSpace(f.Summary)}
	if f.Person == "" {
		fe.Add("person", "Choose the traveller.")
	}
	if len(trip.Title) > 300 {
		fe.Add("title", "A title has at most 300 characters.")
	}
	if len(f.Stops) == 0 {
		fe.Add("stops", "A trip needs at least one stop: add one.")
	}
	for i, row := range f.Stops {
		key := "stops." + strconv.Itoa(i) + "."
		st := timeline.Stop{Locality: row.Locality, Remarks: row.Note}
		if row.ID != "" {
			st.ID, _ = strconv.ParseInt(row.ID, 10, 64)
		}
		if row.Country == "" {
			fe.Add(key+"country", "Choose the country.")
		} else {
			st.Country = a.country(fe, key+"country", row.Country)
		}
		var err error
		if row.Start == "" {
			fe.Add(key+"start", "Enter the first day of the stop.")
		} else if st.Start, err = timeline.ParseDate(row.Start); err != nil {
			fe.Add(key+"start", "Not a date: "+err.Error()+".")
		}
		if row.End != "" {
			if st.End, err = timeline.ParseDate(row.End); err != nil {
				fe.Add(key+"end", "Not a date: "+err.Error()+".")
			} else if st.Start.Valid() && st.End.Before(st.Start) {
				// Checked here too, so it is reported with the other rows'
				// faults rather than after they are fixed.
				fe.Add(key+"end", "A stop cannot end before it starts.")
			}
		}
		trip.Stops = append(trip.Stops, st)
	}
	if len(fe) == 0 {
		if err := trip.Validate(); err != nil {
			fe.Merge(err)
		}
	}
	return trip, fe
}

func (a *Server) createTrip(w http.ResponseWriter, r *http.Request) error {
	f, err := a.tripForm(w, r, "New trip")
	if err != nil {
		return err
	}
	f.Action = "/curate/trips"
	return a.saveTrip(w, r, f, func(trip *timeline.Trip) error {
		trip.Status = timeline.Draft
		return a.store.CreateTrip(r.Context(), actor(r), trip)
	})
}

func (a *Server) updateTrip(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	f, err := a.tripForm(w, r, "Edit trip")
	if err != nil {
		return err
	}
	f.Action, f.TripID = fmt.Sprintf("/trips/%d/edit", id), id
	return a.saveTrip(w, r, f, func(trip *timeline.Trip) error {
		return a.store.UpdateTrip(r.Context(), actor(r), trip, r.PostForm.Get("reason"))
	})
}

// saveTrip runs the form: a row operation re-renders it; a save validates,
// re-renders with 422 and every message when the input is wrong, or saves
// in one transaction and goes to the trip.
func (a *Server) saveTrip(w http.ResponseWriter, r *http.Request, f views.TripForm, save func(*timeline.Trip) error) error {
	doSave, err := readTripForm(r, &f)
	if err != nil {
		return err
	}
	if !doSave {
		return render(w, r, http.StatusOK, views.TripFormPage(f))
	}
	trip, fe := a.tripFromForm(&f)
	if len(fe) == 0 {
		err := save(trip)
		switch code := timeline.ErrorCode(err); {
		case err == nil:
			if err := a.flash(w, r, "Trip saved."); err != nil {
				return err
			}
			http.Redirect(w, r, timeline.RecordPath(timeline.KindTrip, trip.ID), http.StatusSeeOther)
			return nil
		case code == timeline.EInvalid || code == timeline.EConflict:
			fe.Merge(err)
			if len(fe) == 0 {
				fe.Add("stops", timeline.ErrorMessage(err))
			}
		default:
			return err
		}
	}
	f.Errors = fe
	return render(w, r, http.StatusUnprocessableEntity, views.TripFormPage(f))
}

func (a *Server) setTripStatus(status timeline.Status) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "trip")
		if err != nil {
			return err
		}
		if err := a.store.SetTripStatus(r.Context(), actor(r), id, status); err != nil {
			return err
		}
		msg := "Trip published: it is now on the public timeline and in the exports."
		if status == timeline.Draft {
			msg = "Trip returned to draft: only curators see it."
		}
		return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindTrip, id), msg)
	}
}

func (a *Server) deleteTrip(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	if err := a.store.DeleteTrip(r.Context(), actor(r), id, r.PostForm.Get("reason")); err != nil {
		return err
	}
	return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindTrip, id), "Trip deleted. It is kept and can be restored from this page.")
}

func (a *Server) restoreTrip(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	if err := a.store.RestoreTrip(r.Context(), actor(r), id); err != nil {
		return err
	}
	return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindTrip, id), "Trip restored.")
}

func (a *Server) restoreTripRevision(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	rev, err := strconv.ParseInt(r.PathValue("rev"), 10, 64)
	if err != nil {
		return timeline.Errorf(timeline.ENotFound, "There is no such version.")
	}
	if err := a.store.RestoreTripRevision(r.Context(), actor(r), id, rev); err != nil {
		return err
	}
	return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindTrip, id), fmt.Sprintf("Trip restored to the version of change %d.", rev))
}

func (a *Server) redirectWithFlash(w http.ResponseWriter, r *http.Request, to, msg string) error {
	if err := a.flash(w, r, msg); err != nil {
		return err
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// tripHistory serves GET /trips/{id}/history: every change, field by field.
func (a *Server) tripHistory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	trip, deleted, err := a.store.TripForCurator(r.Context(), id)
	if err != nil {
		return err
	}
	revs, err := a.store.Revisions(r.Context(), timeline.KindTrip, id)
	if err != nil {
		return err
	}
	slices.Reverse(revs)
	return render(w, r, http.StatusOK, views.History(views.HistoryPage{
		Site: a.site(w, r, "History of "+trip.Title), Kind: timeline.KindTrip, RecordID: id, Title: trip.Title,
		Path: timeline.RecordPath(timeline.KindTrip, id), Deleted: deleted, Changes: changes(revs),
	}))
}

// changes turns revisions into the field-by-field view.
func changes(revs []store.Revision) []views.Change {
	out := make([]views.Change, 0, len(revs))
	for _, rv := range revs {
		c := views.Change{ID: rv.ID, At: rv.At, Actor: rv.Actor, Kind: rv.Kind, RecordID: rv.RecordID, Action: rv.Action, Reason: rv.Reason, Fields: diffFields(rv.Before, rv.After)}
		switch rv.Kind {
		case timeline.KindTrip, timeline.KindEvent, timeline.KindSource, timeline.KindCounter, timeline.KindMeeting, timeline.KindStop, timeline.KindGoal, timeline.KindQuote, timeline.KindClaim:
			c.Path = timeline.RecordPath(rv.Kind, rv.RecordID)
		}
		out = append(out, c)
	}
	return out
}

// diffFields compares two JSON objects field by field and lists the fields
// whose values differ, each value written as compact JSON (or as text for
// strings).
func diffFields(before, after string) []views.FieldChange {
	var b, a map[string]json.RawMessage
	if before != "" {
		json.Unmarshal([]byte(before), &b)
	}
	if after != "" {
		json.Unmarshal([]byte(after), &a)
	}
	keys := map[string]bool{}
	for k := range b {
		keys[k] = true
	}
	for k := range a {
		keys[k] = true
	}
	var names []string
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []views.FieldChange
	for _, k := range names {
		bv, av := show(b[k]), show(a[k])
		if bv != av {
			out = append(out, views.FieldChange{Field: k, Before: bv, After: av})
		}
	}
	return out
}

func show(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
