package web

import (
	"context"
	"github.com/diplomatic-travel/tracker/views/export"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// benchStops is the size of the generated record the benchmarks run on;
// BENCH_STOPS changes it (make bench uses 100,000).
func benchStops() int {
	if n, err := strconv.Atoi(os.Getenv("BENCH_STOPS")); err == nil && n > 0 {
		return n
	}
	return 100000
}

var (
	benchOnce sync.Once
	benchApp  *Server
	benchErr  error
)

// benchServer opens (generating once per process, or reusing BENCH_DB when
// it names an existing file) a database with the demo and a synthetic
// record, and returns the app over it.
func benchServer(b *testing.B) *Server {
	benchOnce.Do(func() {
		ctx := context.Background()
		path := os.Getenv("BENCH_DB")
		fresh := true
		if path != "" {
			if _, err := os.Stat(path); err == nil {
				fresh = false
			}
		} else {
			dir, err := os.MkdirTemp("", "timeline-bench")
			if err != nil {
				benchErr = err
				return
			}
			path = filepath.Join(dir, "bench.db")
		}
		s, err := store.Open(ctx, path)
		if err != nil {
			benchErr = err
			return
		}
		if fresh {
			if _, err := s.Seed(ctx); err != nil {
				benchErr = err
				return
			}
			if _, err := s.Generate(ctx, store.GenerateOptions{Stops: benchStops(), Seed: 1}); err != nil {
				benchErr = err
				return
			}
		}
		benchApp, benchErr = New(ctx, s, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchApp
}

// BenchmarkTimelinePage measures the server time of one timeline page of
// 50 entries through the whole handler stack (middleware, query,
// rendering), without the network.
func BenchmarkTimelinePage(b *testing.B) {
	a := benchServer(b)
	h := a.Handler()
	for _, q := range []string{
		"", "order=asc", "region=NEA", "country=FR", "kind=meeting", "from=1990-01-01&to=1999-12-31",
		"person=blinken-antony-j&region=NEA&from=2023-10-07&to=2024-12-31",
		"q=ceasefire", "q=trade+security", "q=trade&order=relevance",
	} {
		name := q
		if name == "" {
			name = "all"
		}
		b.Run(name, func(b *testing.B) { benchPage(b, a, h, "/?"+q, false) })
		b.Run(name+"/rendered", func(b *testing.B) { benchPage(b, a, h, "/?"+q, true) })
	}
}

// benchPage serves path again and again and reports its percentiles; with
// render set, the page cache is emptied before each request, so the page
// is queried and rendered every time (its facets stay cached).
func benchPage(b *testing.B, a *Server, h http.Handler, path string, render bool) {
	req := httptest.NewRequest("GET", path, nil)
	// One request first: the facet and lookup caches of this data version
	// fill then, as they do for the first reader after a write
	// (BenchmarkFacets measures that cost).
	h.ServeHTTP(httptest.NewRecorder(), req)
	var lat latencies
	for b.Loop() {
		if render {
			a.pages = newPageCache()
		}
		start := time.Now()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		lat = append(lat, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
	}
	lat.report(b)
}

// latencies are the times of single requests, for their percentiles: the
// targets are a median and a 99th percentile, not a mean.
type latencies []time.Duration

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	slices.Sort(l)
	at := func(p float64) float64 { return float64(l[int(p*float64(len(l)-1))]) / 1e6 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// BenchmarkFacets measures counting every facet of a view from the store,
// without the cache the pages keep per data version: the cost of the
// first visit after a write.
func BenchmarkFacets(b *testing.B) {
	a := benchServer(b)
	ctx := context.Background()
	for _, f := range []timeline.Filter{{}, {Region: "NEA"}, {Q: "ceasefire"}, {From: timeline.MustDate("1995-01-01"), To: timeline.MustDate("1995-12-31")}} {
		b.Run(strings.TrimPrefix(f.Query(), "?")+"_", func(b *testing.B) {
			var lat latencies
			for b.Loop() {
				start := time.Now()
				if _, err := a.store.Facets(ctx, f); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			lat.report(b)
		})
	}
}

// BenchmarkSearch measures a search's page of entries from the store, the
// search itself, without its facets (BenchmarkFacets) or rendering.
func BenchmarkSearch(b *testing.B) {
	a := benchServer(b)
	ctx := context.Background()
	for _, q := range []string{"ceasefire", "trade security", "Doha"} {
		f := timeline.Filter{Q: q, Limit: timeline.DefaultLimit}
		b.Run(q, func(b *testing.B) {
			var lat latencies
			for b.Loop() {
				start := time.Now()
				if _, err := a.store.Timeline(ctx, f); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			lat.report(b)
		})
	}
}

// BenchmarkCSVExport measures the full chronological export, every row,
// and reports rows per second.
func BenchmarkCSVExport(b *testing.B) {
	a := benchServer(b)
	ctx := context.Background()
	rows := 0
	if err := a.store.EachEntry(ctx, timeline.Filter{Order: timeline.OldestFirst}, func(*timeline.Entry) error { rows++; return nil }); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := export.CSV(ctx, a.store, timeline.Filter{Order: timeline.OldestFirst}, "", io.Discard, func() {}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(rows), "rows")
}
