package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/diplomatic-travel/tracker/timeline"
)

// driverName is go-sqlite3 registered with a connect hook for the settings
// its DSN cannot carry.
const driverName = "sqlite3_timeline"

var registerOnce sync.Once

func register() {
	registerOnce.Do(func() {
		sql.Register(driverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(c *sqlite3.SQLiteConn) error {
				// journal_size_limit is per connection and has no DSN key:
				// after a checkpoint the WAL file is truncated back to 64 MiB
				// at most, so one burst of writes does not leave a huge file.
				_, err := c.Exec("PRAGMA journal_size_limit = 67108864", nil)
				return err
			},
		})
	})
}

// dsn builds the connection string. Every setting is here, with its reason,
// so that every pooled connection carries it (a PRAGMA run once on *sql.DB
// reaches only one connection).
func dsn(path string, readOnly bool) string {
	v := url.Values{}
	// WAL lets readers run while the writer writes.
	v.Set("_journal_mode", "WAL")
	// FULL: an acknowledged commit survives power loss on honest disks;
	// curator writes are rare, so the fsync costs nothing that matters.
	v.Set("_synchronous", "FULL")
	// The schema's REFERENCES are enforced.
	v.Set("_foreign_keys", "1")
	// Wait for a lock instead of failing at once with "database is locked".
	v.Set("_busy_timeout", "10000")
	if readOnly {
		// Readers cannot write even by mistake.
		v.Set("_query_only", "1")
	} else {
		// BEGIN IMMEDIATE takes the write lock at the start of a transaction,
		// so two writers never deadlock upgrading a read lock.
		v.Set("_txlock", "immediate")
	}
	// 16 MiB of page cache per connection (the default is 2 MiB): an export
	// walks the entries in date order, which is not the table's order, and
	// a small cache turns that walk into a read per row. It is a ceiling
	// that fills only as pages are read.
	v.Set("_cache_size", "-16384")
	// Each connection keeps its recently used statements prepared: a page
	// runs the same twenty queries every time, and an import the same few
	// thousands of times; preparing them was a third of an import's time.
	v.Set("_stmt_cache_size", "128")
	// The private cache of each connection (no cache=shared, which brings
	// table-level locking back).
	v.Set("cache", "private")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + v.Encode()
}

// ReaderPool is the number of reader connections. The machine has two
// cores: more readers only queue for the CPU, and each holds its own page
// cache.
const ReaderPool = 4

// Store is the record.
type Store struct {
	path string
	w    *sql.DB  // the one writer
	r    *readers // the reader pool
	now  func() time.Time

	countries *Countries
}

// createPrivate creates an empty file readable and writable by its owner
// only (0600), when there is none.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// Open opens (creating when missing) the database file at path, applies the
// migrations and loads the country catalogue.
func Open(ctx context.Context, path string) (*Store, error) {
	register()
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: create the database folder: %w", err)
		}
	}
	// The database holds password hashes and session keys: it is created
	// readable by its owner only, and SQLite gives its -wal and -shm files
	// the database file's permissions.
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("store: create the database: %w", err)
	}
	w, err := sql.Open(driverName, dsn(path, false))
	if err != nil {
		return nil, err
	}
	// One writer: SQLite allows one at a time, and queueing here instead of
	// in the busy handler keeps writers fair and lock errors away.
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{path: path, w: w, now: time.Now}
	var fts bool
	if err := w.QueryRowContext(ctx, `SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&fts); err != nil || !fts {
		w.Close()
		return nil, errors.New("store: this binary was built without SQLite's full-text search (FTS5); build it with -tags sqlite_fts5, as `make build` does")
	}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open(driverName, dsn(path, true))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(ReaderPool)
	r.SetMaxIdleConns(ReaderPool)
	s.r = &readers{DB: r}
	if s.countries, err = loadCountries(ctx, r); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close refreshes the planner's statistics where they are stale,
// checkpoints the WAL into the main file and closes both pools.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		_, err := s.w.Exec("PRAGMA optimize")
		errs = append(errs, err)
		_, err = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, err, s.w.Close())
	}
	return errors.Join(errs...)
}

// analyze gathers the planner's statistics after a bulk load, so queries
// use the indexes the data favours from the first request on.
func (s *Store) analyze(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, "ANALYZE")
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Checkpoint moves the WAL into the database and truncates it; the server
// runs it periodically so a long reader cannot let the WAL grow unbounded.
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

// Actor is who makes a change: an account, or a command when none does.
type Actor struct {
	UserID int64
	Name   string // account name, or "seed", "import", "gen"
}

// tx is a write transaction that knows its actor and clock, so that every
// helper can write its revision.
type tx struct {
	*sql.Tx
	actor Actor
	now   string
	ctx   context.Context
	store *Store
}

// write runs fn in one immediate transaction on the writer, bumps the data
// version, and commits; any error rolls everything back.
func (s *Store) write(ctx context.Context, actor Actor, fn func(*tx) error) error {
	sqlTx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	t := &tx{Tx: sqlTx, actor: actor, now: s.now().UTC().Format(time.RFC3339), ctx: ctx, store: s}
	if err := t.checkVersions(); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := fn(t); err != nil {
		sqlTx.Rollback()
		return mapErr(err)
	}
	if _, err := t.ExecContext(ctx, `UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'`); err != nil {
		sqlTx.Rollback()
		return mapErr(err)
	}
	return mapErr(sqlTx.Commit())
}

func (t *tx) exec(q string, args ...any) (sql.Result, error) { return t.ExecContext(t.ctx, q, args...) }

func (t *tx) insert(q string, args ...any) (int64, error) {
	res, err := t.ExecContext(t.ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// DataVersion is a number that changes with every committed write; caches
// are keyed by it.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.r.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'`).Scan(&v)
	return v, err
}

// mapErr turns SQLite's errors that a user can cause into *timeline.Error,
// by extended code, never by message text.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.ExtendedCode {
		case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
			return &timeline.Error{Code: timeline.EConflict, Message: "This record already exists."}
		case sqlite3.ErrConstraintForeignKey:
			return &timeline.Error{Code: timeline.EInvalid, Message: "This refers to a record that does not exist."}
		case sqlite3.ErrConstraintCheck, sqlite3.ErrConstraintNotNull:
			return &timeline.Error{Code: timeline.EInvalid, Message: "A value is missing or out of range."}
		}
		if se.Code == sqlite3.ErrFull {
			return &timeline.Error{Code: timeline.EFull, Message: "The database is full: nothing was written. Free disk space and try again."}
		}
	}
	return err
}

func nullDate(d timeline.Date) any {
	if !d.Valid() {
		return nil
	}
	return d.String()
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func notFound(what string) error {
	return &timeline.Error{Code: timeline.ENotFound, Message: what + " was not found."}
}

// PublicVersion is a number that changes with every committed write that
// readers could see (see migration 0010): readers' caches key on it, so
// that curators' drafts leave them warm.
func (s *Store) PublicVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.r.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'public_version'`).Scan(&v)
	return v, err
}

// queryer runs a query: the reader pool, the writer or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// list runs a query and scans each row into a T, at the fields dest
// gives; the rows are closed whatever happens.
func list[T any](ctx context.Context, db queryer, dest func(*T) []any, query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var x T
		if err := rows.Scan(dest(&x)...); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// each runs a query and calls row for each row, with the scan of that row;
// the rows are closed whatever happens.
func each(ctx context.Context, db queryer, row func(scan func(dest ...any) error) error, query string, args ...any) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanFunc lets an each row's scan stand where a row is scanned
// (scanEntry, scanSource).
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// rowQueryer runs a query of one row: the reader pool or a transaction.
type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// one reads the row of a query into a T at the fields dest gives; no row
// is not found, in words that name what.
func one[T any](ctx context.Context, db rowQueryer, what string, dest func(*T) []any, query string, args ...any) (*T, error) {
	var x T
	err := db.QueryRowContext(ctx, query, args...).Scan(dest(&x)...)
	if isNoRows(err) {
		return nil, notFound(what)
	}
	if err != nil {
		return nil, err
	}
	return &x, nil
}

// scanner is a row, or rows, being read.
type scanner interface{ Scan(dest ...any) error }

// listScanned is list for records read by a scan function of their own
// (scanEntry, scanSource).
func listScanned[T any](ctx context.Context, db queryer, scan func(scanner, *T) error, query string, args ...any) ([]T, error) {
	var out []T
	err := each(ctx, db, func(sc func(...any) error) error {
		var x T
		if err := scan(scanFunc(sc), &x); err != nil {
			return err
		}
		out = append(out, x)
		return nil
	}, query, args...)
	return out, err
}

// first is the one record a query of a list was to find; none is not
// found, in words that name what.
func first[T any](xs []T, err error, what string) (*T, error) {
	if err != nil {
		return nil, err
	}
	if len(xs) == 0 {
		return nil, notFound(what)
	}
	return &xs[0], nil
}

// positions maps each record's id to its index in xs, and gives the ids
// as the arguments of an IN (...) of them.
func positions[T any](xs []T, id func(T) int64) (map[int64]int, []any) {
	idx := make(map[int64]int, len(xs))
	args := make([]any, len(xs))
	for i, x := range xs {
		idx[id(x)] = i
		args[i] = id(x)
	}
	return idx, args
}
