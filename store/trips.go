package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreateTrip stores a trip with its stops in one transaction. The
// traveller is PersonID or, when that is zero, PersonSlug.
func (s *Store) CreateTrip(ctx context.Context, a Actor, trip *timeline.Trip) error {
	if err := trip.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error { return t.createTrip(s, trip) })
}

// CreateTripUnlessSimilar is CreateTrip, unless the traveller has a trip
// on record whose dates overlap: then nothing is stored, and those trips
// are returned for the curator to open (or to say it is another trip).
// The look is in the write's transaction, so two curators entering one
// trip at once cannot both pass it.
func (s *Store) CreateTripUnlessSimilar(ctx context.Context, a Actor, trip *timeline.Trip) ([]Similar, error) {
	if err := trip.Validate(); err != nil {
		return nil, err
	}
	var similar []Similar
	err := s.write(ctx, a, func(t *tx) error {
		var err error
		start, end := timeline.StopsSpan(trip.Stops)
		if similar, err = tripsOverlapping(t.ctx, t, trip.PersonSlug, start, end); err != nil || len(similar) > 0 {
			return err
		}
		return t.createTrip(s, trip)
	})
	return similar, err
}

func (t *tx) createTrip(s *Store, trip *timeline.Trip) error {
	if err := trip.Validate(); err != nil {
		return err
	}
	if trip.PersonID == 0 && trip.PersonSlug == "" && trip.PersonName != "" {
		// A new traveller typed into the trip form: a draft while the
		// trip is, published with it.
		p := &timeline.Person{Name: trip.PersonName, Status: trip.Status}
		if err := p.Validate(); err != nil {
			return &timeline.Error{Code: timeline.EInvalid, Field: "new_person", Message: timeline.ErrorMessage(err)}
		}
		if err := t.createNamedPerson(p); err != nil {
			return err
		}
		trip.PersonID, trip.PersonSlug = p.ID, p.Slug
	}
	if trip.PersonID == 0 {
		id, err := t.personIDBySlug(trip.PersonSlug)
		if err != nil {
			return err
		}
		trip.PersonID = id
	}
	if err := s.resolveStops(trip); err != nil {
		return err
	}
	id, err := t.insert(`INSERT INTO trips(person_id, title, summary, start_date, end_date, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, trip.PersonID, trip.Title, trip.Summary, trip.Start, trip.End, trip.Status, t.now, t.now)
	if err != nil {
		return err
	}
	trip.ID = id
	for i := range trip.Stops {
		st := &trip.Stops[i]
		st.TripID, st.PersonID = id, trip.PersonID
		st.ID = 0
		if err := t.insertStop(st, ""); err != nil {
			return stopConflict(i, err)
		}
	}
	if err := t.revise(timeline.KindTrip, id, "create", nil, trip, ""); err != nil {
		return err
	}
	return t.refreshTrip(s, id)
}

func (t *tx) tripStops(tripID int64) ([]timeline.Stop, error) {
	rows, err := t.QueryContext(t.ctx, `SELECT `+stopCols+` FROM stops WHERE trip_id = ? ORDER BY seq, id`, tripID)
	if err != nil {
		return nil, err
	}
	return scanStops(rows)
}

// insertStop stores a stop of a trip (its TripID and PersonID set) and
// sets its id; a stop that has one (a bundle's, loaded into an empty
// record) keeps it. hash marks a stop of the Office of the Historian's
// record ("" for the others). Every stop is written here but for the
// synthetic record of "timeline gen", which prepares its own statement for
// speed.
func (t *tx) insertStop(st *timeline.Stop, hash string) error {
	id, err := t.insert(`INSERT INTO stops(id, trip_id, person_id, seq, country, locality, start_date, end_date, remarks, ref, import_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, nullID(st.ID), st.TripID, st.PersonID, st.Seq, st.Country, st.Locality, st.Start, st.End, st.Remarks, st.Ref, hash)
	if err == nil {
		st.ID = id
	}
	return err
}

// updateStop writes a stop of a trip edited (its PersonID set: a trip may
// change traveller) back to its row.
func (t *tx) updateStop(st *timeline.Stop) error {
	_, err := t.exec(`UPDATE stops SET person_id = ?, seq = ?, country = ?, locality = ?, start_date = ?, end_date = ?, remarks = ?, ref = ? WHERE id = ?`,
		st.PersonID, st.Seq, st.Country, st.Locality, st.Start, st.End, st.Remarks, st.Ref, st.ID)
	return err
}

// stopConflict is a curator's message for the i-th stop of a trip that the
// traveller already has on another.
func stopConflict(i int, err error) error {
	if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
		return &timeline.Error{Code: timeline.EConflict, Field: "stops." + strconv.Itoa(i) + ".country",
			Message: "The traveller already has this stop (same dates, country and locality) on another trip."}
	}
	return err
}

const stopCols = `id, trip_id, person_id, seq, country, locality, start_date, end_date, remarks, ref`

// stopColsOf is stopCols of the stops table under an alias, for a join.
func stopColsOf(alias string) string {
	return alias + "." + strings.ReplaceAll(stopCols, ", ", ", "+alias+".")
}

// stopDest is where stopCols are scanned to.
func stopDest(st *timeline.Stop) []any {
	return []any{&st.ID, &st.TripID, &st.PersonID, &st.Seq, &st.Country, &st.Locality, &st.Start, &st.End, &st.Remarks, &st.Ref}
}

func scanStops(rows *sql.Rows) ([]timeline.Stop, error) {
	defer rows.Close()
	var out []timeline.Stop
	for rows.Next() {
		var st timeline.Stop
		if err := rows.Scan(stopDest(&st)...); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Trip returns a trip with its stops. Drafts are returned only when drafts
// is set; a deleted trip is not found.
func (s *Store) Trip(ctx context.Context, id int64, drafts bool) (*timeline.Trip, error) {
	var trip timeline.Trip
	err := s.r.QueryRowContext(ctx, `SELECT t.id, t.person_id, p.slug, p.name, t.title, t.summary, t.status, t.start_date, t.end_date
		FROM trips t JOIN people p ON p.id = t.person_id
		WHERE t.id = ? AND t.deleted_at IS NULL AND (t.status = 'published' OR ?)`, id, drafts).
		Scan(&trip.ID, &trip.PersonID, &trip.PersonSlug, &trip.PersonName, &trip.Title, &trip.Summary, &trip.Status, &trip.Start, &trip.End)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Trip " + strconv.FormatInt(id, 10))
	} else if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+stopCols+` FROM stops WHERE trip_id = ? ORDER BY seq, id`, id)
	if err != nil {
		return nil, err
	}
	if trip.Stops, err = scanStops(rows); err != nil {
		return nil, err
	}
	if trip.Title == "" {
		trip.Title = s.tripTitle(trip.Countries())
	}
	return &trip, nil
}

// TravellerStops returns every published stop of a traveller's published
// trips, in date order: the input of the counters.
func (s *Store) TravellerStops(ctx context.Context, personID int64) ([]timeline.Stop, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+stopColsOf("s")+`
		FROM stops s JOIN trips t ON t.id = s.trip_id
		WHERE s.person_id = ? AND t.status = 'published' AND t.deleted_at IS NULL
		ORDER BY s.start_date, s.end_date, s.id`, personID)
	if err != nil {
		return nil, err
	}
	return scanStops(rows)
}

// resolveStops replaces each stop's country, as typed or imported, by its
// canonical code.
func (s *Store) resolveStops(trip *timeline.Trip) error {
	for i := range trip.Stops {
		st := &trip.Stops[i]
		code, err := s.countries.Code("stops."+strconv.Itoa(i)+".country", st.Country)
		if err != nil {
			return err
		}
		if code == "" {
			return timeline.FieldErrorf("stops."+strconv.Itoa(i)+".country", "Enter the stop's country.")
		}
		st.Country = code
	}
	return nil
}

// TripFacts is everything a trip's page tells: the trip and its facts,
// each fact's citations, the counters of its traveller (and those its
// claims are counted by), the events around it, and the record's versions
// of its stops.
type TripFacts struct {
	Trip     *timeline.Trip
	Deleted  bool
	Meetings []timeline.Meeting
	Goals    []timeline.Goal
	Quotes   []timeline.Quote
	Claims   []timeline.Claim
	// Counters are the traveller's; ClaimCounters the counter of each
	// claim, by id (a traveller's own or another's; a deleted one is
	// missing, and its claim has nothing to be checked by).
	Counters      []timeline.Counter
	ClaimCounters map[int64]timeline.Counter
	Around        []timeline.Event
	Citations     Citations
	Versions      map[int64]RecordVersion
}

// tripAroundDays is how far before and after a trip its page lists events.
const tripAroundDays = 30

// TripFacts reads what a trip's page tells. A curator's includes drafts
// and a deleted trip; a reader's only what is published.
func (s *Store) TripFacts(ctx context.Context, id int64, curator bool) (*TripFacts, error) {
	f := &TripFacts{Citations: Citations{}, ClaimCounters: map[int64]timeline.Counter{}}
	var err error
	if curator {
		f.Trip, f.Deleted, err = s.TripForCurator(ctx, id)
	} else {
		f.Trip, err = s.Trip(ctx, id, false)
	}
	if err != nil {
		return nil, err
	}
	if f.Meetings, err = s.MeetingsOfTrip(ctx, id, curator); err != nil {
		return nil, err
	}
	if f.Goals, err = s.GoalsOfTrip(ctx, id, curator); err != nil {
		return nil, err
	}
	if f.Quotes, err = s.QuotesOfTrip(ctx, id, curator); err != nil {
		return nil, err
	}
	if f.Claims, err = s.ClaimsOfTrip(ctx, id, curator); err != nil {
		return nil, err
	}
	if curator {
		f.Counters, err = s.CountersForCurator(ctx, f.Trip.PersonID)
	} else {
		f.Counters, err = s.CountersOf(ctx, f.Trip.PersonID)
	}
	if err != nil {
		return nil, err
	}
	if err := f.claimCounters(ctx, s, curator); err != nil {
		return nil, err
	}
	if f.Around, err = s.EventsAround(ctx, timeline.Range{Start: f.Trip.Start, End: f.Trip.End}, tripAroundDays); err != nil {
		return nil, err
	}
	stopIDs := make([]int64, len(f.Trip.Stops))
	for i, st := range f.Trip.Stops {
		stopIDs[i] = st.ID
	}
	for kind, ids := range map[timeline.Kind][]int64{
		timeline.KindTrip: {id}, timeline.KindStop: stopIDs, timeline.KindMeeting: idsOf(f.Meetings, func(m timeline.Meeting) int64 { return m.ID }),
		timeline.KindGoal: idsOf(f.Goals, func(g timeline.Goal) int64 { return g.ID }), timeline.KindQuote: idsOf(f.Quotes, func(q timeline.Quote) int64 { return q.ID }),
		timeline.KindClaim: idsOf(f.Claims, func(c timeline.Claim) int64 { return c.ID }),
	} {
		if err := s.CitationsFor(ctx, kind, ids, f.Citations); err != nil {
			return nil, err
		}
	}
	if f.Versions, err = s.RecordVersions(ctx, stopIDs); err != nil {
		return nil, err
	}
	return f, nil
}

// claimCounters maps each claim's counter by id: the traveller's own are
// at hand, another's is read; a deleted one is left out.
func (f *TripFacts) claimCounters(ctx context.Context, s *Store, curator bool) error {
	own := map[int64]timeline.Counter{}
	for _, c := range f.Counters {
		own[c.ID] = c
	}
	for _, cl := range f.Claims {
		if c, ok := own[cl.CounterID]; ok {
			f.ClaimCounters[c.ID] = c
			continue
		}
		k, err := s.CounterFor(ctx, cl.CounterID, curator)
		if timeline.ErrorCode(err) == timeline.ENotFound {
			continue
		} else if err != nil {
			return err
		}
		f.ClaimCounters[k.ID] = *k
	}
	return nil
}

// idsOf lists the ids of records.
func idsOf[T any](xs []T, id func(T) int64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}
