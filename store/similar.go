package store

import (
	"context"
	"strings"
	"unicode"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Similar is a record already on record that a new one may repeat: a
// form offers it before the new one is saved.
type Similar struct {
	Label, Path string
}

// TripsOverlapping lists the traveller's trips (drafts too, not deleted)
// whose dates overlap start–end: most likely the same trip.
func (s *Store) TripsOverlapping(ctx context.Context, slug string, start, end timeline.Date) ([]Similar, error) {
	return tripsOverlapping(ctx, s.r, slug, start, end)
}

func tripsOverlapping(ctx context.Context, q queryer, slug string, start, end timeline.Date) ([]Similar, error) {
	if !end.Valid() {
		end = start
	}
	var out []Similar
	err := each(ctx, q, func(scan func(...any) error) error {
		var id int64
		var title string
		var from, to timeline.Date
		if err := scan(&id, &title, &from, &to); err != nil {
			return err
		}
		out = append(out, Similar{Label: title + " (" + timeline.FormatRange(from, to) + ")", Path: timeline.RecordPath(timeline.KindTrip, id)})
		return nil
	}, `SELECT t.id, coalesce(nullif(e.title, ''), nullif(t.title, ''), 'Trip ' || t.id), t.start_date, t.end_date
		FROM trips t JOIN people p ON p.id = t.person_id LEFT JOIN entries e ON e.kind = 'trip' AND e.record_id = t.id
		WHERE p.slug = ? AND t.deleted_at IS NULL AND t.start_date <= ? AND t.end_date >= ? ORDER BY t.start_date LIMIT 5`,
		slug, end, start)
	return out, err
}

// EventsLike lists the events (drafts too, not deleted) that a new one of
// this title and date most likely repeats: the same title, or a title
// sharing a word of five letters or more within three days of it.
func (s *Store) EventsLike(ctx context.Context, title string, date timeline.Date) ([]Similar, error) {
	key := foldName(title)
	words := significantWords(key)
	var out []Similar
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var id int64
		var t string
		var d timeline.Date
		if err := scan(&id, &t, &d); err != nil {
			return err
		}
		same := foldName(t) == key
		near := date.Valid() && d.Valid() && absDays(d.DaysUntil(date)) <= 3
		shared := false
		for w := range significantWords(foldName(t)) {
			if words[w] {
				shared = true
			}
		}
		if same || (near && shared) {
			out = append(out, Similar{Label: t + " (" + d.Long() + ")", Path: timeline.RecordPath(timeline.KindEvent, id)})
		}
		return nil
	}, `SELECT id, title, date FROM events WHERE deleted_at IS NULL ORDER BY date`)
	return out, err
}

// significantWords are a folded title's words of five letters or more:
// names and nouns, rather than "of" or "the".
func significantWords(folded string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) >= 5 {
			out[w] = true
		}
	}
	return out
}

func absDays(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
