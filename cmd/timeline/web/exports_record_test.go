package web

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	_ "github.com/mattn/go-sqlite3"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// bundleFiles says which file of the bundle carries each table of the
// schema; bundleLeftOut says why the others are not in a bundle. A table
// added to the schema fails TestBundleCarriesEveryTable until it is in
// one of the two.
var (
	bundleFiles = map[string]string{
		"people": "people.csv", "person_aliases": "people.csv", "offices": "offices.csv",
		"person_identifiers": "identifiers.csv", "person_merges": "merges.csv",
		"trips": "trips.csv", "stops": "stops.csv", "record_versions": "record_versions.csv",
		"meetings": "meetings.csv", "participants": "participants.csv", "goals": "goals.csv",
		"quotes": "quotes.csv", "events": "events.csv", "claims": "claims.csv", "counters": "counters.csv",
		"citations": "citations.csv", "sources": "sources.csv", "regions": "regions.csv", "region_members": "regions.csv",
		"entries": "timeline.csv",
	}
	bundleLeftOut = map[string]string{
		"countries":           "reference data every database holds from its migrations",
		"country_aliases":     "reference data every database holds from its migrations",
		"entry_countries":     "an index of entries, rebuilt from the records on import",
		"entries_fts":         "the search index, rebuilt from the records on import",
		"entries_fts_config":  "the search index",
		"entries_fts_data":    "the search index",
		"entries_fts_docsize": "the search index",
		"entries_fts_idx":     "the search index",
		"meta":                "the database's own settings (its data version)",
		"revisions":           "the history of curators' changes, kept with the database and its backups",
		"users":               "accounts and password hashes: never exported",
		"sessions":            "login sessions: never exported",
		"session_keys":        "session signing keys: never exported",
	}
)

// Every table of the schema is carried by a file of the bundle, or left
// out for a stated reason.
func TestBundleCarriesEveryTable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "timeline.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	files := bundleOf(t, s)
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
		file, ok := bundleFiles[name]
		_, out := bundleLeftOut[name]
		switch {
		case ok && files[file] == nil:
			t.Errorf("the table %s should be in %s, which the bundle lacks", name, file)
		case !ok && !out:
			t.Errorf("the table %s is in no file of the bundle and not left out for a reason", name)
		}
	}
	if len(tables) < 25 {
		t.Errorf("read %d tables of the schema", len(tables))
	}
	for _, name := range []string{"quotes.csv", "offices.csv", "participants.csv", "ordinals.csv"} {
		if bytes.Count(files[name], []byte("\r\n")) < 2 {
			t.Errorf("the demo's %s holds no row", name)
		}
	}
}

// csvOf parses a CSV export into rows of named cells.
func csvOf(t *testing.T, b []byte) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("CSV: %v", err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// A trip's row in /timeline.csv lists every source its page shows for the
// trip's own facts, and gives its ordinals in the page's words; the
// bundle's claims carry their check and ordinals.csv every numbered trip.
func TestExportsCarryWhatThePageShows(t *testing.T) {
	ts := newTestServer(t)
	_, body := ts.get(t, "/timeline.csv")
	rows := csvOf(t, body)
	trips := 0
	for _, r := range rows {
		if r["kind"] != timeline.EntryTrip {
			continue
		}
		trips++
		_, page := ts.get(t, r["permalink"])
		var shown []string
		docOf(t, string(page)).Find("[data-testid=citation] a.external").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			if !slices.Contains(shown, href) {
				shown = append(shown, href)
			}
		})
		listed := []string{}
		if r["source_urls"] != "" {
			listed = strings.Split(r["source_urls"], "; ")
		}
		sort.Strings(shown)
		sort.Strings(listed)
		if !slices.Equal(shown, listed) {
			t.Errorf("%s: the page shows sources %q, the CSV lists %q", r["permalink"], shown, listed)
		}
	}
	if trips < 10 {
		t.Fatalf("checked %d trips", trips)
	}
	var tour map[string]string
	for _, r := range rows {
		if r["permalink"] == "/trips/11" {
			tour = r
		}
	}
	if tour == nil || !strings.Contains(tour["ordinals"], "11th trip to the region since 7 October 2023 (gap 1 day)") ||
		!strings.Contains(tour["source_urls"], "11th-trip-to-the-middle-east") {
		t.Errorf("the tour's row: %v", tour)
	}
	_, js := ts.get(t, "/timeline.json?"+url.Values{"person": {"blinken-antony-j"}, "from": {"2024-10-22"}, "to": {"2024-10-25"}, "kind": {"trip"}}.Encode())
	if !bytes.Contains(js, []byte(`"ordinals":["11th trip to the region since 7 October 2023 (gap 1 day)"`)) {
		t.Errorf("the JSON of the tour lacks its ordinals: %.600s", js)
	}
	files := bundleOf(t, ts.store)
	claims := csvOf(t, files["claims.csv"])
	if len(claims) == 0 || claims[0]["stated"] != "11" || claims[0]["computed"] != "11" || claims[0]["verdict"] != "confirmed" {
		t.Errorf("claims.csv: %v", claims)
	}
	found := false
	for _, o := range csvOf(t, files["ordinals.csv"]) {
		if o["subject_kind"] == "trip" && o["subject_id"] == "11" && o["ordinal"] == "11" && strings.Contains(o["phrase"], "gap 1 day") {
			found = true
		}
	}
	if !found {
		t.Errorf("ordinals.csv does not number the tour 11th under gap 1 day:\n%s", files["ordinals.csv"])
	}
}
