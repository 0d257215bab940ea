package web

import (
	"bytes"
	"context"
	"fmt"
	"github.com/diplomatic-travel/tracker/store"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

const tourTitle = "Middle East tour after the killing of Yahya Sinwar, October 2024"

func TestPages(t *testing.T) {
	ts := newTestServer(t)
	tour := ts.tourID(t)

	t.Run("Timeline", func(t *testing.T) {
		doc := ts.doc(t, "/", http.StatusOK)
		entries := doc.Find(`li[data-testid=entry]`)
		if entries.Length() != 20 {
			t.Errorf("%d entries, want all 20 of the demo", entries.Length())
		}
		first := entries.First()
		if got := strings.TrimSpace(first.Find("h4").Text()); got != "United States presidential election" {
			t.Errorf("newest entry is %q, want the election of 5 November 2024", got)
		}
		var tourEntry *goquery.Selection
		entries.Each(func(_ int, s *goquery.Selection) {
			if strings.TrimSpace(s.Find("h4").Text()) == tourTitle {
				tourEntry = s
			}
		})
		if tourEntry == nil {
			t.Fatal("the October 2024 tour is not on the timeline")
		}
		if href, _ := tourEntry.Find("h4 a").Attr("href"); href != fmt.Sprintf("/trips/%d", tour) {
			t.Errorf("tour links to %q", href)
		}
		if !containsText(texts(tourEntry.Find(`[data-testid=ordinal]`)), "11th trip to the region since 7 October 2023 (gap 1 day) — claim confirmed") {
			t.Errorf("tour ordinals = %v", texts(tourEntry.Find(`[data-testid=ordinal]`)))
		}
		if got := texts(tourEntry.Find("a.country")); strings.Join(got, ",") != "Israel,Saudi Arabia,Qatar,United Kingdom" {
			t.Errorf("tour countries = %v", got)
		}
		if tourEntry.Find(`[data-testid=entry-source]`).Length() == 0 {
			t.Error("the tour entry lists no sources")
		}
		if got := texts(doc.Find("h2.year")); strings.Join(got, ",") != "2024,2023" {
			t.Errorf("year headings = %v", got)
		}
		if href, _ := doc.Find(`a[data-testid=csv-link]`).Attr("href"); href != "/timeline.csv" {
			t.Errorf("CSV link = %q", href)
		}
	})

	t.Run("TimelineFilteredLinksItsCSV", func(t *testing.T) {
		doc := ts.doc(t, "/?region=nea&from=2024-01-01&order=asc", http.StatusOK)
		if href, _ := doc.Find(`a[data-testid=csv-link]`).Attr("href"); href != "/timeline.csv?from=2024-01-01&order=asc&region=NEA" {
			t.Errorf("CSV link = %q", href)
		}
		if v, _ := doc.Find(`select#f-region option[selected]`).Attr("value"); v != "NEA" {
			t.Errorf("region select shows %q", v)
		}
		dates := doc.Find(`li[data-testid=entry] time`).Map(func(_ int, s *goquery.Selection) string { v, _ := s.Attr("datetime"); return v })
		for i := 1; i < len(dates); i++ {
			if dates[i] < dates[i-1] {
				t.Errorf("oldest first, but %s follows %s", dates[i], dates[i-1])
			}
		}
		if len(dates) == 0 || dates[0] < "2024-01-01" {
			t.Errorf("dates = %v", dates)
		}
	})

	t.Run("TimelineEmpty", func(t *testing.T) {
		doc := ts.doc(t, "/?from=1990-01-01&to=1990-12-31", http.StatusOK)
		if doc.Find(`[data-testid=empty]`).Length() != 1 || doc.Find(`li[data-testid=entry]`).Length() != 0 {
			t.Error("an empty view does not say so")
		}
	})

	t.Run("TimelinePages", func(t *testing.T) {
		doc := ts.doc(t, "/?limit=5", http.StatusOK)
		if n := doc.Find(`li[data-testid=entry]`).Length(); n != 5 {
			t.Fatalf("%d entries, want 5", n)
		}
		next, ok := doc.Find(`a[rel=next]`).Attr("href")
		if !ok || doc.Find(`a[rel=prev]`).Length() != 0 {
			t.Fatal("first page must have next and no previous link")
		}
		doc2 := ts.doc(t, next, http.StatusOK)
		if doc2.Find(`a[rel=prev]`).Length() != 1 {
			t.Error("second page has no previous link")
		}
		if doc2.Find(`li[data-testid=entry] h4`).First().Text() == doc.Find(`li[data-testid=entry] h4`).First().Text() {
			t.Error("next page repeats the first")
		}
	})

	t.Run("Trip", func(t *testing.T) {
		doc := ts.doc(t, fmt.Sprintf("/trips/%d", tour), http.StatusOK)
		if got := strings.TrimSpace(doc.Find("h1").Text()); got != tourTitle {
			t.Errorf("h1 = %q", got)
		}
		stops := texts(doc.Find(`[data-testid=stop] h3`))
		want := []string{"Israel Tel Aviv, Jerusalem", "Saudi Arabia Riyadh", "Qatar Doha", "United Kingdom London"}
		if strings.Join(stops, "|") != strings.Join(want, "|") {
			t.Errorf("stops = %q, want %q", stops, want)
		}
		counts := texts(doc.Find(`[data-testid=count]`))
		if !containsText(counts, "11th trip to the region since 7 October 2023 (trip count; gap 1 day") {
			t.Errorf("counts = %q", counts)
		}
		// Stops and trips are counted apart, each labelled.
		if !containsText(counts, "10th trip that included Israel since 7 October 2023 (trip count") ||
			!containsText(counts, "11th stop in Israel since 7 October 2023 (stop count") {
			t.Errorf("stop and trip counts of Israel = %q", counts)
		}
		claim := doc.Find(`[data-testid=claim]`)
		if claim.Length() != 1 {
			t.Fatalf("%d claims", claim.Length())
		}
		if v := claim.Find(`[data-testid=verdict]`).Text(); v != "confirmed" {
			t.Errorf("verdict = %q", v)
		}
		if s, c := claim.Find(`[data-testid=stated]`).Text(), claim.Find(`[data-testid=computed]`).Text(); s != "11th" || c != "11th" {
			t.Errorf("stated %q computed %q", s, c)
		}
		if claim.Find(`[data-testid=citation]`).Length() != 2 {
			t.Errorf("claim has %d sources, want 2", claim.Find(`[data-testid=citation]`).Length())
		}
		meetings := doc.Find(`[data-testid=meeting]`)
		if meetings.Length() != 5 {
			t.Errorf("%d meetings, want 5", meetings.Length())
		}
		participants := texts(doc.Find(`[data-testid=participant]`))
		for _, want := range []string{"Sheikh Tamim bin Hamad Al Thani Emir, Qatar", "Sheikh Mohammed bin Abdulrahman Al Thani Prime Minister and Minister of Foreign Affairs, Qatar", "Antony J. Blinken Secretary of State, United States"} {
			if !containsText(participants, want) {
				t.Errorf("no participant %q in %q", want, participants)
			}
		}
		goals := texts(doc.Find(`[data-testid=goal] h3`))
		if strings.Join(goals, "|") != "Revive the Gaza ceasefire negotiations|Secure the release of the hostages held in Gaza" {
			t.Errorf("goals = %q", goals)
		}
		quote := doc.Find(`[data-testid=quote]`)
		if !strings.Contains(quote.Text(), "It is time to turn these successes into a sustainable strategic success") {
			t.Errorf("quote = %q", quote.Text())
		}
		// The quote has no source in the demo, and says so.
		if quote.Find(`[data-testid=unsourced]`).Length() != 1 {
			t.Error("the unsourced quote is not marked as such")
		}
		context := texts(doc.Find(`[data-testid=context-event]`))
		if !containsText(context, "Killing of Hamas leader Yahya Sinwar") || !containsText(context, "United States presidential election") {
			t.Errorf("context = %q", context)
		}
		// Every stop cites the Office of the Historian.
		doc.Find(`[data-testid=stop]`).Each(func(i int, s *goquery.Selection) {
			if s.Find(`[data-testid=citation]`).Length() == 0 {
				t.Errorf("stop %d has no source", i+1)
			}
		})
	})

	t.Run("Person", func(t *testing.T) {
		doc := ts.doc(t, "/people/blinken-antony-j", http.StatusOK)
		if n := doc.Find(`[data-testid=trip-row]`).Length(); n != 11 {
			t.Errorf("%d trips, want 11", n)
		}
		if !containsText(texts(doc.Find(`[data-testid=office]`)), "Secretary of State, United States") {
			t.Error("office missing")
		}
		if n := doc.Find(`[data-testid=person-meeting]`).Length(); n != 5 {
			t.Errorf("%d meetings, want 5", n)
		}
	})

	t.Run("Country", func(t *testing.T) {
		doc := ts.doc(t, "/countries/QA", http.StatusOK)
		if n := doc.Find(`[data-testid=visit]`).Length(); n != 6 {
			t.Errorf("%d visits to Qatar, want 6", n)
		}
		if !strings.Contains(doc.Find("h1").Text(), "Qatar") {
			t.Error("h1")
		}
	})

	t.Run("Regions", func(t *testing.T) {
		doc := ts.doc(t, "/regions", http.StatusOK)
		if n := doc.Find(`[data-testid=region]`).Length(); n != 6 {
			t.Errorf("%d regions, want the six bureaus", n)
		}
		doc = ts.doc(t, "/regions/NEA", http.StatusOK)
		members := texts(doc.Find(`[data-testid=member]`))
		for _, want := range []string{"Israel", "Qatar", "Palestinian Territories"} {
			if !containsText(members, want) {
				t.Errorf("NEA has no %s: %v", want, members)
			}
		}
		if containsText(members, "Türkiye") {
			t.Error("Türkiye is in the Bureau of European and Eurasian Affairs, not NEA")
		}
	})

	t.Run("EventSourceCounter", func(t *testing.T) {
		doc := ts.doc(t, fmt.Sprintf("/trips/%d", tour), http.StatusOK)
		ev, _ := doc.Find(`[data-testid=context-event] a`).First().Attr("href")
		edoc := ts.doc(t, ev, http.StatusOK)
		if edoc.Find(`[data-testid=citation]`).Length() == 0 {
			t.Errorf("event %s shows no source", ev)
		}
		src, _ := doc.Find(`[data-testid=claim] [data-testid=citation] a`).First().Attr("href")
		sdoc := ts.doc(t, src, http.StatusOK)
		if sdoc.Find(`[data-testid=supported]`).Length() == 0 {
			t.Errorf("source %s supports nothing", src)
		}
		ctr, _ := doc.Find(`[data-testid=claim] .claim-check a`).First().Attr("href")
		cdoc := ts.doc(t, ctr, http.StatusOK)
		if n := cdoc.Find(`[data-testid=numbered]`).Length(); n != 11 {
			t.Errorf("counter numbers %d trips, want 11", n)
		}
		if !strings.Contains(cdoc.Find(`[data-testid=counter-rule]`).Text(), "gaps of at most 1 day") {
			t.Errorf("rule = %q", cdoc.Find(`[data-testid=counter-rule]`).Text())
		}
	})

	t.Run("Permalinks", func(t *testing.T) {
		// Every fact has a permalink that leads to its place on its trip.
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		for _, path := range []string{"/stops/1", "/goals/1", "/quotes/1", "/claims/1", "/meetings/1"} {
			resp, err := client.Get(ts.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			loc := resp.Header.Get("Location")
			if resp.StatusCode != http.StatusFound || !strings.HasPrefix(loc, "/trips/") || !strings.Contains(loc, "#") {
				t.Errorf("%s: %d to %q, want a redirect to a place on a trip page", path, resp.StatusCode, loc)
			}
			ts.doc(t, path, http.StatusOK)
		}
	})

	t.Run("About", func(t *testing.T) {
		ts.doc(t, "/about", http.StatusOK)
	})
}

func TestNotFound(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{
		"/trips/999999", "/trips/abc", "/trips/0", "/trips/-1", "/people/nobody", "/countries/ZZ", "/regions/GULF",
		"/events/999", "/sources/999", "/counters/999", "/meetings/999", "/stops/999", "/goals/abc", "/quotes/999", "/claims/999", "/nope", "/static/nope.css", "/static/",
	} {
		t.Run(path, func(t *testing.T) {
			resp, body := ts.get(t, path)
			if resp.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d, want 404", resp.StatusCode)
			}
			if strings.HasPrefix(path, "/static/") {
				return
			}
			doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(body))
			if doc.Find(`[data-testid=error-message]`).Text() == "" || doc.Find(`a[href="/"]`).Length() == 0 {
				t.Errorf("the 404 page does not help: %s", clipBody(body))
			}
		})
	}
}

func TestBadParameters(t *testing.T) {
	ts := newTestServer(t)
	for _, tc := range []struct{ query, param string }{
		{"from=2024-13-45", "from"},
		{"to=2024-02-30", "to"},
		{"region=GULF", "region"},
		{"region=%3Cscript%3E", "region"},
		{"country=ZZ", "country"},
		{"kind=speech", "kind"},
		{"person=nobody-at-all", "person"},
		{"order=sideways", "order"},
		{"after=garbage", "after"},
		{"limit=-3", "limit"},
	} {
		for _, path := range []string{"/", "/timeline.csv"} {
			t.Run(path+"?"+tc.query, func(t *testing.T) {
				resp, body := ts.get(t, path+"?"+tc.query)
				if resp.StatusCode != http.StatusBadRequest {
					t.Fatalf("status %d, want 400", resp.StatusCode)
				}
				if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
					t.Errorf("Content-Type %q: the error must be a page, not a CSV", resp.Header.Get("Content-Type"))
				}
				doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(body))
				msg := doc.Find(`[data-testid=error-message]`).Text()
				if !strings.Contains(msg, tc.param) {
					t.Errorf("message %q does not name the parameter %s", msg, tc.param)
				}
			})
		}
	}
}

// Every response carries the security headers: pages, error pages, the CSV
// and static files.
func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t)
	// Every GET route of the table (pages, exports, static files, the
	// health check), an error page of each kind.
	paths := []string{"/nope", "/?from=bad", "/trips/99999", "/static/site.css", "/static/world.json", "/static/cite.js"}
	for _, rt := range ts.app.routeTable() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if method != http.MethodGet || strings.HasSuffix(path, "/") && path != "/{$}" {
			continue
		}
		r := strings.NewReplacer("{id}", "1", "{slug}", "blinken-antony-j", "{name}", "admin", "{code}", "NEA", "{rev}", "1", "{kind}", "trip", "{$}", "")
		paths = append(paths, r.Replace(path))
	}
	if len(paths) < 30 {
		t.Fatalf("only %d paths", len(paths))
	}
	for _, path := range paths {
		resp, _ := ts.get(t, path)
		h := resp.Header
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, h.Get("Content-Security-Policy"))
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "strict-origin-when-cross-origin" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t)
	resp, body := ts.get(t, "/healthz")
	if resp.StatusCode != 200 || string(body) != "ok\n" {
		t.Errorf("healthz = %d %q", resp.StatusCode, body)
	}
	ts.store.Close()
	resp, _ = ts.get(t, "/healthz")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz with the database closed = %d, want 503", resp.StatusCode)
	}
}

// writeRoutes lists the POST routes of the table, with ids filled in.
func writeRoutes(a *Server) []string {
	var out []string
	for _, rt := range a.routeTable() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if method != http.MethodPost {
			continue
		}
		path = strings.NewReplacer("{id}", "1", "{rev}", "1").Replace(path)
		out = append(out, path)
	}
	return out
}

func TestWriteProtection(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	routes := writeRoutes(ts.app)
	if len(routes) < 8 {
		t.Fatalf("only %d write routes found: %v", len(routes), routes)
	}
	revisions := func() int {
		n, err := ts.store.Debug().RevisionCount(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	t.Run("CrossOriginRefused", func(t *testing.T) {
		c := ts.login(t, "ada")
		before := revisions()
		for _, path := range routes {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader("name=ada&password="+url.QueryEscape(testPassword)))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			req.Header.Set("Origin", "http://evil.example")
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "came from another site") {
				t.Errorf("cross-site POST %s: %d, want a 403 page that says why", path, resp.StatusCode)
			}
		}
		if revisions() != before {
			t.Error("a cross-site request wrote something")
		}
	})

	t.Run("LoggedOutRefused", func(t *testing.T) {
		c := ts.client(t)
		before := revisions()
		for _, path := range routes {
			if path == "/login" || path == "/logout" {
				continue
			}
			resp, _ := c.post(t, path, url.Values{"person": {"blinken-antony-j"}, "stop_country": {"QA"}, "stop_start": {"2025-01-01"}})
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("logged-out POST %s: %d, want 401", path, resp.StatusCode)
			}
		}
		if revisions() != before {
			t.Error("a logged-out request wrote something")
		}
		if resp, _ := c.get(t, "/curate/trips/new"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
			t.Errorf("logged-out form: %d to %q, want the login form", resp.StatusCode, resp.Header.Get("Location"))
		}
	})

	t.Run("NoGETChangesData", func(t *testing.T) {
		c := ts.login(t, "ada")
		before := revisions()
		for _, rt := range ts.app.routeTable() {
			method, path, _ := strings.Cut(rt.pattern, " ")
			if method != http.MethodGet {
				continue
			}
			c.get(t, strings.NewReplacer("{id}", "1", "{slug}", "blinken-antony-j", "{code}", "QA", "{$}", "").Replace(path))
		}
		if revisions() != before {
			t.Error("a GET wrote a revision")
		}
	})
}
