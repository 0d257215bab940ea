package store

import (
	"context"
	"slices"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Charts are the figures behind the pictures of one view: the trips of the
// filter as bars, their number and length per year or month, and the
// number of trips that included each country.
type Charts struct {
	// Trips is the number of trips of the view; Bars the most recent of
	// them (at most the limit asked for), oldest first.
	Trips   int
	Bars    []TripBar
	ByMonth bool // buckets are months (the view spans at most three years)
	Buckets []Bucket
	// Visits counts, per country, the trips of the view that stopped there.
	Visits []FacetCount
	// NoTrips is set when the filter's kinds leave out trips.
	NoTrips bool
}

// TripBar is one trip drawn on the time axis.
type TripBar struct {
	TripID     int64
	PersonSlug string
	PersonName string
	Title      string
	Start, End timeline.Date
	Stops      []StopMark
}

// StopMark is one stop marked on a trip's bar.
type StopMark struct {
	Start, End timeline.Date
	Country    string
}

// Bucket is one year ("2024") or month ("2024-10") of the view: the trips
// that began in it and their days away.
type Bucket struct {
	Key   string
	Trips int
	Days  int
}

// Charts computes the pictures' figures of the view f, keeping at most
// maxBars trips for the time axis.
func (s *Store) Charts(ctx context.Context, f timeline.Filter, maxBars int) (*Charts, error) {
	if err := s.checkFilter(ctx, f); err != nil {
		return nil, err
	}
	out := &Charts{}
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, timeline.EntryTrip) {
		out.NoTrips = true
		return out, nil
	}
	f = f.With(func(g *timeline.Filter) { g.Kinds, g.After, g.Before = []string{timeline.EntryTrip}, nil, nil })
	w, args := where(f)

	years, err := s.buckets(ctx, w, args, 4)
	if err != nil {
		return nil, err
	}
	for _, b := range years {
		out.Trips += b.Trips
	}
	out.Buckets = fillYears(years)
	if len(out.Buckets) > 0 && len(out.Buckets) <= 3 {
		months, err := s.buckets(ctx, w, args, 7)
		if err != nil {
			return nil, err
		}
		out.ByMonth, out.Buckets = true, fillMonths(months)
	}

	rows, err := s.r.QueryContext(ctx, `SELECT e.record_id, p.slug, p.name, e.title, e.start_date, e.end_date
		FROM entries e JOIN people p ON p.id = e.person_id`+w+` ORDER BY e.start_date DESC, e.id DESC LIMIT ?`, append(args, maxBars)...)
	if err != nil {
		return nil, err
	}
	byTrip := map[int64]int{}
	for rows.Next() {
		var b TripBar
		if err := rows.Scan(&b.TripID, &b.PersonSlug, &b.PersonName, &b.Title, &b.Start, &b.End); err != nil {
			rows.Close()
			return nil, err
		}
		out.Bars = append(out.Bars, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, j := 0, len(out.Bars)-1; i < j; i, j = i+1, j-1 {
		out.Bars[i], out.Bars[j] = out.Bars[j], out.Bars[i]
	}
	ids := make([]int64, len(out.Bars))
	for i, b := range out.Bars {
		ids[i] = b.TripID
		byTrip[b.TripID] = i
	}
	if len(ids) > 0 {
		rows, err := s.r.QueryContext(ctx, `SELECT trip_id, start_date, end_date, country FROM stops
			WHERE trip_id IN (`+placeholders(len(ids))+`) ORDER BY trip_id, seq`, anys(ids)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var m StopMark
			if err := rows.Scan(&id, &m.Start, &m.End, &m.Country); err != nil {
				rows.Close()
				return nil, err
			}
			b := &out.Bars[byTrip[id]]
			b.Stops = append(b.Stops, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}

	rows, err = s.r.QueryContext(ctx, `SELECT ec.country, count(*) FROM entries e CROSS JOIN entry_countries ec ON ec.entry_id = e.id`+w+`
		GROUP BY ec.country ORDER BY count(*) DESC, ec.country`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c FacetCount
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return nil, err
		}
		c.Label = s.countries.Name(c.Value)
		out.Visits = append(out.Visits, c)
	}
	return out, rows.Err()
}

// buckets counts the trips of the condition w by the first n characters of
// their start date (4: years, 7: months), with their days away: a trip
// is counted where it began, whole.
func (s *Store) buckets(ctx context.Context, w string, args []any, n int) ([]Bucket, error) {
	k := strconv.Itoa(n)
	return list(ctx, s.r, func(b *Bucket) []any { return []any{&b.Key, &b.Trips, &b.Days} }, `SELECT substr(e.start_date, 1, `+k+`), count(*),
		CAST(sum(julianday(e.end_date) - julianday(e.start_date) + 1) AS INTEGER)
		FROM entries e`+w+` GROUP BY 1 ORDER BY 1`, args...)
}

// fillYears adds the years without trips between the first and the last,
// so the chart's axis has no holes.
func fillYears(bs []Bucket) []Bucket {
	if len(bs) == 0 {
		return nil
	}
	first, _ := strconv.Atoi(bs[0].Key)
	last, _ := strconv.Atoi(bs[len(bs)-1].Key)
	have := map[string]Bucket{}
	for _, b := range bs {
		have[b.Key] = b
	}
	out := make([]Bucket, 0, last-first+1)
	for y := first; y <= last; y++ {
		k := strconv.Itoa(y)
		b, ok := have[k]
		if !ok {
			b = Bucket{Key: k}
		}
		out = append(out, b)
	}
	return out
}

// fillMonths does the same for months ("2024-10").
func fillMonths(bs []Bucket) []Bucket {
	if len(bs) == 0 {
		return nil
	}
	idx := func(k string) int {
		y, _ := strconv.Atoi(k[:4])
		m, _ := strconv.Atoi(k[5:7])
		return y*12 + m - 1
	}
	have := map[int]Bucket{}
	for _, b := range bs {
		have[idx(b.Key)] = b
	}
	first, last := idx(bs[0].Key), idx(bs[len(bs)-1].Key)
	out := make([]Bucket, 0, last-first+1)
	for i := first; i <= last; i++ {
		b, ok := have[i]
		if !ok {
			b = Bucket{Key: strconv.Itoa(i/12) + "-" + twoDigits(i%12+1)}
		}
		out = append(out, b)
	}
	return out
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
