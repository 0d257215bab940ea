package store

import (
	"context"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Draft is a record waiting to be published: only curators see it.
type Draft struct {
	Kind   timeline.Kind
	ID     int64
	Label  string
	TripID int64 // the trip it is on, 0 for none
	// TripTitle names that trip.
	TripTitle string
}

// Path is the draft's place: a fact of a trip on its trip's page.
func (d Draft) Path() string {
	if d.TripID != 0 && d.Kind != timeline.KindTrip {
		return timeline.RecordPath(timeline.KindTrip, d.TripID) + "#" + string(d.Kind) + "-" + strconv.FormatInt(d.ID, 10)
	}
	if d.Kind == timeline.KindPerson {
		return "" // a person's page is by slug; Label names them
	}
	return timeline.RecordPath(d.Kind, d.ID)
}

// draftsQuery lists the drafts of every kind that has them (not deleted),
// with the trip each is on: trips, the facts of trips, events, counters
// and people.
const draftsQuery = `
	SELECT 'trip' AS kind, t.id AS id, coalesce(nullif(e.title, ''), nullif(t.title, ''), 'Trip ' || t.id) AS label, t.id AS trip
		FROM trips t LEFT JOIN entries e ON e.kind = 'trip' AND e.record_id = t.id WHERE t.status = 'draft' AND t.deleted_at IS NULL
	UNION ALL SELECT 'meeting', id, title, coalesce(trip_id, 0) FROM meetings WHERE status = 'draft' AND deleted_at IS NULL
	UNION ALL SELECT 'goal', id, text, trip_id FROM goals WHERE status = 'draft' AND deleted_at IS NULL
	UNION ALL SELECT 'quote', id, substr(text, 1, 100), trip_id FROM quotes WHERE status = 'draft' AND deleted_at IS NULL
	UNION ALL SELECT 'claim', id, text, trip_id FROM claims WHERE status = 'draft' AND deleted_at IS NULL
	UNION ALL SELECT 'event', id, title, 0 FROM events WHERE status = 'draft' AND deleted_at IS NULL
	UNION ALL SELECT 'counter', c.id, coalesce(nullif(c.label, ''), 'counter ' || c.id) || ' (' || p.name || ')', 0
		FROM counters c JOIN people p ON p.id = c.person_id WHERE c.status = 'draft' AND c.deleted_at IS NULL
	UNION ALL SELECT 'person', id, name, 0 FROM people WHERE status = 'draft' AND deleted_at IS NULL`

// draftsSelect is draftsQuery with the title of each fact's trip.
const draftsSelect = `SELECT d.kind, d.id, d.label, d.trip, coalesce((SELECT coalesce(nullif(e.title, ''), nullif(t.title, ''), 'Trip ' || t.id)
		FROM trips t LEFT JOIN entries e ON e.kind = 'trip' AND e.record_id = t.id WHERE t.id = d.trip), '') AS trip_title
	FROM (` + draftsQuery + `) d`

func draftDest(d *Draft) []any { return []any{&d.Kind, &d.ID, &d.Label, &d.TripID, &d.TripTitle} }

// Drafts lists every draft of every kind, the facts of a trip after it.
func (s *Store) Drafts(ctx context.Context) ([]Draft, error) {
	return list(ctx, s.r, draftDest, draftsSelect+` ORDER BY d.trip = 0, d.trip DESC, d.kind <> 'trip', d.kind, d.id LIMIT 1000`)
}

// tripDraftsQuery lists what publishing a trip whole publishes: the trip,
// the facts on it, the counters its claims are checked by, and the people
// made for it (its traveller, its meetings' participants, the people it
// quotes and who stated its goals), each while a draft.
const tripDraftsQuery = draftsSelect + ` WHERE (d.kind IN ('trip', 'meeting', 'goal', 'quote', 'claim') AND d.trip = ?1)
	OR (d.kind = 'counter' AND d.id IN (SELECT counter_id FROM claims WHERE trip_id = ?1 AND deleted_at IS NULL))
	OR (d.kind = 'person' AND d.id IN (SELECT person_id FROM trips WHERE id = ?1
		UNION SELECT x.person_id FROM participants x JOIN meetings m ON m.id = x.meeting_id WHERE m.trip_id = ?1 AND m.deleted_at IS NULL
		UNION SELECT person_id FROM quotes WHERE trip_id = ?1 AND deleted_at IS NULL
		UNION SELECT stated_by FROM goals WHERE trip_id = ?1 AND deleted_at IS NULL))
	ORDER BY d.kind <> 'trip', d.kind, d.id`

// TripDrafts lists what publishing the trip whole would publish.
func (s *Store) TripDrafts(ctx context.Context, tripID int64) ([]Draft, error) {
	if _, _, err := s.TripForCurator(ctx, tripID); err != nil {
		return nil, err
	}
	return list(ctx, s.r, draftDest, tripDraftsQuery, tripID)
}

// PublishTripWhole publishes a trip with everything on it that TripDrafts
// lists, in one transaction, and returns what it published.
func (s *Store) PublishTripWhole(ctx context.Context, a Actor, tripID int64) ([]Draft, error) {
	var done []Draft
	err := s.write(ctx, a, func(t *tx) error {
		if _, err := t.liveTrip(tripID, "Trip %d is deleted; restore it first."); err != nil {
			return err
		}
		drafts, err := list(t.ctx, t, draftDest, tripDraftsQuery, tripID)
		if err != nil {
			return err
		}
		for _, d := range drafts {
			if d.Kind == timeline.KindTrip {
				err = t.setTripStatus(d.ID, timeline.Published)
			} else {
				err = t.setStatus(d.Kind, d.Kind.Info().Table, d.ID, timeline.Published)
			}
			if err != nil {
				return err
			}
		}
		done = drafts
		return nil
	})
	return done, err
}

// DraftTripsSince counts a traveller's draft trips (not deleted) starting
// on or after since: what a counter does not number until published.
func (s *Store) DraftTripsSince(ctx context.Context, personID int64, since timeline.Date) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM trips WHERE person_id = ? AND status = 'draft' AND deleted_at IS NULL AND start_date >= ?`,
		personID, since).Scan(&n)
	return n, err
}
