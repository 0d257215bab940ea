package timeline

import "strings"

// visitorTitles are the titles the visits record puts before a leader's
// name, longest first so that "Prime Minister" wins over "Prime".
var visitorTitles = func() []string {
	ts := []string{
		"President-elect", "President-Elect", "President", "Vice President", "Acting President", "Interim President",
		"Provisional President", "Prime Minister", "Acting Prime Minister", "Interim Prime Minister", "Chancellor-elect",
		"Chancellor", "Premier", "King", "Queen", "Emperor", "Empress", "Sultan", "Amir", "Emir", "Shah", "Crown Prince",
		"Prince", "Princess", "Grand Duke", "Grand Duchess", "Regent", "Pope", "Taoiseach", "Sheikh", "Chairman",
		"General Secretary", "First Secretary", "Governor General", "Governor-General", "Chief of State", "Head of State",
		"Brigadier General", "Lieutenant General", "General",
	}
	// Longest first.
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && len(ts[j]) > len(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
	return ts
}()

// visitorTypos are misspellings of titles in the record, read as meant.
var visitorTypos = map[string]string{"Prime Minster": "Prime Minister", "President- elect": "President-elect"}

// SplitVisitor reads a visits record's visitor ("Prime Minister Kyriakos
// Mitsotakis") as the office held and the person's name. A text without a
// known title is all name.
func SplitVisitor(s string) (office, name string) {
	s = NormalizeSpace(s)
	for typo, meant := range visitorTypos {
		if strings.HasPrefix(s, typo+" ") {
			s = meant + s[len(typo):]
		}
	}
	for _, t := range visitorTitles {
		if strings.HasPrefix(s, t+" ") {
			return t, strings.TrimSpace(s[len(t):])
		}
	}
	return "", s
}

// VisitKinds is the small vocabulary visits are normalised to; the
// record's own wording is kept beside it.
var VisitKinds = []string{"state", "official", "official working", "working", "private", "other"}

// VisitKind normalises a visit's description to VisitKinds.
func VisitKind(description string) string {
	d := strings.ToLower(description)
	switch {
	case strings.Contains(d, "state visit"):
		return "state"
	case strings.Contains(d, "official working visit"):
		return "official working"
	case strings.Contains(d, "official visit"):
		return "official"
	case strings.Contains(d, "working visit"):
		return "working"
	case strings.Contains(d, "private visit"), strings.Contains(d, "informal visit"):
		return "private"
	}
	return "other"
}
