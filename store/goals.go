package store

import (
	"context"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreateGoal stores a goal stated for a trip.
func (s *Store) CreateGoal(ctx context.Context, a Actor, g *timeline.Goal) error {
	return s.write(ctx, a, func(t *tx) error { return t.createGoal(g) })
}

func (t *tx) createGoal(g *timeline.Goal) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return t.add(timeline.KindGoal, &g.ID, `INSERT INTO goals(trip_id, text, stated_by, outcome, status, seq)
		VALUES (?, ?, ?, ?, ?, (SELECT count(*) FROM goals WHERE trip_id = ?))`, g.TripID, g.Text, nullID(g.StatedByID), g.Outcome, g.Status, g.TripID)
}

// GoalsOfTrip returns a trip's stated goals in the order entered; drafts
// only when drafts is set.
func (s *Store) GoalsOfTrip(ctx context.Context, tripID int64, drafts bool) ([]timeline.Goal, error) {
	return list(ctx, s.r, func(g *timeline.Goal) []any {
		return []any{&g.ID, &g.TripID, &g.Text, &g.StatedByID, &g.StatedBy, &g.Outcome, &g.Status}
	}, `SELECT g.id, g.trip_id, g.text, coalesce(g.stated_by, 0), coalesce(p.name, ''), g.outcome, g.status
		FROM goals g LEFT JOIN people p ON p.id = g.stated_by
		WHERE g.trip_id = ? AND g.deleted_at IS NULL AND (g.status = 'published' OR ?) ORDER BY g.seq, g.id`, tripID, drafts)
}

// UpdateGoal changes a goal's words, who stated it and its outcome.
func (s *Store) UpdateGoal(ctx context.Context, a Actor, g *timeline.Goal, reason string) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindGoal, "goals", g.ID, reason, `text = ?, stated_by = ?, outcome = ?`, g.Text, nullID(g.StatedByID), g.Outcome)
}

// Goal returns one goal.
func (s *Store) Goal(ctx context.Context, id int64) (*timeline.Goal, error) {
	return one(ctx, s.r, "Goal "+strconv.FormatInt(id, 10), func(g *timeline.Goal) []any {
		return []any{&g.ID, &g.TripID, &g.Text, &g.StatedByID, &g.StatedBy, &g.Outcome}
	}, `SELECT g.id, g.trip_id, g.text, coalesce(g.stated_by, 0), coalesce(p.name, ''), g.outcome
		FROM goals g LEFT JOIN people p ON p.id = g.stated_by WHERE g.id = ? AND g.deleted_at IS NULL`, id)
}
