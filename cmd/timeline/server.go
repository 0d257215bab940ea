package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
	"github.com/diplomatic-travel/tracker/views/export"
)

// app holds what the handlers share. It is built by cmdServe (and by the
// tests) and passed in: no package-level state.
type app struct {
	store *store.Store
	log   *slog.Logger
	cache *lookupCache
	// facetCache holds the facet counts of recent views.
	facetCache *versionCache[*store.Facets]
	// chartCache holds the figures of recent views' pictures.
	chartCache *versionCache[*store.Charts]
	// figureCache holds the figures of travellers', countries' and
	// regions' pages.
	figureCache *versionCache[*store.Figures]
	// pending holds uploaded imports waiting for an admin's confirmation.
	pending *pendingImports
	// pages holds rendered timeline pages of readers not logged in.
	pages *pageCache
	// numberings holds counters' numberings.
	numberings *versionCache[timeline.Numbering]
	// world is the map's shapes.
	world    *views.World
	sessions *dbSessions
	logins   *throttle
	// behindProxy says a TLS-terminating proxy is in front: cookies are
	// Secure and the client address is the proxy's X-Forwarded-For entry.
	behindProxy bool
	// base is the site's public address (no trailing slash): every
	// absolute link and id is made from it, never from a request's Host.
	base   string
	limits limits
	// heavySlots and exportSlots share out the uncached computations and
	// the exports among clients.
	heavySlots, exportSlots *slots
	budgets                 *budgets
}

// appConfig holds the server settings that come from flags and the
// environment.
type appConfig struct {
	BehindProxy bool
	// BaseURL is the site's public address, such as
	// https://travel.example.org; the default is the listen address's.
	BaseURL string
	// Limits are the caps on what clients may hold; zero is the defaults.
	Limits *limits
}

// defaultBaseURL is the public address when none is configured.
const defaultBaseURL = "http://127.0.0.1:8080"

func newApp(ctx context.Context, s *store.Store, log *slog.Logger, cfg appConfig) (*app, error) {
	keys, err := s.SessionKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("session keys: %w", err)
	}
	world, err := loadWorld(s.Countries())
	if err != nil {
		return nil, err
	}
	base, err := checkBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	lim := defaultLimits()
	if cfg.Limits != nil {
		lim = *cfg.Limits
	}
	return &app{
		base: base, limits: lim, heavySlots: newSlots(lim.HeavyPerClient, lim.Heavy), exportSlots: newSlots(lim.ExportsPerClient, lim.Exports),
		budgets: newBudgets(lim.WorkRate, lim.WorkBurst),
		store:   s, log: log, cache: &lookupCache{}, world: world,
		facetCache: &versionCache[*store.Facets]{}, chartCache: &versionCache[*store.Charts]{},
		figureCache: &versionCache[*store.Figures]{}, numberings: &versionCache[timeline.Numbering]{}, pages: &pageCache{}, pending: &pendingImports{},
		sessions:    newSessionStore(s, keys, cfg.BehindProxy),
		logins:      newThrottle(throttleWindow),
		behindProxy: cfg.BehindProxy,
	}, nil
}

// route is one entry of the route table.
type route struct {
	pattern string // a ServeMux pattern: "GET /trips/{id}"
	handler http.HandlerFunc
}

// routeTable lists every route. It is a table rather than calls on the mux
// so that tests can walk it (every write route must refuse cross-site
// requests and logged-out visitors).
func (a *app) routeTable() []route {
	return append([]route{
		{"GET /{$}", a.serve(a.timelinePage)},
		{"GET /timeline.csv", a.serve(a.stream("text/csv; charset=utf-8", "timeline.csv", export.CSV))},
		{"GET /timeline.json", a.serve(a.stream("application/json; charset=utf-8", "timeline.json", export.JSON))},
		{"GET /timelinejs.json", a.serve(a.stream("application/json; charset=utf-8", "timelinejs.json", export.TimelineJS))},
		{"GET /timeline.ics", a.serve(a.stream("text/calendar; charset=utf-8", "timeline.ics", export.ICS))},
		{"GET /export.zip", a.serve(a.stream("application/zip", "timeline-bundle.zip", export.Bundle))},
		{"GET /feed.atom", a.serve(a.stream("application/atom+xml; charset=utf-8", "feed.atom", export.Atom))},
		{"GET /trips/{id}", a.serve(a.tripPage)},
		{"GET /meetings/{id}", a.serve(a.meetingRedirect)},
		{"GET /stops/{id}", a.serve(a.factRedirect(timeline.KindStop))},
		{"GET /goals/{id}", a.serve(a.factRedirect(timeline.KindGoal))},
		{"GET /quotes/{id}", a.serve(a.factRedirect(timeline.KindQuote))},
		{"GET /claims", a.serve(a.claimsPage)},
		{"GET /charts", a.serve(a.chartsPage)},
		{"GET /claims/{id}", a.serve(a.factRedirect(timeline.KindClaim))},
		{"GET /people/{slug}", a.serve(a.personPage)},
		{"GET /countries/{code}", a.serve(a.countryPage)},
		{"GET /regions", a.serve(a.regionsPage)},
		{"GET /regions/{code}", a.serve(a.regionPage)},
		{"GET /events/{id}", a.serve(a.eventPage)},
		{"GET /sources/{id}", a.serve(a.sourcePage)},
		{"GET /counters/{id}", a.serve(a.counterPage)},
		{"GET /about", a.serve(a.aboutPage)},
		{"GET /healthz", a.healthz},
		{"GET /static/", staticHandler().ServeHTTP},
		{"GET /login", a.serve(a.loginForm)},
		{"POST /login", a.serve(a.login)},
		{"POST /logout", a.serve(a.logout)},
	}, append(a.curatorRouteTable(), a.adminRouteTable()...)...)
}

// routes is the whole handler: the route table behind the middleware.
func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range a.routeTable() {
		mux.HandleFunc(rt.pattern, rt.handler)
	}
	mux.HandleFunc("/", a.serve(a.notFound))

	// Cross-site requests that change state are refused by the browser's
	// own Sec-Fetch-Site and Origin headers, before any handler runs.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.serveError(w, r, timeline.Errorf(timeline.EForbidden,
			"This request came from another site, so it was refused and nothing was changed. Use the forms on this site."))
	}))
	// Cheap refusals first; bodies are read whole, under a deadline, before
	// a request may wait for a write slot.
	return a.recoverer(securityHeaders(a.refuseControls(a.perClient(cop.Handler(a.withUser(a.readBodies(limitWriters(mux))))))))
}

// checkBaseURL checks the configured public address: http or https, a
// host, no path beyond "/", no query.
func checkBaseURL(s string) (string, error) {
	if s == "" {
		s = defaultBaseURL
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("the base URL %q is not the site's address, such as https://travel.example.org (--base-url, TIMELINE_BASE_URL)", s)
	}
	return u.Scheme + "://" + u.Host, nil
}

func (a *app) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := a.store.Ping(ctx); err != nil {
		http.Error(w, "database does not answer", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "ok\n")
}

// securityHeaders sets the headers every response carries, error pages and
// exports included. The CSP allows no inline script or style.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// writeSlots is how many writing requests are handled at once. SQLite
// takes one write at a time anyway; letting sixteen curators' requests
// parse, validate and queue at once only takes the CPU from readers (on two
// cores their p99 tripled), so the others wait here, in order.
const writeSlots = 2

// limitWriters lets at most writeSlots requests that change state run at
// once; reads pass freely.
func limitWriters(next http.Handler) http.Handler {
	slots := make(chan struct{}, writeSlots)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return // the client went away while waiting
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic in a handler into a logged 500 instead of a
// dropped connection; http.ErrAbortHandler passes through, since it is how
// a streaming export aborts rather than end a file early.
func (a *app) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				a.log.Error("panic", slog.Any("value", v), slog.String("path", r.URL.Path), slog.String("stack", string(debug.Stack())))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// newServer returns an http.Server with every timeout set, so that slow or
// idle clients cannot hold connections and memory.
func newServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		// Bodies have their own, shorter deadline (limits.BodyTimeout).
		ReadTimeout: 30 * time.Second,
		// A page is written in well under this; an export moves its
		// deadline forward chunk by chunk (limits.ChunkTimeout).
		WriteTimeout:   time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

func cmdServe(ctx context.Context, open func() (*store.Store, error), args []string, stderr io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", envOr("TIMELINE_ADDR", "127.0.0.1:8080"), "the address to listen on")
	seed := fs.Bool("seed", true, "load the demo record when the database is empty")
	proxy := fs.Bool("behind-tls-proxy", envOr("TIMELINE_BEHIND_TLS_PROXY", "") != "", "a TLS-terminating proxy is in front: Secure cookies, client address from X-Forwarded-For")
	base := fs.String("base-url", envOr("TIMELINE_BASE_URL", ""), "the site's public address, for absolute links and ids (default http:// and the listen address)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := open()
	if err != nil {
		return err
	}
	defer s.Close()
	if *seed {
		res, err := s.Seed(ctx)
		if err != nil {
			return fmt.Errorf("load the demo record: %w", err)
		}
		if res.Seeded {
			log.Info("loaded the demo record into the empty database", slog.String("db", s.Path()), slog.Int("trips", res.Trips))
		}
	}
	if err := ensureAdmin(ctx, s, log); err != nil {
		return err
	}
	if *base == "" {
		*base = "http://" + *addr
	}
	a, err := newApp(ctx, s, log, appConfig{BehindProxy: *proxy, BaseURL: *base})
	if err != nil {
		return err
	}
	raw, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	ln := newConnLimiter(raw, a.limits, *proxy)
	srv := newServer(*addr, a.routes(), log)
	srv.ConnState = ln.ConnState
	go a.checkpointLoop(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", slog.String("url", "http://"+ln.Addr().String()+"/"), slog.String("base", a.base), slog.String("db", s.Path()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Finish the requests in flight, then close the database cleanly.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	log.Info("shutting down")
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// checkpointLoop truncates the WAL every minute, so that a long export
// cannot leave it growing.
func (a *app) checkpointLoop(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := a.store.Checkpoint(ctx); err != nil && ctx.Err() == nil {
				a.log.Warn("wal checkpoint", slog.Any("err", err))
			}
		}
	}
}

// ensureAdmin creates the first account, admin, when there is none: with
// TIMELINE_ADMIN_PASSWORD when it is set, else with a random password
// printed once to the log.
func ensureAdmin(ctx context.Context, s *store.Store, log *slog.Logger) error {
	n, err := s.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	pw := os.Getenv("TIMELINE_ADMIN_PASSWORD")
	generated := pw == ""
	if generated {
		if pw, err = store.RandomPassword(); err != nil {
			return err
		}
	}
	if _, err := s.CreateUser(ctx, store.Actor{Name: "serve"}, "admin", store.RoleAdmin, pw); err != nil {
		return fmt.Errorf("create the first account: %w", err)
	}
	// Hashing took 19 MiB; hand it back to the system rather than keep it
	// for the life of the server.
	debug.FreeOSMemory()
	if generated {
		log.Warn("created the first account; this password is shown only once: log in and change it", "name", "admin", "password", pw)
	} else {
		log.Info("created the first account with TIMELINE_ADMIN_PASSWORD", "name", "admin")
	}
	return nil
}
