package web

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"github.com/diplomatic-travel/tracker/views/export"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// /timeline.json holds exactly the rows of the CSV of the same view, field
// for field, and reads back strictly with encoding/json.
func TestJSONExport(t *testing.T) {
	ts := newTestServer(t)
	for _, view := range []string{"", "region=NEA&from=2024-01-01&to=2024-12-31", "q=ceasefire", "kind=event", "from=1900-01-01&to=1900-12-31"} {
		resp, body := ts.get(t, "/timeline.json?"+view)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("%s: %d %s", view, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		var doc struct {
			Version int                `json:"schema_version"`
			Filter  map[string]string  `json:"filter"`
			Entries []export.JSONEntry `json:"entries"`
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("%s: %v", view, err)
		}
		rows := ts.csvRows(t, "/timeline.csv?"+view)
		if doc.Version != export.JSONSchemaVersion || len(doc.Entries) != len(rows) {
			t.Fatalf("%s: version %d, %d entries, the CSV has %d", view, doc.Version, len(doc.Entries), len(rows))
		}
		for i, e := range doc.Entries {
			r := rows[i]
			if e.Kind != r["kind"] || strconv.FormatInt(e.ID, 10) != r["id"] || e.StartDate != r["start_date"] || e.EndDate != r["end_date"] ||
				e.Title != r["title"] || strings.Join(e.Countries, "; ") != r["countries"] || strings.Join(e.SourceURLs, "; ") != r["source_urls"] ||
				!strings.HasSuffix(e.URL, r["permalink"]) || !strings.HasPrefix(e.URL, "http://") {
				t.Errorf("%s: entry %d = %+v, the CSV row %v", view, i, e, r)
			}
		}
	}
	if resp, _ := ts.get(t, "/timeline.json?from=2024-13-45"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad date: %d", resp.StatusCode)
	}
}

// /timelinejs.json is a TimelineJS story of the same entries; the
// record's text is escaped, since TimelineJS shows it as HTML.
func TestTimelineJSExport(t *testing.T) {
	ts := newTestServer(t)
	resp, body := ts.get(t, "/timelinejs.json?region=NEA")
	if resp.StatusCode != http.StatusOK {
		t.Fatal(resp.StatusCode)
	}
	var doc struct {
		Title struct {
			Text export.TJSText `json:"text"`
		} `json:"title"`
		Events []export.TJSEvent `json:"events"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	rows := ts.csvRows(t, "/timeline.csv?region=NEA")
	if len(doc.Events) != len(rows) || doc.Title.Text.Headline == "" {
		t.Fatalf("%d events, %d rows", len(doc.Events), len(rows))
	}
	ids := map[string]bool{}
	for i, ev := range doc.Events {
		if ids[ev.UniqueID] {
			t.Errorf("unique_id %s twice", ev.UniqueID)
		}
		ids[ev.UniqueID] = true
		start, _ := time.Parse("2006-01-02", rows[i]["start_date"])
		if ev.StartDate.Year != start.Year() || ev.StartDate.Month != int(start.Month()) || ev.StartDate.Day != start.Day() {
			t.Errorf("event %d starts %+v, the row %s", i, ev.StartDate, rows[i]["start_date"])
		}
		if ev.UniqueID != rows[i]["kind"]+"-"+rows[i]["id"] || ev.Group == "" || !strings.Contains(ev.Text.Text, "In the record") {
			t.Errorf("event %d = %+v", i, ev)
		}
	}
	// Markup in the record is text in the story.
	e := &timeline.Event{Title: `Talks <b onmouseover="x()">here</b>`, Kind: "summit", Date: timeline.MustDate("2024-03-01"),
		Precision: timeline.PrecisionMonth, Country: "FR", Status: timeline.Published}
	if err := ts.store.CreateEvent(context.Background(), store.Actor{Name: "test"}, e); err != nil {
		t.Fatal(err)
	}
	_, body = ts.get(t, "/timelinejs.json?kind=event&from=2024-03-01&to=2024-03-31")
	doc.Events = nil
	if err := json.Unmarshal(body, &doc); err != nil || len(doc.Events) != 1 {
		t.Fatalf("%d events, %v", len(doc.Events), err)
	}
	if ev := doc.Events[0]; ev.Text.Headline != `Talks &lt;b onmouseover=&#34;x()&#34;&gt;here&lt;/b&gt;` || ev.StartDate.Day != 0 || ev.StartDate.Month != 3 {
		t.Errorf("event %+v: markup not escaped, or a month-precise date given a day", ev)
	}
}

// /timeline.ics is a calendar of the view's trips that passes a strict
// reading of RFC 5545's lines: CRLF ends, at most 75 octets, folds that
// start with a space and never split a character, balanced components, an
// all-day event per trip ending the day after its last.
func TestICSExport(t *testing.T) {
	ts := newTestServer(t)
	resp, body := ts.get(t, "/timeline.ics?region=NEA")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !bytes.HasSuffix(body, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\n")) {
		t.Fatal("a line does not end in CRLF")
	}
	var lines []string // unfolded
	for _, raw := range strings.Split(strings.TrimSuffix(string(body), "\r\n"), "\r\n") {
		if len(raw) > 75 {
			t.Errorf("a line of %d octets: %q", len(raw), raw)
		}
		if !utf8.ValidString(raw) {
			t.Errorf("a fold splits a character: %q", raw)
		}
		if strings.HasPrefix(raw, " ") {
			lines[len(lines)-1] += raw[1:]
			continue
		}
		lines = append(lines, raw)
	}
	depth, events := 0, []map[string]string{}
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("a line without a value: %q", l)
		}
		switch {
		case name == "BEGIN":
			depth++
			if value == "VEVENT" {
				events = append(events, map[string]string{})
			}
		case name == "END":
			depth--
		case len(events) > 0 && depth == 2:
			events[len(events)-1][name] = value
		}
	}
	if depth != 0 || lines[0] != "BEGIN:VCALENDAR" || lines[1] != "VERSION:2.0" {
		t.Fatalf("components unbalanced (%d) or no calendar header", depth)
	}
	trips := ts.csvRows(t, "/timeline.csv?region=NEA&kind=trip")
	if len(events) != len(trips) {
		t.Fatalf("%d events, %d trips", len(events), len(trips))
	}
	for i, ev := range events {
		tr := trips[i]
		end, _ := time.Parse("2006-01-02", tr["end_date"])
		if ev["DTSTART;VALUE=DATE"] != strings.ReplaceAll(tr["start_date"], "-", "") || ev["DTEND;VALUE=DATE"] != end.AddDate(0, 0, 1).Format("20060102") {
			t.Errorf("event %d: %v for the trip %s–%s", i, ev, tr["start_date"], tr["end_date"])
		}
		if ev["UID"] == "" || ev["DTSTAMP"] == "" || !strings.HasSuffix(ev["URL"], tr["permalink"]) || !strings.Contains(ev["SUMMARY"], tr["person_name"]) {
			t.Errorf("event %d: %v", i, ev)
		}
		// Each stop is a line of the description.
		if n := strings.Count(ev["DESCRIPTION"], `\n`) + 1; n < 1+len(strings.Split(tr["countries"], "; ")) {
			t.Errorf("event %d: description %q lists fewer lines than stops %s", i, ev["DESCRIPTION"], tr["countries"])
		}
	}
	if resp, _ := ts.get(t, "/timeline.ics?kind=event"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a calendar of events only: %d, want 400", resp.StatusCode)
	}
}

// /feed.atom reads back with encoding/xml as Atom: a feed with its id,
// title, update time and self link, and entries newest change first, a
// change moving an entry to the top.
func TestAtomFeed(t *testing.T) {
	ts := newTestServer(t)
	read := func() export.AtomFeed {
		resp, body := ts.get(t, "/feed.atom")
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		var f export.AtomFeed
		d := xml.NewDecoder(bytes.NewReader(body))
		d.Strict = true
		if err := d.Decode(&f); err != nil {
			t.Fatal(err)
		}
		return f
	}
	f := read()
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.ID == "" || f.Title == "" || len(f.Links) == 0 || f.Links[0].Rel != "self" {
		t.Errorf("feed head %+v", f)
	}
	if len(f.Entries) == 0 || len(f.Entries) > export.FeedSize {
		t.Fatalf("%d entries", len(f.Entries))
	}
	var last time.Time
	for i, e := range f.Entries {
		at, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil || e.ID == "" || e.Title == "" || e.Link.Href == "" {
			t.Errorf("entry %+v (%v)", e, err)
		}
		if i > 0 && at.After(last) {
			t.Errorf("entry %d is newer than the one before", i)
		}
		last = at
	}
	// A new event is first in the feed; a draft never shows.
	ctx := context.Background()
	for _, st := range []timeline.Status{timeline.Published, timeline.Draft} {
		e := &timeline.Event{Title: "Feed test " + string(st), Kind: "summit", Date: timeline.MustDate("1999-03-01"), Precision: timeline.PrecisionDay, Country: "FR", Status: st}
		if err := ts.store.CreateEvent(ctx, store.Actor{Name: "test"}, e); err != nil {
			t.Fatal(err)
		}
	}
	f = read()
	if !strings.Contains(f.Entries[0].Title, "Feed test published") {
		t.Errorf("after a new event the first entry is %+v", f.Entries[0])
	}
	for _, e := range f.Entries {
		if strings.Contains(e.Title, "Feed test draft") {
			t.Error("a draft is in the feed")
		}
	}
	// The feed takes the timeline's filters.
	for _, e := range func() export.AtomFeed {
		_, body := ts.get(t, "/feed.atom?kind=event")
		var f export.AtomFeed
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatal(err)
		}
		return f
	}().Entries {
		if !strings.Contains(e.ID, "/events/") {
			t.Errorf("kind=event feed holds %s", e.ID)
		}
	}
}
