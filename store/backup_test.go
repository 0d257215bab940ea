package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// A backup taken while a writer writes opens, and holds every write
// acknowledged before it began; a backup never overwrites a file. (Under
// load a reader connection refused VACUUM INTO; this is its test.)
func TestBackupDuringWrites(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	var mu sync.Mutex
	var acked []int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for k := 0; ; k++ {
			select {
			case <-stop:
				return
			default:
			}
			e := &timeline.Event{Title: fmt.Sprintf("Backup test %d", k), Kind: "other", Date: d("2020-06-01"), Precision: timeline.PrecisionDay, Status: timeline.Published}
			if err := s.CreateEvent(ctx, curator, e); err == nil {
				mu.Lock()
				acked = append(acked, e.ID)
				mu.Unlock()
			}
		}
	}()
	dir := t.TempDir()
	for i := range 3 {
		mu.Lock()
		before := append([]int64(nil), acked...)
		mu.Unlock()
		path := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		if err := s.Backup(ctx, path); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		b, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range before {
			if _, err := b.Event(ctx, id, true); err != nil {
				t.Errorf("backup %d lacks event %d", i, id)
				break
			}
		}
		b.Close()
		if i == 0 {
			if err := s.Backup(ctx, path); err == nil {
				t.Error("a backup overwrote a file")
			}
		}
	}
	close(stop)
	<-done
	if len(acked) == 0 {
		t.Error("the writer wrote nothing")
	}
}

// The database, its WAL and SHM files and every backup are readable by
// their owner only: they hold password hashes and session keys.
func TestFilesArePrivate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "timeline.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", backup} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if mode := st.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s is created %#o, want 0600", filepath.Base(p), mode)
		}
	}
}
