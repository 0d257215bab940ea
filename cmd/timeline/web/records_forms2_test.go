package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

func TestQuotePersonRegionForms(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	t.Run("Quote", func(t *testing.T) {
		resp, body := c.post(t, tour+"/quotes", url.Values{"person": {"blinken-antony-j"}, "date": {"2024-10-24"}, "text": {"We are determined to get this done."}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		// A draft until published.
		_, body = public.get(t, tour)
		if containsText(texts(docOf(t, body).Find(`[data-testid=quote] blockquote`)), "We are determined to get this done.") {
			t.Error("the public sees a draft quote")
		}
		loc := resp.Header.Get("Location")
		id := loc[strings.Index(loc, "#quote-")+len("#quote-"):]
		if resp, _ := c.post(t, "/quotes/"+id+"/publish", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", resp.StatusCode)
		}
		_, body = public.get(t, tour)
		if !containsText(texts(docOf(t, body).Find(`[data-testid=quote] blockquote`)), "We are determined to get this done.") {
			t.Error("the published quote is not on the trip page")
		}
	})
	checkRefused(t, ts, c, tour+"/quotes", []formCase{
		{"ErrQuoteNoText", url.Values{"person": {"blinken-antony-j"}, "date": {"2024-10-24"}}, "text", "needs its words"},
		{"ErrQuoteNoDate", url.Values{"person": {"blinken-antony-j"}, "text": {"x"}}, "date", "Enter a date"},
		{"ErrQuoteStop", url.Values{"person": {"blinken-antony-j"}, "date": {"2024-10-24"}, "text": {"x"}, "stop": {"1"}}, "stop", "not on this trip"},
	})

	t.Run("Person", func(t *testing.T) {
		resp, _ := c.post(t, "/curate/people", url.Values{"name": {"Ayman Safadi"}, "country": {"Jordan"}, "office": {"Foreign Minister"}, "body": {"Jordan"}, "from": {"2017-05-17"}, "aliases": {"Ayman al-Safadi; A. Safadi"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/people/ayman-safadi" {
			t.Fatalf("save: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body := public.get(t, "/people/ayman-safadi")
		if !strings.Contains(body, "Foreign Minister, Jordan") || !strings.Contains(body, "Ayman al-Safadi") {
			t.Error("the person's page lacks the office or the alias")
		}
	})
	t.Run("OfficeAndDeletePerson", func(t *testing.T) {
		resp, _ := c.post(t, "/people/ayman-safadi/offices", url.Values{"title": {"Deputy Prime Minister"}, "body": {"Jordan"}, "from": {"2021-03-01"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add office: %d", resp.StatusCode)
		}
		if _, body := public.get(t, "/people/ayman-safadi"); !strings.Contains(body, "Deputy Prime Minister, Jordan") {
			t.Error("the new office is not shown")
		}
		resp, _ = c.post(t, "/people/ayman-safadi/delete", nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: %d", resp.StatusCode)
		}
		if r, _ := public.get(t, "/people/ayman-safadi"); r.StatusCode != http.StatusNotFound {
			t.Errorf("a deleted person is public: %d", r.StatusCode)
		}
		_, body := c.get(t, resp.Header.Get("Location"))
		action, _ := docOf(t, body).Find(`[data-testid=restore]`).Parent().Attr("action")
		if action != "/people/ayman-safadi/restore" {
			t.Fatalf("restore posts to %q", action)
		}
		c.post(t, action, nil)
		if r, _ := public.get(t, "/people/ayman-safadi"); r.StatusCode != http.StatusOK {
			t.Errorf("a restored person: %d", r.StatusCode)
		}
	})
	checkRefused(t, ts, c, "/people/blinken-antony-j/offices", []formCase{
		{"ErrOfficeNoTitle", url.Values{"body": {"x"}}, "title", "needs a title"},
		{"ErrOfficeDates", url.Values{"title": {"x"}, "from": {"2020-02-01"}, "to": {"2020-01-01"}}, "to", "cannot end before"},
	})
	checkRefused(t, ts, c, "/curate/people", []formCase{
		{"ErrPersonNoName", url.Values{}, "name", "needs a name"},
		{"ErrPersonSlugTaken", url.Values{"name": {"Someone"}, "slug": {"blinken-antony-j"}}, "slug", "already exists"},
		{"ErrPersonOfficeDates", url.Values{"name": {"Someone"}, "office": {"Envoy"}, "from": {"2020-01-02"}, "to": {"2020-01-01"}}, "to", "cannot end before"},
	})

	t.Run("Region", func(t *testing.T) {
		resp, _ := c.post(t, "/curate/regions", url.Values{"code": {"gulf"}, "name": {"Gulf states"}, "members": {"Saudi Arabia, QA, Kuwait\nBahrain; United Arab Emirates, Oman"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		_, body := public.get(t, "/regions/GULF")
		if n := docOf(t, body).Find(`[data-testid=member]`).Length(); n != 6 {
			t.Errorf("GULF has %d members, want 6", n)
		}
		// The new region filters the timeline at once.
		if resp, _ := public.get(t, "/?region=GULF"); resp.StatusCode != http.StatusOK {
			t.Errorf("filter by the new region: %d", resp.StatusCode)
		}
	})
	t.Run("RegionEdit", func(t *testing.T) {
		resp, _ := c.post(t, "/regions/GULF/edit", url.Values{"name": {"Gulf Cooperation Council"}, "members": {"Saudi Arabia, Qatar"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		_, body := public.get(t, "/regions/GULF")
		if n := docOf(t, body).Find(`[data-testid=member]`).Length(); n != 2 || !strings.Contains(body, "Gulf Cooperation Council") {
			t.Errorf("after the edit GULF has %d members", n)
		}
		if resp, _ := c.get(t, "/regions/NEA/edit"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("editing a built-in bureau: %d, want 403", resp.StatusCode)
		}
		if resp, _ := c.post(t, "/regions/NEA/delete", nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("deleting a built-in bureau: %d, want 403", resp.StatusCode)
		}
		if resp, _ := c.post(t, "/regions/GULF/delete", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete GULF: %d", resp.StatusCode)
		}
		if resp, _ := public.get(t, "/?region=GULF"); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("a deleted region still filters: %d", resp.StatusCode)
		}
		if _, body := c.get(t, "/curate"); docOf(t, body).Find(`[data-testid=deleted-region]`).Length() != 1 {
			t.Error("the deleted region is not offered for restoring")
		}
		c.post(t, "/regions/GULF/restore", nil)
		if resp, _ := public.get(t, "/?region=GULF"); resp.StatusCode != http.StatusOK {
			t.Errorf("a restored region: %d", resp.StatusCode)
		}
	})
	checkRefused(t, ts, c, "/curate/regions", []formCase{
		{"ErrRegionUnknownCountry", url.Values{"code": {"X1"}, "name": {"x"}, "members": {"Qatar, Atlantis"}}, "members", "Unknown countries: Atlantis"},
		{"ErrRegionTaken", url.Values{"code": {"NEA"}, "name": {"x"}, "members": {"Qatar"}}, "code", "already exists"},
		{"ErrRegionCode", url.Values{"code": {"1x"}, "name": {"x"}, "members": {"Qatar"}}, "code", "capital letters"},
	})
}
