package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

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
	benchApp  *app
	benchErr  error
)

// benchServer opens (generating once per process, or reusing BENCH_DB when
// it names an existing file) a database with the demo and a synthetic
// record, and returns the app over it.
func benchServer(b *testing.B) *app {
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
		benchApp, benchErr = newApp(ctx, s, slog.New(slog.NewTextHandler(io.Discard, nil)), appConfig{})
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
	h := a.routes()
	for _, q := range []string{
		"", "order=asc", "region=NEA", "country=FR", "kind=meeting", "from=1990-01-01&to=1999-12-31",
		"person=blinken-antony-j&region=NEA&from=2023-10-07&to=2024-12-31",
		"q=ceasefire", "q=trade+security", "q=trade&order=relevance",
	} {
		name := q
		if name == "" {
			name = "all"
		}
		b.Run(name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/?"+q, nil)
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
				}
			}
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
		var cw countingWriter
		cw.w = io.Discard
		if err := writeTimelineCSV(ctx, a.store, timeline.Filter{Order: timeline.OldestFirst}, &cw, func() {}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(rows), "rows")
}
