package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Two sources of one article (one typed with a tracking parameter, say)
// are merged: every citation of the duplicate moves to the source kept,
// and the duplicate is deleted. A citation the kept source already makes
// (the same fact and passage) is dropped rather than doubled. The merge is
// one revision of the duplicate, which lists what moved and what was
// dropped, so that UndoSourceMerge can put every citation back.

// sourceMerge is what a merge of sources did, as its revision keeps it.
type sourceMerge struct {
	Into    int64               `json:"merged_into"`
	Moved   []int64             `json:"moved_citations"`
	Dropped []timeline.Citation `json:"dropped_citations,omitempty"`
	Source  map[string]any      `json:"source"`
}

// MergeSources moves every citation of source from to source into and
// deletes from; it returns how many citations moved.
func (s *Store) MergeSources(ctx context.Context, a Actor, from, into int64, reason string) (int, error) {
	if from == into {
		return 0, timeline.FieldErrorf("into", "A source cannot be merged into itself.")
	}
	var n int
	err := s.write(ctx, a, func(t *tx) error {
		if err := t.liveSource(into); err != nil {
			return &timeline.Error{Code: timeline.EInvalid, Field: "into", Message: "The source to keep is not on record."}
		}
		before, err := t.recordRow(timeline.KindSource, "sources", from)
		if err != nil {
			return err
		}
		if before["deleted_at"] != nil {
			return timeline.Errorf(timeline.EConflict, "This source is deleted; restore it before merging it.")
		}
		rows, err := t.QueryContext(t.ctx, `SELECT id, subject_kind, subject_id, passage FROM citations WHERE source_id = ? ORDER BY id`, from)
		if err != nil {
			return err
		}
		var cs []timeline.Citation
		for rows.Next() {
			c := timeline.Citation{SourceID: from}
			if err := rows.Scan(&c.ID, &c.SubjectKind, &c.SubjectID, &c.Passage); err != nil {
				rows.Close()
				return err
			}
			cs = append(cs, c)
		}
		rows.Close()
		m := sourceMerge{Into: into, Source: before}
		for _, c := range cs {
			var dup int
			if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM citations WHERE source_id = ? AND subject_kind = ? AND subject_id = ? AND passage = ?`,
				into, c.SubjectKind, c.SubjectID, c.Passage).Scan(&dup); err != nil {
				return err
			}
			if dup > 0 {
				if _, err := t.exec(`DELETE FROM citations WHERE id = ?`, c.ID); err != nil {
					return err
				}
				m.Dropped = append(m.Dropped, c)
				continue
			}
			if _, err := t.exec(`UPDATE citations SET source_id = ? WHERE id = ?`, into, c.ID); err != nil {
				return err
			}
			m.Moved = append(m.Moved, c.ID)
		}
		n = len(m.Moved)
		if _, err := t.exec(`UPDATE sources SET deleted_at = ?, updated_at = ? WHERE id = ?`, t.now, t.now, from); err != nil {
			return err
		}
		// The duplicate is deleted by the merge: its revision is a deletion
		// whose after says into what, and what moved.
		if err := t.revise(timeline.KindSource, from, "delete", before, m, "merged into source "+strconv.FormatInt(into, 10)+suffix(reason)); err != nil {
			return err
		}
		return t.refreshCiting(into)
	})
	return n, err
}

// UndoSourceMerge undoes the latest merge of source from: it is restored,
// and the citations that moved (and those dropped) are its own again.
func (s *Store) UndoSourceMerge(ctx context.Context, a Actor, from int64) error {
	return s.write(ctx, a, func(t *tx) error {
		var after sql.NullString
		err := t.QueryRowContext(t.ctx, `SELECT after FROM revisions WHERE kind = 'source' AND record_id = ? AND action = 'delete'
			AND json_extract(after, '$.merged_into') IS NOT NULL ORDER BY id DESC LIMIT 1`, from).Scan(&after)
		if isNoRows(err) || (err == nil && !after.Valid) {
			return timeline.Errorf(timeline.ENotFound, "Source %d was never merged.", from)
		} else if err != nil {
			return err
		}
		var m sourceMerge
		if err := json.Unmarshal([]byte(after.String), &m); err != nil {
			return err
		}
		before, err := t.recordRow(timeline.KindSource, "sources", from)
		if err != nil {
			return err
		}
		if before["deleted_at"] == nil {
			return timeline.Errorf(timeline.EConflict, "Source %d is not merged now.", from)
		}
		if _, err := t.exec(`UPDATE sources SET deleted_at = NULL, updated_at = ? WHERE id = ?`, t.now, from); err != nil {
			return err
		}
		for _, id := range m.Moved {
			// A citation corrected or removed since stays as it is now.
			if _, err := t.exec(`UPDATE citations SET source_id = ? WHERE id = ? AND source_id = ?`, from, id, m.Into); err != nil {
				return err
			}
		}
		for _, c := range m.Dropped {
			if _, err := t.exec(`INSERT OR IGNORE INTO citations(id, source_id, subject_kind, subject_id, passage, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
				c.ID, from, c.SubjectKind, c.SubjectID, c.Passage, t.now); err != nil {
				return err
			}
		}
		if err := t.reviseRow(timeline.KindSource, "sources", from, "restore", before, "undid the merge into source "+strconv.FormatInt(m.Into, 10)); err != nil {
			return err
		}
		if err := t.refreshCiting(from); err != nil {
			return err
		}
		return t.refreshCiting(m.Into)
	})
}
