package store

import (
	"context"

	"github.com/diplomatic-travel/tracker/timeline"
)

// An article entered: what a curator confirmed of its proposals
// (timeline/article), created in one transaction as drafts, each fact
// citing the article with the passage it came from.

// ArticleEntry is the confirmed facts of one article.
type ArticleEntry struct {
	// Source is the article; one on record with its address is used.
	Source timeline.Source
	// Trip is the traveller's trip (its traveller a slug, or a new name
	// in PersonName) and its stops; TripPassage cites the trip, and
	// StopPassages, in the stops' order, each stop.
	Trip         timeline.Trip
	TripPassage  string
	StopPassages []string
	Meetings     []EntryMeeting
	Goals        []EntryGoal
	Quotes       []EntryQuote
	Claims       []EntryClaim
	Events       []EntryEvent
}

// EntryEvent is a context event the article reports.
type EntryEvent struct {
	Event   timeline.Event
	Passage string
}

// EntryMeeting is a meeting, at the stop of index Stop (-1 for none).
type EntryMeeting struct {
	Meeting timeline.Meeting
	Stop    int
	With    []NewParticipant
	Passage string
}

// EntryGoal is a stated goal.
type EntryGoal struct {
	Goal    timeline.Goal
	Passage string
}

// EntryQuote is a quote, by a person of the record (Quote.PersonSlug), at
// the stop of index Stop (-1 for none).
type EntryQuote struct {
	Quote   timeline.Quote
	Stop    int
	Passage string
}

// EntryClaim is a claim, checked by a counter on record (Claim.CounterID)
// or by Counter, created with it.
type EntryClaim struct {
	Claim   timeline.Claim
	Counter *timeline.Counter
	Passage string
}

// EnterArticle creates the source (or uses the one on record), the trip
// and every fact of e as drafts, each citing the source with its passage,
// all in one transaction, and returns the trip's id.
func (s *Store) EnterArticle(ctx context.Context, a Actor, e *ArticleEntry) (int64, error) {
	if err := e.Source.Validate(); err != nil {
		return 0, err
	}
	trip := &e.Trip
	trip.Status = timeline.Draft
	if err := trip.Validate(); err != nil {
		return 0, err
	}
	// The stops, keyed before the trip sorts them, so that each keeps its
	// passage and the facts at it find it.
	type stopKey struct {
		country, locality string
		start             timeline.Date
	}
	keys := make([]stopKey, len(trip.Stops))
	for i, st := range trip.Stops {
		keys[i] = stopKey{st.Country, st.Locality, st.Start}
	}
	err := s.write(ctx, a, func(t *tx) error {
		if _, err := t.createSource(&e.Source); err != nil {
			return err
		}
		cite := func(kind timeline.Kind, id int64, passage string) error {
			return t.cite(&timeline.Citation{SourceID: e.Source.ID, SubjectKind: kind, SubjectID: id, Passage: passage})
		}
		if err := t.createTrip(s, trip); err != nil {
			return err
		}
		if err := cite(timeline.KindTrip, trip.ID, e.TripPassage); err != nil {
			return err
		}
		stopID := func(i int) int64 {
			if i < 0 || i >= len(keys) {
				return 0
			}
			for _, st := range trip.Stops {
				if (stopKey{st.Country, st.Locality, st.Start}) == keys[i] {
					return st.ID
				}
			}
			return 0
		}
		for i, p := range e.StopPassages {
			if id := stopID(i); id != 0 {
				if err := cite(timeline.KindStop, id, p); err != nil {
					return err
				}
			}
		}
		for _, em := range e.Meetings {
			m := em.Meeting
			m.TripID, m.StopID, m.Status = trip.ID, stopID(em.Stop), timeline.Draft
			if err := m.Validate(); err != nil {
				return err
			}
			if err := t.resolveParticipants(&m, em.With); err != nil {
				return err
			}
			if err := t.createMeeting(&m); err != nil {
				return err
			}
			if err := cite(timeline.KindMeeting, m.ID, em.Passage); err != nil {
				return err
			}
		}
		for _, eg := range e.Goals {
			g := eg.Goal
			g.TripID, g.Status = trip.ID, timeline.Draft
			if err := g.Validate(); err != nil {
				return err
			}
			if err := t.createGoal(&g); err != nil {
				return err
			}
			if err := cite(timeline.KindGoal, g.ID, eg.Passage); err != nil {
				return err
			}
		}
		for _, eq := range e.Quotes {
			q := eq.Quote
			q.TripID, q.StopID, q.Status = trip.ID, stopID(eq.Stop), timeline.Draft
			if q.PersonID == 0 {
				id, err := t.personIDBySlug(q.PersonSlug)
				if err != nil {
					return &timeline.Error{Code: timeline.EInvalid, Field: "quote_speaker", Message: timeline.ErrorMessage(err)}
				}
				q.PersonID = id
			}
			if err := q.Validate(); err != nil {
				return err
			}
			if err := t.createQuote(&q); err != nil {
				return err
			}
			if err := cite(timeline.KindQuote, q.ID, eq.Passage); err != nil {
				return err
			}
		}
		for _, ee := range e.Events {
			ev := ee.Event
			ev.Status = timeline.Draft
			if err := t.createEvent(s, &ev); err != nil {
				return err
			}
			if err := cite(timeline.KindEvent, ev.ID, ee.Passage); err != nil {
				return err
			}
		}
		for _, ec := range e.Claims {
			c := ec.Claim
			if ec.Counter != nil {
				counter := *ec.Counter
				counter.PersonID, counter.Status = trip.PersonID, timeline.Draft
				if err := counter.Validate(); err != nil {
					return err
				}
				if err := t.createCounter(&counter); err != nil {
					return err
				}
				c.CounterID = counter.ID
			}
			c.TripID, c.Status = trip.ID, timeline.Draft
			if err := c.Validate(); err != nil {
				return err
			}
			if err := t.createClaim(&c); err != nil {
				return err
			}
			if err := cite(timeline.KindClaim, c.ID, ec.Passage); err != nil {
				return err
			}
		}
		return nil
	})
	return trip.ID, err
}
