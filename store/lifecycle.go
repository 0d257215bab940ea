package store

import (
	"context"
	"database/sql"

	"github.com/diplomatic-travel/tracker/timeline"
)

// softTables are the kinds that are deleted by marking them, with their
// tables; a deleted record is kept, with everything that refers to it,
// until it is restored.
var softTables = map[string]string{
	timeline.KindMeeting: "meetings",
	timeline.KindEvent:   "events",
	timeline.KindSource:  "sources",
	timeline.KindCounter: "counters",
	timeline.KindClaim:   "claims",
	timeline.KindPerson:  "people",
}

// SoftDeletable reports whether kind can be deleted and restored with
// SetDeleted.
func SoftDeletable(kind string) bool { return softTables[kind] != "" }

// rowJSON reads a record's row as a JSON object, for the revision that
// records its deletion or restoration.
func (t *tx) rowJSON(table string, id int64) (map[string]any, error) {
	rows, err := t.QueryContext(t.ctx, `SELECT * FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return nil, sql.ErrNoRows
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	out := map[string]any{}
	for i, c := range cols {
		if b, ok := vals[i].([]byte); ok {
			vals[i] = string(b)
		}
		out[c] = vals[i]
	}
	return out, nil
}

// SetDeleted deletes (marks) or restores a record of a soft-deletable
// kind, with its revision, and keeps the timeline in step.
func (s *Store) SetDeleted(ctx context.Context, a Actor, kind string, id int64, deleted bool, reason string) error {
	table := softTables[kind]
	if table == "" {
		return timeline.Errorf(timeline.EInvalid, "A %s cannot be deleted here.", kind)
	}
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.rowJSON(table, id)
		if isNoRows(err) {
			return notFound("The " + kind + " " + strconvI64(id))
		} else if err != nil {
			return err
		}
		if (before["deleted_at"] != nil) == deleted {
			if deleted {
				return timeline.Errorf(timeline.EConflict, "This %s is already deleted.", kind)
			}
			return timeline.Errorf(timeline.EConflict, "This %s is not deleted.", kind)
		}
		var at any
		if deleted {
			at = t.now
		}
		if _, err := t.exec(`UPDATE `+table+` SET deleted_at = ? WHERE id = ?`, at, id); err != nil {
			return err
		}
		action := "restore"
		var revBefore, revAfter any = nil, before
		if deleted {
			action, revBefore, revAfter = "delete", before, nil
		}
		if err := t.revise(kind, id, action, revBefore, revAfter, reason); err != nil {
			return err
		}
		switch kind {
		case timeline.KindMeeting:
			return t.refreshMeeting(id)
		case timeline.KindEvent:
			return t.refreshEvent(id)
		}
		return nil
	})
}

// IsDeleted reports whether a record of a soft-deletable kind exists and
// whether it is deleted.
func (s *Store) IsDeleted(ctx context.Context, kind string, id int64) (exists, deleted bool, err error) {
	table := softTables[kind]
	if table == "" {
		return false, false, nil
	}
	var at sql.NullString
	err = s.r.QueryRowContext(ctx, `SELECT deleted_at FROM `+table+` WHERE id = ?`, id).Scan(&at)
	if isNoRows(err) {
		return false, false, nil
	}
	return err == nil, at.Valid, err
}
