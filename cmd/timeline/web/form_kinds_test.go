package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
)

func TestEventForm(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	t.Run("OKDraftThenPublished", func(t *testing.T) {
		resp, body := c.post(t, "/curate/events", url.Values{"title": {"Ceasefire in Lebanon"}, "kind": {"agreement"}, "date": {"2024-11-27"}, "precision": {"day"}, "country": {"Lebanon"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		path := resp.Header.Get("Location")
		if r, _ := public.get(t, path); r.StatusCode != http.StatusNotFound {
			t.Errorf("the public sees a draft event: %d", r.StatusCode)
		}
		_, body = c.get(t, path)
		if docOf(t, body).Find(`[data-testid=event-status]`).Text() != "Draft" {
			t.Error("the curator does not see the draft")
		}
		if r, _ := c.post(t, path+"/publish", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", r.StatusCode)
		}
		if _, csv := public.get(t, "/timeline.csv?kind=event"); !strings.Contains(csv, "Ceasefire in Lebanon") || !strings.Contains(csv, ",LB,") {
			t.Errorf("the published event is not in the CSV:\n%s", csv)
		}
	})
	t.Run("MonthPrecision", func(t *testing.T) {
		resp, _ := c.post(t, "/curate/events", url.Values{"title": {"Talks resume"}, "kind": {"other"}, "date": {"2024-12-14"}, "precision": {"month"}})
		_, body := c.get(t, resp.Header.Get("Location"))
		if got := docOf(t, body).Find(".lede time").Text(); got != "December 2024" {
			t.Errorf("a month-precise event reads %q", got)
		}
	})
	checkRefused(t, ts, c, "/curate/events", []formCase{
		{"ErrNoTitle", url.Values{"date": {"2024-01-01"}}, "title", "needs a title"},
		{"ErrBadDate", url.Values{"title": {"x"}, "date": {"2024-02-30"}}, "date", "Not a date"},
		{"ErrNoDate", url.Values{"title": {"x"}}, "date", "Enter a date"},
		{"ErrUnknownCountry", url.Values{"title": {"x"}, "date": {"2024-01-01"}, "country": {"Atlantis"}}, "country", "Unknown country"},
		{"ErrEndBeforeStart", url.Values{"title": {"x"}, "date": {"2024-01-05"}, "end": {"2024-01-01"}}, "end", "cannot end before"},
	})
}

func TestGoalClaimCounterForms(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	t.Run("Goal", func(t *testing.T) {
		resp, _ := c.post(t, tour+"/goals", url.Values{"text": {"Plan for the day after the war"}, "stated_by": {"blinken-antony-j"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		_, body := c.get(t, tour)
		if !containsText(texts(docOf(t, body).Find(`[data-testid=goal] h3`)), "Plan for the day after the war") {
			t.Error("the goal is not on the trip page")
		}
	})
	checkRefused(t, ts, c, tour+"/goals", []formCase{{"ErrGoalNoText", url.Values{}, "text", "needs its words"}})

	var counter string
	t.Run("Counter", func(t *testing.T) {
		resp, body := c.post(t, "/curate/counters", url.Values{"person": {"blinken-antony-j"}, "country": {"Qatar"}, "since": {"2023-10-07"}, "unit": {"trips"}, "rule": {"stored"}, "label": {"trip that included Qatar"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		counter = resp.Header.Get("Location")
		_, body = c.get(t, counter)
		if n := docOf(t, body).Find(`[data-testid=numbered]`).Length(); n != 6 {
			t.Errorf("the Qatar counter numbers %d trips, want 6", n)
		}
	})
	checkRefused(t, ts, c, "/curate/counters", []formCase{
		{"ErrCounterNoSince", url.Values{"person": {"blinken-antony-j"}, "unit": {"trips"}, "rule": {"stored"}}, "since", "Enter a date"},
		{"ErrCounterGap", url.Values{"person": {"blinken-antony-j"}, "since": {"2023-10-07"}, "unit": {"trips"}, "rule": {"gap"}, "gap_days": {"99"}}, "gap_days", "between 0 and 60"},
	})

	t.Run("ClaimCheckedAtOnce", func(t *testing.T) {
		id := strings.TrimPrefix(counter, "/counters/")
		// The tour is the 6th trip that included Qatar: a claim of 7th is
		// contradicted, with both numbers.
		resp, body := c.post(t, tour+"/claims", url.Values{"counter": {id}, "stated": {"7"}, "text": {"seventh visit to Qatar"},
			"url": {"https://example.org/qatar-visits"}, "title": {"Qatar visits"}, "passage": {"his seventh visit to Qatar"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		_, body = c.get(t, tour)
		var verdicts []string
		docOf(t, body).Find(`[data-testid=claim]`).Each(func(_ int, s *goquery.Selection) {
			verdicts = append(verdicts, s.Find(".claim-text").Text()+" "+s.Find(`[data-testid=verdict]`).Text()+" "+s.Find(`[data-testid=computed]`).Text())
		})
		if !containsText(verdicts, "“seventh visit to Qatar”") || !containsText(verdicts, "Draft: visible to curators only contradicted 6th") {
			t.Errorf("claims = %q, want the new claim as a draft, contradicted with 6th", verdicts)
		}
		// The public sees neither the draft claim nor the draft counter.
		if _, body := ts.client(t).get(t, tour); strings.Contains(body, "seventh visit to Qatar") || strings.Contains(body, "trip that included Qatar") {
			t.Error("the public sees a draft claim or counter")
		}
	})
	checkRefused(t, ts, c, tour+"/claims", []formCase{
		{"ErrClaimNoNumber", url.Values{"counter": {"1"}, "stated": {"many"}, "text": {"x"}}, "stated", "whole number"},
		{"ErrClaimOtherTraveller", url.Values{"counter": {"999"}, "stated": {"3"}, "text": {"x"}}, "counter", "no such counter"},
		{"ErrClaimBadURL", url.Values{"counter": {"1"}, "stated": {"3"}, "text": {"x"}, "url": {"javascript:alert(1)"}}, "url", "http:// or https://"},
	})
}

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
		resp, _ = c.post(t, "/people/ayman-safadi/delete", confirmed)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: %d", resp.StatusCode)
		}
		if r, _ := public.get(t, "/people/ayman-safadi"); r.StatusCode != http.StatusNotFound {
			t.Errorf("a deleted person is public: %d", r.StatusCode)
		}
		_, body := c.get(t, resp.Header.Get("Location"))
		action, _ := docOf(t, body).Find(`[data-testid=undo]`).Parent().Attr("action")
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
		if resp, _ := c.post(t, "/regions/NEA/delete", confirmed); resp.StatusCode != http.StatusForbidden {
			t.Errorf("deleting a built-in bureau: %d, want 403", resp.StatusCode)
		}
		if resp, _ := c.post(t, "/regions/GULF/delete", confirmed); resp.StatusCode != http.StatusSeeOther {
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

// Each edit form comes filled with the record, saves a change that the
// public sees, and records it field by field in the record's history.
func TestEditForms(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	for _, tc := range []struct {
		kind, path, field, old, new, page string
		// oldStays says why the page may still show the old words.
		oldStays string
	}{
		{"event", "/events/2", "title", "Killing of Hamas leader Yahya Sinwar", "Killing of Yahya Sinwar in Rafah", "/events/2", ""},
		{"meeting", "/meetings/5", "title", "Meetings with Caretaker Prime Minister Najib Mikati, Foreign Minister Abdullah bin Zayed Al Nahyan and Deputy Prime Minister Ayman Safadi", "Talks in London", tour, ""},
		{"goal", "/goals/1", "outcome", "No ceasefire breakthrough during the trip; the talks were to be revived.", "No ceasefire; talks resumed in Doha.", tour, ""},
		{"counter", "/counters/1", "label", "trip to the region", "trip to the Middle East", "/counters/1", "the claims it checks quote the old words"},
		{"quote", "/quotes/1", "text", "It is time to turn these successes into a sustainable strategic success.", "It is time to turn these successes into a lasting strategic success.", tour, ""},
		{"claim", "/claims/1", "text", "11th trip to the region since October 7, 2023", "eleventh trip to the region since October 7, 2023", tour, ""},
		{"source", "/sources/1", "publisher", "Office of the Historian, U.S. Department of State", "Office of the Historian", "/sources/1", ""},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			_, body := c.get(t, tc.path+"/edit")
			d := docOf(t, body)
			form := url.Values{}
			d.Find("form.stacked-form input, form.stacked-form textarea, form.stacked-form select").Each(func(_ int, s *goquery.Selection) {
				name, _ := s.Attr("name")
				switch goquery.NodeName(s) {
				case "textarea":
					form.Set(name, s.Text())
				case "select":
					v, _ := s.Find("option[selected]").Attr("value")
					form.Set(name, v)
				default:
					v, _ := s.Attr("value")
					form.Set(name, v)
				}
			})
			if form.Get(tc.field) != tc.old {
				t.Fatalf("the form's %s is %q, want the record's %q", tc.field, form.Get(tc.field), tc.old)
			}
			form.Set(tc.field, tc.new)
			form.Set("reason", "checked against the source")
			resp, body := c.post(t, tc.path+"/edit", form)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
			}
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.new) || (tc.oldStays == "" && strings.Contains(body, tc.old)) {
				t.Errorf("%s does not show the change", tc.page)
			}
			_, body = c.get(t, "/history/"+tc.kind+"/"+strings.TrimPrefix(tc.path, "/"+tc.kind+"s/"))
			h := docOf(t, body)
			latest := h.Find(`[data-testid=revision]`).First()
			var changed []string
			latest.Find(`[data-testid=field-change]`).Each(func(_ int, s *goquery.Selection) {
				changed = append(changed, s.Find("th").Text()+": "+s.Find("td.before").Text()+" → "+s.Find("td.after").Text())
			})
			if !containsText(changed, tc.field+": "+tc.old+" → "+tc.new) || !strings.Contains(latest.Text(), "checked against the source") {
				t.Errorf("history shows %q", changed)
			}
			// Put back the version before the edit.
			action, ok := h.Find(`[data-testid=revision]`).Eq(1).Find(`[data-testid=restore-version]`).Parent().Attr("action")
			if !ok {
				t.Fatal("the earlier version offers no restore")
			}
			if resp, _ := c.post(t, action, nil); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("restore version: %d", resp.StatusCode)
			}
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.old) {
				t.Errorf("after restoring, %s does not show %q again", tc.page, tc.old)
			}
		})
	}
	checkRefused(t, ts, c, "/events/2/edit", []formCase{{"ErrEventNoTitle", url.Values{"kind": {"killing"}, "date": {"2024-10-16"}, "precision": {"day"}}, "title", "needs a title"}})
	checkRefused(t, ts, c, "/claims/2/edit", []formCase{{"ErrClaimStated", url.Values{"counter": {"1"}, "stated": {"0"}, "text": {"x"}}, "stated", "whole number"}})
	checkRefused(t, ts, c, "/sources/1/edit", []formCase{
		{"ErrSourceURLTaken", url.Values{"url": {"https://turkiyetoday.com/?p=68911"}, "title": {"x"}}, "url", "Another source already has this address"},
		{"ErrSourceBadURL", url.Values{"url": {"javascript:alert(1)"}, "title": {"x"}}, "url", "http:// or https://"},
	})
}
