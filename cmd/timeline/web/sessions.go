package web

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"

	"github.com/diplomatic-travel/tracker/store"
)

// sessionCookie names the curators' session cookie.
const sessionCookie = "timeline_session"

// Session lifetimes: a curator is logged out after two idle hours, and
// after twelve hours whatever they do.
const (
	sessionIdle     = 2 * time.Hour
	sessionAbsolute = 12 * time.Hour
	// touchEvery limits the writes that record activity to one a minute
	// per session, so browsing does not turn every page view into a write.
	touchEvery = time.Minute
)

// dbSessions is a gorilla/sessions Store whose cookie carries only a
// random token, signed with keys kept in the database; the session itself
// is a row, so it can be revoked and expires on the server's clock.
type dbSessions struct {
	st     *store.Store
	codecs []securecookie.Codec
	secure bool
	now    func() time.Time
}

func newSessionStore(st *store.Store, keys [][]byte, secure bool) *dbSessions {
	codecs := make([]securecookie.Codec, len(keys))
	for i, k := range keys {
		c := securecookie.New(k, nil)
		c.MaxAge(int(sessionAbsolute.Seconds()))
		codecs[i] = c
	}
	return &dbSessions{st: st, codecs: codecs, secure: secure, now: time.Now}
}

func (d *dbSessions) options() *sessions.Options {
	return &sessions.Options{
		Path:     "/",
		MaxAge:   int(sessionAbsolute.Seconds()),
		HttpOnly: true,
		Secure:   d.secure,
		SameSite: http.SameSiteLaxMode,
	}
}

// Get returns the request's session, cached per request by gorilla's
// registry.
func (d *dbSessions) Get(r *http.Request, name string) (*sessions.Session, error) {
	return sessions.GetRegistry(r).Get(d, name)
}

// New loads the session the cookie names, or starts an empty one when the
// cookie is missing, forged, expired or revoked.
func (d *dbSessions) New(r *http.Request, name string) (*sessions.Session, error) {
	s := sessions.NewSession(d, name)
	s.Options = d.options()
	s.IsNew = true
	c, err := r.Cookie(name)
	if err != nil {
		return s, nil
	}
	var token string
	if err := securecookie.DecodeMulti(name, c.Value, &token, d.codecs...); err != nil {
		return s, nil
	}
	now := d.now()
	row, err := d.st.LoadSession(r.Context(), token, now)
	if err != nil {
		return s, err
	}
	if row == nil {
		return s, nil
	}
	if now.Sub(row.LastSeenAt) > sessionIdle {
		return s, d.st.DeleteSession(r.Context(), token)
	}
	var values map[string]any
	if err := json.Unmarshal([]byte(row.Data), &values); err != nil {
		return s, nil
	}
	for k, v := range values {
		s.Values[k] = v
	}
	if row.UserID != 0 {
		s.Values["user_id"] = row.UserID
	}
	s.ID, s.IsNew = token, false
	if now.Sub(row.LastSeenAt) > touchEvery {
		if err := d.st.TouchSession(r.Context(), token, now); err != nil {
			return s, err
		}
	}
	return s, nil
}

// Save writes the session's row and cookie; a session with MaxAge < 0 is
// deleted and its cookie expired.
func (d *dbSessions) Save(r *http.Request, w http.ResponseWriter, s *sessions.Session) error {
	if s.Options.MaxAge < 0 {
		if s.ID != "" {
			if err := d.st.DeleteSession(r.Context(), s.ID); err != nil {
				return err
			}
		}
		http.SetCookie(w, sessions.NewCookie(s.Name(), "", s.Options))
		return nil
	}
	now := d.now()
	fresh := s.ID == ""
	if fresh {
		b := make([]byte, 32) // 256 bits
		if _, err := rand.Read(b); err != nil {
			return err
		}
		s.ID = base64.RawURLEncoding.EncodeToString(b)
	}
	var uid int64
	values := map[string]any{}
	for k, v := range s.Values {
		ks, ok := k.(string)
		if !ok {
			return fmt.Errorf("session: key %v is not a string", k)
		}
		if ks == "user_id" {
			uid, _ = v.(int64)
			continue
		}
		values[ks] = v
	}
	data, err := json.Marshal(values)
	if err != nil {
		return err
	}
	if fresh {
		if err := d.st.CreateSession(r.Context(), s.ID, store.SessionRow{UserID: uid, Data: string(data), CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(sessionAbsolute)}); err != nil {
			return err
		}
	} else if ok, err := d.st.UpdateSession(r.Context(), s.ID, string(data), now); err != nil {
		return err
	} else if !ok {
		// Revoked while this request ran: it stays revoked.
		return nil
	}
	encoded, err := securecookie.EncodeMulti(s.Name(), s.ID, d.codecs...)
	if err != nil {
		return err
	}
	http.SetCookie(w, sessions.NewCookie(s.Name(), encoded, s.Options))
	return nil
}
