package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/diplomatic-travel/tracker/timeline"
)

const (
	browserTourTitle     = "Middle East tour after the killing of Yahya Sinwar, October 2024"
	browserTourOrdinal   = "11th trip to the region since 7 October 2023"
	browserTourCountries = "IL; SA; QA; GB"
)

// TestBrowser reproduces, in a real headless Chromium against the real
// server, what a reader does: they open the timeline, find the October 2024
// tour and its count, click through to the trip page to read the count and
// the checked claim, follow a source to see what else it supports; then they
// narrow the timeline with the filter form (region NEA, dates of 2024) and
// download the CSV of that view, which must hold exactly the matching
// entries.
func TestBrowser(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ctx := browserStart(t, chromium)

	// What a step learnt and a later one checks against.
	var tripPath, filteredURL string

	t.Run("timeline to trip to source", func(t *testing.T) {
		if err := chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`li[data-testid=entry]`)),
		); err != nil {
			t.Fatalf("open the timeline at %s/: %v", ts.URL, err)
		}
		entries := browserReadEntries(t, ctx)
		var tour *browserEntry
		n := 0
		for i := range entries {
			if entries[i].Title == browserTourTitle {
				n++
				tour = &entries[i]
			}
		}
		if n != 1 {
			t.Fatalf("timeline lists %d entries titled %q, want 1; titles seen: %q", n, browserTourTitle, browserTitles(entries))
		}
		if tour.Kind != "trip" {
			t.Errorf("tour entry has data-kind %q, want trip", tour.Kind)
		}
		if !slices.ContainsFunc(tour.Ordinals, func(o string) bool { return strings.HasPrefix(o, browserTourOrdinal) }) {
			t.Errorf("tour entry's ordinals are %q, want one that reads %q", tour.Ordinals, browserTourOrdinal)
		}
		if len(tour.Sources) == 0 {
			t.Errorf("tour entry shows no source link, want at least one")
		}
		if !regexp.MustCompile(`^/trips/[0-9]+$`).MatchString(tour.Href) {
			t.Fatalf("tour title links to %q, want /trips/{id}", tour.Href)
		}

		// A real mouse click on the title link, then wait for the trip page.
		resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(
			`//li[@data-testid="entry"]//h4[contains(concat(" ", normalize-space(@class), " "), " entry-title ")]/a[normalize-space()=`+browserXPathString(t, browserTourTitle)+`]`)))
		if err != nil {
			t.Fatalf("click the title link %q: %v", browserTourTitle, err)
		}
		if resp.Status != http.StatusOK {
			t.Errorf("trip page %s answered %d, want 200", resp.URL, resp.Status)
		}
		if got, want := browserLocation(t, ctx), ts.URL+tour.Href; got != want {
			t.Fatalf("after the click the browser is at %s, want %s", got, want)
		}
		tripPath = tour.Href

		trip := browserReadTrip(t, ctx)
		if trip.Title != browserTourTitle {
			t.Errorf("trip page heading is %q, want %q", trip.Title, browserTourTitle)
		}
		if !slices.Contains(trip.Counts, browserTourOrdinal) {
			t.Errorf("trip page counts are %q, want one reading %q", trip.Counts, browserTourOrdinal)
		}
		claimed := 0
		for _, c := range trip.Claims {
			if c.Stated != "11th" {
				continue
			}
			claimed++
			if c.Verdict != "confirmed" || c.Computed != "11th" {
				t.Errorf("claim %q reads verdict %q, stated %q, computed %q; want confirmed, 11th, 11th", c.Text, c.Verdict, c.Stated, c.Computed)
			}
		}
		if claimed == 0 {
			t.Errorf("trip page shows no claim stating 11th, want one confirmed as 11th; claims seen: %+v", trip.Claims)
		}
		if trip.AllCitations == 0 {
			t.Fatalf("trip page shows no [data-testid=citation], want at least one")
		}
		if len(trip.SourceLinks) == 0 {
			t.Fatalf("trip page's %d citations have no link to /sources/N", trip.AllCitations)
		}
		srcPath := trip.SourceLinks[0]
		if !regexp.MustCompile(`^/sources/[0-9]+$`).MatchString(srcPath) {
			t.Fatalf("first citation links to %q, want /sources/{id}", srcPath)
		}

		// Follow the first source link, again with a real click.
		resp, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`[data-testid=citation] a[href^="/sources/"]`)))
		if err != nil {
			t.Fatalf("click the first source link %s: %v", srcPath, err)
		}
		if resp.Status != http.StatusOK {
			t.Errorf("source page %s answered %d, want 200", resp.URL, resp.Status)
		}
		if got, want := browserLocation(t, ctx), ts.URL+srcPath; got != want {
			t.Fatalf("after clicking the source the browser is at %s, want %s", got, want)
		}
		supported, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('[data-testid=source] [data-testid=supported] a')].map(a => a.getAttribute('href'))`))
		if err != nil {
			t.Fatalf("read the source page's supported items: %v", err)
		}
		if len(supported) == 0 {
			t.Fatalf("source page %s shows no [data-testid=supported] item, want at least one", srcPath)
		}
		// The first citation of the trip page is the trip's own, so the
		// source must list the trip among what it supports.
		if !slices.ContainsFunc(supported, func(h string) bool { return strings.Split(h, "#")[0] == tripPath }) {
			t.Errorf("source page %s supports %q, want a link to the trip %s", srcPath, supported, tripPath)
		}
	})

	if !t.Run("filter form", func(t *testing.T) {
		if err := chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`form.filters`)),
		); err != nil {
			t.Fatalf("open the timeline at %s/: %v", ts.URL, err)
		}
		regions, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('select#f-region option')].map(o => o.value)`))
		if err != nil {
			t.Fatalf("read the region options: %v", err)
		}
		if !slices.Contains(regions, "NEA") {
			t.Fatalf("select#f-region offers %q, want NEA among them", regions)
		}
		if err := chromedp.Do(ctx,
			chromedp.SetValue(chromedp.CSS(`select#f-region`), "NEA"),
			chromedp.SetValue(chromedp.CSS(`input#f-from`), "2024-01-01"),
			chromedp.SetValue(chromedp.CSS(`input#f-to`), "2024-12-31"),
		); err != nil {
			t.Fatalf("fill the filter form: %v", err)
		}
		browserCheckForm(t, ctx, "before submitting")

		resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(
			`//form[@role="search"]//button[@type="submit" and normalize-space()="Apply filters"]`)))
		if err != nil {
			t.Fatalf("click Apply filters: %v", err)
		}
		if resp.Status != http.StatusOK {
			t.Errorf("filtered timeline %s answered %d, want 200", resp.URL, resp.Status)
		}
		loc := browserLocation(t, ctx)
		u, err := url.Parse(loc)
		if err != nil {
			t.Fatalf("parse the location %q: %v", loc, err)
		}
		if u.Path != "/" {
			t.Errorf("the form went to %s, want the timeline /", u.Path)
		}
		q := u.Query()
		for k, want := range map[string]string{"region": "NEA", "from": "2024-01-01", "to": "2024-12-31"} {
			if got := q.Get(k); got != want {
				t.Errorf("filtered URL %s has %s=%q, want %q", loc, k, got, want)
			}
		}
		browserCheckForm(t, ctx, "on the filtered page")

		entries := browserReadEntries(t, ctx)
		if len(entries) == 0 {
			t.Fatalf("filtered timeline %s lists no entry, want the 2024 entries of NEA", loc)
		}
		nea, err := ts.store.Region(context.Background(), "NEA")
		if err != nil {
			t.Fatalf("load region NEA: %v", err)
		}
		for _, e := range entries {
			if !strings.HasPrefix(e.Date, "2024") {
				t.Errorf("filtered timeline lists %s %q dated %q, want a date in 2024", e.Kind, e.Title, e.Date)
			}
			if !slices.ContainsFunc(e.Countries, func(h string) bool { return nea.Has(strings.TrimPrefix(h, "/countries/")) }) {
				t.Errorf("filtered timeline lists %s %q in %q, want at least one country of NEA %q", e.Kind, e.Title, e.Countries, nea.Members)
			}
		}
		if !slices.ContainsFunc(entries, func(e browserEntry) bool { return e.Title == browserTourTitle }) {
			t.Errorf("filtered timeline does not list %q, which is in NEA in 2024; titles seen: %q", browserTourTitle, browserTitles(entries))
		}
		if !t.Failed() {
			filteredURL = loc
		}
	}) {
		t.Log("the CSV step is not run: it reads the link of the filtered page")
		return
	}

	t.Run("csv of the filtered view", func(t *testing.T) {
		if got := browserLocation(t, ctx); got != filteredURL {
			t.Fatalf("the browser is at %s, want the filtered timeline %s", got, filteredURL)
		}
		href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`a[data-testid=csv-link]`), "href"))
		if err != nil {
			t.Fatalf("read the href of a[data-testid=csv-link]: %v", err)
		}
		if !href.Exists || href.Value == "" {
			t.Fatalf("a[data-testid=csv-link] has no href")
		}
		base, err := url.Parse(filteredURL)
		if err != nil {
			t.Fatal(err)
		}
		link, err := base.Parse(href.Value)
		if err != nil {
			t.Fatalf("parse the CSV link %q: %v", href.Value, err)
		}
		if link.Path != "/timeline.csv" {
			t.Errorf("CSV link goes to %s, want /timeline.csv", link.Path)
		}
		for _, k := range []string{"region", "from", "to"} {
			if got, want := link.Query().Get(k), base.Query().Get(k); got != want {
				t.Errorf("CSV link %s has %s=%q, the page has %q; want the same", href.Value, k, got, want)
			}
		}

		resp, err := ts.Client().Get(link.String())
		if err != nil {
			t.Fatalf("GET %s: %v", link, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("read %s: %v", link, err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s answered %d, want 200; body: %.300s", link, resp.StatusCode, body)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Errorf("CSV Content-Type is %q, want text/csv", ct)
		}
		wantHeader := []string{"kind", "id", "start_date", "end_date", "date_precision", "person", "person_name",
			"countries", "localities", "title", "summary", "source_urls", "permalink", "ordinals"}
		if line := strings.Join(wantHeader, ",") + "\r\n"; !bytes.HasPrefix(body, []byte(line)) {
			t.Errorf("CSV does not begin with the header line %q ended by CRLF; begins with %q", line, body[:min(len(body), len(line)+20)])
		}
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("parse the CSV from %s: %v", link, err)
		}
		if len(rows) == 0 {
			t.Fatalf("CSV from %s is empty, want a header", link)
		}
		if !slices.Equal(rows[0], wantHeader) {
			t.Fatalf("CSV header is %q, want %q", rows[0], wantHeader)
		}
		rows = rows[1:]

		f, err := timeline.ParseFilter(link.Query())
		if err != nil {
			t.Fatalf("ParseFilter(%s): %v", link.RawQuery, err)
		}
		var want []string
		err = ts.store.EachEntry(context.Background(), f, func(e *timeline.Entry) error {
			want = append(want, fmt.Sprintf("%s %d", e.Kind, e.RecordID))
			return nil
		})
		if err != nil {
			t.Fatalf("EachEntry(%s): %v", link.RawQuery, err)
		}
		if len(rows) != len(want) {
			t.Errorf("CSV has %d rows, the store has %d entries for %s", len(rows), len(want), link.RawQuery)
		}
		col := func(name string) int { return slices.Index(wantHeader, name) }
		var got []string
		tourRows := 0
		for i, r := range rows {
			got = append(got, r[col("kind")]+" "+r[col("id")])
			start, end := r[col("start_date")], r[col("end_date")]
			if !strings.HasPrefix(start, "2024") && !strings.HasPrefix(end, "2024") {
				t.Errorf("CSV row %d (%s %s %q) runs %s to %s, want a start or end in 2024", i+1, r[col("kind")], r[col("id")], r[col("title")], start, end)
			}
			if r[col("kind")] == "trip" && r[col("title")] == browserTourTitle {
				tourRows++
				if c := r[col("countries")]; c != browserTourCountries {
					t.Errorf("CSV row of %q has countries %q, want %q", browserTourTitle, c, browserTourCountries)
				}
				if p := r[col("permalink")]; tripPath != "" && p != tripPath {
					t.Errorf("CSV row of %q has permalink %q, want the trip page the timeline linked to, %s", browserTourTitle, p, tripPath)
				}
			}
		}
		if tourRows != 1 {
			t.Errorf("CSV has %d rows of the trip %q, want 1", tourRows, browserTourTitle)
		}
		if len(rows) == len(want) && !slices.Equal(got, want) {
			t.Errorf("CSV rows are %q, the store's entries are %q; want the same, in the same order", got, want)
		}
	})
}

// browserCheckForm checks that the filter form holds region NEA and the
// dates of 2024.
func browserCheckForm(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	for sel, want := range map[string]string{"select#f-region": "NEA", "input#f-from": "2024-01-01", "input#f-to": "2024-12-31"} {
		got, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read the value of %s %s: %v", sel, when, err)
		}
		if got != want {
			t.Errorf("%s holds %q %s, want %q", sel, got, when, want)
		}
	}
}
