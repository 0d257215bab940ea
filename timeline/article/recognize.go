package article

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

// reader reads an article's sentences in order, remembering what earlier
// ones said: the people named (so that "Blinken" is the Antony J. Blinken
// named before), the traveller (the first person of the record named
// going somewhere), the last place (where a meeting with no place is),
// and the article's day (what "on Thursday" is counted from).
type reader struct {
	k         Known
	published timeline.Date
	mentioned map[string]bool  // slugs
	proposed  map[string]bool  // people proposed, by slug or folded name
	surnames  map[string][]int // the people of a surname, by index
	// byFirst indexes the record's names (and aliases), folded into words,
	// by their first word: a sentence is matched word by word against the
	// few names that can start at each word, not against every person.
	byFirst   map[string][]nameKey
	traveller string
	// subject is the first person of the record the article names: the
	// traveller of its claims when no sentence sends anyone anywhere.
	subject   string
	lastPlace struct{ country, locality string }
	// lastStop is the day of the last stop proposed: a meeting whose
	// sentence gives no day of its own was held there, then.
	lastStop timeline.Date
	day      timeline.Date // the dateline's day, else the publication's
}

// nameKey is one name of a person, as words.
type nameKey struct {
	words  []string
	person int
}

func newReader(a Article, k Known) *reader {
	r := &reader{k: k, published: a.Published, day: a.Published, mentioned: map[string]bool{}, proposed: map[string]bool{},
		surnames: map[string][]int{}, byFirst: map[string][]nameKey{}}
	for i, p := range k.People {
		if w := strings.Fields(wordsOnly(fold(p.Name))); len(w) > 1 && len(w[len(w)-1]) >= 4 {
			r.surnames[w[len(w)-1]] = append(r.surnames[w[len(w)-1]], i)
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if w := strings.Fields(wordsOnly(fold(n))); len(w) > 0 && len(fold(n)) > 3 {
				r.byFirst[w[0]] = append(r.byFirst[w[0]], nameKey{w, i})
			}
		}
	}
	return r
}

// mention is a person a sentence names: one of the record's (Slug set)
// or a new one after a title, and where in the sentence.
type mention struct {
	Person
	at int
}

var (
	// A title before a name the record may not have: "Emir Sheikh Tamim
	// bin Hamad Al Thani", "Foreign Minister Ayman Safadi".
	titled = regexp.MustCompile(`\b(Emir|King|Queen|Crown Prince|President|Vice President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Chancellor|Sultan)\s+((?:(?:Sheikh|Prince|Mohammed|Mohamed)\s+)?[A-Z][\p{L}'’-]+(?:\s+(?:bin|bint|ibn|al|Al|el|El|de|da|van|von|II|III|IV|[A-Z][\p{L}'’-]+))*)`)
	// Going somewhere: "arrived in Doha", "visited Israel and Saudi Arabia".
	going = regexp.MustCompile(`\b(arrived in|landed in|visited|travell?ed to|flew to|headed to|stopped in|went on to|in)\s+((?:the\s+)?[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’-]+){0,3}(?:(?:,\s*|\s+and\s+)(?:the\s+)?[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’-]+){0,3})*)`)
	// Meeting someone: "met with", "held talks with".
	meetingVerb = regexp.MustCompile(`\b(?:met with|met|held talks with|talks with|a meeting with|meetings with|discussions with|will meet|meets with|sat down with)\b`)
	// A stated goal: "seeking to revive talks", "to push for a ceasefire".
	goalVerb = regexp.MustCompile(`\b(?:seeking to|seeking|aimed at|aiming to|to push for|pushing for|to press for|pressing for|in a bid to|hoping to|focused on|focusing on)\s+([^.;:"“”]+)`)
	// A dateline: "DOHA, Oct. 24 —", "AMMAN, Jan. 14 (Example) -".
	dateline = regexp.MustCompile(`^([A-Z][A-Z .'-]+),\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2})\b[^—–-]*[—–-]\s*`)
	// A context event: "the killing of Hamas leader Yahya Sinwar on Oct.
	// 16", "the attack on Israel on October 7, 2023".
	eventPhrase = regexp.MustCompile(`(?i)\b(killing|assassination|death|attacks?|elections?|summit|agreement|accord)\s+(?:of|on|in|between|with)\s+([^,;:"“”()]+?)\s+(?:on|in)\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?)`)
	weekday     = regexp.MustCompile(`\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	vague       = regexp.MustCompile(`\b(?:earlier (?:in the|this) (?:week|month)|last (?:week|month)|had (?:visited|travell?ed|met|arrived)|previously|in recent (?:weeks|months))\b`)
	monthDay    = regexp.MustCompile(`\b(?:on\s+)?((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?:,?\s+(\d{4}))?\b`)
)

// sentence reads the people, stops, meetings and goals of one sentence.
func (r *reader) sentence(s string) []Proposal {
	var out []Proposal
	body := s
	if m := dateline.FindStringSubmatch(s); m != nil {
		if d := r.dayOf(m[2], ""); d.Valid() {
			r.day = d
		}
		if country, locality, ok := r.place(titleCase(m[1])); ok {
			r.lastPlace.country, r.lastPlace.locality = country, locality
		}
		body = s[len(m[0]):]
	}
	people := r.people(body)
	for _, p := range people {
		key := p.Slug
		if key == "" {
			key = fold(p.Name)
		}
		if !r.proposed[key] {
			r.proposed[key] = true
			out = append(out, Proposal{Kind: "person", Name: p.Name, Slug: p.Slug, Office: p.Office, Country: p.Country, Passage: s})
		}
	}
	day := r.sentenceDay(body)
	for _, m := range going.FindAllStringSubmatchIndex(body, -1) {
		if r.traveller == "" {
			for _, p := range people {
				if p.Slug != "" && p.at < m[0] {
					r.traveller = p.Slug
					break
				}
			}
		}
		bare := body[m[2]:m[3]] == "in" // "in Tel Aviv": a place only when a locality ("the war in Gaza" is no stop)
		for _, place := range splitPlaces(body[m[4]:m[5]]) {
			country, locality, ok := r.place(place)
			if !ok && !bare {
				// A place the record has never seen ("arrived in Rome"):
				// proposed with its locality, its country for the curator.
				country, locality, ok = "", strings.TrimRight(place, ".,;:"), true
			}
			if !ok || r.traveller == "" || (bare && locality == "") {
				continue
			}
			r.lastPlace.country, r.lastPlace.locality, r.lastStop = country, locality, day
			out = append(out, Proposal{Kind: "stop", Traveller: r.traveller, Country: country, Locality: locality,
				Start: day.String(), End: day.String(), Passage: s})
		}
	}
	if loc := meetingVerb.FindStringIndex(body); loc != nil {
		var parts []Participant
		for _, p := range people {
			if p.at >= loc[1] {
				parts = append(parts, Participant{Name: p.Name, Slug: p.Slug, Office: p.Office})
			}
		}
		if len(parts) > 0 {
			when := day
			if !r.dated(body) && r.lastStop.Valid() {
				when = r.lastStop
			}
			out = append(out, Proposal{Kind: "meeting", Date: when.String(), Country: r.lastPlace.country, Locality: r.lastPlace.locality,
				Participants: parts, Passage: s})
		}
	}
	for _, m := range eventPhrase.FindAllStringSubmatch(body, -1) {
		md := monthDay.FindStringSubmatch(m[3])
		if md == nil {
			continue
		}
		d := r.dayOf(md[1], md[2])
		if !d.Valid() {
			continue
		}
		out = append(out, Proposal{Kind: "event", Title: capitalFirst(strings.ToLower(m[1])) + " " + strings.TrimSpace(m[0][len(m[1]):strings.Index(m[0], m[2])+len(m[2])]),
			EventKind: eventKind(m[1]), Date: d.String(), Passage: s})
	}
	if m := goalVerb.FindStringSubmatch(body); m != nil {
		text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), ","))
		if i := strings.Index(text, ", "); i > 0 {
			text = text[:i]
		}
		if len(strings.Fields(text)) >= 2 {
			out = append(out, Proposal{Kind: "goal", Text: capitalFirst(text), Passage: s})
		}
	}
	return out
}

// people finds the people a sentence names: the record's (by name, alias
// or, once named, surname) and new ones after a title.
func (r *reader) people(s string) []mention {
	folded := wordsOnly(fold(s))
	words := strings.Fields(folded)
	// at[i] is where word i begins in the folded text: near enough where
	// it begins in the sentence, to order people and verbs.
	at := make([]int, len(words))
	for i, pos := 0, 0; i < len(words); i++ {
		pos += strings.Index(folded[pos:], words[i])
		at[i] = pos
		pos += len(words[i])
	}
	found := map[int]int{} // person → the word their name starts at
	for i, w := range words {
		for _, nk := range r.byFirst[w] {
			if _, ok := found[nk.person]; !ok && i+len(nk.words) <= len(words) && slices.Equal(words[i:i+len(nk.words)], nk.words) {
				found[nk.person] = i
			}
		}
	}
	for i, w := range words { // a surname, once the person is named (or when only one person has it)
		for _, idx := range r.surnames[w] {
			if _, ok := found[idx]; !ok && (r.mentioned[r.k.People[idx].Slug] || len(r.surnames[w]) == 1) {
				found[idx] = i
			}
		}
	}
	var out []mention
	for idx, i := range found {
		p := r.k.People[idx]
		r.mentioned[p.Slug] = true
		out = append(out, mention{p, at[i]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
	if len(out) > 0 && r.subject == "" {
		r.subject = out[0].Slug
	}
	for _, m := range titled.FindAllStringSubmatchIndex(s, -1) {
		title, name := s[m[2]:m[3]], strings.TrimSpace(s[m[4]:m[5]])
		known := false
		for _, o := range out {
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				if strings.Contains(fold(name), fold(n)) || strings.Contains(fold(n), fold(name)) {
					known = true // the record's person, named after their title
				}
			}
		}
		if known {
			continue
		}
		p := Person{Name: name, Office: title}
		if c, ok := r.countryBefore(s[:m[0]]); ok {
			p.Country = c
		}
		out = append(out, mention{p, m[0]})
	}
	return out
}

// countryBefore is the country a title is of: "Qatar's Prime Minister",
// "the Jordanian King".
func (r *reader) countryBefore(s string) (string, bool) {
	w := strings.Fields(strings.TrimSpace(s))
	for n := min(3, len(w)); n >= 1; n-- {
		if code, ok := r.k.countryOf(strings.Join(w[len(w)-n:], " ")); ok {
			return code, true
		}
	}
	return "", false
}

// place resolves a place's name: a locality the record's stops have (with
// its country), or a country.
func (r *reader) place(name string) (country, locality string, ok bool) {
	name = strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(name, "the ")), ".,;:")
	if c, ok := r.k.Places[fold(name)]; ok {
		return c, name, true
	}
	if c, ok := r.k.countryOf(name); ok {
		return c, "", true
	}
	return "", "", false
}

// splitPlaces cuts "Israel, Jordan and Saudi Arabia" into its places.
func splitPlaces(s string) []string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(s, " and ", ", "), ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// sentenceDay is the day a sentence speaks of: a date it gives ("Oct.
// 24"), a weekday counted back from the article's day ("on Thursday"), or
// the article's day.
//
// A sentence that speaks of an earlier time ("earlier in the week", "had
// visited") gives no day: the curator gives it.
func (r *reader) sentenceDay(s string) timeline.Date {
	if vague.MatchString(s) {
		return timeline.Date{}
	}
	for _, m := range monthDay.FindAllStringSubmatchIndex(s, -1) {
		if strings.HasSuffix(s[:m[0]], "since ") {
			continue // the anchor of a count, not the day of the sentence
		}
		if d := r.dayOf(s[m[2]:m[3]], sub(s, m[4], m[5])); d.Valid() {
			return d
		}
	}
	if m := weekday.FindStringSubmatch(s); m != nil && r.day.Valid() {
		t, _ := time.Parse("2006-01-02", r.day.String())
		for i := 0; i < 7; i++ {
			if d := t.AddDate(0, 0, -i); strings.EqualFold(d.Weekday().String(), m[1]) {
				day, _ := timeline.ParseDate(d.Format("2006-01-02"))
				return day
			}
		}
	}
	return r.day
}

// dayOf reads "Oct. 24" (with its year, or the article's) as a day.
func (r *reader) dayOf(monthDay, year string) timeline.Date {
	if year == "" {
		if !r.published.Valid() {
			return timeline.Date{}
		}
		year = r.published.String()[:4]
	}
	f := strings.Fields(strings.ReplaceAll(monthDay, ".", ""))
	if len(f) != 2 {
		return timeline.Date{}
	}
	d, _ := timeline.LeadingDate(f[0] + " " + f[1] + ", " + year)
	return d
}

// quotes are the sentence's quotations, each speaker the record knows by
// its slug.
func (r *reader) quotes(s string) []Proposal {
	qs := quotesIn(s)
	for i := range qs {
		for _, p := range r.people(qs[i].Speaker) {
			if p.Slug != "" {
				qs[i].Speaker = p.Slug
				break
			}
		}
		if strings.Contains(qs[i].Speaker, " ") {
			if p, ok := r.byTitle(qs[i].Speaker); ok {
				qs[i].Speaker = p.Slug
			}
		}
	}
	return qs
}

// wordsOnly is folded text with its punctuation made spaces, so names are
// matched word by word.
func wordsOnly(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'')
	}), " ")
}

// titleCase is a dateline's "DOHA" as the place is written: "Doha".
func titleCase(s string) string {
	w := strings.Fields(strings.ToLower(s))
	for i := range w {
		w[i] = strings.ToUpper(w[i][:1]) + w[i][1:]
	}
	return strings.Join(w, " ")
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sub is s[from:to], or "" for a group that did not match.
func sub(s string, from, to int) string {
	if from < 0 {
		return ""
	}
	return s[from:to]
}

// byTitle is the person a title names, among those the article named:
// "Qatar's prime minister" is the person of the record named before whose
// office is Prime Minister, of Qatar.
func (r *reader) byTitle(s string) (Person, bool) {
	f := fold(s)
	country, _ := r.countryBefore(s)
	for _, p := range r.k.People {
		if !r.mentioned[p.Slug] || p.Office == "" {
			continue
		}
		title := fold(strings.SplitN(p.Office, ",", 2)[0])
		first := strings.Fields(title)
		if len(first) == 0 || !strings.Contains(f, strings.Join(first[:min(2, len(first))], " ")) {
			continue
		}
		if country == "" || country == p.Country {
			return p, true
		}
	}
	return Person{}, false
}

// eventKind is the record's kind of event a word names.
func eventKind(word string) string {
	switch w := strings.ToLower(word); {
	case w == "killing" || w == "assassination" || w == "death":
		return "killing"
	case strings.HasPrefix(w, "attack"):
		return "attack"
	case strings.HasPrefix(w, "election"):
		return "election"
	case w == "summit":
		return "summit"
	case w == "agreement" || w == "accord":
		return "agreement"
	}
	return "other"
}

// dated says whether a sentence gives a day of its own.
func (r *reader) dated(s string) bool {
	for _, m := range monthDay.FindAllStringIndex(s, -1) {
		if !strings.HasSuffix(s[:m[0]], "since ") {
			return true
		}
	}
	return weekday.MatchString(s)
}
