package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/diplomatic-travel/tracker/store"
)

// TestCiteSearchAsYouType: on the citation form, the sources on record are
// listed as the curator types, without pressing Search (static/cite.js).
func TestCiteSearchAsYouType(t *testing.T) {
	execPath := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, curatorBrowserUser, store.RoleCurator)
	ctx := browserStart(t, execPath)
	curatorBrowserLogin(t, ctx, ts.URL)
	tour := itoa(int(ts.tourID(t)))
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/cite?kind=trip&id="+tour)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`#cite-q`), "Türkiye Today")); err != nil {
		t.Fatal(err)
	}
	// Wait (bounded, a safety net and not a speed check) for the list the
	// script fetches.
	var got string
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var err error
		got, err = chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('[data-testid=found-source] label')).map(l => l.textContent).join('|')`))
		if err != nil {
			t.Fatal(err)
		}
		if got != "" {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(got, "Blinken urges Israel to leverage Hamas leader") || strings.Count(got, "|") != 0 {
		t.Errorf("typing 'Türkiye Today' listed %q, want the one Türkiye Today source", got)
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(url, "q=") {
		t.Errorf("the page was reloaded (%s): the search must happen in place", url)
	}
}
