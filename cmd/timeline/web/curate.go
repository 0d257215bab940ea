package web

import (
	"github.com/diplomatic-travel/tracker/timeline"
	"net/http"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/views"
)

// curatePage serves GET /curate: drafts, deleted trips, recent changes.
func (a *Server) curatePage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	drafts, err := a.store.DraftTrips(ctx)
	if err != nil {
		return err
	}
	deleted, err := a.store.DeletedTrips(ctx)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	revs, err := a.store.RecentRevisions(ctx, strings.TrimSpace(q.Get("actor")), timeline.Kind(strings.TrimSpace(q.Get("kind"))), 100)
	if err != nil {
		return err
	}
	deletedRegions, err := a.store.DeletedRegions(ctx)
	if err != nil {
		return err
	}
	all, err := a.store.Drafts(ctx)
	if err != nil {
		return err
	}
	var others []store.Draft
	for _, d := range all {
		if d.Kind != timeline.KindTrip { // the trips are listed in their table
			others = append(others, d)
		}
	}
	return render(w, r, http.StatusOK, views.Curate(views.CuratePage{
		Site: a.site(w, r, "Curate"), Names: a.store.Countries(),
		Drafts: drafts, OtherDrafts: draftItems(others), Deleted: deleted, Changes: changes(revs),
		Actor: q.Get("actor"), Kind: q.Get("kind"), DeletedRegions: deletedRegions,
	}))
}
