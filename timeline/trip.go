package timeline

import (
	"sort"
	"strconv"
	"strings"
)

// Trip is one journey of one traveller, away from home and back. Its dates
// are its stops' first start and last end.
type Trip struct {
	ID         int64
	PersonID   int64
	PersonSlug string
	PersonName string
	Title      string
	Summary    string
	Status     Status
	Start, End Date
	Stops      []Stop
}

// Stop is one visit on a trip: a country, a locality, dates (inclusive) and
// remarks.
type Stop struct {
	ID       int64
	TripID   int64
	PersonID int64
	Seq      int
	Country  string // canonical country code
	Locality string // "Tel Aviv, Jerusalem"
	Start    Date
	End      Date
	Remarks  string
	// Ref is the identifier of the stop in the record it was imported from
	// (the Office of the Historian's trip id), empty for curated stops.
	Ref string
}

// Key identifies a stop for duplicate detection: the same traveller, dates,
// country and locality are the same stop.
type StopKey struct {
	PersonID   int64
	Start, End Date
	Country    string
	Locality   string
}

// Key returns the stop's duplicate key; the locality is compared with its
// spacing normalised, since the source record is inconsistent about it.
func (s Stop) Key() StopKey {
	return StopKey{s.PersonID, s.Start, s.End, s.Country, NormalizeSpace(s.Locality)}
}

// NormalizeSpace trims s and collapses every run of whitespace to one space.
func NormalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// Validate checks a stop on its own.
func (s *Stop) Validate(fe FieldErrors, prefix string) {
	s.Locality = NormalizeSpace(s.Locality)
	s.Remarks = strings.TrimSpace(s.Remarks)
	if s.Country == "" {
		fe.Add(prefix+"country", "A stop needs a country.")
	}
	if !s.Start.Valid() {
		fe.Add(prefix+"start", "A stop needs a start date.")
	}
	if !s.End.Valid() {
		s.End = s.Start
	}
	if s.Start.Valid() && s.End.Before(s.Start) {
		fe.Add(prefix+"end", "A stop cannot end before it starts.")
	}
}

// Validate checks the trip and its stops, orders the stops and sets the
// trip's dates from them.
func (t *Trip) Validate() error {
	fe := FieldErrors{}
	t.Title = strings.TrimSpace(t.Title)
	if t.PersonID == 0 && t.PersonSlug == "" && t.PersonName == "" {
		fe.Add("person", "A trip needs a traveller.")
	}
	if t.Status == "" {
		t.Status = Published
	}
	if len(t.Stops) == 0 {
		fe.Add("stops", "A trip needs at least one stop.")
	}
	seen := map[StopKey]int{}
	for i := range t.Stops {
		t.Stops[i].Validate(fe, "stops."+strconv.Itoa(i)+".")
		k := t.Stops[i].Key()
		k.PersonID = 0
		if j, dup := seen[k]; dup {
			fe.Add("stops."+strconv.Itoa(i)+".country", "This stop repeats stop "+strconv.Itoa(j+1)+".")
		}
		seen[k] = i
	}
	if len(fe) > 0 {
		return fe.Err()
	}
	SortStops(t.Stops)
	for i := range t.Stops {
		t.Stops[i].Seq = i + 1
	}
	t.Start, t.End = StopsSpan(t.Stops)
	return nil
}

// SortStops orders stops chronologically: by start, then end, then the order
// they were given in (stable), which keeps a curator's order for same-day
// stops.
func SortStops(stops []Stop) {
	sort.SliceStable(stops, func(i, j int) bool {
		if c := stops[i].Start.Compare(stops[j].Start); c != 0 {
			return c < 0
		}
		return stops[i].End.Before(stops[j].End)
	})
}

// StopsSpan returns the first start and the last end of stops.
func StopsSpan(stops []Stop) (start, end Date) {
	for i, s := range stops {
		if i == 0 || s.Start.Before(start) {
			start = s.Start
		}
		if i == 0 || s.End.After(end) {
			end = s.End
		}
	}
	return start, end
}

// Countries returns the distinct country codes of the trip's stops in the
// order first visited.
func (t *Trip) Countries() []string { return StopCountries(t.Stops) }

// StopCountries returns the distinct country codes of stops in order of
// first appearance.
func StopCountries(stops []Stop) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range stops {
		if !seen[s.Country] {
			seen[s.Country] = true
			out = append(out, s.Country)
		}
	}
	return out
}

// TripRef is a trip in a list: a traveller's trips, the curators' drafts.
type TripRef struct {
	ID         int64
	Title      string
	Start, End Date
	Countries  []string
	PersonSlug string
	PersonName string
}

// MeetingRef is a meeting as a person's page lists it.
type MeetingRef struct {
	ID     int64
	TripID int64
	Date   Date
	Title  string
	Office string
}
