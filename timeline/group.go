package timeline

// DefaultGapDays is the gap the import uses unless told otherwise: a stop
// that starts the day after the latest end so far is still the same trip,
// because official itineraries often fly overnight between capitals.
const DefaultGapDays = 1

// GroupStops groups one traveller's stops into trips by the rule of the
// design: stops sorted by start date; a stop joins the current trip when it
// starts no later than gapDays after the latest end date so far, otherwise
// it starts a new trip. Exact duplicates (same key) are kept once; the
// number dropped is returned. The input is not modified.
//
// The latest end so far, not the previous stop's end, is what counts, so a
// long stop that overlaps shorter ones (a summit with side trips) keeps them
// in one trip.
func GroupStops(stops []Stop, gapDays int) (trips [][]Stop, duplicates int) {
	if gapDays < 0 {
		gapDays = 0
	}
	sorted := make([]Stop, len(stops))
	copy(sorted, stops)
	SortStops(sorted)

	seen := make(map[StopKey]bool, len(sorted))
	var cur []Stop
	var latest Date
	for _, s := range sorted {
		k := s.Key()
		if seen[k] {
			duplicates++
			continue
		}
		seen[k] = true
		if len(cur) > 0 && s.Start.After(latest.AddDays(gapDays)) {
			trips = append(trips, cur)
			cur = nil
		}
		if len(cur) == 0 || s.End.After(latest) {
			latest = s.End
		}
		cur = append(cur, s)
	}
	if len(cur) > 0 {
		trips = append(trips, cur)
	}
	return trips, duplicates
}
