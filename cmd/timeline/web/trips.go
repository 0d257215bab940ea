package web

import (
	"fmt"
	"net/http"
	"sort"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// tripPage serves GET /trips/{id}: the trip with every fact and its
// sources, the counters' ordinals and the claims' checks.
func (a *Server) tripPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	// Curators see drafts and deleted trips too, with the actions on them.
	curator := userOf(r) != nil
	var trip *timeline.Trip
	var bar *views.CuratorTripBar
	if curator {
		t, deleted, err := a.store.TripForCurator(ctx, id)
		if err != nil {
			return err
		}
		trip, bar = t, &views.CuratorTripBar{TripID: id, Status: t.Status, Deleted: deleted}
	} else if trip, err = a.store.Trip(ctx, id, false); err != nil {
		return err
	}
	meetings, err := a.store.MeetingsOfTrip(ctx, id, curator)
	if err != nil {
		return err
	}
	goals, err := a.store.GoalsOfTrip(ctx, id, curator)
	if err != nil {
		return err
	}
	quotes, err := a.store.QuotesOfTrip(ctx, id, curator)
	if err != nil {
		return err
	}
	claims, err := a.store.ClaimsOfTrip(ctx, id, curator)
	if err != nil {
		return err
	}
	counters, err := a.store.CountersOf(ctx, trip.PersonID)
	if curator {
		counters, err = a.store.CountersForCurator(ctx, trip.PersonID)
	}
	if err != nil {
		return err
	}
	context, err := a.store.EventsAround(ctx, timeline.Range{Start: trip.Start, End: trip.End}, 30)
	if err != nil {
		return err
	}

	cites := store.Citations{}
	load := func(kind string, ids []int64) error { return a.store.CitationsFor(ctx, kind, ids, cites) }
	var stopIDs, meetingIDs, goalIDs, quoteIDs, claimIDs []int64
	for _, s := range trip.Stops {
		stopIDs = append(stopIDs, s.ID)
	}
	for _, m := range meetings {
		meetingIDs = append(meetingIDs, m.ID)
	}
	for _, g := range goals {
		goalIDs = append(goalIDs, g.ID)
	}
	for _, q := range quotes {
		quoteIDs = append(quoteIDs, q.ID)
	}
	for _, c := range claims {
		claimIDs = append(claimIDs, c.ID)
	}
	for _, l := range []struct {
		kind string
		ids  []int64
	}{
		{timeline.KindTrip, []int64{id}}, {timeline.KindStop, stopIDs}, {timeline.KindMeeting, meetingIDs},
		{timeline.KindGoal, goalIDs}, {timeline.KindQuote, quoteIDs}, {timeline.KindClaim, claimIDs},
	} {
		if err := load(l.kind, l.ids); err != nil {
			return err
		}
	}

	p := views.TripPage{
		Site:      a.site(w, r, trip.Title),
		Trip:      *trip,
		Names:     a.store.Countries(),
		Citations: cites.For(timeline.KindTrip, id),
		Context:   context,
		Curator:   bar,
	}
	n, err := a.currentNumberer(ctx)
	if err != nil {
		return err
	}
	byID := map[int64]timeline.Counter{}
	stopCounts := map[int64][]views.CountBy{}
	// The counts a claim of the trip uses come first; the same questions
	// under other rules are comparisons, never the headline.
	claimed, questions := map[int64]bool{}, map[string]bool{}
	question := func(c timeline.Counter) string {
		return fmt.Sprint(c.PersonID, c.Region, c.Country, c.Since, c.Unit)
	}
	for _, cl := range claims {
		claimed[cl.CounterID] = true
		for _, c := range counters {
			if c.ID == cl.CounterID {
				questions[question(c)] = true
			}
		}
	}
	for _, c := range counters {
		byID[c.ID] = c
		res, err := n.Number(c)
		if err != nil {
			return err
		}
		for _, it := range res.ForTrip(id) {
			cb := views.CountBy{CounterID: c.ID, Phrase: c.Phrase(it.Ordinal), Unit: c.Unit, Rule: c.Rule.Short(),
				Claimed: claimed[c.ID], Comparison: !claimed[c.ID] && questions[question(c)]}
			if c.Unit == timeline.UnitStops {
				stopCounts[it.Stops[0].ID] = append(stopCounts[it.Stops[0].ID], cb)
			}
			p.Counts = append(p.Counts, cb)
		}
	}
	sort.SliceStable(p.Counts, func(i, j int) bool { return p.Counts[i].Claimed && !p.Counts[j].Claimed })
	for _, c := range claims {
		counter, ok := byID[c.CounterID]
		if !ok {
			k, err := a.store.CounterFor(ctx, c.CounterID, curator)
			if timeline.ErrorCode(err) == timeline.ENotFound {
				continue // its counter was deleted: there is nothing to check it by
			} else if err != nil {
				return err
			}
			counter = *k
		}
		res, err := n.Number(counter)
		if err != nil {
			return err
		}
		p.Claims = append(p.Claims, views.ClaimView{Claim: c, Counter: counter, Check: timeline.CheckClaim(c, res), Citations: cites.For(timeline.KindClaim, c.ID)})
	}
	stopWhere := map[int64]string{}
	versions, err := a.store.RecordVersions(ctx, stopIDs)
	if err != nil {
		return err
	}
	p.Sourcing.Stops = len(trip.Stops)
	for _, s := range trip.Stops {
		sv := views.StopView{Stop: s, Citations: cites.For(timeline.KindStop, s.ID), Counts: stopCounts[s.ID]}
		if v, ok := versions[s.ID]; ok {
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
	for _, m := range meetings {
		p.Meetings = append(p.Meetings, views.MeetingView{Meeting: m, Citations: cites.For(timeline.KindMeeting, m.ID)})
	}
	for _, g := range goals {
		p.Goals = append(p.Goals, views.GoalView{Goal: g, Citations: cites.For(timeline.KindGoal, g.ID)})
	}
	for _, q := range quotes {
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
	return render(w, r, http.StatusOK, views.Trip(p))
}

// meetingRedirect sends a meeting's permalink to its place on its trip's
// page, where it is told with its context.
func (a *Server) meetingRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	m, err := a.store.Meeting(r.Context(), id, false)
	if err != nil {
		return err
	}
	if m.TripID == 0 {
		return timeline.Errorf(timeline.ENotFound, "Meeting %d is not part of a trip.", id)
	}
	http.Redirect(w, r, timeline.RecordPath(timeline.KindTrip, m.TripID)+"#meeting-"+itoa(int(id)), http.StatusFound)
	return nil
}

// factRedirect gives stops, goals, quotes and claims their permalinks: each
// leads to its place on its trip's page, where it is told in context. A
// fact of an unpublished trip is not found.
func (a *Server) factRedirect(kind string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, kind)
		if err != nil {
			return err
		}
		tripID, err := a.store.TripOf(r.Context(), kind, id)
		if err != nil {
			return err
		}
		if _, err := a.store.Trip(r.Context(), tripID, false); err != nil {
			return err
		}
		http.Redirect(w, r, timeline.RecordPath(timeline.KindTrip, tripID)+"#"+kind+"-"+itoa(int(id)), http.StatusFound)
		return nil
	}
}
