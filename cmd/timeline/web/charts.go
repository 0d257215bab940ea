package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/diplomatic-travel/tracker/static"
	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
	"github.com/diplomatic-travel/tracker/views/export"
)

// maxBars is how many trips the time axis draws one by one; beyond that a
// bar would be narrower than a pixel and the page heavy for nothing.
const maxBars = 400

// chartsPage serves GET /charts: the pictures of a timeline view, with the
// same filters as / and /timeline.csv.
func (a *Server) chartsPage(w http.ResponseWriter, r *http.Request) error {
	f, err := timeline.ParseFilter(r.URL.Query())
	if err != nil {
		return err
	}
	f.After, f.Before, f.Order, f.Limit = nil, nil, timeline.NewestFirst, timeline.DefaultLimit
	release, err := a.heavy(r)
	if err != nil {
		return err
	}
	defer release()
	v, err := a.store.DataVersion(r.Context())
	if err != nil {
		return err
	}
	d, err := a.chartData(r.Context(), v, f)
	if err != nil {
		return err
	}
	p := views.ChartsPage{
		Site:        a.site(w, r, "Pictures of the timeline"),
		Data:        d,
		TimelineURL: "/" + f.Query(),
		CSVURL:      "/timeline.csv" + f.Query(),
		Filters:     export.Describe(r.Context(), a.store, f),
	}
	p.Site.Canonical = "/charts" + f.Query()
	return render(w, r, http.StatusOK, views.Charts(p))
}

// chartData computes (or takes from the cache of this data version) the
// figures behind the pictures of f.
func (a *Server) chartData(ctx context.Context, v int64, f timeline.Filter) (views.ChartData, error) {
	c, err := a.chartCache.get(v, f.Query(), func() (*store.Charts, error) { return a.store.Charts(ctx, f, maxBars) })
	if err != nil {
		return views.ChartData{}, err
	}
	d := views.ChartData{Filter: f, Trips: c.Trips, NoTrips: c.NoTrips, ByMonth: c.ByMonth, World: a.world, Names: a.store.Countries()}
	for _, b := range c.Bars {
		t := views.ChartTrip{ID: b.TripID, PersonSlug: b.PersonSlug, PersonName: b.PersonName, Title: b.Title, Start: b.Start, End: b.End}
		for _, s := range b.Stops {
			t.Stops = append(t.Stops, views.ChartStop{Start: s.Start, End: s.End, Country: s.Country})
		}
		d.Bars = append(d.Bars, t)
	}
	for _, b := range c.Buckets {
		d.Buckets = append(d.Buckets, views.ChartBucket{Key: b.Key, Trips: b.Trips, Days: b.Days})
	}
	for _, v := range c.Visits {
		d.Visits = append(d.Visits, views.ChartCount{Code: v.Value, Count: v.Count})
	}
	return d, nil
}

// loadWorld reads the map's shapes, embedded from static/world.json, and
// draws each historic state as its successor.
func loadWorld(countries *store.Countries) (*views.World, error) {
	b, err := static.FS.ReadFile("world.json")
	if err != nil {
		return nil, err
	}
	var raw struct {
		Source  string                `json:"source"`
		ViewBox string                `json:"viewBox"`
		Shapes  map[string]string     `json:"shapes"`
		Dots    map[string][2]float64 `json:"dots"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("static/world.json: %w", err)
	}
	w := &views.World{ViewBox: raw.ViewBox, Shapes: raw.Shapes, Dots: raw.Dots, Source: raw.Source, Successor: map[string]string{}}
	if _, err := fmt.Sscanf(raw.ViewBox, "0 0 %g %g", &w.Width, &w.Height); err != nil {
		return nil, fmt.Errorf("static/world.json: viewBox %q: %w", raw.ViewBox, err)
	}
	for _, c := range countries.All() {
		if c.Historic && c.Successor != "" {
			w.Successor[c.Code] = c.Successor
		}
	}
	return w, nil
}

// figures sums up a traveller's, country's or region's trips (from the cache
// of this data version when it can); f is the timeline view of the same
// trips, which the figures link to.
func (a *Server) figures(ctx context.Context, v int64, sc store.FigureScope, of string, f timeline.Filter) (views.Figures, error) {
	key := fmt.Sprintf("%d|%s|%s", sc.PersonID, sc.Country, sc.Region)
	fg, err := a.figureCache.get(v, key, func() (*timeline.Figures, error) { return a.store.FiguresOf(ctx, sc) })
	if err != nil {
		return views.Figures{}, err
	}
	trips := f.With(func(g *timeline.Filter) { g.Kinds = []string{timeline.EntryTrip} })
	out := views.Figures{Figures: *fg, Of: of, TripsURL: "/" + trips.Query()}
	for _, y := range fg.BusiestYears {
		out.YearLinks = append(out.YearLinks, views.YearLink{Year: y, URL: "/" + trips.With(func(g *timeline.Filter) {
			g.From, g.To = timeline.DateOf(y, time.January, 1), timeline.DateOf(y, time.December, 31)
		}).Query()})
	}
	return out, nil
}

// pagePictures fills the figures and pictures that open a traveller's,
// country's or region's page.
func (a *Server) pagePictures(ctx context.Context, sc store.FigureScope, of string, f timeline.Filter) (views.Figures, views.ChartData, error) {
	// One data version for both caches.
	v, err := a.store.DataVersion(ctx)
	if err != nil {
		return views.Figures{}, views.ChartData{}, err
	}
	fg, err := a.figures(ctx, v, sc, of, f)
	if err != nil {
		return fg, views.ChartData{}, err
	}
	d, err := a.chartData(ctx, v, f)
	d.NoMap = of == "country"
	return fg, d, err
}
