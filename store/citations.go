package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CiteWith links a fact to a source, creating the source first when it is
// new, in one transaction. It reports whether the URL was already known.
func (s *Store) CiteWith(ctx context.Context, a Actor, c *timeline.Citation, newSource *timeline.Source) (known bool, err error) {
	return s.citeAll(ctx, a, []*timeline.Citation{c}, newSource)
}

// CiteAll links several facts to one source, creating it first when it is
// new, in one transaction: all are linked, or none.
func (s *Store) CiteAll(ctx context.Context, a Actor, cs []*timeline.Citation, newSource *timeline.Source) error {
	_, err := s.citeAll(ctx, a, cs, newSource)
	return err
}

func (s *Store) citeAll(ctx context.Context, a Actor, cs []*timeline.Citation, newSource *timeline.Source) (known bool, err error) {
	if newSource != nil {
		if err := newSource.Validate(); err != nil {
			return false, err
		}
	}
	err = s.write(ctx, a, func(t *tx) error {
		if newSource != nil {
			created, err := t.createSource(newSource)
			if err != nil {
				return err
			}
			known = !created
		}
		for _, c := range cs {
			if _, err := t.subjectTrip(c.SubjectKind, c.SubjectID); err != nil {
				return err
			}
			if newSource != nil {
				c.SourceID = newSource.ID
			}
			if err := t.cite(c); err != nil {
				return err
			}
		}
		return nil
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

// Citation returns one citation with its source.
func (s *Store) Citation(ctx context.Context, id int64) (*timeline.Citation, error) {
	var c timeline.Citation
	err := s.r.QueryRowContext(ctx, `SELECT c.id, c.subject_kind, c.subject_id, c.passage, `+sourceCols+`
		FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.id = ?`, id).
		Scan(&c.ID, &c.SubjectKind, &c.SubjectID, &c.Passage,
			&c.Source.ID, &c.Source.URL, &c.Source.Title, &c.Source.Publisher, &c.Source.Author, &c.Source.Published, &c.Source.ArchiveURL, &c.Source.Notes)
	if isNoRows(err) {
		return nil, notFound("Citation " + strconv.FormatInt(id, 10))
	}
	c.SourceID = c.Source.ID
	return &c, err
}

// citationRow is a citation as its revisions keep it.
func (t *tx) citationRow(id int64) (*timeline.Citation, error) {
	c := timeline.Citation{ID: id}
	err := t.QueryRowContext(t.ctx, `SELECT source_id, subject_kind, subject_id, passage FROM citations WHERE id = ?`, id).
		Scan(&c.SourceID, &c.SubjectKind, &c.SubjectID, &c.Passage)
	if isNoRows(err) {
		return nil, notFound("Citation " + strconv.FormatInt(id, 10))
	}
	return &c, err
}

// UpdateCitation corrects a citation: its source and its passage (the fact
// it supports stays), with its revision.
func (s *Store) UpdateCitation(ctx context.Context, a Actor, c *timeline.Citation, reason string) error {
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.citationRow(c.ID)
		if err != nil {
			return err
		}
		if err := t.liveSource(c.SourceID); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE citations SET source_id = ?, passage = ? WHERE id = ?`, c.SourceID, timeline.NormalizeSpace(c.Passage), c.ID); err != nil {
			if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
				return &timeline.Error{Code: timeline.EConflict, Field: "source", Message: "This source is already cited for this fact with the same passage."}
			}
			return err
		}
		after, err := t.citationRow(c.ID)
		if err != nil {
			return err
		}
		*c = *after
		if err := t.revise(timeline.KindCitation, c.ID, "update", before, after, reason); err != nil {
			return err
		}
		return t.refreshFor(c.SubjectKind, c.SubjectID)
	})
}

// RemoveCitation removes a citation, kept whole in its revision so that
// RestoreCitation can put it back.
func (s *Store) RemoveCitation(ctx context.Context, a Actor, id int64, reason string) (*timeline.Citation, error) {
	var c *timeline.Citation
	err := s.write(ctx, a, func(t *tx) error {
		var err error
		if c, err = t.citationRow(id); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM citations WHERE id = ?`, id); err != nil {
			return err
		}
		if err := t.revise(timeline.KindCitation, id, "delete", c, nil, reason); err != nil {
			return err
		}
		return t.refreshFor(c.SubjectKind, c.SubjectID)
	})
	return c, err
}

// RestoreCitation puts a removed citation back as its latest revision
// kept it, under its own id.
func (s *Store) RestoreCitation(ctx context.Context, a Actor, id int64) error {
	return s.write(ctx, a, func(t *tx) error {
		var before sql.NullString
		err := t.QueryRowContext(t.ctx, `SELECT before FROM revisions WHERE kind = 'citation' AND record_id = ? AND action = 'delete' ORDER BY id DESC LIMIT 1`, id).Scan(&before)
		if isNoRows(err) || (err == nil && !before.Valid) {
			return timeline.Errorf(timeline.ENotFound, "Citation %d was never removed.", id)
		} else if err != nil {
			return err
		}
		var c timeline.Citation
		if err := json.Unmarshal([]byte(before.String), &c); err != nil {
			return err
		}
		if _, err := t.citationRow(id); err == nil {
			return timeline.Errorf(timeline.EConflict, "Citation %d is not removed.", id)
		}
		if err := t.liveSource(c.SourceID); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO citations(id, source_id, subject_kind, subject_id, passage, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, c.SourceID, c.SubjectKind, c.SubjectID, c.Passage, t.now); err != nil {
			if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
				return timeline.Errorf(timeline.EConflict, "The fact already cites this source with the same passage.")
			}
			return err
		}
		if err := t.revise(timeline.KindCitation, id, "restore", nil, &c, ""); err != nil {
			return err
		}
		return t.refreshFor(c.SubjectKind, c.SubjectID)
	})
}

// liveSource refuses a source that is not on record (or deleted).
func (t *tx) liveSource(id int64) error {
	var n int
	if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM sources WHERE id = ? AND deleted_at IS NULL`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return timeline.FieldErrorf("source", "That source is not on record.")
	}
	return nil
}

// LastSourceCitedBy is the source the curator cited last (0 for none):
// the citation forms start from it, since an article's facts are cited
// one after another.
func (s *Store) LastSourceCitedBy(ctx context.Context, a Actor) (int64, error) {
	var id sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT json_extract(r.after, '$.SourceID') FROM revisions r
		WHERE r.kind = 'citation' AND r.action = 'create' AND r.user_id = ? ORDER BY r.id DESC LIMIT 1`, a.UserID).Scan(&id)
	if isNoRows(err) {
		return 0, nil
	}
	return id.Int64, err
}
