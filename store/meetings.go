package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreateMeeting stores a meeting with its participants.
func (s *Store) CreateMeeting(ctx context.Context, a Actor, m *timeline.Meeting) error {
	return s.write(ctx, a, func(t *tx) error { return t.createMeeting(m) })
}

func (t *tx) createMeeting(m *timeline.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	for i := range m.Participants {
		p := &m.Participants[i]
		if p.PersonID == 0 {
			id, err := t.personIDBySlug(p.PersonSlug)
			if err != nil {
				return err
			}
			p.PersonID = id
		}
	}
	id, err := t.insert(`INSERT INTO meetings(trip_id, stop_id, date, title, summary, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, nullID(m.TripID), nullID(m.StopID), m.Date, m.Title, m.Summary, m.Status, t.now, t.now)
	if err != nil {
		return err
	}
	m.ID = id
	for i, p := range m.Participants {
		if _, err := t.exec(`INSERT INTO participants(meeting_id, person_id, office_id, seq) VALUES (?, ?, ?, ?)`,
			id, p.PersonID, nullID(p.OfficeID), i); err != nil {
			return err
		}
	}
	if err := t.reviseRow(timeline.KindMeeting, "meetings", id, "create", nil, ""); err != nil {
		return err
	}
	return t.refreshMeeting(id)
}

const meetingCols = `m.id, coalesce(m.trip_id, 0), coalesce(m.stop_id, 0), m.date, m.title, m.summary, m.status`

// MeetingsOfTrip returns a trip's meetings in date order with participants.
func (s *Store) MeetingsOfTrip(ctx context.Context, tripID int64, drafts bool) ([]timeline.Meeting, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+meetingCols+` FROM meetings m
		WHERE m.trip_id = ? AND m.deleted_at IS NULL AND (m.status = 'published' OR ?) ORDER BY m.date, m.id`, tripID, drafts)
	if err != nil {
		return nil, err
	}
	ms, err := scanMeetings(rows)
	if err != nil {
		return nil, err
	}
	return ms, s.fillParticipants(ctx, ms)
}

// Meeting returns one meeting with its participants.
func (s *Store) Meeting(ctx context.Context, id int64, drafts bool) (*timeline.Meeting, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+meetingCols+` FROM meetings m
		WHERE m.id = ? AND m.deleted_at IS NULL AND (m.status = 'published' OR ?)`, id, drafts)
	if err != nil {
		return nil, err
	}
	ms, err := scanMeetings(rows)
	if err == nil {
		err = s.fillParticipants(ctx, ms)
	}
	return first(ms, err, "Meeting "+strconv.FormatInt(id, 10))
}

func scanMeetings(rows *sql.Rows) ([]timeline.Meeting, error) {
	defer rows.Close()
	var out []timeline.Meeting
	for rows.Next() {
		var m timeline.Meeting
		if err := rows.Scan(&m.ID, &m.TripID, &m.StopID, &m.Date, &m.Title, &m.Summary, &m.Status); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// fillParticipants loads the participants of all the meetings in one query.
func (s *Store) fillParticipants(ctx context.Context, ms []timeline.Meeting) error {
	if len(ms) == 0 {
		return nil
	}
	idx, args := positions(ms, func(m timeline.Meeting) int64 { return m.ID })
	rows, err := s.r.QueryContext(ctx, `SELECT pa.meeting_id, p.id, p.slug, p.name, coalesce(o.id, 0), coalesce(o.title, ''), coalesce(o.body, '')
		FROM participants pa JOIN people p ON p.id = pa.person_id LEFT JOIN offices o ON o.id = pa.office_id
		WHERE pa.meeting_id IN (`+placeholders(len(ms))+`) ORDER BY pa.meeting_id, pa.seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var mid int64
		var p timeline.Participant
		var title, body string
		if err := rows.Scan(&mid, &p.PersonID, &p.PersonSlug, &p.PersonName, &p.OfficeID, &title, &body); err != nil {
			return err
		}
		if title != "" {
			p.Office = timeline.Office{Title: title, Body: body}.Label()
		}
		ms[idx[mid]].Participants = append(ms[idx[mid]].Participants, p)
	}
	return rows.Err()
}

// MeetingsOfPerson lists the published meetings a person took part in.
func (s *Store) MeetingsOfPerson(ctx context.Context, personID int64) ([]timeline.MeetingRef, error) {
	return list(ctx, s.r, func(r *timeline.MeetingRef) []any { return []any{&r.ID, &r.TripID, &r.Date, &r.Title, &r.Office} }, `SELECT m.id, coalesce(m.trip_id, 0), m.date, m.title, coalesce(o.title || ', ' || o.body, o.title, '')
		FROM participants pa JOIN meetings m ON m.id = pa.meeting_id LEFT JOIN offices o ON o.id = pa.office_id
		LEFT JOIN trips t ON t.id = m.trip_id
		WHERE pa.person_id = ? AND m.deleted_at IS NULL AND m.status = 'published'
		  AND (t.id IS NULL OR (t.status = 'published' AND t.deleted_at IS NULL))
		ORDER BY m.date DESC, m.id LIMIT 1000`, personID)
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	b := make([]byte, 0, 2*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}

var errNoRows = sql.ErrNoRows

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }

// UpdateMeeting changes a meeting's date, stop, title and summary (its
// participants are kept).
func (s *Store) UpdateMeeting(ctx context.Context, a Actor, m *timeline.Meeting, reason string) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindMeeting, "meetings", m.ID, reason,
		`date = ?, stop_id = ?, title = ?, summary = ?`, m.Date, nullID(m.StopID), m.Title, m.Summary)
}

// CreateMeetingWith stores a meeting, creating the people and offices its
// participants need, all in one transaction.
func (s *Store) CreateMeetingWith(ctx context.Context, a Actor, m *timeline.Meeting, parts []NewParticipant) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		if err := t.resolveParticipants(m, parts); err != nil {
			return err
		}
		return t.createMeeting(m)
	})
}
