package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreateEvent stores a context event.
func (s *Store) CreateEvent(ctx context.Context, a Actor, e *timeline.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error { return t.createEvent(s, e) })
}

func (t *tx) createEvent(s *Store, e *timeline.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	var err error
	if e.Country, err = s.countries.Code("country", e.Country); err != nil {
		return err
	}
	id, err := t.insert(`INSERT INTO events(title, kind, date, precision, end_date, country, summary, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Title, e.Kind, e.Date, e.Precision, nullDate(e.EndDate), nullStr(e.Country), e.Summary, e.Status, t.now, t.now)
	if err != nil {
		return err
	}
	e.ID = id
	if err := t.reviseRow(timeline.KindEvent, "events", id, "create", nil, ""); err != nil {
		return err
	}
	return t.refreshEvent(id)
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id int64, drafts bool) (*timeline.Event, error) {
	var e timeline.Event
	var country sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT id, title, kind, date, precision, end_date, country, summary, status FROM events
		WHERE id = ? AND deleted_at IS NULL AND (status = 'published' OR ?)`, id, drafts).
		Scan(&e.ID, &e.Title, &e.Kind, &e.Date, &e.Precision, &e.EndDate, &country, &e.Summary, &e.Status)
	if isNoRows(err) {
		return nil, notFound("Event " + strconv.FormatInt(id, 10))
	} else if err != nil {
		return nil, err
	}
	e.Country = country.String
	return &e, nil
}

// EventsAround returns the published events within days of a range, for the
// context of a trip.
func (s *Store) EventsAround(ctx context.Context, r timeline.Range, days int) ([]timeline.Event, error) {
	return list(ctx, s.r, func(e *timeline.Event) []any {
		return []any{&e.ID, &e.Title, &e.Kind, &e.Date, &e.Precision, &e.EndDate, &e.Country, &e.Summary, &e.Status}
	}, `SELECT id, title, kind, date, precision, end_date, coalesce(country, ''), summary, status FROM events
		WHERE deleted_at IS NULL AND status = 'published' AND date <= ? AND coalesce(end_date, date) >= ? ORDER BY date, id`,
		r.End.AddDays(days).String(), r.Start.AddDays(-days).String())
}

// UpdateEvent changes an event's fields.
func (s *Store) UpdateEvent(ctx context.Context, a Actor, e *timeline.Event, reason string) error {
	if err := e.Validate(); err != nil {
		return err
	}
	var err error
	if e.Country, err = s.countries.Code("country", e.Country); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindEvent, "events", e.ID, reason,
		`title = ?, kind = ?, date = ?, precision = ?, end_date = ?, country = ?, summary = ?`,
		e.Title, e.Kind, e.Date, e.Precision, nullDate(e.EndDate), nullStr(e.Country), e.Summary)
}
