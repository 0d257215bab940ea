package views

import (
	"sort"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// PartRow is one participant row of the meeting form: an existing person
// (Slug) or a new one (Name), with the office held then.
type PartRow struct {
	Slug, Name, Title, Body string
	// Offered says the row named a new person whom the record already
	// has: they are chosen in the picker, and New, when ticked, says the
	// curator means someone else all the same.
	Offered, New bool
}

// MeetingForm adds a meeting to a trip.
type MeetingForm struct {
	Site
	TripID    int64
	TripTitle string
	Date      string
	StopID    string
	Title     string
	Summary   string
	Stops     []Option
	Parts     []PartRow
	Persons   []Option
	Errors    map[string]string
}

// Err returns the message of a field.
func (f MeetingForm) Err(field string) string { return f.Errors[field] }

// PartErr returns the message of field of participant i.
func (f MeetingForm) PartErr(i int, field string) string {
	return f.Errors["participants."+strconv.Itoa(i)+"."+field]
}

// CiteForm links a fact to a source: an existing one, found by a search,
// or a new one typed in.
type CiteForm struct {
	Site
	Kind  string
	ID    int64
	Label string // the fact
	Back  string // its page
	SourcePick
	Passage string
}

// SourcePick is the part of a citation form that chooses the source: one
// on record (found by the search Q, or the one the curator used last) or
// a new one typed in.
type SourcePick struct {
	// Action is where the search posts (GET): the page of the form.
	Action    string
	Q         string
	Found     []timeline.Source
	SourceID  string
	URL       string
	Title     string
	Publisher string
	Author    string
	Published string
	// Duplicate says the new source's title and publisher are those of a
	// source on record (listed in Found); Different that the curator says
	// it is another article all the same.
	Duplicate, Different bool
	Errors               map[string]string
}

// Err returns the message of a field.
func (f SourcePick) Err(field string) string { return f.Errors[field] }

// TripCiteForm cites one source for several facts of a trip at once.
type TripCiteForm struct {
	Site
	TripID int64
	Title  string
	SourcePick
	Facts []CiteFact
}

// CiteFact is a fact of the trip the source may be cited for: its key
// ("stop:12"), what it is, whether it is ticked, and its passage.
type CiteFact struct {
	Key, Kind, Label, Passage string
	Checked                   bool
	// Sources counts the sources it cites already.
	Sources int
}

func citePath(kind string, id int64) string {
	return "/cite?kind=" + kind + "&id=" + strconv.FormatInt(id, 10)
}

// ParticipantsForm changes who was at a meeting.
type ParticipantsForm struct {
	Site
	MeetingID int64
	Title     string
	Back      string
	Current   []timeline.Participant
	Parts     []PartRow // new ones
	Persons   []Option
	Errors    map[string]string
	// Version and Base are the meeting's version the form was read from
	// and its participants then (see cmd/timeline/web/conflict.go).
	Version, Base string
}

// Err returns the message of a field.
func (f ParticipantsForm) Err(field string) string { return f.Errors[field] }

func slugOf(s string) string { return timeline.Slugify(s) }

// ChecksPage lists what the data checks found, by kind.
type ChecksPage struct {
	Site
	Groups []CheckGroup
	Total  int
}

// CheckGroup is one check and its findings.
type CheckGroup struct {
	Kind, About string
	Findings    []Finding
}

// Finding is one thing to look at, with the records concerned.
type Finding struct {
	Message string
	Links   []Link
}

// Link is a labelled path.
type Link struct {
	Label, Path string
}

// ImportView is the admins' import page: the form, then the dry run's
// report and the confirmation.
type ImportView struct {
	Site
	GapDays     int
	SkipUnknown bool
	Error       string
	Report      *ImportReport
	Token       string // set when the dry run may be applied
	Merge       *MergeReport
}

// MergeReport is what merging a bundle would do, per kind of record.
type MergeReport struct {
	Rows      []MergeRow
	Conflicts []string
}

// MergeRow is one kind of record of a merge.
type MergeRow struct {
	Kind           string
	Added, Matched int
}

// ImportReport is what an import would do.
type ImportReport struct {
	Files, Records, Duplicates, StopsAdded, StopsChanged, Unchanged, Linked, TripsMade, TripsGrown, PeopleMade int
	Conflicts, Unknown                                                                                         []string
	// Merges and Apart are the identity decisions, each a sentence with
	// its evidence.
	Merges, Apart []string
	Travellers    []ImportTraveller
}

// ImportTraveller is one traveller's part of an import.
type ImportTraveller struct {
	Slug                              string
	Records, Duplicates, Stops, Trips int
}

// Merges is the list of every identity decision: names the import joined
// to a person, and curators' merges and splits.
type Merges struct {
	Site
	Rows []PersonMergeRow
}

// PersonMergeRow is one identity decision with its evidence.
type PersonMergeRow struct {
	ID                     int64
	Kind                   string // import, merge, split
	PersonSlug, PersonName string
	OtherSlug, OtherName   string
	Text, Matched, Rule    string
	Actor, At              string
	Undone                 bool
}

// ArticleForm is the page where a curator pastes an article.
type ArticleForm struct {
	Site
	URL, Date, Text string
	Error           string
}

// ArticleReview shows what an article proposes, as the trip it would
// make, each proposal with its passage, its box and its fields; one
// confirmation creates the ticked ones.
type ArticleReview struct {
	Site
	Source    ArticleSource
	Traveller string // a slug, or a new traveller's name
	People    []Option
	Stops     []ArticleRow
	Meetings  []ArticleRow
	Goals     []ArticleRow
	Quotes    []ArticleRow
	Claims    []ArticleRow
	Events    []ArticleRow
	// Similar are trips of the traveller on the article's dates.
	Similar []Option
	Errors  map[string]string
}

// Err returns the message of a field.
func (f ArticleReview) Err(field string) string { return f.Errors[field] }

// Messages are every message, in the order of their fields, for the box
// above the form (a refusal of the whole entry names no row).
func (f ArticleReview) Messages() []string {
	keys := make([]string, 0, len(f.Errors))
	for k := range f.Errors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = f.Errors[k]
	}
	return out
}

// ArticleSource is the article as a source, its fields editable; Known
// names the source on record with its address, when there is one.
type ArticleSource struct {
	URL, Title, Publisher, Author, Published, Known string
}

// ArticleRow is one proposal: ticked or not, its fields by name (as the
// form posts them, without the row's prefix) and its passage.
type ArticleRow struct {
	On      bool
	Fields  map[string]string
	Passage string
	// Known, when set, is a record that already holds this fact: the
	// proposal is unticked, with the link.
	Known *Option
	// Note says what the record makes of it (a claim's check).
	Note string
}

// F is a field of the row.
func (r ArticleRow) F(name string) string { return r.Fields[name] }
