package views

import (
	"context"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Names gives country names for codes; the store's catalogue satisfies it.
type Names interface {
	Name(code string) string
}

// Site is what every page's frame needs.
type Site struct {
	Title string // the page's own title; the site name is added
	// Path is the request path, for marking the current navigation item.
	Path string
	// Canonical is the page's own URL path with query, for the permalink.
	Canonical string
	// User is the logged-in curator's name, empty for visitors.
	User  string
	Admin bool
	// Flashes are messages about the curator's last action, and Undo
	// where to post to undo it (none when empty).
	Flashes []string
	Undo    string
}

// LoginPage is the login form.
type LoginPage struct {
	Site
	Next  string // where to go after logging in (a local path)
	Name  string
	Error string
	// Resume is a form posted after the session ended, carried through
	// the login to be saved then.
	Resume Resume
}

// Resume is a posted form kept to be posted again: where to, and its
// values, url-encoded.
type Resume struct {
	Action, Form string
}

// ResumePage shows a form kept through a login and posts it again: its
// fields are name (Value) and value (Label).
type ResumePage struct {
	Site
	Action string
	Fields []Option
}

// Option is one choice of a select.
type Option struct {
	Value, Label string
	Selected     bool
}

// TimelinePage is the timeline: filters, entries grouped by month, paging
// links and the export link of exactly this view.
type TimelinePage struct {
	Site
	Filter    timeline.Filter
	Entries   []timeline.Entry
	Names     Names
	Persons   []Option
	Countries []Option
	Regions   []Option
	Kinds     []Option
	NextURL   string
	PrevURL   string
	CSVURL    string
	ChartsURL string // the pictures of this view
	OrderURL  string // the same view read the other way
	// RelevanceURL is the same search, best matches first (set when
	// there are words to search for and the view is in date order).
	RelevanceURL string
	Relevance    bool
	ClearURL     string
	Newest       bool
	HasFilters   bool
	// Total is the number of entries of the view (all pages).
	Total int
	// Years are the year facet: each year's count, linking to that year.
	Years []FacetLink
	// Months are the month facet of the year MonthsOf, shown when the
	// date range lies within one year.
	MonthFacet []FacetLink
	MonthsOf   int
	// Sourced is the has-sources facet.
	Sourced []Option
}

// FacetLink is a facet choice shown as a link.
type FacetLink struct {
	Label    string
	Count    int
	URL      string
	Selected bool
}

// Month is a run of entries of one calendar month.
type Month struct {
	Year    int
	Label   string // "October 2024"
	ID      string // "2024-10", an anchor
	Entries []timeline.Entry
}

// Months groups consecutive entries by the month they start in; a year
// heading is shown where the year changes.
func (p TimelinePage) Months() []Month {
	var out []Month
	for _, e := range p.Entries {
		id := e.Start.Time().Format("2006-01")
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, Month{Year: e.Start.Year(), Label: e.Start.Time().Format("January 2006"), ID: id})
		}
		out[len(out)-1].Entries = append(out[len(out)-1].Entries, e)
	}
	return out
}

// CountBy is one counter's word on a trip.
type CountBy struct {
	CounterID int64
	Phrase    string // "11th trip to the region since 7 October 2023"
	Unit      timeline.Unit
	Rule      string // "gap 1 day"
	// Claimed says a claim of the trip is checked by this count: it comes
	// first. Comparison says it is the same question as a claimed count
	// under another rule, shown beside it as a comparison, not a headline.
	Claimed, Comparison bool
}

// ClaimView is a claim beside its check, with its sources.
type ClaimView struct {
	Claim     timeline.Claim
	Counter   timeline.Counter
	Check     timeline.Check
	Citations []timeline.Citation
	// Curator says the reader may correct its citations.
	Curator bool
	// Why says, to a curator, why the claim is not counted publicly yet
	// (its trip or its counter is a draft).
	Why string
	// TripTitle names the trip the claim is about (on the claims page).
	TripTitle string
	// Counted are the items the computation numbered up to and including
	// the claimed trip (on the claims page).
	Counted []timeline.Counted
	Titles  map[int64]string
}

// StopView is a stop with its sources and the counts that number it.
type StopView struct {
	Stop      timeline.Stop
	Citations []timeline.Citation
	Counts    []CountBy
	// Record is the Office of the Historian's own version of the stop
	// when it differs from ours (RecordFields says where); nil otherwise.
	Record       *timeline.Stop
	RecordFields string
}

// TripSourcing says where a trip's sources are, for the mark under its
// title: its own citations, or its stops' ("sourced through its stops").
type TripSourcing struct {
	Stops, StopsSourced int
}

// MeetingView is a meeting with its sources.
type MeetingView struct {
	Meeting   timeline.Meeting
	Citations []timeline.Citation
}

// GoalView is a goal with its sources.
type GoalView struct {
	Goal      timeline.Goal
	Citations []timeline.Citation
}

// QuoteView is a quote with its sources.
type QuoteView struct {
	Quote     timeline.Quote
	Where     string
	Citations []timeline.Citation
}

// TripPage is one trip told fully.
type TripPage struct {
	Sourcing TripSourcing
	Site
	Trip      timeline.Trip
	Names     Names
	Citations []timeline.Citation // of the trip itself
	Counts    []CountBy           // trip counters
	Claims    []ClaimView
	Stops     []StopView
	Meetings  []MeetingView
	Goals     []GoalView
	Quotes    []QuoteView
	Context   []timeline.Event
	Sources   []timeline.Source // every source on the page, once
	Curator   *CuratorTripBar   // set for curators only
}

// PersonPage is a person with offices, trips and meetings.
type PersonPage struct {
	Site
	Person      timeline.Person
	Names       Names
	Trips       []timeline.TripRef
	MoreTrips   bool
	Meetings    []timeline.MeetingRef
	TimelineURL string
	Curator     bool
	Figures     Figures
	Charts      ChartData
	// Merges are the identity decisions about this person: the names
	// joined into the record, with why, and curators' merges and splits.
	Merges []PersonMergeRow
}

// CountryPage lists the visits to a country.
type CountryPage struct {
	Site
	Country     timeline.Country
	Names       Names
	Regions     []string
	Visits      []VisitRef
	Total       int
	TimelineURL string
	Figures     Figures
	Charts      ChartData
}

// VisitRef is one stop in a country.
type VisitRef struct {
	Stop       timeline.Stop
	TripTitle  string
	PersonSlug string
	PersonName string
}

// RegionPage shows a region's members.
type RegionPage struct {
	Site
	Region      timeline.Region
	Names       Names
	TimelineURL string
	Curator     bool
	Figures     Figures
	Charts      ChartData
}

// RegionsPage lists every region.
type RegionsPage struct {
	Site
	Regions []timeline.Region
}

// EventPage is one context event.
type EventPage struct {
	Site
	Event       timeline.Event
	Names       Names
	Citations   []timeline.Citation
	TimelineURL string
	Curator     bool
}

// SourcePage is a source and the facts it supports.
type SourcePage struct {
	Site
	Source    timeline.Source
	Supported []Supported
	Curator   bool
}

// Supported is one fact a source supports.
type Supported struct {
	Kind, Label, Passage, Path string
}

// CounterPage is a counter with the trips it numbers.
type CounterPage struct {
	Site
	Counter timeline.Counter
	Names   Names
	Items   []timeline.Counted
	Titles  map[int64]string
	Claims  []ClaimView
	Curator bool
	// DraftTrips counts, for a curator, the traveller's draft trips since
	// the counter's date, when it numbers nothing: why it may not.
	DraftTrips int
	// Compare is the same question asked under other trip rules.
	Compare *RuleComparison
}

// RuleComparison numbers a counter's stored trips under several trip
// rules, side by side, so a reader sees how much a count depends on how
// stops are grouped.
type RuleComparison struct {
	Rules   []timeline.Rule
	Current int   // the index of the counter's own rule
	Totals  []int // how many trips each rule counts
	Rows    []CompareRow
}

// CompareRow is one stored trip and the number each rule gives it.
type CompareRow struct {
	TripID int64
	Title  string
	Start  timeline.Date
	End    timeline.Date
	// Numbers[i] are the ordinals rule i gives the trip's stops: none when
	// it is outside the count, several when a rule splits the trip.
	Numbers [][]int
	Claimed bool // a claim is about this trip
}

// ChartsPage is the pictures of one timeline view.
type ChartsPage struct {
	Site
	Data        ChartData
	TimelineURL string
	CSVURL      string
	Filters     []string // the view's filters in words
}

// ClaimsPage lists every claim with its check.
type ClaimsPage struct {
	Site
	Claims []ClaimView
	// Verdicts counts the claims by verdict, in a fixed order.
	Confirmed, Contradicted, NotCounted int
}

// ErrorPage is shown for every error, with the status it was sent with.
type ErrorPage struct {
	Site
	Status  int
	Heading string
	Message string
	// Field is the query parameter at fault, if any.
	Field string
}

// Helpers used by the templates.

func itoa(n int) string        { return strconv.Itoa(n) }
func i64(n int64) string       { return strconv.FormatInt(n, 10) }
func tripPath(id int64) string { return timeline.RecordPath(timeline.KindTrip, id) }

func personPath(slug string) string { return "/people/" + url.PathEscape(slug) }

func countryPath(code string) string { return "/countries/" + url.PathEscape(code) }

func regionPath(code string) string { return "/regions/" + url.PathEscape(code) }

func sourcePath(id int64) string { return timeline.RecordPath(timeline.KindSource, id) }

func counterPath(id int64) string { return timeline.RecordPath(timeline.KindCounter, id) }

func eventPath(id int64) string { return timeline.RecordPath(timeline.KindEvent, id) }

func kindLabel(k string) string {
	switch k {
	case timeline.EntryTrip:
		return "Trip"
	case timeline.EntryMeeting:
		return "Meeting"
	case timeline.EntryEvent:
		return "Event"
	}
	return k
}

func unitLabel(u timeline.Unit) string {
	if u == timeline.UnitStops {
		return "stop count"
	}
	return "trip count"
}

func verdictClass(v timeline.Verdict) string {
	if v == timeline.Confirmed {
		return "verdict verdict-confirmed"
	}
	return "verdict verdict-contradicted"
}

func statusNote(s timeline.Status) string {
	if s == timeline.Draft {
		return "Draft: visible to curators only"
	}
	return ""
}

// StaticPath is the URL of an embedded static file.
func StaticPath(name string) string { return "/static/" + name }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func officeSpan(o timeline.Office) string {
	switch {
	case o.From.Valid() && o.To.Valid():
		return o.From.Long() + " – " + o.To.Long()
	case o.From.Valid():
		return "from " + o.From.Long()
	case o.To.Valid():
		return "until " + o.To.Long()
	}
	return ""
}

// pageTitle is the document title: the page's own, then the site's.
func pageTitle(t string) string {
	if t == "" {
		return "Diplomatic travel timeline"
	}
	return t + " · Diplomatic travel timeline"
}

// StopRow is one stop of the trip form, as typed.
type StopRow struct {
	ID                                  string
	Country, Locality, Start, End, Note string
}

// TripForm is the form that creates or edits a trip with its stops. On a
// validation error it comes back with the curator's input and a message
// beside each field (Errors is keyed by field: "title", "stops.2.start").
type TripForm struct {
	Site
	Action string // where the form posts
	TripID int64  // 0 for a new trip
	Person string // slug
	// NewPerson is a new traveller's name, typed instead of choosing one;
	// Offered says the record has a person of that name, chosen in the
	// picker, unless the curator ticks "someone else".
	NewPerson string
	Offered   bool
	Title     string
	Summary   string
	Stops     []StopRow
	Reason    string
	// Version and Base are what the form was read from (see
	// cmd/timeline/web/conflict.go); Theirs holds, by field, the values
	// another curator saved since that conflict with the curator's, and
	// TheirsBy who.
	Version, Base string
	Theirs        map[string]string
	TheirsBy      string
	// Similar are trips on record the new one may repeat (Value is the
	// path, Label the title and dates).
	Similar   []Option
	Errors    map[string]string
	Persons   []Option
	Countries []Option // names for the country picker's suggestions
}

// Conflict says whether field has a value of another curator's that
// conflicts with the curator's, and what it is.
func (f TripForm) Conflict(field string) (string, bool) {
	v, ok := f.Theirs[field]
	return v, ok
}

// Err returns the message of a field, "" when there is none.
func (f TripForm) Err(field string) string { return f.Errors[field] }

// StopKey is the key of field of stop i in a trip form's messages.
func StopKey(i int, field string) string { return "stops." + strconv.Itoa(i) + "." + field }

// StopErr returns the message of field of stop i.
func (f TripForm) StopErr(i int, field string) string {
	return f.Errors[StopKey(i, field)]
}

// CuratePage is the curators' desk: drafts waiting, deleted trips that can
// be restored, and the latest changes.
type CuratePage struct {
	Site
	Names  Names
	Drafts []timeline.TripRef
	// OtherDrafts are the drafts of the other kinds: facts of trips,
	// events, counters, people.
	OtherDrafts []DraftItem
	Deleted     []timeline.TripRef
	Changes     []Change
	Actor       string // the filter of the changes, if any
	Kind        string
	// DeletedRegions are curators' regions that can be restored.
	DeletedRegions []string
	Pager          Pager
}

// Change is one revision in a list.
type Change struct {
	ID       int64
	At       string
	Actor    string
	Kind     string
	RecordID int64
	Action   string
	Reason   string
	Path     string
	Fields   []FieldChange
	// Undo, when set, is where to post to undo this change alone.
	Undo string
}

// Pager is a page of a long list: its number (from 1), whether older ones
// follow, and the list's address without its page.
type Pager struct {
	Page int
	More bool
	Base string // "/curate?actor=ada"
}

// Link is the address of page n.
func (p Pager) Link(n int) string {
	sep := "?"
	if strings.Contains(p.Base, "?") {
		sep = "&"
	}
	if n <= 1 {
		return p.Base
	}
	return p.Base + sep + "page=" + strconv.Itoa(n)
}

// FieldChange is one field's value before and after a revision.
type FieldChange struct {
	Field, Before, After string
	// Words, when set, are the two texts compared word by word.
	Words []DiffWord
}

// Runs are the runs of Words one side shows: the kept ones and those
// removed (side -1, the version before) or added (side +1, after).
func (f FieldChange) Runs(side int) []DiffWord {
	var out []DiffWord
	for _, w := range f.Words {
		if w.Op == 0 || w.Op == side {
			out = append(out, w)
		}
	}
	return out
}

// DiffWord is a run of words kept (Op 0), removed (-1) or added (+1).
type DiffWord struct {
	Text string
	Op   int
}

// HistoryPage lists a record's revisions, field by field.
type HistoryPage struct {
	Site
	Kind     string
	RecordID int64
	Title    string
	Path     string
	Deleted  bool
	Changes  []Change
	// Restorable says a deleted record can be restored from this page.
	Restorable bool
	// Versions says each version can be put back (trips and the kinds
	// whose revisions hold their row).
	Versions bool
	Pager    Pager
}

// CuratorTripBar is what a curator sees above a trip: its status and the
// actions on it.
type CuratorTripBar struct {
	TripID  int64
	Status  timeline.Status
	Deleted bool
	// Drafts are what publishing the trip whole would publish (the trip
	// itself included, when a draft).
	Drafts []DraftItem
}

// DraftItem is a record waiting to be published, as a list names it.
type DraftItem struct {
	Kind, Label, Path string
	// Trip names the trip a fact is on, on the curators' desk.
	Trip string
}

// PublishTripPage shows what publishing a trip whole publishes, and asks.
type PublishTripPage struct {
	Site
	TripID int64
	Title  string
	Drafts []DraftItem
}

// AccountsPage is the admins' list of accounts with the form that adds
// one. A refused action comes back with its messages beside the fields of
// the add form (New.Errors) or of the account's row (AccountRow.Errors).
type AccountsPage struct {
	Site
	Accounts []AccountRow
	New      NewAccountForm
}

// AccountRow is one account in the admins' list.
type AccountRow struct {
	Name      string
	Role      string // "curator" or "admin"
	Disabled  bool
	CreatedAt string // RFC 3339
	// Self marks the admin's own account, which they cannot disable or
	// demote.
	Self bool
	// Errors holds the messages of a refused action on this account, by
	// field: "disabled", "role", "password", "password2".
	Errors map[string]string
}

// Err returns the message of a field of the row, "" when there is none.
func (a AccountRow) Err(field string) string { return a.Errors[field] }

// NewAccountForm is the form that adds an account, as typed (never the
// password).
type NewAccountForm struct {
	Name   string
	Role   string
	Errors map[string]string // "name", "role", "password", "password2"
}

// Err returns the message of a field, "" when there is none.
func (f NewAccountForm) Err(field string) string { return f.Errors[field] }

// TextPart is a run of text, matched by a search or not.
type TextPart struct {
	Text string
	Hit  bool
}

// marked splits text whose matched words are between \x02 and \x03 (as
// the store marks them) into parts, so the template can escape each and
// wrap the hits in <mark>; a stray marker is dropped, never shown.
func marked(s string) []TextPart {
	var out []TextPart
	hit := false
	for len(s) > 0 {
		i := strings.IndexAny(s, "\x02\x03")
		if i < 0 {
			out = append(out, TextPart{s, hit})
			break
		}
		if i > 0 {
			out = append(out, TextPart{s[:i], hit})
		}
		hit = s[i] == 0x02
		s = s[i+1:]
	}
	return out
}

// countWords writes a view's total: "1 entry", "1,204 entries".
func countWords(n int) string {
	s := timeline.FormatCount(n)
	if n == 1 {
		return s + " entry"
	}
	return s + " entries"
}

// ordinals writes the numbers a rule gives one trip: "11th", "12th–13th"
// when the rule splits it, "—" when it is outside the count.
func ordinals(ns []int) string {
	switch len(ns) {
	case 0:
		return "—"
	case 1:
		return timeline.Ordinal(ns[0])
	}
	return timeline.Ordinal(ns[0]) + "–" + timeline.Ordinal(ns[len(ns)-1])
}

// countOf writes a count with its noun: "1 claim", "1,204 claims".
func countOf(n int, noun string) string {
	return timeline.FormatCount(n) + " " + plural(n, noun, pluralOf(noun))
}

// pluralOf is the plural of an English noun of the site's: "countries",
// "trips", "more travellers".
func pluralOf(noun string) string {
	if n := len(noun); n > 1 && noun[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(noun[n-2])) {
		return noun[:n-1] + "ies"
	}
	return noun + "s"
}

// Figures open a traveller's, a country's or a region's page.
type Figures struct {
	timeline.Figures
	Of string // "person", "country" or "region"
	// YearLinks are the busiest years (all of a tie), each linking to its
	// view.
	YearLinks []YearLink
	TripsURL  string // the view of these trips
}

// YearLink is a year and the view of its trips.
type YearLink struct {
	Year int
	URL  string
}

// DaysLabel names the days figure for the kind of page.
func (f Figures) DaysLabel() string {
	if f.Of == "person" {
		return "days abroad"
	}
	return "days there"
}

func identifierLabel(id timeline.Identifier) string {
	switch id.Scheme {
	case "wikidata":
		return "Wikidata " + id.Value
	case "viaf":
		return "VIAF " + id.Value
	}
	return id.Scheme + " " + id.Value
}

// wordRuns writes runs of words one space apart, the changed ones in tag
// (del or ins). It is written here rather than in a template, which would
// put space around each run.
func wordRuns(runs []DiffWord, tag string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		var b strings.Builder
		for i, r := range runs {
			if i > 0 {
				b.WriteByte(' ')
			}
			if r.Op != 0 {
				b.WriteString("<" + tag + ">" + html.EscapeString(r.Text) + "</" + tag + ">")
			} else {
				b.WriteString(html.EscapeString(r.Text))
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// ImportConflictsPage lists the stops this record has otherwise than the
// Office of the Historian's record, side by side, each to be resolved.
type ImportConflictsPage struct {
	Site
	Names     Names
	Conflicts []ImportConflict
}

// ImportConflict is one stop, ours and the record's.
type ImportConflict struct {
	TripID       int64
	TripTitle    string
	Ours, Record timeline.Stop
	Fields       string
	KeptBy       string
}
