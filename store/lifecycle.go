package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// softTable is the table of a kind deleted by marking (timeline.Kinds); a
// deleted record is kept, with everything that refers to it, until it is
// restored. It is "" for the other kinds.
func softTable(kind timeline.Kind) string {
	if k := kind.Info(); k.SoftDelete {
		return k.Table
	}
	return ""
}

// SoftDeletable reports whether kind can be deleted and restored with
// SetDeleted.
func SoftDeletable(kind timeline.Kind) bool { return softTable(kind) != "" }

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
func (s *Store) SetDeleted(ctx context.Context, a Actor, kind timeline.Kind, id int64, deleted bool, reason string) error {
	table := softTable(kind)
	if table == "" {
		return timeline.Errorf(timeline.EInvalid, "A %s cannot be deleted here.", kind)
	}
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.recordRow(kind, table, id)
		if err != nil {
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
		if kind == timeline.KindSource {
			return t.refreshCiting(id)
		}
		return t.refreshFor(kind, id)
	})
}

// IsDeleted reports whether a record of a soft-deletable kind exists and
// whether it is deleted.
func (s *Store) IsDeleted(ctx context.Context, kind timeline.Kind, id int64) (exists, deleted bool, err error) {
	table := softTable(kind)
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

// reviseRow records a change of a record as its row: before (nil for a
// creation) and the row as it is now, so that any version can be shown
// field by field and put back by RestoreVersion.
func (t *tx) reviseRow(kind timeline.Kind, table string, id int64, action string, before map[string]any, reason string) error {
	after, err := t.rowJSON(table, id)
	if err != nil {
		return err
	}
	var b any
	if before != nil {
		b = before
	}
	return t.revise(kind, id, action, b, after, reason)
}

// Restorable reports whether records of kind can be put back to an earlier
// version with RestoreVersion: their revisions hold their row.
func Restorable(kind timeline.Kind) bool { return kind.Info().Versions }

// RestoreVersion puts a record back as it was after revision revID: every
// column of the row that the revision recorded, except its id, its
// creation time and its deletion mark, in one transaction with its own
// revision.
func (s *Store) RestoreVersion(ctx context.Context, a Actor, kind timeline.Kind, id, revID int64) error {
	table := kind.Info().Table
	if !Restorable(kind) {
		return timeline.Errorf(timeline.EInvalid, "A %s cannot be restored to a version here.", kind)
	}
	var after sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT after FROM revisions WHERE id = ? AND kind = ? AND record_id = ?`, revID, kind, id).Scan(&after)
	if isNoRows(err) || (err == nil && !after.Valid) {
		return timeline.Errorf(timeline.ENotFound, "This %s has no version %d to restore.", kind, revID)
	} else if err != nil {
		return err
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(after.String), &row); err != nil || row["id"] == nil {
		return timeline.Errorf(timeline.EInvalid, "Version %d was recorded before versions could be restored.", revID)
	}
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.recordRow(kind, table, id)
		if err != nil {
			return err
		}
		var sets []string
		var args []any
		for col := range before {
			v, ok := row[col]
			// A restore never changes what is published: the status
			// stays as it is now.
			if !ok || col == "id" || col == "created_at" || col == "deleted_at" || col == "updated_at" || col == "status" {
				continue
			}
			if f, ok := v.(float64); ok && f == float64(int64(f)) {
				v = int64(f) // JSON numbers of integer columns
			}
			sets = append(sets, col+" = ?")
			args = append(args, v)
		}
		if _, ok := before["updated_at"]; ok {
			sets = append(sets, "updated_at = ?")
			args = append(args, t.now)
		}
		if _, err := t.exec(`UPDATE `+table+` SET `+strings.Join(sets, ", ")+` WHERE id = ?`, append(args, id)...); err != nil {
			return err
		}
		if err := t.reviseRow(kind, table, id, "restore", before, "restored the version of revision "+strconv.FormatInt(revID, 10)); err != nil {
			return err
		}
		if kind == timeline.KindSource {
			return t.refreshCiting(id)
		}
		return t.refreshFor(kind, id)
	})
}

// SetStatus publishes a record (or returns it to draft), with its revision.
func (s *Store) SetStatus(ctx context.Context, a Actor, kind timeline.Kind, id int64, status timeline.Status) error {
	// A trip's status is SetTripStatus's: its stops and entries follow it.
	table := kind.Info().Table
	if !kind.Info().Drafts || kind == timeline.KindTrip || !status.Valid() {
		return timeline.Errorf(timeline.EInvalid, "A %s cannot be published here.", kind)
	}
	return s.write(ctx, a, func(t *tx) error { return t.setStatus(kind, table, id, status) })
}

// setStatus is SetStatus in a transaction. A meeting published publishes
// the people made for it from its form, drafts until then.
func (t *tx) setStatus(kind timeline.Kind, table string, id int64, status timeline.Status) error {
	before, err := t.recordRow(kind, table, id)
	if err != nil {
		return err
	}
	if before["deleted_at"] != nil {
		return timeline.Errorf(timeline.EConflict, "This %s is deleted; restore it first.", kind)
	}
	if before["status"] == string(status) {
		return nil // already so (a participant published with its meeting)
	}
	set, args := "status = ?", []any{status}
	if _, ok := before["updated_at"]; ok {
		set, args = set+", updated_at = ?", append(args, t.now)
	}
	if _, err := t.exec(`UPDATE `+table+` SET `+set+` WHERE id = ?`, append(args, id)...); err != nil {
		return err
	}
	action := "update"
	if status == timeline.Published {
		action = "publish"
	}
	if err := t.reviseRow(kind, table, id, action, before, ""); err != nil {
		return err
	}
	if kind == timeline.KindMeeting && status == timeline.Published {
		if err := t.publishPeople(`SELECT person_id FROM participants WHERE meeting_id = ?`, id); err != nil {
			return err
		}
	}
	return t.refreshFor(kind, id)
}

// publishPeople publishes the draft people the query lists, each with its
// revision.
func (t *tx) publishPeople(query string, args ...any) error {
	ids, err := t.ids(`SELECT id FROM people WHERE status = 'draft' AND deleted_at IS NULL AND id IN (`+query+`)`, args...)
	if err != nil {
		return err
	}
	for _, pid := range ids {
		if err := t.setStatus(timeline.KindPerson, "people", pid, timeline.Published); err != nil {
			return err
		}
	}
	return nil
}

// created records a new record's revision (its whole row) and refreshes
// the entries that show it. It ends each tx's createX, which validates the
// record first: Store's CreateX runs it in a transaction of its own, and
// the imports call it within theirs.
func (t *tx) created(kind timeline.Kind, id int64) error {
	if err := t.reviseRow(kind, kind.Info().Table, id, "create", nil, ""); err != nil {
		return err
	}
	return t.refreshFor(kind, id)
}

// recordRow reads a record's row as rowJSON does; a missing one is not
// found, in words that name it.
func (t *tx) recordRow(kind timeline.Kind, table string, id int64) (map[string]any, error) {
	row, err := t.rowJSON(table, id)
	if isNoRows(err) {
		return nil, notFound("The " + string(kind) + " " + strconv.FormatInt(id, 10))
	}
	return row, err
}

// add inserts a new record's row, sets its id and records it as created.
func (t *tx) add(kind timeline.Kind, id *int64, query string, args ...any) error {
	n, err := t.insert(query, args...)
	if err != nil {
		return err
	}
	*id = n
	return t.created(kind, n)
}

// UndoRevision undoes one change of a record: the fields it changed go
// back to their values before it, provided none has changed since; else
// nothing is changed, and the fields changed since are named. Only an
// edit of a kind whose revisions hold its row can be undone so (a trip's
// versions are restored whole), and never its status, which publishing
// sets. It returns the record's kind and id.
func (s *Store) UndoRevision(ctx context.Context, a Actor, revID int64) (timeline.Kind, int64, error) {
	var kind timeline.Kind
	var id int64
	var action string
	var before, after sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT kind, record_id, action, before, after FROM revisions WHERE id = ?`, revID).Scan(&kind, &id, &action, &before, &after)
	if isNoRows(err) {
		return "", 0, timeline.Errorf(timeline.ENotFound, "There is no change %d.", revID)
	} else if err != nil {
		return "", 0, err
	}
	var b, af map[string]any
	if !Restorable(kind) || action != "update" || json.Unmarshal([]byte(before.String), &b) != nil || json.Unmarshal([]byte(after.String), &af) != nil || b["id"] == nil {
		return kind, id, timeline.Errorf(timeline.EInvalid, "Change %d cannot be undone alone: restore a version instead.", revID)
	}
	same := func(x, y any) bool {
		jx, _ := json.Marshal(x)
		jy, _ := json.Marshal(y)
		return string(jx) == string(jy)
	}
	err = s.write(ctx, a, func(t *tx) error {
		table := kind.Info().Table
		cur, err := t.recordRow(kind, table, id)
		if err != nil {
			return err
		}
		var sets, since []string
		var args []any
		for col, was := range b {
			switch col {
			case "id", "created_at", "updated_at", "deleted_at", "status":
				continue
			}
			if same(was, af[col]) {
				continue // not changed by this change
			}
			if !same(cur[col], af[col]) {
				since = append(since, col)
				continue
			}
			if f, ok := was.(float64); ok && f == float64(int64(f)) {
				was = int64(f) // JSON numbers of integer columns
			}
			sets, args = append(sets, col+" = ?"), append(args, was)
		}
		if len(since) > 0 {
			sort.Strings(since)
			return timeline.Errorf(timeline.EConflict, "Change %d cannot be undone: %s changed again since. Restore a version instead.", revID, strings.Join(since, ", "))
		}
		if len(sets) == 0 {
			return timeline.Errorf(timeline.EConflict, "Change %d changed nothing that can be undone.", revID)
		}
		if _, ok := cur["updated_at"]; ok {
			sets, args = append(sets, "updated_at = ?"), append(args, t.now)
		}
		if _, err := t.exec(`UPDATE `+table+` SET `+strings.Join(sets, ", ")+` WHERE id = ?`, append(args, id)...); err != nil {
			return err
		}
		if err := t.reviseRow(kind, table, id, "update", cur, "undid change "+strconv.FormatInt(revID, 10)); err != nil {
			return err
		}
		if kind == timeline.KindSource {
			return t.refreshCiting(id)
		}
		return t.refreshFor(kind, id)
	})
	return kind, id, err
}
