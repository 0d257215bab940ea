package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/diplomatic-travel/tracker/store"
)

// Every page, public and curator, opens in chromium without a single
// Content-Security-Policy violation (the site has no inline script or
// style, and loads nothing from elsewhere) and without an error in its
// scripts.
func TestBrowserNoCSPViolations(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, curatorBrowserUser, store.RoleAdmin)
	ctx := browserStart(t, chromium)
	// Installed by the browser itself before each page's own code, so the
	// page's CSP does not apply to it.
	const hook = `window.__violations = [];
		document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
		window.addEventListener('error', e => window.__violations.push('script error: ' + e.message));`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hook}); err != nil {
		t.Fatal(err)
	}
	visit := func(path string) {
		t.Helper()
		resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(ts.URL+path))
		if err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		if resp.Status >= 500 {
			t.Errorf("%s answered %d", path, resp.Status)
		}
		if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`Array.isArray(window.__violations)`)); err != nil || !ok {
			t.Fatalf("%s: the violation hook is not installed (%v)", path, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__violations`))
		if err != nil {
			t.Fatalf("read the violations of %s: %v", path, err)
		}
		for _, v := range got {
			t.Errorf("%s: %s", path, v)
		}
	}
	// The hook sees a violation: an inline script, which the CSP blocks.
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(ts.URL+"/about")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s); return true })()`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the violation event is queued
	if seen, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__violations.length`)); err != nil || seen == 0 {
		t.Fatalf("an inline script was not seen as a violation (%d, %v): the check would see nothing", seen, err)
	}
	if ran, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__ran === 1`)); ran {
		t.Error("an inline script ran: the CSP does not forbid it")
	}
	public := []string{"/", "/?q=ceasefire", "/?region=NEA&from=2024-01-01&to=2024-12-31", "/trips/11", "/people/blinken-antony-j",
		"/countries/IL", "/regions", "/regions/NEA", "/events/1", "/sources/1", "/counters/1", "/claims", "/charts", "/charts?region=NEA",
		"/about", "/login", "/nope", "/?from=bad"}
	for _, p := range public {
		visit(p)
	}
	curatorBrowserLogin(t, ctx, ts.URL)
	for _, p := range append(public, "/curate", "/curate/checks", "/curate/trips/new", "/trips/11/edit", "/trips/11/history",
		"/curate/events/new", "/cite?kind=trip&id=11", "/admin/users", "/admin/import") {
		visit(p)
	}
}

// Script payloads stored through every form field, then every page that
// shows them opened in chromium, logged out and logged in: no dialog opens,
// no script element or handler comes from them (the violation hook would
// see the CSP refuse it), and every link to a source is http or https.
func TestBrowserStoredPayloads(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	ts.addUser(t, curatorBrowserUser, store.RoleAdmin)
	pages, _ := ts.seedPayloads(t, ts.login(t, "ada"))
	ctx := browserStart(t, chromium)
	dialogs := browserWatchDialogs(t, ctx)
	const hook = `window.__violations = [];
		document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hook}); err != nil {
		t.Fatal(err)
	}
	sweep := func(who string, curator bool) {
		for _, p := range pages {
			if strings.HasSuffix(p, ".csv") || (!curator && (strings.HasPrefix(p, "/curate") || strings.Contains(p, "history"))) {
				continue
			}
			if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(ts.URL+p)); err != nil {
				t.Fatalf("open %s: %v", p, err)
			}
			time.Sleep(100 * time.Millisecond) // let any handler fire
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__violations`))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range got {
				t.Errorf("%s %s: %s", who, p, v)
			}
			links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('a.external, a[rel~=external]')].map(a => a.href)`))
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range links {
				if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
					t.Errorf("%s %s: a source link to %q", who, p, l)
				}
			}
			dialogs.check(t, who+" "+p+":")
		}
	}
	sweep("reader", false)
	curatorBrowserLogin(t, ctx, ts.URL)
	sweep("curator", true)
}
