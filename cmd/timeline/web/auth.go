package web

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Login throttling slows guessing without handing strangers a switch that
// locks the real user out: after perPairLimit failures for an account from
// one address, that address may not try that account again until the
// window has passed, and after perAddressLimit failures an address may not
// try any account. An account is never locked as such: its owner, from an
// address that did not fail, logs in during an attack on it.
const (
	throttleWindow  = 15 * time.Minute
	perPairLimit    = 5
	perAddressLimit = 20
)

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

// safeRedirect returns target when it is a path on this site, and "/"
// otherwise, so the login form cannot be made to send a curator elsewhere.
func safeRedirect(target string) string {
	if target == "" || !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") || strings.HasPrefix(target, "/\\") {
		return "/"
	}
	for _, c := range target {
		if c < 0x20 || c == 0x7f || c == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	if u.Path == "/login" || u.Path == "/logout" {
		return "/"
	}
	// Re-encoding can turn "/%2F/host" into "//host"; check the result too.
	out := u.RequestURI()
	if !strings.HasPrefix(out, "/") || strings.HasPrefix(out, "//") || strings.HasPrefix(out, "/\\") {
		return "/"
	}
	return out
}

// clientAddr is the address login throttling counts by. Behind a proxy
// (--behind-tls-proxy) the nearest X-Forwarded-For entry is the client.
func (a *Server) clientAddr(r *http.Request) string {
	if a.behindProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (a *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	next := safeRedirect(r.URL.Query().Get("next"))
	if userOf(r) != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	}
	return render(w, r, http.StatusOK, views.Login(views.LoginPage{Site: a.site(w, r, "Log in"), Next: next}))
}

func (a *Server) login(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	password := r.PostForm.Get("password")
	next := safeRedirect(r.PostForm.Get("next"))
	// The page is built only for an answer that shows it: building it
	// consumes the session's flashes, which a successful login replaces.
	form := func(msg string) views.LoginPage {
		return views.LoginPage{Site: a.site(w, r, "Log in"), Next: next, Name: name, Error: msg}
	}
	addr := a.clientAddr(r)
	pairKey, addrKey := "pair:"+strings.ToLower(name)+"\x00"+addr, "addr:"+addr
	if a.logins.Blocked(pairKey, perPairLimit) || a.logins.Blocked(addrKey, perAddressLimit) {
		return render(w, r, http.StatusTooManyRequests, views.Login(form("Too many failed logins from this address. Wait 15 minutes and try again.")))
	}
	u, err := a.store.Authenticate(r.Context(), name, password)
	if timeline.ErrorCode(err) == timeline.EUnauthorized {
		a.logins.Fail(pairKey, addrKey)
		return render(w, r, http.StatusUnauthorized, views.Login(form(timeline.ErrorMessage(err))))
	} else if err != nil {
		return err
	}
	a.logins.Reset(pairKey)
	s, err := a.sessions.Get(r, sessionCookie)
	if err != nil {
		return err
	}
	// A new session id at login: a session fixed before login is dropped.
	if s.ID != "" {
		if err := a.store.DeleteSession(r.Context(), s.ID); err != nil {
			return err
		}
		s.ID = ""
	}
	for k := range s.Values {
		delete(s.Values, k)
	}
	s.Values["user_id"] = u.ID
	s.AddFlash("Logged in as " + u.Name + ".")
	if err := s.Save(r, w); err != nil {
		return err
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (a *Server) logout(w http.ResponseWriter, r *http.Request) error {
	s, err := a.sessions.Get(r, sessionCookie)
	if err != nil {
		return err
	}
	s.Options.MaxAge = -1
	if err := s.Save(r, w); err != nil {
		return err
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// flash adds a message shown on the next page the curator sees.
func (a *Server) flash(w http.ResponseWriter, r *http.Request, msg string) error {
	s, err := a.sessions.Get(r, sessionCookie)
	if err != nil {
		return err
	}
	s.AddFlash(msg)
	return s.Save(r, w)
}

// site builds the frame of a page: its title, the curator and the flash
// messages waiting for them, which are taken from the session here (so it
// must be called before the page is written).
func (a *Server) site(w http.ResponseWriter, r *http.Request, title string) views.Site {
	s := views.Site{Title: title, Path: r.URL.Path, Canonical: r.URL.RequestURI()}
	u := userOf(r)
	if u == nil {
		return s
	}
	s.User, s.Admin = u.Name, u.IsAdmin()
	sess, err := a.sessions.Get(r, sessionCookie)
	if err != nil {
		return s
	}
	if fl := sess.Flashes(); len(fl) > 0 {
		for _, f := range fl {
			if m, ok := f.(string); ok {
				s.Flashes = append(s.Flashes, m)
			}
		}
		if err := sess.Save(r, w); err != nil {
			a.log.Warn("save session after flashes", "err", err)
		}
	}
	return s
}
