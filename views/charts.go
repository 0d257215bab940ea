package views

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

// ChartData is what the pictures of one view are drawn from; the handler
// fills it from the store.
type ChartData struct {
	Filter  timeline.Filter // the view: every link of a picture narrows it
	Trips   int
	NoTrips bool // the view's kinds leave out trips
	Bars    []ChartTrip
	ByMonth bool
	Buckets []ChartBucket
	Visits  []ChartCount
	World   *World
	Names   Names
	// NoMap leaves the map out (a country's own page).
	NoMap bool
}

// ChartTrip is one trip of the time axis.
type ChartTrip struct {
	ID         int64
	PersonSlug string
	PersonName string
	Title      string
	Start, End timeline.Date
	Stops      []ChartStop
}

// ChartStop is one stop marked on a trip's bar.
type ChartStop struct {
	Start, End timeline.Date
	Country    string
}

// ChartBucket is a year ("2024") or a month ("2024-10").
type ChartBucket struct {
	Key   string
	Trips int
	Days  int
}

// ChartCount is the number of trips that stopped in a country.
type ChartCount struct {
	Code  string
	Count int
}

// World is the map's country shapes, projected, from static/world.json.
type World struct {
	ViewBox string
	Width   float64
	Height  float64
	Shapes  map[string]string     // code → SVG path
	Dots    map[string][2]float64 // code → centre, for states too small to draw
	// Successor maps a historic state to the present-day country it is
	// drawn as.
	Successor map[string]string
	Source    string
}

// The time axis.

const (
	axisWidth = 960.0
	axisLabel = 170.0 // the lane names' column
	axisLane  = 30.0
	axisTop   = 26.0 // room for the ticks' labels
	maxLanes  = 12
)

// Axis is the time axis drawn: a lane per traveller, a bar per trip.
type Axis struct {
	Height    float64
	Lanes     []Lane
	Ticks     []Tick
	Hidden    int // trips of travellers beyond the lanes drawn
	HiddenOf  int // how many travellers those are
	Cut       bool
	Drawn     int
	FirstDate timeline.Date
	LastDate  timeline.Date
}

// Lane is one traveller's row.
type Lane struct {
	Y          float64 // the row's centre
	PersonSlug string
	PersonName string
	URL        string // the view narrowed to this traveller
	Bars       []Bar
}

// Bar is one trip on a lane.
type Bar struct {
	X, W  float64
	URL   string
	Label string
	Stops []Mark
}

// Mark is one stop on a bar.
type Mark struct {
	X     float64
	Label string
}

// Tick is one date on the axis, linking to the view of that year or month.
type Tick struct {
	X     float64
	Label string
	URL   string
}

// TimeAxis lays out the trips of d on one lane per traveller, in the order
// of their first trip.
func (d ChartData) TimeAxis() Axis {
	var a Axis
	if len(d.Bars) == 0 {
		return a
	}
	a.Drawn = len(d.Bars)
	a.Cut = d.Trips > len(d.Bars)
	first, last := d.Bars[0].Start, d.Bars[0].End
	for _, b := range d.Bars {
		if b.Start.Before(first) {
			first = b.Start
		}
		if b.End.After(last) {
			last = b.End
		}
	}
	a.FirstDate, a.LastDate = first, last
	// At least a month wide, so one short trip is not a wall of colour.
	if first.DaysUntil(last) < 30 {
		pad := (30 - first.DaysUntil(last)) / 2
		first, last = first.AddDays(-pad), last.AddDays(30-first.DaysUntil(last)-pad)
	}
	span := float64(first.DaysUntil(last) + 1)
	plot := axisWidth - axisLabel - 12
	x := func(day timeline.Date) float64 { return axisLabel + float64(first.DaysUntil(day))/span*plot }

	byPerson := map[string]int{}
	for _, b := range d.Bars {
		i, ok := byPerson[b.PersonSlug]
		if !ok {
			if len(a.Lanes) == maxLanes {
				a.Hidden++
				byPerson[b.PersonSlug] = -1
				a.HiddenOf++
				continue
			}
			i = len(a.Lanes)
			byPerson[b.PersonSlug] = i
			a.Lanes = append(a.Lanes, Lane{
				Y: axisTop + axisLane*(float64(i)+0.5), PersonSlug: b.PersonSlug, PersonName: b.PersonName,
				URL: viewURL(d.Filter.With(func(g *timeline.Filter) { g.Persons = []string{b.PersonSlug} })),
			})
		}
		if i < 0 {
			a.Hidden++
			continue
		}
		bar := Bar{X: x(b.Start), URL: tripPath(b.ID), Label: b.Title + ", " + timeline.FormatRange(b.Start, b.End)}
		bar.W = math.Max(x(b.End.AddDays(1))-bar.X, 2)
		for _, s := range b.Stops {
			name := s.Country
			if d.Names != nil {
				name = d.Names.Name(s.Country)
			}
			bar.Stops = append(bar.Stops, Mark{X: x(s.Start) + math.Min(2, bar.W/2), Label: name + ", " + timeline.FormatRange(s.Start, s.End)})
		}
		a.Lanes[i].Bars = append(a.Lanes[i].Bars, bar)
	}
	a.Height = axisTop + axisLane*float64(len(a.Lanes)) + 8
	a.Ticks = axisTicks(d.Filter, first, last, x)
	return a
}

// axisTicks marks years (every few years on a long axis) or, on an axis
// shorter than two years, months.
func axisTicks(f timeline.Filter, first, last timeline.Date, x func(timeline.Date) float64) []Tick {
	var ticks []Tick
	if first.DaysUntil(last) < 730 {
		step := 1
		if first.DaysUntil(last) > 370 {
			step = 3
		}
		for y, m := first.Year(), first.Month(); ; m++ {
			if m > 12 {
				y, m = y+1, 1
			}
			start := timeline.DateOf(y, m, 1)
			if start.After(last) {
				break
			}
			if start.Before(first) || (int(m)-1)%step != 0 {
				continue
			}
			end := timeline.DateOf(y, m+1, 1).AddDays(-1)
			ticks = append(ticks, Tick{X: x(start), Label: start.Time().Format("Jan 2006"), URL: rangeURL(f, start, end)})
		}
		return ticks
	}
	years := last.Year() - first.Year() + 1
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50} {
		step = s
		if years/s <= 12 {
			break
		}
	}
	for y := first.Year(); y <= last.Year(); y++ {
		if y%step != 0 {
			continue
		}
		start := timeline.DateOf(y, time.January, 1)
		if start.Before(first) {
			continue
		}
		ticks = append(ticks, Tick{X: x(start), Label: strconv.Itoa(y), URL: rangeURL(f, start, timeline.DateOf(y, time.December, 31))})
	}
	return ticks
}

// The trips and days per year or month.

const (
	histHeight = 110.0 // each of the two panels
	histLeft   = 48.0
	histGap    = 34.0 // between the panels, for the labels
)

// Histogram is the bar chart of trips and days away per year or month.
type Histogram struct {
	Height   float64
	Columns  []Column
	MaxTrips int
	MaxDays  int
	ByMonth  bool
	DaysTop  float64 // the top of the days panel
	Baseline float64 // the bottom of the trips panel
}

// Column is one year or month: both bars, linking to that period's view.
type Column struct {
	X, W      float64
	TripsY    float64
	TripsH    float64
	DaysY     float64
	DaysH     float64
	Label     string // shown under some columns only
	ShowLabel bool
	Title     string
	URL       string
	Trips     int
	Days      int
}

// Histogram lays out the buckets of d as columns.
func (d ChartData) Histogram() Histogram {
	h := Histogram{ByMonth: d.ByMonth, Baseline: 8 + histHeight, DaysTop: 8 + histHeight + histGap}
	h.Height = h.DaysTop + histHeight + 22
	if len(d.Buckets) == 0 {
		return h
	}
	for _, b := range d.Buckets {
		h.MaxTrips = max(h.MaxTrips, b.Trips)
		h.MaxDays = max(h.MaxDays, b.Days)
	}
	n := float64(len(d.Buckets))
	slot := (axisWidth - histLeft - 8) / n
	every := int(math.Ceil(n / 16)) // at most about 16 labels
	for i, b := range d.Buckets {
		c := Column{X: histLeft + float64(i)*slot + slot*0.1, W: math.Max(slot*0.8, 1), Trips: b.Trips, Days: b.Days}
		if h.MaxTrips > 0 {
			c.TripsH = histHeight * float64(b.Trips) / float64(h.MaxTrips)
		}
		if h.MaxDays > 0 {
			c.DaysH = histHeight * float64(b.Days) / float64(h.MaxDays)
		}
		c.TripsY = h.Baseline - c.TripsH
		c.DaysY = h.DaysTop
		var from, to timeline.Date
		if d.ByMonth {
			y, _ := strconv.Atoi(b.Key[:4])
			m, _ := strconv.Atoi(b.Key[5:7])
			from = timeline.DateOf(y, time.Month(m), 1)
			to = timeline.DateOf(y, time.Month(m)+1, 1).AddDays(-1)
			c.Label = from.Time().Format("Jan 2006")
		} else {
			y, _ := strconv.Atoi(b.Key)
			from, to = timeline.DateOf(y, time.January, 1), timeline.DateOf(y, time.December, 31)
			c.Label = b.Key
		}
		c.ShowLabel = i%every == 0
		c.Title = c.Label + ": " + countOf(b.Trips, "trip") + " begun, " + countOf(b.Days, "day") + " away"
		c.URL = rangeURL(d.Filter, from, to)
		h.Columns = append(h.Columns, c)
	}
	return h
}

// The world map.

// MapCountry is one country drawn on the map.
type MapCountry struct {
	Code  string
	Path  string
	Dot   bool
	X, Y  float64
	Count int
	Class string // "q0" (none) to "q5" (most)
	Title string
	URL   string
}

// Map is the world map drawn: shapes coloured by trips, dots for the
// smallest states, and the legend's classes.
type Map struct {
	ViewBox   string
	Countries []MapCountry
	Legend    []LegendClass
	Counted   int // countries with at least one trip
	Source    string
}

// LegendClass is one colour of the map.
type LegendClass struct {
	Class    string
	From, To int
}

// Map colours each country by the trips of d that stopped there. A
// historic state is drawn as its successor: the successor's shape counts
// both, and says so.
func (d ChartData) Map() Map {
	w := d.World
	if w == nil {
		return Map{}
	}
	m := Map{ViewBox: w.ViewBox, Source: w.Source}
	count := map[string]int{} // per shape
	own := map[string]int{}   // per code as recorded
	former := map[string][]string{}
	maxN := 0
	for _, v := range d.Visits {
		own[v.Code] = v.Count
		shape := v.Code
		if s, ok := w.Successor[v.Code]; ok && s != "" {
			shape = s
			former[s] = append(former[s], v.Code)
		}
		count[shape] += v.Count
	}
	for _, n := range count {
		maxN = max(maxN, n)
	}
	classOf := func(n int) string {
		if n == 0 {
			return "q0"
		}
		return "q" + strconv.Itoa(quantClass(n, maxN))
	}
	name := func(code string) string {
		if d.Names != nil {
			return d.Names.Name(code)
		}
		return code
	}
	add := func(code string, c MapCountry) {
		n := count[code]
		c.Code, c.Count, c.Class = code, n, classOf(n)
		c.Title = name(code) + ": " + countOf(own[code], "trip")
		for _, h := range former[code] {
			c.Title += "; " + name(h) + " (drawn as " + name(code) + "): " + countOf(own[h], "trip")
		}
		if n > 0 {
			m.Counted++
			link := code
			if own[code] == 0 && len(former[code]) > 0 {
				link = former[code][0] // only the historic state was visited
			}
			c.URL = viewURL(d.Filter.With(func(g *timeline.Filter) { g.Country = link; g.Kinds = []string{timeline.EntryTrip} }))
		}
		m.Countries = append(m.Countries, c)
	}
	codes := make([]string, 0, len(w.Shapes))
	for c := range w.Shapes {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		add(c, MapCountry{Path: w.Shapes[c]})
	}
	dots := make([]string, 0, len(w.Dots))
	for c := range w.Dots {
		if _, shaped := w.Shapes[c]; !shaped {
			dots = append(dots, c)
		}
	}
	sort.Strings(dots)
	for _, c := range dots {
		if count[c] == 0 {
			continue // an unvisited speck would only be noise
		}
		p := w.Dots[c]
		add(c, MapCountry{Dot: true, X: p[0], Y: p[1]})
	}
	// Dots last, so a small state lies over its neighbours' shapes; a
	// visited one over the unvisited.
	sort.SliceStable(m.Countries, func(i, j int) bool {
		a, b := m.Countries[i], m.Countries[j]
		if a.Dot != b.Dot {
			return !a.Dot
		}
		return a.Count == 0 && b.Count > 0
	})
	for q := 1; q <= 5; q++ {
		lo, hi := classRange(q, maxN)
		if lo <= hi {
			m.Legend = append(m.Legend, LegendClass{Class: "q" + strconv.Itoa(q), From: lo, To: hi})
		}
	}
	return m
}

// quantClass puts n (1 ≤ n ≤ max) in one of five classes on a logarithmic
// scale: a few countries get most trips, and a linear scale would leave the
// rest all pale.
func quantClass(n, maxN int) int {
	if maxN <= 1 {
		return 5
	}
	q := 1 + int(4*math.Log(float64(n))/math.Log(float64(maxN)))
	return min(max(q, 1), 5)
}

// classRange is the counts that quantClass puts in class q (empty when
// lo > hi). quantClass grows with n, so each end is a binary search.
func classRange(q, maxN int) (int, int) {
	if maxN < 1 {
		return 1, 0
	}
	first := func(q int) int { // the least n in class q or above
		return 1 + sort.Search(maxN, func(i int) bool { return quantClass(i+1, maxN) >= q })
	}
	return first(q), first(q+1) - 1
}

// viewURL is the timeline of the view f.
func viewURL(f timeline.Filter) string { return "/" + f.Query() }

// rangeURL is the view f narrowed to the dates from–to.
func rangeURL(f timeline.Filter, from, to timeline.Date) string {
	return viewURL(f.With(func(g *timeline.Filter) { g.From, g.To = from, to }))
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// clipName keeps a lane's name inside its column.
func clipName(s string) string {
	r := []rune(s)
	if len(r) > 24 {
		return string(r[:23]) + "…"
	}
	return s
}

// daysNoun names the histogram's days: the whole trips' days away, which on
// a country's or a region's view are not only the days spent there.
func daysNoun(d ChartData, id string) string {
	if id == "country" || id == "region" || d.Filter.Country != "" || d.Filter.Region != "" {
		return "their days away (whole trips, not only the days there)"
	}
	return "their days away"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func hasComparisons(cs []CountBy) bool {
	for _, c := range cs {
		if c.Comparison {
			return true
		}
	}
	return false
}

// countRule says what a count counts and by which rule, and whether it is
// the claim's.
func countRule(c CountBy) string {
	w := unitLabel(c.Unit) + "; " + c.Rule
	if c.Claimed {
		w += "; the rule of the claim below"
	}
	return w
}

// listSep is what follows item i of n in a list: ", " but after the last.
func listSep(i, n int) string {
	if i < n-1 {
		return ", "
	}
	return ""
}
