package web

import (
	"github.com/diplomatic-travel/tracker/timeline"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/diplomatic-travel/tracker/store"
)

// The session in a real browser: its cookie is HttpOnly and SameSite=Lax,
// a login gives a new id, a cookie replayed after logout is refused, a
// session ends after its idle and absolute limits, and failed logins are
// throttled with the same answer for an unknown account as for a wrong
// password.
func TestBrowserSession(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, curatorBrowserUser, store.RoleCurator)
	var mu sync.Mutex
	clock := time.Now()
	ts.app.sessions.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	advance := func(d time.Duration) { mu.Lock(); clock = clock.Add(d); mu.Unlock() }
	ctx := browserStart(t, chromium)

	cookie := func() *network.Cookie {
		t.Helper()
		res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{ts.URL}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Cookies {
			if c.Name == sessionCookie {
				return c
			}
		}
		return nil
	}
	at := func(path string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		return browserLocation(t, ctx)
	}
	logout := func() {
		t.Helper()
		browserClick(t, ctx, `button[data-testid=logout]`, "Log out")
	}

	curatorBrowserLogin(t, ctx, ts.URL)
	first := cookie()
	if first == nil || !first.HTTPOnly || first.SameSite != network.CookieSameSiteLax || first.Path != "/" || first.Secure {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax, Path=/ (Secure only behind a TLS proxy)", first)
	}
	logout()
	curatorBrowserLogin(t, ctx, ts.URL)
	second := cookie()
	if second == nil || second.Value == first.Value {
		t.Error("a login did not give a new session id")
	}
	// Replay: the cookie of a session that logged out.
	logout()
	if _, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: sessionCookie, Value: second.Value, URL: ts.URL, SameSite: network.CookieSameSiteLax}); err != nil {
		t.Fatal(err)
	}
	if loc := at("/curate"); loc != ts.URL+"/login?next=%2Fcurate" {
		t.Errorf("a replayed cookie after logout reaches %s, want the login form", loc)
	}

	// Idle and absolute limits.
	curatorBrowserLogin(t, ctx, ts.URL)
	advance(sessionIdle + time.Minute)
	if loc := at("/curate"); loc != ts.URL+"/login?next=%2Fcurate" {
		t.Errorf("after %s idle the browser reaches %s", sessionIdle, loc)
	}
	curatorBrowserLogin(t, ctx, ts.URL)
	for elapsed := time.Hour; elapsed <= sessionAbsolute+time.Hour; elapsed += time.Hour {
		advance(time.Hour)
		loc := at("/curate")
		if elapsed < sessionAbsolute && loc != ts.URL+"/curate" {
			t.Fatalf("after %s of activity the browser is at %s", elapsed, loc)
		}
		if elapsed > sessionAbsolute && loc != ts.URL+"/login?next=%2Fcurate" {
			t.Errorf("after %s in all the browser is at %s", elapsed, loc)
		}
	}

	// Failed logins: the same answer for a wrong password and an unknown
	// account, and after five for the account, no more tries.
	try := func(name, password string) string {
		t.Helper()
		at("/login")
		browserType(t, ctx, `#login-name`, name)
		browserType(t, ctx, `#login-password`, password)
		browserClick(t, ctx, `form[action="/login"] button[type=submit]`, "Log in")
		if n := browserCount(t, ctx, `[data-testid=login-error]`); n == 0 {
			t.Fatalf("logging in as %s: no error shown; the page at %s says %q", name, browserLocation(t, ctx), timeline.Clip(browserText(t, ctx, "main")))
		}
		return browserText(t, ctx, `[data-testid=login-error]`)
	}
	wrong := try(curatorBrowserUser, "not the password at all")
	unknown := try("nobody-at-all", "not the password at all")
	if wrong == "" || wrong != unknown {
		t.Errorf("wrong password says %q, unknown account %q: they must be the same", wrong, unknown)
	}
	for range perPairLimit - 1 { // five failures for the account in all
		try(curatorBrowserUser, "not the password at all")
	}
	if got := try(curatorBrowserUser, testPassword); got == "" || got == wrong {
		t.Errorf("after five failures the right password gives %q, want the throttle's message", got)
	}
	if c := cookie(); c != nil {
		if loc := at("/curate"); loc == ts.URL+"/curate" {
			t.Error("a throttled login was let in")
		}
	}
}
