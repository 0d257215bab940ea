package web

import (
	"context"
	"errors"
	"fmt"
	"github.com/a-h/templ"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// tripPage serves GET /trips/{id}: the trip with every fact and its
// sources, the counters' ordinals and the claims' checks. Curators see
// drafts and deleted trips too, with the actions on them.
func (a *Server) tripPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	curator := userOf(r) != nil
	f, err := a.store.TripFacts(r.Context(), id, curator)
	if err != nil {
		return err
	}
	p, err := a.tripView(r.Context(), f)
	if err != nil {
		return err
	}
	if curator {
		drafts, err := a.store.TripDrafts(r.Context(), id)
		if err != nil {
			return err
		}
		p.Curator = &views.CuratorTripBar{TripID: id, Status: f.Trip.Status, Deleted: f.Deleted, Drafts: draftItems(drafts)}
		for i := range p.Claims {
			p.Claims[i].Curator = true
		}
	}
	p.Site = a.site(w, r, f.Trip.Title)
	return render(w, r, http.StatusOK, views.Trip(p))
}

// tripView maps a trip's facts to its page: each fact with its citations,
// the counters' ordinals (claimed counts first) and the claims' checks.
func (a *Server) tripView(ctx context.Context, f *store.TripFacts) (views.TripPage, error) {
	trip, cites := f.Trip, f.Citations
	p := views.TripPage{
		Trip:      *trip,
		Names:     a.store.Countries(),
		Citations: cites.For(timeline.KindTrip, trip.ID),
		Context:   f.Around,
	}
	n, err := a.currentNumberer(ctx)
	if err != nil {
		return p, err
	}
	stopCounts, err := a.tripCounts(n, f, &p)
	if err != nil {
		return p, err
	}
	for _, c := range f.Claims {
		counter, ok := f.ClaimCounters[c.CounterID]
		if !ok {
			continue // its counter was deleted: there is nothing to check it by
		}
		res, err := n.Number(counter)
		if err != nil {
			return p, err
		}
		p.Claims = append(p.Claims, views.ClaimView{Claim: c, Counter: counter, Check: timeline.CheckClaim(c, res), Citations: cites.For(timeline.KindClaim, c.ID),
			Why: notCountedWhy(trip, counter)})
	}
	stopWhere := map[int64]string{}
	p.Sourcing.Stops = len(trip.Stops)
	for _, s := range trip.Stops {
		sv := views.StopView{Stop: s, Citations: cites.For(timeline.KindStop, s.ID), Counts: stopCounts[s.ID]}
		if v, ok := f.Versions[s.ID]; ok {
			sv.Record, sv.RecordFields = &v.Stop, v.Fields
		}
		if len(sv.Citations) > 0 {
			p.Sourcing.StopsSourced++
		}
		p.Stops = append(p.Stops, sv)
		where := a.store.Countries().Name(s.Country)
		if s.Locality != "" {
			where = s.Locality + ", " + where
		}
		stopWhere[s.ID] = where
	}
	for _, m := range f.Meetings {
		p.Meetings = append(p.Meetings, views.MeetingView{Meeting: m, Citations: cites.For(timeline.KindMeeting, m.ID)})
	}
	for _, g := range f.Goals {
		p.Goals = append(p.Goals, views.GoalView{Goal: g, Citations: cites.For(timeline.KindGoal, g.ID)})
	}
	for _, q := range f.Quotes {
		p.Quotes = append(p.Quotes, views.QuoteView{Quote: q, Where: stopWhere[q.StopID], Citations: cites.For(timeline.KindQuote, q.ID)})
	}
	seen := map[int64]bool{}
	for _, byKind := range cites {
		for _, list := range byKind {
			for _, c := range list {
				if !seen[c.Source.ID] {
					seen[c.Source.ID] = true
					p.Sources = append(p.Sources, c.Source)
				}
			}
		}
	}
	sortSources(p.Sources)
	return p, nil
}

// tripCounts numbers the trip by its traveller's counters into p.Counts,
// the counts a claim of the trip uses first (the same questions under
// other rules are comparisons, never the headline), and returns the stop
// counts by stop.
func (a *Server) tripCounts(n *numberer, f *store.TripFacts, p *views.TripPage) (map[int64][]views.CountBy, error) {
	stopCounts := map[int64][]views.CountBy{}
	claimed, questions := map[int64]bool{}, map[string]bool{}
	question := func(c timeline.Counter) string {
		return fmt.Sprint(c.PersonID, c.Region, c.Country, c.Since, c.Unit)
	}
	for _, cl := range f.Claims {
		claimed[cl.CounterID] = true
		if c, ok := f.ClaimCounters[cl.CounterID]; ok && c.PersonID == f.Trip.PersonID {
			questions[question(c)] = true
		}
	}
	for _, c := range f.Counters {
		res, err := n.Number(c)
		if err != nil {
			return nil, err
		}
		for _, it := range res.ForTrip(f.Trip.ID) {
			cb := views.CountBy{CounterID: c.ID, Phrase: c.Phrase(it.Ordinal), Unit: c.Unit, Rule: c.Rule.Short(),
				Claimed: claimed[c.ID], Comparison: !claimed[c.ID] && questions[question(c)]}
			if c.Unit == timeline.UnitStops {
				stopCounts[it.Stops[0].ID] = append(stopCounts[it.Stops[0].ID], cb)
			}
			p.Counts = append(p.Counts, cb)
		}
	}
	sort.SliceStable(p.Counts, func(i, j int) bool { return p.Counts[i].Claimed && !p.Counts[j].Claimed })
	return stopCounts, nil
}

// showTripForm renders the trip form with its pickers, which are loaded
// only here: a save that succeeds never needs them.
func (a *Server) showTripForm(w http.ResponseWriter, r *http.Request, f views.TripForm, status int) error {
	title := "New trip"
	if f.TripID != 0 {
		title = "Edit trip"
	}
	return a.renderWithPeople(w, r, title, status, []string{f.Person}, func(site views.Site, people []views.Option) templ.Component {
		f.Site, f.Persons = site, people
		for _, c := range a.store.Countries().All() {
			f.Countries = append(f.Countries, views.Option{Value: c.Name, Label: c.Code})
		}
		return views.TripFormPage(f)
	})
}

// newTripAction is where the form of a new trip posts.
const newTripAction = "/curate/trips"

func (a *Server) newTripForm(w http.ResponseWriter, r *http.Request) error {
	// Four rows to begin with (most trips have a few stops); rows left
	// blank are not stops, and "Add a stop" adds more.
	f := views.TripForm{Action: newTripAction, Person: r.URL.Query().Get("person"), Stops: make([]views.StopRow, 4)}
	return a.showTripForm(w, r, f, http.StatusOK)
}

// curatorTrip is a trip as curators read it: drafts and deleted trips too.
type curatorTrip struct {
	*timeline.Trip
	deleted bool
}

// curatorTripOf is the trip of the path, as curators read it.
func (a *Server) curatorTripOf(r *http.Request) (curatorTrip, error) {
	id, err := pathID(r, "trip")
	if err != nil {
		return curatorTrip{}, err
	}
	trip, deleted, err := a.store.TripForCurator(r.Context(), id)
	return curatorTrip{trip, deleted}, err
}

// tripOf is the trip a new fact is added to: the trip of the path.
func (a *Server) tripOf(r *http.Request) (*timeline.Trip, error) {
	t, err := a.curatorTripOf(r)
	return t.Trip, err
}

func (a *Server) editTripForm(w http.ResponseWriter, r *http.Request, trip curatorTrip) error {
	if trip.deleted {
		return timeline.Errorf(timeline.EConflict, "Trip %d is deleted; restore it before editing it.", trip.ID)
	}
	f := a.tripFormOf(trip.Trip)
	if err := a.stampTrip(r, &f); err != nil {
		return err
	}
	return a.showTripForm(w, r, f, http.StatusOK)
}

// storedTitle is the title as the curator typed it: empty when the trip is
// named by its countries ("Trip to …", which the form leaves blank so that
// the name follows the stops).
func storedTitle(trip *timeline.Trip) string {
	if strings.HasPrefix(trip.Title, "Trip to ") {
		return ""
	}
	return trip.Title
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
	f.NewPerson = timeline.NormalizeSpace(pf.Get("new_person"))
	if f.Person != "" && f.NewPerson != "" {
		switch {
		case pf.Get("someone_else") == "yes": // a new person of a name on record
			f.Person = ""
		case pf.Get("offered") == "yes": // the person on record offered for the name
			f.NewPerson = ""
		}
	}
	f.Reason, f.Version, f.Base = pf.Get("reason"), pf.Get("version"), pf.Get("base")
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
	switch {
	case f.Person != "" && f.NewPerson != "":
		fe.Add("new_person", "Choose a traveller on record or type a new one's name, not both.")
	case f.Person == "" && f.NewPerson != "":
		trip.PersonName = f.NewPerson // made with the trip, a draft like it
	case f.Person == "":
		fe.Add("person", "Choose the traveller.")
	}
	// Rows left wholly blank are not stops (the new form has four).
	if f.TripID == 0 {
		rows := f.Stops[:0]
		for _, row := range f.Stops {
			if row != (views.StopRow{}) {
				rows = append(rows, row)
			}
		}
		f.Stops = rows
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

// createTrip saves a new trip as a draft. A trip of this traveller on
// these dates is most likely the same trip: it is offered instead, unless
// the curator said it is another.
func (a *Server) createTrip(w http.ResponseWriter, r *http.Request) error {
	f := views.TripForm{Action: newTripAction}
	return a.saveTrip(w, r, f, func(r *http.Request, trip *timeline.Trip) error {
		trip.Status = timeline.Draft
		if r.PostForm.Get("another") == "yes" {
			return a.store.CreateTrip(r.Context(), actor(r), trip)
		}
		similar, err := a.store.CreateTripUnlessSimilar(r.Context(), actor(r), trip)
		if err == nil && len(similar) > 0 {
			err = &similarTrips{similar}
		}
		return err
	})
}

// similarTrips refuses a new trip that repeats trips on record.
type similarTrips struct{ trips []store.Similar }

func (e *similarTrips) Error() string { return "the traveller has trips on these dates" }

func (a *Server) updateTrip(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	f := views.TripForm{Action: fmt.Sprintf("/trips/%d/edit", id), TripID: id}
	return a.saveTrip(w, r, f, func(r *http.Request, trip *timeline.Trip) error {
		return a.store.UpdateTrip(r.Context(), actor(r), trip, r.PostForm.Get("reason"))
	})
}

// saveTrip runs the form: a row operation re-renders it; a save validates,
// re-renders with 422 and every message when the input is wrong, or saves
// in one transaction and goes to the trip.
//
// An edit is first brought up to the trip's current version
// (trip_conflict.go): what it merged is said, and its conflicts are shown.
func (a *Server) saveTrip(w http.ResponseWriter, r *http.Request, f views.TripForm, save func(*http.Request, *timeline.Trip) error) error {
	doSave, err := readTripForm(r, &f)
	if err != nil {
		return err
	}
	if !doSave {
		return a.showTripForm(w, r, f, http.StatusOK)
	}
	conflicts, flash := timeline.FieldErrors{}, "Trip saved."
	if f.TripID != 0 {
		before := f.Version
		if r, conflicts, err = a.reconcileTrip(r, &f); err != nil {
			return err
		}
		if before != f.Version && len(conflicts) == 0 {
			flash += " It had been changed by " + orSomeone(f.TheirsBy) + " since you opened it; their changes are kept, merged with yours."
		}
	}
	if f.Person != "" {
		// The traveller field takes a name too (people_search.go).
		if slug, msg := a.resolvePerson(r.Context(), f.Person); msg != "" {
			conflicts.Add("person", msg)
		} else {
			f.Person = slug
		}
	}
	trip, fe := a.tripFromForm(&f)
	for k, msg := range conflicts {
		fe[k] = msg
	}
	if trip.PersonName != "" && r.PostForm.Get("someone_else") != "yes" {
		// A new traveller's name the record has: its person is offered,
		// chosen in the picker, before a second is made.
		found, err := a.store.PeopleNamed(r.Context(), f.NewPerson)
		if err != nil {
			return err
		}
		if len(found) > 0 {
			f.Person, f.Offered = found[0].Slug, true
			fe.Add("new_person", "On record already: "+found[0].Label(a.store.Countries().Name)+
				". They are chosen above: save again to use them, or tick “Someone else” to add a new traveller.")
		}
	}

	if len(fe) == 0 {
		err := save(r, trip)
		var similar *similarTrips
		switch code := timeline.ErrorCode(err); {
		case err == nil:
			if err := a.flash(w, r, flash); err != nil {
				return err
			}
			http.Redirect(w, r, timeline.RecordPath(timeline.KindTrip, trip.ID), http.StatusSeeOther)
			return nil
		case errors.As(err, &similar):
			f.Similar = similarOptions(similar.trips)
			fe.Add("stops", "The record already has a trip of this traveller on these dates: open it to add to it, or tick “It is another one” and save again.")
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
	return a.showTripForm(w, r, f, http.StatusUnprocessableEntity)
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
	path := timeline.RecordPath(timeline.KindTrip, id)
	if ok, err := a.confirmDelete(w, r, timeline.KindTrip, id, "this trip", path); !ok || err != nil {
		return err
	}
	if err := a.store.DeleteTrip(r.Context(), actor(r), id, r.PostForm.Get("reason")); err != nil {
		return err
	}
	return a.redirectWithUndo(w, r, "/curate", "Trip deleted. It is kept in its history.", path+"/restore")
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
	return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindTrip, id),
		fmt.Sprintf("Trip restored to the version of change %d. Whether it is published is unchanged: publish it or return it to draft with its own buttons.", rev))
}

// tripHistory serves GET /trips/{id}/history: every change, field by field.
func (a *Server) tripHistory(w http.ResponseWriter, r *http.Request, trip curatorTrip) error {
	id := trip.ID
	page := pageOf(r)
	revs, err := a.store.TripRevisions(r.Context(), id, changesPerPage+1, (page-1)*changesPerPage)
	if err != nil {
		return err
	}
	pager := views.Pager{Page: page, More: len(revs) > changesPerPage, Base: timeline.RecordPath(timeline.KindTrip, id) + "/history"}
	revs = revs[:min(len(revs), changesPerPage)]
	return render(w, r, http.StatusOK, views.History(views.HistoryPage{
		Site: a.site(w, r, "History of "+trip.Title), Kind: string(timeline.KindTrip), RecordID: id, Title: trip.Title,
		Path: timeline.RecordPath(timeline.KindTrip, id), Deleted: trip.deleted, Changes: a.changes(r.Context(), revs), Pager: pager,
	}))
}

func sortSources(ss []timeline.Source) {
	sort.Slice(ss, func(i, j int) bool { return ss[i].Title < ss[j].Title })
}

// notCountedWhy says why a claim of the trip is not counted on the public
// site yet: its trip, or its counter, is a draft.
func notCountedWhy(trip *timeline.Trip, c timeline.Counter) string {
	var why []string
	if trip.Status == timeline.Draft {
		why = append(why, "the trip is a draft, so no counter numbers it")
	}
	if c.Status == timeline.Draft {
		why = append(why, "its counter is a draft, so its ordinals are not public")
	}
	if len(why) == 0 {
		return ""
	}
	return "Not counted publicly yet: " + strings.Join(why, ", and ") + ". Publish the trip with everything on it to count it."
}
