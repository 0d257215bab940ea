package store

import (
	"context"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreateGoal stores a goal stated for a trip.
func (s *Store) CreateGoal(ctx context.Context, a Actor, g *timeline.Goal) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error { return t.createGoal(g) })
}

func (t *tx) createGoal(g *timeline.Goal) error {
	if err := g.Validate(); err != nil {
		return err
	}
	id, err := t.insert(`INSERT INTO goals(trip_id, text, stated_by, outcome, status, seq)
		VALUES (?, ?, ?, ?, ?, (SELECT count(*) FROM goals WHERE trip_id = ?))`, g.TripID, g.Text, nullID(g.StatedByID), g.Outcome, g.Status, g.TripID)
	if err != nil {
		return err
	}
	g.ID = id
	if err := t.reviseRow(timeline.KindGoal, "goals", id, "create", nil, ""); err != nil {
		return err
	}
	return t.refreshFor(timeline.KindGoal, id)
}

// GoalsOfTrip returns a trip's stated goals in the order entered; drafts
// only when drafts is set.
func (s *Store) GoalsOfTrip(ctx context.Context, tripID int64, drafts bool) ([]timeline.Goal, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT g.id, g.trip_id, g.text, coalesce(g.stated_by, 0), coalesce(p.name, ''), g.outcome, g.status
		FROM goals g LEFT JOIN people p ON p.id = g.stated_by
		WHERE g.trip_id = ? AND g.deleted_at IS NULL AND (g.status = 'published' OR ?) ORDER BY g.seq, g.id`, tripID, drafts)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []timeline.Goal
	for rows.Next() {
		var g timeline.Goal
		if err := rows.Scan(&g.ID, &g.TripID, &g.Text, &g.StatedByID, &g.StatedBy, &g.Outcome, &g.Status); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// CreateQuote stores words said by a person.
func (s *Store) CreateQuote(ctx context.Context, a Actor, q *timeline.Quote) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error { return t.createQuote(q) })
}

func (t *tx) createQuote(q *timeline.Quote) error {
	if err := q.Validate(); err != nil {
		return err
	}
	id, err := t.insert(`INSERT INTO quotes(person_id, date, trip_id, stop_id, meeting_id, text, status) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		q.PersonID, q.Date, nullID(q.TripID), nullID(q.StopID), nullID(q.MeetingID), q.Text, q.Status)
	if err != nil {
		return err
	}
	q.ID = id
	if err := t.reviseRow(timeline.KindQuote, "quotes", id, "create", nil, ""); err != nil {
		return err
	}
	return t.refreshFor(timeline.KindQuote, id)
}

// QuotesOfTrip returns the quotes said on a trip, in date order; drafts
// only when drafts is set.
func (s *Store) QuotesOfTrip(ctx context.Context, tripID int64, drafts bool) ([]timeline.Quote, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT q.id, q.person_id, p.name, p.slug, q.date, coalesce(q.trip_id, 0), coalesce(q.stop_id, 0), coalesce(q.meeting_id, 0), q.text, q.status
		FROM quotes q JOIN people p ON p.id = q.person_id
		WHERE q.trip_id = ? AND q.deleted_at IS NULL AND (q.status = 'published' OR ?) ORDER BY q.date, q.id`, tripID, drafts)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []timeline.Quote
	for rows.Next() {
		var q timeline.Quote
		if err := rows.Scan(&q.ID, &q.PersonID, &q.PersonName, &q.PersonSlug, &q.Date, &q.TripID, &q.StopID, &q.MeetingID, &q.Text, &q.Status); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}
