package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Each data check finds what it looks for, with links to the records, and
// nothing in a record without such faults (the demo).
func TestChecks(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	found := func() map[string][]store.Finding {
		t.Helper()
		fs, err := s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]store.Finding{}
		for _, f := range fs {
			out[f.Kind] = append(out[f.Kind], f)
			for _, l := range f.Links {
				if !strings.HasPrefix(l.Path, "/") || l.Label == "" {
					t.Errorf("%s: link %+v", f.Kind, l)
				}
			}
		}
		return out
	}
	if got := found(); len(got) != 0 {
		t.Fatalf("the demo has findings: %+v", got)
	}

	// Overlap (the fixture: Cairo 10–12 July, Jerusalem 11–12 July) and a
	// near duplicate, imported.
	recs := fixture(t, "overlap.xml")
	near := recs[0]
	near.ID, near.Locale = "9299", "Cairo, Alexandria"
	recs = append(recs, near)
	// A gap of three days, kept in one trip by a gap rule of 3.
	gapA, gapB := recs[0], recs[0]
	gapA.Who, gapA.Name, gapA.ID, gapA.Start, gapA.End, gapA.CountryName, gapA.Locale = "fixture-gap", "Gap Fixture", "9901", d("2004-01-01"), d("2004-01-01"), "France", "Paris"
	gapB.Who, gapB.Name, gapB.ID, gapB.Start, gapB.End, gapB.CountryName, gapB.Locale = "fixture-gap", "Gap Fixture", "9902", d("2004-01-04"), d("2004-01-04"), "Spain", "Madrid"
	if _, err := s.ImportHSG(ctx, importer, recs, 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportHSG(ctx, importer, []timeline.HSGRecord{gapA, gapB}, 1, store.ImportOptions{GapDays: 3}); err != nil {
		t.Fatal(err)
	}
	// Unsourced: a curated trip citing nothing; and one locality in two
	// countries.
	trip := &timeline.Trip{PersonSlug: "blinken-antony-j", Title: "Unsourced", Status: timeline.Published, Stops: []timeline.Stop{
		{Country: "DE", Locality: "Berlin", Start: d("2005-02-08"), End: d("2005-02-09")},
		{Country: "PS", Locality: "Jerusalem", Start: d("2005-02-11"), End: d("2005-02-11")},
	}}
	if err := s.CreateTrip(ctx, curator, trip); err != nil {
		t.Fatal(err)
	}
	// A claim the record contradicts.
	cs, err := s.CountersOfSlugs(ctx, []string{"blinken-antony-j"})
	if err != nil {
		t.Fatal(err)
	}
	claims, _ := s.ClaimsOfCounter(ctx, cs[0].ID)
	if err := s.CreateClaim(ctx, curator, &timeline.Claim{TripID: claims[0].TripID, CounterID: cs[0].ID, Stated: 12, Text: "his 12th trip", Status: timeline.Published}); err != nil {
		t.Fatal(err)
	}

	got := found()
	// The near duplicate overlaps Jerusalem too.
	want := map[string]int{store.CheckOverlap: 2, store.CheckNearDuplicate: 1, store.CheckGap: 1, store.CheckOutOfOrder: 0,
		store.CheckUnsourced: 1, store.CheckContradicted: 1, store.CheckAlias: 1}
	for kind, n := range want {
		if len(got[kind]) != n {
			t.Errorf("%s: %d findings, want %d: %+v", kind, len(got[kind]), n, got[kind])
		}
	}
	if f := got[store.CheckOverlap]; len(f) == 2 && (len(f[0].Links) != 2 || !strings.Contains(f[0].Message, "Egypt and in Israel on the same 2 days")) {
		t.Errorf("overlap: %+v", f[0])
	}
	if f := got[store.CheckAlias]; len(f) == 1 && !strings.Contains(f[0].Message, `"jerusalem" is recorded in Israel and in Palestinian Territories`) {
		t.Errorf("alias: %+v", f[0])
	}
	if f := got[store.CheckContradicted]; len(f) == 1 && !strings.Contains(f[0].Message, "contradicted") {
		t.Errorf("claim: %+v", f[0])
	}
}

// A stop the import adds before a stored trip's first joins it in date
// order: the trip's stops are numbered again, and no check finds them out
// of order.
func TestImportRenumbersGrownTrips(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	before := fixture(t, "overlap.xml")[0]
	before.Who, before.Name, before.Role, before.ID = "biden-joseph-r", "Joseph R. Biden", "president", "9998"
	before.Start, before.End, before.CountryName, before.Locale = d("2023-10-17"), d("2023-10-17"), "Jordan", "Amman"
	rep, err := s.ImportHSG(ctx, importer, []timeline.HSGRecord{before}, 1, store.ImportOptions{GapDays: 1})
	if err != nil || rep.TripsGrown != 1 {
		t.Fatalf("%+v, %v", rep, err)
	}
	if got := strings.Join(tripsOf(t, s, "biden-joseph-r"), "|"); got != "JO IL" {
		t.Errorf("Biden's trip: %s", got)
	}
	id, _ := s.PersonIDBySlug(ctx, "biden-joseph-r")
	stops, _ := s.TravellerStops(ctx, id)
	if len(stops) != 2 || stops[0].Seq != 1 || stops[1].Seq != 2 || stops[0].Country != "JO" {
		t.Errorf("stops %+v", stops)
	}
	fs, _ := s.Check(ctx)
	for _, f := range fs {
		if f.Kind == store.CheckOutOfOrder {
			t.Errorf("finding %+v", f)
		}
	}
}
