// Package export writes a view of the record as files: the timeline as
// CSV, JSON, TimelineJS, iCalendar and Atom, and the whole view as a bundle
// of CSV files with a manifest. The encoders read a Source (the store is
// one) and know nothing of HTTP, so the site and the command line share
// them and write the same bytes.
package export

import (
	"context"
	"io"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Source is what the encoders read. *store.Store satisfies it.
type Source interface {
	// EachEntry calls fn for each entry of the view, in its order.
	EachEntry(ctx context.Context, f timeline.Filter, fn func(*timeline.Entry) error) error
	// TripPhrases are the counters' numbers of each trip, in the pages' words.
	TripPhrases(ctx context.Context) (map[int64][]string, error)
	StopsOfTrips(ctx context.Context, ids []int64) (map[int64][]timeline.Stop, error)
	RecentlyChanged(ctx context.Context, f timeline.Filter, n int) ([]timeline.Updated, error)
	LastChange(ctx context.Context) (time.Time, error)
	BundleTables(ctx context.Context, f timeline.Filter) ([]timeline.BundleTable, error)
	CountersByID(ctx context.Context, ids []int64) ([]timeline.Counter, error)
	// For the words of a view: a traveller's, region's and country's names.
	PersonBySlug(ctx context.Context, slug string, drafts bool) (*timeline.Person, error)
	Region(ctx context.Context, code string) (*timeline.Region, error)
	CountryName(code string) string
}

// A Writer writes the export of the view f to w. base is the site's
// address, for the links of the formats that carry whole URLs. start is
// called once, before the first byte, when the filter has been accepted.
type Writer func(ctx context.Context, s Source, f timeline.Filter, base string, w io.Writer, start func()) error

// Writers are the encoders by the names the command line gives them.
var Writers = map[string]Writer{"csv": CSV, "json": JSON, "timelinejs": TimelineJS, "ics": ICS, "atom": Atom, "bundle": Bundle}
