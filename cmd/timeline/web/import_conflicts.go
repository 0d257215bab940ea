package web

import (
	"net/http"

	"github.com/diplomatic-travel/tracker/views"
)

// conflictsPage serves GET /curate/conflicts: the import's conflicts side
// by side (store/import_conflicts.go).
func (a *Server) conflictsPage(w http.ResponseWriter, r *http.Request) error {
	cs, err := a.store.ImportConflicts(r.Context(), 500)
	if err != nil {
		return err
	}
	page := views.ImportConflictsPage{Site: a.site(w, r, "Import conflicts"), Names: a.store.Countries()}
	for _, c := range cs {
		page.Conflicts = append(page.Conflicts, views.ImportConflict(c))
	}
	return render(w, r, http.StatusOK, views.ImportConflicts(page))
}
