package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/diplomatic-travel/tracker/cmd/timeline/web"
	"github.com/diplomatic-travel/tracker/store"
)

// cmdServe runs "timeline serve": the demo into an empty database, the
// first account when there is none, then the site until a signal stops it.
func cmdServe(e *env, args []string) error {
	fs := e.flags("serve")
	addr := fs.String("addr", envOr("TIMELINE_ADDR", "127.0.0.1:8080"), "the address to listen on")
	seed := fs.Bool("seed", true, "load the demo record when the database is empty")
	proxy := fs.Bool("behind-tls-proxy", envOr("TIMELINE_BEHIND_TLS_PROXY", "") != "", "a TLS-terminating proxy is in front: Secure cookies, client address from X-Forwarded-For")
	base := fs.String("base-url", envOr("TIMELINE_BASE_URL", ""), "the site's public address, for absolute links and ids (default http:// and the listen address)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		if *seed {
			res, err := s.Seed(e.ctx)
			if err != nil {
				return fmt.Errorf("load the demo record: %w", err)
			}
			if res.Seeded {
				e.log.Info("loaded the demo record into the empty database", slog.String("db", s.Path()), slog.Int("trips", res.Trips))
			}
		}
		if err := ensureAdmin(e.ctx, s, e.log); err != nil {
			return err
		}
		if *base == "" {
			*base = "http://" + *addr
		}
		site, err := web.New(e.ctx, s, e.log, web.Config{BehindProxy: *proxy, BaseURL: *base})
		if err != nil {
			return err
		}
		return site.ListenAndServe(e.ctx, *addr)
	})
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
