package store

import (
	"context"
	"github.com/diplomatic-travel/tracker/timeline"
	"strconv"
)

// UpdateClaim changes a claim's counter, stated number and words.
func (s *Store) UpdateClaim(ctx context.Context, a Actor, c *timeline.Claim, reason string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindClaim, "claims", c.ID, reason,
		`counter_id = ?, stated = ?, text = ?`, c.CounterID, c.Stated, c.Text)
}

// Claim returns one claim, whatever its status.
func (s *Store) Claim(ctx context.Context, id int64) (*timeline.Claim, error) {
	cs, err := s.claims(ctx, `WHERE id = ? AND deleted_at IS NULL`, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, notFound("Claim " + strconv.FormatInt(id, 10))
	}
	return &cs[0], nil
}

// CreateClaimCited stores a claim with the citation of the source that
// makes it, in one transaction; the source is one on record (SourceID) or
// a new one.
//
// newCounter, when not nil, is a counter defined on the claim's form: it is
// created (a draft) in the same transaction and checks the claim.
func (s *Store) CreateClaimCited(ctx context.Context, a Actor, c *timeline.Claim, cite *timeline.Citation, newSource *timeline.Source, newCounter *timeline.Counter) error {
	if newCounter != nil {
		if err := newCounter.Validate(); err != nil {
			return err
		}
	} else if err := c.Validate(); err != nil {
		return err
	}
	if newSource != nil {
		if err := newSource.Validate(); err != nil {
			return err
		}
	}
	return s.write(ctx, a, func(t *tx) error {
		if newCounter != nil {
			if err := t.createCounter(newCounter); err != nil {
				return err
			}
			c.CounterID = newCounter.ID
			if err := c.Validate(); err != nil {
				return err
			}
		}
		var counterPerson, tripPerson int64
		if err := t.QueryRowContext(t.ctx, `SELECT person_id FROM counters WHERE id = ? AND deleted_at IS NULL`, c.CounterID).Scan(&counterPerson); err != nil {
			if isNoRows(err) {
				return timeline.FieldErrorf("counter", "There is no such counter.")
			}
			return err
		}
		if err := t.QueryRowContext(t.ctx, `SELECT person_id FROM trips WHERE id = ?`, c.TripID).Scan(&tripPerson); err != nil {
			return err
		}
		if counterPerson != tripPerson {
			return timeline.FieldErrorf("counter", "This counter numbers another traveller's trips.")
		}
		if err := t.createClaim(c); err != nil {
			return err
		}
		if cite == nil {
			return nil
		}
		if newSource != nil {
			if _, err := t.createSource(newSource); err != nil {
				return err
			}
			cite.SourceID = newSource.ID
		}
		cite.SubjectKind, cite.SubjectID = timeline.KindClaim, c.ID
		return t.cite(cite)
	})
}

// ClaimsOfTrip returns the claims about a trip, drafts only when drafts is
// set.
func (s *Store) ClaimsOfTrip(ctx context.Context, tripID int64, drafts bool) ([]timeline.Claim, error) {
	return s.claims(ctx, `WHERE trip_id = ? AND deleted_at IS NULL AND (status = 'published' OR ?) ORDER BY id`, tripID, drafts)
}

// ClaimsOfCounter returns the published claims a counter checks.
func (s *Store) ClaimsOfCounter(ctx context.Context, counterID int64) ([]timeline.Claim, error) {
	return s.claims(ctx, `WHERE counter_id = ? AND deleted_at IS NULL AND status = 'published' ORDER BY id`, counterID)
}

func (s *Store) claims(ctx context.Context, where string, args ...any) ([]timeline.Claim, error) {
	return list(ctx, s.r, func(c *timeline.Claim) []any {
		return []any{&c.ID, &c.TripID, &c.CounterID, &c.Stated, &c.Text, &c.Status}
	}, `SELECT id, trip_id, counter_id, stated, text, status FROM claims `+where, args...)
}

// ClaimsOfTrips returns the published claims about any of the trips.
func (s *Store) ClaimsOfTrips(ctx context.Context, tripIDs []int64) ([]timeline.Claim, error) {
	if len(tripIDs) == 0 {
		return nil, nil
	}
	return s.claims(ctx, `WHERE trip_id IN (`+placeholders(len(tripIDs))+`) AND deleted_at IS NULL AND status = 'published' ORDER BY id`, anys(tripIDs)...)
}

// CreateClaim stores a claim.
func (s *Store) CreateClaim(ctx context.Context, a Actor, c *timeline.Claim) error {
	return s.write(ctx, a, func(t *tx) error { return t.createClaim(c) })
}

func (t *tx) createClaim(c *timeline.Claim) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return t.add(timeline.KindClaim, &c.ID, `INSERT INTO claims(trip_id, counter_id, stated, text, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		c.TripID, c.CounterID, c.Stated, c.Text, c.Status, t.now, t.now)
}
