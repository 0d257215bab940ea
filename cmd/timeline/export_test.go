package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/diplomatic-travel/tracker/cmd/timeline/web"
	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// The command line writes the same bytes as the site for the same filter.
func TestExportCommandMatchesSite(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	var out, errOut bytes.Buffer
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := run(context.Background(), []string{"--db", db, "seed"}, nil, &out, &errOut, log); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"--db", db, "export", "csv", "--region", "NEA", "--from", "2024-01-01", "--order", "asc"}, nil, &out, &errOut, log); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	site, err := web.New(context.Background(), s, log, web.Config{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site.Handler())
	defer srv.Close()
	body := fetch(t, srv.URL+"/timeline.csv?region=NEA&from=2024-01-01&order=asc")
	s.Close()
	if !bytes.Equal(out.Bytes(), body) {
		t.Errorf("CLI export (%d bytes) differs from the site's (%d bytes)", out.Len(), len(body))
	}
	if rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll(); err != nil || len(rows) < 2 {
		t.Errorf("the export is empty or not CSV: %d rows, %v", len(rows), err)
	}
	t.Run("ErrBadFlag", func(t *testing.T) {
		err := run(context.Background(), []string{"--db", db, "export", "csv", "--from", "2024-13-45"}, nil, &out, &errOut, log)
		if timeline.ErrorField(err) != "from" || exitCode(err) != 2 {
			t.Errorf("got %v (exit %d)", err, exitCode(err))
		}
	})
}
