package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// An imported trip whose stops each cite the record is "sourced through
// its stops", never "No source recorded" above them; a stop without a
// source is marked where the source is missing; and a stop a curator words
// otherwise than the record says so and shows the record's wording.
func TestProvenanceMarks(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	recs := hsgFixture(t, "identity.xml")
	if _, err := ts.store.ImportHSG(ctx, store.Actor{Name: "import"}, recs, 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	pid, _ := ts.store.PersonIDBySlug(ctx, "carla-fixturini")
	trips, _ := ts.store.TripsOfPerson(ctx, pid, 10)
	if len(trips) == 0 {
		t.Fatal("no trips imported")
	}
	path := "/trips/" + strconv.FormatInt(trips[0].ID, 10)
	_, body := ts.get(t, path)
	doc := docOf(t, string(body))
	header := doc.Find("header.record-header")
	if header.Find("[data-testid=unsourced]").Length() != 0 || header.Find("[data-testid=sourced-through-stops]").Length() != 1 {
		t.Errorf("the imported trip's header:\n%s", clipBody([]byte(header.Text())))
	}
	if n := doc.Find("[data-testid=stop] [data-testid=unsourced]").Length(); n != 0 {
		t.Errorf("%d stops citing the record are marked unsourced", n)
	}
	// The Sources filter counts the same trip as sourced.
	page, err := ts.store.Timeline(ctx, timeline.Filter{Persons: []string{"carla-fixturini"}, Sourced: "yes", Limit: 10})
	if err != nil || len(page.Entries) != len(trips) {
		t.Errorf("sourced filter: %d entries of %d, %v", len(page.Entries), len(trips), err)
	}

	// A curator rewords the stop; the next import keeps the record's words.
	trip, _, err := ts.store.TripForCurator(ctx, trips[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	record := trip.Stops[0].Remarks
	trip.Stops[0].Remarks = "Talks on trade, as the press reported."
	if err := ts.store.UpdateTrip(ctx, store.Actor{Name: "curator"}, trip, "from the press"); err != nil {
		t.Fatal(err)
	}
	rep, err := ts.store.ImportHSG(ctx, store.Actor{Name: "import"}, recs, 1, store.ImportOptions{GapDays: 1})
	if err != nil || len(rep.Conflicts) != 1 {
		t.Fatalf("re-import: %v, %+v", err, rep.Conflicts)
	}
	_, body = ts.get(t, path)
	doc = docOf(t, string(body))
	v := doc.Find("[data-testid=stop] [data-testid=record-version]")
	if v.Length() != 1 || strings.TrimSpace(v.Find("[data-testid=record-remarks]").Text()) != record || !strings.Contains(v.Find("summary").Text(), "remarks") {
		t.Errorf("the record's version on the page: %q", v.Text())
	}
	// Taking the record's wording again removes the note.
	trip.Stops[0].Remarks = record
	if err := ts.store.UpdateTrip(ctx, store.Actor{Name: "curator"}, trip, "the record's words"); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.store.ImportHSG(ctx, store.Actor{Name: "import"}, recs, 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	_, body = ts.get(t, path)
	if n := docOf(t, string(body)).Find("[data-testid=record-version]").Length(); n != 0 {
		t.Errorf("the note stays after the stop agrees with the record again")
	}

	// A demo trip with its own sources lists them; an unsourced stop of
	// a curator's trip is marked at the stop.
	_, body = ts.get(t, "/trips/11")
	if n := docOf(t, string(body)).Find("header.record-header [data-testid=citation]").Length(); n == 0 {
		t.Error("the tour's own sources are not under its title")
	}
}
