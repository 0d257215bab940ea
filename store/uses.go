package store

import (
	"context"
	"fmt"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Uses lists what still uses a record, as a curator is told before
// deleting it: "cited for 7 facts". A record nothing uses gives none.
func (s *Store) Uses(ctx context.Context, kind timeline.Kind, id int64) ([]string, error) {
	type use struct{ one, many, query string }
	var uses []use
	switch kind {
	case timeline.KindSource:
		uses = []use{{"cited for 1 fact", "cited for %d facts", `SELECT count(*) FROM citations WHERE source_id = ?`}}
	case timeline.KindPerson:
		uses = []use{
			{"the traveller of 1 trip", "the traveller of %d trips", `SELECT count(*) FROM trips WHERE person_id = ? AND deleted_at IS NULL`},
			{"at 1 meeting", "at %d meetings", `SELECT count(*) FROM participants p JOIN meetings m ON m.id = p.meeting_id WHERE p.person_id = ? AND m.deleted_at IS NULL`},
			{"quoted once", "quoted %d times", `SELECT count(*) FROM quotes WHERE person_id = ? AND deleted_at IS NULL`},
			{"the one who stated 1 goal", "the one who stated %d goals", `SELECT count(*) FROM goals WHERE stated_by = ? AND deleted_at IS NULL`},
			{"the traveller of 1 counter", "the traveller of %d counters", `SELECT count(*) FROM counters WHERE person_id = ? AND deleted_at IS NULL`},
		}
	case timeline.KindCounter:
		uses = []use{{"checks 1 claim", "checks %d claims", `SELECT count(*) FROM claims WHERE counter_id = ? AND deleted_at IS NULL`}}
	case timeline.KindTrip:
		uses = []use{
			{"1 meeting is on it", "%d meetings are on it", `SELECT count(*) FROM meetings WHERE trip_id = ? AND deleted_at IS NULL`},
			{"1 goal is on it", "%d goals are on it", `SELECT count(*) FROM goals WHERE trip_id = ? AND deleted_at IS NULL`},
			{"1 quote is on it", "%d quotes are on it", `SELECT count(*) FROM quotes WHERE trip_id = ? AND deleted_at IS NULL`},
			{"1 claim is about it", "%d claims are about it", `SELECT count(*) FROM claims WHERE trip_id = ? AND deleted_at IS NULL`},
		}
	}
	if kind.Info().Citable {
		uses = append(uses, use{"1 citation links it to its source", "%d citations link it to its sources",
			`SELECT count(*) FROM citations WHERE subject_kind = '` + string(kind) + `' AND subject_id = ?`})
	}
	var out []string
	for _, u := range uses {
		var n int
		if err := s.r.QueryRowContext(ctx, u.query, id).Scan(&n); err != nil {
			return nil, err
		}
		switch {
		case n == 1:
			out = append(out, u.one)
		case n > 1:
			out = append(out, fmt.Sprintf(u.many, n))
		}
	}
	return out, nil
}

// RegionUses is Uses of a region, by its code.
func (s *Store) RegionUses(ctx context.Context, code string) ([]string, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM counters WHERE region = ? AND deleted_at IS NULL`, code).Scan(&n); err != nil {
		return nil, err
	}
	switch n {
	case 0:
		return nil, nil
	case 1:
		return []string{"1 counter counts trips to it"}, nil
	}
	return []string{fmt.Sprintf("%d counters count trips to it", n)}, nil
}
