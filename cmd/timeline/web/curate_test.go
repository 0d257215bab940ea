package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

const testPassword = "correct horse battery"

// curatorClient is a browser-like client with its own cookie jar that does
// not follow redirects, so each answer can be checked.
type curatorClient struct {
	*http.Client
	ts *testServer
}

func (ts *testServer) client(t *testing.T) *curatorClient {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &curatorClient{Client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, ts: ts}
}

func (ts *testServer) addUser(t *testing.T, name, role string) {
	t.Helper()
	if _, err := ts.store.CreateUser(context.Background(), store.Actor{Name: "test"}, name, role, testPassword); err != nil {
		t.Fatal(err)
	}
}

// post sends a form and returns the response with its body.
func (c *curatorClient) post(t *testing.T, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	resp, err := c.PostForm(c.ts.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (c *curatorClient) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(c.ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (ts *testServer) login(t *testing.T, name string) *curatorClient {
	t.Helper()
	c := ts.client(t)
	resp, body := c.post(t, "/login", url.Values{"name": {name}, "password": {testPassword}, "next": {"/curate"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/curate" {
		t.Fatalf("login: %d to %q\n%s", resp.StatusCode, resp.Header.Get("Location"), clipBody([]byte(body)))
	}
	return c
}

func sessionCookieOf(t *testing.T, resp *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	t.Fatal("no session cookie was set")
	return nil
}

func docOf(t *testing.T, body string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLogin(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)

	t.Run("OK", func(t *testing.T) {
		c := ts.client(t)
		resp, _ := c.post(t, "/login", url.Values{"name": {"ada"}, "password": {testPassword}, "next": {"/trips/1"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/trips/1" {
			t.Fatalf("got %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		ck := sessionCookieOf(t, resp)
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure {
			t.Errorf("cookie attributes: HttpOnly=%v SameSite=%v Path=%q Secure=%v (plain HTTP: not Secure)", ck.HttpOnly, ck.SameSite, ck.Path, ck.Secure)
		}
		if ck.MaxAge <= 0 || ck.MaxAge > int(sessionAbsolute.Seconds()) {
			t.Errorf("cookie MaxAge %d", ck.MaxAge)
		}
		if strings.Contains(ck.Value, "ada") {
			t.Error("the cookie carries the account name")
		}
		_, body := c.get(t, "/trips/1")
		d := docOf(t, body)
		if d.Find(`[data-testid=account]`).Text() != "ada" || d.Find(`[data-testid=flash]`).Length() != 1 {
			t.Errorf("after login the page shows account %q and %d flashes", d.Find(`[data-testid=account]`).Text(), d.Find(`[data-testid=flash]`).Length())
		}
		if resp, _ := c.get(t, "/curate"); resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("a curator page has Cache-Control %q, want no-store", resp.Header.Get("Cache-Control"))
		}
		if resp, _ := c.get(t, "/"); resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("a public page seen by a curator (it may show drafts) has Cache-Control %q, want no-store", resp.Header.Get("Cache-Control"))
		}
		// The flash is shown once.
		_, body = c.get(t, "/trips/1")
		if docOf(t, body).Find(`[data-testid=flash]`).Length() != 0 {
			t.Error("the flash was shown twice")
		}
	})

	t.Run("SameAnswerForWrongPasswordAndUnknownAccount", func(t *testing.T) {
		c := ts.client(t)
		r1, b1 := c.post(t, "/login", url.Values{"name": {"ada"}, "password": {"wrong password"}})
		r2, b2 := c.post(t, "/login", url.Values{"name": {"nobody"}, "password": {"wrong password"}})
		m1 := docOf(t, b1).Find(`[data-testid=login-error]`).Text()
		m2 := docOf(t, b2).Find(`[data-testid=login-error]`).Text()
		if r1.StatusCode != http.StatusUnauthorized || r2.StatusCode != http.StatusUnauthorized || m1 != m2 || m1 == "" {
			t.Errorf("wrong password: %d %q; unknown account: %d %q", r1.StatusCode, m1, r2.StatusCode, m2)
		}
		for _, ck := range append(r1.Cookies(), r2.Cookies()...) {
			if ck.Name == sessionCookie {
				t.Error("a failed login set a session cookie")
			}
		}
	})

	t.Run("NewSessionAtLoginAndNoReplayAfterLogout", func(t *testing.T) {
		c := ts.login(t, "ada")
		u, _ := url.Parse(ts.URL)
		first := c.Jar.Cookies(u)[0].Value
		// Logging in again from the same browser gives a new session, and
		// the old one no longer works.
		resp, _ := c.post(t, "/login", url.Values{"name": {"ada"}, "password": {testPassword}})
		second := sessionCookieOf(t, resp).Value
		if second == first {
			t.Fatal("the session id did not change at login")
		}
		replay := ts.client(t)
		replay.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: first}})
		if resp, _ := replay.get(t, "/curate"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("the session from before the second login still works: %d", resp.StatusCode)
		}
		// Logout removes the session; replaying its cookie is refused.
		resp, _ = c.post(t, "/logout", nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout: %d", resp.StatusCode)
		}
		if ck := sessionCookieOf(t, resp); ck.MaxAge >= 0 {
			t.Errorf("logout left the cookie alive: MaxAge %d", ck.MaxAge)
		}
		replay.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: second}})
		if resp, _ := replay.get(t, "/curate"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			t.Errorf("a cookie replayed after logout got %d to %q, want the login form", resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := replay.post(t, "/curate/trips", url.Values{}); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("a write with a replayed cookie got %d, want 401", resp.StatusCode)
		}
	})

	t.Run("PasswordChangeEndsSessions", func(t *testing.T) {
		c := ts.login(t, "ada")
		if err := ts.store.SetPassword(context.Background(), store.Actor{Name: "test"}, "ada", testPassword); err != nil {
			t.Fatal(err)
		}
		if resp, _ := c.get(t, "/curate"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("a session survived a password change: %d", resp.StatusCode)
		}
	})

	t.Run("Throttled", func(t *testing.T) {
		ts.addUser(t, "bob", store.RoleCurator)
		c := ts.client(t)
		for i := 0; i < perPairLimit; i++ {
			c.post(t, "/login", url.Values{"name": {"bob"}, "password": {"nope nope nope"}})
		}
		resp, body := c.post(t, "/login", url.Values{"name": {"bob"}, "password": {testPassword}})
		if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Too many failed logins") {
			t.Errorf("after %d failures the right password got %d", perPairLimit, resp.StatusCode)
		}
		// An unknown account is throttled the same way, so throttling says
		// nothing about which accounts exist.
		for i := 0; i < perPairLimit; i++ {
			c.post(t, "/login", url.Values{"name": {"ghost"}, "password": {"nope nope nope"}})
		}
		if resp, _ := c.post(t, "/login", url.Values{"name": {"ghost"}, "password": {"nope nope nope"}}); resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("unknown account after failures: %d, want 429", resp.StatusCode)
		}
	})

	t.Run("RedirectOnlyToLocalPaths", func(t *testing.T) {
		for _, next := range []string{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/%0d%0aLocation:x"} {
			c := ts.client(t)
			resp, _ := c.post(t, "/login", url.Values{"name": {"ada"}, "password": {testPassword}, "next": {next}})
			if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.Contains(loc, "evil") {
				t.Errorf("next=%q redirected to %q", next, loc)
			}
		}
	})
}

func FuzzSafeRedirect(f *testing.F) {
	for _, s := range []string{"/trips/1?x=1", "//evil", "/\\evil", "https://evil", "", "/a/../..//evil", "\t/x", "/%2F%2Fevil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := safeRedirect(s)
		u, err := url.Parse(got)
		if err != nil || !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.HasPrefix(got, "/\\") || u.Host != "" || u.Scheme != "" {
			t.Fatalf("safeRedirect(%q) = %q: not one local path", s, got)
		}
	})
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
		if resp, _ := c.post(t, path+"/delete", nil); resp.StatusCode != http.StatusSeeOther {
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
			if n := d.Find("script").Length(); n != 0 {
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

func TestSessionExpiry(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	clock := time.Now()
	ts.app.sessions.now = func() time.Time { return clock }
	advance := func(d time.Duration) { clock = clock.Add(d) }

	t.Run("Idle", func(t *testing.T) {
		c := ts.login(t, "ada")
		advance(sessionIdle - time.Minute)
		if resp, _ := c.get(t, "/curate"); resp.StatusCode != http.StatusOK {
			t.Fatalf("within the idle time: %d", resp.StatusCode)
		}
		advance(sessionIdle + time.Minute)
		if resp, _ := c.get(t, "/curate"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("after %s idle: %d, want the login form", sessionIdle, resp.StatusCode)
		}
	})
	t.Run("Absolute", func(t *testing.T) {
		c := ts.login(t, "ada")
		// Active all along, but past the absolute limit.
		for elapsed := time.Duration(0); elapsed < sessionAbsolute+time.Hour; elapsed += time.Hour {
			advance(time.Hour)
			resp, _ := c.get(t, "/curate")
			if elapsed+time.Hour < sessionAbsolute && resp.StatusCode != http.StatusOK {
				t.Fatalf("after %s of activity: %d", elapsed+time.Hour, resp.StatusCode)
			}
			if elapsed+time.Hour > sessionAbsolute && resp.StatusCode != http.StatusSeeOther {
				t.Errorf("after %s in all: %d, want the login form", elapsed+time.Hour, resp.StatusCode)
			}
		}
	})
}

func TestBodyLimit(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	before, _ := ts.store.Debug().RevisionCount(context.Background())
	big := url.Values{"title": {strings.Repeat("x", 2<<20)}, "person": {"blinken-antony-j"}}
	resp, body := c.post(t, "/curate/trips", big)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "nothing was saved") {
		t.Errorf("a 2 MiB form: %d, want 413 with a message", resp.StatusCode)
	}
	if after, _ := ts.store.Debug().RevisionCount(context.Background()); after != before {
		t.Error("an oversized form wrote something")
	}
}
