package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Every facet count equals the number of rows the export gives for that
// choice, with the other filters as they are: on the demo and on a
// generated record, under several filters.
func TestFacetsMatchExport(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	if _, err := s.Generate(ctx, store.GenerateOptions{Stops: 800, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	rows := func(f timeline.Filter) int {
		n := 0
		if err := s.EachEntry(ctx, f, func(*timeline.Entry) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	all, err := s.Facets(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Persons) < 2 || len(all.Years) < 3 {
		t.Fatalf("the generated record is too small: %d persons, %d years", len(all.Persons), len(all.Years))
	}
	y := all.Years[len(all.Years)/2].Value
	checked := 0
	for _, base := range []timeline.Filter{
		{},
		{Region: "NEA"},
		{Kinds: []string{"trip"}, From: d("1990-01-01")},
		{Persons: []string{"blinken-antony-j"}, Sourced: "yes"},
		{Q: "trade", Country: "FR"},
		{From: d("2024-01-01"), To: d("2024-12-31")},
		{Region: "NEA", From: d(y + "-03-01"), To: d(y + "-11-30")},
		{Persons: []string{all.Persons[0].Value, all.Persons[1].Value}, From: d(y + "-01-01"), To: d(y + "-12-31")},
	} {
		fc, err := s.Facets(ctx, base)
		if err != nil {
			t.Fatal(err)
		}
		if got := rows(base); fc.Total != got {
			t.Errorf("filter %+v: total %d, export %d rows", base, fc.Total, got)
		}
		check := func(name string, counts []store.FacetCount, set func(*timeline.Filter, string)) {
			for _, c := range counts {
				g := base.With(func(g *timeline.Filter) { set(g, c.Value) })
				if got := rows(g); got != c.Count {
					t.Errorf("filter %+v, %s=%s: facet says %d, export gives %d", base, name, c.Value, c.Count, got)
				}
				checked++
			}
		}
		check("kind", fc.Kinds, func(g *timeline.Filter, v string) { g.Kinds = []string{v} })
		check("person", fc.Persons, func(g *timeline.Filter, v string) { g.Persons = []string{v} })
		check("country", fc.Countries, func(g *timeline.Filter, v string) { g.Country = v })
		check("region", fc.Regions, func(g *timeline.Filter, v string) { g.Region = v })
		check("sourced", fc.Sourced, func(g *timeline.Filter, v string) { g.Sourced = v })
		check("year", fc.Years, func(g *timeline.Filter, v string) {
			g.From, g.To = timeline.MustDate(v+"-01-01"), timeline.MustDate(v+"-12-31")
		})
		if base.From.Valid() && base.To.Valid() && base.From.Year() == base.To.Year() {
			if fc.MonthOf != base.From.Year() || len(fc.Months) == 0 {
				t.Errorf("filter %+v: months of %d, %d of them", base, fc.MonthOf, len(fc.Months))
			}
		} else if len(fc.Months) > 0 {
			t.Errorf("filter %+v spans years but has a month facet", base)
		}
		check("month", fc.Months, func(g *timeline.Filter, v string) {
			m, _ := strconv.Atoi(v)
			g.From = timeline.DateOf(fc.MonthOf, time.Month(m), 1)
			g.To = timeline.DateOf(fc.MonthOf, time.Month(m)+1, 1).AddDays(-1)
		})
		for i := 1; i < len(fc.Months); i++ {
			a, _ := strconv.Atoi(fc.Months[i-1].Value)
			b, _ := strconv.Atoi(fc.Months[i].Value)
			if b <= a {
				t.Errorf("months out of order: %s after %s", fc.Months[i].Value, fc.Months[i-1].Value)
			}
		}
		for i := 1; i < len(fc.Years); i++ {
			if fc.Years[i].Value <= fc.Years[i-1].Value {
				t.Errorf("years out of order: %s after %s", fc.Years[i].Value, fc.Years[i-1].Value)
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d choices checked", checked)
	}
	t.Logf("%d facet choices checked against the export", checked)
}
