//go:build stress

// The stress suite (make stress): load, crashes, a full disk, backups
// under load, slow clients and a graceful stop, each part printing its
// figures on one line and failing when a figure is wrong. Loopback only.
package web

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

func stressSeconds() time.Duration {
	if n, err := strconv.Atoi(os.Getenv("STRESS_SECONDS")); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 60 * time.Second
}

func figures(t *testing.T, part string, format string, args ...any) {
	t.Helper()
	line := fmt.Sprintf("%-16s "+format, append([]any{part + ":"}, args...)...)
	fmt.Println(line)
	t.Log(line)
}

// nextAddr gives each simulated user a loopback address of their own, as
// distinct people would have: the server's limits are per client.
var addrs atomic.Int64

func nextAddr() string {
	n := addrs.Add(1)
	return fmt.Sprintf("127.0.%d.%d", 1+n/250, 1+n%250)
}

// loggedIn is a client with a curator's session, usable from any goroutine,
// from an address of its own.
func loggedIn(base, name string) (*http.Client, error) {
	c := from(nextAddr())
	resp, err := c.PostForm(base+"/login", url.Values{"name": {name}, "password": {testPassword}, "next": {"/curate"}})
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("login %s: %d", name, resp.StatusCode)
	}
	return c, nil
}

func p99(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[int(0.99*float64(len(s)-1))]
}

// 16 writers add and edit events through the forms while readers load the
// timeline and export CSV: every acknowledged write is there, no request
// fails, nothing is "locked", readers' p99 stays within twice its idle
// value, and the WAL stays bounded.
func TestStressWritersReaders(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	const writers = 16
	for i := range writers {
		ts.addUser(t, fmt.Sprintf("w%d", i), store.RoleCurator)
	}
	walPath := ts.store.Path() + "-wal"
	var walMax atomic.Int64
	stopWAL := make(chan struct{})
	go func() {
		for {
			select {
			case <-stopWAL:
				return
			case <-time.After(50 * time.Millisecond):
				if st, err := os.Stat(walPath); err == nil && st.Size() > walMax.Load() {
					walMax.Store(st.Size())
				}
			}
		}
	}()
	defer close(stopWAL)

	// why keeps the first errors' descriptions, for the failure message.
	var whyMu sync.Mutex
	var why []string
	fail := func(errs *atomic.Int64, format string, args ...any) {
		errs.Add(1)
		whyMu.Lock()
		defer whyMu.Unlock()
		if len(why) < 5 {
			why = append(why, fmt.Sprintf(format, args...))
		}
	}
	reader := func(stop <-chan struct{}, lat *[]time.Duration, mu *sync.Mutex, errs *atomic.Int64, locked *atomic.Int64) {
		// Readers are many people, each from an address of their own.
		var cs []*http.Client
		for range 32 {
			cs = append(cs, from(nextAddr()))
		}
		for i := 0; ; i++ {
			c := cs[i%len(cs)]
			select {
			case <-stop:
				return
			default:
			}
			path := "/?limit=50"
			if i%20 == 19 {
				path = "/timeline.csv"
			}
			start := time.Now()
			resp, err := c.Get(ts.URL + path)
			if err != nil {
				fail(errs, "GET %s: %v", path, err)
				continue
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				fail(errs, "GET %s: %d %s", path, resp.StatusCode, mainText(b))
			}
			if strings.Contains(string(b), "database is locked") {
				locked.Add(1)
			}
			if path != "/timeline.csv" {
				mu.Lock()
				*lat = append(*lat, time.Since(start))
				mu.Unlock()
			}
		}
	}
	measure := func(d time.Duration, withWriters bool) (readLat []time.Duration, acked map[int64]string, edits map[int64]string, errs, locked int64) {
		var mu sync.Mutex
		var rerrs, rlocked, werrs, wlocked atomic.Int64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() { defer wg.Done(); reader(stop, &readLat, &mu, &rerrs, &rlocked) }()
		}
		acked, edits = map[int64]string{}, map[int64]string{}
		if withWriters {
			for i := range writers {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					c, err := loggedIn(ts.URL, fmt.Sprintf("w%d", i))
					if err != nil {
						fail(&werrs, "log in w%d: %v", i, err)
						return
					}
					for k := 0; ; k++ {
						select {
						case <-stop:
							return
						default:
						}
						title := fmt.Sprintf("Stress event w%d n%d", i, k)
						resp, err := c.PostForm(ts.URL+"/curate/events", url.Values{"title": {title}, "kind": {"other"}, "date": {"2020-06-01"}, "precision": {"day"}})
						if err != nil {
							fail(&werrs, "create: %v", err)
							continue
						}
						b, _ := io.ReadAll(resp.Body)
						resp.Body.Close()
						if strings.Contains(string(b), "locked") {
							wlocked.Add(1)
						}
						if resp.StatusCode != http.StatusSeeOther {
							fail(&werrs, "create: %d %s", resp.StatusCode, mainText(b))
							continue
						}
						id, _ := strconv.ParseInt(strings.TrimPrefix(resp.Header.Get("Location"), "/events/"), 10, 64)
						mu.Lock()
						acked[id] = title
						mu.Unlock()
						summary := fmt.Sprintf("edited by w%d after n%d", i, k)
						resp, err = c.PostForm(ts.URL+"/events/"+strconv.FormatInt(id, 10)+"/edit", url.Values{"title": {title}, "kind": {"other"}, "date": {"2020-06-01"}, "precision": {"day"}, "summary": {summary}})
						if err != nil {
							fail(&werrs, "edit: %v", err)
							continue
						}
						b, _ = io.ReadAll(resp.Body)
						resp.Body.Close()
						if resp.StatusCode == http.StatusSeeOther {
							mu.Lock()
							edits[id] = summary
							mu.Unlock()
						} else {
							fail(&werrs, "edit: %d %s", resp.StatusCode, mainText(b))
						}
					}
				}(i)
			}
		}
		time.Sleep(d)
		close(stop)
		wg.Wait()
		return readLat, acked, edits, rerrs.Load() + werrs.Load(), rlocked.Load() + wlocked.Load()
	}

	idle, _, _, idleErrs, _ := measure(10*time.Second, false)
	loaded, acked, edits, errs, locked := measure(stressSeconds(), true)
	lost := 0
	for id, title := range acked {
		e, err := ts.store.Event(ctx, id, true)
		if err != nil || e.Title != title || (edits[id] != "" && e.Summary != edits[id]) {
			lost++
		}
	}
	idleP99, loadedP99 := p99(idle), p99(loaded)
	figures(t, "writers/readers", "%d writers %s: %d writes and %d edits acknowledged, %d lost, %d errors, %d locked; reader p99 %.1f ms idle, %.1f ms with writers (%.1fx); WAL at most %.1f MB",
		writers, stressSeconds(), len(acked), len(edits), lost, errs+idleErrs, locked, ms(idleP99), ms(loadedP99), float64(loadedP99)/float64(idleP99), float64(walMax.Load())/(1<<20))
	if lost > 0 || errs+idleErrs > 0 || locked > 0 || len(acked) == 0 {
		t.Errorf("lost %d, errors %d, locked %d, acknowledged %d; the first errors: %q", lost, errs+idleErrs, locked, len(acked), why)
	}
	if loadedP99 > 2*idleP99 {
		t.Errorf("reader p99 with writers %.1f ms is more than twice the idle %.1f ms", ms(loadedP99), ms(idleP99))
	}
	if walMax.Load() > 64<<20 {
		t.Errorf("the WAL grew to %d bytes", walMax.Load())
	}
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

// A full disk (provoked with PRAGMA max_page_count) makes a write fail with
// a clear message and status 507, nothing half-written; once there is
// room again, writing works.
func TestStressDiskFull(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	pages, err := ts.store.Debug().LimitPages(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := ts.store.DataVersion(ctx)
	if _, err := ts.store.Debug().LimitPages(ctx, pages); err != nil { // no room for one more page
		t.Fatal(err)
	}
	big := strings.Repeat("A long summary that needs pages. ", 400)
	resp, body := c.post(t, "/curate/events", url.Values{"title": {"Disk full event"}, "kind": {"other"}, "date": {"2020-06-01"}, "precision": {"day"}, "summary": {big}})
	after, _ := ts.store.DataVersion(ctx)
	msg := docOf(t, body).Find(`[data-testid=error-message]`).Text()
	// An import on the full disk: refused whole, with the same message.
	var recs []timeline.HSGRecord
	for _, name := range []string{"gaps.xml", "visits.xml", "countries.xml"} {
		recs = append(recs, hsgFixture(t, name)...)
	}
	_, impErr := ts.store.ImportHSG(ctx, store.Actor{Name: "stress"}, recs, 3, store.ImportOptions{GapDays: 1})
	afterImport, _ := ts.store.DataVersion(ctx)
	imported, _ := ts.store.Debug().ImportedStops(ctx)
	if _, err := ts.store.Debug().LimitPages(ctx, 1<<30); err != nil {
		t.Fatal(err)
	}
	resp2, _ := c.post(t, "/curate/events", url.Values{"title": {"After the disk was freed"}, "kind": {"other"}, "date": {"2020-06-01"}, "precision": {"day"}, "summary": {big}})
	figures(t, "disk full", "a write on a full disk: %d %q; an import: %q with %d stops written; data version %d → %d → %d; after room returns: %d",
		resp.StatusCode, msg, timeline.ErrorMessage(impErr), imported, before, after, afterImport, resp2.StatusCode)
	if timeline.ErrorCode(impErr) != timeline.EFull || imported != 0 || afterImport != before {
		t.Errorf("import on a full disk: %v, %d stops, version %d", impErr, imported, afterImport)
	}
	if resp.StatusCode != http.StatusInsufficientStorage || !strings.Contains(msg, "full") || after != before {
		t.Errorf("full disk: %d %q, version %d → %d", resp.StatusCode, msg, before, after)
	}
	if resp2.StatusCode != http.StatusSeeOther {
		t.Errorf("after room returned: %d", resp2.StatusCode)
	}
	if ok, err := integrityOK(ts.store.Path()); !ok {
		t.Errorf("integrity after a full disk: %v", err)
	}
}

func integrityOK(path string) (bool, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return false, err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		return false, err
	}
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	if rows.Next() {
		return false, fmt.Errorf("a foreign key is broken")
	}
	return res == "ok", fmt.Errorf("integrity_check: %s", res)
}

// Backups taken every second during writes each pass integrity_check,
// open with the store, and hold every write acknowledged before they
// began.
func TestStressBackupsUnderLoad(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	dir := t.TempDir()
	var mu sync.Mutex
	var acked []int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				e := &timeline.Event{Title: fmt.Sprintf("Backup stress %d-%d", w, k), Kind: "other", Date: timeline.MustDate("2020-06-01"), Precision: timeline.PrecisionDay, Status: timeline.Published}
				if err := ts.store.CreateEvent(ctx, store.Actor{Name: "stress"}, e); err == nil {
					mu.Lock()
					acked = append(acked, e.ID)
					mu.Unlock()
				}
			}
		}()
	}
	n, bad := 0, 0
	deadline := time.Now().Add(stressSeconds() / 3)
	for time.Now().Before(deadline) {
		mu.Lock()
		before := slices.Clone(acked)
		mu.Unlock()
		path := filepath.Join(dir, fmt.Sprintf("backup-%d.db", n))
		if err := ts.store.Backup(ctx, path); err != nil {
			t.Errorf("backup %d: %v", n, err)
			bad++
			break
		}
		n++
		if ok, err := integrityOK(path); !ok {
			t.Errorf("backup %d: %v", n, err)
			bad++
		}
		b, err := store.Open(ctx, path)
		if err != nil {
			t.Errorf("backup %d does not open: %v", n, err)
			bad++
			continue
		}
		for _, id := range before {
			if _, err := b.Event(ctx, id, true); err != nil {
				t.Errorf("backup %d lacks event %d, acknowledged before it began", n, id)
				bad++
				break
			}
		}
		b.Close()
		time.Sleep(time.Second)
	}
	close(stop)
	wg.Wait()
	figures(t, "backups", "%d backups during %d acknowledged writes, %d bad", n, len(acked), bad)
	if n < 3 {
		t.Errorf("only %d backups", n)
	}
}

// Many connections that send their headers a byte a second are cut off by
// the server's header timeout, while normal requests keep their latency;
// an oversized body gets 413.
func TestStressSlowClients(t *testing.T) {
	bin := stressBinary(t)
	base, _, stop := startServer(t, bin, filepath.Join(t.TempDir(), "t.db"))
	defer stop()
	host := strings.TrimPrefix(base, "http://")
	quick := func(n int) []time.Duration {
		var out []time.Duration
		for range n {
			start := time.Now()
			resp, err := http.Get(base + "/")
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			out = append(out, time.Since(start))
		}
		return out
	}
	quick(20)
	idle := p99(quick(100))
	const slow = 200
	var cut atomic.Int64
	var wg sync.WaitGroup
	started := time.Now()
	for range slow {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := net.Dial("tcp", host)
			if err != nil {
				return
			}
			defer conn.Close()
			req := "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + strings.Repeat("a", 40)
			for i := 0; i < len(req); i++ {
				if _, err := conn.Write([]byte{req[i]}); err != nil {
					cut.Add(1)
					return
				}
				time.Sleep(time.Second)
			}
		}()
	}
	time.Sleep(2 * time.Second)
	loaded := p99(quick(100))
	wg.Wait()
	took := time.Since(started)
	// An oversized body.
	resp, err := http.Post(base+"/login", "application/x-www-form-urlencoded", strings.NewReader("name="+strings.Repeat("a", 2<<20)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	figures(t, "slow clients", "%d connections sending a byte a second: %d cut off within %.0f s; normal p99 %.1f ms alone, %.1f ms beside them; a 2 MB body: %d",
		slow, cut.Load(), took.Seconds(), ms(idle), ms(loaded), resp.StatusCode)
	if cut.Load() < slow*9/10 || took > 20*time.Second {
		t.Errorf("%d of %d slow connections cut off, in %s", cut.Load(), slow, took)
	}
	if loaded > 5*idle+20*time.Millisecond {
		t.Errorf("normal requests slowed from %.1f to %.1f ms", ms(idle), ms(loaded))
	}
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d", resp.StatusCode)
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// stressBinary builds the timeline binary once for the parts that run it
// as a process (to kill it, or to stop it with a signal).
func stressBinary(t *testing.T) string {
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "timeline-stress")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "timeline")
		out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", binPath, "..").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// startServer runs the binary's serve on a free loopback port and waits
// until it answers; stop kills it if it still runs.
func startServer(t *testing.T, bin, db string) (base string, cmd *exec.Cmd, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd = exec.Command(bin, "--db", db, "serve", "--addr", addr)
	cmd.Env = append(os.Environ(), "TIMELINE_ADMIN_PASSWORD="+testPassword, "GOGC="+os.Getenv("STRESS_GOGC"))
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	base = "http://" + addr
	for range 200 {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		time.Sleep(25 * time.Millisecond)
	}
	return base, cmd, func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}
}

// SIGTERM under load lets the requests in flight finish and closes the
// database cleanly: every request started before the signal is answered,
// the process exits 0 and the WAL is checkpointed away.
func TestStressGracefulStop(t *testing.T) {
	bin := stressBinary(t)
	db := filepath.Join(t.TempDir(), "t.db")
	base, cmd, stop := startServer(t, bin, db)
	defer stop()
	var ok, failed, capped atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := from(nextAddr()).Get(base + "/timeline.csv")
			if err != nil {
				failed.Add(1)
				return
			}
			if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" {
				resp.Body.Close()
				capped.Add(1) // refused by the cap on exports, before the signal
				return
			}
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				failed.Add(1)
				return
			}
			ok.Add(1)
		}()
	}
	time.Sleep(20 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	wg.Wait()
	err := cmd.Wait()
	wal, _ := os.Stat(db + "-wal")
	walSize := int64(0)
	if wal != nil {
		walSize = wal.Size()
	}
	good, _ := integrityOK(db)
	figures(t, "graceful stop", "SIGTERM during %d exports (%d more refused by the cap on exports): %d finished, %d failed; exit %v; WAL left %d bytes; integrity %v",
		ok.Load()+failed.Load(), capped.Load(), ok.Load(), failed.Load(), err, walSize, good)
	if failed.Load() > 0 || ok.Load() == 0 || err != nil || walSize > 0 || !good {
		t.Errorf("graceful stop: %d failed, exit %v, WAL %d, integrity %v", failed.Load(), err, walSize, good)
	}
}

// Crash loop: start, write through the forms, import, kill -9 at a random
// moment, restart and verify: integrity and foreign keys hold, no
// acknowledged write is missing, and the import is all there or not at
// all.
func TestStressCrashLoop(t *testing.T) {
	bin := stressBinary(t)
	cycles := 50
	if n, err := strconv.Atoi(os.Getenv("STRESS_CYCLES")); err == nil && n > 0 {
		cycles = n
	}
	fixtures := filepath.Join("..", "..", "..", "timeline", "testdata", "hsg")
	importFiles := []string{filepath.Join(fixtures, "gaps.xml"), filepath.Join(fixtures, "visits.xml"), filepath.Join(fixtures, "countries.xml")}
	if _, err := os.Stat(filepath.Join("..", "..", "..", "..", "shared", "data", "hsg-travels")); err == nil {
		importFiles = []string{filepath.Join("..", "..", "..", "..", "shared", "data", "hsg-travels")}
	}
	db := filepath.Join(t.TempDir(), "t.db")
	acked := map[string]bool{}
	var importRefs int = -1
	halfApplied, missing, broken := 0, 0, 0
	var c *http.Client // one session for every cycle: sessions outlive the process
	for cycle := range cycles {
		base, cmd, stop := startServer(t, bin, db)
		if c == nil {
			var err error
			if c, err = loggedIn(base, "admin"); err != nil {
				stop()
				t.Fatalf("cycle %d: %v", cycle, err)
			}
		}
		imp := exec.Command(bin, append([]string{"--db", db, "import", "hsg"}, importFiles...)...)
		imp.Stdout, imp.Stderr = io.Discard, io.Discard
		imp.Start()
		var mu sync.Mutex
		done := make(chan struct{})
		go func() {
			defer close(done)
			for k := 0; ; k++ {
				title := fmt.Sprintf("Crash %d-%d", cycle, k)
				resp, err := c.PostForm(base+"/curate/events", url.Values{"title": {title}, "kind": {"other"}, "date": {"2020-06-01"}, "precision": {"day"}})
				if err != nil {
					return // the server is gone
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusSeeOther {
					mu.Lock()
					acked[title] = true
					mu.Unlock()
				}
			}
		}()
		time.Sleep(time.Duration(200+rand.IntN(1500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		imp.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		imp.Wait()
		<-done
		stop()

		if ok, _ := integrityOK(db); !ok {
			broken++
		}
		s, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatalf("cycle %d: the database does not open: %v", cycle, err)
		}
		titles := map[string]bool{}
		s.EachEntry(context.Background(), timeline.Filter{Drafts: true, Kinds: []string{timeline.EntryEvent}}, func(e *timeline.Entry) error {
			titles[e.Title] = true
			return nil
		})
		mu.Lock()
		for title := range acked {
			if !titles[title] {
				missing++
			}
		}
		mu.Unlock()
		refs, err := s.Debug().ImportedStops(context.Background())
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		// Once an import has landed, the count is the same every cycle
		// after (the later imports change nothing); before, it is 0.
		switch {
		case refs == 0:
		case importRefs == -1:
			importRefs = refs
		case refs != importRefs:
			halfApplied++
		}
	}
	figures(t, "crash loop", "%d cycles of kill -9: %d acknowledged writes, %d missing; integrity broken %d times; imported stops %d, half-applied %d times",
		cycles, len(acked), missing, broken, importRefs, halfApplied)
	if missing > 0 || broken > 0 || halfApplied > 0 {
		t.Errorf("missing %d, broken %d, half-applied %d", missing, broken, halfApplied)
	}
}

// procStatus reads a figure (in bytes) of a process's /proc status.
func procStatus(t *testing.T, pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, field+":") {
			kb, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// The attacks of issue 11 against the served binary over a 200,000-stop
// record, each printing its figure against its bar: stalled exporters,
// slow bodies, a flood of uncached views from one client, password
// guessing from other addresses, and a zip bomb.
func TestStressHostileClients(t *testing.T) {
	bin := stressBinary(t)
	db := filepath.Join(t.TempDir(), "t.db")
	if out, err := exec.Command(bin, "--db", db, "seed").CombinedOutput(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "--db", db, "gen", "--stops", "200000").CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	base, cmd, stop := startServer(t, bin, db)
	defer stop()
	host := strings.TrimPrefix(base, "http://")
	victim := from("127.0.0.1")
	get := func(c *http.Client, path string) int {
		resp, err := c.Get(base + path)
		if err != nil {
			return 0
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	get(victim, "/")
	cached := func(n int) time.Duration { return timedP99(n, func() { get(victim, "/") }) }

	// Stalled exporters.
	var stalled []net.Conn
	for i := range 8 {
		c := dialFrom(t, fmt.Sprintf("127.0.0.%d", 10+i), host)
		defer c.Close()
		fmt.Fprintf(c, "GET /timeline.csv HTTP/1.1\r\nHost: x\r\n\r\n")
		stalled = append(stalled, c)
	}
	time.Sleep(2 * time.Second)
	health := timedP99(200, func() { get(victim, "/healthz") })
	page := cached(200)
	admin := from("127.0.0.2")
	start := time.Now()
	login := loginAs(t, admin, base, "admin", testPassword)
	took := time.Since(start)
	figures(t, "stalled exports", "8 clients never reading /timeline.csv: healthz p99 %.1f ms, cached page p99 %.1f ms (bar 1000), login %d in %.0f ms",
		ms(health), ms(page), login, ms(took))
	if health > time.Second || page > time.Second || login != http.StatusSeeOther {
		t.Errorf("stalled exporters: healthz %s, page %s, login %d", health, page, login)
	}
	for _, c := range stalled {
		c.Close()
	}

	// Slow bodies.
	var wg sync.WaitGroup
	for i := range 4 {
		conn := dialFrom(t, fmt.Sprintf("127.0.0.%d", 20+i), host)
		defer conn.Close()
		fmt.Fprintf(conn, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n")
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 8 {
				if _, err := conn.Write([]byte("n")); err != nil {
					return
				}
				time.Sleep(time.Second)
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	start = time.Now()
	resp, err := admin.PostForm(base+"/curate/trips", tripFormValues("Saved beside slow bodies"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	save := time.Since(start)
	figures(t, "slow bodies", "4 clients sending a login body a byte a second: a curator's save %d in %.1f ms (bar 1000)", resp.StatusCode, ms(save))
	if resp.StatusCode != http.StatusSeeOther || save > time.Second {
		t.Errorf("save beside slow bodies: %d in %s", resp.StatusCode, save)
	}
	wg.Wait()

	// A flood of distinct uncached views from one client.
	var alone []time.Duration
	for range 300 {
		alone = append(alone, timedP99(1, func() { get(victim, "/") }))
		time.Sleep(5 * time.Millisecond)
	}
	idle := p99(alone)
	flood := from("127.0.0.40")
	var views atomic.Int64
	codes := sync.Map{}
	done := make(chan struct{})
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 1000; i += 8 {
				code := get(flood, fmt.Sprintf("/?from=%d-01-01&to=%d-12-31&q=trade&v=%d", 1900+i%120, 1900+i%120+i%7, i))
				n, _ := codes.LoadOrStore(code, new(atomic.Int64))
				n.(*atomic.Int64).Add(1)
				views.Add(1)
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	var during []time.Duration
	for loop := true; loop; {
		select {
		case <-done:
			loop = false
		default:
			// A reader's pace, not a loop that takes a core of its own.
			during = append(during, timedP99(1, func() { get(victim, "/") }))
			time.Sleep(5 * time.Millisecond)
		}
	}
	busy := p99(during)
	var summary []string
	codes.Range(func(k, v any) bool {
		summary = append(summary, fmt.Sprintf("%v: %d", k, v.(*atomic.Int64).Load()))
		return true
	})
	slices.Sort(summary)
	figures(t, "uncached flood", "1,000 distinct uncached views from one client (%s): another client's cached p99 %.2f ms idle, %.2f ms during (%.1fx, bar 2x), %d samples",
		strings.Join(summary, ", "), ms(idle), ms(busy), float64(busy)/float64(idle), len(during))
	if busy > 2*idle+time.Millisecond {
		t.Errorf("a flood from one client slowed another's cached pages from %s to %s", idle, busy)
	}

	// Password guessing from other addresses.
	for i := range 5 {
		c := from(fmt.Sprintf("127.0.0.%d", 50+i))
		for range 10 {
			loginAs(t, c, base, "admin", "guess guess guess")
		}
	}
	login = loginAs(t, from("127.0.0.3"), base, "admin", testPassword)
	figures(t, "guessing", "50 wrong passwords for admin from 5 other addresses: the admin's login from its own answered %d", login)
	if login != http.StatusSeeOther {
		t.Errorf("the admin was locked out: %d", login)
	}

	// A zip bomb, measured in the server's own memory.
	bomb := bombZip(t, 256<<20, "people.csv", "sources.csv", "trips.csv")
	// The peak figure from here on (clear_refs 5 resets it to now).
	os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", cmd.Process.Pid), []byte("5"), 0)
	rss := procStatus(t, cmd.Process.Pid, "VmRSS")
	code, _ := uploadBundle(t, admin, base, bomb)
	peak := procStatus(t, cmd.Process.Pid, "VmHWM")
	figures(t, "zip bomb", "a %.1f MB bundle inflating to 768 MiB: %d; server RSS %d MB before, peak %d MB (bar: growth under 100 MB)",
		float64(len(bomb))/1e6, code, rss>>20, peak>>20)
	if code != http.StatusRequestEntityTooLarge || peak-rss > 100<<20 {
		t.Errorf("zip bomb: %d, grew %d MB", code, (peak-rss)>>20)
	}
}

// mainText is the words of a page's main element, for a failure message.
func mainText(b []byte) string {
	s := string(b)
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}
