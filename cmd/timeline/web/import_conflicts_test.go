package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// Issue 13: an import's conflicts are shown side by side, and each is
// resolved on its own: take the record's version, or keep ours.
func TestImportConflictsAreResolvedOneByOne(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	recs := hsgFixture(t, "identity.xml")
	opts := store.ImportOptions{GapDays: 1}
	if _, err := ts.store.ImportHSG(ctx, store.Actor{Name: "import"}, recs, 1, opts); err != nil {
		t.Fatal(err)
	}
	pid, _ := ts.store.PersonIDBySlug(ctx, "carla-fixturini")
	trips, _ := ts.store.TripsOfPerson(ctx, pid, 10)
	if len(trips) < 2 {
		t.Fatalf("%d trips imported, want two to reword", len(trips))
	}
	var records []string
	for _, ref := range trips[:2] {
		trip, _, err := ts.store.TripForCurator(ctx, ref.ID)
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, trip.Stops[0].Remarks)
		trip.Stops[0].Remarks = "Reworded from the press."
		if err := ts.store.UpdateTrip(ctx, store.Actor{Name: "curator"}, trip, "from the press"); err != nil {
			t.Fatal(err)
		}
	}
	if rep, err := ts.store.ImportHSG(ctx, store.Actor{Name: "import"}, recs, 1, opts); err != nil || len(rep.Conflicts) != 2 {
		t.Fatalf("re-import: %v, %d conflicts", err, len(rep.Conflicts))
	}

	_, body := c.get(t, "/curate/conflicts")
	d := docOf(t, body)
	conflicts := d.Find(`[data-testid=import-conflict]`)
	if conflicts.Length() != 2 {
		t.Fatalf("%d conflicts listed, want 2", conflicts.Length())
	}
	if text := conflicts.First().Text(); !strings.Contains(text, "Reworded from the press.") || !strings.Contains(text, records[0]) && !strings.Contains(text, records[1]) {
		t.Errorf("the conflict does not show both versions: %s", strings.Join(strings.Fields(text), " "))
	}
	take, _ := conflicts.Eq(0).Find(`[data-testid=take-record]`).Closest("form").Attr("action")
	keep, _ := conflicts.Eq(1).Find(`[data-testid=keep-ours]`).Closest("form").Attr("action")
	for _, action := range []string{take, keep} {
		if resp, _ := c.post(t, action, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d", action, resp.StatusCode)
		}
	}
	remarks := func(i int) string {
		trip, _, _ := ts.store.TripForCurator(ctx, trips[i].ID)
		return trip.Stops[0].Remarks
	}
	// Which trip each conflict was is in its link.
	first, _ := conflicts.Eq(0).Find("h2 a").Attr("href")
	taken := 0
	if !strings.HasPrefix(first, "/trips/"+itoa(int(trips[0].ID))) {
		taken = 1
	}
	if got := remarks(taken); got != records[taken] {
		t.Errorf("taking the record's version left %q, want %q", got, records[taken])
	}
	if got := remarks(1 - taken); got != "Reworded from the press." {
		t.Errorf("keeping ours changed the stop to %q", got)
	}
	_, body = c.get(t, "/curate/conflicts")
	d = docOf(t, body)
	if n := d.Find(`[data-testid=import-conflict]`).Length(); n != 1 || !strings.Contains(d.Find(`[data-testid=kept]`).Text(), "by ada") {
		t.Errorf("after resolving: %d conflicts listed, kept note %q", n, d.Find(`[data-testid=kept]`).Text())
	}
	_, body = c.get(t, "/trips/"+itoa(int(trips[taken].ID))+"/history")
	if !strings.Contains(body, "took the Office of the Historian") {
		t.Error("the trip's history does not record taking the record's version")
	}
}
