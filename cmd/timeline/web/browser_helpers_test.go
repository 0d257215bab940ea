package web

import (
	"context"
	"fmt"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// browserTimeout bounds the whole browser session, so that a hang fails the
// test instead of blocking it forever. It is a safety bound, not a speed
// assertion: the steps take a few seconds.
const browserTimeout = 60 * time.Second

// browserChromium returns the path of the Chromium binary, or skips the test
// where there is none; under CI it fails instead, so that CI cannot skip it
// silently.
func browserChromium(t *testing.T) string {
	t.Helper()
	if fi, err := os.Stat("/usr/bin/chromium"); err == nil && !fi.IsDir() {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "chromium is not installed (no /usr/bin/chromium, chromium or chromium-browser on PATH); CI installs it (.ci/run), where this test is required"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browserStart starts a headless Chromium with a fresh profile and returns
// its context, bounded by browserTimeout. The browser is stopped and its
// profile removed when the test ends.
func browserStart(t *testing.T, execPath string) context.Context {
	t.Helper()
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox, // tests run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// Without these Chromium keeps calling home, and this machine's
		// network is closed.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	timeoutCtx, cancelTimeout := context.WithTimeout(allocCtx, browserTimeout)
	logs := &browserLog{t: t}
	ctx, cancelBrowser := chromedp.NewContext(timeoutCtx, chromedp.WithErrorf(logs.logf))
	t.Cleanup(func() {
		cancelBrowser()
		cancelTimeout()
		cancelAlloc() // waits for the browser process to end
		logs.close()
		// Helpers of the browser can write into the profile a moment
		// after it ends; empty it here so that TempDir's removal succeeds.
		deadline := time.Now().Add(5 * time.Second)
		for {
			err := os.RemoveAll(profile)
			if err == nil || time.Now().After(deadline) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", execPath, err)
	}
	return ctx
}

// browserLog passes chromedp's error messages to t.Logf until the test ends.
type browserLog struct {
	mu     sync.Mutex
	t      *testing.T
	closed bool
}

func (l *browserLog) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed {
		l.t.Logf("chromedp: "+format, args...)
	}
}

func (l *browserLog) close() {
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
}

func browserTitles(entries []browserEntry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Title
	}
	return out
}

func browserLocation(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("read the browser's location: %v", err)
	}
	return loc
}

// browserXPathString quotes s as an XPath string literal.
func browserXPathString(t *testing.T, s string) string {
	t.Helper()
	switch {
	case !strings.Contains(s, `"`):
		return `"` + s + `"`
	case !strings.Contains(s, `'`):
		return `'` + s + `'`
	}
	t.Fatalf("cannot quote %q as one XPath literal", s)
	return ""
}

// browserOpen navigates to the address and waits for its load; the
// answer must be 200.
func browserOpen(t *testing.T, ctx context.Context, addr string) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(addr))
	if err != nil {
		t.Fatalf("open %s: %v", addr, err)
	}
	if resp == nil || resp.Status != http.StatusOK {
		t.Fatalf("open %s: answered %v, want 200", addr, browserStatus(resp))
	}
}

// browserClick clicks the first element that matches the CSS
// selector with the mouse, and waits for the page it leads to.
func browserClick(t *testing.T, ctx context.Context, sel, what string) *network.Response {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("click %s (%s): %v", what, sel, err)
	}
	if resp == nil {
		t.Fatalf("clicking %s (%s) loaded no page, want a navigation", what, sel)
	}
	return resp
}

func browserStatus(resp *network.Response) any {
	if resp == nil {
		return "nothing"
	}
	return resp.Status
}

// browserType types the text into the empty field with the keyboard
// and checks that the field holds it.
func browserType(t *testing.T, ctx context.Context, sel, text string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(sel), text)); err != nil {
		t.Fatalf("type %q into %s: %v", text, sel, err)
	}
	if got := browserValue(t, ctx, sel); got != text {
		t.Fatalf("after typing %q into %s it holds %q", text, sel, got)
	}
}

// browserSet sets the value of a date input or a select, which have
// no text to type, and checks that it took (a select refuses a value none
// of its options has).
func browserSet(t *testing.T, ctx context.Context, sel, value string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(sel), value)); err != nil {
		t.Fatalf("set %s to %q: %v", sel, value, err)
	}
	if got := browserValue(t, ctx, sel); got != value {
		t.Fatalf("after setting %s to %q it holds %q", sel, value, got)
	}
}

func browserValue(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read the value of %s: %v", sel, err)
	}
	return v
}

func browserText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read the text of %s: %v", sel, err)
	}
	return strings.TrimSpace(v)
}

func browserCount(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	return browserEval[int](t, ctx, "the count of "+sel, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel))
}

func browserEval[T any](t *testing.T, ctx context.Context, what, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("read %s: %v", what, err)
	}
	return v
}

// browserCheckFlash checks that the page shows the flash message.
func browserCheckFlash(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	got := browserEval[[]string](t, ctx, "the flash messages",
		`[...document.querySelectorAll('[data-testid=flash] p')].map(p => p.textContent.trim())`)
	if !slices.Contains(got, want) {
		t.Errorf("the page shows the flash messages %q, want %q among them", got, want)
	}
}

func browserURL(t *testing.T, ctx context.Context) *url.URL {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("read the browser's location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatalf("parse the browser's location %q: %v", loc, err)
	}
	return u
}

// browserAt checks that the browser shows a page of the server at
// the path.
func browserAt(t *testing.T, ctx context.Context, base, path string) {
	t.Helper()
	u := browserURL(t, ctx)
	if got := u.Scheme + "://" + u.Host; got != base || u.Path != path {
		t.Fatalf("the browser is at %s, want %s%s", u, base, path)
	}
}

// browserDialogs records and dismisses every JavaScript dialog the
// tab opens; a payload that ran could open one, and an open dialog would
// stall the page.
type browserDialogs struct {
	mu   sync.Mutex
	seen []string
	told int
}

func browserWatchDialogs(t *testing.T, ctx context.Context) *browserDialogs {
	t.Helper()
	d := &browserDialogs{}
	lctx, cancel := context.WithCancel(ctx)
	events := chromedp.Events(lctx, page.JavascriptDialogOpening)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev, err := range events {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.seen = append(d.seen, fmt.Sprintf("%s %q at %s", ev.Type, ev.Message, ev.URL))
			d.mu.Unlock()
			// Dismiss it, so that the page and the test go on.
			chromedp.Call(lctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return d
}

// check fails the test for each dialog opened since the last check.
func (d *browserDialogs) check(t *testing.T, where string) {
	t.Helper()
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, s := range d.seen[d.told:] {
		t.Errorf("%s a JavaScript dialog opened (%s), want none", where, s)
	}
	d.told = len(d.seen)
}

type browserFieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// browserFieldErrors lists the form's field errors, each with the id
// of the input beside it.
func browserFieldErrors(t *testing.T, ctx context.Context) []browserFieldError {
	t.Helper()
	return browserEval[[]browserFieldError](t, ctx, "the form's field errors", `[...document.querySelectorAll('[data-testid=field-error]')].map(e => {
		const f = e.closest('.field, fieldset');
		const input = f && f.querySelector('input[id], select[id], textarea[id]');
		return {field: input && f.classList.contains('field') ? input.id : '', message: e.textContent.trim()};
	})`)
}

type browserOption struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// browserEntry is what the timeline page shows of an entry.
type browserEntry struct {
	Kind      string   `json:"kind"`
	Title     string   `json:"title"`
	RawTitle  string   `json:"rawTitle"`
	Href      string   `json:"href"`
	Date      string   `json:"date"`
	Draft     bool     `json:"draft"`
	Ordinals  []string `json:"ordinals"`
	Countries []string `json:"countries"`
	// Sources are its source links' addresses, SourceLabels their words.
	Sources      []string `json:"sources"`
	SourceLabels []string `json:"sourceLabels"`
}

// browserReadEntries reads every entry the timeline page shows.
func browserReadEntries(t *testing.T, ctx context.Context) []browserEntry {
	t.Helper()
	return browserEval[[]browserEntry](t, ctx, "the timeline entries", `(() => {
		const text = el => el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
		return [...document.querySelectorAll('li[data-testid=entry]')].map(li => {
			const a = li.querySelector('h4.entry-title a');
			const time = li.querySelector('time');
			const sources = [...li.querySelectorAll('a[data-testid=entry-source]')];
			return {
				kind: li.getAttribute('data-kind') || '',
				title: text(a),
				rawTitle: a ? a.textContent : '',
				href: a ? a.getAttribute('href') || '' : '',
				date: time ? time.getAttribute('datetime') || '' : '',
				draft: !!li.querySelector('.badge-draft'),
				ordinals: [...li.querySelectorAll('[data-testid=ordinal]')].map(text),
				countries: [...li.querySelectorAll('.who-where a.country')].map(c => c.getAttribute('href')),
				sources: sources.map(s => s.getAttribute('href')),
				sourceLabels: sources.map(text),
			};
		});
	})()`)
}

// browserTripPage is what a trip page shows: its header, stops, meetings,
// counts, claims and sources, and the curator's bar.
type browserTripPage struct {
	Title      string `json:"title"`
	RawTitle   string `json:"rawTitle"`
	Draft      bool   `json:"draft"`
	Bar        bool   `json:"bar"`
	Status     string `json:"status"`
	AddSource  string `json:"addSource"`
	AddMeeting bool   `json:"addMeeting"`
	Stops      []struct {
		Country     string `json:"country"`
		CountryHref string `json:"countryHref"`
		Locality    string `json:"locality"`
		RawLocality string `json:"rawLocality"`
		Start       string `json:"start"`
		When        string `json:"when"`
	} `json:"stops"`
	Meetings []browserMeetingView `json:"meetings"`
	Counts   []string             `json:"counts"`
	Claims   []struct {
		Text     string `json:"text"`
		Verdict  string `json:"verdict"`
		Stated   string `json:"stated"`
		Computed string `json:"computed"`
	} `json:"claims"`
	// Citations are the trip's own, in its header; AllCitations counts
	// every citation on the page, and SourceLinks are their source links.
	Citations []struct {
		Title     string `json:"title"`
		Href      string `json:"href"`
		Publisher string `json:"publisher"`
		Published string `json:"published"`
		URL       string `json:"url"`
		Passage   string `json:"passage"`
	} `json:"citations"`
	AllCitations int      `json:"allCitations"`
	SourceLinks  []string `json:"sourceLinks"`
}

// browserMeetingView is a meeting as the trip page shows it.
type browserMeetingView struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Date         string `json:"date"`
	Draft        bool   `json:"draft"`
	Publish      bool   `json:"publish"`
	Participants []struct {
		Name   string `json:"name"`
		Href   string `json:"href"`
		Office string `json:"office"`
	} `json:"participants"`
}

// browserReadTrip reads the trip page the browser shows.
func browserReadTrip(t *testing.T, ctx context.Context) browserTripPage {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid=trip]`))); err != nil {
		t.Fatalf("wait for the trip page: %v", err)
	}
	return browserEval[browserTripPage](t, ctx, "the trip page", `(() => {
		const text = el => el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
		const attr = (el, name) => el ? el.getAttribute(name) || '' : '';
		const trip = document.querySelector('[data-testid=trip]');
		const header = trip.querySelector('header.record-header');
		const h1 = header.querySelector('h1');
		const bar = trip.querySelector('aside[data-testid=curator-bar]');
		return {
			title: text(h1),
			rawTitle: h1 ? h1.textContent : '',
			draft: !!header.querySelector('.badge-draft'),
			bar: !!bar,
			status: bar ? text(bar.querySelector('[data-testid=trip-status]')) : '',
			addSource: attr(header.querySelector('a[data-testid=add-source]'), 'href'),
			addMeeting: !!trip.querySelector('a[data-testid=add-meeting]'),
			stops: [...trip.querySelectorAll('li[data-testid=stop]')].map(li => {
				const c = li.querySelector('h3 a');
				const loc = li.querySelector('h3 .locality');
				return {
					country: text(c), countryHref: attr(c, 'href'),
					locality: text(loc), rawLocality: loc ? loc.textContent : '',
					start: attr(li.querySelector('.meta time'), 'datetime'), when: text(li.querySelector('.meta time')),
				};
			}),
			meetings: [...trip.querySelectorAll('article[data-testid=meeting]')].map(m => ({
				id: m.id,
				title: text(m.querySelector('h3')),
				date: attr(m.querySelector('.meta time'), 'datetime'),
				draft: !!m.querySelector('.badge-draft'),
				publish: !!m.querySelector('button[data-testid=publish-meeting]'),
				participants: [...m.querySelectorAll('li[data-testid=participant]')].map(p => ({
					name: text(p.querySelector('a')), href: attr(p.querySelector('a'), 'href'), office: text(p.querySelector('.office')),
				})),
			})),
			counts: [...trip.querySelectorAll('[data-testid=count] strong')].map(text),
			claims: [...trip.querySelectorAll('[data-testid=claim]')].map(c => ({
				text: text(c.querySelector('.claim-text')),
				verdict: text(c.querySelector('[data-testid=verdict]')),
				stated: text(c.querySelector('[data-testid=stated]')),
				computed: text(c.querySelector('[data-testid=computed]')),
			})),
			citations: [...header.querySelectorAll('[data-testid=citation]')].map(c => ({
				title: text(c.querySelector('a[href^="/sources/"]')),
				href: attr(c.querySelector('a[href^="/sources/"]'), 'href'),
				publisher: text(c.querySelector('.publisher')),
				published: attr(c.querySelector('time'), 'datetime'),
				url: attr(c.querySelector('a.external'), 'href'),
				passage: text(c.querySelector('blockquote')),
			})),
			allCitations: trip.querySelectorAll('[data-testid=citation]').length,
			sourceLinks: [...trip.querySelectorAll('[data-testid=citation] a[href^="/sources/"]')].map(a => a.getAttribute('href')),
		};
	})()`)
}

// browserLoads counts, from now until the test ends, the pages the browser
// loads (one load event each): the page-load figure of a user's path.
func browserLoads(t *testing.T, ctx context.Context) *atomic.Int64 {
	t.Helper()
	var loads atomic.Int64
	lctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, err := range chromedp.Events(lctx, page.LoadEventFired) {
			if err != nil {
				return
			}
			loads.Add(1)
		}
	}()
	t.Cleanup(func() { cancel(); <-done })
	return &loads
}
