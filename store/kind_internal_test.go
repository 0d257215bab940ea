package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

// The registry of kinds matches the schema: each kind's table exists; a
// kind deleted by marking has deleted_at, one with drafts has status, one
// on a trip has trip_id; and each citable kind's label query runs.
func TestKindsMatchSchema(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "kinds.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, k := range timeline.AllKinds {
		info := k.Info()
		rows, err := s.r.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, info.Table)
		if err != nil {
			t.Fatal(err)
		}
		var cols []string
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			cols = append(cols, c)
		}
		rows.Close()
		if len(cols) == 0 {
			t.Errorf("%s: no table %q", k, info.Table)
			continue
		}
		for _, need := range []struct {
			on  bool
			col string
		}{{info.SoftDelete, "deleted_at"}, {info.Drafts, "status"}, {info.OnTrip, "trip_id"}} {
			if need.on && !slices.Contains(cols, need.col) {
				t.Errorf("%s: the registry says %s, but %s has no %s", k, need.col, info.Table, need.col)
			}
		}
		if info.Label != "" {
			var label string
			if err := s.r.QueryRowContext(ctx, info.Label, 1).Scan(&label); err != nil && !isNoRows(err) {
				t.Errorf("%s: its label query fails: %v", k, err)
			}
		}
	}
}
