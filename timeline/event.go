package timeline

import "strings"

// Event is a dated context event that is not a trip: an attack, a killing,
// an election, a summit.
type Event struct {
	ID        int64
	Title     string
	Kind      string // attack, killing, election, summit, agreement, other
	Date      Date
	Precision Precision
	EndDate   Date // for events over several days; may be unset
	Country   string
	Summary   string
	Status    Status
}

// EventKinds are the kinds an event can have.
var EventKinds = []string{"attack", "killing", "election", "summit", "agreement", "other"}

// Validate checks the event's fields.
func (e *Event) Validate() error {
	fe := FieldErrors{}
	e.Title = NormalizeSpace(e.Title)
	e.Summary = strings.TrimSpace(e.Summary)
	if e.Title == "" {
		fe.Add("title", "An event needs a title.")
	}
	if e.Kind == "" {
		e.Kind = "other"
	}
	known := false
	for _, k := range EventKinds {
		known = known || k == e.Kind
	}
	if !known {
		fe.Add("kind", "The kind is one of attack, killing, election, summit, agreement or other.")
	}
	if !e.Date.Valid() {
		fe.Add("date", "An event needs a date.")
	}
	if e.Precision == "" {
		e.Precision = PrecisionDay
	}
	if e.Date.Valid() {
		// A month or year is stored as its first day, so that sorting and
		// filtering need no special case.
		e.Date = e.Precision.Span(e.Date).Start
	}
	if e.EndDate.Valid() && e.Date.Valid() && e.EndDate.Before(e.Date) {
		fe.Add("end", "An event cannot end before it starts.")
	}
	if e.Status == "" {
		e.Status = Published
	}
	return fe.Err()
}

// Span is the days the event covers, precision included.
func (e *Event) Span() Range {
	r := e.Precision.Span(e.Date)
	if e.EndDate.Valid() && e.EndDate.After(r.End) {
		r.End = e.EndDate
	}
	return r
}

// When writes the event's date at its precision.
func (e *Event) When() string {
	if e.EndDate.Valid() && e.EndDate != e.Date && e.Precision == PrecisionDay {
		return FormatRange(e.Date, e.EndDate)
	}
	return e.Precision.Format(e.Date)
}
