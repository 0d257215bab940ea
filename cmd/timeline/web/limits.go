package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync"
	"syscall"
	"time"
	"unicode"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Limits that keep the site up for everyone when a few clients misbehave
// (RELIABILITY.md, "slow and hostile clients"). Each is a setting with a
// default; README's operator guide lists them.
type Limits struct {
	// BodyTimeout is how long a request body may take to arrive; it is
	// read whole before the request takes a write slot.
	BodyTimeout time.Duration
	// PerClient is how many requests of one client run at once.
	PerClient int
	// HeavyPerClient and Heavy are how many uncached computations (a page
	// not in the cache, its facets) run at once for one client and in all.
	HeavyPerClient, Heavy int
	// WorkRate and WorkBurst are each client's budget of uncached work:
	// the computing time it may use per second on average, and at most in
	// one go. Beyond it the client is asked to wait (503, Retry-After).
	WorkRate  float64
	WorkBurst time.Duration
	// Exports and ExportsPerClient cap the exports being made or sent.
	Exports, ExportsPerClient int
	// ChunkTimeout is how long a client may take to accept each chunk of
	// an export before it is cut off.
	ChunkTimeout time.Duration
	// Conns and ConnsPerAddr cap the open connections (in all, and from
	// one address when no proxy is in front); Idle caps the idle ones.
	Conns, ConnsPerAddr, Idle int
}

// DefaultLimits are sized for the project's 2-core machine: the heavy work
// of all clients together leaves a core to the cached pages, and the
// connection caps stay well below the file-descriptor limit.
func DefaultLimits() Limits {
	heavy := max(1, runtime.NumCPU()-1)
	l := Limits{
		BodyTimeout: 10 * time.Second, PerClient: 16, HeavyPerClient: 1, Heavy: heavy,
		// An eighth of the machine's two cores per client on average: a
		// researcher's first views pass, a crawler of uncached views waits.
		WorkRate: 0.25, WorkBurst: 3 * time.Second,
		// Exports read the database while they are written out, so they
		// leave half the reader pool to the pages.
		Exports: max(1, store.ReaderPool/2), ExportsPerClient: 1, ChunkTimeout: 10 * time.Second,
		Conns: 4096, ConnsPerAddr: 64, Idle: 1024,
	}
	// Keep room under the descriptor limit for the database, its WAL,
	// spooled exports and the log (Go raises the soft limit to the hard
	// one at start).
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err == nil && rl.Cur > 128 {
		l.Conns = min(l.Conns, int(rl.Cur)-64)
		l.Idle = min(l.Idle, l.Conns/2)
	}
	return l
}

// retryAfter is the Retry-After of every 503, in seconds.
const retryAfter = "5"

func errBusy(format string, args ...any) error {
	return timeline.Errorf(timeline.EBusy, format+" Nothing was changed; please try again in a few seconds.", args...)
}

// slots counts what each client (and everyone) has running, for one kind
// of work.
type slots struct {
	mu        sync.Mutex
	perClient int
	total     int
	running   map[string]int
	all       int
	wait      chan struct{} // closed and replaced when a slot frees
}

func newSlots(perClient, total int) *slots {
	return &slots{perClient: perClient, total: total, running: map[string]int{}, wait: make(chan struct{})}
}

// take takes a slot for client if one is free; s.mu is held.
func (s *slots) take(client string) bool {
	if s.running[client] >= s.perClient || s.all >= s.total {
		return false
	}
	s.running[client]++
	s.all++
	return true
}

// try takes a slot for client now, or says it cannot.
func (s *slots) try(client string) (release func(), ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.take(client) {
		return nil, false
	}
	return s.releaser(client), true
}

func (s *slots) releaser(client string) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			if s.running[client]--; s.running[client] <= 0 {
				delete(s.running, client)
			}
			s.all--
			close(s.wait)
			s.wait = make(chan struct{})
			s.mu.Unlock()
		})
	}
}

// acquire waits for a slot for client until ctx ends or patience runs out.
// A client is never queued behind itself for long: work of one client runs
// one at a time, others' in turn.
func (s *slots) acquire(ctx context.Context, client string, patience time.Duration) (func(), error) {
	deadline := time.NewTimer(patience)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if s.take(client) {
			s.mu.Unlock()
			return s.releaser(client), nil
		}
		wait := s.wait
		s.mu.Unlock()
		select {
		case <-wait:
		case <-deadline.C:
			return nil, errBusy("The server is busy with other requests of yours or of others.")
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// budgetPause is the longest a client over its budget of uncached work is
// held before it is answered.
const budgetPause = time.Second

// heavyPatience is how long an uncached computation waits for its slot.
const heavyPatience = 5 * time.Second

// heavy takes a slot for an uncached computation of r's client: the page
// cache's misses, a chart's figures. Cached answers never wait here. The
// time the work takes is charged to the client's budget.
func (a *Server) heavy(r *http.Request) (func(), error) {
	client := a.clientAddr(r)
	// A client over its budget waits for it to refill, a second at most,
	// and is then asked to come back: a crawler of uncached views is slowed
	// to the budget's pace, each refusal costing it a second and the
	// server nothing.
	if wait := a.budgets.wait(client); wait > 0 {
		t := time.NewTimer(min(wait, budgetPause))
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return nil, r.Context().Err()
		}
		if wait > budgetPause {
			return nil, errBusy("You have asked for many views that are not ready in a short time.")
		}
	}
	release, err := a.heavySlots.acquire(r.Context(), client, heavyPatience)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	background := lowerPriority()
	return func() {
		background()
		release()
		a.budgets.charge(client, time.Since(start))
	}, nil
}

// heavyNice is the scheduling niceness of uncached work: the kernel gives
// the cached pages' threads the CPU first.
const heavyNice = 10

// lowerPriority runs the calling goroutine, on a thread of its own, at a
// lower scheduling priority until the returned function is called: on two
// cores, one client's uncached computation would otherwise take the CPU
// from every cached page. When the priority cannot be raised back (an
// unprivileged process may not), the goroutine keeps its thread, which Go
// then ends with it, so no other work runs at the lower priority.
func lowerPriority() (restore func()) {
	runtime.LockOSThread()
	tid := syscall.Gettid()
	if err := syscall.Setpriority(syscall.PRIO_PROCESS, tid, heavyNice); err != nil {
		runtime.UnlockOSThread()
		return func() {}
	}
	return func() {
		if syscall.Setpriority(syscall.PRIO_PROCESS, tid, 0) == nil {
			runtime.UnlockOSThread()
		}
	}
}

// budgets are the clients' budgets of uncached work: a token bucket of
// computing time per client, refilled at rate seconds per second up to
// burst.
type budgets struct {
	mu     sync.Mutex
	rate   float64
	burst  float64
	client map[string]*budget
}

type budget struct {
	left float64 // seconds of work
	at   time.Time
}

func newBudgets(rate float64, burst time.Duration) *budgets {
	return &budgets{rate: rate, burst: burst.Seconds(), client: map[string]*budget{}}
}

func (b *budgets) refill(client string, now time.Time) *budget {
	bu := b.client[client]
	if bu == nil {
		if len(b.client) > 100_000 {
			b.client = map[string]*budget{} // forget all rather than grow without bound
		}
		bu = &budget{left: b.burst, at: now}
		b.client[client] = bu
	}
	bu.left = min(b.burst, bu.left+now.Sub(bu.at).Seconds()*b.rate)
	bu.at = now
	return bu
}

// wait says how long the client must wait for its budget to be positive
// again (0: it has budget left).
func (b *budgets) wait(client string) time.Duration {
	if b.rate <= 0 {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	left := b.refill(client, time.Now()).left
	if left > 0 {
		return 0
	}
	return time.Duration((-left/b.rate)*float64(time.Second)) + 10*time.Millisecond
}

// charge takes the time some work took from the client's budget.
func (b *budgets) charge(client string, d time.Duration) {
	if b.rate <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(client, time.Now()).left -= d.Seconds()
}

// perClient caps the requests of one client that run at once: one client
// cannot take every worker, whatever it asks for.
func (a *Server) perClient(next http.Handler) http.Handler {
	s := newSlots(a.limits.PerClient, 1<<30)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		release, ok := s.try(a.clientAddr(r))
		if !ok {
			a.serveError(w, r, errBusy("Too many requests from your address at once."))
			return
		}
		defer release()
		next.ServeHTTP(w, r)
	})
}

// readBodies reads a writing request's body whole, under a deadline,
// before anything waits for a write slot: a client sending its body a byte
// a second is cut off after BodyTimeout and never holds a slot. Bodies are
// capped (forms 1 MiB; the admins' uploads 8 MiB).
func (a *Server) readBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		limit := int64(1 << 20)
		if (r.URL.Path == importPath || r.URL.Path == importPath+"/bundle") && isAdmin(r) {
			limit = uploadLimit // the Office of the Historian's files, a bundle
		}
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Now().Add(a.limits.BodyTimeout))
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		_ = rc.SetReadDeadline(time.Time{})
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			a.serveError(w, r, timeline.Errorf(timeline.ETooLarge, "The form is larger than %d bytes; nothing was saved.", limit))
			return
		case err != nil && os.IsTimeout(err):
			w.Header().Set("Connection", "close")
			a.serveError(w, r, timeline.Errorf(timeline.ETimeout, "The request's body took longer than %s to arrive, so it was not read; nothing was changed.", a.limits.BodyTimeout))
			return
		case err != nil:
			w.Header().Set("Connection", "close")
			a.serveError(w, r, timeline.Errorf(timeline.EInvalid, "The request's body could not be read; nothing was changed."))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		next.ServeHTTP(w, r)
	})
}

// refuseControls answers 400 for a query parameter holding a control
// character (NUL and the like), naming the parameter: no page, search or
// export is built from one.
func (a *Server) refuseControls(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, vs := range r.URL.Query() {
			for _, v := range append([]string{k}, vs...) {
				for _, c := range v {
					if unicode.IsControl(c) {
						a.serveError(w, r, &timeline.Error{Code: timeline.EInvalid, Field: k,
							Message: fmt.Sprintf("The parameter %q holds a control character (U+%04X); remove it.", timeline.Clip(k), c)})
						return
					}
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// connLimiter caps open connections, in all and per address, and idle
// keep-alive connections, so that one client cannot run the server out of
// file descriptors. Beyond the caps a new connection is closed at once.
type connLimiter struct {
	net.Listener
	l       Limits
	perAddr bool // false behind a proxy: every connection is the proxy's
	mu      sync.Mutex
	open    int
	byAddr  map[string]int
	idle    map[net.Conn]bool
}

func newConnLimiter(ln net.Listener, l Limits, behindProxy bool) *connLimiter {
	return &connLimiter{Listener: ln, l: l, perAddr: !behindProxy, byAddr: map[string]int{}, idle: map[net.Conn]bool{}}
}

func (c *connLimiter) Accept() (net.Conn, error) {
	for {
		conn, err := c.Listener.Accept()
		if err != nil {
			return nil, err
		}
		host := hostOf(conn.RemoteAddr())
		c.mu.Lock()
		over := c.open >= c.l.Conns || (c.perAddr && c.byAddr[host] >= c.l.ConnsPerAddr)
		if !over {
			c.open++
			c.byAddr[host]++
		}
		c.mu.Unlock()
		if over {
			conn.Close()
			continue
		}
		return &limitedConn{Conn: conn, c: c, host: host}, nil
	}
}

// ConnState, given to the http.Server, closes idle connections beyond the
// cap (the newest idle one goes: the client just finished with it).
func (c *connLimiter) ConnState(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	switch state {
	case http.StateIdle:
		if len(c.idle) >= c.l.Idle {
			c.mu.Unlock()
			conn.Close()
			return
		}
		c.idle[conn] = true
	default:
		delete(c.idle, conn)
	}
	c.mu.Unlock()
}

func (c *connLimiter) Open() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.open
}

type limitedConn struct {
	net.Conn
	c     *connLimiter
	host  string
	close sync.Once
}

func (lc *limitedConn) Close() error {
	err := lc.Conn.Close()
	lc.close.Do(func() {
		lc.c.mu.Lock()
		lc.c.open--
		if lc.c.byAddr[lc.host]--; lc.c.byAddr[lc.host] <= 0 {
			delete(lc.c.byAddr, lc.host)
		}
		lc.c.mu.Unlock()
	})
	return err
}

func hostOf(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}
