package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Publishing a trip whole: the trip with every draft on it (its meetings,
// goals, quotes and claims, the counters its claims are checked by and the
// people made for it), in one transaction, after a page that lists them.

// draftItems are drafts as the views list them.
func draftItems(ds []store.Draft) []views.DraftItem {
	out := make([]views.DraftItem, len(ds))
	for i, d := range ds {
		out[i] = views.DraftItem{Kind: string(d.Kind), Label: d.Label, Path: d.Path()}
		if d.Kind != timeline.KindTrip {
			out[i].Trip = d.TripTitle
		}
	}
	return out
}

// publishTripPage serves GET /trips/{id}/publish: what would be published.
func (a *Server) publishTripPage(w http.ResponseWriter, r *http.Request, trip curatorTrip) error {
	if trip.deleted {
		return timeline.Errorf(timeline.EConflict, "Trip %d is deleted; restore it first.", trip.ID)
	}
	drafts, err := a.store.TripDrafts(r.Context(), trip.ID)
	if err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.PublishTrip(views.PublishTripPage{
		Site: a.site(w, r, "Publish "+trip.Title), TripID: trip.ID, Title: trip.Title, Drafts: draftItems(drafts)}))
}

// publishTripWhole serves POST /trips/{id}/publish-all.
func (a *Server) publishTripWhole(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	done, err := a.store.PublishTripWhole(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindTrip, id), publishedSummary(done))
}

// publishedSummary says what was published: "Published: the trip, 2
// meetings, 1 goal and 1 claim."
func publishedSummary(done []store.Draft) string {
	if len(done) == 0 {
		return "Nothing was left to publish: the trip and everything on it were public already."
	}
	n := map[timeline.Kind]int{}
	for _, d := range done {
		n[d.Kind]++
	}
	var kinds []string
	for k := range n {
		kinds = append(kinds, string(k))
	}
	sort.Slice(kinds, func(i, j int) bool { // the trip first, then by kind
		return kinds[i] == "trip" || (kinds[j] != "trip" && kinds[i] < kinds[j])
	})
	var parts []string
	for _, k := range kinds {
		switch c := n[timeline.Kind(k)]; {
		case k == "trip":
			parts = append(parts, "the trip")
		case c == 1:
			parts = append(parts, "1 "+k)
		case k == "person":
			parts = append(parts, strconv.Itoa(c)+" people")
		default:
			parts = append(parts, strconv.Itoa(c)+" "+k+"s")
		}
	}
	list := parts[0]
	if len(parts) > 1 {
		list = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return "Published: " + list + ". They are on the public timeline and in the exports."
}
