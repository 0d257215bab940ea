package web

import (
	"context"
	"fmt"
	"github.com/diplomatic-travel/tracker/timeline"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/diplomatic-travel/tracker/store"
)

// A page of another origin on loopback (same host, another port: the
// session cookie, SameSite=Lax, still goes with its requests) auto-submits
// a form to every write route while a curator is logged in: none is
// accepted, each answers 403, and the record is unchanged.
func TestBrowserCrossOriginForms(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, curatorBrowserUser, store.RoleAdmin) // an admin: every route is open to the session
	ctx := browserStart(t, chromium)
	curatorBrowserLogin(t, ctx, ts.URL)

	var targets []string
	for _, rt := range ts.app.routeTable() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if method != http.MethodPost {
			continue
		}
		r := strings.NewReplacer("{id}", "1", "{slug}", "blinken-antony-j", "{name}", curatorBrowserUser, "{code}", "NEA", "{rev}", "1", "{kind}", "trip", "{$}", "")
		targets = append(targets, r.Replace(path))
	}
	if len(targets) < 30 {
		t.Fatalf("only %d write routes", len(targets))
	}
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target := r.URL.Query().Get("to")
		fmt.Fprintf(w, `<!doctype html><form id=f method=post action="%s">
			<input name=title value=Forged><input name=name value=mallory><input name=password value=%s><input name=password2 value=%s>
			<input name=role value=admin><input name=date value=2020-01-01><input name=kind value=other><input name=precision value=day>
			<input name=token value=x><input name=url value="https://evil.example/x"></form>
			<script>document.getElementById('f').submit()</script>`, html.EscapeString(ts.URL+target), testPassword, testPassword)
	}))
	defer evil.Close()

	v0, _ := ts.store.DataVersion(context.Background())
	refused := 0
	for _, target := range targets {
		if target == "/logout" {
			continue // last: it would end the session the others need
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(evil.URL+"/?to="+target)); err != nil {
			t.Fatalf("open the attacker's page for %s: %v", target, err)
		}
		// The page submits its form as it loads: wait for the site's answer.
		var loc string
		for range 100 {
			if loc = browserLocation(t, ctx); strings.HasPrefix(loc, ts.URL) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if !strings.HasPrefix(loc, ts.URL) {
			t.Errorf("%s: the forged form did not reach the site (at %s)", target, loc)
			continue
		}
		// The location changes before the answer's document is loaded:
		// read its text once it is, as a reader would see it.
		var text string
		for range 100 {
			ready, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete" && document.body !== null`))
			if err == nil && ready {
				if text, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`)); err == nil && text != "" {
					break
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		if !strings.Contains(text, "came from another site") {
			t.Errorf("%s: the forged form was not refused: %q", target, timeline.Clip(text))
			continue
		}
		refused++
	}
	// A forged logout is refused too: the session still works after it.
	if err := chromedp.Do(ctx, chromedp.Navigate(evil.URL+"/?to=/logout")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/curate")); err != nil {
		t.Fatal(err)
	}
	if loc := browserLocation(t, ctx); loc != ts.URL+"/curate" {
		t.Errorf("after a forged logout the curator is at %s, not on the Curate page", loc)
	}
	if v1, _ := ts.store.DataVersion(context.Background()); v1 != v0 {
		t.Errorf("forged forms changed the record (data version %d → %d)", v0, v1)
	}
	users, err := ts.store.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Name == "mallory" {
			t.Error("a forged form created an account")
		}
	}
	t.Logf("%d forged forms from %s refused", refused, evil.URL)
}
