package timeline

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Entry kinds on the timeline.
const (
	EntryTrip    = "trip"
	EntryMeeting = "meeting"
	EntryEvent   = "event"
)

// EntryKinds lists the kinds of the timeline in display order.
var EntryKinds = []string{EntryTrip, EntryMeeting, EntryEvent}

// Order is the direction the timeline is read in.
type Order string

// Newest first is the default: researchers mostly come for recent travel.
// Relevance orders a search's results best match first.
const (
	NewestFirst Order = "desc"
	OldestFirst Order = "asc"
	Relevance   Order = "relevance"
)

// Cursor is a position on the timeline: the sort key of an entry. Pages are
// cut by key, not by OFFSET, so that a page costs the same at the end of a
// million entries as at the start and a link stays right when entries are
// added before it.
type Cursor struct {
	Date Date
	ID   int64
}

// String encodes the cursor for a URL: "2024-10-22.123".
func (c Cursor) String() string { return c.Date.String() + "." + strconv.FormatInt(c.ID, 10) }

// ParseCursor reads the form written by String.
func ParseCursor(s string) (Cursor, error) {
	d, id, ok := strings.Cut(s, ".")
	if !ok {
		return Cursor{}, strconv.ErrSyntax
	}
	date, err := ParseDate(d)
	if err != nil {
		return Cursor{}, err
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n < 0 {
		return Cursor{}, strconv.ErrSyntax
	}
	return Cursor{date, n}, nil
}

// Filter is what a researcher asked the timeline for. The same filter drives
// the page and every export, so an export holds exactly what the page shows.
type Filter struct {
	Persons []string // slugs
	Country string   // code
	Region  string   // code
	Kinds   []string
	From    Date
	To      Date
	Q       string
	// Sourced narrows to entries with a source ("yes") or without ("no").
	Sourced string
	Order   Order
	// After and Before cut a page: entries strictly after (or before) the
	// cursor in the reading order. At most one is set.
	After  *Cursor
	Before *Cursor
	Limit  int
	// Drafts includes draft records; only curators' views set it.
	Drafts bool
}

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// ParseFilter reads a filter from query parameters. Every bad value is an
// invalid *Error naming its parameter, so the page can answer 400 and say
// which one; nothing about the data is checked here (an unknown region is
// the store's to report).
func ParseFilter(q url.Values) (Filter, error) {
	f := Filter{Order: NewestFirst, Limit: DefaultLimit}
	for _, p := range q["person"] {
		for _, s := range strings.Split(p, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if !ValidSlug(s) {
				return f, FieldErrorf("person", "person must be a slug such as blinken-antony-j, not %q.", Clip(s))
			}
			f.Persons = appendUnique(f.Persons, s)
		}
	}
	if len(f.Persons) > 20 {
		return f, FieldErrorf("person", "At most 20 persons can be chosen at once.")
	}
	if c := strings.TrimSpace(q.Get("country")); c != "" {
		c = strings.ToUpper(c)
		if !ValidCountryCode(c) {
			return f, FieldErrorf("country", "country must be a country code such as QA or SUHH, not %q.", Clip(c))
		}
		f.Country = c
	}
	if r := strings.TrimSpace(q.Get("region")); r != "" {
		r = strings.ToUpper(r)
		if !ValidRegionCode(r) {
			return f, FieldErrorf("region", "region must be a region code such as NEA, not %q.", Clip(r))
		}
		f.Region = r
	}
	for _, k := range q["kind"] {
		for _, s := range strings.Split(k, ",") {
			s = strings.ToLower(strings.TrimSpace(s))
			if s == "" {
				continue
			}
			if !knownKind(s) {
				return f, FieldErrorf("kind", "kind must be one of %s, not %q.", strings.Join(EntryKinds, ", "), Clip(s))
			}
			f.Kinds = appendUnique(f.Kinds, s)
		}
	}
	var err error
	if f.From, err = dateParam(q, "from"); err != nil {
		return f, err
	}
	if f.To, err = dateParam(q, "to"); err != nil {
		return f, err
	}
	if f.From.Valid() && f.To.Valid() && f.To.Before(f.From) {
		return f, FieldErrorf("to", "to (%s) is before from (%s).", f.To, f.From)
	}
	switch s := q.Get("sourced"); s {
	case "", "yes", "no":
		f.Sourced = s
	default:
		return f, FieldErrorf("sourced", "sourced must be yes or no, not %q.", Clip(s))
	}
	f.Q = NormalizeSpace(q.Get("q"))
	if len(f.Q) > 200 {
		return f, FieldErrorf("q", "The search text is at most 200 characters.")
	}
	switch o := q.Get("order"); o {
	case "", string(NewestFirst):
	case string(OldestFirst):
		f.Order = OldestFirst
	case string(Relevance):
		if f.Q == "" {
			return f, FieldErrorf("order", "order=relevance needs words to search for (q).")
		}
		f.Order = Relevance
	default:
		return f, FieldErrorf("order", "order must be asc, desc or relevance, not %q.", Clip(o))
	}
	for _, name := range []string{"after", "before"} {
		if s := q.Get(name); s != "" {
			c, err := ParseCursor(s)
			if err != nil {
				return f, FieldErrorf(name, "%s must be a position such as 2024-10-22.123, not %q.", name, Clip(s))
			}
			if name == "after" {
				f.After = &c
			} else {
				f.Before = &c
			}
		}
	}
	if f.After != nil && f.Before != nil {
		return f, FieldErrorf("before", "Use after or before, not both.")
	}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxLimit {
			return f, FieldErrorf("limit", "limit must be a whole number from 1 to %d, not %q.", MaxLimit, Clip(s))
		}
		f.Limit = n
	}
	return f, nil
}

func dateParam(q url.Values, name string) (Date, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return Date{}, nil
	}
	d, err := ParseDate(s)
	if err != nil {
		return Date{}, FieldErrorf(name, "%s must be a date such as 2024-10-24: %v.", name, err)
	}
	return d, nil
}

func knownKind(k string) bool {
	for _, x := range EntryKinds {
		if x == k {
			return true
		}
	}
	return false
}

func appendUnique(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

// Clip shortens a bad value before it is echoed in a message.
func Clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// Values encodes the filter's choices (not its page position) as query
// parameters in a fixed order, so the same view always has the same URL.
func (f Filter) Values() url.Values {
	v := url.Values{}
	if len(f.Persons) > 0 {
		v.Set("person", strings.Join(f.Persons, ","))
	}
	if f.Country != "" {
		v.Set("country", f.Country)
	}
	if f.Region != "" {
		v.Set("region", f.Region)
	}
	if len(f.Kinds) > 0 {
		v.Set("kind", strings.Join(f.Kinds, ","))
	}
	if f.From.Valid() {
		v.Set("from", f.From.String())
	}
	if f.To.Valid() {
		v.Set("to", f.To.String())
	}
	if f.Q != "" {
		v.Set("q", f.Q)
	}
	if f.Sourced != "" {
		v.Set("sourced", f.Sourced)
	}
	if f.Order == OldestFirst || f.Order == Relevance {
		v.Set("order", string(f.Order))
	}
	return v
}

// Query returns Values encoded, with a leading "?" when not empty.
func (f Filter) Query() string {
	if s := f.Values().Encode(); s != "" {
		return "?" + s
	}
	return ""
}

// With returns a copy of f changed by fn, for building links to
// neighbouring views; the page position is dropped.
func (f Filter) With(fn func(*Filter)) Filter {
	g := f
	g.Persons = append([]string(nil), f.Persons...)
	g.Kinds = append([]string(nil), f.Kinds...)
	g.After, g.Before = nil, nil
	fn(&g)
	return g
}

// IsZero reports whether the filter narrows nothing.
func (f Filter) IsZero() bool {
	return len(f.Values()) == 0 || (len(f.Values()) == 1 && f.Values().Has("order"))
}

// SearchQuery turns the words a researcher typed into an FTS5 query that
// cannot be a syntax error: each word that has a letter or digit becomes a
// quoted prefix term ("cease"* matches ceasefire), all of them required.
// It returns "" when no word is searchable.
func SearchQuery(q string) string {
	var terms []string
	for _, w := range strings.Fields(q) {
		w = strings.ReplaceAll(w, `"`, "")
		ok := false
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				ok = true
				break
			}
		}
		if ok {
			terms = append(terms, `"`+w+`"*`)
		}
	}
	return strings.Join(terms, " ")
}
