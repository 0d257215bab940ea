package timeline

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Identity: deciding when two names in the record are one person. The
// rules are deliberately conservative: a false merge puts one leader's
// visits on another's page, which nobody reading it can see, while a
// missed one leaves two pages that a curator can merge. Every match says
// which rule made it, so that a merge can be explained and undone.

// NameKey is a person's name reduced to what identifies them: its words in
// lower case without diacritics, particles, honorifics or initials, with a
// regnal number or a suffix such as "Jr." set apart.
type NameKey struct {
	Words []string
	// Number is a regnal number or a generational suffix, normalised to a
	// Roman numeral ("3rd" and "III" are "III"); Jr. is "JR", Sr. "SR".
	Number string
	// Alt is the key with a nickname in parentheses in place of the given
	// name ("Willem (Wim) Kok" is also "Wim Kok"); nil when there is none.
	Alt []string
}

// Match rules, as the import's summary and the curators' merge list name
// them.
const (
	RuleSameName   = "the same name, ignoring case, accents, punctuation, honorifics and initials"
	RuleSpelling   = "the same name in another spelling or transliteration"
	RuleMiddle     = "the same given and family names, one with a middle name or second family name omitted"
	RuleRoyal      = "a monarch or heir known by the given name, with no conflicting regnal number"
	RuleSurname    = "a surname alone, with the same office and country within four years of that person's other visits, and no other candidate"
	RuleNickname   = "the name given in parentheses as the person's familiar name"
	RuleCurator    = "merged by a curator"
	RuleKnownAlias = "an alias the record already holds for this person"
)

// honorifics come before a name without being an office; they are left out
// of the key ("Sheikh Tamim" is "Tamim").
var honorifics = map[string]bool{
	"sheikh": true, "sheik": true, "shaikh": true, "haji": true, "hajji": true, "dr": true, "dom": true, "sir": true,
	"lord": true, "lady": true, "mrs": true, "mr": true, "madame": true, "archbishop": true, "earl": true,
	"viscount": true, "baron": true, "his": true, "her": true, "majesty": true, "highness": true,
}

// particles join the parts of a name ("bin", "al-", "de la") and are left
// out of the key, so that "al-Thani", "Al Thani" and "Thani" agree.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "ben": false, "de": true, "da": true, "del": true,
	"la": true, "le": true, "van": true, "von": true, "der": true, "dos": true, "das": true, "do": true, "e": true,
	"y": true, "of": true, "the": true,
}

// joinedPrefixes are the first parts of Arabic compound names written both
// apart and together ("Abdel Fattah", "Abdelfattah").
var joinedPrefixes = map[string]bool{"abd": true, "abdel": true, "abdul": true, "abdal": true, "abdoul": true}

var romanNumbers = map[string]string{
	"i": "I", "ii": "II", "iii": "III", "iv": "IV", "v": "V", "vi": "VI", "vii": "VII", "viii": "VIII", "ix": "IX", "x": "X",
	"2nd": "II", "3rd": "III", "4th": "IV", "5th": "V", "jr": "JR", "sr": "SR",
}

// KeyOf reduces a name (without its title) to its key.
func KeyOf(name string) NameKey {
	var k NameKey
	main, nick := cutNickname(name)
	k.Words, k.Number = keyWords(main)
	if nick != "" && len(k.Words) > 1 {
		nw, _ := keyWords(nick)
		if len(nw) > 0 {
			k.Alt = append(append([]string{}, nw...), k.Words[len(k.Words)-1])
		}
	}
	return k
}

func cutNickname(name string) (main, nick string) {
	i := strings.IndexByte(name, '(')
	j := strings.IndexByte(name, ')')
	if i < 0 || j < i {
		return name, ""
	}
	return name[:i] + " " + name[j+1:], name[i+1 : j]
}

func keyWords(name string) (words []string, number string) {
	s := strings.ToLower(FoldASCII(name))
	raw := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range raw {
		n := romanNumbers[w]
		switch {
		case i > 0 && n != "" && (len(w) > 1 || i == len(raw)-1):
			// A number after the given name: regnal or a suffix. A lone
			// "I" or "V" inside a name is an initial.
			number = n
		case len(words) == 0 && honorifics[w]:
		case particles[w]:
		case len(w) == 1:
			// an initial
		default:
			words = append(words, w)
		}
	}
	// Join "Abdel Fattah" into "abdelfattah", as it is also written.
	for i := 0; i < len(words)-1; i++ {
		if joinedPrefixes[words[i]] {
			words[i] += words[i+1]
			words = append(words[:i+1], words[i+2:]...)
		}
	}
	return words, number
}

// sameWord says whether two words of a name are one word spelled two ways:
// equal; one letter apart (Benyamin, Benjamin); two letters apart in a long
// word (Binyamin, Benjamin); the same consonants (Tamim, Tameem); or, for a
// family name, the same with a particle written into it (Alsisi, Sisi).
func sameWord(a, b string, family bool) (bool, bool) {
	if a == b {
		return true, false
	}
	if family {
		a, b = stripGluedParticle(a), stripGluedParticle(b)
		if a == b {
			return true, true
		}
	}
	// A different first letter is a different name (Amata and Imata
	// Kabua were cousins, both presidents).
	short := min(len(a), len(b))
	if short < 4 || a[0] != b[0] {
		return false, false
	}
	d := editDistance(a, b)
	if d == 1 || (d == 2 && short >= 7) {
		return true, true
	}
	if a[0] == b[0] && consonants(a) == consonants(b) && len(consonants(a)) >= 2 {
		return true, true
	}
	return false, false
}

func stripGluedParticle(w string) string {
	for _, p := range []string{"al", "el"} {
		if len(w) > len(p)+3 && strings.HasPrefix(w, p) && !strings.ContainsRune("aeiou", rune(w[len(p)])) {
			return w[len(p):]
		}
	}
	return w
}

// consonants is a word's skeleton: its first letter, then its consonants
// with doubled ones once.
func consonants(w string) string {
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i > 0 && strings.IndexByte("aeiouy", c) >= 0 {
			continue
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// numbersAgree: two regnal numbers or suffixes that differ are two people
// (Abdullah I and Abdullah II; a father and his son "Jr."). For monarchs a
// number missing on one side is no conflict (the record writes "King
// Hussein" and "King Hussein I"); for anyone else "Jr." and no suffix are
// a son and his father (Ferdinand Marcos and Ferdinand Marcos Jr.).
func numbersAgree(a, b NameKey, royal bool) bool {
	if a.Number == b.Number {
		return true
	}
	return royal && (a.Number == "" || b.Number == "")
}

// MatchNames says whether two names, of people of one country, are one
// person, and by which rule. royal is set when both are monarchs or heirs
// (their titles are in royalTitles). The surname rule is not tried here:
// it needs dates and the other candidates (Identities).
func MatchNames(a, b NameKey, royal bool) (string, bool) {
	if !numbersAgree(a, b, royal) || len(a.Words) == 0 || len(b.Words) == 0 {
		return "", false
	}
	if rule, ok := matchWords(a.Words, b.Words, royal); ok {
		if a.Number != b.Number {
			return RuleRoyal, true // "Hussein" and "Hussein I"
		}
		return rule, true
	}
	for _, pair := range [][2][]string{{a.Alt, b.Words}, {a.Words, b.Alt}, {a.Alt, b.Alt}} {
		if pair[0] == nil || pair[1] == nil {
			continue
		}
		if _, ok := matchWords(pair[0], pair[1], false); ok {
			return RuleNickname, true
		}
	}
	return "", false
}

func matchWords(a, b []string, royal bool) (string, bool) {
	if len(a) > len(b) {
		a, b = b, a
	}
	spelled := false
	same := func(x, y string, family bool) bool {
		ok, sp := sameWord(x, y, family)
		spelled = spelled || sp
		return ok
	}
	if len(a) == len(b) {
		for i := range a {
			if !same(a[i], b[i], i == len(a)-1 && i > 0) {
				return "", false
			}
		}
		if spelled {
			return RuleSpelling, true
		}
		return RuleSameName, true
	}
	// The shorter name's words in the longer one's, in order, from the
	// given name.
	if !same(a[0], b[0], false) {
		return "", false
	}
	if len(a) == 1 {
		// A given name alone is a name only for a monarch ("King
		// Hussein"); for anyone else it may be a surname (the surname
		// rule) or a fragment.
		if royal {
			return RuleRoyal, true
		}
		return "", false
	}
	j := 1
	for i := 1; i < len(a); i++ {
		for j < len(b) && !same(a[i], b[j], i == len(a)-1) {
			j++
		}
		if j == len(b) {
			return "", false
		}
		j++
	}
	return RuleMiddle, true
}

// IsRoyalTitle says whether an office is a monarch's or an heir's.
func IsRoyalTitle(office string) bool {
	for _, part := range strings.FieldsFunc(office, func(r rune) bool { return r == '-' }) {
		for _, t := range strings.Split(part, " and ") {
			if royalTitles[strings.TrimSpace(t)] {
				return true
			}
		}
	}
	return false
}

// isHeir says whether an office is held before the throne.
func isHeir(office string) bool { return heirTitles[office] }

// Mention is one naming of a person in the record: a visitor's name as
// written, the office the text gives, their country and the date.
type Mention struct {
	Name    string
	Office  string
	Country string
	Date    Date
	// Known, when set, is the known person a previous import gave this
	// mention to (or a curator moved it to): that decision stands.
	Known int64
}

// KnownPerson is a person the record already holds, with the names and
// offices a mention may match.
type KnownPerson struct {
	ID      int64
	Slug    string
	Name    string
	Country string
	Aliases []string
	Offices []OfficeSpan
}

// OfficeSpan is an office a known person holds, with its dates (either may
// be open).
type OfficeSpan struct {
	Title    string
	From, To Date
}

// Covers says whether the office was held on d.
func (o OfficeSpan) Covers(d Date) bool {
	return (!o.From.Valid() || !d.Before(o.From)) && (!o.To.Valid() || !d.After(o.To))
}

// Identity is one person as Identities found them: a known person, or a
// new one (Known nil) named by its mentions.
type Identity struct {
	Known   *KnownPerson
	Country string
	// Names counts the mentions of each name as written.
	Names map[string]int
	// OfficeDates are the titles the mentions give, each with the dates
	// of the mentions that give it.
	OfficeDates map[string][]Date
	// Joins explain every name that joined this person after the first.
	Joins []Join

	keys      []NameKey
	keyText   []string
	royal     bool
	first     Date
	last      Date
	sovereign Date // the first date a mention names them as a reigning monarch
}

// Join is the evidence for one merge: the name as written, the name it was
// found to be, and the rule.
type Join struct {
	Text    string
	Matched string
	Rule    string
}

// Unresolved is a mention left as a person of its own for want of a sure
// match, with why.
type Unresolved struct {
	Mention Mention
	Why     string
}

// Identities resolves mentions to people: each mention joins the one
// person of its country whose names match it by a rule of MatchNames (or,
// for a surname alone, the surname rule), or starts a new person. Two
// candidates equally good leave the mention apart, as Unresolved.
type Identities struct {
	people     []*Identity
	byCountry  map[string][]*Identity
	Unresolved []Unresolved
}

// NewIdentities starts from the people already in the record.
func NewIdentities(known []KnownPerson) *Identities {
	ids := &Identities{byCountry: map[string][]*Identity{}}
	for i := range known {
		k := &known[i]
		id := &Identity{Known: k, Country: k.Country, Names: map[string]int{}, OfficeDates: map[string][]Date{}}
		for _, n := range append([]string{k.Name}, k.Aliases...) {
			id.addKey(n)
		}
		for _, o := range k.Offices {
			if IsRoyalTitle(o.Title) {
				id.royal = true
			}
		}
		ids.add(id)
	}
	return ids
}

func (ids *Identities) add(id *Identity) {
	ids.people = append(ids.people, id)
	ids.byCountry[id.Country] = append(ids.byCountry[id.Country], id)
}

func (id *Identity) addKey(name string) {
	for _, t := range id.keyText {
		if t == name {
			return
		}
	}
	id.keyText = append(id.keyText, name)
	id.keys = append(id.keys, KeyOf(name))
}

// Name is the name a new person takes: the one most often written, the
// longest of those.
func (id *Identity) Name() string {
	if id.Known != nil {
		return id.Known.Name
	}
	best, n := "", 0
	for name, c := range id.Names {
		if c > n || c == n && (len(name) > len(best) || len(name) == len(best) && name < best) {
			best, n = name, c
		}
	}
	return best
}

// SlugName is the part of a name a slug is made of: without a leading
// honorific ("Sheikh Tamim bin Hamad Al Thani" is tamim-bin-hamad-al-thani).
func SlugName(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 && honorifics[strings.ToLower(strings.TrimSuffix(f[0], "."))] {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// ruleRank orders the rules from the surest.
var ruleRank = map[string]int{RuleSameName: 0, RuleNickname: 1, RuleSpelling: 1, RuleMiddle: 2, RuleRoyal: 3, RuleSurname: 4}

// Resolve finds the person of each mention, in the order given. Mentions
// are taken in date order so that the rules that need dates (an heir after
// a king, a surname near a person's other visits) see what came before.
func (ids *Identities) Resolve(ms []Mention) []*Identity {
	out := make([]*Identity, len(ms))
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ms[order[a]].Date.Before(ms[order[b]].Date) })
	// Full names first; a non-royal name of one word (a surname, most
	// likely) once every full name has its person and dates.
	for pass := 0; pass < 2; pass++ {
		for _, i := range order {
			m := ms[i]
			k := KeyOf(m.Name)
			single := len(k.Words) <= 1 && !IsRoyalTitle(m.Office)
			if single != (pass == 1) {
				continue
			}
			var id *Identity
			var rule, matched string
			if m.Known != 0 {
				id = ids.known(m.Known)
			}
			if id != nil {
				// decided before
			} else if single {
				id, rule, matched = ids.bySurname(m, k)
			} else {
				id, rule, matched = ids.byName(m, k)
			}
			if id == nil {
				id = &Identity{Country: m.Country, Names: map[string]int{}, OfficeDates: map[string][]Date{}}
				ids.add(id)
			} else if _, seen := id.Names[m.Name]; !seen && rule != "" && !id.hasText(m.Name) {
				id.Joins = append(id.Joins, Join{Text: m.Name, Matched: matched, Rule: rule})
			}
			id.note(m)
			out[i] = id
		}
	}
	return out
}

func (ids *Identities) known(pid int64) *Identity {
	for _, id := range ids.people {
		if id.Known != nil && id.Known.ID == pid {
			return id
		}
	}
	return nil
}

func (id *Identity) hasText(name string) bool {
	for _, t := range id.keyText {
		if t == name {
			return true
		}
	}
	return false
}

func (id *Identity) note(m Mention) {
	id.Names[m.Name]++
	id.addKey(m.Name)
	if IsRoyalTitle(m.Office) {
		id.royal = true
		if !isHeir(m.Office) && (!id.sovereign.Valid() || m.Date.Before(id.sovereign)) {
			id.sovereign = m.Date
		}
	}
	if !id.first.Valid() || m.Date.Before(id.first) {
		id.first = m.Date
	}
	if !id.last.Valid() || m.Date.After(id.last) {
		id.last = m.Date
	}
	if m.Office != "" {
		id.OfficeDates[m.Office] = append(id.OfficeDates[m.Office], m.Date)
	}
}

// byName finds the one person whose names match a full name best.
func (ids *Identities) byName(m Mention, k NameKey) (*Identity, string, string) {
	royal := IsRoyalTitle(m.Office)
	type hit struct {
		id      *Identity
		rule    string
		matched string
	}
	var best []hit
	bestRank := 99
	consider := func(id *Identity, sameOnly bool) {
		if royal && isHeir(m.Office) && id.sovereign.Valid() && id.sovereign.Before(m.Date) {
			return // an heir named after a reigning king of that name: his heir
		}
		// A regnal number or suffix the person already has that differs
		// from this one: another person (Omar I, Omar, Omar II).
		if k.Number != "" {
			for _, ck := range id.keys {
				if ck.Number != "" && ck.Number != k.Number {
					return
				}
			}
		}
		rank, rule, matched := 99, "", ""
		for j, ck := range id.keys {
			r, ok := MatchNames(k, ck, royal && id.royal)
			if !ok || sameOnly && r != RuleSameName {
				continue
			}
			if ruleRank[r] < rank {
				rank, rule, matched = ruleRank[r], r, id.keyText[j]
			}
		}
		if rule == "" {
			return
		}
		// A looser rule holds only near the person's other visits: a
		// father and a son may share a name but for a middle one
		// (Seretse Khama, Seretse Khama Ian Khama).
		if rule != RuleSameName && id.first.Valid() &&
			(m.Date.Before(id.first.AddDays(-366*nearYears)) || m.Date.After(id.last.AddDays(366*nearYears))) {
			return
		}
		// Every full name the person already has must agree with this
		// one, so that a short name cannot bridge two people (Sabah
		// al-Salim al-Sabah, Sabah al-Sabah, Sabah al-Ahmed al-Sabah).
		if len(k.Words) > 1 {
			for _, ck := range id.keys {
				if len(ck.Words) > 1 {
					if _, ok := MatchNames(k, ck, royal && id.royal); !ok {
						return
					}
				}
			}
		}
		if rank < bestRank {
			bestRank, best = rank, nil
		}
		if rank == bestRank {
			best = append(best, hit{id, rule, matched})
		}
	}
	for _, id := range ids.byCountry[m.Country] {
		consider(id, false)
	}
	if m.Country != "" {
		// People entered without a country match by the same name only.
		for _, id := range ids.byCountry[""] {
			consider(id, true)
		}
	}
	if len(best) > 1 {
		// The one that already has this very name, if only one has.
		var exact []hit
		for _, h := range best {
			if h.id.hasText(m.Name) {
				exact = append(exact, h)
			}
		}
		if len(exact) == 1 {
			best = exact
		}
	}
	switch len(best) {
	case 0:
		return nil, "", ""
	case 1:
		return best[0].id, best[0].rule, best[0].matched
	}
	ids.Unresolved = append(ids.Unresolved, Unresolved{Mention: m,
		Why: "matches " + best[0].id.Name() + " and " + best[1].id.Name() + " equally (" + best[0].rule + "); kept apart"})
	return nil, "", ""
}

// nearYears is how far from a person's other visits a name matched by a
// rule looser than the same name is still taken to be theirs.
const nearYears = 12

// surnameYears is how far from a person's other visits a surname alone is
// still taken to be theirs.
const surnameYears = 4

// bySurname finds the person a name of one word (a surname, most likely)
// stands for: the only person of that country and office whose family
// name it is, visiting within four years of their other visits; or the
// person already named by that word alone.
func (ids *Identities) bySurname(m Mention, k NameKey) (*Identity, string, string) {
	if len(k.Words) == 0 {
		return nil, "", ""
	}
	w := k.Words[0]
	var hits []*Identity
	var matched string
	for _, id := range ids.byCountry[m.Country] {
		if _, ok := id.OfficeDates[m.Office]; !ok || m.Office == "" || !id.first.Valid() {
			continue
		}
		if m.Date.Before(id.first.AddDays(-366*surnameYears)) || m.Date.After(id.last.AddDays(366*surnameYears)) {
			continue
		}
		for j, ck := range id.keys {
			if len(ck.Words) < 2 || ck.Number != k.Number {
				continue
			}
			if ok, _ := sameWord(w, ck.Words[len(ck.Words)-1], true); ok {
				hits = append(hits, id)
				matched = id.keyText[j]
				break
			}
		}
	}
	if len(hits) == 1 {
		return hits[0], RuleSurname, matched
	}
	for _, id := range ids.byCountry[m.Country] {
		for j, ck := range id.keys {
			if len(ck.Words) == 1 && ck.Words[0] == w && ck.Number == k.Number {
				return id, RuleSameName, id.keyText[j]
			}
		}
	}
	why := "a name of one word (a surname, most likely), and no person of that office and country with it visited within four years"
	if len(hits) > 1 {
		why = "a surname alone that fits " + hits[0].Name() + " and " + hits[1].Name() + "; kept apart"
	}
	ids.Unresolved = append(ids.Unresolved, Unresolved{Mention: m, Why: why})
	return nil, "", ""
}

// Words says the name left apart as the import's summaries write it.
func (u Unresolved) Words() string {
	return fmt.Sprintf("%q (%s, %s): %s", u.Mention.Name, u.Mention.Country, u.Mention.Date, u.Why)
}
