package web

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// timelinePage serves GET /: the filtered timeline, one page by key.
func (a *Server) timelinePage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f, err := timeline.ParseFilter(r.URL.Query())
	if err != nil {
		return err
	}
	// Curators see drafts on the timeline, marked as such; exports never
	// hold them.
	f.Drafts = userOf(r) != nil
	// Readers' pages and the facets (always of the published record) follow
	// the public version, which drafts leave alone; the other caches the
	// data version, read once per page.
	public, err := a.store.PublicVersion(ctx)
	if err != nil {
		return err
	}
	cacheable := !f.Drafts
	if cacheable {
		if b, ok := a.pages.lookup(public, r.URL.RawQuery); ok {
			return writePage(w, b)
		}
	}
	// Not cached: the computation takes one of the client's share of the
	// heavy slots, so that one client exploring cannot starve the others.
	release, err := a.heavy(r)
	if err != nil {
		return err
	}
	defer release()
	version, err := a.store.DataVersion(ctx)
	if err != nil {
		return err
	}
	page, err := a.store.Timeline(ctx, f)
	if err != nil {
		return err
	}
	if err := a.fillOrdinals(r, version, page.Entries); err != nil {
		return err
	}
	travellers, regions, err := a.lookups(ctx, version)
	if err != nil {
		return err
	}
	pub := f
	pub.Drafts = false // counts are of the published record, as the exports are
	fc, err := a.facets(ctx, public, pub)
	if err != nil {
		return err
	}
	p := views.TimelinePage{
		Site:       a.site(w, r, "Timeline"),
		Filter:     f,
		Entries:    page.Entries,
		Names:      a.store.Countries(),
		CSVURL:     "/timeline.csv" + f.Query(),
		ChartsURL:  "/charts" + f.With(func(g *timeline.Filter) { g.Order = timeline.NewestFirst }).Query(),
		ClearURL:   "/",
		Newest:     f.Order != timeline.OldestFirst,
		HasFilters: !f.With(func(g *timeline.Filter) { g.Order = timeline.NewestFirst }).IsZero(),
	}
	p.Site.Canonical = "/" + f.Query()
	p.Relevance = f.Order == timeline.Relevance
	p.OrderURL = "/" + f.With(func(g *timeline.Filter) {
		if g.Order == timeline.OldestFirst || g.Order == timeline.Relevance {
			g.Order = timeline.NewestFirst
		} else {
			g.Order = timeline.OldestFirst
		}
	}).Query()
	if f.Q != "" && !p.Relevance {
		p.RelevanceURL = "/" + f.With(func(g *timeline.Filter) { g.Order = timeline.Relevance }).Query()
	}
	if page.Next != nil {
		p.NextURL = pageURL(f, "after", page.Next)
	}
	if page.Prev != nil {
		p.PrevURL = pageURL(f, "before", page.Prev)
	}
	p.Total = fc.Total
	counted := func(fcs []store.FacetCount) map[string]int {
		m := map[string]int{}
		for _, c := range fcs {
			m[c.Value] = c.Count
		}
		return m
	}
	label := func(name string, n int) string { return name + " (" + timeline.FormatCount(n) + ")" }
	selected := map[string]bool{}
	for _, s := range f.Persons {
		selected[s] = true
	}
	byPerson := counted(fc.Persons)
	for _, t := range travellers {
		// As for countries: a traveller with nothing in this view (or
		// beyond the facet's hundred busiest) is not offered, so the form
		// stays small with thousands of visitors in the record.
		if byPerson[t.Slug] == 0 && !selected[t.Slug] {
			continue
		}
		p.Persons = append(p.Persons, views.Option{Value: t.Slug, Label: label(t.Name, byPerson[t.Slug]), Selected: selected[t.Slug]})
	}
	byCountry := counted(fc.Countries)
	for _, c := range a.store.Countries().All() {
		if byCountry[c.Code] == 0 && c.Code != f.Country {
			continue // a choice that would give nothing is not offered
		}
		p.Countries = append(p.Countries, views.Option{Value: c.Code, Label: label(c.Name, byCountry[c.Code]), Selected: c.Code == f.Country})
	}
	byRegion := counted(fc.Regions)
	for _, rg := range regions {
		p.Regions = append(p.Regions, views.Option{Value: rg.Code, Label: label(rg.Code+" · "+rg.Name, byRegion[rg.Code]), Selected: rg.Code == f.Region})
	}
	byKind := counted(fc.Kinds)
	for _, k := range timeline.EntryKinds {
		p.Kinds = append(p.Kinds, views.Option{Value: k, Label: label(k+"s", byKind[k]), Selected: len(f.Kinds) == 1 && f.Kinds[0] == k})
	}
	for _, c := range fc.Sourced {
		p.Sourced = append(p.Sourced, views.Option{Value: c.Value, Label: label(c.Label, c.Count), Selected: f.Sourced == c.Value})
	}
	for _, y := range fc.Years {
		from, to := y.Value+"-01-01", y.Value+"-12-31"
		g := f.With(func(g *timeline.Filter) { g.From, g.To = timeline.MustDate(from), timeline.MustDate(to) })
		p.Years = append(p.Years, views.FacetLink{Label: y.Label, Count: y.Count, URL: "/" + g.Query(),
			Selected: f.From.String() == from && f.To.String() == to})
	}
	for _, m := range fc.Months {
		mm, _ := strconv.Atoi(m.Value)
		from := timeline.DateOf(fc.MonthOf, time.Month(mm), 1)
		to := timeline.DateOf(fc.MonthOf, time.Month(mm)+1, 1).AddDays(-1)
		g := f.With(func(g *timeline.Filter) { g.From, g.To = from, to })
		p.MonthFacet = append(p.MonthFacet, views.FacetLink{Label: m.Label, Count: m.Count, URL: "/" + g.Query(),
			Selected: f.From == from && f.To == to})
	}
	p.MonthsOf = fc.MonthOf
	if !cacheable {
		return render(w, r, http.StatusOK, views.Timeline(p))
	}
	var buf bytes.Buffer
	if err := views.Timeline(p).Render(ctx, &buf); err != nil {
		return err
	}
	a.pages.put(public, r.URL.RawQuery, buf.Bytes())
	return writePage(w, buf.Bytes())
}

func pageURL(f timeline.Filter, key string, c *timeline.Cursor) string {
	v := f.Values()
	v.Set(key, c.String())
	if f.Limit != timeline.DefaultLimit {
		v.Set("limit", itoa(f.Limit))
	}
	return "/?" + v.Encode()
}

// fillOrdinals gives each trip entry the phrases of the counters that
// number it. Counters are loaded for all the page's travellers at once and
// each traveller's stops once, whatever the number of trips.
func (a *Server) fillOrdinals(r *http.Request, version int64, entries []timeline.Entry) error {
	ctx := r.Context()
	var slugs []string
	seen := map[string]bool{}
	for _, e := range entries {
		if e.Kind == timeline.EntryTrip && !seen[e.PersonSlug] {
			seen[e.PersonSlug] = true
			slugs = append(slugs, e.PersonSlug)
		}
	}
	if len(slugs) == 0 {
		return nil
	}
	counters, err := a.store.CountersOfSlugs(ctx, slugs)
	if err != nil || len(counters) == 0 {
		return err
	}
	var tripIDs []int64
	for _, e := range entries {
		if e.Kind == timeline.EntryTrip {
			tripIDs = append(tripIDs, e.RecordID)
		}
	}
	claims, err := a.store.ClaimsOfTrips(ctx, tripIDs)
	if err != nil {
		return err
	}
	n := a.numberer(ctx, version)
	for i := range entries {
		e := &entries[i]
		if e.Kind != timeline.EntryTrip {
			continue
		}
		for _, c := range counters {
			if c.PersonSlug != e.PersonSlug || c.Unit != timeline.UnitTrips {
				continue
			}
			res, err := n.Number(c)
			if err != nil {
				return err
			}
			items := res.ForTrip(e.RecordID)
			if len(items) == 0 {
				continue
			}
			phrase := c.RulePhrase(items[0].Ordinal)
			// A claim checked by this counter is shown with its verdict, so
			// the reader sees at a glance whether the press agrees.
			for _, cl := range claims {
				if cl.TripID == e.RecordID && cl.CounterID == c.ID {
					phrase += " — claim " + timeline.CheckClaim(cl, res).Summary()
				}
			}
			e.Ordinals = append(e.Ordinals, phrase)
		}
	}
	return nil
}

// pageCacheBytes bounds the cache of rendered pages, so it stays small
// beside the server's memory target.
const pageCacheBytes = 4 << 20

// newPageCache keeps the timeline pages rendered for readers who are not
// logged in. Such a page depends only on its URL and the data, so a page at
// the same version is the same bytes. Curators' pages (drafts, their name,
// flashes) are never cached.
func newPageCache() *versionCache[[]byte] {
	return &versionCache[[]byte]{cost: func(b []byte) int { return len(b) }, maxCost: pageCacheBytes}
}

// filterLists are the lists the filter form offers (travellers, regions),
// which are costly to count on a large record and change only when the
// data does.
type filterLists struct {
	travellers []store.PersonSummary
	regions    []timeline.Region
}

// lookups returns the travellers and regions of data version v.
func (a *Server) lookups(ctx context.Context, v int64) ([]store.PersonSummary, []timeline.Region, error) {
	l, err := a.lists.get(v, "", func() (filterLists, error) {
		travellers, err := a.store.Travellers(ctx)
		if err != nil {
			return filterLists{}, err
		}
		regions, err := a.store.Regions(ctx)
		return filterLists{travellers, regions}, err
	})
	return l.travellers, l.regions, err
}

// facets returns the facet counts of the view f at data version v:
// counting every facet of a large record takes tens of milliseconds, and
// the same views are asked for again and again.
func (a *Server) facets(ctx context.Context, v int64, f timeline.Filter) (*store.Facets, error) {
	return a.facetCache.get(v, f.Query(), func() (*store.Facets, error) { return a.store.Facets(ctx, f) })
}
