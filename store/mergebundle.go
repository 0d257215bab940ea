package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/diplomatic-travel/tracker/timeline"
)

// MergeKinds are the kinds of record a MergeReport counts, in the order
// reports list them.
var MergeKinds = []string{"people", "sources", "trips", "counters", "meetings", "goals", "events", "claims", "citations"}

// MergeReport says what merging a bundle into a record did (or, in a dry
// run, would do): per kind of record, how many were added and how many
// were there already, and what was left out.
type MergeReport struct {
	Added, Matched map[string]int
	Conflicts      []string
}

// MergeBundle loads an export bundle into a record that already holds
// some: what is there is matched by what it is — people by slug, sources
// by URL, trips by their stops (traveller, dates, country, locality),
// meetings by trip, date and title, events by title and date — and the
// rest is added under new ids. A trip some of whose stops are already on
// another trip is left out and reported, with what hangs on it. One
// transaction; a dry run rolls it back after the report.
func (s *Store) MergeBundle(ctx context.Context, a Actor, b *timeline.Bundle, dryRun bool) (*MergeReport, error) {
	rep := &MergeReport{Added: map[string]int{}, Matched: map[string]int{}}
	const reason = "merge of an export bundle"
	err := s.write(ctx, a, func(t *tx) error {
		rowErr := func(file string, row int, err error) error {
			return timeline.Errorf(timeline.EInvalid, "%s row %d: %s", file, row, timeline.ErrorMessage(mapErr(err)))
		}
		find := func(q string, args ...any) (int64, error) {
			var id int64
			err := t.QueryRowContext(t.ctx, q, args...).Scan(&id)
			if isNoRows(err) {
				return 0, nil
			}
			return id, err
		}
		people := map[string]int64{}
		for _, p := range b.People {
			id, err := find(`SELECT id FROM people WHERE slug = ?`, p.Slug)
			if err != nil {
				return err
			}
			if id != 0 {
				people[p.Slug] = id
				rep.Matched["people"]++
				continue
			}
			if p.Country != "" && s.countries.Get(p.Country) == nil {
				return timeline.Errorf(timeline.EInvalid, "people.csv row %d, column country: unknown country %q", p.Row, p.Country)
			}
			pp := &timeline.Person{Slug: p.Slug, Name: p.Name, Country: p.Country, Aliases: p.Aliases, Status: timeline.Published}
			if err := t.createPerson(pp); err != nil {
				return rowErr("people.csv", p.Row, err)
			}
			people[p.Slug] = pp.ID
			rep.Added["people"]++
		}
		person := func(file string, row int, col, slug string) (int64, error) {
			if slug == "" {
				return 0, nil
			}
			if id, ok := people[slug]; ok {
				return id, nil
			}
			return 0, timeline.Errorf(timeline.EInvalid, "%s row %d, column %s: %s is not in people.csv", file, row, col, slug)
		}
		offices, err := t.mergeBundlePeople(s, b, person, rep)
		if err != nil {
			return err
		}
		sources := map[int64]int64{}
		for _, r := range b.Sources {
			src := r.Rec
			url, err := timeline.CanonicalURL(src.URL)
			if err != nil {
				return rowErr(r.File, r.Row, err)
			}
			src.URL = url
			created, err := t.createSource(&src)
			if err != nil {
				return rowErr(r.File, r.Row, err)
			}
			sources[r.Rec.ID] = src.ID
			if created {
				rep.Added["sources"]++
			} else {
				rep.Matched["sources"]++
			}
		}
		trips, stops := map[int64]int64{}, map[int64]int64{}
		var touched []int64
		for _, r := range b.Trips {
			tr := r.Rec
			pid, err := person(r.File, r.Row, "person", tr.PersonSlug)
			if err != nil {
				return err
			}
			// Where are its stops already?
			on := map[int64]bool{}
			found := map[int64]int64{}
			for _, st := range tr.Stops {
				if s.countries.Get(st.Country) == nil {
					return timeline.Errorf(timeline.EInvalid, "stops.csv, stop %d: unknown country %q", st.ID, st.Country)
				}
				var id, trip int64
				err := t.QueryRowContext(t.ctx, `SELECT id, trip_id FROM stops WHERE person_id = ? AND start_date = ? AND end_date = ? AND country = ? AND locality = ?`,
					pid, st.Start, st.End, st.Country, st.Locality).Scan(&id, &trip)
				if err == nil {
					on[trip], found[st.ID] = true, id
				} else if !isNoRows(err) {
					return err
				}
			}
			switch {
			case len(found) == len(tr.Stops) && len(on) == 1:
				for trip := range on {
					trips[tr.ID] = trip
				}
				for old, id := range found {
					stops[old] = id
				}
				rep.Matched["trips"]++
				continue
			case len(found) > 0:
				rep.Conflicts = append(rep.Conflicts, fmt.Sprintf("trips.csv row %d: trip %d has %d of its %d stops already in the record on other trips; it is left out, with its meetings, goals and claims",
					r.Row, tr.ID, len(found), len(tr.Stops)))
				continue
			}
			id, err := t.insert(`INSERT INTO trips(person_id, title, summary, start_date, end_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'published', ?, ?)`,
				pid, tr.Title, tr.Summary, tr.Start, tr.End, t.now, t.now)
			if err != nil {
				return rowErr(r.File, r.Row, err)
			}
			trips[tr.ID] = id
			for _, st := range tr.Stops {
				added := st
				added.ID, added.TripID, added.PersonID = 0, id, pid // merged stops take new ids
				if err := t.insertStop(&added, ""); err != nil {
					return timeline.Errorf(timeline.EInvalid, "stops.csv, stop %d: %s", st.ID, timeline.ErrorMessage(mapErr(err)))
				}
				stops[st.ID] = added.ID
			}
			if err := t.reviseRow(timeline.KindTrip, "trips", id, "create", nil, reason); err != nil {
				return err
			}
			touched = append(touched, id)
			rep.Added["trips"]++
		}
		for _, r := range b.Regions {
			var n int
			if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM regions WHERE code = ?`, r.Rec.Code).Scan(&n); err != nil {
				return err
			}
			if err := t.bundleRegion(s, r); err != nil {
				return err
			}
			if n == 0 {
				rep.Added["regions"]++
			} else {
				rep.Matched["regions"]++
			}
		}
		for _, r := range b.RecordVersions {
			if sid, ok := stops[r.Rec.ID]; ok {
				v := r.Rec
				res, err := t.exec(`INSERT OR IGNORE INTO record_versions(stop_id, ref, country, locality, start_date, end_date, remarks, fields, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					sid, v.Ref, v.Country, v.Locality, v.Start, v.End, v.Remarks, v.Fields, v.SeenAt)
				if err != nil {
					return rowErr(r.File, r.Row, err)
				}
				if n, _ := res.RowsAffected(); n > 0 {
					rep.Added["record versions"]++
				}
			}
		}
		counters := map[int64]int64{}
		for _, r := range b.Counters {
			c := r.Rec
			pid, err := person(r.File, r.Row, "person", c.PersonSlug)
			if err != nil {
				return err
			}
			id, err := find(`SELECT id FROM counters WHERE person_id = ? AND coalesce(region, '') = ? AND coalesce(country, '') = ? AND since = ? AND unit = ? AND rule = ? AND gap_days = ? AND deleted_at IS NULL`,
				pid, c.Region, c.Country, c.Since, c.Unit, c.Rule.Kind, c.Rule.GapDays)
			if err != nil {
				return err
			}
			if id == 0 {
				c.PersonID = pid
				if err := t.createCounter(&c); err != nil {
					return rowErr(r.File, r.Row, err)
				}
				id = c.ID
				rep.Added["counters"]++
			} else {
				rep.Matched["counters"]++
			}
			counters[r.Rec.ID] = id
		}
		meetings := map[int64]int64{}
		for _, r := range b.Meetings {
			m := r.Rec
			trip, ok := trips[m.TripID]
			if m.TripID != 0 && !ok {
				continue // its trip was left out
			}
			id, err := find(`SELECT id FROM meetings WHERE coalesce(trip_id, 0) = ? AND date = ? AND title = ? AND deleted_at IS NULL`, trip, m.Date, m.Title)
			if err != nil {
				return err
			}
			if id != 0 {
				meetings[m.ID] = id
				rep.Matched["meetings"]++
				continue
			}
			id, err = t.insert(`INSERT INTO meetings(trip_id, stop_id, date, title, summary, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'published', ?, ?)`,
				nullID(trip), nullID(stops[m.StopID]), m.Date, m.Title, m.Summary, t.now, t.now)
			if err != nil {
				return rowErr(r.File, r.Row, err)
			}
			seats := 0
			for _, pr := range b.Participants {
				if pr.Rec.MeetingID != m.ID {
					continue
				}
				pid, err := person(pr.File, pr.Row, "person", pr.Rec.PersonSlug)
				if err != nil {
					return err
				}
				if _, err := t.exec(`INSERT OR IGNORE INTO participants(meeting_id, person_id, office_id, seq) VALUES (?, ?, ?, ?)`,
					id, pid, nullID(offices[pr.Rec.OfficeID]), pr.Rec.Seq); err != nil {
					return rowErr(pr.File, pr.Row, err)
				}
				seats++
			}
			for i, slug := range m.ParticipantSlugs {
				if seats > 0 {
					break
				}
				pid, err := person(r.File, r.Row, "participants", slug)
				if err != nil {
					return err
				}
				if _, err := t.exec(`INSERT OR IGNORE INTO participants(meeting_id, person_id, seq) VALUES (?, ?, ?)`, id, pid, i); err != nil {
					return rowErr(r.File, r.Row, err)
				}
			}
			if err := t.reviseRow(timeline.KindMeeting, "meetings", id, "create", nil, reason); err != nil {
				return err
			}
			meetings[m.ID] = id
			if trip == 0 {
				if err := t.refreshMeeting(id); err != nil {
					return err
				}
			} else {
				touched = append(touched, trip)
			}
			rep.Added["meetings"]++
		}
		goals := map[int64]int64{}
		for _, r := range b.Goals {
			g := r.Rec
			trip, ok := trips[g.TripID]
			if !ok {
				continue
			}
			id, err := find(`SELECT id FROM goals WHERE trip_id = ? AND text = ? AND deleted_at IS NULL`, trip, g.Text)
			if err != nil {
				return err
			}
			if id == 0 {
				by, err := person(r.File, r.Row, "stated_by", g.StatedBySlug)
				if err != nil {
					return err
				}
				if id, err = t.insert(`INSERT INTO goals(trip_id, text, stated_by, outcome, seq, status) VALUES (?, ?, ?, ?, ?, 'published')`,
					trip, g.Text, nullID(by), g.Outcome, g.Seq); err != nil {
					return rowErr(r.File, r.Row, err)
				}
				touched = append(touched, trip)
				rep.Added["goals"]++
			} else {
				rep.Matched["goals"]++
			}
			goals[g.ID] = id
		}
		events := map[int64]int64{}
		for _, r := range b.Events {
			e := r.Rec
			id, err := find(`SELECT id FROM events WHERE title = ? AND date = ? AND deleted_at IS NULL`, e.Title, e.Date)
			if err != nil {
				return err
			}
			if id == 0 {
				if e.Country != "" && s.countries.Get(e.Country) == nil {
					return timeline.Errorf(timeline.EInvalid, "%s row %d, column country: unknown country %q", r.File, r.Row, e.Country)
				}
				if err := t.createEvent(s, &e); err != nil {
					return rowErr(r.File, r.Row, err)
				}
				id = e.ID
				rep.Added["events"]++
			} else {
				rep.Matched["events"]++
			}
			events[r.Rec.ID] = id
		}
		claims := map[int64]int64{}
		for _, r := range b.Claims {
			c := r.Rec
			trip, ok := trips[c.TripID]
			counter, ok2 := counters[c.CounterID]
			if !ok || !ok2 {
				continue
			}
			id, err := find(`SELECT id FROM claims WHERE trip_id = ? AND counter_id = ? AND text = ? AND deleted_at IS NULL`, trip, counter, c.Text)
			if err != nil {
				return err
			}
			if id == 0 {
				c.TripID, c.CounterID = trip, counter
				if err := t.createClaim(&c); err != nil {
					return rowErr(r.File, r.Row, err)
				}
				id = c.ID
				touched = append(touched, trip)
				rep.Added["claims"]++
			} else {
				rep.Matched["claims"]++
			}
			claims[r.Rec.ID] = id
		}
		quotes := map[int64]int64{}
		for _, r := range b.Quotes {
			q := r.Rec
			trip, ok := trips[q.TripID]
			if !ok {
				continue
			}
			pid, err := person(r.File, r.Row, "person", q.PersonSlug)
			if err != nil {
				return err
			}
			id, err := find(`SELECT id FROM quotes WHERE trip_id = ? AND person_id = ? AND date = ? AND text = ? AND deleted_at IS NULL`, trip, pid, q.Date, q.Text)
			if err != nil {
				return err
			}
			if id == 0 {
				if id, err = t.insert(`INSERT INTO quotes(person_id, date, trip_id, stop_id, meeting_id, text, status) VALUES (?, ?, ?, ?, ?, ?, 'published')`,
					pid, q.Date, trip, nullID(stops[q.StopID]), nullID(meetings[q.MeetingID]), q.Text); err != nil {
					return rowErr(r.File, r.Row, err)
				}
				touched = append(touched, trip)
				rep.Added["quotes"]++
			} else {
				rep.Matched["quotes"]++
			}
			quotes[q.ID] = id
		}
		subjects := map[timeline.Kind]map[int64]int64{timeline.KindTrip: trips, timeline.KindStop: stops, timeline.KindMeeting: meetings, timeline.KindGoal: goals, timeline.KindEvent: events, timeline.KindClaim: claims, timeline.KindQuote: quotes}
		for _, r := range b.Citations {
			c := r.Rec
			subj, ok := subjects[c.SubjectKind][c.SubjectID]
			src, ok2 := sources[c.SourceID]
			if !ok || !ok2 {
				continue
			}
			res, err := t.exec(`INSERT OR IGNORE INTO citations(source_id, subject_kind, subject_id, passage, created_at) VALUES (?, ?, ?, ?, ?)`,
				src, c.SubjectKind, subj, timeline.NormalizeSpace(c.Passage), t.now)
			if err != nil {
				return rowErr(r.File, r.Row, err)
			}
			if n, _ := res.RowsAffected(); n == 1 {
				rep.Added["citations"]++
				if err := t.refreshFor(c.SubjectKind, subj); err != nil {
					return err
				}
			} else {
				rep.Matched["citations"]++
			}
		}
		seen := map[int64]bool{}
		for _, id := range touched {
			if !seen[id] {
				seen[id] = true
				if err := t.refreshTrip(s, id); err != nil {
					return err
				}
			}
		}
		added := 0
		for _, n := range rep.Added {
			added += n
		}
		// A dry run, or a merge that adds nothing, leaves the record (and
		// its data version) as it was.
		if dryRun || added == 0 {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// mergeBundlePeople merges what a bundle says of its people beyond
// people.csv into the record: offices (matched by title and dates),
// identifiers and the import's identity decisions. It returns the
// bundle's office ids mapped to the record's, for the participants.
func (t *tx) mergeBundlePeople(s *Store, b *timeline.Bundle, person func(file string, row int, col, slug string) (int64, error), rep *MergeReport) (map[int64]int64, error) {
	offices := map[int64]int64{}
	for _, r := range b.Offices {
		o := r.Rec
		pid, err := person(r.File, r.Row, "person", o.PersonSlug)
		if err != nil {
			return nil, err
		}
		var id int64
		err = t.QueryRowContext(t.ctx, `SELECT id FROM offices WHERE person_id = ? AND title = ? AND coalesce(start_date, '') = ? AND coalesce(end_date, '') = ?`,
			pid, o.Title, o.From.String(), o.To.String()).Scan(&id)
		if isNoRows(err) {
			if o.Country != "" && s.countries.Get(o.Country) == nil {
				return nil, timeline.Errorf(timeline.EInvalid, "%s row %d, column country: unknown country %q", r.File, r.Row, o.Country)
			}
			id, err = t.insert(`INSERT INTO offices(person_id, title, body, country, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)`,
				pid, o.Title, o.Body, nullStr(o.Country), nullDate(o.From), nullDate(o.To))
			rep.Added["offices"]++
		} else if err == nil {
			rep.Matched["offices"]++
		}
		if err != nil {
			return nil, timeline.Errorf(timeline.EInvalid, "%s row %d: %s", r.File, r.Row, timeline.ErrorMessage(mapErr(err)))
		}
		offices[o.ID] = id
	}
	for _, r := range b.Identifiers {
		pid, err := person(r.File, r.Row, "person", r.Rec.PersonSlug)
		if err != nil {
			return nil, err
		}
		res, err := t.exec(`INSERT OR IGNORE INTO person_identifiers(person_id, scheme, value) VALUES (?, ?, ?)`, pid, r.Rec.Scheme, r.Rec.Value)
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			rep.Added["identifiers"]++
		} else {
			rep.Matched["identifiers"]++
		}
	}
	recorded, err := t.recordedJoins()
	if err != nil {
		return nil, err
	}
	for _, r := range b.Merges {
		m := r.Rec
		if m.Kind != "import" {
			continue // a curator's merge or split belongs to the record it was made in
		}
		pid, err := person(r.File, r.Row, "person", m.PersonSlug)
		if err != nil {
			return nil, err
		}
		if recorded[joinKey{pid, m.Text}] {
			rep.Matched["merges"]++
			continue
		}
		if _, err := t.exec(`INSERT INTO person_merges(person_id, kind, text, matched, rule, actor, created_at) VALUES (?, 'import', ?, ?, ?, ?, ?)`,
			pid, m.Text, m.Matched, m.Rule, m.Actor, m.At); err != nil {
			return nil, err
		}
		rep.Added["merges"]++
	}
	return offices, nil
}
