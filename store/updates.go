package store

import (
	"context"

	"github.com/diplomatic-travel/tracker/timeline"
)

// update runs one UPDATE of a record inside a transaction with its
// revision: the row before and after, as JSON.
func (s *Store) update(ctx context.Context, a Actor, kind timeline.Kind, table string, id int64, reason, set string, args ...any) error {
	return s.updateWith(ctx, a, kind, table, id, reason, nil, set, args...)
}

// updateWith is update with more to write in the same transaction.
func (s *Store) updateWith(ctx context.Context, a Actor, kind timeline.Kind, table string, id int64, reason string, also func(*tx) error, set string, args ...any) error {
	return s.write(ctx, a, func(t *tx) error {
		if also != nil {
			if err := also(t); err != nil {
				return err
			}
		}
		before, err := t.recordRow(kind, table, id)
		if err != nil {
			return err
		}
		if _, ok := before["deleted_at"]; ok && before["deleted_at"] != nil {
			return timeline.Errorf(timeline.EConflict, "This %s is deleted; restore it before editing it.", kind)
		}
		if _, ok := before["updated_at"]; ok {
			set += ", updated_at = ?"
			args = append(args, t.now)
		}
		if _, err := t.exec(`UPDATE `+table+` SET `+set+` WHERE id = ?`, append(args, id)...); err != nil {
			if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
				return timeline.Errorf(timeline.EConflict, "Another %s already has these values.", kind)
			}
			return err
		}
		after, err := t.rowJSON(table, id)
		if err != nil {
			return err
		}
		if err := t.revise(kind, id, "update", before, after, reason); err != nil {
			return err
		}
		if kind == timeline.KindSource {
			return t.refreshCiting(id)
		}
		return t.refreshFor(kind, id)
	})
}
