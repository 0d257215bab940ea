package store

import (
	"context"
	"database/sql"
	"sync/atomic"
)

// readers is the reader pool, counting the statements it runs: a page's
// number of queries must not grow with its number of rows (no N+1), and a
// test checks that through Store.Reads.
type readers struct {
	*sql.DB
	n atomic.Int64
}

func (r *readers) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	r.n.Add(1)
	return r.DB.QueryContext(ctx, q, args...)
}

func (r *readers) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	r.n.Add(1)
	return r.DB.QueryRowContext(ctx, q, args...)
}

func (r *readers) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	r.n.Add(1)
	return r.DB.ExecContext(ctx, q, args...)
}

// Reads returns how many statements the reader pool has run since the
// store was opened (statements inside read transactions are not counted).
func (s *Store) Reads() int64 { return s.r.n.Load() }
