package timeline

// Figures sum up the published trips of a traveller, or the visits to a
// country or a region: what its page opens with.
type Figures struct {
	Trips int
	Stops int
	// Days counts the calendar days on those stops, each day once per
	// traveller: a traveller's days abroad, or the days travellers spent in
	// the country or the region.
	Days int
	// Countries visited (for a traveller: outside their home country).
	Countries int
	// Travellers who made the visits.
	Travellers int
	First      *FigureStop
	Last       *FigureStop
	// BusiestYears are the years in which the most of the trips began,
	// in order: every year of a tie.
	BusiestYears     []int
	BusiestYearTrips int
}

// FigureStop is the first or the last stop of the figures.
type FigureStop struct {
	TripID  int64
	Country string
	Start   Date
	End     Date
}
