package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Issue 13: the claim form is no dead end when no counter fits. A new
// counter is proposed from the claim's words (the trip's traveller, the
// place, the since-date), shown to be checked, and saved with the claim.
func TestClaimFormDefinesItsCounter(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	form := c.formOn(t, tour+"/claims/new")
	if form.Get("counter") != newCounter {
		t.Errorf("the counter picker starts at %q, want a new counter", form.Get("counter"))
	}
	form.Set("text", "12th trip to the region since October 7, 2023")
	resp, body := c.post(t, tour+"/claims", form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "proposed from the claim") {
		t.Fatalf("a claim with a new counter, blank: %d, want the proposal shown", resp.StatusCode)
	}
	proposed := formIn(docOf(t, body).Find("main form.stacked-form"))
	for field, want := range map[string]string{"stated": "12", "new_since": "2023-10-07", "new_label": "trip to the region", "new_region": "NEA", "new_unit": "trips"} {
		if got := proposed.Get(field); got != want {
			t.Errorf("proposed %s = %q, want %q", field, got, want)
		}
	}
	proposed.Set("url", "https://example.org/twelfth")
	proposed.Set("title", "The twelfth trip")
	proposed.Set("passage", "his 12th trip to the region")
	loc := mustPost(t, c, tour+"/claims", proposed)
	id, err := pathIDOf(strings.Replace(loc, "#claim-", "/", 1))
	if err != nil {
		t.Fatal(err)
	}
	cl, err := ts.store.Claim(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	counter, err := ts.store.CounterFor(ctx, cl.CounterID, true)
	if err != nil {
		t.Fatal(err)
	}
	if counter.Region != "NEA" || counter.Since.String() != "2023-10-07" || counter.PersonSlug != "blinken-antony-j" || counter.Status != timeline.Draft {
		t.Errorf("the new counter is %+v", counter)
	}

	// A place that is a country gives a country counter.
	form = c.formOn(t, tour+"/claims/new")
	form.Set("text", "his 5th visit to Qatar since 7 October 2023")
	_, body = c.post(t, tour+"/claims", form)
	proposed = formIn(docOf(t, body).Find("main form.stacked-form"))
	if proposed.Get("new_country") != "Qatar" || proposed.Get("new_region") != "" || proposed.Get("stated") != "5" {
		t.Errorf("a visit to Qatar proposes country %q region %q stated %q", proposed.Get("new_country"), proposed.Get("new_region"), proposed.Get("stated"))
	}
}
