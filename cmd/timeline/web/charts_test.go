package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/diplomatic-travel/tracker/timeline"
)

// The pictures of a known view: each SVG is well-formed XML with a title
// and a description, the time axis has a bar per trip and a mark per stop,
// the map a link per country visited, and every link leads to the
// timeline of what it shows.
func TestPicturesOfAView(t *testing.T) {
	ts := newTestServer(t)
	const view = "region=NEA&from=2024-01-01&to=2024-12-31"
	resp, body := ts.get(t, "/charts?"+view)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /charts = %d\n%s", resp.StatusCode, clipBody(body))
	}
	svgs := regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAll(body, -1)
	if len(svgs) != 3 {
		t.Fatalf("%d SVG pictures, want the axis, the histogram and the map", len(svgs))
	}
	for i, svg := range svgs {
		checkSVG(t, i, svg)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}

	// The trips of the view, independently: the timeline's trips.
	tripsPage := ts.doc(t, "/?kind=trip&limit=500&"+view, http.StatusOK)
	wantTrips := tripsPage.Find(`li[data-testid=entry]`).Length()
	if wantTrips != 8 {
		t.Fatalf("the view has %d trips; the demo has 8 NEA trips in 2024", wantTrips)
	}
	bars := doc.Find(`[data-testid=time-axis] a[data-testid=trip-bar]`)
	if bars.Length() != wantTrips {
		t.Errorf("%d bars on the time axis, want %d", bars.Length(), wantTrips)
	}
	stops := 0
	bars.Each(func(_ int, b *goquery.Selection) {
		href, _ := b.Attr("href")
		trip := ts.doc(t, href, http.StatusOK)
		if n, want := b.Find(`[data-testid=stop-mark]`).Length(), trip.Find(`[data-testid=stop]`).Length(); n != want {
			t.Errorf("%s: %d stops marked, the trip has %d", href, n, want)
		}
		stops++
	})
	if stops == 0 {
		t.Error("no bar links to its trip")
	}
	if n := doc.Find(`[data-testid=lane]`).Length(); n != 1 {
		t.Errorf("%d lanes, want Blinken's only (Biden's visit was in 2023)", n)
	}

	// The map: one link per country visited, each to the timeline of the
	// trips that stopped there, as many as the map says.
	countries := doc.Find(`a[data-testid=map-country]`)
	csvCountries := map[string]bool{}
	for _, row := range ts.csvRows(t, "/timeline.csv?kind=trip&"+view) {
		for _, c := range strings.Split(row["countries"], "; ") {
			csvCountries[c] = true
		}
	}
	if countries.Length() != len(csvCountries) {
		t.Errorf("%d countries on the map, the export's trips stop in %d", countries.Length(), len(csvCountries))
	}
	countries.Each(func(_ int, c *goquery.Selection) {
		href, _ := c.Attr("href")
		code, _ := c.Attr("data-code")
		count, _ := c.Attr("data-count")
		u, err := url.Parse(href)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		if q.Get("country") != code || q.Get("region") != "NEA" || q.Get("from") != "2024-01-01" || q.Get("kind") != "trip" {
			t.Errorf("%s links to %s, which is not the view narrowed to it", code, href)
		}
		page := ts.doc(t, href+"&limit=500", http.StatusOK)
		if got := page.Find(`li[data-testid=entry]`).Length(); itoa(got) != count {
			t.Errorf("%s: the map says %s trips, its link lists %d", code, count, got)
		}
	})

	// The histogram: a column per month from the first trip to the last,
	// each linking to its month, whose trips begun there are as counted.
	cols := doc.Find(`a[data-testid=hist-column]`)
	if cols.Length() != 10 {
		t.Errorf("%d columns, want January to October 2024", cols.Length())
	}
	titleCount := regexp.MustCompile(`^(\w+ \d{4}): (\d+) trips? begun`)
	cols.Each(func(_ int, c *goquery.Selection) {
		href, _ := c.Attr("href")
		m := titleCount.FindStringSubmatch(c.Find("title").First().Text())
		if m == nil {
			t.Fatalf("column title %q", c.Find("title").First().Text())
		}
		month, err := time.Parse("Jan 2006", m[1])
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(href)
		if u.Query().Get("from") != month.Format("2006-01-02") {
			t.Errorf("%s links to %s", m[1], href)
		}
		begun := 0
		ts.doc(t, href+"&kind=trip&limit=500", http.StatusOK).Find(`li[data-testid=entry] time`).Each(func(_ int, tm *goquery.Selection) {
			if d, _ := tm.Attr("datetime"); strings.HasPrefix(d, month.Format("2006-01")) {
				begun++
			}
		})
		if itoa(begun) != m[2] {
			t.Errorf("%s: the column says %s trips begun, its link lists %d", m[1], m[2], begun)
		}
	})

	// The text alternative lists the same countries.
	if n := doc.Find(`[data-testid=world-map] details tbody tr`).Length(); n != len(csvCountries) {
		t.Errorf("the map's table has %d rows, want %d", n, len(csvCountries))
	}
}

// checkSVG parses one inline picture as XML and checks its accessible name.
func checkSVG(t *testing.T, i int, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	var root struct {
		XMLName xml.Name
		Role    string `xml:"role,attr"`
		Labels  string `xml:"aria-labelledby,attr"`
		ViewBox string `xml:"viewBox,attr"`
	}
	if err := d.Decode(&root); err != nil {
		t.Fatalf("picture %d is not well-formed: %v", i, err)
	}
	if root.Role != "img" || len(strings.Fields(root.Labels)) != 2 || root.ViewBox == "" {
		t.Errorf("picture %d: role %q, labelled by %q, viewBox %q", i, root.Role, root.Labels, root.ViewBox)
	}
	// Every token, to the end, must parse too.
	d = xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("picture %d: %v", i, err)
		}
	}
}

// A traveller's, a country's and a region's page open with their figures,
// computed here independently from the traveller's stops.
func TestFiguresOnPages(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	p, err := ts.store.PersonBySlug(ctx, "blinken-antony-j", false)
	if err != nil {
		t.Fatal(err)
	}
	stops, err := ts.store.TravellerStops(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	days, trips, countries := map[timeline.Date]bool{}, map[int64]bool{}, map[string]bool{}
	perYear := map[int]map[int64]bool{}
	for _, s := range stops {
		for d := s.Start; !d.After(s.End); d = d.AddDays(1) {
			days[d] = true
		}
		trips[s.TripID] = true
		countries[s.Country] = true
	}
	for _, s := range stops {
		y := s.Start.Year()
		if perYear[y] == nil {
			perYear[y] = map[int64]bool{}
		}
		perYear[y][s.TripID] = true
	}
	doc := ts.doc(t, "/people/blinken-antony-j", http.StatusOK)
	want := map[string]string{
		"fig-trips": itoa(len(trips)), "fig-stops": itoa(len(stops)), "fig-days": itoa(len(days)),
		"fig-countries": itoa(len(countries)),
	}
	for id, w := range want {
		if got := strings.TrimSpace(doc.Find(`[data-testid=` + id + `]`).Text()); got != w {
			t.Errorf("%s = %q, want %s", id, got, w)
		}
	}
	if got := doc.Find(`[data-testid=fig-first] time`).AttrOr("datetime", ""); got != "2023-10-11" {
		t.Errorf("first visit %s, want 2023-10-11 (Tel Aviv)", got)
	}
	if got := doc.Find(`[data-testid=fig-busiest] a`).Text(); got != "2024" || len(perYear[2024]) != 8 {
		t.Errorf("busiest year %s (2024 has %d trips)", got, len(perYear[2024]))
	}
	if doc.Find(`[data-testid=pictures] svg`).Length() != 3 {
		t.Error("the traveller's page has no pictures")
	}
	if href, _ := doc.Find(`[data-testid=fig-trips] a`).Attr("href"); href != "/?kind=trip&person=blinken-antony-j" {
		t.Errorf("the trips figure links to %s", href)
	}

	// Israel: Blinken's ten trips that stopped there and Biden's visit.
	il := ts.doc(t, "/countries/IL", http.StatusOK)
	if got := il.Find(`[data-testid=fig-trips]`).Text(); got != "11" {
		t.Errorf("Israel: %s trips, want 11", got)
	}
	if got := il.Find(`[data-testid=fig-travellers]`).Text(); got != "2" {
		t.Errorf("Israel: %s travellers, want 2", got)
	}
	if il.Find(`[data-testid=world-map]`).Length() != 0 {
		t.Error("a country's page draws the world map")
	}
	nea := ts.doc(t, "/regions/NEA", http.StatusOK)
	if got := nea.Find(`[data-testid=fig-trips]`).Text(); got != "12" {
		t.Errorf("NEA: %s trips, want 12", got)
	}
	if nea.Find(`[data-testid=lane]`).Length() != 2 {
		t.Errorf("NEA: %d lanes, want Blinken and Biden", nea.Find(`[data-testid=lane]`).Length())
	}
	// An empty view draws nothing and says so.
	if ts.doc(t, "/charts?from=1900-01-01&to=1900-12-31", http.StatusOK).Find(`[data-testid=no-trips]`).Length() != 1 {
		t.Error("an empty view does not say it has no trips")
	}
}
