package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// The curators' checks page lists every check with its findings and links
// to the records; readers are sent to log in.
func TestChecksPage(t *testing.T) {
	ts := newTestServer(t)
	trip := &timeline.Trip{PersonSlug: "blinken-antony-j", Title: "Unsourced trip", Status: timeline.Published, Stops: []timeline.Stop{
		{Country: "DE", Locality: "Berlin", Start: timeline.MustDate("2005-02-08"), End: timeline.MustDate("2005-02-09")}}}
	if err := ts.store.CreateTrip(context.Background(), store.Actor{Name: "test"}, trip); err != nil {
		t.Fatal(err)
	}
	resp, _ := ts.get(t, "/curate/checks")
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/login" {
		t.Errorf("a reader asking for the checks lands on %s (%d)", resp.Request.URL.Path, resp.StatusCode)
	}
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	resp, body := c.get(t, "/curate/checks")
	if resp.StatusCode != http.StatusOK {
		t.Fatal(resp.StatusCode)
	}
	doc := docOf(t, body)
	if n := doc.Find(`[data-testid=check-group]`).Length(); n != len(store.CheckKinds) {
		t.Errorf("%d groups, want %d", n, len(store.CheckKinds))
	}
	unsourced := doc.Find(`[data-testid=check-group][data-kind=unsourced] [data-testid=finding]`)
	if unsourced.Length() != 1 || unsourced.Find("a").AttrOr("href", "") != timeline.RecordPath(timeline.KindTrip, trip.ID) {
		t.Errorf("unsourced findings: %d, linking to %s", unsourced.Length(), unsourced.Find("a").AttrOr("href", ""))
	}
	if got := doc.Find(`[data-testid=checks-total]`).Text(); got == "" {
		t.Error("no total")
	}
}
