package timeline

import "sort"

// Counted is one thing a counter numbered: a trip (under the counter's
// rule) or a single stop, with its ordinal.
type Counted struct {
	Ordinal    int
	Start, End Date
	// TripIDs are the stored trips whose stops make up this item; under a
	// gap rule one regrouped trip can span several stored ones.
	TripIDs []int64
	// Stops are all the stops of the item; Matching the ones in scope.
	Stops    []Stop
	Matching []Stop
}

// Has reports whether the item contains stops of the stored trip id.
func (c Counted) Has(tripID int64) bool {
	for _, id := range c.TripIDs {
		if id == tripID {
			return true
		}
	}
	return false
}

// Numbering is the result of a counter over a traveller's record.
type Numbering struct {
	Counter Counter
	Items   []Counted
}

// Scope decides whether a stop's country counts for a counter.
type Scope func(country string) bool

// CounterScope builds the scope of c: its country, else the members of its
// region, else anywhere but the traveller's home country.
func CounterScope(c Counter, region *Region, home string) Scope {
	switch {
	case c.Country != "":
		return func(cc string) bool { return cc == c.Country }
	case c.Region != "" && region != nil:
		members := make(map[string]bool, len(region.Members))
		for _, m := range region.Members {
			members[m] = true
		}
		return func(cc string) bool { return members[cc] }
	case c.Region != "":
		return func(string) bool { return false } // unknown region: nothing counts
	}
	return func(cc string) bool { return cc != home }
}

// Number applies counter c to one traveller's published stops (each with
// its TripID). Trips are numbered in start-date order when they start on or
// after the since-date and have at least one stop in scope; stop counters
// number each stop in scope on or after the since-date.
func Number(c Counter, stops []Stop, inScope Scope) Numbering {
	n := Numbering{Counter: c}
	if c.Unit == UnitStops {
		sorted := append([]Stop(nil), stops...)
		SortStops(sorted)
		for _, s := range sorted {
			if s.Start.Before(c.Since) || !inScope(s.Country) {
				continue
			}
			n.Items = append(n.Items, Counted{
				Ordinal: len(n.Items) + 1, Start: s.Start, End: s.End,
				TripIDs: []int64{s.TripID}, Stops: []Stop{s}, Matching: []Stop{s},
			})
		}
		return n
	}
	for _, group := range tripsUnderRule(c.Rule, stops) {
		start, end := StopsSpan(group)
		if start.Before(c.Since) {
			continue
		}
		var matching []Stop
		for _, s := range group {
			if inScope(s.Country) {
				matching = append(matching, s)
			}
		}
		if len(matching) == 0 {
			continue
		}
		n.Items = append(n.Items, Counted{
			Ordinal: len(n.Items) + 1, Start: start, End: end,
			TripIDs: tripIDs(group), Stops: group, Matching: matching,
		})
	}
	return n
}

// tripsUnderRule returns the traveller's trips as the rule sees them, in
// start order.
func tripsUnderRule(r Rule, stops []Stop) [][]Stop {
	if r.Kind == RuleGap {
		groups, _ := GroupStops(stops, r.GapDays)
		return groups
	}
	byTrip := map[int64][]Stop{}
	var order []int64
	for _, s := range stops {
		if _, ok := byTrip[s.TripID]; !ok {
			order = append(order, s.TripID)
		}
		byTrip[s.TripID] = append(byTrip[s.TripID], s)
	}
	groups := make([][]Stop, 0, len(order))
	for _, id := range order {
		g := byTrip[id]
		SortStops(g)
		groups = append(groups, g)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if c := groups[i][0].Start.Compare(groups[j][0].Start); c != 0 {
			return c < 0
		}
		return groups[i][0].TripID < groups[j][0].TripID
	})
	return groups
}

func tripIDs(stops []Stop) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	for _, s := range stops {
		if !seen[s.TripID] {
			seen[s.TripID] = true
			ids = append(ids, s.TripID)
		}
	}
	return ids
}

// ForTrip returns what the numbering gives the stored trip: for trip
// counters the item holding the trip's stops (the first, if a gap rule split
// the trip), for stop counters every numbered stop of the trip.
func (n Numbering) ForTrip(tripID int64) []Counted {
	var out []Counted
	for _, it := range n.Items {
		if it.Has(tripID) {
			out = append(out, it)
			if n.Counter.Unit != UnitStops {
				break
			}
		}
	}
	return out
}
