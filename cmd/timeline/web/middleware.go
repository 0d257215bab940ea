package web

import (
	"context"
	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
)

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

type ctxKey int

const userKey ctxKey = 1

// isAdmin says whether the request is an admin's.
func isAdmin(r *http.Request) bool {
	u := userOf(r)
	return u != nil && u.Role == store.RoleAdmin
}

// userOf returns the logged-in curator of the request, or nil.
func userOf(r *http.Request) *store.User {
	u, _ := r.Context().Value(userKey).(*store.User)
	return u
}

// withUser resolves the session cookie, when there is one, to its account
// and puts it in the request's context. Visitors without the cookie cost
// no query. Pages seen by a curator may hold drafts, so they are never
// cached.
func (a *Server) withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie(sessionCookie); err == nil {
			s, err := a.sessions.Get(r, sessionCookie)
			if err != nil {
				a.serveError(w, r, err)
				return
			}
			if id, ok := s.Values["user_id"].(int64); ok && id != 0 {
				if u, err := a.store.UserByID(r.Context(), id); err == nil {
					r = r.WithContext(context.WithValue(r.Context(), userKey, u))
					w.Header().Set("Cache-Control", "no-store")
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// curator wraps a handler that writes or shows curator pages: without a
// session a page request is sent to the login form (and back afterwards),
// and any other request is refused with 401; nothing runs.
func (a *Server) curator(fn handlerFunc) http.HandlerFunc {
	return a.serve(func(w http.ResponseWriter, r *http.Request) error {
		if userOf(r) == nil {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, "/login?"+url.Values{"next": {r.URL.RequestURI()}}.Encode(), http.StatusSeeOther)
				return nil
			}
			if resume, ok := resumable(r); ok {
				return a.loginToResume(w, r, resume)
			}
			return timeline.Errorf(timeline.EUnauthorized, "Log in as a curator to make changes; nothing was changed.")
		}
		w.Header().Set("Cache-Control", "no-store")
		return fn(w, r)
	})
}

// admin wraps a handler for admins only.
func (a *Server) admin(fn handlerFunc) http.HandlerFunc {
	return a.curator(func(w http.ResponseWriter, r *http.Request) error {
		if !userOf(r).IsAdmin() {
			return timeline.Errorf(timeline.EForbidden, "Only an admin can do this.")
		}
		return fn(w, r)
	})
}
