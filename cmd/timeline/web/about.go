package web

import (
	"github.com/diplomatic-travel/tracker/views"
	"net/http"
)

// aboutPage serves GET /about: what the record is and how it counts.
func (a *Server) aboutPage(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, http.StatusOK, views.About(a.site(w, r, "About the data")))
}
