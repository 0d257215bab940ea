package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// tripState reads a trip and its stops inside a transaction, deleted or
// not: the "before" of a revision.
func (t *tx) tripState(id int64) (*timeline.Trip, bool, error) {
	var trip timeline.Trip
	var deleted sql.NullString
	err := t.QueryRowContext(t.ctx, `SELECT t.id, t.person_id, p.slug, p.name, t.title, t.summary, t.status, t.start_date, t.end_date, t.deleted_at
		FROM trips t JOIN people p ON p.id = t.person_id WHERE t.id = ?`, id).
		Scan(&trip.ID, &trip.PersonID, &trip.PersonSlug, &trip.PersonName, &trip.Title, &trip.Summary, &trip.Status, &trip.Start, &trip.End, &deleted)
	if isNoRows(err) {
		return nil, false, notFound("Trip " + strconv.FormatInt(id, 10))
	} else if err != nil {
		return nil, false, err
	}
	if trip.Stops, err = t.tripStops(id); err != nil {
		return nil, false, err
	}
	return &trip, deleted.Valid, nil
}

// UpdateTrip replaces a trip's fields and stops with trip's, in one
// transaction with its revision. Stops that keep their id keep their
// citations; a stop left out is removed with its citations (each recorded).
func (s *Store) UpdateTrip(ctx context.Context, a Actor, trip *timeline.Trip, reason string) error {
	if err := trip.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error { return t.updateTrip(s, trip, reason, "update") })
}

func (t *tx) updateTrip(s *Store, trip *timeline.Trip, reason, action string) error {
	before, err := t.liveTrip(trip.ID, "Trip %d is deleted; restore it before editing it.")
	if err != nil {
		return err
	}
	if trip.PersonID == 0 {
		if trip.PersonID, err = t.personIDBySlug(trip.PersonSlug); err != nil {
			return err
		}
	}
	if trip.Status == "" {
		trip.Status = before.Status
	}
	if err := s.resolveStops(trip); err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE trips SET person_id = ?, title = ?, summary = ?, start_date = ?, end_date = ?, status = ?, updated_at = ? WHERE id = ?`,
		trip.PersonID, trip.Title, trip.Summary, trip.Start, trip.End, trip.Status, t.now, trip.ID); err != nil {
		return err
	}
	keep := map[int64]bool{}
	old := map[int64]bool{}
	for _, st := range before.Stops {
		old[st.ID] = true
	}
	for _, st := range trip.Stops {
		if old[st.ID] {
			keep[st.ID] = true
		}
	}
	for _, st := range before.Stops {
		if keep[st.ID] {
			continue
		}
		if err := t.dropCitations(timeline.KindStop, st.ID); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM stops WHERE id = ?`, st.ID); err != nil {
			return err
		}
	}
	for i := range trip.Stops {
		st := &trip.Stops[i]
		st.TripID, st.PersonID = trip.ID, trip.PersonID
		if keep[st.ID] {
			err = t.updateStop(st)
		} else {
			st.ID = 0 // a new stop, or one of another trip: a new row
			err = t.insertStop(st, "")
		}
		if err != nil {
			return stopConflict(i, err)
		}
	}
	after, _, err := t.tripState(trip.ID)
	if err != nil {
		return err
	}
	if err := t.revise(timeline.KindTrip, trip.ID, action, before, after, reason); err != nil {
		return err
	}
	return t.refreshTrip(s, trip.ID)
}

// dropCitations removes the citations of a fact, each with a revision, so
// that a removed citation can be seen and put back.
func (t *tx) dropCitations(kind timeline.Kind, id int64) error {
	rows, err := t.QueryContext(t.ctx, `SELECT id, source_id, passage FROM citations WHERE subject_kind = ? AND subject_id = ?`, kind, id)
	if err != nil {
		return err
	}
	var cs []timeline.Citation
	for rows.Next() {
		c := timeline.Citation{SubjectKind: kind, SubjectID: id}
		if err := rows.Scan(&c.ID, &c.SourceID, &c.Passage); err != nil {
			rows.Close()
			return err
		}
		cs = append(cs, c)
	}
	rows.Close()
	for _, c := range cs {
		if _, err := t.exec(`DELETE FROM citations WHERE id = ?`, c.ID); err != nil {
			return err
		}
		if err := t.revise(timeline.KindCitation, c.ID, "delete", c, nil, "its "+string(kind)+" was removed"); err != nil {
			return err
		}
	}
	return nil
}

// SetTripStatus publishes a trip (or returns it to draft).
func (s *Store) SetTripStatus(ctx context.Context, a Actor, id int64, status timeline.Status) error {
	if !status.Valid() {
		return timeline.FieldErrorf("status", "The status is draft or published.")
	}
	return s.write(ctx, a, func(t *tx) error { return t.setTripStatus(id, status) })
}

// setTripStatus is SetTripStatus in a transaction.
func (t *tx) setTripStatus(id int64, status timeline.Status) error {
	before, err := t.liveTrip(id, "Trip %d is deleted; restore it first.")
	if err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE trips SET status = ?, updated_at = ? WHERE id = ?`, status, t.now, id); err != nil {
		return err
	}
	after := *before
	after.Status = status
	action := "update"
	if status == timeline.Published {
		action = "publish"
	}
	if err := t.revise(timeline.KindTrip, id, action, before, &after, ""); err != nil {
		return err
	}
	if status == timeline.Published {
		// A traveller made with the trip is published with it.
		if err := t.publishPeople(`SELECT person_id FROM trips WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return t.refreshTrip(t.store, id)
}

// DeleteTrip marks a trip deleted: it leaves every page and export but is
// kept, with its stops and citations, until restored.
func (s *Store) DeleteTrip(ctx context.Context, a Actor, id int64, reason string) error {
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.liveTrip(id, "Trip %d is already deleted.")
		if err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE trips SET deleted_at = ?, updated_at = ? WHERE id = ?`, t.now, t.now, id); err != nil {
			return err
		}
		if err := t.revise(timeline.KindTrip, id, "delete", before, nil, reason); err != nil {
			return err
		}
		return t.refreshTrip(s, id)
	})
}

// RestoreTrip undeletes a trip.
func (s *Store) RestoreTrip(ctx context.Context, a Actor, id int64) error {
	return s.write(ctx, a, func(t *tx) error {
		before, deleted, err := t.tripState(id)
		if err != nil {
			return err
		}
		if !deleted {
			return timeline.Errorf(timeline.EConflict, "Trip %d is not deleted.", id)
		}
		if _, err := t.exec(`UPDATE trips SET deleted_at = NULL, updated_at = ? WHERE id = ?`, t.now, id); err != nil {
			return err
		}
		if err := t.revise(timeline.KindTrip, id, "restore", nil, before, ""); err != nil {
			return err
		}
		return t.refreshTrip(s, id)
	})
}

// RestoreTripRevision puts a trip back as it was after revision revID. Its
// status stays as it is now: a restore never publishes a trip or takes it
// off the public site (which its own buttons do, and say).
func (s *Store) RestoreTripRevision(ctx context.Context, a Actor, tripID, revID int64) error {
	var after sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT after FROM revisions WHERE id = ? AND kind = 'trip' AND record_id = ?`, revID, tripID).Scan(&after)
	if isNoRows(err) || (err == nil && !after.Valid) {
		return timeline.Errorf(timeline.ENotFound, "Trip %d has no version %d to restore.", tripID, revID)
	} else if err != nil {
		return err
	}
	var trip timeline.Trip
	if err := json.Unmarshal([]byte(after.String), &trip); err != nil {
		return err
	}
	trip.ID = tripID
	if err := trip.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		now, err := t.liveTrip(tripID, "Trip %d is deleted; restore it before restoring a version of it.")
		if err != nil {
			return err
		}
		trip.Status = now.Status
		// Stops that no longer exist come back as new stops.
		for i := range trip.Stops {
			var n int
			if err := t.QueryRowContext(ctx, `SELECT count(*) FROM stops WHERE id = ? AND trip_id = ?`, trip.Stops[i].ID, tripID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				trip.Stops[i].ID = 0
			}
		}
		return t.updateTrip(s, &trip, "restored the version of revision "+strconv.FormatInt(revID, 10), "restore")
	})
}

// TripForCurator returns a trip whatever its status, and whether it is
// deleted.
func (s *Store) TripForCurator(ctx context.Context, id int64) (*timeline.Trip, bool, error) {
	var trip *timeline.Trip
	var deleted bool
	err := s.readTx(ctx, func(t *tx) error {
		var err error
		trip, deleted, err = t.tripState(id)
		return err
	})
	if err == nil && trip.Title == "" {
		trip.Title = s.tripTitle(trip.Countries())
	}
	return trip, deleted, err
}

// readTx runs fn in a read-only transaction on the reader pool, so helpers
// written for transactions can serve reads too.
func (s *Store) readTx(ctx context.Context, fn func(*tx) error) error {
	sqlTx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer sqlTx.Rollback()
	return fn(&tx{Tx: sqlTx, ctx: ctx})
}

// liveTrip is tripState of a trip that is not deleted; a deleted one is a
// conflict, said by msg (a format of the trip's id).
func (t *tx) liveTrip(id int64, msg string) (*timeline.Trip, error) {
	before, deleted, err := t.tripState(id)
	if err == nil && deleted {
		err = timeline.Errorf(timeline.EConflict, msg, id)
	}
	return before, err
}
