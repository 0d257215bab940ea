package timeline

import "strings"

// Meeting is a meeting on a date, usually at a stop, with participants.
type Meeting struct {
	ID           int64
	TripID       int64
	StopID       int64 // 0 when not tied to a stop
	Date         Date
	Title        string
	Summary      string
	Status       Status
	Participants []Participant
}

// Participant is a person at a meeting, with the office they held then.
type Participant struct {
	PersonID   int64
	PersonSlug string
	PersonName string
	OfficeID   int64  // 0 when the office is not recorded
	Office     string // the office's label, filled on read
}

// Validate checks the meeting's fields.
func (m *Meeting) Validate() error {
	fe := FieldErrors{}
	m.Title = NormalizeSpace(m.Title)
	m.Summary = strings.TrimSpace(m.Summary)
	if !m.Date.Valid() {
		fe.Add("date", "A meeting needs a date.")
	}
	if m.Title == "" {
		fe.Add("title", "A meeting needs a title.")
	}
	if m.Status == "" {
		m.Status = Published
	}
	seen := map[int64]bool{}
	for _, p := range m.Participants {
		if p.PersonID != 0 && seen[p.PersonID] {
			fe.Add("participants", "A person is listed twice.")
		}
		seen[p.PersonID] = true
	}
	return fe.Err()
}

// Goal is a goal stated for a trip, who stated it, and later its outcome.
type Goal struct {
	ID         int64
	TripID     int64
	Text       string
	StatedByID int64
	StatedBy   string // name, filled on read
	Outcome    string
	Status     Status
}

// Validate checks the goal's fields.
func (g *Goal) Validate() error {
	fe := FieldErrors{}
	g.Text = NormalizeSpace(g.Text)
	g.Outcome = strings.TrimSpace(g.Outcome)
	if g.TripID == 0 {
		fe.Add("trip", "A goal belongs to a trip.")
	}
	if g.Text == "" {
		fe.Add("text", "A goal needs its words.")
	}
	if g.Status == "" {
		g.Status = Published
	}
	return fe.Err()
}

// Quote is words said by a person, on a date, at a stop or meeting.
type Quote struct {
	ID         int64
	PersonID   int64
	PersonName string
	PersonSlug string
	Date       Date
	TripID     int64
	StopID     int64
	MeetingID  int64
	Text       string
	Status     Status
}

// Validate checks the quote's fields.
func (q *Quote) Validate() error {
	fe := FieldErrors{}
	q.Text = strings.TrimSpace(q.Text)
	if q.PersonID == 0 {
		fe.Add("person", "A quote needs the person who said it.")
	}
	if q.Text == "" {
		fe.Add("text", "A quote needs its words.")
	}
	if !q.Date.Valid() {
		fe.Add("date", "A quote needs a date.")
	}
	if q.Status == "" {
		q.Status = Published
	}
	return fe.Err()
}
