package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
	"github.com/diplomatic-travel/tracker/views/export"
)

// Server is the site: what the handlers share. It is built by New (from
// "timeline serve" and from the tests) and passed in: no package-level
// state.
type Server struct {
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
	limits Limits
	// heavySlots and exportSlots share out the uncached computations and
	// the exports among clients.
	heavySlots, exportSlots *slots
	budgets                 *budgets
}

// Config holds the server settings that come from flags and the
// environment.
type Config struct {
	BehindProxy bool
	// BaseURL is the site's public address, such as
	// https://travel.example.org; the default is the listen address's.
	BaseURL string
	// Limits are the caps on what clients may hold; zero is the defaults.
	Limits *Limits
}

// defaultBaseURL is the public address when none is configured.
const defaultBaseURL = "http://127.0.0.1:8080"

// New builds the site over the store: its session keys, the map's shapes,
// the caches and the limits. cfg.BaseURL must be an absolute http(s) URL.
func New(ctx context.Context, s *store.Store, log *slog.Logger, cfg Config) (*Server, error) {
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
	lim := DefaultLimits()
	if cfg.Limits != nil {
		lim = *cfg.Limits
	}
	return &Server{
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
func (a *Server) routeTable() []route {
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
func (a *Server) Handler() http.Handler {
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

func (a *Server) healthz(w http.ResponseWriter, r *http.Request) {
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
func (a *Server) recoverer(next http.Handler) http.Handler {
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
		// Bodies have their own, shorter deadline (Limits.BodyTimeout).
		ReadTimeout: 30 * time.Second,
		// A page is written in well under this; an export moves its
		// deadline forward chunk by chunk (Limits.ChunkTimeout).
		WriteTimeout:   time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// ListenAndServe serves the site on addr until ctx is done, then finishes
// the requests in flight (for 30 seconds at most). Connections are capped
// in all and per client, and the WAL is checkpointed every minute.
func (a *Server) ListenAndServe(ctx context.Context, addr string) error {
	raw, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	ln := newConnLimiter(raw, a.limits, a.behindProxy)
	srv := newServer(addr, a.Handler(), a.log)
	srv.ConnState = ln.ConnState
	go a.checkpointLoop(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.log.Info("serving", slog.String("url", "http://"+ln.Addr().String()+"/"), slog.String("base", a.base), slog.String("db", a.store.Path()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a.log.Info("shutting down")
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// checkpointLoop truncates the WAL every minute, so that a long export
// cannot leave it growing.
func (a *Server) checkpointLoop(ctx context.Context) {
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
