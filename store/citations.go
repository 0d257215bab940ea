package store

import (
	"context"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CiteWith links a fact to a source, creating the source first when it is
// new, in one transaction. It reports whether the URL was already known.
func (s *Store) CiteWith(ctx context.Context, a Actor, c *timeline.Citation, newSource *timeline.Source) (known bool, err error) {
	if newSource != nil {
		if err := newSource.Validate(); err != nil {
			return false, err
		}
	}
	err = s.write(ctx, a, func(t *tx) error {
		if _, err := t.subjectTrip(c.SubjectKind, c.SubjectID); err != nil {
			return err
		}
		if newSource != nil {
			created, err := t.createSource(newSource)
			if err != nil {
				return err
			}
			known = !created
			c.SourceID = newSource.ID
		}
		return t.cite(c)
	})
	return known, err
}

// subjectTrip checks that a fact exists and returns the trip it belongs to
// (0 for events).
func (t *tx) subjectTrip(kind timeline.Kind, id int64) (int64, error) {
	info := kind.Info()
	var q string
	switch {
	case !info.Citable:
		return 0, &timeline.Error{Code: timeline.EInvalid, Field: "kind", Message: "A " + string(kind) + " cannot be cited."}
	case kind == timeline.KindTrip:
		q = `SELECT id FROM trips WHERE id = ?`
	case info.OnTrip:
		q = `SELECT coalesce(trip_id, 0) FROM ` + info.Table + ` WHERE id = ?`
	default:
		q = `SELECT 0 FROM ` + info.Table + ` WHERE id = ?`
	}
	var trip int64
	err := t.QueryRowContext(t.ctx, q, id).Scan(&trip)
	if isNoRows(err) {
		return 0, &timeline.Error{Code: timeline.ENotFound, Message: "There is no " + string(kind) + " " + strconv.FormatInt(id, 10) + " to cite."}
	}
	return trip, err
}

// Subject describes a fact for the citation form: a label and the page
// where it is told.
func (s *Store) Subject(ctx context.Context, kind timeline.Kind, id int64) (label, path string, err error) {
	err = s.readTx(ctx, func(t *tx) error {
		trip, err := t.subjectTrip(kind, id)
		if err != nil {
			return err
		}
		path = timeline.RecordPath(kind, id)
		if trip != 0 {
			path = timeline.RecordPath(timeline.KindTrip, trip)
			if kind != timeline.KindTrip {
				path += "#" + string(kind) + "-" + strconv.FormatInt(id, 10)
			}
		}
		return t.QueryRowContext(ctx, kind.Info().Label, id).Scan(&label)
	})
	return label, path, err
}
