package web

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

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
	resume := views.Resume{Action: r.PostForm.Get(resumeAction), Form: r.PostForm.Get(resumeForm)}
	if resume.Action != "" && safeRedirect(resume.Action) != resume.Action {
		resume = views.Resume{}
	}
	form := func(msg string) views.LoginPage {
		return views.LoginPage{Site: a.site(w, r, "Log in"), Next: next, Name: name, Error: msg, Resume: resume}
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
	if resume.Action != "" {
		s.Values[resumeAction], s.Values[resumeForm] = resume.Action, resume.Form
		next = "/curate/resume"
	}
	if err := s.Save(r, w); err != nil {
		return err
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// expireSession ends the request's session: its row is deleted and its
// cookie expired.
func (a *Server) expireSession(w http.ResponseWriter, r *http.Request) error {
	s, err := a.sessions.Get(r, sessionCookie)
	if err != nil {
		return err
	}
	s.Options.MaxAge = -1
	return s.Save(r, w)
}

func (a *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if err := a.expireSession(w, r); err != nil {
		return err
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
