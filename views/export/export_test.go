package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views/export"
)

// demo is a real store in a temporary file, holding the demo record.
func demo(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// write runs an encoder into a buffer and checks that start was called
// exactly once, before the first byte.
func write(t *testing.T, s export.Source, w export.Writer, f timeline.Filter) []byte {
	t.Helper()
	var buf bytes.Buffer
	starts := 0
	if err := w(context.Background(), s, f, "https://example.org", &buf, func() {
		if buf.Len() > 0 {
			t.Error("start called after bytes were written")
		}
		starts++
	}); err != nil {
		t.Fatal(err)
	}
	if starts != 1 {
		t.Errorf("start called %d times", starts)
	}
	return buf.Bytes()
}

// Every encoder writes, without HTTP, a file its format's reader takes,
// holding the view's entries: as many CSV rows as entries, the same ids in
// the JSON, a TimelineJS slide for each, a calendar event for each trip, a
// feed of at most FeedSize entries, and a bundle whose manifest's checksums
// are its files'.
func TestEncoders(t *testing.T) {
	s := demo(t)
	f := timeline.Filter{Region: "NEA"}
	entries, trips := 0, 0
	if err := s.EachEntry(context.Background(), f, func(e *timeline.Entry) error {
		entries++
		if e.Kind == timeline.EntryTrip {
			trips++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if entries == 0 || trips == 0 {
		t.Fatalf("the demo's NEA view has %d entries, %d trips", entries, trips)
	}

	rows, err := csv.NewReader(bytes.NewReader(write(t, s, export.CSV, f))).ReadAll()
	if err != nil || len(rows) != entries+1 || strings.Join(rows[0], ",") != strings.Join(timeline.EntryCSVHeader, ",") {
		t.Errorf("CSV: %d rows for %d entries (%v)", len(rows), entries, err)
	}

	var doc struct {
		Version int                `json:"schema_version"`
		Filter  map[string]string  `json:"filter"`
		Entries []export.JSONEntry `json:"entries"`
	}
	dec := json.NewDecoder(bytes.NewReader(write(t, s, export.JSON, f)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil || doc.Version != export.JSONSchemaVersion || doc.Filter["region"] != "NEA" || len(doc.Entries) != entries {
		t.Errorf("JSON: version %d, filter %v, %d entries for %d (%v)", doc.Version, doc.Filter, len(doc.Entries), entries, err)
	}
	for _, e := range doc.Entries {
		if !strings.HasPrefix(e.URL, "https://example.org/") {
			t.Errorf("JSON entry %d links to %q, not the base", e.ID, e.URL)
		}
	}

	var story struct {
		Title struct {
			Text export.TJSText `json:"text"`
		} `json:"title"`
		Events []export.TJSEvent `json:"events"`
	}
	if err := json.Unmarshal(write(t, s, export.TimelineJS, f), &story); err != nil || len(story.Events) != entries ||
		!strings.Contains(story.Title.Text.Text, "region: ") {
		t.Errorf("TimelineJS: %d events for %d entries, title %+v (%v)", len(story.Events), entries, story.Title, err)
	}

	ics := string(write(t, s, export.ICS, f))
	if !strings.HasPrefix(ics, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(ics, "END:VCALENDAR\r\n") || strings.Count(ics, "BEGIN:VEVENT") != trips {
		t.Errorf("iCalendar: %d events for %d trips", strings.Count(ics, "BEGIN:VEVENT"), trips)
	}

	var feed export.AtomFeed
	if err := xml.Unmarshal(write(t, s, export.Atom, f), &feed); err != nil || len(feed.Entries) == 0 || len(feed.Entries) > export.FeedSize {
		t.Errorf("Atom: %d entries (%v)", len(feed.Entries), err)
	}

	zipped := write(t, s, export.Bundle, f)
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	var m export.BundleManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil || len(m.Files) == 0 {
		t.Fatalf("manifest: %v %+v", err, m)
	}
	for _, bf := range m.Files {
		sum := sha256.Sum256(files[bf.Name])
		if hex.EncodeToString(sum[:]) != bf.SHA256 {
			t.Errorf("%s: the manifest's checksum is not the file's", bf.Name)
		}
	}
}

// A view the store refuses is refused before a byte is written.
func TestEncoderRefusesBadView(t *testing.T) {
	s := demo(t)
	for name, w := range export.Writers {
		var buf bytes.Buffer
		err := w(context.Background(), s, timeline.Filter{Region: "NOPE"}, "", &buf, func() {})
		if timeline.ErrorCode(err) == "" || buf.Len() > 0 {
			t.Errorf("%s of an unknown region: %v, %d bytes", name, err, buf.Len())
		}
	}
}
