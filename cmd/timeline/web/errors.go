package web

import (
	"log/slog"
	"net/http"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// statusOf is the one table from error codes to HTTP statuses.
var statusOf = map[string]int{
	timeline.ENotFound:      http.StatusNotFound,
	timeline.EInvalid:       http.StatusBadRequest,
	timeline.EConflict:      http.StatusConflict,
	timeline.EUnauthorized:  http.StatusUnauthorized,
	timeline.EForbidden:     http.StatusForbidden,
	timeline.ETooLarge:      http.StatusRequestEntityTooLarge,
	timeline.EFull:          http.StatusInsufficientStorage,
	timeline.EBusy:          http.StatusServiceUnavailable,
	timeline.ETimeout:       http.StatusRequestTimeout,
	timeline.EUnprocessable: http.StatusUnprocessableEntity,
	timeline.EInternal:      http.StatusInternalServerError,
}

var headingOf = map[int]string{
	http.StatusNotFound:              "Not found",
	http.StatusBadRequest:            "This request cannot be answered",
	http.StatusConflict:              "Conflict",
	http.StatusUnauthorized:          "Please log in",
	http.StatusForbidden:             "Not allowed",
	http.StatusRequestEntityTooLarge: "Too large",
	http.StatusInsufficientStorage:   "The database is full",
	http.StatusServiceUnavailable:    "Busy: please try again",
	http.StatusRequestTimeout:        "The request took too long",
	http.StatusUnprocessableEntity:   "This upload cannot be taken",
	http.StatusInternalServerError:   "Something went wrong",
}

// handlerFunc is a handler that returns its error; serve renders it once,
// in one place.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// serve adapts a handlerFunc to http.HandlerFunc.
func (a *Server) serve(fn handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			a.serveError(w, r, err)
		}
	}
}

// serveError renders the error page with the status of the error's code.
// Internal errors are logged and shown as a generic message, never as
// their text.
func (a *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	code := timeline.ErrorCode(err)
	status := statusOf[code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	msg := timeline.ErrorMessage(err)
	if code == timeline.EInternal {
		a.log.Error("request failed", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
		msg = "The server could not answer this request. It has been logged; please try again later."
	}
	page := views.ErrorPage{
		Site:    views.Site{Title: headingOf[status], Path: r.URL.Path},
		Status:  status,
		Heading: headingOf[status],
		Message: msg,
		Field:   timeline.ErrorField(err),
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Del("Content-Disposition")
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", retryAfter)
	}
	w.WriteHeader(status)
	if err := views.Error(page).Render(r.Context(), w); err != nil {
		a.log.Warn("render error page", slog.Any("err", err))
	}
}

// notFound is the catch-all route's handler.
func (a *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return timeline.Errorf(timeline.ENotFound, "There is no page at %s.", r.URL.Path)
}
