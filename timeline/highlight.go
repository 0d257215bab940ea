package timeline

import (
	"strings"
	"unicode"
)

// Highlight marks: matched words are wrapped in these control characters,
// which no record holds; the views turn them into <mark> around escaped
// text.
const (
	HitStart = "\x02"
	HitEnd   = "\x03"
)

// SearchTerms returns the folded prefix terms of a search, as SearchQuery
// gives them to FTS5.
func SearchTerms(q string) []string {
	var terms []string
	for _, w := range strings.Fields(q) {
		for _, tok := range tokens(w) {
			terms = append(terms, fold(tok.text))
		}
	}
	return terms
}

type token struct {
	start, end int // byte offsets
	text       string
}

// tokens splits text as SQLite's unicode61 tokenizer does for the scripts
// of the record: runs of letters and digits.
func tokens(s string) []token {
	var out []token
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, token{start, i, s[start:i]})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{start, len(s), s[start:]})
	}
	return out
}

// fold is the tokenizer's folding: lower case, diacritics removed.
func fold(s string) string { return strings.ToLower(FoldASCII(s)) }

func hits(tok token, terms []string) bool {
	f := fold(tok.text)
	for _, t := range terms {
		if strings.HasPrefix(f, t) {
			return true
		}
	}
	return false
}

// Highlight marks the words of text that a search's terms match (as
// prefixes, ignoring case and accents), the way the index matched them.
func Highlight(text string, terms []string) string {
	if len(terms) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, tok := range tokens(text) {
		if !hits(tok, terms) {
			continue
		}
		b.WriteString(text[last:tok.start])
		b.WriteString(HitStart + tok.text + HitEnd)
		last = tok.end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// Snippet returns about width words of text around its first match,
// highlighted, with "…" where text was cut; "" when nothing matches.
func Snippet(text string, terms []string, width int) string {
	toks := tokens(text)
	first := -1
	for i, tok := range toks {
		if hits(tok, terms) {
			first = i
			break
		}
	}
	if first < 0 {
		return ""
	}
	from := max(0, first-width/3)
	to := min(len(toks)-1, from+width-1)
	start, end := toks[from].start, toks[to].end
	out := Highlight(NormalizeSpace(text[start:end]), terms)
	if from > 0 {
		out = "…" + out
	}
	if to < len(toks)-1 {
		out += "…"
	}
	return out
}
