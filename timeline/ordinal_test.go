package timeline_test

import (
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

// A traveller's record: three stored trips.
//
//	trip 1: IL 1-2 Jan, then JO 3 Jan      (region)
//	trip 2: FR 10 Jan                       (outside the region)
//	trip 3: QA 20 Jan, then IL 22-23 Jan    (region; a 1-day gap inside)
func record() []timeline.Stop {
	s := func(trip int64, c, start, end string) timeline.Stop {
		st := stop(c, start, end)
		st.TripID = trip
		return st
	}
	return []timeline.Stop{
		s(1, "IL", "2024-01-01", "2024-01-02"),
		s(1, "JO", "2024-01-03", "2024-01-03"),
		s(2, "FR", "2024-01-10", "2024-01-10"),
		s(3, "QA", "2024-01-20", "2024-01-20"),
		s(3, "IL", "2024-01-22", "2024-01-23"),
	}
}

var nea = &timeline.Region{Code: "NEA", Members: []string{"IL", "JO", "QA"}}

func counter(rule timeline.Rule, since string) timeline.Counter {
	return timeline.Counter{ID: 1, PersonID: 1, Region: "NEA", Since: timeline.MustDate(since), Unit: timeline.UnitTrips, Rule: rule}
}

func ordinalOf(t *testing.T, c timeline.Counter, tripID int64) int {
	t.Helper()
	n := timeline.Number(c, record(), timeline.CounterScope(c, nea, "US"))
	items := n.ForTrip(tripID)
	if len(items) == 0 {
		return 0
	}
	return items[0].Ordinal
}

func TestNumber(t *testing.T) {
	stored := timeline.Rule{Kind: timeline.RuleStored}
	t.Run("StoredTripsInRegion", func(t *testing.T) {
		c := counter(stored, "2024-01-01")
		if got := ordinalOf(t, c, 1); got != 1 {
			t.Errorf("trip 1 = %d, want 1", got)
		}
		if got := ordinalOf(t, c, 2); got != 0 {
			t.Errorf("trip 2 (France) = %d, want not numbered", got)
		}
		if got := ordinalOf(t, c, 3); got != 2 {
			t.Errorf("trip 3 = %d, want 2", got)
		}
	})
	t.Run("SinceDateIsInclusive", func(t *testing.T) {
		if got := ordinalOf(t, counter(stored, "2024-01-20"), 3); got != 1 {
			t.Errorf("trip starting on the since-date = %d, want 1", got)
		}
		if got := ordinalOf(t, counter(stored, "2024-01-02"), 1); got != 0 {
			t.Errorf("trip starting before the since-date = %d, want not numbered", got)
		}
	})
	t.Run("GapRulesDisagree", func(t *testing.T) {
		// Gap 0 splits trip 3 (QA 20th, IL 22nd) and trip 1 (IL 2nd, JO
		// 3rd), so trip 3's first part is the 3rd regrouped trip; gap 1
		// keeps them whole (2nd).
		if got := ordinalOf(t, counter(timeline.Rule{Kind: timeline.RuleGap, GapDays: 0}, "2024-01-01"), 3); got != 3 {
			t.Errorf("gap 0: trip 3 = %d, want 3", got)
		}
		if got := ordinalOf(t, counter(timeline.Rule{Kind: timeline.RuleGap, GapDays: 1}, "2024-01-01"), 3); got != 2 {
			t.Errorf("gap 1: trip 3 = %d, want 2", got)
		}
	})
	t.Run("NoRegionMeansAbroad", func(t *testing.T) {
		c := timeline.Counter{ID: 2, PersonID: 1, Since: timeline.MustDate("2024-01-01"), Unit: timeline.UnitTrips, Rule: stored}
		n := timeline.Number(c, record(), timeline.CounterScope(c, nil, "FR"))
		// With home FR, the France trip is not abroad.
		if len(n.Items) != 2 {
			t.Errorf("got %d trips abroad, want 2", len(n.Items))
		}
	})
	t.Run("StopsAndTripsCountedApart", func(t *testing.T) {
		stops := timeline.Counter{ID: 3, PersonID: 1, Country: "IL", Since: timeline.MustDate("2024-01-01"), Unit: timeline.UnitStops, Rule: stored}
		trips := timeline.Counter{ID: 4, PersonID: 1, Country: "IL", Since: timeline.MustDate("2024-01-01"), Unit: timeline.UnitTrips, Rule: stored}
		ns := timeline.Number(stops, record(), timeline.CounterScope(stops, nil, "US"))
		nt := timeline.Number(trips, record(), timeline.CounterScope(trips, nil, "US"))
		if len(ns.Items) != 2 || len(nt.Items) != 2 {
			t.Fatalf("stops %d, trips %d; want 2 and 2", len(ns.Items), len(nt.Items))
		}
		if got := stops.Phrase(2); got != "2nd stop in IL since 1 January 2024" {
			t.Errorf("stop phrase = %q", got)
		}
		if got := trips.Phrase(2); got != "2nd trip that included IL since 1 January 2024" {
			t.Errorf("trip phrase = %q", got)
		}
	})
	t.Run("UnknownRegionCountsNothing", func(t *testing.T) {
		c := counter(stored, "2024-01-01")
		c.Region = "GULF"
		n := timeline.Number(c, record(), timeline.CounterScope(c, nil, "US"))
		if len(n.Items) != 0 {
			t.Errorf("got %d items for an unknown region", len(n.Items))
		}
	})
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th", 112: "112th"} {
		if got := timeline.Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCheckClaim(t *testing.T) {
	c := counter(timeline.Rule{Kind: timeline.RuleStored}, "2024-01-01")
	n := timeline.Number(c, record(), timeline.CounterScope(c, nea, "US"))
	t.Run("Confirmed", func(t *testing.T) {
		ch := timeline.CheckClaim(timeline.Claim{TripID: 3, Stated: 2}, n)
		if ch.Verdict != timeline.Confirmed || ch.Computed != 2 || ch.Summary() != "confirmed" {
			t.Errorf("got %+v %q", ch, ch.Summary())
		}
	})
	t.Run("Contradicted", func(t *testing.T) {
		ch := timeline.CheckClaim(timeline.Claim{TripID: 3, Stated: 3}, n)
		if ch.Verdict != timeline.Contradicted || ch.Computed != 2 {
			t.Errorf("got %+v", ch)
		}
		if want := "contradicted: stated 3rd, computed 2nd"; ch.Summary() != want {
			t.Errorf("summary = %q, want %q", ch.Summary(), want)
		}
	})
	t.Run("NotCounted", func(t *testing.T) {
		ch := timeline.CheckClaim(timeline.Claim{TripID: 2, Stated: 1}, n)
		if ch.Verdict != timeline.NotCounted || ch.Computed != 0 {
			t.Errorf("got %+v", ch)
		}
	})
}
