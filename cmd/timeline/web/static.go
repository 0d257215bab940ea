package web

import (
	"net/http"
	"strings"

	"github.com/diplomatic-travel/tracker/static"
)

// staticHandler serves the embedded files. They change only with the
// binary, so an hour of caching is safe and ETags are not needed.
func staticHandler() http.Handler {
	fs := http.StripPrefix("/static/", http.FileServer(http.FS(static.FS)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fs.ServeHTTP(w, r)
	})
}
