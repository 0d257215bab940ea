package web

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// A researcher filters by region, picks a year from its facet, searches for
// "ceasefire", opens the pictures of that view and clicks Egypt on the map:
// they land on the timeline of exactly those trips in Egypt.
func TestBrowserPictures(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ctx := browserStart(t, chromium)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`form.filters`)),
		chromedp.SetValue(chromedp.CSS(`select#f-region`), "NEA"),
	); err != nil {
		t.Fatalf("open the timeline and choose NEA: %v", err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(
		`//form[@role="search"]//button[@type="submit" and normalize-space()="Apply filters"]`))); err != nil {
		t.Fatalf("apply the region: %v", err)
	}
	// The year facet, clicked like a reader would.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(
		`//nav[@aria-label="Years"]//a[starts-with(normalize-space(), "2024")]`))); err != nil {
		t.Fatalf("click the year 2024: %v", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(`input#f-q`)),
		chromedp.SendKeys(chromedp.CSS(`input#f-q`), "ceasefire"),
	); err != nil {
		t.Fatalf("type the words: %v", err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(
		`//form[@role="search"]//button[@type="submit" and normalize-space()="Apply filters"]`))); err != nil {
		t.Fatalf("search: %v", err)
	}
	want := map[string]string{"region": "NEA", "from": "2024-01-01", "to": "2024-12-31", "q": "ceasefire"}
	checkQuery(t, browserLocation(t, ctx), want)
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('li[data-testid=entry] mark').length`))
	if err != nil || marks == 0 {
		t.Errorf("the search results highlight %d words (%v)", marks, err)
	}

	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`a[data-testid=charts-link]`))); err != nil {
		t.Fatalf("open the pictures: %v", err)
	}
	checkQuery(t, browserLocation(t, ctx), want)
	count, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`document.querySelector('a[data-testid=map-country][data-code=EG]')?.getAttribute('data-count') ?? ''`))
	if err != nil || count == "" {
		t.Fatalf("Egypt is not a link on the map (%v)", err)
	}
	n, _ := strconv.Atoi(count)
	// A real click at Egypt's shape on the drawn map.
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`a[data-testid=map-country][data-code=EG] path`)))
	if err != nil {
		t.Fatalf("click Egypt: %v", err)
	}
	if resp.Status != http.StatusOK {
		t.Errorf("the map's link answered %d", resp.Status)
	}
	loc := browserLocation(t, ctx)
	u, _ := url.Parse(loc)
	if u.Path != "/" {
		t.Fatalf("the map led to %s, not the timeline", loc)
	}
	want["country"], want["kind"] = "EG", "trip"
	checkQuery(t, loc, want)
	entries := browserReadEntries(t, ctx)
	if len(entries) != n {
		t.Errorf("the timeline lists %d trips, the map said %d", len(entries), n)
	}
	for _, e := range entries {
		if e.Kind != "trip" {
			t.Errorf("%q is a %s, the map counted trips", e.Title, e.Kind)
		}
	}
}

func checkQuery(t *testing.T, loc string, want map[string]string) {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range want {
		if got := u.Query().Get(k); got != v {
			t.Errorf("%s: %s=%q, want %q", loc, k, got, v)
		}
	}
}
