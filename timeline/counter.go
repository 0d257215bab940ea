package timeline

import (
	"fmt"
	"strconv"
	"strings"
)

// Unit says what a counter numbers: trips, or single stops. "The 10th visit
// to Israel" (stops) and "the 9th trip that included Israel" (trips) are
// different numbers, and every count says which it is.
type Unit string

// The two units of counting.
const (
	UnitTrips Unit = "trips"
	UnitStops Unit = "stops"
)

// RuleKind says which trips a counter numbers.
type RuleKind string

// The trip rules: the trips as curators stored them, or the traveller's
// stops regrouped by a gap of N days, so that a count's sensitivity to the
// rule can be shown.
const (
	RuleStored RuleKind = "stored"
	RuleGap    RuleKind = "gap"
)

// Rule is a counter's trip rule.
type Rule struct {
	Kind    RuleKind
	GapDays int // for RuleGap
}

// String names the rule in words.
func (r Rule) String() string {
	if r.Kind == RuleGap {
		return fmt.Sprintf("stops regrouped into trips with gaps of at most %s", plural(r.GapDays, "day"))
	}
	return "trips as stored"
}

// Short names the rule compactly: "stored trips", "gap 1 day".
func (r Rule) Short() string {
	if r.Kind == RuleGap {
		return "gap " + plural(r.GapDays, "day")
	}
	return "stored trips"
}

// Counter is a rule that numbers trips (or stops): a traveller, optionally a
// region or a country, a since-date and a label.
type Counter struct {
	ID         int64
	PersonID   int64
	PersonSlug string
	PersonName string
	Region     string // region code; empty means any stop abroad
	Country    string // country code; narrows to one country (stop counts)
	Since      Date
	Unit       Unit
	Rule       Rule
	Label      string // "trip to the region"; derived when empty
	Status     Status
}

// Validate checks the counter's fields.
func (c *Counter) Validate() error {
	fe := FieldErrors{}
	if c.PersonID == 0 && c.PersonSlug == "" {
		fe.Add("person", "A counter needs a traveller.")
	}
	if !c.Since.Valid() {
		fe.Add("since", "A counter needs a since-date.")
	}
	if c.Unit == "" {
		c.Unit = UnitTrips
	}
	if c.Unit != UnitTrips && c.Unit != UnitStops {
		fe.Add("unit", "A counter counts trips or stops.")
	}
	if c.Rule.Kind == "" {
		c.Rule.Kind = RuleStored
	}
	switch c.Rule.Kind {
	case RuleStored:
		c.Rule.GapDays = 0
	case RuleGap:
		if c.Rule.GapDays < 0 || c.Rule.GapDays > 60 {
			fe.Add("gap_days", "The gap is between 0 and 60 days.")
		}
	default:
		fe.Add("rule", "The rule is stored or gap.")
	}
	if c.Status == "" {
		c.Status = Published
	}
	c.Label = strings.TrimSpace(c.Label)
	return fe.Err()
}

// Noun is what the counter numbers, for prose: the label, or one derived
// from the scope ("trip to NEA", "stop in IL", "trip abroad").
func (c *Counter) Noun() string {
	if c.Label != "" {
		return c.Label
	}
	unit := "trip"
	if c.Unit == UnitStops {
		unit = "stop"
	}
	switch {
	case c.Country != "" && c.Unit == UnitStops:
		return unit + " in " + c.Country
	case c.Country != "":
		return unit + " that included " + c.Country
	case c.Region != "":
		return unit + " to " + c.Region
	}
	return unit + " abroad"
}

// Phrase is the whole ordinal sentence: "11th trip to the region since
// 7 October 2023".
func (c *Counter) Phrase(n int) string {
	return Ordinal(n) + " " + c.Noun() + " since " + c.Since.Long()
}

// RulePhrase is the ordinal with the rule that gave it, as pages and
// exports word it: "11th trip to the region since 7 October 2023 (gap
// 1 day)".
func (c *Counter) RulePhrase(n int) string { return c.Phrase(n) + " (" + c.Rule.Short() + ")" }

// Describe says in words what the counter counts, for its page.
func (c *Counter) Describe() string {
	scope := "any country abroad"
	switch {
	case c.Country != "":
		scope = "country " + c.Country
	case c.Region != "":
		scope = "region " + c.Region
	}
	what := "trips with at least one stop in " + scope
	if c.Unit == UnitStops {
		what = "stops in " + scope
	}
	return fmt.Sprintf("%s's %s starting on or after %s, numbered in date order (%s).",
		c.PersonName, what, c.Since.Long(), c.Rule)
}

// Ordinal writes n as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th,
// 13th, 21st, 111th.
func Ordinal(n int) string {
	suffix := "th"
	switch n % 100 {
	case 11, 12, 13:
	default:
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
