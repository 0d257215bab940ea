package store_test

import (
	"context"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Walking the pages by key, forwards then backwards, visits every entry of
// the full export exactly once, in order, under both orders and a filter.
func TestTimelinePaging(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	if _, err := s.Generate(ctx, store.GenerateOptions{Stops: 600, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []timeline.Filter{
		{Order: timeline.NewestFirst},
		{Order: timeline.OldestFirst},
		{Order: timeline.NewestFirst, Region: "NEA"},
		{Order: timeline.OldestFirst, Kinds: []string{"trip"}, From: d("1950-01-01")},
	} {
		var all []int64
		if err := s.EachEntry(ctx, f, func(e *timeline.Entry) error { all = append(all, e.Seq); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(all) < 20 {
			t.Fatalf("filter %+v: only %d entries; the test needs several pages", f, len(all))
		}
		f.Limit = 7
		var walked []int64
		var pages []*store.Page
		g := f
		for {
			p, err := s.Timeline(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, p)
			for _, e := range p.Entries {
				walked = append(walked, e.Seq)
			}
			if p.Next == nil {
				break
			}
			g.After, g.Before = p.Next, nil
		}
		if !equal(walked, all) {
			t.Fatalf("filter %+v: forward walk gave %d entries, export %d (or a different order)", f, len(walked), len(all))
		}
		// Back from the last page: each Prev gives the page before it.
		last := pages[len(pages)-1]
		for i := len(pages) - 2; i >= 0; i-- {
			if last.Prev == nil {
				t.Fatalf("page %d has no previous link", i+1)
			}
			g.Before, g.After = last.Prev, nil
			p, err := s.Timeline(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			if !equal(seqs(p), seqs(pages[i])) {
				t.Fatalf("filter %+v: going back to page %d gave %v, want %v", f, i, seqs(p), seqs(pages[i]))
			}
			last = p
		}
		if last.Prev != nil {
			t.Errorf("the first page, reached backwards, still has a previous link")
		}
	}
}

func seqs(p *store.Page) []int64 {
	var out []int64
	for _, e := range p.Entries {
		out = append(out, e.Seq)
	}
	return out
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTimelineFilters(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	count := func(f timeline.Filter) int {
		n := 0
		if err := s.EachEntry(ctx, f, func(*timeline.Entry) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	t.Run("Kinds", func(t *testing.T) {
		trips, meetings, events := count(timeline.Filter{Kinds: []string{"trip"}}), count(timeline.Filter{Kinds: []string{"meeting"}}), count(timeline.Filter{Kinds: []string{"event"}})
		if trips != 12 || meetings != 5 || events != 3 || count(timeline.Filter{}) != 20 {
			t.Errorf("trips %d meetings %d events %d", trips, meetings, events)
		}
	})
	t.Run("CountryAndRegion", func(t *testing.T) {
		// Trips that stopped in Qatar since October 2023: Oct 2023, Jan,
		// Feb, Jun, Aug and Oct 2024; plus the Doha meeting.
		if got := count(timeline.Filter{Country: "QA"}); got != 7 {
			t.Errorf("QA: %d entries, want 7", got)
		}
		// Every demo trip touches NEA (Blinken's eleven and Biden's one);
		// the London meeting and the US election do not.
		if got := count(timeline.Filter{Region: "NEA"}); got != 12+4+2 {
			t.Errorf("NEA: %d entries, want 18", got)
		}
	})
	t.Run("Dates", func(t *testing.T) {
		// Entries overlapping 2024-10-25: the tour (22–25) and the London meeting.
		if got := count(timeline.Filter{From: d("2024-10-25"), To: d("2024-10-25")}); got != 2 {
			t.Errorf("%d entries on 25 October 2024, want 2", got)
		}
	})
	t.Run("Words", func(t *testing.T) {
		if got := count(timeline.Filter{Q: "sinwar"}); got < 2 {
			t.Errorf("%d entries mention Sinwar, want the tour and the killing", got)
		}
		if got := count(timeline.Filter{Q: "100%_"}); got != 0 {
			t.Errorf("LIKE wildcards were not escaped: %d entries", got)
		}
	})
	for _, tc := range []struct {
		f     timeline.Filter
		field string
	}{
		{timeline.Filter{Region: "GULF"}, "region"},
		{timeline.Filter{Country: "ZZ"}, "country"},
		{timeline.Filter{Persons: []string{"nobody-at-all"}}, "person"},
	} {
		t.Run("ErrUnknown_"+tc.field, func(t *testing.T) {
			_, err := s.Timeline(ctx, tc.f)
			if timeline.ErrorCode(err) != timeline.EInvalid || timeline.ErrorField(err) != tc.field {
				t.Errorf("got %v, want an invalid %s", err, tc.field)
			}
		})
	}
}
