package web

import (
	"context"
	"github.com/diplomatic-travel/tracker/store"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

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
