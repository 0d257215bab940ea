package store

import (
	"context"
	"github.com/diplomatic-travel/tracker/timeline"
	"strconv"
)

// UpdateQuote changes a quote's speaker, date, stop and words.
func (s *Store) UpdateQuote(ctx context.Context, a Actor, q *timeline.Quote, reason string) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindQuote, "quotes", q.ID, reason, `person_id = ?, date = ?, stop_id = ?, text = ?`,
		q.PersonID, q.Date, nullID(q.StopID), q.Text)
}

// Quote returns one quote.
func (s *Store) Quote(ctx context.Context, id int64) (*timeline.Quote, error) {
	return one(ctx, s.r, "Quote "+strconv.FormatInt(id, 10), func(q *timeline.Quote) []any {
		return []any{&q.ID, &q.PersonID, &q.PersonName, &q.PersonSlug, &q.Date, &q.TripID, &q.StopID, &q.MeetingID, &q.Text}
	}, `SELECT q.id, q.person_id, p.name, p.slug, q.date, coalesce(q.trip_id, 0), coalesce(q.stop_id, 0), coalesce(q.meeting_id, 0), q.text
		FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.id = ? AND q.deleted_at IS NULL`, id)
}

// CreateQuote stores words said by a person.
func (s *Store) CreateQuote(ctx context.Context, a Actor, q *timeline.Quote) error {
	return s.write(ctx, a, func(t *tx) error { return t.createQuote(q) })
}

func (t *tx) createQuote(q *timeline.Quote) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return t.add(timeline.KindQuote, &q.ID, `INSERT INTO quotes(person_id, date, trip_id, stop_id, meeting_id, text, status) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		q.PersonID, q.Date, nullID(q.TripID), nullID(q.StopID), nullID(q.MeetingID), q.Text, q.Status)
}

// QuotesOfTrip returns the quotes said on a trip, in date order; drafts
// only when drafts is set.
func (s *Store) QuotesOfTrip(ctx context.Context, tripID int64, drafts bool) ([]timeline.Quote, error) {
	return list(ctx, s.r, func(q *timeline.Quote) []any {
		return []any{&q.ID, &q.PersonID, &q.PersonName, &q.PersonSlug, &q.Date, &q.TripID, &q.StopID, &q.MeetingID, &q.Text, &q.Status}
	}, `SELECT q.id, q.person_id, p.name, p.slug, q.date, coalesce(q.trip_id, 0), coalesce(q.stop_id, 0), coalesce(q.meeting_id, 0), q.text, q.status
		FROM quotes q JOIN people p ON p.id = q.person_id
		WHERE q.trip_id = ? AND q.deleted_at IS NULL AND (q.status = 'published' OR ?) ORDER BY q.date, q.id`, tripID, drafts)
}
