package article

import (
	"regexp"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Proposal is one fact an article's sentence proposes, in the shape
// `timeline propose` prints: its kind, its fields, and the passage it
// comes from, as written.
type Proposal struct {
	Kind string `json:"kind"`
	// A person: as named, their slug when the record knows them, the
	// office and country the article gives.
	Name    string `json:"name,omitempty"`
	Slug    string `json:"slug,omitempty"`
	Office  string `json:"office,omitempty"`
	Country string `json:"country,omitempty"`
	// A stop: the traveller (a slug), where and when.
	Traveller string `json:"traveller,omitempty"`
	Locality  string `json:"locality,omitempty"`
	Start     string `json:"start,omitempty"`
	End       string `json:"end,omitempty"`
	// A context event: its title and kind (its day is Date).
	Title     string `json:"title,omitempty"`
	EventKind string `json:"event_kind,omitempty"`
	// A meeting: its day and who was at it.
	Date         string        `json:"date,omitempty"`
	Participants []Participant `json:"participants,omitempty"`
	// A claim: its words, the number, what it counts and since when.
	Text    string `json:"text,omitempty"`
	Ordinal int    `json:"ordinal,omitempty"`
	Unit    string `json:"unit,omitempty"`
	Label   string `json:"label,omitempty"`
	Place   string `json:"place,omitempty"`
	Since   string `json:"since,omitempty"`
	// Check is a claim's check against the record, when the proposer
	// could make one (timeline propose does).
	Check *ClaimCheck `json:"check,omitempty"`
	// A quote: who said it, as written.
	Speaker string `json:"speaker,omitempty"`
	Passage string `json:"passage"`
}

// ClaimCheck is a claim checked against the record: the ordinal the
// record gives, the verdict, and the counter's rule in words.
type ClaimCheck struct {
	Computed int    `json:"computed"`
	Verdict  string `json:"verdict"`
	Counter  string `json:"counter"`
}

// Participant is a person at a proposed meeting.
type Participant struct {
	Name   string `json:"name"`
	Slug   string `json:"slug,omitempty"`
	Office string `json:"office,omitempty"`
}

// Propose reads the proposals of an article's sentences, against what the
// record knows: the people it names (those of the record with their
// slugs, and new ones after a title), the stops of its traveller, the
// meetings, the goals, the ordinal claims and the quotes.
func Propose(a Article, k Known) []Proposal {
	r := newReader(a, k)
	var out []Proposal
	for _, s := range a.Sentences() {
		out = append(out, r.sentence(s)...)
		if p, ok := claimIn(s); ok {
			if p.Traveller = r.traveller; p.Traveller == "" {
				p.Traveller = r.subject
			}
			out = append(out, p)
		}
		out = append(out, r.quotes(s)...)
	}
	return out
}

// claimIn finds an ordinal claim in a sentence: "his 11th trip to the
// region since October 7, 2023".
func claimIn(s string) (Proposal, bool) {
	before, after, ok := strings.Cut(s, " since ")
	if !ok {
		return Proposal{}, false
	}
	// The claim is the clause that holds "since": from its last comma.
	if i := strings.LastIndexAny(before, ",;:—"); i >= 0 {
		before = before[i+1:]
	}
	p := timeline.ProposeCounter(before + " since " + after)
	if p.Stated == 0 || !p.Since.Valid() {
		return Proposal{}, false
	}
	fields := strings.Fields(before)
	from := len(fields) - len(strings.Fields(p.Label)) - 1 // the ordinal's word
	if from < 0 {
		return Proposal{}, false
	}
	unit := "trip"
	if p.Unit == timeline.UnitStops {
		unit = "stop"
	}
	text := strings.Join(fields[from:], " ") + " since " + p.SinceText
	return Proposal{Kind: "claim", Text: text, Ordinal: p.Stated, Unit: unit, Label: p.Label, Place: p.Place,
		Since: p.Since.String(), Passage: s}, true
}

var (
	// A quotation in any of the usual marks, of three words or more.
	quoted = regexp.MustCompile(`[“"]([^”"]{12,}?)[”"]`)
	// "…," Blinken said / said Blinken / he said: the speaker after it.
	saidAfter = regexp.MustCompile(`^[,.]?\s*(?:(?:said|says|told [^,.]+|added|stressed|wrote)\s+((?:[A-Z][\w.'’-]*\s?)+)|((?:[A-Z][\w.'’-]*\s?)+?)\s+(?:said|says|added|stressed|told))`)
	// Blinken said: "…": the speaker before it.
	saidBefore = regexp.MustCompile(`([^,.;:"“”]{2,60}?)\s+(?:said|says|told [^,:]+|added|stressed)[,:]?\s*$`)
)

// quotesIn finds the quotations of a sentence, each with its speaker as
// written, when the sentence says who.
func quotesIn(s string) []Proposal {
	var out []Proposal
	for _, m := range quoted.FindAllStringSubmatchIndex(s, -1) {
		text := strings.TrimSpace(strings.TrimRight(s[m[2]:m[3]], ","))
		if len(strings.Fields(text)) < 3 {
			continue
		}
		speaker := ""
		if a := saidAfter.FindStringSubmatch(s[m[1]:]); a != nil {
			speaker = strings.TrimSpace(a[1] + a[2])
		} else if b := saidBefore.FindStringSubmatch(s[:m[0]]); b != nil {
			speaker = strings.TrimSpace(b[1])
		}
		if speaker == "" && len(strings.Fields(text)) < 5 {
			continue // a phrase in quotation marks ("very, very close"), not a quote
		}
		out = append(out, Proposal{Kind: "quote", Text: text, Speaker: speaker, Passage: s})
	}
	return out
}
