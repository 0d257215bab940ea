package store_test

import (
	"context"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// A write made on the condition of a version refuses, and changes nothing,
// once the record has moved on: the check is inside the write's
// transaction, so no change that lands in between is overwritten.
func TestIfVersionRefusesAStaleWrite(t *testing.T) {
	s := MustSeed(t)
	ctx := context.Background()
	ada, bob := store.Actor{Name: "ada"}, store.Actor{Name: "bob"}
	read, err := s.Version(ctx, timeline.KindGoal, 1)
	if err != nil || read.Rev == 0 {
		t.Fatalf("version of goal 1: %+v, %v", read, err)
	}
	g, err := s.Goal(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	g.Outcome = "Ada's outcome"
	if err := s.UpdateGoal(store.IfVersion(ctx, timeline.KindGoal, 1, read.Rev), ada, g, ""); err != nil {
		t.Fatalf("a write on the current version: %v", err)
	}
	now, _ := s.Version(ctx, timeline.KindGoal, 1)
	if now.Rev == read.Rev || now.Actor != "ada" {
		t.Fatalf("the save made no new version: %+v", now)
	}

	g.Outcome = "Bob's outcome"
	err = s.UpdateGoal(store.IfVersion(ctx, timeline.KindGoal, 1, read.Rev), bob, g, "")
	if timeline.ErrorCode(err) != timeline.EConflict {
		t.Fatalf("a write on a stale version: %v, want a conflict", err)
	}
	if got, _ := s.Goal(ctx, 1); got.Outcome != "Ada's outcome" {
		t.Errorf("the refused write changed the outcome to %q", got.Outcome)
	}
	if v, _ := s.Version(ctx, timeline.KindGoal, 1); v != now {
		t.Errorf("the refused write left a revision: %+v", v)
	}
}
