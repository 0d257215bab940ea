package timeline

import (
	"strconv"
	"strings"
	"time"
)

// Updated is an entry with the time its record last changed: an item of
// the feed.
type Updated struct {
	Entry
	At time.Time
}

// Entry is one line of the timeline: a trip, a meeting or an event, with
// what a reader needs to scan it.
type Entry struct {
	Seq        int64 // the entry's own id: the tie-breaker of the sort key
	Kind       string
	RecordID   int64
	Start, End Date
	Precision  Precision
	PersonSlug string
	PersonName string
	Title      string
	Summary    string
	Countries  []string // codes, in order of visit
	Localities string
	Status     Status
	Sources    []SourceRef
	// Ordinals are the counters' phrases for a trip ("11th trip to the
	// region since 7 October 2023 (gap 1 day)"), filled by pages and
	// exports.
	Ordinals []string
	// TitleMarked and Snippet are filled for a search: the title and a
	// passage with the matched words between \x02 and \x03.
	TitleMarked string
	Snippet     string
}

// SourceRef is a source as an entry lists it.
type SourceRef struct {
	ID        int64
	URL       string
	Title     string
	Publisher string
}

// Cursor returns the entry's position for key pagination.
func (e Entry) Cursor() Cursor { return Cursor{e.Start, e.Seq} }

// Path is the entry's permalink on the site.
func (e Entry) Path() string { return RecordPath(Kind(e.Kind), e.RecordID) }

// When writes the entry's dates for a reader.
func (e Entry) When() string {
	if e.Precision != "" && e.Precision != PrecisionDay {
		return e.Precision.Format(e.Start)
	}
	return FormatRange(e.Start, e.End)
}

// EntryCSVHeader names the columns of the timeline export, in order. The
// README documents each; changing them breaks researchers' scripts, so add
// columns at the end only.
var EntryCSVHeader = []string{
	"kind", "id", "start_date", "end_date", "date_precision",
	"person", "person_name", "countries", "localities", "title", "summary",
	"source_urls", "permalink", "ordinals",
}

// CSVRow returns the entry as export cells, unguarded; the writer guards
// formula cells. Lists are joined with "; " (countries, sources) so a cell
// stays one field.
func (e Entry) CSVRow(base string) []string {
	urls := make([]string, len(e.Sources))
	for i, s := range e.Sources {
		urls[i] = s.URL
	}
	prec := string(e.Precision)
	if prec == "" {
		prec = string(PrecisionDay)
	}
	return []string{
		e.Kind, strconv.FormatInt(e.RecordID, 10), e.Start.String(), e.End.String(), prec,
		e.PersonSlug, e.PersonName, strings.Join(e.Countries, "; "), e.Localities, e.Title, e.Summary,
		strings.Join(urls, "; "), base + e.Path(), strings.Join(e.Ordinals, "; "),
	}
}

// FormatCount writes a count with thousands separators: 1,204.
func FormatCount(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
