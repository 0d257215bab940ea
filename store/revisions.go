package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Revision is one recorded change.
type Revision struct {
	ID       int64
	At       string
	Actor    string
	Kind     timeline.Kind
	RecordID int64
	Action   string
	Before   string // JSON, empty for a creation
	After    string // JSON, empty for a deletion
	Reason   string
}

// revise records a change of one record in the transaction that makes it.
// before and after are the record's values (nil when absent); they are kept
// as JSON so any earlier version can be shown and restored.
func (t *tx) revise(kind timeline.Kind, id int64, action string, before, after any, reason string) error {
	enc := func(v any) (any, error) {
		if v == nil {
			return nil, nil
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return string(b), nil
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO revisions(at, user_id, actor, kind, record_id, action, before, after, reason)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.now, nullID(t.actor.UserID), t.actor.Name, kind, id, action, b, a, reason)
	return err
}

// Revisions returns the changes of one record, oldest first.
func (s *Store) Revisions(ctx context.Context, kind timeline.Kind, id int64) ([]Revision, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, at, actor, kind, record_id, action, coalesce(before, ''), coalesce(after, ''), reason
		FROM revisions WHERE kind = ? AND record_id = ? ORDER BY id`, kind, id)
	if err != nil {
		return nil, err
	}
	return scanRevisions(rows)
}

// RecentRevisions lists the latest changes across the record, newest
// first, optionally of one actor or one kind.
func (s *Store) RecentRevisions(ctx context.Context, actor string, kind timeline.Kind, limit, offset int) ([]Revision, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, at, actor, kind, record_id, action, coalesce(before, ''), coalesce(after, ''), reason
		FROM revisions WHERE (? = '' OR actor = ?) AND (? = '' OR kind = ?) ORDER BY id DESC LIMIT ? OFFSET ?`, actor, actor, kind, kind, limit, offset)
	if err != nil {
		return nil, err
	}
	return scanRevisions(rows)
}

func scanRevisions(rows *sql.Rows) ([]Revision, error) {
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		if err := rows.Scan(&r.ID, &r.At, &r.Actor, &r.Kind, &r.RecordID, &r.Action, &r.Before, &r.After, &r.Reason); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// TripRevisions lists the changes of a trip and of everything on it (its
// meetings, goals, quotes and claims, and the citations of those facts and
// of its stops), newest first, limit at a time from offset: one history
// for the trip.
func (s *Store) TripRevisions(ctx context.Context, tripID int64, limit, offset int) ([]Revision, error) {
	rows, err := s.r.QueryContext(ctx, `WITH facts(kind, id) AS (
			SELECT 'trip', ?1
			UNION ALL SELECT 'stop', id FROM stops WHERE trip_id = ?1
			UNION ALL SELECT 'meeting', id FROM meetings WHERE trip_id = ?1
			UNION ALL SELECT 'goal', id FROM goals WHERE trip_id = ?1
			UNION ALL SELECT 'quote', id FROM quotes WHERE trip_id = ?1
			UNION ALL SELECT 'claim', id FROM claims WHERE trip_id = ?1),
		records(kind, id) AS (
			SELECT kind, id FROM facts
			UNION ALL SELECT 'citation', c.id FROM citations c JOIN facts f ON c.subject_kind = f.kind AND c.subject_id = f.id)
		SELECT r.id, r.at, r.actor, r.kind, r.record_id, r.action, coalesce(r.before, ''), coalesce(r.after, ''), r.reason
		FROM records x JOIN revisions r ON r.kind = x.kind AND r.record_id = x.id
		ORDER BY r.id DESC LIMIT ?2 OFFSET ?3`, tripID, limit, offset)
	if err != nil {
		return nil, err
	}
	return scanRevisions(rows)
}
