package web

import (
	"bytes"
	"errors"
	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/views"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/diplomatic-travel/tracker/timeline"
)

// render writes a component with a status. It renders into a buffer first,
// so a failure midway becomes an error page instead of half a page.
func render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) error {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }

// pathID reads a numeric id from the path; anything else is not found,
// since no record could have it.
func pathID(r *http.Request, what string) (int64, error) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, timeline.Errorf(timeline.ENotFound, "There is no %s %q.", what, timeline.Clip(s))
	}
	return id, nil
}

// parseForm reads a posted form; a body over the limit is 413, anything
// unreadable 400, and nothing is written either way.
func parseForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return timeline.Errorf(timeline.ETooLarge, "The form is larger than %d bytes; nothing was saved.", tooBig.Limit)
		}
		return timeline.Errorf(timeline.EInvalid, "The form could not be read.")
	}
	return nil
}

func actor(r *http.Request) store.Actor {
	u := userOf(r)
	return store.Actor{UserID: u.ID, Name: u.Name}
}

func (a *Server) redirectWithFlash(w http.ResponseWriter, r *http.Request, to, msg string) error {
	if err := a.flash(w, r, msg); err != nil {
		return err
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// redirectWithUndo is redirectWithFlash with a button beside the message
// that undoes what was done: a POST to undo.
func (a *Server) redirectWithUndo(w http.ResponseWriter, r *http.Request, to, msg, undo string) error {
	s, err := a.sessions.Get(r, sessionCookie)
	if err != nil {
		return err
	}
	s.AddFlash(msg)
	s.AddFlash(undo, undoFlashes)
	if err := s.Save(r, w); err != nil {
		return err
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// undoFlashes is the session's list of the undo actions of its flashes.
const undoFlashes = "undo"

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
	fl, undo := sess.Flashes(), sess.Flashes(undoFlashes)
	if len(fl) > 0 || len(undo) > 0 {
		for _, f := range fl {
			if m, ok := f.(string); ok {
				s.Flashes = append(s.Flashes, m)
			}
		}
		for _, f := range undo {
			if m, ok := f.(string); ok {
				s.Undo = m
			}
		}
		if err := sess.Save(r, w); err != nil {
			a.log.Warn("save session after flashes", "err", err)
		}
	}
	return s
}

// writePage sends a cached or freshly rendered page.
func writePage(w http.ResponseWriter, b []byte) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(b)
	return err
}

// pathCode is the code of the path, a region's or a country's, in capitals.
func pathCode(r *http.Request) string { return strings.ToUpper(r.PathValue("code")) }
