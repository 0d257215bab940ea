package web

import (
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

func sortSources(ss []timeline.Source) {
	sort.Slice(ss, func(i, j int) bool { return ss[i].Title < ss[j].Title })
}

// personPage serves GET /people/{slug}.
func (a *Server) personPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := a.store.PersonBySlug(ctx, r.PathValue("slug"), false)
	if timeline.ErrorCode(err) == timeline.ENotFound {
		// A person merged into another: the old address leads there.
		if into, err2 := a.store.MergedInto(ctx, r.PathValue("slug")); err2 == nil {
			http.Redirect(w, r, "/people/"+into, http.StatusMovedPermanently)
			return nil
		}
	}
	if err != nil {
		return err
	}
	const max = 200
	trips, err := a.store.TripsOfPerson(ctx, p.ID, max+1)
	if err != nil {
		return err
	}
	meetings, err := a.store.MeetingsOfPerson(ctx, p.ID)
	if err != nil {
		return err
	}
	page := views.PersonPage{
		Site:        a.site(w, r, p.Name),
		Person:      *p,
		Names:       a.store.Countries(),
		TimelineURL: "/?" + url.Values{"person": {p.Slug}}.Encode(),
		MoreTrips:   len(trips) > max,
		Curator:     userOf(r) != nil,
	}
	if page.MoreTrips {
		trips = trips[:max]
	}
	page.Trips = tripRefs(trips)
	if page.Figures, page.Charts, err = a.pagePictures(ctx, store.FigureScope{PersonID: p.ID}, "person", timeline.Filter{Persons: []string{p.Slug}}); err != nil {
		return err
	}
	for _, m := range meetings {
		page.Meetings = append(page.Meetings, views.MeetingRef{ID: m.ID, TripID: m.TripID, Date: m.Date, Title: m.Title, Office: m.Office})
	}
	merges, err := a.store.PersonMerges(ctx, p.ID)
	if err != nil {
		return err
	}
	page.Merges = mergeRows(merges)
	return render(w, r, http.StatusOK, views.Person(page))
}

func tripRefs(ts []store.TripSummary) []views.TripRef {
	out := make([]views.TripRef, len(ts))
	for i, t := range ts {
		out[i] = views.TripRef{ID: t.ID, Title: t.Title, Start: t.Start, End: t.End, Countries: t.Countries, PersonSlug: t.PersonSlug, PersonName: t.PersonName}
	}
	return out
}

// countryPage serves GET /countries/{code}: the visits, newest first.
func (a *Server) countryPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	code := strings.ToUpper(r.PathValue("code"))
	c := a.store.Countries().Get(code)
	if c == nil {
		return timeline.Errorf(timeline.ENotFound, "There is no country with the code %q.", clipText(r.PathValue("code")))
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

// regionsPage serves GET /regions.
func (a *Server) regionsPage(w http.ResponseWriter, r *http.Request) error {
	regions, err := a.store.Regions(r.Context())
	if err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.Regions(views.RegionsPage{
		Site:    a.site(w, r, "Regions"),
		Regions: regions,
	}))
}

// regionPage serves GET /regions/{code}.
func (a *Server) regionPage(w http.ResponseWriter, r *http.Request) error {
	code := strings.ToUpper(r.PathValue("code"))
	rg, err := a.store.Region(r.Context(), code)
	if err != nil {
		return err
	}
	names := a.store.Countries()
	sort.Slice(rg.Members, func(i, j int) bool { return names.Name(rg.Members[i]) < names.Name(rg.Members[j]) })
	page := views.RegionPage{
		Site:        a.site(w, r, rg.Name),
		Region:      *rg,
		Names:       names,
		TimelineURL: "/?" + url.Values{"region": {code}}.Encode(),
		Curator:     userOf(r) != nil,
	}
	if page.Figures, page.Charts, err = a.pagePictures(r.Context(), store.FigureScope{Region: code}, "region", timeline.Filter{Region: code}); err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.Region(page))
}

// eventPage serves GET /events/{id}.
func (a *Server) eventPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "event")
	if err != nil {
		return err
	}
	curator := userOf(r) != nil
	e, err := a.store.Event(ctx, id, curator)
	if err != nil {
		return err
	}
	cites := store.Citations{}
	if err := a.store.CitationsFor(ctx, timeline.KindEvent, []int64{id}, cites); err != nil {
		return err
	}
	span := e.Span()
	around := url.Values{"from": {span.Start.AddDays(-14).String()}, "to": {span.End.AddDays(14).String()}, "order": {"asc"}}
	return render(w, r, http.StatusOK, views.Event(views.EventPage{
		Site:        a.site(w, r, e.Title),
		Event:       *e,
		Names:       a.store.Countries(),
		Citations:   cites.For(timeline.KindEvent, id),
		TimelineURL: "/?" + around.Encode(),
		Curator:     curator,
	}))
}

// sourcePage serves GET /sources/{id}: the source and what it supports.
func (a *Server) sourcePage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "source")
	if err != nil {
		return err
	}
	src, err := a.store.Source(ctx, id)
	if err != nil {
		return err
	}
	sup, err := a.store.SupportedBy(ctx, id)
	if err != nil {
		return err
	}
	page := views.SourcePage{Site: a.site(w, r, src.Title), Source: *src, Curator: userOf(r) != nil}
	for _, s := range sup {
		page.Supported = append(page.Supported, views.Supported{Kind: s.Kind, Label: s.Label, Passage: s.Passage, Path: s.Path})
	}
	return render(w, r, http.StatusOK, views.Source(page))
}

// counterPage serves GET /counters/{id}: the rule in words and what it
// numbers.
func (a *Server) counterPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r, "counter")
	if err != nil {
		return err
	}
	c, err := a.store.CounterFor(ctx, id, userOf(r) != nil)
	if err != nil {
		return err
	}
	n, err := a.currentNumberer(ctx)
	if err != nil {
		return err
	}
	res, err := n.Number(*c)
	if err != nil {
		return err
	}
	titles, err := a.store.TripTitles(ctx, c.PersonID)
	if err != nil {
		return err
	}
	claims, err := a.store.ClaimsOfCounter(ctx, id)
	if err != nil {
		return err
	}
	page := views.CounterPage{
		Site:    a.site(w, r, c.PersonName+": "+c.Noun()),
		Counter: *c, Names: a.store.Countries(), Items: res.Items, Titles: titles, Curator: userOf(r) != nil,
	}
	var claimIDs []int64
	for _, cl := range claims {
		claimIDs = append(claimIDs, cl.ID)
	}
	cites := store.Citations{}
	if err := a.store.CitationsFor(ctx, timeline.KindClaim, claimIDs, cites); err != nil {
		return err
	}
	for _, cl := range claims {
		page.Claims = append(page.Claims, views.ClaimView{Claim: cl, Counter: *c, Check: timeline.CheckClaim(cl, res), Citations: cites.For(timeline.KindClaim, cl.ID)})
	}
	// Stops are stops whatever the trip rule; only trip counts depend on it.
	if c.Unit == timeline.UnitTrips {
		if page.Compare, err = compareRules(n, *c, titles, claims); err != nil {
			return err
		}
	}
	return render(w, r, http.StatusOK, views.Counter(page))
}

// aboutPage serves GET /about: what the record is and how it counts.
func (a *Server) aboutPage(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, http.StatusOK, views.About(a.site(w, r, "About the data")))
}
