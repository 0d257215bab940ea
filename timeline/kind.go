package timeline

import "strconv"

// Kind is a kind of record. What the rest of the program needs to know of
// a kind (its table, its pages, whether it is deleted by marking, restored
// to a version, cited, shown on its trip's page) is in Kinds, the one
// registry; a kind missing from it fails TestKindsRegistered.
type Kind string

// The kinds of record.
const (
	KindTrip    Kind = "trip"
	KindStop    Kind = "stop"
	KindMeeting Kind = "meeting"
	KindGoal    Kind = "goal"
	KindEvent   Kind = "event"
	KindClaim   Kind = "claim"
	KindQuote   Kind = "quote"
	KindPerson  Kind = "person"
	KindCounter Kind = "counter"
	KindSource  Kind = "source"
	KindRegion  Kind = "region"
	// Citations and accounts have no pages of their own, but their
	// changes are in the history.
	KindCitation Kind = "citation"
	KindUser     Kind = "user"
)

// AllKinds lists every kind, in the order pages list them.
var AllKinds = []Kind{KindTrip, KindStop, KindMeeting, KindGoal, KindEvent, KindClaim, KindQuote, KindPerson, KindCounter, KindSource, KindRegion, KindCitation, KindUser}

// KindInfo is what the registry says of a kind.
type KindInfo struct {
	// Table is the SQLite table of its records.
	Table string
	// Path is the first segment of its pages: /trips/{id}. A person's
	// pages are by slug and a region's by code, not by id; citations and
	// accounts have none.
	Path string
	// SoftDelete says it is deleted by marking (kept, with everything that
	// refers to it, until restored).
	SoftDelete bool
	// Versions says its revisions hold its whole row, so it can be put
	// back to any version from its history.
	Versions bool
	// Citable says a citation may point at it.
	Citable bool
	// OnTrip says it belongs to a trip (its table has trip_id) and is
	// shown on the trip's page, at #kind-id.
	OnTrip bool
	// Drafts says it is a draft until published.
	Drafts bool
	// Label is the SQL that names one record (? is its id), for the
	// citation and curation pages; empty when it is not cited.
	Label string
}

// Kinds is the registry of kinds.
var Kinds = map[Kind]KindInfo{
	KindTrip:     {Drafts: true, Table: "trips", Path: "trips", Citable: true, Label: `SELECT coalesce(nullif(title, ''), 'Trip ' || id) FROM trips WHERE id = ?`},
	KindStop:     {Table: "stops", Path: "stops", Citable: true, OnTrip: true, Label: `SELECT country || ' ' || locality || ', ' || start_date FROM stops WHERE id = ?`},
	KindMeeting:  {Drafts: true, Table: "meetings", Path: "meetings", SoftDelete: true, Versions: true, Citable: true, OnTrip: true, Label: `SELECT title FROM meetings WHERE id = ?`},
	KindGoal:     {Drafts: true, Table: "goals", Path: "goals", SoftDelete: true, Versions: true, Citable: true, OnTrip: true, Label: `SELECT text FROM goals WHERE id = ?`},
	KindEvent:    {Drafts: true, Table: "events", Path: "events", SoftDelete: true, Versions: true, Citable: true, Label: `SELECT title FROM events WHERE id = ?`},
	KindClaim:    {Drafts: true, Table: "claims", Path: "claims", SoftDelete: true, Versions: true, Citable: true, OnTrip: true, Label: `SELECT text FROM claims WHERE id = ?`},
	KindQuote:    {Drafts: true, Table: "quotes", Path: "quotes", SoftDelete: true, Versions: true, Citable: true, OnTrip: true, Label: `SELECT text FROM quotes WHERE id = ?`},
	KindPerson:   {Table: "people", Path: "people", SoftDelete: true, Versions: true},
	KindCounter:  {Drafts: true, Table: "counters", Path: "counters", SoftDelete: true, Versions: true},
	KindSource:   {Table: "sources", Path: "sources", SoftDelete: true, Versions: true},
	KindRegion:   {Table: "regions", Path: "regions"},
	KindCitation: {Table: "citations"},
	KindUser:     {Table: "users"},
}

// Info is the registry's entry of k; the zero KindInfo for a kind it does
// not know (which no route or table gives).
func (k Kind) Info() KindInfo { return Kinds[k] }

// Citable reports whether a citation may point at kind.
func Citable(kind Kind) bool { return kind.Info().Citable }

// RecordPath is the permalink of a record of the given kind.
func RecordPath(kind Kind, id int64) string {
	return "/" + kind.Info().Path + "/" + strconv.FormatInt(id, 10)
}
