package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
)

// checkInert fails when a page holds markup that could run: a script other
// than the site's own, an image (none of the pages has one), an event
// handler attribute, or a javascript: link or form target.
func checkInert(t *testing.T, page, body string) {
	t.Helper()
	d := docOf(t, body)
	d.Find("script").Each(func(_ int, s *goquery.Selection) {
		if src, _ := s.Attr("src"); !strings.HasPrefix(src, "/static/") || strings.TrimSpace(s.Text()) != "" {
			html, _ := goquery.OuterHtml(s)
			t.Errorf("%s: a script element %s", page, html)
		}
	})
	if n := d.Find("img, iframe, object, embed, foreignObject, svg svg").Length(); n != 0 {
		t.Errorf("%s: %d embedded elements", page, n)
	}
	// The only SVG is the site's own pictures.
	if n := d.Find("svg").Not("figure.chart > svg[role=img]").Length(); n != 0 {
		t.Errorf("%s: %d svg elements that are not the site's pictures", page, n)
	}
	d.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, at := range s.Nodes[0].Attr {
			key, val := strings.ToLower(at.Key), strings.ToLower(strings.TrimSpace(at.Val))
			if strings.HasPrefix(key, "on") {
				t.Errorf("%s: event handler %s=%q", page, at.Key, at.Val)
			}
			if (key == "href" || key == "action" || key == "src" || key == "formaction") && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:") || strings.HasPrefix(val, "vbscript:")) {
				t.Errorf("%s: %s=%q", page, at.Key, at.Val)
			}
		}
	})
}

// Script payloads typed into every text field of every form come back as
// text on every page that shows them, public and curator alike.
func TestPayloadsEveryForm(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	pages, p := ts.seedPayloads(t, c)
	// A javascript: URL is refused, never stored.
	if resp, _ := c.post(t, "/cite", url.Values{"kind": {"trip"}, "id": {itoa(int(ts.tourID(t)))}, "url": {"JaVaScRiPt:alert(3)"}, "title": {"x"}}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a javascript: source URL: %d, want 422", resp.StatusCode)
	}
	tour := "/trips/" + itoa(int(ts.tourID(t)))
	for _, page := range pages {
		for who, cl := range map[string]*curatorClient{"public": public, "curator": c} {
			if who == "public" && (strings.HasPrefix(page, "/curate") || strings.HasPrefix(page, "/history") || strings.HasSuffix(page, "/history")) {
				continue
			}
			resp, body := cl.get(t, page)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s %s: %d", who, page, resp.StatusCode)
				continue
			}
			if strings.HasSuffix(page, ".csv") {
				continue // not HTML; its cells are checked by the CSV tests
			}
			checkInert(t, who+" "+page, body)
		}
	}
	// The payload is there, as text.
	_, body := public.get(t, tour)
	if !strings.Contains(docOf(t, body).Text(), p) {
		t.Error("the payload is not shown as text on the trip page")
	}
}

// seedPayloads types script payloads into every text field of every form,
// as the curator c, publishes what they made, and returns the pages that
// show them and the payload.
func (ts *testServer) seedPayloads(t *testing.T, c *curatorClient) (pages []string, p string) {
	t.Helper()
	tourID := itoa(int(ts.tourID(t)))
	tour := "/trips/" + tourID
	p = `"><script>alert(1)</script><img src=x onerror=alert(2)>`
	js := "JaVaScRiPt:alert(3)"
	must := func(path string, form url.Values) string {
		t.Helper()
		resp, body := c.post(t, path, form)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d %s", path, resp.StatusCode, clipBody([]byte(body)))
		}
		return resp.Header.Get("Location")
	}
	event := must("/curate/events", url.Values{"title": {p}, "kind": {"other"}, "date": {"2024-10-20"}, "precision": {"day"}, "summary": {p + js}})
	must(event+"/publish", nil)
	meeting := must(tour+"/meetings", url.Values{"date": {"2024-10-24"}, "title": {p}, "summary": {js}, "op": {"save"},
		"part_person": {""}, "part_name": {p}, "part_title": {p}, "part_body": {js}})
	mid := strings.TrimPrefix(meeting[strings.Index(meeting, "#meeting-"):], "#meeting-")
	must("/meetings/"+mid+"/publish", nil)
	must(tour+"/goals", url.Values{"text": {p}, "outcome": {js + p}})
	must(tour+"/quotes", url.Values{"person": {"blinken-antony-j"}, "date": {"2024-10-24"}, "text": {p}})
	counter := must("/curate/counters", url.Values{"person": {"blinken-antony-j"}, "since": {"2023-10-07"}, "unit": {"trips"}, "rule": {"stored"}, "label": {p}})
	must(tour+"/claims", url.Values{"counter": {strings.TrimPrefix(counter, "/counters/")}, "stated": {"3"}, "text": {p},
		"url": {"https://example.org/claim?x=<script>"}, "title": {p}, "publisher": {p}, "passage": {p}})
	must(counter+"/publish", nil)
	// Publish the goal, quote and claim so the public pages show them too.
	for _, kind := range []string{"goals", "quotes", "claims"} {
		for id := 1; id <= 6; id++ {
			c.post(t, "/"+kind+"/"+itoa(id)+"/publish", nil)
		}
	}
	must("/cite", url.Values{"kind": {"trip"}, "id": {tourID}, "url": {"https://example.org/\"><script>alert(4)</script>"}, "title": {p}, "publisher": {p}, "author": {p}, "passage": {p},
		"different": {"yes"}}) // the claim's source has the same title and publisher
	person := must("/curate/people", url.Values{"name": {"Payload Person"}, "office": {p}, "body": {js}, "aliases": {p}})
	must(person+"/edit", url.Values{"name": {"Payload Person"}, "notes": {p}})
	must("/curate/regions", url.Values{"code": {"PAYLOAD"}, "name": {p}, "notes": {p}, "members": {"Qatar"}})

	pages = []string{"/", "/?q=script", tour, event, counter, person, "/regions", "/regions/PAYLOAD", "/timeline.csv", "/sources/8", "/sources/9",
		"/curate", tour + "/history", "/history/event/" + strings.TrimPrefix(event, "/events/"), "/history/meeting/" + mid, "/history/counter/" + strings.TrimPrefix(counter, "/counters/")}
	return pages, p
}
