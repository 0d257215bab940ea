package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// Deleting a meeting, an event, a source, a counter or a claim asks first,
// naming what still uses it; once confirmed it takes the record off every
// public page and export but keeps it, goes back to the trip (or the
// desk), and the message there has the undo. Its history says so too.
func TestDeleteAndRestore(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	for _, tc := range []struct {
		kind, path, page, text, back, uses string
	}{
		{"meeting", "/meetings/4", tour, "Meetings with Emir Sheikh Tamim", tour, "citation"},
		{"event", "/events/2", "/", "Killing of Hamas leader Yahya Sinwar", "/curate", "citation"},
		{"source", "/sources/2", tour, "Blinken urges Israel to leverage Hamas leader", "/curate", "cited for"},
		{"claim", "/claims/1", tour, "11th trip to the region since October 7, 2023", tour, "citation"},
		{"counter", "/counters/4", tour, "11th stop in Israel", "/curate", ""},
		{"goal", "/goals/2", tour, "Secure the release of the hostages held in Gaza", tour, ""},
		{"quote", "/quotes/1", tour, "It is time to turn these successes", tour, ""},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.text) {
				t.Fatalf("%s does not show %q to begin with", tc.page, tc.text)
			}
			resp, body := c.post(t, tc.path+"/delete", nil)
			ask := docOf(t, body)
			if resp.StatusCode != http.StatusOK || ask.Find(`[data-testid=confirm-delete]`).Length() != 1 {
				t.Fatalf("delete without confirming: %d, want the question\n%s", resp.StatusCode, clipBody([]byte(body)))
			}
			if linked := ask.Find(`[data-testid=linked]`).Text(); tc.uses != "" && !strings.Contains(linked, tc.uses) {
				t.Errorf("the question does not name what uses the %s (%q): %q", tc.kind, tc.uses, linked)
			}
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.text) {
				t.Fatalf("asking deleted the %s", tc.kind)
			}
			resp, _ = c.post(t, tc.path+"/delete", formIn(ask.Find("main form")))
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != tc.back {
				t.Fatalf("delete: %d to %q, want 303 to %s", resp.StatusCode, resp.Header.Get("Location"), tc.back)
			}
			_, body = c.get(t, tc.back)
			undo, _ := docOf(t, body).Find(`[data-testid=undo]`).Parent().Attr("action")
			if undo != tc.path+"/restore" {
				t.Errorf("the message after deleting offers the undo %q, want %s/restore", undo, tc.path)
			}
			history := "/history/" + tc.kind + tc.path[strings.LastIndex(tc.path, "/"):]
			if _, body := public.get(t, tc.page); strings.Contains(body, tc.text) {
				t.Errorf("after deleting the %s, %s still shows %q", tc.kind, tc.page, tc.text)
			}
			if _, csv := public.get(t, "/timeline.csv"); tc.kind == "event" && strings.Contains(csv, tc.text) {
				t.Error("a deleted event is in the CSV")
			}
			_, body = c.get(t, history)
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
