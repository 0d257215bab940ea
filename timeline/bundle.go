package timeline

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// BundleTable is one CSV file of an export bundle as it is written: its
// name, its header and its rows in order.
type BundleTable struct {
	Name   string
	Header []string
	// Rows calls fn for each row; fn must not keep the slice.
	Rows func(ctx context.Context, fn func([]string) error) error
}

// Bundle is the content of an export bundle, read back: the records with
// their ids, and the timeline's order of entries.
type Bundle struct {
	People    []BundlePerson
	Sources   []Row[Source]
	Trips     []Row[Trip] // Stops filled from stops.csv
	Meetings  []Row[BundleMeeting]
	Goals     []Row[BundleGoal]
	Events    []Row[Event]
	Claims    []Row[Claim]
	Counters  []Row[Counter]
	Citations []Row[Citation]
	// Order is the timeline.csv's entries, newest first.
	Order []Row[EntryRef]

	// The files a bundle of an earlier version may lack.
	Quotes         []Row[BundleQuote]
	Offices        []Row[BundleOffice]
	Participants   []Row[BundleParticipant]
	Identifiers    []Row[BundleIdentifier]
	Regions        []Row[Region]
	Merges         []Row[BundleMerge]
	RecordVersions []Row[BundleRecordVersion]
}

// BundleQuote is a quote with its speaker's slug.
type BundleQuote struct {
	Quote
	PersonSlug string
}

// BundleOffice is an office with its holder's slug.
type BundleOffice struct {
	Office
	PersonSlug string
}

// BundleParticipant is one seat at a meeting: the person, the office they
// held there (an id of offices.csv) and their place in the list.
type BundleParticipant struct {
	MeetingID  int64
	PersonSlug string
	OfficeID   int64
	Seq        int
}

// BundleIdentifier is a person's identifier in an outside register.
type BundleIdentifier struct {
	PersonSlug string
	Identifier
}

// BundleMerge is one identity decision: a name the import joined to a
// person, or a curator's split, with its evidence.
type BundleMerge struct {
	ID                    int64
	PersonSlug, OtherSlug string
	Kind                  string
	Text, Matched, Rule   string
	Actor, At, UndoneAt   string
}

// BundleRecordVersion is the Office of the Historian's version of a stop
// that differs here.
type BundleRecordVersion struct {
	Stop
	Fields, SeenAt string
}

// Row is a record with the file and row it came from, for messages.
type Row[T any] struct {
	File string
	Row  int
	Rec  T
}

// BundlePerson is a person of the bundle.
type BundlePerson struct {
	Row     int
	Slug    string
	Name    string
	Country string
	Aliases []string
}

// BundleMeeting is a meeting with its participants' slugs.
type BundleMeeting struct {
	Meeting
	ParticipantSlugs []string
}

// BundleGoal is a goal with its place and who stated it, by slug.
type BundleGoal struct {
	Goal
	Seq          int
	StatedBySlug string
}

// EntryRef is a timeline entry by kind and record id.
type EntryRef struct {
	Kind string
	ID   int64
}

// BundleHeaders are the files of a bundle and their columns, as the export
// writes them; a file with other columns is refused.
var BundleHeaders = map[string][]string{
	"people.csv":    {"slug", "name", "country", "aliases"},
	"trips.csv":     {"id", "person", "title", "summary", "start_date", "end_date"},
	"stops.csv":     {"id", "trip_id", "person", "seq", "country", "locality", "start_date", "end_date", "remarks", "ref"},
	"meetings.csv":  {"id", "trip_id", "stop_id", "date", "title", "summary", "participants"},
	"goals.csv":     {"id", "trip_id", "seq", "text", "stated_by", "outcome"},
	"events.csv":    {"id", "kind", "date", "date_precision", "end_date", "country", "title", "summary"},
	"claims.csv":    {"id", "trip_id", "counter_id", "stated", "text", "computed", "verdict"},
	"counters.csv":  {"id", "person", "region", "country", "since", "unit", "rule", "gap_days", "label"},
	"citations.csv": {"id", "source_id", "subject_kind", "subject_id", "passage"},
	"sources.csv":   {"id", "url", "title", "publisher", "author", "published", "archive_url"},
	"timeline.csv":  EntryCSVHeader,

	"quotes.csv":          {"id", "trip_id", "stop_id", "meeting_id", "person", "date", "text"},
	"offices.csv":         {"id", "person", "title", "body", "country", "start_date", "end_date"},
	"participants.csv":    {"meeting_id", "person", "office_id", "seq"},
	"identifiers.csv":     {"person", "scheme", "value"},
	"regions.csv":         {"code", "name", "notes", "members"},
	"merges.csv":          {"id", "person", "other", "kind", "text", "matched", "rule", "actor", "created_at", "undone_at"},
	"record_versions.csv": {"stop_id", "ref", "country", "locality", "start_date", "end_date", "remarks", "fields", "seen_at"},
	"ordinals.csv":        {"counter_id", "subject_kind", "subject_id", "ordinal", "phrase"},
}

// bundleFirstColumns are how many columns the files had when they were
// first written, for those that have gained columns since.
var bundleFirstColumns = map[string]int{"claims.csv": 5, "timeline.csv": 13}

// bundleOptional are the files a bundle written before them lacks; a
// bundle without one reads as one with it empty. ordinals.csv, the
// claims' computed columns and the timeline's ordinals are computed from
// the rest, so a reader takes them as they come and an import recomputes
// them.
var bundleOptional = map[string]bool{
	"quotes.csv": true, "offices.csv": true, "participants.csv": true, "identifiers.csv": true,
	"regions.csv": true, "merges.csv": true, "record_versions.csv": true,
}

// BundleMaxBytes bounds one file of a bundle.
const BundleMaxBytes = 256 << 20

// ReadBundle reads the CSV files of a bundle (by name; other names are
// ignored). Every problem is an error naming the file, the row (the header
// is row 1, as a spreadsheet counts) and the column; nothing is returned
// with it. Cells guarded against formulas by the export are read back as
// written.
func ReadBundle(files map[string]io.Reader) (*Bundle, error) {
	return ReadBundleMax(files, 0)
}

// ReadBundleMax is ReadBundle holding at most maxRows rows in all (0: no
// cap): an upload's bundle is read into memory, and a bomb of short rows
// would take far more memory than its bytes.
func ReadBundleMax(files map[string]io.Reader, maxRows int) (*Bundle, error) {
	b := &Bundle{}
	rows := 0
	trips := map[int64]int{}
	for _, name := range []string{"people.csv", "sources.csv", "trips.csv", "stops.csv", "meetings.csv", "goals.csv", "events.csv",
		"counters.csv", "claims.csv", "citations.csv", "timeline.csv", "quotes.csv", "offices.csv", "participants.csv",
		"identifiers.csv", "regions.csv", "merges.csv", "record_versions.csv"} {
		r, ok := files[name]
		if !ok && bundleOptional[name] {
			continue
		}
		if !ok {
			return nil, Errorf(EInvalid, "the bundle has no %s", name)
		}
		err := eachCSVRow(r, name, BundleHeaders[name], func(header []string, row int, cells []string) error {
			if rows++; maxRows > 0 && rows > maxRows {
				return Errorf(ETooLarge, "the bundle holds more than %d rows (the cap for an upload, reached in %s); load it with timeline import csv", maxRows, name)
			}
			c := &cells2{file: name, row: row, header: header, cells: cells}
			switch name {
			case "people.csv":
				p := BundlePerson{Row: c.row, Slug: c.slug("slug"), Name: c.text("name", true), Country: c.text("country", false)}
				if a := c.text("aliases", false); a != "" {
					p.Aliases = strings.Split(a, "; ")
				}
				b.People = append(b.People, p)
			case "sources.csv":
				s := Source{ID: c.id("id"), URL: c.text("url", true), Title: c.text("title", true), Publisher: c.text("publisher", false),
					Author: c.text("author", false), Published: c.date("published", false), ArchiveURL: c.text("archive_url", false)}
				b.Sources = append(b.Sources, Row[Source]{name, c.row, s})
			case "trips.csv":
				t := Trip{ID: c.id("id"), PersonSlug: c.slug("person"), Title: c.text("title", false), Summary: c.text("summary", false),
					Start: c.date("start_date", true), End: c.date("end_date", true), Status: Published}
				trips[t.ID] = len(b.Trips)
				b.Trips = append(b.Trips, Row[Trip]{name, c.row, t})
			case "stops.csv":
				st := Stop{ID: c.id("id"), TripID: c.id("trip_id"), Seq: c.int("seq"), Country: c.text("country", true), Locality: c.text("locality", false),
					Start: c.date("start_date", true), End: c.date("end_date", true), Remarks: c.text("remarks", false), Ref: c.text("ref", false)}
				c.slug("person")
				if c.err == nil && st.End.Before(st.Start) {
					c.fail("end_date", "ends before it starts")
				}
				if i, ok := trips[st.TripID]; ok && c.err == nil {
					b.Trips[i].Rec.Stops = append(b.Trips[i].Rec.Stops, st)
				} else if c.err == nil {
					c.fail("trip_id", fmt.Sprintf("trip %d is not in trips.csv", st.TripID))
				}
			case "meetings.csv":
				m := BundleMeeting{Meeting: Meeting{ID: c.id("id"), TripID: c.optID("trip_id"), StopID: c.optID("stop_id"), Date: c.date("date", true),
					Title: c.text("title", true), Summary: c.text("summary", false), Status: Published}}
				if p := c.text("participants", false); p != "" {
					m.ParticipantSlugs = strings.Split(p, "; ")
				}
				b.Meetings = append(b.Meetings, Row[BundleMeeting]{name, c.row, m})
			case "goals.csv":
				g := BundleGoal{Goal: Goal{ID: c.id("id"), TripID: c.id("trip_id"), Text: c.text("text", true), Outcome: c.text("outcome", false), Status: Published},
					Seq: c.int("seq"), StatedBySlug: c.text("stated_by", false)}
				b.Goals = append(b.Goals, Row[BundleGoal]{name, c.row, g})
			case "events.csv":
				e := Event{ID: c.id("id"), Kind: c.text("kind", true), Date: c.date("date", true), Precision: Precision(c.text("date_precision", true)),
					EndDate: c.date("end_date", false), Country: c.text("country", false), Title: c.text("title", true), Summary: c.text("summary", false), Status: Published}
				b.Events = append(b.Events, Row[Event]{name, c.row, e})
			case "counters.csv":
				k := Counter{ID: c.id("id"), PersonSlug: c.slug("person"), Region: c.text("region", false), Country: c.text("country", false),
					Since: c.date("since", true), Unit: Unit(c.text("unit", true)), Rule: Rule{Kind: RuleKind(c.text("rule", true)), GapDays: c.int("gap_days")},
					Label: c.text("label", false), Status: Published}
				b.Counters = append(b.Counters, Row[Counter]{name, c.row, k})
			case "claims.csv":
				cl := Claim{ID: c.id("id"), TripID: c.id("trip_id"), CounterID: c.id("counter_id"), Stated: c.int("stated"), Text: c.text("text", true), Status: Published}
				b.Claims = append(b.Claims, Row[Claim]{name, c.row, cl})
			case "citations.csv":
				ct := Citation{ID: c.id("id"), SourceID: c.id("source_id"), SubjectKind: Kind(c.text("subject_kind", true)), SubjectID: c.id("subject_id"), Passage: c.text("passage", false)}
				if c.err == nil && !Citable(ct.SubjectKind) {
					c.fail("subject_kind", fmt.Sprintf("%q cannot be cited", ct.SubjectKind))
				}
				b.Citations = append(b.Citations, Row[Citation]{name, c.row, ct})
			case "timeline.csv":
				ref := EntryRef{Kind: c.text("kind", true), ID: c.id("id")}
				if c.err == nil && ref.Kind != EntryTrip && ref.Kind != EntryMeeting && ref.Kind != EntryEvent {
					c.fail("kind", fmt.Sprintf("%q is not trip, meeting or event", ref.Kind))
				}
				b.Order = append(b.Order, Row[EntryRef]{name, c.row, ref})
			case "quotes.csv":
				q := BundleQuote{Quote: Quote{ID: c.id("id"), TripID: c.optID("trip_id"), StopID: c.optID("stop_id"), MeetingID: c.optID("meeting_id"),
					Date: c.date("date", true), Text: c.text("text", true), Status: Published}, PersonSlug: c.slug("person")}
				b.Quotes = append(b.Quotes, Row[BundleQuote]{name, c.row, q})
			case "offices.csv":
				o := BundleOffice{Office: Office{ID: c.id("id"), Title: c.text("title", true), Body: c.text("body", false), Country: c.text("country", false),
					From: c.date("start_date", false), To: c.date("end_date", false)}, PersonSlug: c.slug("person")}
				b.Offices = append(b.Offices, Row[BundleOffice]{name, c.row, o})
			case "participants.csv":
				pa := BundleParticipant{MeetingID: c.id("meeting_id"), PersonSlug: c.slug("person"), OfficeID: c.optID("office_id"), Seq: c.int("seq")}
				b.Participants = append(b.Participants, Row[BundleParticipant]{name, c.row, pa})
			case "identifiers.csv":
				id := BundleIdentifier{PersonSlug: c.slug("person"), Identifier: Identifier{Scheme: c.text("scheme", true), Value: c.text("value", true)}}
				if c.err == nil {
					if err := id.Validate(); err != nil {
						c.fail("value", ErrorMessage(err))
					}
				}
				b.Identifiers = append(b.Identifiers, Row[BundleIdentifier]{name, c.row, id})
			case "regions.csv":
				rg := Region{Code: c.text("code", true), Name: c.text("name", true), Notes: c.text("notes", false), Members: strings.Fields(c.get("members"))}
				if c.err == nil && !ValidRegionCode(rg.Code) {
					c.fail("code", fmt.Sprintf("%q is not a region code such as GULF", Clip(rg.Code)))
				}
				b.Regions = append(b.Regions, Row[Region]{name, c.row, rg})
			case "merges.csv":
				m := BundleMerge{ID: c.id("id"), PersonSlug: c.slug("person"), OtherSlug: c.text("other", false), Kind: c.text("kind", true),
					Text: c.text("text", false), Matched: c.text("matched", false), Rule: c.text("rule", false), Actor: c.text("actor", false),
					At: c.text("created_at", true), UndoneAt: c.text("undone_at", false)}
				if c.err == nil && m.Kind != "import" && m.Kind != "merge" && m.Kind != "split" {
					c.fail("kind", fmt.Sprintf("%q is not import, merge or split", Clip(m.Kind)))
				}
				b.Merges = append(b.Merges, Row[BundleMerge]{name, c.row, m})
			case "record_versions.csv":
				v := BundleRecordVersion{Stop: Stop{ID: c.id("stop_id"), Ref: c.text("ref", false), Country: c.text("country", true), Locality: c.text("locality", false),
					Start: c.date("start_date", true), End: c.date("end_date", true), Remarks: c.text("remarks", false)},
					Fields: c.text("fields", false), SeenAt: c.text("seen_at", true)}
				b.RecordVersions = append(b.RecordVersions, Row[BundleRecordVersion]{name, c.row, v})
			}
			return c.err
		})
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}

// eachCSVRow reads a CSV file row by row, without holding it whole: its
// header must be want, or the start of want (columns are only ever added
// at the end, so a file of an earlier version has the first of them), and
// fn gets each row after the header, with the file's header and the row's
// number (the header is row 1).
func eachCSVRow(r io.Reader, name string, want []string, fn func(header []string, row int, cells []string) error) error {
	lr := &io.LimitedReader{R: r, N: BundleMaxBytes + 1}
	cr := csv.NewReader(bufio.NewReaderSize(&lineLimit{r: lr, name: name}, 64<<10))
	cr.FieldsPerRecord = 0 // the header's count, checked against want below
	tooBig := func() error { return Errorf(ETooLarge, "%s is larger than %d MB", name, BundleMaxBytes>>20) }
	header, err := cr.Read()
	if lr.N <= 0 {
		return tooBig()
	}
	if err == io.EOF {
		return Errorf(EInvalid, "%s is empty: it needs its header %s", name, strings.Join(want, ","))
	}
	if err != nil {
		return csvError(name, err)
	}
	least := len(want)
	if n, ok := bundleFirstColumns[name]; ok {
		least = n
	}
	if len(header) < least || len(header) > len(want) || strings.Join(header, ",") != strings.Join(want[:len(header)], ",") {
		return Errorf(EInvalid, "%s row 1: the columns are %s, want %s", name, Clip(strings.Join(header, ",")), strings.Join(want, ","))
	}
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if lr.N <= 0 {
			return tooBig()
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(name, err)
		}
		for i := range rec {
			rec[i] = UnguardCell(rec[i])
		}
		if err := fn(header, row, rec); err != nil {
			return err
		}
	}
}

// BundleMaxLine bounds one line of a bundle's CSV: the longest rows of the
// record are a few kilobytes, so a longer run without a line end is an
// attack (a file of one inflated byte), refused before it is held.
const BundleMaxLine = 1 << 20

// lineLimit refuses a run of more than BundleMaxLine bytes without a line
// end.
type lineLimit struct {
	r    io.Reader
	name string
	run  int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.run = 0
		} else if l.run++; l.run > BundleMaxLine {
			return 0, Errorf(ETooLarge, "%s has a line longer than %d MiB; a bundle's rows are far shorter", l.name, BundleMaxLine>>20)
		}
	}
	return n, err
}

func csvError(name string, err error) error {
	var te *Error
	if errors.As(err, &te) {
		return te // a limit, already saying which
	}
	if pe, ok := err.(*csv.ParseError); ok {
		return Errorf(EInvalid, "%s row %d, column %d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return Errorf(EInvalid, "%s: %v", name, err)
}

// cells2 reads the typed cells of one row, keeping the first problem.
type cells2 struct {
	file   string
	row    int
	header []string
	cells  []string
	err    error
}

func (c *cells2) get(col string) string {
	for i, h := range c.header {
		if h == col {
			return c.cells[i]
		}
	}
	panic("no column " + col)
}

func (c *cells2) fail(col, msg string) {
	if c.err == nil {
		c.err = Errorf(EInvalid, "%s row %d, column %s: %s", c.file, c.row, col, msg)
	}
}

func (c *cells2) text(col string, required bool) string {
	v := c.get(col)
	if required && strings.TrimSpace(v) == "" {
		c.fail(col, "is empty")
	}
	return v
}

func (c *cells2) slug(col string) string {
	v := c.get(col)
	if !ValidSlug(v) {
		c.fail(col, fmt.Sprintf("%q is not a slug such as blinken-antony-j", Clip(v)))
	}
	return v
}

func (c *cells2) int(col string) int {
	n, err := strconv.Atoi(c.get(col))
	if err != nil || n < 0 {
		c.fail(col, fmt.Sprintf("%q is not a whole number", Clip(c.get(col))))
	}
	return n
}

func (c *cells2) id(col string) int64 {
	n, err := strconv.ParseInt(c.get(col), 10, 64)
	if err != nil || n <= 0 {
		c.fail(col, fmt.Sprintf("%q is not an id", Clip(c.get(col))))
	}
	return n
}

func (c *cells2) optID(col string) int64 {
	if c.get(col) == "" {
		return 0
	}
	return c.id(col)
}

func (c *cells2) date(col string, required bool) Date {
	v := c.get(col)
	if v == "" {
		if required {
			c.fail(col, "is empty")
		}
		return Date{}
	}
	d, err := ParseDate(v)
	if err != nil {
		c.fail(col, fmt.Sprintf("%q is not a date (YYYY-MM-DD) that exists", Clip(v)))
	}
	return d
}
