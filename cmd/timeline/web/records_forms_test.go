package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
)

// formCase is one refused submission: the message expected beside field.
type formCase struct {
	name  string
	form  url.Values
	field string
	want  string
}

// checkRefused posts each case and checks the 422 page, its message beside
// the field, and that nothing was written.
func checkRefused(t *testing.T, ts *testServer, c *curatorClient, path string, cases []formCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := ts.store.Debug().RevisionCount(context.Background())
			resp, body := c.post(t, path, tc.form)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			d := docOf(t, body)
			msg := d.Find("#f-" + tc.field).Parent().Find(`[data-testid=field-error]`).Text()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("message beside %s = %q, want %q", tc.field, msg, tc.want)
			}
			for k, v := range tc.form {
				if got, ok := d.Find("#f-" + k).Attr("value"); ok && got != v[0] {
					t.Errorf("field %s kept as %q, want %q", k, got, v[0])
				}
			}
			if after, _ := ts.store.Debug().RevisionCount(context.Background()); after != before {
				t.Error("a refused form wrote something")
			}
		})
	}
}

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
