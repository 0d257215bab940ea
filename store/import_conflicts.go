package store

import (
	"context"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// An import's conflicts are the stops a curator entered or changed that
// the Office of the Historian's record gives otherwise (record_versions).
// Each is resolved on its own: take the record's version (the stop becomes
// the record's, with its trip's revision), or keep ours (said, with who and
// when; the record's version stays shown beside it on the public page).

// ImportConflict is one stop as this record has it and as the Office of
// the Historian's record gives it.
type ImportConflict struct {
	TripID    int64
	TripTitle string
	Ours      timeline.Stop
	Record    timeline.Stop
	Fields    string // "remarks, locality"
	KeptBy    string // who kept ours, "" while unresolved
}

// ImportConflicts lists the conflicts, unresolved first, limit at most.
func (s *Store) ImportConflicts(ctx context.Context, limit int) ([]ImportConflict, error) {
	return list(ctx, s.r, func(c *ImportConflict) []any {
		return []any{&c.TripID, &c.TripTitle, &c.Ours.ID, &c.Ours.Country, &c.Ours.Locality, &c.Ours.Start, &c.Ours.End, &c.Ours.Remarks,
			&c.Record.Ref, &c.Record.Country, &c.Record.Locality, &c.Record.Start, &c.Record.End, &c.Record.Remarks, &c.Fields, &c.KeptBy}
	}, `SELECT t.id, coalesce(nullif(e.title, ''), nullif(t.title, ''), 'Trip ' || t.id),
			s.id, s.country, s.locality, s.start_date, s.end_date, s.remarks,
			v.ref, v.country, v.locality, v.start_date, v.end_date, v.remarks, v.fields, v.kept_by
		FROM record_versions v JOIN stops s ON s.id = v.stop_id JOIN trips t ON t.id = s.trip_id AND t.deleted_at IS NULL
		LEFT JOIN entries e ON e.kind = 'trip' AND e.record_id = t.id
		ORDER BY v.kept_at IS NOT NULL, s.start_date, s.id LIMIT ?`, limit)
}

// TakeRecordVersion makes a stop the record's version, in its trip's
// revision (so it can be restored), and ends the conflict.
func (s *Store) TakeRecordVersion(ctx context.Context, a Actor, stopID int64) error {
	return s.write(ctx, a, func(t *tx) error {
		var rec timeline.Stop
		var tripID int64
		err := t.QueryRowContext(t.ctx, `SELECT s.trip_id, v.country, v.locality, v.start_date, v.end_date, v.remarks
			FROM record_versions v JOIN stops s ON s.id = v.stop_id WHERE v.stop_id = ?`, stopID).
			Scan(&tripID, &rec.Country, &rec.Locality, &rec.Start, &rec.End, &rec.Remarks)
		if isNoRows(err) {
			return timeline.Errorf(timeline.ENotFound, "Stop %d has no conflict with the record.", stopID)
		} else if err != nil {
			return err
		}
		trip, err := t.liveTrip(tripID, "Trip %d is deleted; restore it first.")
		if err != nil {
			return err
		}
		for i := range trip.Stops {
			if st := &trip.Stops[i]; st.ID == stopID {
				st.Country, st.Locality, st.Start, st.End, st.Remarks = rec.Country, rec.Locality, rec.Start, rec.End, rec.Remarks
			}
		}
		if err := trip.Validate(); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM record_versions WHERE stop_id = ?`, stopID); err != nil {
			return err
		}
		return t.updateTrip(s, trip, "took the Office of the Historian's version of stop "+strconv.FormatInt(stopID, 10), "update")
	})
}

// KeepOurVersion resolves a conflict by keeping this record's stop, saying
// who decided it and when.
func (s *Store) KeepOurVersion(ctx context.Context, a Actor, stopID int64) error {
	return s.write(ctx, a, func(t *tx) error {
		res, err := t.exec(`UPDATE record_versions SET kept_at = ?, kept_by = ? WHERE stop_id = ?`, t.now, a.Name, stopID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return timeline.Errorf(timeline.ENotFound, "Stop %d has no conflict with the record.", stopID)
		}
		return t.revise(timeline.KindStop, stopID, "update", nil, map[string]any{"kept": "this record's version, not the Office of the Historian's"}, "import conflict resolved")
	})
}
