package web

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// Figures that do not mislead: the trip page leads with the count its
// claim uses and shows the other rules as a comparison; a country's page
// counts the days there and labels the whole trips' days as such; plurals
// and view titles read as English, with names rather than slugs.
func TestFiguresInWords(t *testing.T) {
	ts := newTestServer(t)
	_, body := ts.get(t, "/trips/11")
	doc := docOf(t, string(body))
	first := doc.Find("[data-testid=count]").First()
	if _, ok := first.Attr("data-claimed"); !ok || !strings.Contains(first.Text(), "11th trip to the region since 7 October 2023") || !strings.Contains(first.Text(), "gap 1 day") {
		t.Errorf("the first count is %q", strings.Join(strings.Fields(first.Text()), " "))
	}
	comp := doc.Find("[data-testid=comparisons]")
	if !strings.Contains(comp.Text(), "27th trip to the region") || !strings.Contains(comp.Text(), "For comparison") {
		t.Errorf("the comparisons: %q", comp.Text())
	}
	doc.Find("[data-testid=count]").Each(func(_ int, s *goquery.Selection) {
		if strings.Contains(s.Text(), "27th") {
			t.Errorf("the gap-0 count is a headline: %q", s.Text())
		}
	})

	_, body = ts.get(t, "/countries/QA")
	doc = docOf(t, string(body))
	if got := doc.Find("[data-testid=fig-days]").Text(); got != "6" {
		t.Errorf("days there in Qatar: %s, want 6 (six one-day stops)", got)
	}
	if c := doc.Find("[data-testid=histogram] figcaption").Text(); !strings.Contains(c, "whole trips, not only the days there") {
		t.Errorf("the histogram of a country's page: %q", c)
	}
	_, body = ts.get(t, "/people/blinken-antony-j")
	if bytes.Contains(body, []byte("countrys")) || !bytes.Contains(body, []byte("countries visited")) {
		t.Error("the traveller's page misspells countries")
	}
	_, body = ts.get(t, "/charts?person=blinken-antony-j&region=NEA")
	if w := docOf(t, string(body)).Find("[data-testid=view-words]").Text(); !strings.Contains(w, "Antony J. Blinken") || strings.Contains(w, "blinken-antony-j") || !strings.Contains(w, "Near East") {
		t.Errorf("the pictures' heading: %q", strings.Join(strings.Fields(w), " "))
	}
	_, ics := ts.get(t, "/timeline.ics?person=blinken-antony-j&region=NEA")
	ics = bytes.ReplaceAll(ics, []byte("\r\n "), nil) // unfolded
	if !bytes.Contains(ics, []byte("X-WR-CALNAME:Diplomatic travel: The timeline of traveller: Antony J. Blinken")) || bytes.Contains(ics, []byte("person=")) {
		t.Errorf("the calendar's name: %.400s", ics)
	}
	_, js := ts.get(t, "/timelinejs.json?person=blinken-antony-j&region=NEA")
	if !bytes.Contains(js, []byte("traveller: Antony J. Blinken")) || bytes.Contains(js, []byte("person=")) {
		t.Errorf("the TimelineJS title: %.300s", js)
	}
}
