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
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Server is the site: what the handlers share. It is built by New (from
// "timeline serve" and from the tests) and passed in: no package-level
// state.
type Server struct {
	store *store.Store
	log   *slog.Logger
	// lists holds the filter form's lists.
	lists *versionCache[filterLists]
	// facetCache holds the facet counts of recent views.
	facetCache *versionCache[*store.Facets]
	// chartCache holds the figures of recent views' pictures.
	chartCache *versionCache[*store.Charts]
	// figureCache holds the figures of travellers', countries' and
	// regions' pages.
	figureCache *versionCache[*timeline.Figures]
	// pending holds uploaded imports waiting for an admin's confirmation.
	pending *pendingImports
	// pages holds rendered timeline pages of readers not logged in.
	pages *versionCache[[]byte]
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
		store:   s, log: log, lists: &versionCache[filterLists]{}, world: world,
		facetCache: &versionCache[*store.Facets]{}, chartCache: &versionCache[*store.Charts]{},
		figureCache: &versionCache[*timeline.Figures]{}, numberings: &versionCache[timeline.Numbering]{}, pages: newPageCache(), pending: &pendingImports{},
		sessions:    newSessionStore(s, keys, cfg.BehindProxy),
		logins:      newThrottle(throttleWindow),
		behindProxy: cfg.BehindProxy,
	}, nil
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
