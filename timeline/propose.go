package timeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A claim's words propose the counter that checks them: "11th trip to the
// region since October 7, 2023" is the 11th of the trips to "the region"
// since 7 October 2023. The proposal is shown to the curator, who checks
// it before it is saved; it is never a counter by itself.

// CounterProposal is what a claim's words say of the counter behind them.
type CounterProposal struct {
	Stated int    // 11; 0 when the words give no ordinal
	Unit   Unit   // trips, or stops for "stop" or "visit to a country"
	Label  string // "trip to the region", as the ordinal reads
	Place  string // "the region", "Israel": what Label counts in
	Since  Date   // the invalid Date when the words give none
	// SinceText is the since-date as the words write it ("October 7,
	// 2023").
	SinceText string
}

var (
	ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
		"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}
	monthNames = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
		"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
	numeral      = regexp.MustCompile(`(?i)^(\d{1,3})(?:st|nd|rd|th)?$`)
	placePattern = regexp.MustCompile(`(?i)\b(?:to|in|of)\s+(.+)$`)
	// "October 7, 2023", "7 October 2023", "Oct. 7, 2023", "2023-10-07"
	monthFirst = regexp.MustCompile(`(?i)^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	dayFirst   = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})`)
	isoFirst   = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})`)
)

// ProposeCounter reads a claim's words.
func ProposeCounter(words string) CounterProposal {
	var p CounterProposal
	// "11th trip to the region since …", "his eleventh visit to Israel
	// since …": the last ordinal ("the first stop of his eighth trip" is
	// the eighth trip), what follows it up to "since", and the date after.
	before, since, ok := strings.Cut(NormalizeSpace(words), " since ")
	if !ok {
		return p
	}
	fields := strings.Fields(before)
	for i := len(fields) - 1; i >= 0; i-- {
		w := fields[i]
		if m := numeral.FindStringSubmatch(w); m != nil {
			p.Stated, _ = strconv.Atoi(m[1])
		} else if n, ok := ordinalWords[strings.ToLower(w)]; ok {
			p.Stated = n
		}
		if p.Stated > 0 {
			p.Label = strings.Join(fields[i+1:], " ")
			break
		}
	}
	if p.Label == "" {
		return CounterProposal{}
	}
	p.Unit = UnitTrips
	if first := strings.ToLower(strings.Fields(p.Label)[0]); first == "stop" || first == "stops" {
		p.Unit = UnitStops
	}
	if pm := placePattern.FindStringSubmatch(p.Label); pm != nil {
		p.Place = strings.TrimSpace(pm[1])
	}
	p.Since, p.SinceText = LeadingDate(strings.TrimPrefix(strings.TrimSpace(since), "the "))
	return p
}

// LeadingDate reads the date a phrase begins with, in the ways news
// copy writes one.
func LeadingDate(s string) (Date, string) {
	day := func(y, mo, d string) Date {
		month, ok := monthNames[strings.ToLower(mo)]
		if !ok {
			return Date{}
		}
		dd, _ := strconv.Atoi(d)
		out, err := ParseDate(fmt.Sprintf("%s-%02d-%02d", y, month, dd))
		if err != nil {
			return Date{}
		}
		return out
	}
	if m := monthFirst.FindStringSubmatch(s); m != nil {
		return day(m[3], m[1], m[2]), m[0]
	}
	if m := dayFirst.FindStringSubmatch(s); m != nil {
		return day(m[3], m[2], m[1]), m[0]
	}
	if m := isoFirst.FindStringSubmatch(s); m != nil {
		if d, err := ParseDate(m[1]); err == nil {
			return d, m[0]
		}
	}
	return Date{}, ""
}
