package article

import (
	"strings"
	"unicode"

	"github.com/diplomatic-travel/tracker/timeline"
)

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true, "sen": true, "rep": true,
	"gov": true, "amb": true, "prof": true, "st": true, "sr": true, "jr": true, "mt": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true, "u.n": true, "e.u": true, "a.m": true, "p.m": true,
}

// Sentences cuts a paragraph into its sentences, as written: at a full
// stop, question or exclamation mark (a closing quotation mark kept with
// it) followed by a space and a capital or an opening quote, never after
// an abbreviation ("Mr.", "Oct.", "U.S.") or an initial ("Antony J.
// Blinken").
func Sentences(text string) []string {
	text = timeline.NormalizeSpace(text)
	var out []string
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '.' && r != '?' && r != '!' {
			continue
		}
		end := i + 1
		for end < len(rs) && strings.ContainsRune("\"'”’)", rs[end]) {
			end++
		}
		if end >= len(rs) || rs[end] != ' ' || end+1 >= len(rs) {
			continue
		}
		next := rs[end+1]
		if !unicode.IsUpper(next) && !strings.ContainsRune("\"“‘'", next) {
			continue
		}
		if r == '.' && end == i+1 {
			word := lastWord(rs[start:i])
			if abbreviations[strings.ToLower(word)] || (len([]rune(word)) == 1 && unicode.IsUpper([]rune(word)[0])) {
				continue
			}
		}
		if s := strings.TrimSpace(string(rs[start:end])); s != "" {
			out = append(out, s)
		}
		start = end + 1
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

// lastWord is the word a run of text ends with.
func lastWord(rs []rune) string {
	i := len(rs)
	for i > 0 && rs[i-1] != ' ' && rs[i-1] != '(' && rs[i-1] != '"' && rs[i-1] != '“' {
		i--
	}
	return string(rs[i:])
}
