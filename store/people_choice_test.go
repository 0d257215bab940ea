package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// BenchmarkPeopleSearch times a person field's search over the whole
// public record (the travels and the visits), beside its floor: the query
// of every name alone, with no name compared.
//
//	GOFLAGS=-tags=sqlite_fts5 go test -run '^$' -bench PeopleSearch -count 5 ./store
func BenchmarkPeopleSearch(b *testing.B) {
	ctx := context.Background()
	s := wholeRecord(b)
	names, err := s.Debug().PeopleNames(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d names of people", names)
	b.Run("floor: every name read", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Debug().PeopleNames(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SearchPeople al", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.SearchPeople(ctx, "al", 20); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PeopleNamed Tamim bin Hamad Al Thani", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.PeopleNamed(ctx, "Tamim bin Hamad Al Thani"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// wholeRecord is the demo with the whole public record imported (the
// travels and the visits, from ../shared/data).
func wholeRecord(b *testing.B) *store.Store {
	dir := filepath.Join("..", "..", "shared", "data")
	files, _ := filepath.Glob(filepath.Join(dir, "hsg-travels", "*-travels", "*.xml"))
	visits, _ := filepath.Glob(filepath.Join(dir, "hsg-visits", "*.xml"))
	if len(files) == 0 || len(visits) == 0 {
		b.Skipf("the record is not at %s; run beside ../shared/data", dir)
	}
	ctx := context.Background()
	s := MustSeed(b)
	var recs []timeline.HSGRecord
	for _, f := range append(files, visits...) {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		rs, err := timeline.ReadHSG(fh, f)
		fh.Close()
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	if _, err := s.ImportHSG(ctx, store.Actor{Name: "import"}, recs, 1, store.ImportOptions{GapDays: 1}); err != nil {
		b.Fatal(err)
	}
	return s
}
