package store

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/diplomatic-travel/tracker/timeline"
)

//go:embed seed/demo.json
var demoJSON []byte

// The demo file's shapes. References between records are by slug (people)
// or by a key local to the file (sources, trips, counters), and a meeting's
// or quote's stop by its index in the trip's stops.
type demoFile struct {
	Sources  []demoSource  `json:"sources"`
	People   []demoPerson  `json:"people"`
	Trips    []demoTrip    `json:"trips"`
	Events   []demoEvent   `json:"events"`
	Counters []demoCounter `json:"counters"`
	Claims   []demoClaim   `json:"claims"`
}

type demoSource struct {
	Key string `json:"key"`
	timeline.Source
	URL       string        `json:"url"`
	Published timeline.Date `json:"published"`
}

type demoCite struct {
	Source  string `json:"source"`
	Passage string `json:"passage"`
}

type demoPerson struct {
	Slug    string   `json:"slug"`
	Name    string   `json:"name"`
	Country string   `json:"country"`
	Aliases []string `json:"aliases"`
	Offices []struct {
		Title   string        `json:"title"`
		Body    string        `json:"body"`
		Country string        `json:"country"`
		From    timeline.Date `json:"from"`
		To      timeline.Date `json:"to"`
	} `json:"offices"`
}

type demoTrip struct {
	Key      string     `json:"key"`
	Person   string     `json:"person"`
	Title    string     `json:"title"`
	Summary  string     `json:"summary"`
	Sources  []string   `json:"sources"`
	Stops    []demoStop `json:"stops"`
	Meetings []struct {
		Date         timeline.Date `json:"date"`
		Stop         *int          `json:"stop"`
		Title        string        `json:"title"`
		Summary      string        `json:"summary"`
		Participants []string      `json:"participants"`
		Sources      []demoCite    `json:"sources"`
	} `json:"meetings"`
	Goals []struct {
		Text     string     `json:"text"`
		StatedBy string     `json:"stated_by"`
		Outcome  string     `json:"outcome"`
		Sources  []demoCite `json:"sources"`
	} `json:"goals"`
	Quotes []struct {
		Person  string        `json:"person"`
		Date    timeline.Date `json:"date"`
		Stop    *int          `json:"stop"`
		Text    string        `json:"text"`
		Sources []demoCite    `json:"sources"`
	} `json:"quotes"`
}

type demoStop struct {
	Country  string        `json:"country"`
	Locality string        `json:"locality"`
	Start    timeline.Date `json:"start"`
	End      timeline.Date `json:"end"`
	Remarks  string        `json:"remarks"`
	Ref      string        `json:"ref"`
	Sources  []string      `json:"sources"`
}

type demoEvent struct {
	Title     string             `json:"title"`
	Kind      string             `json:"kind"`
	Date      timeline.Date      `json:"date"`
	Precision timeline.Precision `json:"precision"`
	Country   string             `json:"country"`
	Summary   string             `json:"summary"`
	Sources   []demoCite         `json:"sources"`
}

type demoCounter struct {
	Key     string        `json:"key"`
	Person  string        `json:"person"`
	Region  string        `json:"region"`
	Country string        `json:"country"`
	Since   timeline.Date `json:"since"`
	Unit    timeline.Unit `json:"unit"`
	Rule    string        `json:"rule"`
	GapDays int           `json:"gap_days"`
	Label   string        `json:"label"`
}

type demoClaim struct {
	Trip    string     `json:"trip"`
	Counter string     `json:"counter"`
	Stated  int        `json:"stated"`
	Text    string     `json:"text"`
	Sources []demoCite `json:"sources"`
}

// SeedResult says what Seed did.
type SeedResult struct {
	Seeded bool // false when the database already held records
	Trips  int
	Stops  int
}

// IsEmpty reports whether the record holds no people and no trips.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM trips) + (SELECT count(*) FROM events)`).Scan(&n)
	return n == 0, err
}

// Seed loads the demo record into an empty database, in one transaction
// with a revision per record (actor "seed"). On a database that already
// holds records it does nothing, so it is safe at every start.
func (s *Store) Seed(ctx context.Context) (SeedResult, error) {
	var res SeedResult
	var demo demoFile
	dec := json.NewDecoder(bytes.NewReader(demoJSON))
	if err := dec.Decode(&demo); err != nil {
		return res, fmt.Errorf("store: the embedded demo file is malformed: %w", err)
	}
	err := s.write(ctx, Actor{Name: "seed"}, func(t *tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM trips) + (SELECT count(*) FROM events)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		res.Seeded = true
		return t.seed(s, &demo, &res)
	})
	return res, err
}

func (t *tx) seed(s *Store, demo *demoFile, res *SeedResult) error {
	sources := map[string]int64{}
	for _, ds := range demo.Sources {
		src := ds.Source
		src.URL, src.Published = ds.URL, ds.Published
		if _, err := t.createSource(&src); err != nil {
			return fmt.Errorf("demo source %s: %w", ds.Key, err)
		}
		sources[ds.Key] = src.ID
	}
	people := map[string]*timeline.Person{}
	for _, dp := range demo.People {
		p := &timeline.Person{Slug: dp.Slug, Name: dp.Name, Country: dp.Country, Aliases: dp.Aliases}
		for _, o := range dp.Offices {
			p.Offices = append(p.Offices, timeline.Office{Title: o.Title, Body: o.Body, Country: o.Country, From: o.From, To: o.To})
		}
		if err := t.createPerson(p); err != nil {
			return fmt.Errorf("demo person %s: %w", dp.Slug, err)
		}
		people[dp.Slug] = p
	}
	person := func(slug string) (*timeline.Person, error) {
		if p := people[slug]; p != nil {
			return p, nil
		}
		return nil, fmt.Errorf("demo: unknown person %q", slug)
	}
	cite := func(kind timeline.Kind, id int64, cs []demoCite) error {
		for _, c := range cs {
			sid, ok := sources[c.Source]
			if !ok {
				return fmt.Errorf("demo: unknown source %q", c.Source)
			}
			if err := t.cite(&timeline.Citation{SourceID: sid, SubjectKind: kind, SubjectID: id, Passage: c.Passage}); err != nil {
				return err
			}
		}
		return nil
	}
	trips := map[string]int64{}
	for _, dt := range demo.Trips {
		p, err := person(dt.Person)
		if err != nil {
			return err
		}
		trip := &timeline.Trip{PersonID: p.ID, Title: dt.Title, Summary: dt.Summary, Status: timeline.Published}
		for _, st := range dt.Stops {
			trip.Stops = append(trip.Stops, timeline.Stop{Country: st.Country, Locality: st.Locality, Start: st.Start, End: st.End, Remarks: st.Remarks, Ref: st.Ref})
		}
		if err := t.createTrip(s, trip); err != nil {
			return fmt.Errorf("demo trip %s: %w", dt.Key, err)
		}
		trips[dt.Key] = trip.ID
		res.Trips++
		res.Stops += len(trip.Stops)
		// Validate put the stops in date order; find each file stop again
		// by its key, so the file's order does not matter.
		byKey := map[timeline.StopKey]int{}
		for i, st := range trip.Stops {
			k := st.Key()
			k.PersonID = 0
			byKey[k] = i
		}
		fileIndex := make([]int, len(dt.Stops))
		for i, st := range dt.Stops {
			fileIndex[i] = byKey[timeline.Stop{Country: st.Country, Locality: st.Locality, Start: st.Start, End: st.End}.Key()]
			for _, key := range st.Sources {
				if err := cite(timeline.KindStop, trip.Stops[fileIndex[i]].ID, []demoCite{{Source: key}}); err != nil {
					return err
				}
			}
		}
		for _, key := range dt.Sources {
			if err := cite(timeline.KindTrip, trip.ID, []demoCite{{Source: key}}); err != nil {
				return err
			}
		}
		stopID := func(i *int) int64 {
			if i == nil || *i < 0 || *i >= len(fileIndex) {
				return 0
			}
			return trip.Stops[fileIndex[*i]].ID
		}
		for _, dm := range dt.Meetings {
			m := &timeline.Meeting{TripID: trip.ID, StopID: stopID(dm.Stop), Date: dm.Date, Title: dm.Title, Summary: dm.Summary, Status: timeline.Published}
			for _, slug := range dm.Participants {
				pp, err := person(slug)
				if err != nil {
					return err
				}
				part := timeline.Participant{PersonID: pp.ID}
				for _, o := range pp.Offices {
					if o.HeldOn(dm.Date) {
						part.OfficeID = o.ID
					}
				}
				m.Participants = append(m.Participants, part)
			}
			if err := t.createMeeting(m); err != nil {
				return fmt.Errorf("demo meeting %q: %w", dm.Title, err)
			}
			if err := cite(timeline.KindMeeting, m.ID, dm.Sources); err != nil {
				return err
			}
		}
		for _, dg := range dt.Goals {
			g := &timeline.Goal{TripID: trip.ID, Text: dg.Text, Outcome: dg.Outcome}
			if dg.StatedBy != "" {
				pp, err := person(dg.StatedBy)
				if err != nil {
					return err
				}
				g.StatedByID = pp.ID
			}
			if err := t.createGoal(g); err != nil {
				return err
			}
			if err := cite(timeline.KindGoal, g.ID, dg.Sources); err != nil {
				return err
			}
		}
		for _, dq := range dt.Quotes {
			pp, err := person(dq.Person)
			if err != nil {
				return err
			}
			q := &timeline.Quote{PersonID: pp.ID, Date: dq.Date, TripID: trip.ID, StopID: stopID(dq.Stop), Text: dq.Text}
			if err := t.createQuote(q); err != nil {
				return err
			}
			if err := cite(timeline.KindQuote, q.ID, dq.Sources); err != nil {
				return err
			}
		}
	}
	for _, de := range demo.Events {
		e := &timeline.Event{Title: de.Title, Kind: de.Kind, Date: de.Date, Precision: de.Precision, Country: de.Country, Summary: de.Summary}
		if err := t.createEvent(s, e); err != nil {
			return fmt.Errorf("demo event %q: %w", de.Title, err)
		}
		if err := cite(timeline.KindEvent, e.ID, de.Sources); err != nil {
			return err
		}
	}
	counters := map[string]int64{}
	for _, dc := range demo.Counters {
		p, err := person(dc.Person)
		if err != nil {
			return err
		}
		c := &timeline.Counter{PersonID: p.ID, Region: dc.Region, Country: dc.Country, Since: dc.Since, Unit: dc.Unit,
			Rule: timeline.Rule{Kind: timeline.RuleKind(dc.Rule), GapDays: dc.GapDays}, Label: dc.Label}
		if err := t.createCounter(c); err != nil {
			return fmt.Errorf("demo counter %s: %w", dc.Key, err)
		}
		counters[dc.Key] = c.ID
	}
	for _, dc := range demo.Claims {
		tripID, ok := trips[dc.Trip]
		if !ok {
			return fmt.Errorf("demo: unknown trip %q", dc.Trip)
		}
		counterID, ok := counters[dc.Counter]
		if !ok {
			return fmt.Errorf("demo: unknown counter %q", dc.Counter)
		}
		c := &timeline.Claim{TripID: tripID, CounterID: counterID, Stated: dc.Stated, Text: dc.Text}
		if err := t.createClaim(c); err != nil {
			return err
		}
		if err := cite(timeline.KindClaim, c.ID, dc.Sources); err != nil {
			return err
		}
	}
	return nil
}
