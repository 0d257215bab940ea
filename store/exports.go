package store

import (
	"context"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

// StopsOfTrips returns the stops of the trips, by trip, in order: the
// calendar export reads its trips in batches and their stops with one
// query per batch.
func (s *Store) StopsOfTrips(ctx context.Context, ids []int64) (map[int64][]timeline.Stop, error) {
	out := map[int64][]timeline.Stop{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+stopCols+` FROM stops WHERE trip_id IN (`+placeholders(len(ids))+`) ORDER BY trip_id, seq, id`, anys(ids)...)
	if err != nil {
		return nil, err
	}
	stops, err := scanStops(rows)
	if err != nil {
		return nil, err
	}
	for _, st := range stops {
		out[st.TripID] = append(out[st.TripID], st)
	}
	return out, nil
}

// RecentlyChanged returns the published entries of the view f whose
// records changed last, newest change first, at most n: the Atom feed.
func (s *Store) RecentlyChanged(ctx context.Context, f timeline.Filter, n int) ([]timeline.Updated, error) {
	if err := s.checkFilter(ctx, f); err != nil {
		return nil, err
	}
	f.Drafts, f.After, f.Before = false, nil, nil
	w, args := where(f)
	var out []timeline.Updated
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var u timeline.Updated
		var at string
		if err := scanEntry(scanFunc(scan), &u.Entry, &at); err != nil {
			return err
		}
		var err error
		if u.At, err = time.Parse(time.RFC3339, at); err != nil {
			return err
		}
		out = append(out, u)
		return nil
	}, `SELECT `+entryCols+`, r.at FROM (
			SELECT kind, record_id, max(at) AS at FROM revisions WHERE kind IN ('trip', 'meeting', 'event') GROUP BY kind, record_id
		) r JOIN entries e ON e.kind = r.kind AND e.record_id = r.record_id
		LEFT JOIN people p ON p.id = e.person_id`+w+` ORDER BY r.at DESC, e.id DESC LIMIT ?`, append(args, n)...)
	return out, err
}

// LastChange is the time of the record's latest revision (zero when it has
// none): the date an export says its data is of.
func (s *Store) LastChange(ctx context.Context) (time.Time, error) {
	var at string
	err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(at), '') FROM revisions`).Scan(&at)
	if err != nil || at == "" {
		return time.Time{}, err
	}
	return time.Parse(time.RFC3339, at)
}
