package store_test

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// recordStops reads the Office of the Historian's travels record, by id,
// straight from the XML (apart from the import's reader).
func recordStops(t *testing.T) map[string]struct{ Start, End, Country, Locale, Remarks string } {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(hsgDir(t), "*", "*.xml"))
	out := map[string]struct{ Start, End, Country, Locale, Remarks string }{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Trips []struct {
				ID      string `xml:"id"`
				Start   string `xml:"start-date"`
				End     string `xml:"end-date"`
				Country string `xml:"country"`
				Locale  string `xml:"locale"`
				Remarks string `xml:"remarks"`
			} `xml:"trip"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			continue // presidents.xml
		}
		for _, r := range doc.Trips {
			sq := func(s string) string { return strings.Join(strings.Fields(s), " ") }
			out[sq(r.ID)] = struct{ Start, End, Country, Locale, Remarks string }{sq(r.Start), sq(r.End), sq(r.Country), sq(r.Locale), sq(r.Remarks)}
		}
	}
	if len(out) < 4000 {
		t.Fatalf("read %d records of the travels", len(out))
	}
	return out
}

func citesHistorian(cs []timeline.Citation) (hsg, press bool) {
	for _, c := range cs {
		if strings.HasPrefix(c.Source.URL, "https://history.state.gov/") {
			hsg = true
		} else {
			press = true
		}
	}
	return
}

// Every text in the demo that cites the Office of the Historian is said by
// its record: a stop keeps the record's dates, locality and remarks; a
// meeting's passage is the record's words for its stop, naming every
// participant; and a fact that cites only the record holds no words of the
// press.
func TestDemoSaysWhatTheRecordSays(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	rec := recordStops(t)
	page, err := s.Timeline(ctx, timeline.Filter{Kinds: []string{timeline.EntryTrip}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range page.Entries {
		trip, err := s.Trip(ctx, e.RecordID, false)
		if err != nil {
			t.Fatal(err)
		}
		cites := store.Citations{}
		var stopIDs, meetingIDs []int64
		refOf := map[int64]string{}
		for _, st := range trip.Stops {
			stopIDs = append(stopIDs, st.ID)
			refOf[st.ID] = st.Ref
		}
		meetings, err := s.MeetingsOfTrip(ctx, trip.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range meetings {
			meetingIDs = append(meetingIDs, m.ID)
		}
		if err := s.CitationsFor(ctx, timeline.KindStop, stopIDs, cites); err != nil {
			t.Fatal(err)
		}
		if err := s.CitationsFor(ctx, timeline.KindMeeting, meetingIDs, cites); err != nil {
			t.Fatal(err)
		}
		for _, st := range trip.Stops {
			if hsg, _ := citesHistorian(cites.For(timeline.KindStop, st.ID)); !hsg {
				continue
			}
			r, ok := rec[st.Ref]
			if !ok {
				t.Errorf("stop %d cites the Office of the Historian but its record %q is not in the record", st.ID, st.Ref)
				continue
			}
			checked++
			if st.Start.String() != r.Start || st.End.String() != r.End || st.Locality != r.Locale || (st.Remarks != "" && st.Remarks != r.Remarks) {
				t.Errorf("stop %d (record %s) says %s–%s %q %q; the record says %s–%s %q %q",
					st.ID, st.Ref, st.Start, st.End, st.Locality, st.Remarks, r.Start, r.End, r.Locale, r.Remarks)
			}
		}
		for _, m := range meetings {
			cs := cites.For(timeline.KindMeeting, m.ID)
			hsg, press := citesHistorian(cs)
			if !hsg {
				continue
			}
			checked++
			if !press && m.Summary != "" {
				t.Errorf("meeting %q cites only the Office of the Historian, whose record does not say its summary %q", m.Title, m.Summary)
			}
			r := rec[refOf[m.StopID]]
			for _, c := range cs {
				if !strings.HasPrefix(c.Source.URL, "https://history.state.gov/") {
					continue
				}
				if c.Passage == "" || !strings.Contains(r.Remarks, c.Passage) {
					t.Errorf("meeting %q quotes the record as %q; its stop's record says %q", m.Title, c.Passage, r.Remarks)
				}
				if !press {
					for _, p := range m.Participants {
						if p.PersonID == trip.PersonID {
							continue
						}
						words := timeline.KeyOf(p.PersonName).Words
						if !strings.Contains(strings.ToLower(timeline.FoldASCII(c.Passage)), words[0]) {
							t.Errorf("meeting %q: %s is not in the record's words %q", m.Title, p.PersonName, c.Passage)
						}
					}
				}
			}
		}
	}
	if checked < 60 {
		t.Errorf("only %d facts citing the Office of the Historian were checked", checked)
	}
}
