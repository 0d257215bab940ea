package web

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"

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
