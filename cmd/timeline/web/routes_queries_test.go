package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// The number of queries a page runs does not grow with the number of
// entries it shows (no N+1), with its caches cold (just after a write) and
// warm, and no page needs more than a handful.
func TestQueriesPerPage(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	if _, err := ts.store.Generate(ctx, store.GenerateOptions{Stops: 3000, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	writes := 0
	// touch changes the public data version (a published event, long
	// before everything else), so every cache is cold again.
	touch := func() {
		writes++
		e := &timeline.Event{Title: fmt.Sprintf("Touch %d", writes), Kind: "other", Date: timeline.MustDate("1800-01-01"), Precision: timeline.PrecisionDay, Status: timeline.Published}
		if err := ts.store.CreateEvent(ctx, store.Actor{Name: "test"}, e); err != nil {
			t.Fatal(err)
		}
	}
	reads := func(path string) int64 {
		t.Helper()
		before := ts.store.Reads()
		if resp, body := ts.get(t, path); resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d\n%s", path, resp.StatusCode, clipBody(body))
		}
		return ts.store.Reads() - before
	}
	const most = 25
	for _, view := range []string{"", "order=asc", "region=NEA", "country=FR", "kind=trip", "kind=meeting",
		"person=blinken-antony-j", "from=1990-01-01&to=1999-12-31", "q=talks", "q=ceasefire&order=relevance&person=blinken-antony-j", "q=ceasefire&order=relevance&kind=meeting", "sourced=yes",
		"person=blinken-antony-j&region=NEA&from=2023-10-07&to=2024-12-31"} {
		for _, cold := range []bool{true, false} {
			var n [2]int64
			for i, limit := range []int{30, 300} {
				path := fmt.Sprintf("/?%s&limit=%d", view, limit)
				if cold {
					touch()
				} else {
					reads(path)
				}
				// The page itself is rendered each time: a page served
				// from the page cache runs one query, checked below.
				ts.app.pages = newPageCache()
				n[i] = reads(path)
			}
			if n[0] != n[1] {
				t.Errorf("/?%s (cold %v): %d queries for 30 entries, %d for 300", view, cold, n[0], n[1])
			}
			if n[1] > most {
				t.Errorf("/?%s (cold %v): %d queries", view, cold, n[1])
			}
			t.Logf("/?%s cold=%v: %d queries", view, cold, n[1])
		}
	}
	reads("/?region=NEA")
	if n := reads("/?region=NEA"); n != 1 {
		t.Errorf("a page from the page cache ran %d queries, want 1 (the data version)", n)
	}
	// The other pages: whatever their size, a bounded number of queries.
	tour := ts.doc(t, "/?q=Sinwar&kind=trip", http.StatusOK).Find(`li[data-testid=entry] h4 a`).First().AttrOr("href", "")
	if tour == "" {
		t.Fatal("the October 2024 tour is not found")
	}
	for _, page := range []string{tour, "/people/blinken-antony-j", "/countries/IL", "/regions/NEA", "/regions", "/counters/1",
		"/claims", "/charts", "/charts?region=NEA", "/events/1", "/sources/1", "/about"} {
		touch()
		cold := reads(page)
		warm := reads(page)
		if cold > 30 || warm > cold {
			t.Errorf("%s: %d queries cold, %d warm", page, cold, warm)
		}
		t.Logf("%s: %d queries cold, %d warm", page, cold, warm)
	}
}
