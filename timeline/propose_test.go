package timeline

import "testing"

func TestProposeCounter(t *testing.T) {
	for _, tc := range []struct {
		words        string
		stated       int
		label, place string
		unit         Unit
		since        string
	}{
		{"11th trip to the region since October 7, 2023", 11, "trip to the region", "the region", UnitTrips, "2023-10-07"},
		{"his eleventh visit to Israel since 7 October 2023", 11, "visit to Israel", "Israel", UnitTrips, "2023-10-07"},
		{"the 3rd stop in Qatar since Oct. 7, 2023", 3, "stop in Qatar", "Qatar", UnitStops, "2023-10-07"},
		{"first trip abroad since 2021-01-20", 1, "trip abroad", "", UnitTrips, "2021-01-20"},
		{"12th trip since the October 7 attacks", 12, "trip", "", UnitTrips, ""},
	} {
		p := ProposeCounter(tc.words)
		if p.Stated != tc.stated || p.Label != tc.label || p.Place != tc.place || p.Unit != tc.unit || (p.Since.Valid() && p.Since.String() != tc.since) || (!p.Since.Valid() && tc.since != "") {
			t.Errorf("%q: %+v (since %s), want %d %q %q %s %s", tc.words, p, p.Since, tc.stated, tc.label, tc.place, tc.unit, tc.since)
		}
	}
	if p := ProposeCounter("The Secretary met the Emir."); p.Stated != 0 || p.Label != "" {
		t.Errorf("words with no ordinal proposed %+v", p)
	}
}
