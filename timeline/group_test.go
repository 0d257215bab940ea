package timeline_test

import (
	"reflect"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

func stop(country, start, end string) timeline.Stop {
	return timeline.Stop{PersonID: 1, Country: country, Start: timeline.MustDate(start), End: timeline.MustDate(end)}
}

// groups renders trips as country lists, e.g. [["IL" "JO"] ["QA"]].
func groups(trips [][]timeline.Stop) [][]string {
	out := [][]string{}
	for _, t := range trips {
		var cs []string
		for _, s := range t {
			cs = append(cs, s.Country)
		}
		out = append(out, cs)
	}
	return out
}

func TestGroupStops(t *testing.T) {
	// IL ends on the 2nd; JO starts the 3rd (1 day later); QA starts the 5th
	// (2 days after JO's end on the 3rd).
	stops := []timeline.Stop{
		stop("QA", "2024-01-05", "2024-01-05"),
		stop("IL", "2024-01-01", "2024-01-02"),
		stop("JO", "2024-01-03", "2024-01-03"),
	}
	for _, tc := range []struct {
		name string
		gap  int
		want [][]string
	}{
		{"Gap0", 0, [][]string{{"IL"}, {"JO"}, {"QA"}}},
		{"Gap1", 1, [][]string{{"IL", "JO"}, {"QA"}}},
		{"Gap2", 2, [][]string{{"IL", "JO", "QA"}}},
		{"NegativeGapIsZero", -3, [][]string{{"IL"}, {"JO"}, {"QA"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			trips, dups := timeline.GroupStops(stops, tc.gap)
			if got := groups(trips); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("GroupStops(gap %d) = %v, want %v", tc.gap, got, tc.want)
			}
			if dups != 0 {
				t.Errorf("duplicates = %d, want 0", dups)
			}
		})
	}

	t.Run("SameDayIsSameTripAtGap0", func(t *testing.T) {
		trips, _ := timeline.GroupStops([]timeline.Stop{stop("IL", "2024-01-01", "2024-01-02"), stop("PS", "2024-01-02", "2024-01-02")}, 0)
		if got := groups(trips); !reflect.DeepEqual(got, [][]string{{"IL", "PS"}}) {
			t.Errorf("got %v, want one trip", got)
		}
	})

	t.Run("OverlapUsesLatestEnd", func(t *testing.T) {
		// A long stop (a summit, 1st to 10th) with a side trip inside it and
		// a stop right after: the side trip's early end must not split the
		// trip, because the latest end so far is the 10th.
		trips, _ := timeline.GroupStops([]timeline.Stop{
			stop("BE", "2024-01-01", "2024-01-10"),
			stop("LU", "2024-01-02", "2024-01-02"),
			stop("NL", "2024-01-11", "2024-01-11"),
		}, 1)
		if got := groups(trips); !reflect.DeepEqual(got, [][]string{{"BE", "LU", "NL"}}) {
			t.Errorf("got %v, want one trip", got)
		}
	})

	t.Run("DuplicatesStoredOnce", func(t *testing.T) {
		a := stop("JP", "2021-03-15", "2021-03-17")
		a.Locality = "Tokyo"
		b := a
		b.Locality = "  Tokyo " // the source record's spacing varies
		b.Ref = "4019"
		c := a
		c.Locality = "Osaka" // another locality is another stop
		trips, dups := timeline.GroupStops([]timeline.Stop{a, b, c}, 1)
		if dups != 1 {
			t.Errorf("duplicates = %d, want 1", dups)
		}
		if len(trips) != 1 || len(trips[0]) != 2 {
			t.Errorf("got %v, want one trip of two stops", groups(trips))
		}
	})

	t.Run("InputUntouched", func(t *testing.T) {
		in := []timeline.Stop{stop("QA", "2024-01-05", "2024-01-05"), stop("IL", "2024-01-01", "2024-01-01")}
		timeline.GroupStops(in, 1)
		if in[0].Country != "QA" {
			t.Error("GroupStops reordered its input")
		}
	})

	t.Run("Empty", func(t *testing.T) {
		trips, dups := timeline.GroupStops(nil, 1)
		if len(trips) != 0 || dups != 0 {
			t.Errorf("got %v, %d", trips, dups)
		}
	})
}
