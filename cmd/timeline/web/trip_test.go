package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

const testPassword = "correct horse battery"

// tripForm is a valid three-stop trip as the form posts it.
func tripFormValues(title string) url.Values {
	return url.Values{
		"person": {"blinken-antony-j"}, "title": {title}, "summary": {"A test trip."}, "op": {"save"},
		"stop_id":       {"", "", ""},
		"stop_country":  {"Türkiye", "GR", "Jordan"},
		"stop_locality": {"Ankara", "Athens", "Amman"},
		"stop_start":    {"2025-02-01", "2025-02-03", "2025-02-04"},
		"stop_end":      {"2025-02-02", "2025-02-03", "2025-02-05"},
		"stop_remarks":  {"", "", ""},
	}
}

func TestTripForm(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	ctx := context.Background()

	var path string
	t.Run("CreateIsDraft", func(t *testing.T) {
		resp, body := c.post(t, "/curate/trips", tripFormValues("Test tour"))
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", resp.StatusCode, clipBody([]byte(body)))
		}
		path = resp.Header.Get("Location")
		if !strings.HasPrefix(path, "/trips/") {
			t.Fatalf("saved to %q", path)
		}
		_, body = c.get(t, path)
		d := docOf(t, body)
		if d.Find(`[data-testid=trip-status]`).Text() != "Draft" || d.Find(`[data-testid=stop]`).Length() != 3 {
			t.Errorf("curator sees status %q and %d stops", d.Find(`[data-testid=trip-status]`).Text(), d.Find(`[data-testid=stop]`).Length())
		}
		if resp, _ := public.get(t, path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the public sees a draft: %d", resp.StatusCode)
		}
		_, csv := public.get(t, "/timeline.csv?from=2025-01-01")
		if strings.Contains(csv, "Test tour") {
			t.Error("a draft is in the CSV")
		}
		_, home := public.get(t, "/?from=2025-01-01")
		if strings.Contains(home, "Test tour") {
			t.Error("a draft is on the public timeline")
		}
		_, home = c.get(t, "/?from=2025-01-01")
		if !strings.Contains(home, "Test tour") {
			t.Error("the curator's timeline does not show the draft")
		}
	})

	t.Run("Publish", func(t *testing.T) {
		if resp, _ := c.post(t, path+"/publish", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", resp.StatusCode)
		}
		if resp, _ := public.get(t, path); resp.StatusCode != http.StatusOK {
			t.Errorf("published trip: %d", resp.StatusCode)
		}
		_, csv := public.get(t, "/timeline.csv?from=2025-01-01")
		if !strings.Contains(csv, "Test tour") || !strings.Contains(csv, "TR; GR; JO") {
			t.Errorf("the published trip is not in the CSV:\n%s", csv)
		}
	})

	for _, tc := range []struct {
		name  string
		edit  func(url.Values)
		field string
		want  string
	}{
		{"ErrEndBeforeStart", func(v url.Values) { v["stop_end"][1] = "2025-02-01" }, "stops.1.end", "A stop cannot end before it starts."},
		{"ErrUnknownCountry", func(v url.Values) { v["stop_country"][2] = "Atlantis" }, "stops.2.country", `Unknown country "Atlantis"`},
		{"ErrBadDate", func(v url.Values) { v["stop_start"][0] = "2025-13-45" }, "stops.0.start", "Not a date"},
		{"ErrNoTraveller", func(v url.Values) { v.Set("person", "") }, "person", "Choose the traveller."},
		{"ErrDuplicateStop", func(v url.Values) {
			v["stop_country"][1], v["stop_locality"][1], v["stop_start"][1], v["stop_end"][1] = "Türkiye", "Ankara", "2025-02-01", "2025-02-02"
		}, "stops.1.country", "This stop repeats stop 1."},
		{"ErrStopOnAnotherTrip", func(v url.Values) {
			v["stop_country"], v["stop_locality"], v["stop_start"], v["stop_end"], v["stop_id"], v["stop_remarks"] = []string{"QA"}, []string{"Doha"}, []string{"2024-10-24"}, []string{"2024-10-24"}, []string{""}, []string{""}
			v.Set("another", "yes") // past the offer of the trip on these dates, to the stop itself
		}, "stops.0.country", "already has this stop"},
		{"ErrNoStops", func(v url.Values) {
			for _, k := range []string{"stop_id", "stop_country", "stop_locality", "stop_start", "stop_end", "stop_remarks"} {
				delete(v, k)
			}
		}, "stops", "at least one stop"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := ts.store.Debug().RevisionCount(ctx)
			v := tripFormValues("Broken tour")
			tc.edit(v)
			resp, body := c.post(t, "/curate/trips", v)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			d := docOf(t, body)
			var msgs []string
			d.Find(`[data-testid=field-error]`).Each(func(_ int, s *goquery.Selection) { msgs = append(msgs, s.Text()) })
			if !containsText(msgs, tc.want) {
				t.Errorf("messages %q, want one with %q", msgs, tc.want)
			}
			// The curator's input is kept.
			if v, _ := d.Find(`#trip-title`).Attr("value"); v != "Broken tour" {
				t.Errorf("title kept as %q", v)
			}
			if after, _ := ts.store.Debug().RevisionCount(ctx); after != before {
				t.Error("a refused form wrote something")
			}
		})
	}

	t.Run("ErrEveryFaultAtOnce", func(t *testing.T) {
		v := tripFormValues("Two faults")
		v["stop_country"][0] = "Atlantis"
		v["stop_end"][2] = "2025-02-01"
		resp, body := c.post(t, "/curate/trips", v)
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", resp.StatusCode)
		}
		msgs := texts(docOf(t, body).Find(`[data-testid=field-error]`))
		if !containsText(msgs, "Unknown country") || !containsText(msgs, "A stop cannot end before it starts.") {
			t.Errorf("messages %q: both faults must be reported at once", msgs)
		}
	})

	t.Run("RowOperations", func(t *testing.T) {
		v := tripFormValues("Rows")
		v.Set("op", "add")
		_, body := c.post(t, "/curate/trips", v)
		if n := docOf(t, body).Find(`[data-testid=stop-row]`).Length(); n != 4 {
			t.Errorf("add: %d rows, want 4", n)
		}
		v.Set("op", "remove-0")
		_, body = c.post(t, "/curate/trips", v)
		d := docOf(t, body)
		if n := d.Find(`[data-testid=stop-row]`).Length(); n != 2 {
			t.Errorf("remove: %d rows, want 2", n)
		}
		if got, _ := d.Find(`#stop-country-0`).Attr("value"); got != "GR" {
			t.Errorf("after removing the first stop, the first is %q", got)
		}
		v.Set("op", "down-0")
		_, body = c.post(t, "/curate/trips", v)
		if got, _ := docOf(t, body).Find(`#stop-country-0`).Attr("value"); got != "GR" {
			t.Errorf("move down: first is %q, want GR", got)
		}
	})

	t.Run("EditHistoryRestore", func(t *testing.T) {
		_, body := c.get(t, path+"/edit")
		d := docOf(t, body)
		if v, _ := d.Find(`#trip-title`).Attr("value"); v != "Test tour" {
			t.Fatalf("edit form title %q", v)
		}
		v := tripFormValues("Renamed tour")
		d.Find(`input[name=stop_id]`).Each(func(i int, s *goquery.Selection) { v["stop_id"][i], _ = s.Attr("value") })
		v.Set("reason", "a better name")
		if resp, body := c.post(t, path+"/edit", v); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		_, body = c.get(t, path+"/history")
		h := docOf(t, body)
		revs := h.Find(`[data-testid=revision]`)
		if revs.Length() != 3 { // create, publish, update
			t.Fatalf("%d revisions, want 3", revs.Length())
		}
		var changed []string
		revs.First().Find(`[data-testid=field-change]`).Each(func(_ int, s *goquery.Selection) {
			changed = append(changed, s.Find("th").Text()+": "+s.Find("td.before").Text()+" → "+s.Find("td.after").Text())
		})
		if !containsText(changed, "Title: Test tour → Renamed tour") || !strings.Contains(revs.First().Text(), "a better name") {
			t.Errorf("latest revision shows %q", changed)
		}
		// Restore the version before the edit (the publish revision).
		action, _ := revs.Eq(1).Find(`form`).Attr("action")
		if resp, _ := c.post(t, action, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("restore version: %d", resp.StatusCode)
		}
		_, body = public.get(t, path)
		if got := strings.TrimSpace(docOf(t, body).Find("h1").Text()); got != "Test tour" {
			t.Errorf("after restoring, the title is %q", got)
		}
	})

	t.Run("DeleteAndRestore", func(t *testing.T) {
		if resp, _ := c.post(t, path+"/delete", confirmed); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: %d", resp.StatusCode)
		}
		if resp, _ := public.get(t, path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a deleted trip is public: %d", resp.StatusCode)
		}
		_, body := c.get(t, "/curate")
		if !strings.Contains(body, "Test tour") {
			t.Error("the deleted trip is not listed for restoring")
		}
		if resp, _ := c.post(t, path+"/restore", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("restore: %d", resp.StatusCode)
		}
		if resp, _ := public.get(t, path); resp.StatusCode != http.StatusOK {
			t.Errorf("a restored trip: %d", resp.StatusCode)
		}
	})
}

// Script payloads stored in every text field of the trip form come back as
// text, never as markup.
func TestStoredPayloadsInert(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	payloads := []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`, `javascript:alert(3)`, `JaVaScRiPt:alert(4)`, `' onmouseover='alert(5)`}
	for i, p := range payloads {
		v := tripFormValues(p)
		v.Set("summary", p)
		v["stop_locality"] = []string{p, p + " b", p + " c"}
		v["stop_remarks"] = []string{p, p, p}
		v["stop_start"] = []string{fmt.Sprintf("2026-0%d-01", i+1), fmt.Sprintf("2026-0%d-03", i+1), fmt.Sprintf("2026-0%d-04", i+1)}
		v["stop_end"] = v["stop_start"]
		resp, body := c.post(t, "/curate/trips", v)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("payload %d: %d %s", i, resp.StatusCode, clipBody([]byte(body)))
		}
		path := resp.Header.Get("Location")
		c.post(t, path+"/publish", nil)
		for _, page := range []string{path, "/?from=2026-01-01", path + "/history", "/curate", path + "/edit"} {
			_, body := c.get(t, page)
			d := docOf(t, body)
			if n := d.Find(`script:not([src^="/static/"])`).Length(); n != 0 { // the site's own scripts are served from /static/
				t.Errorf("%s: %d script elements", page, n)
			}
			if n := d.Find("img").Length(); n != 0 {
				t.Errorf("%s: %d img elements", page, n)
			}
			d.Find("*").Each(func(_ int, s *goquery.Selection) {
				for _, at := range s.Nodes[0].Attr {
					if strings.HasPrefix(strings.ToLower(at.Key), "on") {
						t.Errorf("%s: event handler attribute %s=%q", page, at.Key, at.Val)
					}
					if (at.Key == "href" || at.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(at.Val)), "javascript:") {
						t.Errorf("%s: %s=%q", page, at.Key, at.Val)
					}
				}
			})
			if page == path && !bytes.Contains([]byte(d.Find("h1").Text()), []byte(p)) {
				t.Errorf("%s: the payload is not shown as text: h1 %q", page, d.Find("h1").Text())
			}
		}
	}
	_ = timeline.KindTrip
}
