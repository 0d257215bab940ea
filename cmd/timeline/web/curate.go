package web

import (
	"github.com/diplomatic-travel/tracker/timeline"
	"net/http"
	"net/url"
	"strconv"
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
	page := pageOf(r)
	revs, err := a.store.RecentRevisions(ctx, strings.TrimSpace(q.Get("actor")), timeline.Kind(strings.TrimSpace(q.Get("kind"))), changesPerPage+1, (page-1)*changesPerPage)
	if err != nil {
		return err
	}
	pager := views.Pager{Page: page, More: len(revs) > changesPerPage, Base: "/curate"}
	if v := (url.Values{"actor": {q.Get("actor")}, "kind": {q.Get("kind")}}); q.Get("actor") != "" || q.Get("kind") != "" {
		pager.Base += "?" + v.Encode()
	}
	revs = revs[:min(len(revs), changesPerPage)]
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
		Drafts: drafts, OtherDrafts: draftItems(others), Deleted: deleted, Changes: a.changes(r.Context(), revs),
		Actor: q.Get("actor"), Kind: q.Get("kind"), DeletedRegions: deletedRegions, Pager: pager,
	}))
}

// changesPerPage is how many changes a page of changes lists.
const changesPerPage = 20

// pageOf is the page a list's address asks for: ?page=N, from 1.
func pageOf(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, 100000)
}
