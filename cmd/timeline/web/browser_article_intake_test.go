package web

import (
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// Issue 14's budget from a pasted article to a published trip.
const (
	intakeMaxLoads  = 5
	intakeMaxFields = 10
)

// TestBrowserArticleIntake pastes an article whose traveller the record
// has into "Enter an article" in Chromium, confirms its proposals and
// publishes the trip whole, counting the pages loaded and the fields
// filled from the paste on; a logged-out reader then sees it, sourced.
func TestBrowserArticleIntake(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, curatorBrowserUser, store.RoleCurator)
	ctx := browserStart(t, chromium)
	curatorBrowserLogin(t, ctx, ts.URL)
	text, err := os.ReadFile("testdata/article-tokyo.txt") // a trip the demo lacks
	if err != nil {
		t.Fatal(err)
	}

	loads := browserLoads(t, ctx)
	fields := 0
	click := func(sel, what string) {
		t.Helper()
		if resp := browserClick(t, ctx, sel, what); resp.Status != http.StatusOK {
			t.Fatalf("%s answered %d: %s", what, resp.Status, strings.Join(strings.Fields(browserText(t, ctx, "main")), " "))
		}
	}

	browserOpen(t, ctx, ts.URL+"/curate/article")
	fields++
	browserSet(t, ctx, `#a-text`, string(text)) // pasted
	fields++
	browserType(t, ctx, `#a-url`, "https://wire.example/tokyo")
	fields++
	browserSet(t, ctx, `#a-date`, "2025-03-03") // a text has no publication date of its own
	click(`button[data-testid=read-article]`, "Read it")
	if n := browserCount(t, ctx, `[data-testid=proposal]`); n < 3 {
		t.Fatalf("%d proposals, want the stop, the meeting and the quote", n)
	}
	fields++
	browserType(t, ctx, `#f-source_title`, "Blinken in Tokyo") // nor a title
	click(`button[data-testid=confirm-article]`, "Create the ticked facts as drafts")
	click(`a[data-testid=publish-all]`, "Publish the trip with everything on it")
	click(`button[data-testid=confirm-publish-all]`, "Publish all")
	trip := browserURL(t, ctx).Path

	got := int(loads.Load())
	t.Logf("from the paste to the published trip: %d page loads and %d fields (budget %d and %d)", got, fields, intakeMaxLoads, intakeMaxFields)
	if got > intakeMaxLoads || fields > intakeMaxFields {
		t.Errorf("%d page loads and %d fields, budget %d and %d", got, fields, intakeMaxLoads, intakeMaxFields)
	}
	_, body := ts.client(t).get(t, trip)
	d := docOf(t, body)
	for _, want := range []string{"Tokyo", "Our alliance has never been stronger", "Fumio Kishida", "Deepen security ties in the Pacific"} {
		if !strings.Contains(d.Text(), want) {
			t.Errorf("the reader's trip page lacks %q", want)
		}
	}
	if n := d.Find(`[data-testid=stop] [data-testid=unsourced]`).Length(); n != 0 {
		t.Errorf("%d stops unsourced for the reader", n)
	}
}
