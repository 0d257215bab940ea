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
	"runtime/debug"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// app holds what the handlers share. It is built by cmdServe (and by the
// tests) and passed in: no package-level state.
type app struct {
	store *store.Store
	log   *slog.Logger
	cache *lookupCache
}

func newApp(s *store.Store, log *slog.Logger) *app {
	return &app{store: s, log: log, cache: &lookupCache{}}
}

// routes is the whole route table. Every route is GET (or HEAD) for now:
// nothing here changes data.
func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", a.serve(a.timelinePage))
	mux.HandleFunc("GET /timeline.csv", a.serve(a.timelineCSV))
	mux.HandleFunc("GET /trips/{id}", a.serve(a.tripPage))
	mux.HandleFunc("GET /meetings/{id}", a.serve(a.meetingRedirect))
	mux.HandleFunc("GET /stops/{id}", a.serve(a.factRedirect(timeline.KindStop)))
	mux.HandleFunc("GET /goals/{id}", a.serve(a.factRedirect(timeline.KindGoal)))
	mux.HandleFunc("GET /quotes/{id}", a.serve(a.factRedirect(timeline.KindQuote)))
	mux.HandleFunc("GET /claims/{id}", a.serve(a.factRedirect(timeline.KindClaim)))
	mux.HandleFunc("GET /people/{slug}", a.serve(a.personPage))
	mux.HandleFunc("GET /countries/{code}", a.serve(a.countryPage))
	mux.HandleFunc("GET /regions", a.serve(a.regionsPage))
	mux.HandleFunc("GET /regions/{code}", a.serve(a.regionPage))
	mux.HandleFunc("GET /events/{id}", a.serve(a.eventPage))
	mux.HandleFunc("GET /sources/{id}", a.serve(a.sourcePage))
	mux.HandleFunc("GET /counters/{id}", a.serve(a.counterPage))
	mux.HandleFunc("GET /about", a.serve(a.aboutPage))
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("/", a.serve(a.notFound))

	cop := http.NewCrossOriginProtection()
	return a.recoverer(securityHeaders(limitBodies(cop.Handler(mux))))
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

// limitBodies caps every request body; forms need far less than 1 MiB.
func limitBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
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
		ReadTimeout:       30 * time.Second,
		// Long enough for a full export of a million rows.
		WriteTimeout:   10 * time.Minute,
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
	a := newApp(s, log)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := newServer(*addr, a.routes(), log)
	go a.checkpointLoop(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", slog.String("url", "http://"+ln.Addr().String()+"/"), slog.String("db", s.Path()))
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
