package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// SessionRow is a stored session.
type SessionRow struct {
	UserID     int64
	Data       string // JSON of the session's values
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

// sessionKey is the row id for a cookie token: its SHA-256, so that the
// database never holds a token that could be replayed.
func sessionKey(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession stores a new session. Session rows are not revisions of
// the record, so they are written without one.
func (s *Store) CreateSession(ctx context.Context, token string, row SessionRow) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO sessions(id, user_id, data, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
		sessionKey(token), nullID(row.UserID), row.Data, row.CreatedAt.UTC().Format(time.RFC3339), row.LastSeenAt.UTC().Format(time.RFC3339), row.ExpiresAt.UTC().Format(time.RFC3339))
	return mapErr(err)
}

// UpdateSession rewrites the values of an existing session. It never
// brings back a session that was removed meanwhile (a logout, a password
// change, a disabled account): it reports false instead.
func (s *Store) UpdateSession(ctx context.Context, token, data string, now time.Time) (bool, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE sessions SET data = ?, last_seen_at = ? WHERE id = ?`, data, now.UTC().Format(time.RFC3339), sessionKey(token))
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// LoadSession returns the session of token, or nil when there is none or it
// has passed its absolute expiry.
func (s *Store) LoadSession(ctx context.Context, token string, now time.Time) (*SessionRow, error) {
	var row SessionRow
	var uid *int64
	var created, seen, expires string
	err := s.r.QueryRowContext(ctx, `SELECT user_id, data, created_at, last_seen_at, expires_at FROM sessions WHERE id = ?`, sessionKey(token)).
		Scan(&uid, &row.Data, &created, &seen, &expires)
	if isNoRows(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if uid != nil {
		row.UserID = *uid
	}
	row.CreatedAt, _ = time.Parse(time.RFC3339, created)
	row.LastSeenAt, _ = time.Parse(time.RFC3339, seen)
	row.ExpiresAt, _ = time.Parse(time.RFC3339, expires)
	if !now.Before(row.ExpiresAt) {
		return nil, nil
	}
	return &row, nil
}

// TouchSession records activity, for the idle expiry.
func (s *Store) TouchSession(ctx context.Context, token string, now time.Time) error {
	_, err := s.w.ExecContext(ctx, `UPDATE sessions SET last_seen_at = ? WHERE id = ?`, now.UTC().Format(time.RFC3339), sessionKey(token))
	return mapErr(err)
}

// DeleteSession removes the session of token (logout).
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, sessionKey(token))
	return mapErr(err)
}

// PurgeSessions removes expired sessions.
func (s *Store) PurgeSessions(ctx context.Context, now time.Time) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, now.UTC().Format(time.RFC3339))
	return mapErr(err)
}

// SessionKeys returns the cookie signing keys, newest first, creating the
// first one when there is none.
func (s *Store) SessionKeys(ctx context.Context) ([][]byte, error) {
	keys, err := s.sessionKeys(ctx)
	if err != nil || len(keys) > 0 {
		return keys, err
	}
	if err := s.RotateSessionKey(ctx); err != nil {
		return nil, err
	}
	return s.sessionKeys(ctx)
}

func (s *Store) sessionKeys(ctx context.Context) ([][]byte, error) {
	var out [][]byte
	err := each(ctx, s.w, func(scan func(...any) error) error {
		var k []byte
		if err := scan(&k); err != nil {
			return err
		}
		out = append(out, k)
		return nil
	}, `SELECT hash_key FROM session_keys ORDER BY id DESC`)
	return out, err
}

// RotateSessionKey adds a new signing key and keeps the previous one for
// verifying (older ones are dropped), so cookies signed before the
// rotation still work until they expire.
func (s *Store) RotateSessionKey(ctx context.Context) error {
	key := make([]byte, 64)
	if _, err := rand.Read(key); err != nil {
		return err
	}
	return s.write(ctx, Actor{Name: "keys"}, func(t *tx) error {
		if _, err := t.exec(`INSERT INTO session_keys(hash_key, created_at) VALUES (?, ?)`, key, t.now); err != nil {
			return err
		}
		_, err := t.exec(`DELETE FROM session_keys WHERE id NOT IN (SELECT id FROM session_keys ORDER BY id DESC LIMIT 2)`)
		return err
	})
}
