package store_test

import (
	"context"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

func TestSeed(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)

	t.Run("OctoberTourIsEleventh", func(t *testing.T) {
		p, err := s.PersonBySlug(ctx, "blinken-antony-j", false)
		if err != nil {
			t.Fatal(err)
		}
		counters, err := s.CountersOf(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		trips, err := s.TripsOfPerson(ctx, p.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(trips) != 11 {
			t.Fatalf("demo has %d trips of the Secretary, want 11", len(trips))
		}
		tour := trips[0] // newest first
		if tour.Start != timeline.MustDate("2024-10-22") || tour.End != timeline.MustDate("2024-10-25") {
			t.Fatalf("newest trip is %s to %s, want the October 2024 tour", tour.Start, tour.End)
		}
		n := s.Numberer(ctx)
		found := false
		for _, c := range counters {
			if c.Region != "NEA" || c.Rule.Kind != timeline.RuleGap || c.Rule.GapDays != 1 {
				continue
			}
			found = true
			res, err := n.Number(c)
			if err != nil {
				t.Fatal(err)
			}
			items := res.ForTrip(tour.ID)
			if len(items) != 1 || items[0].Ordinal != 11 {
				t.Fatalf("counter %q gives %v for the tour, want 11", c.Noun(), items)
			}
			if got, want := c.Phrase(items[0].Ordinal), "11th trip to the region since 7 October 2023"; got != want {
				t.Errorf("phrase = %q, want %q", got, want)
			}
			claims, err := s.ClaimsOfTrip(ctx, tour.ID, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(claims) != 1 {
				t.Fatalf("tour has %d claims, want 1", len(claims))
			}
			if ch := timeline.CheckClaim(claims[0], res); ch.Verdict != timeline.Confirmed {
				t.Errorf("claim check = %s, want confirmed", ch.Summary())
			}
		}
		if !found {
			t.Fatal("no counter Blinken, NEA, gap 1 day in the demo")
		}
	})

	t.Run("SecondSeedDoesNothing", func(t *testing.T) {
		res, err := s.Seed(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if res.Seeded {
			t.Fatal("Seed wrote into a database that already had records")
		}
	})
}
