package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// Deleting a meeting, an event, a source, a counter or a claim takes it off
// every public page and export but keeps it; its history page restores it.
func TestDeleteAndRestore(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	for _, tc := range []struct {
		kind, path, page, text string
	}{
		{"meeting", "/meetings/4", tour, "Meetings with Emir Sheikh Tamim"},
		{"event", "/events/2", "/", "Killing of Hamas leader Yahya Sinwar"},
		{"source", "/sources/2", tour, "Blinken urges Israel to leverage Hamas leader"},
		{"claim", "/claims/1", tour, "11th trip to the region since October 7, 2023"},
		{"counter", "/counters/4", tour, "11th stop in Israel"},
		{"goal", "/goals/2", tour, "Secure the release of the hostages held in Gaza"},
		{"quote", "/quotes/1", tour, "It is time to turn these successes"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.text) {
				t.Fatalf("%s does not show %q to begin with", tc.page, tc.text)
			}
			resp, _ := c.post(t, tc.path+"/delete", nil)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("delete: %d", resp.StatusCode)
			}
			history := resp.Header.Get("Location")
			if _, body := public.get(t, tc.page); strings.Contains(body, tc.text) {
				t.Errorf("after deleting the %s, %s still shows %q", tc.kind, tc.page, tc.text)
			}
			if _, csv := public.get(t, "/timeline.csv"); tc.kind == "event" && strings.Contains(csv, tc.text) {
				t.Error("a deleted event is in the CSV")
			}
			_, body := c.get(t, history)
			d := docOf(t, body)
			if d.Find(`[data-testid=deleted]`).Length() != 1 || d.Find(`[data-testid=revision]`).First().Find("strong").First().Text() != "delete" {
				t.Fatalf("the history page of the deleted %s does not say so", tc.kind)
			}
			action, _ := d.Find(`[data-testid=restore]`).Parent().Attr("action")
			if resp, _ := c.post(t, action, nil); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("restore: %d", resp.StatusCode)
			}
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.text) {
				t.Errorf("after restoring the %s, %s does not show %q", tc.kind, tc.page, tc.text)
			}
		})
	}
}
