package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"github.com/PuerkitoBio/goquery"
	"github.com/diplomatic-travel/tracker/timeline"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/store"
)

// testServer is the real server on a loopback port, over a fresh database
// file holding the demo record.
type testServer struct {
	*httptest.Server
	store *store.Store
	app   *Server
}

func newTestServer(tb testing.TB) *testServer {
	tb.Helper()
	s, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "timeline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := s.Seed(context.Background()); err != nil {
		tb.Fatal(err)
	}
	a, err := New(context.Background(), s, testLogger(), Config{})
	if err != nil {
		tb.Fatal(err)
	}
	srv := newLoopbackServer(tb, a)
	tb.Cleanup(func() { s.Close() })
	return &testServer{Server: srv, store: s, app: a}
}

// newLoopbackServer serves the app's routes on a loopback port until the
// test ends.
func newLoopbackServer(tb testing.TB, a *Server) *httptest.Server {
	srv := httptest.NewServer(a.Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// get fetches a path and returns the response with its body read.
func (ts *testServer) get(tb testing.TB, path string) (*http.Response, []byte) {
	tb.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, body
}

// testLogger discards the server's log unless TEST_LOG is set, when it
// goes to standard error to explain a failure.
func testLogger() *slog.Logger {
	if os.Getenv("TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func (ts *testServer) doc(t *testing.T, path string, wantStatus int) *goquery.Document {
	t.Helper()
	resp, body := ts.get(t, path)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s = %d, want %d\n%s", path, resp.StatusCode, wantStatus, clipBody(body))
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func clipBody(b []byte) string {
	if len(b) > 800 {
		return string(b[:800]) + "…"
	}
	return string(b)
}

func texts(sel *goquery.Selection) []string {
	var out []string
	sel.Each(func(_ int, s *goquery.Selection) { out = append(out, strings.Join(strings.Fields(s.Text()), " ")) })
	return out
}

func containsText(list []string, want string) bool {
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// tourID finds the October 2024 tour: the newest trip of the demo.
func (ts *testServer) tourID(t *testing.T) int64 {
	t.Helper()
	p, err := ts.store.Timeline(context.Background(), timeline.Filter{Kinds: []string{"trip"}, Limit: 1})
	if err != nil || len(p.Entries) != 1 {
		t.Fatalf("no trip: %v", err)
	}
	if p.Entries[0].Start != timeline.MustDate("2024-10-22") {
		t.Fatalf("newest trip starts %s", p.Entries[0].Start)
	}
	return p.Entries[0].RecordID
}

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

// loginWith logs in with a given password and returns the client.
func (ts *testServer) loginWith(t *testing.T, name, password string) *curatorClient {
	t.Helper()
	c := ts.client(t)
	resp, body := c.post(t, "/login", url.Values{"name": {name}, "password": {password}, "next": {"/curate"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/curate" {
		t.Fatalf("login as %s: %d to %q\n%s", name, resp.StatusCode, resp.Header.Get("Location"), clipBody([]byte(body)))
	}
	return c
}

// loginStatus is the status of a login attempt with a fresh client.
func (ts *testServer) loginStatus(t *testing.T, name, password string) int {
	t.Helper()
	resp, _ := ts.client(t).post(t, "/login", url.Values{"name": {name}, "password": {password}})
	return resp.StatusCode
}

func (ts *testServer) user(t *testing.T, name string) store.User {
	t.Helper()
	users, err := ts.store.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Name == name {
			return u
		}
	}
	t.Fatalf("no account %s", name)
	return store.User{}
}

func (ts *testServer) userCount(t *testing.T) int {
	t.Helper()
	users, err := ts.store.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(users)
}

func (ts *testServer) revisionCount(t *testing.T) int {
	t.Helper()
	n, err := ts.store.Debug().RevisionCount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

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

// csvRows reads an export as maps from the header's names.
func (ts *testServer) csvRows(t *testing.T, path string) []map[string]string {
	t.Helper()
	resp, body := ts.get(t, path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d", path, resp.StatusCode)
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// upload posts files to the import page as a browser's form would.
func (c *curatorClient) upload(t *testing.T, fields map[string]string, files map[string][]byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for name, b := range files {
		fw, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(b)
	}
	mw.Close()
	resp, err := c.Post(c.ts.URL+importPath, mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func fixtureBytes(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "timeline", "testdata", "hsg", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newGuardedServer is the server over a fresh demo with the given limits,
// behind its connection limiter, as serve runs it; more adds to the record
// first.
func newGuardedServer(tb testing.TB, l Limits, more func(*store.Store)) *testServer {
	tb.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(tb.TempDir(), "timeline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.Seed(ctx); err != nil {
		tb.Fatal(err)
	}
	if more != nil {
		more(s)
	}
	a, err := New(ctx, s, testLogger(), Config{Limits: &l, BaseURL: "https://travel.example.org"})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(a.Handler())
	lim := newConnLimiter(srv.Listener, l, false)
	srv.Listener = lim
	cfg := newServer("", a.Handler(), testLogger())
	srv.Config.ReadHeaderTimeout, srv.Config.ReadTimeout, srv.Config.WriteTimeout = cfg.ReadHeaderTimeout, cfg.ReadTimeout, cfg.WriteTimeout
	srv.Config.ConnState = lim.ConnState
	srv.Start()
	tb.Cleanup(srv.Close)
	return &testServer{Server: srv, store: s, app: a}
}

// from is an HTTP client whose connections come from a loopback address of
// its own.
func from(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport:     &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 16}}
}

// loginAs logs c in as name and says whether it worked.
func loginAs(t *testing.T, c *http.Client, base, name, password string) int {
	t.Helper()
	return status(t, c, http.MethodPost, base+"/login", url.Values{"name": {name}, "password": {password}, "next": {"/curate"}})
}

// formOn reads the form of the page at path as a browser would submit it
// untouched: every named input, textarea and select with its value, the
// checked checkboxes only, and no buttons.
func (c *curatorClient) formOn(t *testing.T, path string) url.Values {
	t.Helper()
	resp, body := c.get(t, path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d\n%s", path, resp.StatusCode, clipBody([]byte(body)))
	}
	return formIn(docOf(t, body).Find("main form.stacked-form").First())
}

// formIn is formOn of a form already read.
func formIn(form *goquery.Selection) url.Values {
	v := url.Values{}
	form.Find("input, textarea, select").Each(func(_ int, s *goquery.Selection) {
		name, ok := s.Attr("name")
		if !ok {
			return
		}
		switch goquery.NodeName(s) {
		case "textarea":
			v.Add(name, s.Text())
		case "select":
			opt := s.Find("option[selected]")
			if opt.Length() == 0 {
				opt = s.Find("option").First()
			}
			val, _ := opt.Attr("value")
			v.Add(name, val)
		default:
			typ, _ := s.Attr("type")
			if _, checked := s.Attr("checked"); (typ == "checkbox" || typ == "radio") && !checked {
				return
			}
			if typ == "submit" || typ == "button" {
				return
			}
			val, _ := s.Attr("value")
			v.Add(name, val)
		}
	})
	return v
}

// confirmed is the form of a deletion the curator confirmed.
var confirmed = url.Values{"confirm": {"yes"}}

// cloneValues copies a form, so that a case can change its copy.
func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
