package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// GenerateOptions shape a synthetic record.
type GenerateOptions struct {
	Stops    int    // how many stops in all
	Seed     uint64 // the same seed gives the same record
	Progress func(done, total int)
}

// GenerateResult says what Generate wrote.
type GenerateResult struct {
	Travellers, Trips, Stops, Meetings, Sources int
}

// Generate fills the database with a synthetic but realistic record for
// benchmarks: many travellers with careers of trips of 1 to 12 stops,
// meetings and a source per trip. It writes in one transaction with
// prepared statements and, unlike curator writes, no revision per record:
// it is test data, not history (one revision notes the run).
func (s *Store) Generate(ctx context.Context, opt GenerateOptions) (GenerateResult, error) {
	var res GenerateResult
	if opt.Stops <= 0 {
		return res, timeline.FieldErrorf("stops", "The number of stops must be positive.")
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	var codes []string
	for _, c := range s.countries.All() {
		if !c.Historic && c.Code != "US" {
			codes = append(codes, c.Code)
		}
	}
	// A few countries draw most visits, as in the real record.
	weighted := append([]string{}, codes...)
	for _, c := range []string{"GB", "FR", "DE", "IL", "EG", "JP", "CN", "MX", "CA", "SA", "QA", "JO", "BE", "IT", "RU", "IN", "TR", "KR"} {
		for i := 0; i < 12; i++ {
			weighted = append(weighted, c)
		}
	}
	localities := []string{"the capital", "Capital City", "Port Town", "Old Town", "North City", "Summit Venue", "Airbase"}
	words := []string{"talks", "summit", "ceasefire", "trade", "security", "climate", "energy", "aid", "alliance", "elections"}

	err := s.write(ctx, Actor{Name: "gen"}, func(t *tx) error {
		prep := func(q string) (func(args ...any) (int64, error), func(), error) {
			st, err := t.PrepareContext(ctx, q)
			if err != nil {
				return nil, nil, err
			}
			return func(args ...any) (int64, error) {
				r, err := st.ExecContext(ctx, args...)
				if err != nil {
					return 0, err
				}
				return r.LastInsertId()
			}, func() { st.Close() }, nil
		}
		var closers []func()
		defer func() {
			for _, c := range closers {
				c()
			}
		}()
		must := func(q string) func(args ...any) (int64, error) {
			f, c, err := prep(q)
			if err != nil {
				panic(err)
			}
			closers = append(closers, c)
			return f
		}
		insPerson := must(`INSERT INTO people(slug, name, country, status, created_at, updated_at) VALUES (?, ?, 'US', 'published', ?, ?)`)
		insOffice := must(`INSERT INTO offices(person_id, title, body, country, start_date, end_date) VALUES (?, ?, 'United States', 'US', ?, ?)`)
		insTrip := must(`INSERT INTO trips(person_id, title, summary, start_date, end_date, status, created_at, updated_at) VALUES (?, '', ?, ?, ?, 'published', ?, ?)`)
		insStop := must(`INSERT OR IGNORE INTO stops(trip_id, person_id, seq, country, locality, start_date, end_date, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		insMeeting := must(`INSERT INTO meetings(trip_id, stop_id, date, title, summary, status, created_at, updated_at) VALUES (?, ?, ?, ?, '', 'published', ?, ?)`)
		insSource := must(`INSERT INTO sources(url, title, publisher, published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
		insCite := must(`INSERT INTO citations(source_id, subject_kind, subject_id, passage, created_at) VALUES (?, 'trip', ?, '', ?)`)
		// Generated trips cite a source each; their meetings cite none.
		insEntry := must(`INSERT INTO entries(kind, record_id, start_date, end_date, precision, person_id, title, summary, countries, localities, status, has_sources, source_urls)
			VALUES (?1, ?2, ?3, ?4, 'day', ?5, ?6, ?7, ?8, ?9, 'published', ?10 <> '', ?10)`)
		insEC := must(`INSERT OR IGNORE INTO entry_countries(country, entry_id, start_date) VALUES (?, ?, ?)`)

		var base int
		if err := t.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&base); err != nil {
			return err
		}
		travellers := max(5, opt.Stops/4000)
		perTraveller := (opt.Stops + travellers - 1) / travellers
		written := 0
		for ti := 0; ti < travellers && written < opt.Stops; ti++ {
			slug := fmt.Sprintf("traveller-%d-%d", base+ti+1, rng.IntN(1000))
			name := fmt.Sprintf("Synthetic Traveller %d", base+ti+1)
			pid, err := insPerson(slug, name, t.now, t.now)
			if err != nil {
				return err
			}
			res.Travellers++
			day := timeline.DateOf(1900+rng.IntN(120), 1, 1).AddDays(rng.IntN(365))
			careerStart := day
			for n := 0; n < perTraveller && written < opt.Stops; {
				stops := 1 + rng.IntN(12)
				if n+stops > perTraveller {
					stops = perTraveller - n
				}
				tripStart := day
				tid, err := insTrip(pid, "synthetic trip", tripStart, tripStart, t.now, t.now)
				if err != nil {
					return err
				}
				var countries, locs []string
				seen := map[string]bool{}
				for si := 0; si < stops; si++ {
					c := weighted[rng.IntN(len(weighted))]
					length := rng.IntN(3)
					loc := localities[rng.IntN(len(localities))]
					sid, err := insStop(tid, pid, si+1, c, loc, day, day.AddDays(length), "")
					if err != nil {
						return err
					}
					if !seen[c] {
						seen[c] = true
						countries = append(countries, c)
					}
					locs = append(locs, loc)
					if rng.IntN(3) == 0 {
						title := "Meeting on " + words[rng.IntN(len(words))]
						mid, err := insMeeting(tid, sid, day, title, t.now, t.now)
						if err != nil {
							return err
						}
						eid, err := insEntry("meeting", mid, day, day, pid, title, "", c, loc, "")
						if err != nil {
							return err
						}
						if _, err := insEC(c, eid, day); err != nil {
							return err
						}
						res.Meetings++
					}
					day = day.AddDays(length + rng.IntN(2))
				}
				tripEnd := day.AddDays(-1)
				if tripEnd.Before(tripStart) {
					tripEnd = tripStart
				}
				// The stops' real span: the last stop may end after "day". The
				// summary is the entry's: an entry says what its record says.
				summary := "Synthetic trip: " + words[rng.IntN(len(words))] + " and " + words[rng.IntN(len(words))]
				if _, err := t.exec(`UPDATE trips SET start_date = (SELECT min(start_date) FROM stops WHERE trip_id = ?1),
					end_date = (SELECT max(end_date) FROM stops WHERE trip_id = ?1), summary = ?2 WHERE id = ?1`, tid, summary); err != nil {
					return err
				}
				var start, end timeline.Date
				if err := t.QueryRowContext(ctx, `SELECT start_date, end_date FROM trips WHERE id = ?`, tid).Scan(&start, &end); err != nil {
					return err
				}
				title := s.tripTitle(countries)
				srcURL := fmt.Sprintf("https://news.example.org/%s/%d", slug, tid)
				srcID, err := insSource(srcURL, "Report on "+title, "Example News", start, t.now, t.now)
				if err != nil {
					return err
				}
				if _, err := insCite(srcID, tid, t.now); err != nil {
					return err
				}
				eid, err := insEntry("trip", tid, start, end, pid, title, summary, strings.Join(countries, " "), strings.Join(locs, "; "), srcURL)
				if err != nil {
					return err
				}
				for _, c := range countries {
					if _, err := insEC(c, eid, start); err != nil {
						return err
					}
				}
				res.Trips++
				res.Sources++
				n += stops
				written += stops
				if opt.Progress != nil && res.Trips%2000 == 0 {
					opt.Progress(written, opt.Stops)
				}
				day = end.AddDays(3 + rng.IntN(40))
			}
			if _, err := insOffice(pid, "Envoy", careerStart, day); err != nil {
				return err
			}
		}
		res.Stops = written
		return t.revise("gen", 0, "create", nil, res, fmt.Sprintf("timeline gen --stops %d --seed %d", opt.Stops, opt.Seed))
	})
	if err != nil {
		return res, err
	}
	if opt.Progress != nil {
		opt.Progress(res.Stops, opt.Stops)
	}
	return res, s.analyze(ctx)
}
