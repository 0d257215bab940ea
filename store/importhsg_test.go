package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

var importer = store.Actor{Name: "import"}

func fixture(t *testing.T, names ...string) []timeline.HSGRecord {
	t.Helper()
	var out []timeline.HSGRecord
	for _, name := range names {
		f, err := os.Open(filepath.Join("..", "timeline", "testdata", "hsg", name))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := timeline.ReadHSGTravels(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, recs...)
	}
	return out
}

// tripsOf returns a traveller's trips as their stops' countries.
func tripsOf(t *testing.T, s *store.Store, slug string) []string {
	t.Helper()
	ctx := context.Background()
	id, err := s.PersonIDBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	stops, err := s.TravellerStops(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	last := int64(-1)
	for _, st := range stops {
		if st.TripID != last {
			out = append(out, "")
			last = st.TripID
		}
		if out[len(out)-1] != "" {
			out[len(out)-1] += " "
		}
		out[len(out)-1] += st.Country
	}
	return out
}

func TestImportHSGRules(t *testing.T) {
	ctx := context.Background()
	// Gaps: the second stop starts the day the first ends, the third the
	// day after, the fourth two days after.
	for gap, want := range map[int]string{0: "JP KR|CN|IN", 1: "JP KR CN|IN", 2: "JP KR CN IN"} {
		s := MustOpen(t)
		rep, err := s.ImportHSG(ctx, importer, fixture(t, "gaps.xml"), 1, store.ImportOptions{GapDays: gap})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(tripsOf(t, s, "fixture-bo"), "|"); got != want || rep.TripsMade != strings.Count(want, "|")+1 {
			t.Errorf("gap %d: trips %s (%d made), want %s", gap, got, rep.TripsMade, want)
		}
	}

	s := MustSeed(t)
	rep, err := s.ImportHSG(ctx, importer, fixture(t, "duplicates.xml", "countries.xml", "overlap.xml"), 3, store.ImportOptions{GapDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 8 || rep.Duplicates != 1 || rep.StopsAdded != 7 || rep.PeopleMade != 3 {
		t.Errorf("report %+v", rep)
	}
	if got := strings.Join(tripsOf(t, s, "fixture-ada"), "|"); got != "FR BE" {
		t.Errorf("duplicates: trips %s", got)
	}
	// Former states under their present-day ids, a trailing space, a
	// variant name.
	if got := strings.Join(tripsOf(t, s, "fixture-di"), "|"); got != "SUHH CSHH TR" {
		t.Errorf("countries: %s", got)
	}
	// Overlapping stops are both kept (the checks of issue 5 report them).
	if got := strings.Join(tripsOf(t, s, "fixture-cy"), "|"); got != "EG IL" {
		t.Errorf("overlap: %s", got)
	}
	p, err := s.PersonBySlug(ctx, "fixture-cy", false)
	if err != nil || p.Name != "Cy Fixture" || len(p.Offices) != 1 || p.Offices[0].Title != "President" {
		t.Errorf("the traveller: %+v, %v", p, err)
	}
	// Each stop cites the Office of the Historian's page of its traveller,
	// so its trip is sourced.
	page, err := s.Timeline(ctx, timeline.Filter{Persons: []string{"fixture-cy"}, Limit: 10})
	if err != nil || len(page.Entries) != 1 || len(page.Entries[0].Sources) != 1 ||
		page.Entries[0].Sources[0].URL != "https://history.state.gov/departmenthistory/travels/president/fixture-cy" {
		t.Errorf("the imported trip's sources: %+v, %v", page.Entries, err)
	}

	// The same files again change nothing, not even the data version.
	v, _ := s.DataVersion(ctx)
	rep, err = s.ImportHSG(ctx, importer, fixture(t, "duplicates.xml", "countries.xml", "overlap.xml"), 3, store.ImportOptions{GapDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	if v2, _ := s.DataVersion(ctx); rep.StopsAdded != 0 || rep.TripsMade != 0 || rep.Unchanged != 7 || v2 != v {
		t.Errorf("a second import: %+v, data version %d → %d", rep, v, v2)
	}
}

// Unknown countries stop the run before anything is written, unless they
// are to be skipped; a dry run reports and writes nothing.
func TestImportHSGUnknownAndDryRun(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	v, _ := s.DataVersion(ctx)
	rep, err := s.ImportHSG(ctx, importer, fixture(t, "gaps.xml", "unknown-country.xml"), 2, store.ImportOptions{GapDays: 1})
	if err == nil || len(rep.Unknown) != 1 || rep.Unknown[0].Line != 3 || rep.Unknown[0].File != "unknown-country.xml" {
		t.Fatalf("unknown country: %+v, %v", rep, err)
	}
	if !strings.Contains(timeline.ErrorMessage(err), `unknown-country.xml:3: record 9401: unknown country "Atlantis"`) {
		t.Errorf("message %q", timeline.ErrorMessage(err))
	}
	if v2, _ := s.DataVersion(ctx); v2 != v {
		t.Error("a refused import wrote")
	}
	if _, err := s.PersonIDBySlug(ctx, "fixture-bo"); err == nil {
		t.Error("a refused import created a traveller")
	}
	rep, err = s.ImportHSG(ctx, importer, fixture(t, "gaps.xml", "unknown-country.xml"), 2, store.ImportOptions{GapDays: 1, DryRun: true, SkipUnknown: true})
	if err != nil || rep.StopsAdded != 5 || rep.TripsMade != 3 {
		t.Fatalf("dry run: %+v, %v", rep, err)
	}
	if v2, _ := s.DataVersion(ctx); v2 != v {
		t.Error("a dry run wrote")
	}
	rep, err = s.ImportHSG(ctx, importer, fixture(t, "gaps.xml", "unknown-country.xml"), 2, store.ImportOptions{GapDays: 1, SkipUnknown: true})
	if err != nil || rep.StopsAdded != 5 || len(rep.Unknown) != 1 {
		t.Fatalf("skip unknown: %+v, %v", rep, err)
	}
	if got := strings.Join(tripsOf(t, s, "fixture-ed"), "|"); got != "FR" {
		t.Errorf("the known stop of the file: %s", got)
	}
}

// A newer version of the record updates a stop nobody touched since it was
// imported; a stop a curator changed is left alone and reported.
func TestImportHSGNewerVersion(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	recs := fixture(t, "gaps.xml")
	if _, err := s.ImportHSG(ctx, importer, recs, 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	newer := append([]timeline.HSGRecord(nil), recs...)
	newer[0].Remarks = "Met the Prime Minister."
	newer[3].Locale = "Mumbai"
	rep, err := s.ImportHSG(ctx, importer, newer, 1, store.ImportOptions{GapDays: 1})
	if err != nil || rep.StopsChanged != 2 || rep.Unchanged != 2 || len(rep.Conflicts) != 0 {
		t.Fatalf("newer version: %+v, %v", rep, err)
	}
	id, _ := s.PersonIDBySlug(ctx, "fixture-bo")
	stops, _ := s.TravellerStops(ctx, id)
	if stops[0].Remarks != "Met the Prime Minister." || stops[3].Locality != "Mumbai" {
		t.Errorf("stops after the update: %+v", stops)
	}

	// A curator corrects the Seoul stop's locality; the record is then
	// changed there too: the curator's word stands, reported.
	trip, _, err := s.TripForCurator(ctx, stops[1].TripID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range trip.Stops {
		if trip.Stops[i].Country == "KR" {
			trip.Stops[i].Locality = "Seoul, Panmunjom"
		}
	}
	if err := s.UpdateTrip(ctx, curator, trip, "Panmunjom visit"); err != nil {
		t.Fatal(err)
	}
	newer[1].Remarks = "Visited the DMZ."
	rep, err = s.ImportHSG(ctx, importer, newer, 1, store.ImportOptions{GapDays: 1})
	if err != nil || len(rep.Conflicts) != 1 || rep.StopsChanged != 0 {
		t.Fatalf("after a curator's edit: %+v, %v", rep, err)
	}
	if c := rep.Conflicts[0]; c.Record != "9102" || !strings.Contains(c.Message, "differs from the record in its locality, remarks") {
		t.Errorf("conflict %s", c)
	}
	stops, _ = s.TravellerStops(ctx, id)
	if stops[1].Locality != "Seoul, Panmunjom" || stops[1].Remarks == "Visited the DMZ." {
		t.Errorf("the curator's stop was overwritten: %+v", stops[1])
	}
}

// Visits: each is a trip of the visitor with one stop in the United
// States, titled by its normalised kind; a visitor already in the record
// (the demo's Netanyahu) is found by name; a former state (Zaire) is
// the visitor's home.
func TestImportHSGVisits(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	f, err := os.Open(filepath.Join("..", "timeline", "testdata", "hsg", "visits.xml"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := timeline.ReadHSG(f, "visits.xml")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.ImportHSG(ctx, importer, recs, 1, store.ImportOptions{GapDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.TripsMade != 4 || rep.StopsAdded != 4 || rep.PeopleMade != 2 {
		t.Errorf("report %+v", rep)
	}
	// Two visits a day apart stay two visits.
	if got := strings.Join(tripsOf(t, s, "ada-fixturedottir"), "|"); got != "US|US" {
		t.Errorf("visits of one visitor: %s", got)
	}
	p, err := s.PersonBySlug(ctx, "ada-fixturedottir", false)
	if err != nil || p.Country != "IS" || len(p.Offices) != 1 || p.Offices[0].Title != "Prime Minister" || p.Offices[0].Body != "Iceland" {
		t.Errorf("visitor %+v, %v", p, err)
	}
	if k, _ := s.PersonBySlug(ctx, "bo-fixture-ii", false); k == nil || k.Country != "ZRCD" {
		t.Errorf("the king of Zaire: %+v", k)
	}
	if got := strings.Join(tripsOf(t, s, "netanyahu-benjamin"), "|"); got != "US" {
		t.Errorf("the demo's Netanyahu: trips %q", got)
	}
	page, err := s.Timeline(ctx, timeline.Filter{Persons: []string{"ada-fixturedottir"}, Limit: 10})
	if err != nil || len(page.Entries) != 2 {
		t.Fatal(page, err)
	}
	if page.Entries[1].Title != "Official working visit to the United States" || page.Entries[0].Title != "Private visit to the United States" {
		t.Errorf("titles %q, %q", page.Entries[0].Title, page.Entries[1].Title)
	}
	if src := page.Entries[0].Sources; len(src) != 1 || src[0].URL != "https://history.state.gov/departmenthistory/visits/iceland" {
		t.Errorf("sources %+v", src)
	}
	// Searching the record's own wording finds the visit.
	hits, err := s.Timeline(ctx, timeline.Filter{Q: "AIPAC", Limit: 10})
	if err != nil || len(hits.Entries) != 1 {
		t.Errorf("search for the description: %+v, %v", hits, err)
	}
}
