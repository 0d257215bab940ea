package web

import (
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/diplomatic-travel/tracker/views"
)

// A form posted after the curator's session ended is not lost. The answer
// is the login form, carrying what was typed (hidden, as posted); a login
// keeps it in the new session, server-side, and leads to a page that shows
// it and saves it, with one button, to where it was posted. Passwords are
// never carried: a form that had one asks for it again.

// Session keys of a form waiting to be saved again.
const (
	resumeAction = "resume_action"
	resumeForm   = "resume_form"
)

// resumable reads a form posted without a session, when it is one a page
// can post again (url-encoded, to a path of this site).
func resumable(r *http.Request) (views.Resume, bool) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/x-www-form-urlencoded" || parseForm(r) != nil {
		return views.Resume{}, false
	}
	action := safeRedirect(r.URL.Path)
	if action == "/" {
		return views.Resume{}, false
	}
	v := url.Values{}
	for k, vs := range r.PostForm {
		if !strings.Contains(strings.ToLower(k), "password") {
			v[k] = vs
		}
	}
	return views.Resume{Action: action, Form: v.Encode()}, true
}

// loginToResume answers a form posted without a session with the login
// form, which carries it.
func (a *Server) loginToResume(w http.ResponseWriter, r *http.Request, resume views.Resume) error {
	return render(w, r, http.StatusUnauthorized, views.Login(views.LoginPage{Site: a.site(w, r, "Log in"), Next: "/curate", Resume: resume,
		Error: "Your session has ended, so nothing was saved. Log in again: what you typed is kept, and you save it next."}))
}

// resumePage serves GET /curate/resume: the form kept at login, shown and
// posted again with one button.
func (a *Server) resumePage(w http.ResponseWriter, r *http.Request) error {
	s, err := a.sessions.Get(r, sessionCookie)
	if err != nil {
		return err
	}
	action, _ := s.Values[resumeAction].(string)
	form, _ := s.Values[resumeForm].(string)
	if action == "" {
		http.Redirect(w, r, "/curate", http.StatusSeeOther)
		return nil
	}
	vals, err := url.ParseQuery(form)
	if err != nil {
		vals = url.Values{}
	}
	page := views.ResumePage{Site: a.site(w, r, "Save what you typed"), Action: action}
	var keys []string
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range vals[k] {
			page.Fields = append(page.Fields, views.Option{Value: k, Label: v})
		}
	}
	// Kept until it is shown: saving or leaving it is the curator's choice
	// now, on this page.
	delete(s.Values, resumeAction)
	delete(s.Values, resumeForm)
	if err := s.Save(r, w); err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.ResumeForm(page))
}
