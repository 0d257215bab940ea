package store

import (
	"context"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Ordinal is one thing a counter numbered, as the exports list it: a
// stored trip (a trip counter's item may span several under a gap rule:
// each has the item's ordinal) or a stop.
type Ordinal struct {
	CounterID   int64
	SubjectKind timeline.Kind // trip or stop
	SubjectID   int64
	TripID      int64 // the stored trip of the subject
	Ordinal     int
	Phrase      string // as the pages word it
}

// Ordinals numbers the published counters given (all of them when ids is
// nil), in counter order, then date order.
func (s *Store) Ordinals(ctx context.Context, ids []int64) ([]Ordinal, error) {
	var cs []timeline.Counter
	var err error
	if ids == nil {
		rows, qerr := s.r.QueryContext(ctx, `SELECT `+counterCols+` FROM counters c JOIN people p ON p.id = c.person_id
			WHERE c.deleted_at IS NULL AND c.status = 'published' ORDER BY c.id`)
		if qerr != nil {
			return nil, qerr
		}
		cs, err = scanCounters(rows)
	} else {
		cs, err = s.CountersByID(ctx, ids)
	}
	if err != nil {
		return nil, err
	}
	n := s.Numberer(ctx)
	var out []Ordinal
	for _, c := range cs {
		res, err := n.Number(c)
		if err != nil {
			return nil, err
		}
		for _, it := range res.Items {
			phrase := c.RulePhrase(it.Ordinal)
			if c.Unit == timeline.UnitStops {
				for _, st := range it.Matching {
					out = append(out, Ordinal{CounterID: c.ID, SubjectKind: timeline.KindStop, SubjectID: st.ID, TripID: st.TripID, Ordinal: it.Ordinal, Phrase: phrase})
				}
				continue
			}
			for _, id := range it.TripIDs {
				out = append(out, Ordinal{CounterID: c.ID, SubjectKind: timeline.KindTrip, SubjectID: id, TripID: id, Ordinal: it.Ordinal, Phrase: phrase})
			}
		}
	}
	return out, nil
}

// TripPhrases maps each published trip that a counter of trips numbers to
// its ordinals in the pages' words, counter by counter.
func (s *Store) TripPhrases(ctx context.Context) (map[int64][]string, error) {
	os, err := s.Ordinals(ctx, nil)
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for _, o := range os {
		if o.SubjectKind == timeline.KindTrip {
			out[o.SubjectID] = append(out[o.SubjectID], o.Phrase)
		}
	}
	return out, nil
}
