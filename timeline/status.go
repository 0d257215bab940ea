package timeline

// Status says who may see a record: drafts are for curators only.
type Status string

// The two states of a record.
const (
	Draft     Status = "draft"
	Published Status = "published"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s == Draft || s == Published }
