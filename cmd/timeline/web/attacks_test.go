package web

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// The attacks of issue 11, each against the real server on loopback, each
// printing its figure. Attackers come from loopback addresses of their own
// (127.0.0.2 and up), as distinct clients would.

func dialFrom(t *testing.T, ip, addr string) net.Conn {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// timedP99 times n calls of fn and returns the 99th percentile.
func timedP99(n int, fn func()) time.Duration {
	ds := make([]time.Duration, n)
	for i := range ds {
		start := time.Now()
		fn()
		ds[i] = time.Since(start)
	}
	slices.Sort(ds)
	return ds[(len(ds)*99)/100]
}

func status(t *testing.T, c *http.Client, method, u string, body url.Values) int {
	t.Helper()
	var resp *http.Response
	var err error
	if method == http.MethodPost {
		resp, err = c.PostForm(u, body)
	} else {
		resp, err = c.Get(u)
	}
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// Eight clients open a large export and never read it: they never hold a
// database connection (the export is spooled), health checks, cached pages
// and logins go on within a second, exports beyond the cap get 503 with
// Retry-After, and the stalled ones are cut off at the chunk deadline.
func TestStalledExporters(t *testing.T) {
	l := DefaultLimits()
	l.ChunkTimeout = time.Second
	ts := newGuardedServer(t, l, func(s *store.Store) {
		if _, err := s.Generate(context.Background(), store.GenerateOptions{Stops: 40000, Seed: 3}); err != nil {
			t.Fatal(err)
		}
	})
	ts.addUser(t, "ada", store.RoleCurator)
	u, _ := url.Parse(ts.URL)
	var stalled []net.Conn
	var refused int
	for i := range 8 {
		c := dialFrom(t, fmt.Sprintf("127.0.0.%d", 10+i), u.Host)
		defer c.Close()
		fmt.Fprintf(c, "GET /timeline.csv HTTP/1.1\r\nHost: x\r\n\r\n")
		stalled = append(stalled, c)
	}
	// Read only the status line of each: the export is being sent, or
	// refused beyond the cap.
	for _, c := range stalled {
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		line, err := bufio.NewReader(io.LimitReader(c, 64)).ReadString('\n')
		if err != nil {
			t.Fatalf("a stalled exporter got no status line: %v", err)
		}
		if strings.Contains(line, " 503 ") {
			refused++
		}
	}
	c := from("127.0.0.1")
	ts.get(t, "/") // cached from here on
	health := timedP99(20, func() {
		if s := status(t, c, http.MethodGet, ts.URL+"/healthz", nil); s != http.StatusOK {
			t.Errorf("healthz answered %d", s)
		}
	})
	page := timedP99(20, func() { status(t, c, http.MethodGet, ts.URL+"/", nil) })
	start := time.Now()
	login := loginAs(t, c, ts.URL, "ada", testPassword)
	took := time.Since(start)
	t.Logf("8 stalled exporters (%d refused with 503 beyond the cap of %d): healthz p99 %s, cached page p99 %s, login %d in %s",
		refused, l.Exports, health.Round(time.Microsecond), page.Round(time.Microsecond), login, took.Round(time.Millisecond))
	if health > time.Second || page > time.Second || login != http.StatusSeeOther || took > time.Second {
		t.Errorf("the site did not stay up: healthz p99 %s, page p99 %s, login %d in %s", health, page, login, took)
	}
	if refused != 8-l.Exports {
		t.Errorf("%d exporters refused, want %d beyond the cap", refused, 8-l.Exports)
	}
	// The stalled ones are cut off within seconds: their slots come back.
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := from("127.0.0.10").Get(ts.URL + "/timeline.csv?kind=event")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			break
		}
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Fatalf("an export beyond the cap: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		if time.Now().After(deadline) {
			t.Fatal("the stalled exporters still hold their slots after 15 s")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Four clients send a login body a byte a second: they hold no write slot,
// a curator's save completes at once, and they are cut off after the body
// deadline with 408.
func TestSlowBodies(t *testing.T) {
	l := DefaultLimits()
	l.BodyTimeout = 2 * time.Second
	ts := newGuardedServer(t, l, nil)
	ts.addUser(t, "ada", store.RoleCurator)
	u, _ := url.Parse(ts.URL)
	var wg sync.WaitGroup
	codes := make(chan string, 4)
	for i := range 4 {
		conn := dialFrom(t, fmt.Sprintf("127.0.0.%d", 20+i), u.Host)
		defer conn.Close()
		fmt.Fprintf(conn, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n")
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if _, err := conn.Write([]byte("n")); err != nil {
					break
				}
				time.Sleep(time.Second)
			}
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			line, _ := bufio.NewReader(conn).ReadString('\n')
			codes <- line
		}()
	}
	time.Sleep(300 * time.Millisecond)
	c := from("127.0.0.1")
	if s := loginAs(t, c, ts.URL, "ada", testPassword); s != http.StatusSeeOther {
		t.Fatalf("login beside slow bodies: %d", s)
	}
	start := time.Now()
	resp, err := c.PostForm(ts.URL+"/curate/trips", tripFormValues("Saved beside slow bodies"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	took := time.Since(start)
	t.Logf("4 slow-body clients: a curator's save answered %d in %s", resp.StatusCode, took.Round(time.Millisecond))
	if resp.StatusCode != http.StatusSeeOther || took > time.Second {
		t.Errorf("the save: %d in %s, want a redirect within 1 s", resp.StatusCode, took)
	}
	wg.Wait()
	close(codes)
	for line := range codes {
		if !strings.Contains(line, " 408 ") {
			t.Errorf("a slow body was answered %q, want 408", strings.TrimSpace(line))
		}
	}
}

// resetPeak clears the process's peak resident memory (VmHWM) to its
// current size, so that the peak read after is of what follows.
func resetPeak(t *testing.T) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the zip bomb test needs Linux /proc/self/clear_refs, which CI's machine has: %v", err)
		}
		t.Skipf("this kernel cannot reset the peak memory figure (%v); the zip bomb test needs Linux /proc/self/clear_refs, and runs under CI", err)
	}
}

func peakRSS(t *testing.T, field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, field+":") {
			kb, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			return kb << 10
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}

// bombZip is a zip of a bundle's names whose files each inflate to size
// bytes of short, well-formed rows.
func bombZip(t *testing.T, size int, names ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, strings.Join(timeline.BundleHeaders[name], ",")+"\r\n")
		row := bytes.Repeat([]byte("x-1,X,,\r\n"), 1<<16)
		for n := 0; n < size; n += len(row) {
			w.Write(row)
		}
	}
	zw.Close()
	return buf.Bytes()
}

func uploadBundle(t *testing.T, c *http.Client, base string, data []byte) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("bundle", "bundle.zip")
	fw.Write(data)
	mw.Close()
	resp, err := c.Post(base+importPath+"/bundle", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A bundle whose files inflate to 256 MiB each is refused once its bytes
// pass the cap, with the limit named, and the server grows by less than
// 100 MB (times raceMemory under the race detector); two files of one name
// are refused.
func TestZipBomb(t *testing.T) {
	ts := newGuardedServer(t, DefaultLimits(), nil)
	ts.addUser(t, "root", store.RoleAdmin)
	c := from("127.0.0.1")
	if s := loginAs(t, c, ts.URL, "root", testPassword); s != http.StatusSeeOther {
		t.Fatalf("admin login: %d", s)
	}
	bomb := bombZip(t, 256<<20, "people.csv", "sources.csv", "trips.csv")
	v0, _ := ts.store.DataVersion(context.Background())
	resetPeak(t)
	before := peakRSS(t, "VmRSS")
	code, body := uploadBundle(t, c, ts.URL, bomb)
	grew := peakRSS(t, "VmHWM") - before
	t.Logf("a %.2f MB bundle inflating to 768 MiB: %d, the server grew by %d MB at its peak", float64(len(bomb))/1e6, code, grew>>20)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "the cap for") {
		t.Errorf("the bomb: %d, want 413 naming the cap\n%s", code, clipBody([]byte(body)))
	}
	if grew > raceMemory*100<<20 {
		t.Errorf("the server grew by %d MB reading a zip bomb (the bound is %d MB)", grew>>20, raceMemory*100)
	}
	if v, _ := ts.store.DataVersion(context.Background()); v != v0 {
		t.Error("the bomb changed the record")
	}
	// Two files of one name.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for range 2 {
		w, _ := zw.Create("people.csv")
		io.WriteString(w, "slug,name,country,aliases\r\n")
	}
	zw.Close()
	if code, body := uploadBundle(t, c, ts.URL, buf.Bytes()); code != http.StatusUnprocessableEntity || !strings.Contains(body, "two files named people.csv") {
		t.Errorf("duplicate names: %d\n%s", code, clipBody([]byte(body)))
	}
}

// Strangers guessing the admin's password from other addresses do not
// lock the admin out: from an address that did not fail, the admin logs in.
func TestLoginDuringGuessing(t *testing.T) {
	ts := newGuardedServer(t, DefaultLimits(), nil)
	ts.addUser(t, "root", store.RoleAdmin)
	throttled := 0
	for i := range 5 {
		c := from(fmt.Sprintf("127.0.0.%d", 30+i))
		for range perPairLimit + 2 {
			if s := loginAs(t, c, ts.URL, "root", "guess guess guess"); s == http.StatusTooManyRequests {
				throttled++
			}
		}
	}
	s := loginAs(t, from("127.0.0.1"), ts.URL, "root", testPassword)
	t.Logf("%d guesses from 5 addresses (%d throttled): the admin's own login answered %d", 5*(perPairLimit+2), throttled, s)
	if s != http.StatusSeeOther {
		t.Errorf("the admin was locked out by strangers: %d", s)
	}
	if throttled != 5*2 {
		t.Errorf("%d guesses throttled, want the 2 past the limit from each address", throttled)
	}
}

// One client asking for many uncached views at once is served one at a
// time (503 with Retry-After when it waits too long), while another
// client's cached page answers at once.
func TestUncachedFlood(t *testing.T) {
	ts := newGuardedServer(t, DefaultLimits(), func(s *store.Store) {
		if _, err := s.Generate(context.Background(), store.GenerateOptions{Stops: 20000, Seed: 5}); err != nil {
			t.Fatal(err)
		}
	})
	victim := from("127.0.0.1")
	status(t, victim, http.MethodGet, ts.URL+"/", nil)
	idle := timedP99(50, func() { status(t, victim, http.MethodGet, ts.URL+"/", nil) })
	flood := from("127.0.0.40")
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	stop := make(chan struct{})
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				u := fmt.Sprintf("%s/?from=%d-01-01&q=talks&person=&n=%d", ts.URL, 1900+(w*37+i)%120, i)
				resp, err := flood.Get(u)
				if err != nil {
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				codes[resp.StatusCode]++
				mu.Unlock()
				if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") == "" {
					t.Error("a 503 without Retry-After")
				}
			}
		}()
	}
	time.Sleep(200 * time.Millisecond)
	busy := timedP99(50, func() { status(t, victim, http.MethodGet, ts.URL+"/", nil) })
	close(stop)
	wg.Wait()
	t.Logf("one client's flood of uncached views (%v): another client's cached p99 %s idle, %s during", codes, idle.Round(time.Microsecond), busy.Round(time.Microsecond))
	if codes[http.StatusInternalServerError] > 0 || codes[http.StatusOK] == 0 {
		t.Errorf("the flood's answers: %v", codes)
	}
	if busy > time.Second {
		t.Errorf("a cached page took %s during another client's flood", busy)
	}
}

// Idle keep-alive connections from one address beyond its cap are closed;
// others are still served.
func TestConnectionCaps(t *testing.T) {
	l := DefaultLimits()
	l.ConnsPerAddr = 8
	ts := newGuardedServer(t, l, nil)
	u, _ := url.Parse(ts.URL)
	var conns []net.Conn
	for range 40 {
		conns = append(conns, dialFrom(t, "127.0.0.50", u.Host))
	}
	served := 0
	for _, c := range conns {
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		c.SetReadDeadline(time.Now().Add(3 * time.Second))
		if line, err := bufio.NewReader(c).ReadString('\n'); err == nil && strings.Contains(line, " 200 ") {
			served++
		}
	}
	for _, c := range conns {
		defer c.Close()
	}
	t.Logf("40 connections from one address with a cap of %d: %d served", l.ConnsPerAddr, served)
	if served != l.ConnsPerAddr {
		t.Errorf("%d connections served, want the cap of %d", served, l.ConnsPerAddr)
	}
	if s := status(t, from("127.0.0.1"), http.MethodGet, ts.URL+"/healthz", nil); s != http.StatusOK {
		t.Errorf("another address: %d", s)
	}
}

// The smaller items: control characters in a parameter are a 400 naming
// it, on the timeline, the pictures and every export; TimelineJS gets no
// markup from the record; links and ids do not follow the Host header.
func TestHostileParametersAndHosts(t *testing.T) {
	ts := newGuardedServer(t, DefaultLimits(), nil)
	c := from("127.0.0.1")
	for _, path := range []string{"/", "/charts", "/timeline.csv", "/timeline.json", "/timelinejs.json", "/timeline.ics", "/feed.atom", "/export.zip"} {
		resp, err := c.Get(ts.URL + path + "?q=%00x")
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(html.UnescapeString(string(b)), `"q" holds a control character`) {
			t.Errorf("%s?q=%%00x: %d\n%s", path, resp.StatusCode, clipBody(b))
		}
	}
	ctx := context.Background()
	evil := &timeline.Person{Slug: "evil-name", Name: `<img src=x onerror=alert(1)>`, Country: "FR"}
	if err := ts.store.CreatePerson(ctx, store.Actor{Name: "test"}, evil); err != nil {
		t.Fatal(err)
	}
	trip := &timeline.Trip{PersonID: evil.ID, Title: "<b>bold</b>", Status: timeline.Published,
		Stops: []timeline.Stop{{Country: "FR", Start: timeline.MustDate("2001-01-01"), End: timeline.MustDate("2001-01-02")}}}
	if err := ts.store.CreateTrip(ctx, store.Actor{Name: "test"}, trip); err != nil {
		t.Fatal(err)
	}
	_, js := ts.get(t, "/timelinejs.json?person=evil-name")
	var story struct {
		Events []struct {
			Text  struct{ Headline, Text string }
			Group string
		}
	}
	if err := json.Unmarshal(js, &story); err != nil || len(story.Events) != 1 {
		t.Fatalf("TimelineJS: %v\n%s", err, js)
	}
	ev := story.Events[0]
	if ev.Group != "&lt;img src=x onerror=alert(1)&gt;" || ev.Text.Headline != "&lt;b&gt;bold&lt;/b&gt;" || strings.Contains(ev.Text.Text, "<img") {
		t.Errorf("TimelineJS carries markup of the record: %+v", ev)
	}
	// The same feed whatever Host the request names.
	get := func(host string) []byte {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/feed.atom", nil)
		req.Host = host
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return b
	}
	a, b := get("evil.example"), get("other.example")
	if bytes.Contains(a, []byte("evil.example")) || !bytes.Contains(a, []byte("https://travel.example.org/")) {
		t.Errorf("the feed follows the Host header: %.500s", a)
	}
	strip := func(b []byte) string { // the generation time aside
		var out []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.Contains(l, "<updated>") {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
	if strip(a) != strip(b) {
		t.Error("the feed differs between two Host headers")
	}
}
