package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

// A trip whose stops are numbered against their dates (as an older import
// or a hand edit of the file could leave it) is found out of order.
func TestCheckOutOfOrder(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	trip := &timeline.Trip{PersonSlug: "blinken-antony-j", Title: "Two stops", Status: timeline.Published, Stops: []timeline.Stop{
		{Country: "DE", Locality: "Berlin", Start: timeline.MustDate("2005-02-08"), End: timeline.MustDate("2005-02-09")},
		{Country: "FR", Locality: "Paris", Start: timeline.MustDate("2005-02-10"), End: timeline.MustDate("2005-02-10")},
	}}
	if err := s.CreateTrip(ctx, Actor{Name: "test"}, trip); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE stops SET seq = 3 - seq WHERE trip_id = ?`, trip.ID); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range fs {
		if f.Kind == CheckOutOfOrder {
			n++
			if len(f.Links) != 1 || f.Links[0].Path != timeline.RecordPath(timeline.KindTrip, trip.ID) {
				t.Errorf("finding %+v", f)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d out-of-order findings, want 1", n)
	}
}
