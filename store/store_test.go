package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// MustOpen opens a new database file in a temporary folder; it is closed
// when the test ends.
func MustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "timeline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Error(err)
		}
	})
	return s
}

// MustSeed opens a database with the demo record.
func MustSeed(tb testing.TB) *store.Store {
	tb.Helper()
	s := MustOpen(tb)
	res, err := s.Seed(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	if !res.Seeded {
		tb.Fatal("Seed did not seed an empty database")
	}
	return s
}
