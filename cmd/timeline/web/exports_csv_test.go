package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The demo's full export is fixed by a golden file: a change of columns,
// order or quoting shows up as a diff to review (go test -update).
func TestCSVGolden(t *testing.T) {
	ts := newTestServer(t)
	resp, body := ts.get(t, "/timeline.csv")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, "timeline.csv") {
		t.Errorf("Content-Disposition %q", cd)
	}
	golden := filepath.Join("testdata", "demo-timeline.csv")
	if *update {
		if err := os.WriteFile(golden, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(body, want) {
		t.Errorf("the export differs from %s; review the change and run go test -update\ngot:\n%s", golden, clipBody(body))
	}
}

// parseCSV reads an export strictly: RFC 4180, CRLF, a header and rows of
// the header's width.
func parseCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	if len(body) > 0 && !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Error("the export does not end with CRLF")
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = len(timeline.EntryCSVHeader)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the export is not valid CSV: %v", err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(timeline.EntryCSVHeader, ",") {
		t.Fatalf("header = %v", rows)
	}
	return rows[1:]
}

// Each row of a filtered export is the store's entry, field by field, and
// there are exactly as many rows as the store has entries for the filter.
func TestCSVMatchesStore(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	if _, err := ts.store.Generate(ctx, store.GenerateOptions{Stops: 500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for _, query := range []string{"", "region=NEA", "country=QA&order=asc", "kind=trip&from=1900-01-01&to=2023-10-06", "person=blinken-antony-j", "q=ceasefire"} {
		t.Run(query, func(t *testing.T) {
			resp, body := ts.get(t, "/timeline.csv?"+query)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			rows := parseCSV(t, body)
			v, _ := url.ParseQuery(query)
			f, err := timeline.ParseFilter(v)
			if err != nil {
				t.Fatal(err)
			}
			var entries []timeline.Entry
			if err := ts.store.EachEntry(ctx, f, func(e *timeline.Entry) error { entries = append(entries, *e); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(entries) {
				t.Fatalf("%d rows, store has %d entries", len(rows), len(entries))
			}
			if len(rows) == 0 {
				t.Fatal("the filter selects nothing; choose one that tests something")
			}
			for i, e := range entries {
				row := rows[i]
				if row[0] != e.Kind || row[1] != strconv.FormatInt(e.RecordID, 10) || row[2] != e.Start.String() || row[3] != e.End.String() ||
					row[5] != e.PersonSlug || timeline.UnguardCell(row[9]) != e.Title || row[7] != strings.Join(e.Countries, "; ") || row[12] != e.Path() {
					t.Fatalf("row %d = %q, entry %+v", i+1, row, e)
				}
			}
		})
	}
}

// Awkward text survives the export exactly: quotes, commas, newlines,
// non-ASCII names, and a formula that a spreadsheet must not run.
func TestCSVAwkwardText(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	a := store.Actor{Name: "test"}
	p := &timeline.Person{Slug: "csv-tester", Name: "O'Neil, \"Tip\""}
	if err := ts.store.CreatePerson(ctx, a, p); err != nil {
		t.Fatal(err)
	}
	trip := &timeline.Trip{PersonID: p.ID, Title: "=HYPERLINK(\"http://evil.example\",\"click\")", Summary: "Line one,\nline \"two\"\r\nline three",
		Stops: []timeline.Stop{
			{Country: "turkiye", Locality: "Ankara", Start: timeline.MustDate("1990-05-01")},
			{Country: "SA", Locality: "Al ‘Ula", Start: timeline.MustDate("1990-05-02")},
		}}
	if err := ts.store.CreateTrip(ctx, a, trip); err != nil {
		t.Fatal(err)
	}
	_, body := ts.get(t, "/timeline.csv?person=csv-tester")
	rows := parseCSV(t, body)
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	row := rows[0]
	if row[6] != `O'Neil, "Tip"` {
		t.Errorf("person_name = %q", row[6])
	}
	if row[9] != `'=HYPERLINK("http://evil.example","click")` {
		t.Errorf("title = %q, want the formula guarded by an apostrophe", row[9])
	}
	if timeline.UnguardCell(row[9]) != trip.Title {
		t.Errorf("the guard is not reversible: %q", row[9])
	}
	// encoding/csv reads \r\n inside a quoted field as \n (RFC 4180 leaves
	// line breaks in fields to the reader); the text is otherwise intact.
	if row[10] != "Line one,\nline \"two\"\nline three" {
		t.Errorf("summary = %q", row[10])
	}
	if row[7] != "TR; SA" || row[8] != "Ankara; Al ‘Ula" {
		t.Errorf("countries %q localities %q", row[7], row[8])
	}
}
