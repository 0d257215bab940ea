package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Debug holds the store's hooks for tests and diagnostics: the pragmas of
// its connections, a cap on the file's pages (to fill the disk on
// purpose), counts of imported stops and of revisions. They are kept off
// Store so that its API is the record's.
type Debug struct{ s *Store }

// Debug returns the store's hooks for tests and diagnostics.
func (s *Store) Debug() Debug { return Debug{s} }

// Pragmas returns the settings a connection of the given pool reports, for
// the tests that prove every pooled connection carries them.
func (d Debug) Pragmas(ctx context.Context, reader bool) (map[string]string, error) {
	s := d.s
	db := s.w
	if reader {
		db = s.r.DB
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	out := map[string]string{}
	for _, p := range []string{"journal_mode", "synchronous", "foreign_keys", "busy_timeout", "query_only", "journal_size_limit"} {
		var v string
		if err := conn.QueryRowContext(ctx, "PRAGMA "+p).Scan(&v); err != nil {
			return nil, fmt.Errorf("PRAGMA %s: %w", p, err)
		}
		out[p] = v
	}
	return out, nil
}

// ReaderPragmasConcurrently holds n (at most ReaderPool) reader
// connections open at once and
// reports the settings of each, so a test can see that connections the pool
// opens later carry the same settings as the first.
func (d Debug) ReaderPragmasConcurrently(ctx context.Context, n int) ([]map[string]string, error) {
	s := d.s
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	if n > ReaderPool {
		return nil, fmt.Errorf("store: the reader pool has %d connections, not %d", ReaderPool, n)
	}
	var out []map[string]string
	for i := 0; i < n; i++ {
		c, err := s.r.Conn(ctx)
		if err != nil {
			return nil, err
		}
		conns = append(conns, c)
		p := map[string]string{}
		for _, name := range []string{"journal_mode", "synchronous", "foreign_keys", "query_only"} {
			var v string
			if err := c.QueryRowContext(ctx, "PRAGMA "+name).Scan(&v); err != nil {
				return nil, err
			}
			p[name] = v
		}
		out = append(out, p)
	}
	return out, nil
}

// LimitPages sets the writer's PRAGMA max_page_count to n (when n > 0) and
// returns the database's page count: the stress suite fills "the disk"
// with it to prove a full disk fails writes cleanly.
func (d Debug) LimitPages(ctx context.Context, n int) (int, error) {
	s := d.s
	if n > 0 {
		if _, err := s.w.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", n)); err != nil {
			return 0, err
		}
	}
	var pages int
	err := s.w.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages)
	return pages, err
}

// ImportedStops counts the stops that carry an import's fingerprint: the
// crash drills check an import is all there or not at all.
func (d Debug) ImportedStops(ctx context.Context) (int, error) {
	s := d.s
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM stops WHERE import_hash <> ''`).Scan(&n)
	return n, err
}

// RevisionCount returns the number of revisions stored, for tests and the
// admin overview.
func (d Debug) RevisionCount(ctx context.Context) (int, error) {
	s := d.s
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM revisions`).Scan(&n)
	return n, err
}

// PeopleNames reads every name a person is known by, as the people search
// does, and counts them: the search's floor, the query alone.
func (d Debug) PeopleNames(ctx context.Context) (int, error) {
	n := 0
	err := each(ctx, d.s.r, func(scan func(...any) error) error {
		var slug, name, alias string
		n++
		return scan(&slug, &name, &alias)
	}, peopleNamesQuery)
	return n, err
}
