package store

import (
	"context"
	"slices"

	"github.com/diplomatic-travel/tracker/timeline"
)

// FigureScope says whose figures: one of a traveller, a country or a region.
type FigureScope struct {
	PersonID int64
	Country  string
	Region   string
}

// FiguresOf computes the figures of a scope in one pass over its stops.
func (s *Store) FiguresOf(ctx context.Context, sc FigureScope) (*timeline.Figures, error) {
	q := `SELECT s.person_id, s.trip_id, s.country, s.start_date, s.end_date, t.start_date
		FROM stops s JOIN trips t ON t.id = s.trip_id AND t.status = 'published' AND t.deleted_at IS NULL`
	var arg any
	switch {
	case sc.PersonID != 0:
		// Stops at home are not travel abroad.
		q += ` WHERE s.person_id = ? AND s.country IS NOT (SELECT country FROM people WHERE id = s.person_id)`
		arg = sc.PersonID
	case sc.Country != "":
		q += ` WHERE s.country = ?`
		arg = sc.Country
	default:
		q += ` WHERE s.country IN (SELECT country FROM region_members WHERE region = ?)`
		arg = sc.Region
	}
	rows, err := s.r.QueryContext(ctx, q+` ORDER BY s.person_id, s.start_date, s.end_date`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	f := &timeline.Figures{}
	trips := map[int64]int{} // trip → start year
	countries := map[string]bool{}
	var person int64 = -1
	var until timeline.Date // the last day counted for this traveller
	for rows.Next() {
		var pid, tid int64
		var st timeline.FigureStop
		var tripStart timeline.Date
		if err := rows.Scan(&pid, &tid, &st.Country, &st.Start, &st.End, &tripStart); err != nil {
			return nil, err
		}
		st.TripID = tid
		f.Stops++
		trips[tid] = tripStart.Year()
		countries[st.Country] = true
		if pid != person {
			person, until = pid, timeline.Date{}
			f.Travellers++
		}
		// Days once each: overlapping and same-day stops are not added twice.
		from := st.Start
		if until.Valid() && !from.After(until) {
			from = until.AddDays(1)
		}
		if !st.End.Before(from) {
			f.Days += from.DaysUntil(st.End) + 1
			until = st.End
		}
		if f.First == nil || st.Start.Before(f.First.Start) {
			c := st
			f.First = &c
		}
		if f.Last == nil || st.End.After(f.Last.End) || (st.End == f.Last.End && st.Start.After(f.Last.Start)) {
			c := st
			f.Last = &c
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	f.Trips, f.Countries = len(trips), len(countries)
	perYear := map[int]int{}
	for _, y := range trips {
		perYear[y]++
	}
	for _, n := range perYear {
		f.BusiestYearTrips = max(f.BusiestYearTrips, n)
	}
	for y, n := range perYear {
		if n == f.BusiestYearTrips {
			f.BusiestYears = append(f.BusiestYears, y)
		}
	}
	slices.Sort(f.BusiestYears)
	return f, nil
}
