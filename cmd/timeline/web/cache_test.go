package web

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// A reader's cached page never outlives a write: the next request after an
// event is added, or deleted, shows the record as it now is; and a
// curator's timeline (with drafts) is never served to a reader.
func TestPageCacheFollowsWrites(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	const view = "/?q=Pagecache"
	entries := func() int { return ts.doc(t, view, http.StatusOK).Find(`li[data-testid=entry]`).Length() }
	if n := entries(); n != 0 {
		t.Fatalf("%d entries before the event exists", n)
	}
	entries() // now from the cache
	e := &timeline.Event{Title: "Pagecache summit", Kind: "summit", Date: timeline.MustDate("2024-03-01"), Precision: timeline.PrecisionDay, Country: "FR", Status: timeline.Published}
	if err := ts.store.CreateEvent(ctx, store.Actor{Name: "test"}, e); err != nil {
		t.Fatal(err)
	}
	if n := entries(); n != 1 {
		t.Errorf("%d entries after the event was added, want 1", n)
	}
	if err := ts.store.SetDeleted(ctx, store.Actor{Name: "test"}, timeline.KindEvent, e.ID, true, "test"); err != nil {
		t.Fatal(err)
	}
	if n := entries(); n != 0 {
		t.Errorf("%d entries after the event was deleted, want 0", n)
	}

	// A draft shows on the curator's timeline and never on a reader's,
	// whichever of them asked first.
	draft := &timeline.Event{Title: "Pagecache draft", Kind: "summit", Date: timeline.MustDate("2024-03-02"), Precision: timeline.PrecisionDay, Country: "FR", Status: timeline.Draft}
	if err := ts.store.CreateEvent(ctx, store.Actor{Name: "test"}, draft); err != nil {
		t.Fatal(err)
	}
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	if resp, body := c.get(t, view); resp.StatusCode != http.StatusOK || docOf(t, body).Find(`li[data-testid=entry]`).Length() != 1 {
		t.Errorf("the curator does not see the draft (%d)", resp.StatusCode)
	}
	if n := entries(); n != 0 {
		t.Errorf("a reader sees %d entries, the draft among them", n)
	}
	if resp, body := c.get(t, view); resp.StatusCode != http.StatusOK || docOf(t, body).Find(`li[data-testid=entry]`).Length() != 1 {
		t.Errorf("after a reader's visit the curator is served the reader's page (%d)", resp.StatusCode)
	}
}

// Readers asking for the same uncached value at once share one
// computation, and a failed one is not shared.
func TestVersionCacheSharesWork(t *testing.T) {
	var c versionCache[int]
	calls := 0
	release := make(chan struct{})
	results := make(chan int, 8)
	for range 8 {
		go func() {
			v, _ := c.get(1, "k", func() (int, error) { calls++; <-release; return 42, nil })
			results <- v
		}()
	}
	// Let every reader reach the cache before the first computation ends.
	for {
		c.mu.Lock()
		n := len(c.inflight)
		c.mu.Unlock()
		if n == 1 {
			break
		}
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	for range 8 {
		if v := <-results; v != 42 {
			t.Errorf("a reader got %d", v)
		}
	}
	if calls != 1 {
		t.Errorf("%d computations for 8 readers, want 1", calls)
	}
	if v, err := c.get(2, "k", func() (int, error) { return 0, errors.New("boom") }); err == nil {
		t.Errorf("a failure was not returned: %d", v)
	}
	if v, err := c.get(2, "k", func() (int, error) { return 7, nil }); err != nil || v != 7 {
		t.Errorf("after a failure: %d, %v; want a fresh computation", v, err)
	}
}

// A curator's draft leaves the readers' caches warm (the public version
// stays); publishing it changes what readers see at once.
func TestDraftsKeepReadersCachesWarm(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	v0, _ := ts.store.PublicVersion(ctx)
	e := &timeline.Event{Title: "Warm cache draft", Kind: "summit", Date: timeline.MustDate("2024-03-05"), Precision: timeline.PrecisionDay, Country: "FR", Status: timeline.Draft}
	if err := ts.store.CreateEvent(ctx, store.Actor{Name: "test"}, e); err != nil {
		t.Fatal(err)
	}
	if v1, _ := ts.store.PublicVersion(ctx); v1 != v0 {
		t.Errorf("a draft changed the public version %d → %d", v0, v1)
	}
	ts.doc(t, "/?q=warm", http.StatusOK) // cached now
	before := ts.store.Reads()
	if n := ts.doc(t, "/?q=warm", http.StatusOK).Find(`li[data-testid=entry]`).Length(); n != 0 {
		t.Errorf("a reader sees the draft (%d entries)", n)
	}
	if ran := ts.store.Reads() - before; ran != 1 {
		t.Errorf("the cached page ran %d queries, want 1", ran)
	}
	if err := ts.store.SetStatus(ctx, store.Actor{Name: "test"}, timeline.KindEvent, e.ID, timeline.Published); err != nil {
		t.Fatal(err)
	}
	if v2, _ := ts.store.PublicVersion(ctx); v2 == v0 {
		t.Error("publishing left the public version")
	}
	if n := ts.doc(t, "/?q=warm", http.StatusOK).Find(`li[data-testid=entry]`).Length(); n != 1 {
		t.Errorf("after publishing a reader sees %d entries, want 1", n)
	}
}

// A cache bounded by cost holds no more than its room, starts again empty
// when full, refuses a value of more than a sixteenth of its room, and
// never keeps a value of a version older than its own.
func TestVersionCacheBounds(t *testing.T) {
	c := &versionCache[[]byte]{cost: func(b []byte) int { return len(b) }, maxCost: 160}
	page := func(n int) []byte { return make([]byte, n) }
	for i := range 16 {
		c.put(1, itoa(i), page(10))
	}
	if c.used != 160 || len(c.values) != 16 {
		t.Fatalf("full cache: %d bytes in %d values", c.used, len(c.values))
	}
	c.put(1, "more", page(10))
	if _, ok := c.lookup(1, "0"); ok || c.used != 10 {
		t.Errorf("past its room the cache kept its old values (%d bytes)", c.used)
	}
	c.put(1, "big", page(11))
	if _, ok := c.lookup(1, "big"); ok {
		t.Error("a value over a sixteenth of the room was kept")
	}
	c.put(2, "new", page(1))
	c.put(1, "late", page(1))
	if _, ok := c.lookup(2, "new"); !ok {
		t.Error("the newer version's value is gone")
	}
	if _, ok := c.lookup(1, "late"); ok {
		t.Error("a value of an older version was kept")
	}
	n := 0
	if _, err := c.get(1, "old", func() ([]byte, error) { n++; return page(1), nil }); err != nil || n != 1 {
		t.Fatal(err)
	}
	if _, ok := c.lookup(2, "old"); ok {
		t.Error("a value computed at an older version was kept")
	}
}
