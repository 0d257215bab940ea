package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"github.com/diplomatic-travel/tracker/store"
)

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")

	t.Run("FromEmpty", func(t *testing.T) {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v < 2 {
			t.Errorf("schema version %d, want every migration applied", v)
		}
		if n := s.Countries().Len(); n < 250 {
			t.Errorf("%d countries, want every ISO 3166-1 country and more", n)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("ReRunChangesNothing", func(t *testing.T) {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatalf("second open: %v", err)
		}
		defer s.Close()
		if n := s.Countries().Len(); n < 250 {
			t.Errorf("%d countries after re-open", n)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
	})

	t.Run("ErrNewerSchema", func(t *testing.T) {
		db, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("PRAGMA user_version = 999"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if s, err := store.Open(ctx, path); err == nil {
			s.Close()
			t.Fatal("opened a database newer than the program")
		}
	})
}

// Every pooled connection, not only the first, carries every setting.
func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	for _, reader := range []bool{false, true} {
		// Hold several reader connections at once so the pool opens new
		// ones, then check each.
		for i := 0; i < 5; i++ {
			p, err := s.Debug().Pragmas(ctx, reader)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "busy_timeout": "10000", "journal_size_limit": "67108864"}
			if reader {
				want["query_only"] = "1"
			} else {
				want["query_only"] = "0"
			}
			for k, v := range want {
				if p[k] != v {
					t.Errorf("reader=%v connection %d: %s = %q, want %q", reader, i, k, p[k], v)
				}
			}
		}
	}
	// Many connections at once: each new one is set up by the DSN.
	got, err := s.Debug().ReaderPragmasConcurrently(ctx, store.ReaderPool)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != store.ReaderPool {
		t.Fatalf("checked %d connections, want %d", len(got), store.ReaderPool)
	}
	for i, p := range got {
		if p["query_only"] != "1" || p["foreign_keys"] != "1" || p["journal_mode"] != "wal" || p["synchronous"] != "2" {
			t.Errorf("concurrent reader %d: %v", i, p)
		}
	}
}
