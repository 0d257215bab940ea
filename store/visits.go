package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// TripsOfPerson lists a traveller's published trips, newest first, at most
// limit of them.
func (s *Store) TripsOfPerson(ctx context.Context, personID int64, limit int) ([]timeline.TripRef, error) {
	var out []timeline.TripRef
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var t timeline.TripRef
		var countries string
		if err := scan(&t.ID, &t.Title, &t.Start, &t.End, &countries); err != nil {
			return err
		}
		t.Countries = strings.Fields(countries)
		out = append(out, t)
		return nil
	}, `SELECT e.record_id, e.title, e.start_date, e.end_date, e.countries
		FROM entries e WHERE e.person_id = ? AND e.kind = 'trip' AND e.status = 'published'
		ORDER BY e.start_date DESC, e.id DESC LIMIT ?`, personID, limit)
	return out, err
}

// Visit is a stop in a country, with its trip and traveller.
type Visit struct {
	Stop       timeline.Stop
	TripTitle  string
	PersonSlug string
	PersonName string
}

// VisitsTo lists published stops in a country, newest first, at most limit.
func (s *Store) VisitsTo(ctx context.Context, country string, limit int) ([]Visit, error) {
	var out []Visit
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var v Visit
		st := &v.Stop
		if err := scan(append(stopDest(st), &v.TripTitle, &v.PersonSlug, &v.PersonName)...); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	}, `SELECT `+stopColsOf("st")+`, e.title, p.slug, p.name
		FROM stops st JOIN entries e ON e.kind = 'trip' AND e.record_id = st.trip_id AND e.status = 'published'
		JOIN people p ON p.id = st.person_id
		WHERE st.country = ? ORDER BY st.start_date DESC, st.id DESC LIMIT ?`, country, limit)
	return out, err
}

// CountVisits returns the number of published stops in a country.
func (s *Store) CountVisits(ctx context.Context, country string) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM stops st JOIN trips t ON t.id = st.trip_id
		WHERE st.country = ? AND t.status = 'published' AND t.deleted_at IS NULL`, country).Scan(&n)
	return n, err
}

// TripTitles maps a traveller's published trip ids to their titles.
func (s *Store) TripTitles(ctx context.Context, personID int64) (map[int64]string, error) {
	out := map[int64]string{}
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var id int64
		var t string
		if err := scan(&id, &t); err != nil {
			return err
		}
		out[id] = t
		return nil
	}, `SELECT record_id, title FROM entries WHERE person_id = ? AND kind = 'trip' AND status = 'published'`, personID)
	return out, err
}

// TripOf returns the trip a stop, goal, quote or claim belongs to, so that
// its permalink can lead to its place on the trip's page.
func (s *Store) TripOf(ctx context.Context, kind timeline.Kind, id int64) (int64, error) {
	info := kind.Info()
	if !info.OnTrip {
		return 0, notFound("A " + string(kind))
	}
	table := info.Table
	var tripID int64
	err := s.r.QueryRowContext(ctx, `SELECT coalesce(trip_id, 0) FROM `+table+` WHERE id = ?`, id).Scan(&tripID)
	if isNoRows(err) || (err == nil && tripID == 0) {
		return 0, notFound("The " + string(kind) + " " + strconv.FormatInt(id, 10))
	}
	return tripID, err
}

// DraftTrips lists trips not yet published, newest first.
func (s *Store) DraftTrips(ctx context.Context) ([]timeline.TripRef, error) {
	return s.tripList(ctx, `t.status = 'draft' AND t.deleted_at IS NULL`)
}

// DeletedTrips lists deleted trips, most recently deleted first.
func (s *Store) DeletedTrips(ctx context.Context) ([]timeline.TripRef, error) {
	return s.tripList(ctx, `t.deleted_at IS NOT NULL`)
}

func (s *Store) tripList(ctx context.Context, where string) ([]timeline.TripRef, error) {
	var out []timeline.TripRef
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var ts timeline.TripRef
		var countries string
		if err := scan(&ts.ID, &ts.Title, &ts.Start, &ts.End, &ts.PersonSlug, &ts.PersonName, &countries); err != nil {
			return err
		}
		ts.Countries = timeline.StopCountries(stopsOf(strings.Fields(countries)))
		if ts.Title == "" {
			ts.Title = s.tripTitle(ts.Countries)
		}
		out = append(out, ts)
		return nil
	}, `SELECT t.id, t.title, t.start_date, t.end_date, p.slug, p.name,
			coalesce((SELECT group_concat(country, ' ') FROM (SELECT country FROM stops WHERE trip_id = t.id ORDER BY seq)), '')
		FROM trips t JOIN people p ON p.id = t.person_id WHERE `+where+` ORDER BY t.updated_at DESC, t.id DESC LIMIT 200`)
	return out, err
}

func stopsOf(codes []string) []timeline.Stop {
	out := make([]timeline.Stop, len(codes))
	for i, c := range codes {
		out[i].Country = c
	}
	return out
}

// People lists people for pickers: slug and name, by name.
func (s *Store) People(ctx context.Context) ([]PersonSummary, error) {
	return list(ctx, s.r, func(p *PersonSummary) []any { return []any{&p.Slug, &p.Name} }, `SELECT slug, name FROM people WHERE deleted_at IS NULL ORDER BY name LIMIT 5000`)
}
