package timeline

import (
	"fmt"
	"strings"
)

// Precision says how much of an event's date is known. A month-precise date
// is stored as the first of its month and shown as "October 2024"; filters
// treat it as the whole month.
type Precision string

// The precisions an event date can have.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// ParsePrecision accepts "day", "month" or "year" (empty means day).
func ParsePrecision(s string) (Precision, error) {
	switch p := Precision(strings.ToLower(strings.TrimSpace(s))); p {
	case "":
		return PrecisionDay, nil
	case PrecisionDay, PrecisionMonth, PrecisionYear:
		return p, nil
	}
	return "", fmt.Errorf("%q is not a precision (day, month or year)", s)
}

// Span returns the inclusive range of days a date of this precision stands
// for: the day itself, its whole month or its whole year.
func (p Precision) Span(d Date) Range {
	switch p {
	case PrecisionMonth:
		first := DateOf(d.Year(), d.Month(), 1)
		return Range{first, DateOf(d.Year(), d.Month()+1, 1).AddDays(-1)}
	case PrecisionYear:
		return Range{DateOf(d.Year(), 1, 1), DateOf(d.Year(), 12, 31)}
	}
	return Range{d, d}
}

// Format writes d at this precision: "16 October 2024", "October 2024",
// "2024".
func (p Precision) Format(d Date) string {
	switch p {
	case PrecisionMonth:
		return d.Time().Format("January 2006")
	case PrecisionYear:
		return fmt.Sprint(d.Year())
	}
	return d.Long()
}
