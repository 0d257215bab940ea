package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the live database to path: VACUUM
// INTO a temporary name beside it (SQLite reads a snapshot, so writers go
// on), fsync, integrity_check of the copy, then an atomic rename. A live
// database file must never be copied byte by byte: the WAL would be missed.
func (s *Store) Backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new name", path)
	}
	tmp := abs + ".partial"
	os.Remove(tmp)
	// VACUUM INTO fills an empty file: made first, it is 0600 like the
	// database (a backup holds the same secrets).
	if err := createPrivate(tmp); err != nil {
		return err
	}
	// A connection of its own, not a reader: with writers busy, SQLite
	// refuses VACUUM INTO on a query_only connection ("attempt to write a
	// readonly database"), and the writer must stay free for them. VACUUM
	// INTO reads one snapshot and takes no write lock.
	db, err := sql.Open(driverName, dsn(s.path, false))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", mapErr(err))
	}
	if err := fsyncFile(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := integrityCheck(ctx, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return err
	}
	return fsyncFile(filepath.Dir(abs))
}

func fsyncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// integrityCheck opens a database file read-only and runs PRAGMA
// integrity_check on it.
func integrityCheck(ctx context.Context, path string) error {
	register()
	db, err := sql.Open(driverName, "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("backup: integrity check of %s: %w", path, err)
	}
	if res != "ok" {
		return fmt.Errorf("backup: integrity check of %s failed: %s", path, res)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check and foreign_key_check on the
// live database.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := s.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	rows, err := s.r.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return fmt.Errorf("foreign key check: a row refers to a missing record")
	}
	return rows.Err()
}
