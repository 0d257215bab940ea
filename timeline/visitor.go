package timeline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// visitorTitles are the offices the visits record puts before a leader's
// name, longest first so that "Prime Minister" wins over "Prime". Sheikh,
// Dom, Lord and the like are not here: they are honorifics, part of how a
// person is named rather than an office (honorifics).
var visitorTitles = longestFirst([]string{
	"President-elect", "President-designate", "President", "Vice President", "Acting President", "Interim President",
	"Provisional President", "President of the Council of Ministers", "Prime Minister", "Acting Prime Minister",
	"Interim Prime Minister", "Chancellor-elect", "Chancellor", "Federal Chancellor", "Premier", "Vice Premier",
	"King", "Queen", "Emperor", "Empress", "Sultan", "Amir", "Emir", "Shah", "Crown Prince", "Prince", "Princess",
	"Grand Duke", "Grand Duchess", "Regent", "Regent Prince", "Pope", "Taoiseach", "Chairman",
	"Chairman of the Presidency", "General Secretary", "First Secretary", "Governor General", "Governor-General",
	"Chief of State", "Head of State", "Junta Member", "Brigadier General", "Lieutenant General", "General",
})

// royalTitles are the titles of monarchs and their heirs: a number after
// such a person's name is regnal ("Hussein I"), and such a person is known
// by the given name alone ("King Hussein").
var royalTitles = map[string]bool{
	"King": true, "Queen": true, "Emperor": true, "Empress": true, "Sultan": true, "Amir": true, "Emir": true,
	"Shah": true, "Crown Prince": true, "Prince": true, "Princess": true, "Grand Duke": true, "Grand Duchess": true,
	"Regent Prince": true, "Pope": true,
}

// heirTitles are held before the throne: a crown prince named after a king
// who visited earlier is his heir, not the king again.
var heirTitles = map[string]bool{"Crown Prince": true}

// visitorTypos are misspellings of titles in the record, read as meant.
var visitorTypos = map[string]string{
	"Prime Minster":        "Prime Minister",
	"Prime Ministere":      "Prime Minister",
	"President- elect":     "President-elect",
	"President-Elect":      "President-elect",
	"President- designate": "President-designate",
}

func longestFirst(ts []string) []string {
	sort.SliceStable(ts, func(i, j int) bool { return len(ts[i]) > len(ts[j]) })
	return ts
}

// Visitor is one person a visits record's text names: the office it gives
// them, if any, and their name as written.
type Visitor struct {
	Office string
	Name   string
}

// ReadVisitors reads a visits record's visitor text as the people it
// names: "President Anwar Sadat, Prime Minister Mustafa Khalil" is two,
// "Premier and Prince Sihanouk" one (with both titles), "President Benigno
// S. Aquino, 3rd" one (the suffix stays with the name). Titles are taken
// off the names, with the record's typos of them read as meant ("Prime
// Ministere", "Prime MinisterHaidar").
func ReadVisitors(text string) []Visitor {
	s := fixTypos(NormalizeSpace(text))
	var out []Visitor
	for _, part := range splitVisitorList(s) {
		office, name := splitTitle(part)
		if name == "" {
			continue
		}
		out = append(out, Visitor{Office: office, Name: name})
	}
	return out
}

// SplitVisitor reads a text naming one person as the office and the name
// ("Prime Minister Kyriakos Mitsotakis"); for a text that names several,
// the first of them (ReadVisitors gives them all).
func SplitVisitor(s string) (office, name string) {
	vs := ReadVisitors(s)
	if len(vs) == 0 {
		return "", ""
	}
	return vs[0].Office, vs[0].Name
}

func fixTypos(s string) string {
	for typo, meant := range visitorTypos {
		if strings.HasPrefix(s, typo+" ") || strings.Contains(s, " "+typo+" ") {
			s = strings.ReplaceAll(s, typo+" ", meant+" ")
		}
	}
	// A title run into the name ("Prime MinisterHaidar al- Abadi").
	for _, t := range visitorTitles {
		for i := 0; ; {
			j := strings.Index(s[i:], t)
			if j < 0 {
				break
			}
			j += i
			k := j + len(t)
			if (j == 0 || s[j-1] == ' ') && k < len(s) {
				if r, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsUpper(r) {
					s = s[:k] + " " + s[k:]
				}
			}
			i = k
		}
	}
	// "al- Abadi": a particle cut from its name by a stray space.
	s = strings.NewReplacer("al- ", "al-", "el- ", "el-").Replace(s)
	return s
}

// leadingTitle returns the title s starts with, if any, as a whole word.
func leadingTitle(s string) string {
	for _, t := range visitorTitles {
		if strings.HasPrefix(s, t) && (len(s) == len(t) || s[len(t)] == ' ' || s[len(t)] == '-') {
			return t
		}
	}
	return ""
}

// splitVisitorList cuts a text at each list separator (", ", " and ",
// " & ") that is followed by another title. "X and Prince Y" where X is a
// title alone is one person with two titles, so it is not cut.
func splitVisitorList(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		var sep string
		for _, p := range []string{", ", " and ", " & "} {
			if strings.HasPrefix(s[i:], p) {
				sep = p
				break
			}
		}
		if sep == "" {
			continue
		}
		rest := s[i+len(sep):]
		if leadingTitle(rest) == "" {
			continue
		}
		left := s[start:i]
		if _, name := splitTitle(left); name == "" {
			continue // "Premier and Prince Sihanouk": one person, two titles
		}
		parts = append(parts, left)
		start = i + len(sep)
		i = start - 1
	}
	return append(parts, s[start:])
}

// splitTitle takes the titles off the front of one person's text: a title,
// and further titles joined to it ("Premier and Prince", "Prime
// Minister-Prince"). A second title after a space is kept as part of the
// name: "Prime Minister Amir Abbas Hoveyda" was a prime minister named Amir.
func splitTitle(s string) (office, name string) {
	s = strings.TrimSpace(s)
	t := leadingTitle(s)
	if t == "" {
		return "", s
	}
	office, s = t, strings.TrimSpace(s[len(t):])
	for {
		var joiner string
		switch {
		case strings.HasPrefix(s, "-"):
			joiner = "-"
		case strings.HasPrefix(s, "and "):
			joiner = "and "
		case strings.HasPrefix(s, "& "):
			joiner = "& "
		}
		if joiner == "" {
			break
		}
		next := leadingTitle(s[len(joiner):])
		if next == "" {
			break
		}
		if joiner == "-" {
			office += "-" + next
		} else {
			office += " and " + next
		}
		s = strings.TrimSpace(s[len(joiner)+len(next):])
	}
	return office, s
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
