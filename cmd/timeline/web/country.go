package web

import (
	"net/http"
	"net/url"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// countryPage serves GET /countries/{code}: the visits, newest first.
func (a *Server) countryPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	code := pathCode(r)
	c := a.store.Countries().Get(code)
	if c == nil {
		return timeline.Errorf(timeline.ENotFound, "There is no country with the code %q.", timeline.Clip(r.PathValue("code")))
	}
	if code != r.PathValue("code") {
		http.Redirect(w, r, "/countries/"+code, http.StatusMovedPermanently)
		return nil
	}
	visits, err := a.store.VisitsTo(ctx, code, 200)
	if err != nil {
		return err
	}
	total, err := a.store.CountVisits(ctx, code)
	if err != nil {
		return err
	}
	regions, err := a.store.RegionsOf(ctx, code)
	if err != nil {
		return err
	}
	page := views.CountryPage{
		Site:        a.site(w, r, c.Name),
		Country:     *c,
		Names:       a.store.Countries(),
		Regions:     regions,
		Total:       total,
		TimelineURL: "/?" + url.Values{"country": {code}}.Encode(),
	}
	if page.Figures, page.Charts, err = a.pagePictures(ctx, store.FigureScope{Country: code}, "country", timeline.Filter{Country: code}); err != nil {
		return err
	}
	for _, v := range visits {
		page.Visits = append(page.Visits, views.VisitRef{Stop: v.Stop, TripTitle: v.TripTitle, PersonSlug: v.PersonSlug, PersonName: v.PersonName})
	}
	return render(w, r, http.StatusOK, views.Country(page))
}
