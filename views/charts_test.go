package views

import (
	"fmt"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

// The five map classes cover 1..max without gaps or overlaps, the largest
// count is always in the darkest class, and the legend says so.
func TestMapClasses(t *testing.T) {
	for _, maxN := range []int{1, 2, 3, 7, 10, 11, 100, 12345} {
		next := 1
		for q := 1; q <= 5; q++ {
			lo, hi := classRange(q, maxN)
			if lo > hi {
				continue
			}
			if lo != next {
				t.Errorf("max %d: class %d starts at %d, want %d", maxN, q, lo, next)
			}
			for _, n := range []int{lo, hi} {
				if quantClass(n, maxN) != q {
					t.Errorf("max %d: %d is in class %d, its range says %d", maxN, n, quantClass(n, maxN), q)
				}
			}
			next = hi + 1
		}
		if next != maxN+1 {
			t.Errorf("max %d: the classes end at %d", maxN, next-1)
		}
		if quantClass(maxN, maxN) != 5 {
			t.Errorf("max %d is not in the darkest class", maxN)
		}
	}
}

// The time axis draws at most twelve lanes and says how many trips of how
// many travellers it left out; bars stay inside the plot and in date order.
func TestTimeAxisLanes(t *testing.T) {
	d := ChartData{}
	start := timeline.MustDate("2000-01-01")
	for i := 0; i < 15; i++ {
		for k := 0; k < 2; k++ {
			s := start.AddDays(i*40 + k*10)
			d.Bars = append(d.Bars, ChartTrip{ID: int64(i*2 + k + 1), PersonSlug: fmt.Sprint("p", i), PersonName: fmt.Sprint("P", i), Start: s, End: s.AddDays(3),
				Stops: []ChartStop{{Start: s, End: s.AddDays(1), Country: "FR"}}})
		}
	}
	d.Trips = len(d.Bars)
	a := d.TimeAxis()
	if len(a.Lanes) != maxLanes || a.Hidden != 6 || a.HiddenOf != 3 {
		t.Errorf("%d lanes, %d trips of %d travellers hidden; want 12, 6 of 3", len(a.Lanes), a.Hidden, a.HiddenOf)
	}
	for _, l := range a.Lanes {
		if len(l.Bars) != 2 {
			t.Errorf("lane %s has %d bars", l.PersonName, len(l.Bars))
		}
		for _, b := range l.Bars {
			if b.X < axisLabel || b.X+b.W > axisWidth || len(b.Stops) != 1 {
				t.Errorf("bar %+v is outside the plot or lost its stop", b)
			}
		}
	}
	if len(a.Ticks) == 0 || len(a.Ticks) > 13 {
		t.Errorf("%d ticks", len(a.Ticks))
	}
}
