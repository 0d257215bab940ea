package web

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"github.com/diplomatic-travel/tracker/views/export"
	"io"
	"net/http"
	"testing"
)

// /export.zip reads back with archive/zip: every file of the manifest is
// there with its checksum and row count, the trips are the view's, and the
// files hold together (every stop's trip, every citation's source).
func TestBundleExport(t *testing.T) {
	ts := newTestServer(t)
	resp, body := ts.get(t, "/export.zip?region=NEA&from=2024-01-01")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	var m export.BundleManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Filter["region"] != "NEA" || m.Filter["from"] != "2024-01-01" || m.DataLastChange == "" || len(m.CountingRules) == 0 {
		t.Errorf("manifest %+v", m)
	}
	tables := map[string][]map[string]string{}
	for _, f := range m.Files {
		b, ok := files[f.Name]
		if !ok {
			t.Errorf("%s is in the manifest, not in the zip", f.Name)
			continue
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("%s: checksum differs", f.Name)
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if len(recs)-1 != f.Rows {
			t.Errorf("%s: %d rows, the manifest says %d", f.Name, len(recs)-1, f.Rows)
		}
		for _, r := range recs[1:] {
			row := map[string]string{}
			for i, h := range recs[0] {
				row[h] = r[i]
			}
			tables[f.Name] = append(tables[f.Name], row)
		}
	}
	for _, name := range []string{"trips.csv", "stops.csv", "meetings.csv", "goals.csv", "events.csv", "claims.csv", "counters.csv", "citations.csv", "sources.csv"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	view := ts.csvRows(t, "/timeline.csv?region=NEA&from=2024-01-01&kind=trip")
	if len(tables["trips.csv"]) != len(view) {
		t.Errorf("%d trips, the view has %d", len(tables["trips.csv"]), len(view))
	}
	trips := map[string]bool{}
	for _, tr := range tables["trips.csv"] {
		trips[tr["id"]] = true
	}
	for _, v := range view {
		if !trips[v["id"]] {
			t.Errorf("trip %s of the view is not in the bundle", v["id"])
		}
	}
	for _, st := range tables["stops.csv"] {
		if !trips[st["trip_id"]] {
			t.Errorf("stop %s of trip %s, which is not in the bundle", st["id"], st["trip_id"])
		}
	}
	sources := map[string]bool{}
	for _, s := range tables["sources.csv"] {
		sources[s["id"]] = true
	}
	for _, c := range tables["citations.csv"] {
		if !sources[c["source_id"]] {
			t.Errorf("citation %s cites source %s, which is not in the bundle", c["id"], c["source_id"])
		}
	}
	if len(tables["claims.csv"]) != 3 || len(tables["meetings.csv"]) != 4 {
		t.Errorf("%d claims, %d meetings", len(tables["claims.csv"]), len(tables["meetings.csv"]))
	}
}
