package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// BundleReport says what an import of a bundle wrote.
type BundleReport struct {
	People, Trips, Stops, Meetings, Goals, Events, Claims, Counters, Sources, Citations int
	Quotes, Offices, Identifiers, Regions, Merges, RecordVersions                       int
}

// Empty reports whether the record holds nothing yet (no person, trip,
// event or source): a bundle then loads with its ids, else it merges.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM trips) + (SELECT count(*) FROM events) + (SELECT count(*) FROM sources)`).Scan(&n)
	return n == 0, err
}

// ImportBundle loads an export bundle into an empty database, every record
// under its id, in one transaction: exporting again gives the same files.
// A bad row (an unknown person, country or region, a reference to a record
// the bundle lacks) is an error naming its file and row, and nothing is
// written.
func (s *Store) ImportBundle(ctx context.Context, a Actor, b *timeline.Bundle) (*BundleReport, error) {
	rep := &BundleReport{}
	err := s.write(ctx, a, func(t *tx) error {
		var n int
		if err := t.QueryRowContext(t.ctx, `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM trips) + (SELECT count(*) FROM events) + (SELECT count(*) FROM sources)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return timeline.Errorf(timeline.EConflict, "The database already holds records; a bundle is imported into an empty database (timeline --db NEW.db import csv …), so that every record keeps its id.")
		}
		at := func(file string, row int, err error) error {
			if err == nil {
				return nil
			}
			return timeline.Errorf(timeline.EInvalid, "%s row %d: %s", file, row, timeline.ErrorMessage(mapErr(err)))
		}
		country := func(file string, row int, col, code string) error {
			if code != "" && s.countries.Get(code) == nil {
				return timeline.Errorf(timeline.EInvalid, "%s row %d, column %s: unknown country %q", file, row, col, code)
			}
			return nil
		}
		people := map[string]int64{}
		person := func(file string, row int, col, slug string) (int64, error) {
			if slug == "" {
				return 0, nil
			}
			id, ok := people[slug]
			if !ok {
				return 0, timeline.Errorf(timeline.EInvalid, "%s row %d, column %s: %s is not in people.csv", file, row, col, slug)
			}
			return id, nil
		}
		const reason = "import of an export bundle"
		for _, p := range b.People {
			if err := country("people.csv", p.Row, "country", p.Country); err != nil {
				return err
			}
			id, err := t.insert(`INSERT INTO people(slug, name, country, status, created_at, updated_at) VALUES (?, ?, ?, 'published', ?, ?)`,
				p.Slug, p.Name, nullStr(p.Country), t.now, t.now)
			if err := at("people.csv", p.Row, err); err != nil {
				return err
			}
			people[p.Slug] = id
			for _, al := range p.Aliases {
				if _, err := t.exec(`INSERT OR IGNORE INTO person_aliases(person_id, alias) VALUES (?, ?)`, id, al); err != nil {
					return err
				}
			}
			rep.People++
		}
		if err := t.bundlePeopleExtras(s, b, people, rep); err != nil {
			return err
		}
		for _, r := range b.Sources {
			src := r.Rec
			_, err := t.exec(`INSERT INTO sources(id, url, title, publisher, author, published, archive_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				src.ID, src.URL, src.Title, src.Publisher, src.Author, nullDate(src.Published), src.ArchiveURL, t.now, t.now)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			rep.Sources++
		}
		for _, r := range b.Trips {
			tr := r.Rec
			pid, err := person(r.File, r.Row, "person", tr.PersonSlug)
			if err != nil {
				return err
			}
			_, err = t.exec(`INSERT INTO trips(id, person_id, title, summary, start_date, end_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?)`,
				tr.ID, pid, tr.Title, tr.Summary, tr.Start, tr.End, t.now, t.now)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			for _, st := range tr.Stops {
				if err := country("stops.csv", 0, "country", st.Country); err != nil {
					return timeline.Errorf(timeline.EInvalid, "stops.csv, stop %d: unknown country %q", st.ID, st.Country)
				}
				st.TripID, st.PersonID = tr.ID, pid
				if err := t.insertStop(&st, ""); err != nil {
					return timeline.Errorf(timeline.EInvalid, "stops.csv, stop %d: %s", st.ID, timeline.ErrorMessage(mapErr(err)))
				}
				rep.Stops++
			}
			tr.PersonID = pid
			if err := t.revise(timeline.KindTrip, tr.ID, "create", nil, tr, reason); err != nil {
				return err
			}
			rep.Trips++
		}
		for _, r := range b.RecordVersions {
			v := r.Rec
			_, err := t.exec(`INSERT INTO record_versions(stop_id, ref, country, locality, start_date, end_date, remarks, fields, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				v.ID, v.Ref, v.Country, v.Locality, v.Start, v.End, v.Remarks, v.Fields, v.SeenAt)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			rep.RecordVersions++
		}
		for _, r := range b.Regions {
			if err := t.bundleRegion(s, r); err != nil {
				return err
			}
			rep.Regions++
		}
		for _, r := range b.Counters {
			c := r.Rec
			pid, err := person(r.File, r.Row, "person", c.PersonSlug)
			if err != nil {
				return err
			}
			if err := country(r.File, r.Row, "country", c.Country); err != nil {
				return err
			}
			_, err = t.exec(`INSERT INTO counters(id, person_id, region, country, since, unit, rule, gap_days, label, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)`, c.ID, pid, nullStr(c.Region), nullStr(c.Country), c.Since, c.Unit, c.Rule.Kind, c.Rule.GapDays, c.Label, t.now, t.now)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			rep.Counters++
		}
		for _, r := range b.Meetings {
			m := r.Rec
			_, err := t.exec(`INSERT INTO meetings(id, trip_id, stop_id, date, title, summary, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?)`,
				m.ID, nullID(m.TripID), nullID(m.StopID), m.Date, m.Title, m.Summary, t.now, t.now)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			// participants.csv, when the bundle has it, gives the seats
			// with the offices held; an older bundle has only the names.
			for i, slug := range m.ParticipantSlugs {
				if len(b.Participants) > 0 {
					break
				}
				pid, err := person(r.File, r.Row, "participants", slug)
				if err != nil {
					return err
				}
				if _, err := t.exec(`INSERT INTO participants(meeting_id, person_id, seq) VALUES (?, ?, ?)`, m.ID, pid, i); err != nil {
					return at(r.File, r.Row, err)
				}
			}
			if err := t.reviseRow(timeline.KindMeeting, "meetings", m.ID, "create", nil, reason); err != nil {
				return err
			}
			rep.Meetings++
		}
		for _, r := range b.Goals {
			g := r.Rec
			by, err := person(r.File, r.Row, "stated_by", g.StatedBySlug)
			if err != nil {
				return err
			}
			_, err = t.exec(`INSERT INTO goals(id, trip_id, text, stated_by, outcome, seq, status) VALUES (?, ?, ?, ?, ?, ?, 'published')`,
				g.ID, g.TripID, g.Text, nullID(by), g.Outcome, g.Seq)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			rep.Goals++
		}
		for _, r := range b.Events {
			e := r.Rec
			if err := country(r.File, r.Row, "country", e.Country); err != nil {
				return err
			}
			_, err := t.exec(`INSERT INTO events(id, title, kind, date, precision, end_date, country, summary, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)`, e.ID, e.Title, e.Kind, e.Date, e.Precision, nullDate(e.EndDate), nullStr(e.Country), e.Summary, t.now, t.now)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			if err := t.reviseRow(timeline.KindEvent, "events", e.ID, "create", nil, reason); err != nil {
				return err
			}
			rep.Events++
		}
		for _, r := range b.Claims {
			c := r.Rec
			_, err := t.exec(`INSERT INTO claims(id, trip_id, counter_id, stated, text, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'published', ?, ?)`,
				c.ID, c.TripID, c.CounterID, c.Stated, c.Text, t.now, t.now)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			rep.Claims++
		}
		for _, r := range b.Participants {
			pa := r.Rec
			pid, err := person(r.File, r.Row, "person", pa.PersonSlug)
			if err != nil {
				return err
			}
			_, err = t.exec(`INSERT INTO participants(meeting_id, person_id, office_id, seq) VALUES (?, ?, ?, ?)`, pa.MeetingID, pid, nullID(pa.OfficeID), pa.Seq)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
		}
		for _, r := range b.Quotes {
			q := r.Rec
			pid, err := person(r.File, r.Row, "person", q.PersonSlug)
			if err != nil {
				return err
			}
			_, err = t.exec(`INSERT INTO quotes(id, person_id, date, trip_id, stop_id, meeting_id, text, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'published')`,
				q.ID, pid, q.Date, nullID(q.TripID), nullID(q.StopID), nullID(q.MeetingID), q.Text)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			rep.Quotes++
		}
		for _, r := range b.Citations {
			c := r.Rec
			var ok int
			table := c.SubjectKind.Info().Table
			if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, c.SubjectID).Scan(&ok); err != nil {
				return err
			}
			if ok == 0 {
				return timeline.Errorf(timeline.EInvalid, "%s row %d, column subject_id: the %s %d is not in the bundle", r.File, r.Row, c.SubjectKind, c.SubjectID)
			}
			_, err := t.exec(`INSERT INTO citations(id, source_id, subject_kind, subject_id, passage, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
				c.ID, c.SourceID, c.SubjectKind, c.SubjectID, c.Passage, t.now)
			if err := at(r.File, r.Row, err); err != nil {
				return err
			}
			rep.Citations++
		}
		// The entries, oldest first of the timeline's order, so that they
		// are numbered as they were and the export reads in the same order.
		have := map[timeline.EntryRef]bool{}
		for _, r := range b.Trips {
			have[timeline.EntryRef{Kind: timeline.EntryTrip, ID: r.Rec.ID}] = true
		}
		for _, r := range b.Meetings {
			have[timeline.EntryRef{Kind: timeline.EntryMeeting, ID: r.Rec.ID}] = true
		}
		for _, r := range b.Events {
			have[timeline.EntryRef{Kind: timeline.EntryEvent, ID: r.Rec.ID}] = true
		}
		seen := map[timeline.EntryRef]bool{}
		for i := len(b.Order) - 1; i >= 0; i-- {
			r := b.Order[i]
			if !have[r.Rec] {
				return timeline.Errorf(timeline.EInvalid, "%s row %d: the %s %d is not in the bundle's %ss", r.File, r.Row, r.Rec.Kind, r.Rec.ID, r.Rec.Kind)
			}
			var err error
			switch r.Rec.Kind {
			case timeline.EntryTrip:
				err = t.refreshTripEntry(s, r.Rec.ID)
			case timeline.EntryMeeting:
				err = t.refreshMeeting(r.Rec.ID)
			case timeline.EntryEvent:
				err = t.refreshEvent(r.Rec.ID)
			}
			if err != nil {
				return at(r.File, r.Row, err)
			}
			seen[r.Rec] = true
		}
		var missing []string
		for _, r := range b.Trips {
			if !seen[timeline.EntryRef{Kind: timeline.EntryTrip, ID: r.Rec.ID}] {
				missing = append(missing, fmt.Sprintf("trip %d", r.Rec.ID))
			}
		}
		for _, r := range b.Meetings {
			if !seen[timeline.EntryRef{Kind: timeline.EntryMeeting, ID: r.Rec.ID}] {
				missing = append(missing, fmt.Sprintf("meeting %d", r.Rec.ID))
			}
		}
		for _, r := range b.Events {
			if !seen[timeline.EntryRef{Kind: timeline.EntryEvent, ID: r.Rec.ID}] {
				missing = append(missing, fmt.Sprintf("event %d", r.Rec.ID))
			}
		}
		if len(missing) > 0 {
			return timeline.Errorf(timeline.EInvalid, "timeline.csv does not list %s of the bundle (%d in all)", missing[0], len(missing))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// bundlePeopleExtras loads what a bundle says of its people beyond
// people.csv: their offices (under their ids, which participants.csv
// names), identifiers and identity decisions.
func (t *tx) bundlePeopleExtras(s *Store, b *timeline.Bundle, people map[string]int64, rep *BundleReport) error {
	at := func(file string, row int, err error) error {
		if err == nil {
			return nil
		}
		return timeline.Errorf(timeline.EInvalid, "%s row %d: %s", file, row, timeline.ErrorMessage(mapErr(err)))
	}
	person := func(file string, row int, col, slug string) (int64, error) {
		id, ok := people[slug]
		if !ok {
			return 0, timeline.Errorf(timeline.EInvalid, "%s row %d, column %s: %s is not in people.csv", file, row, col, slug)
		}
		return id, nil
	}
	for _, r := range b.Offices {
		o := r.Rec
		pid, err := person(r.File, r.Row, "person", o.PersonSlug)
		if err != nil {
			return err
		}
		if o.Country != "" && s.countries.Get(o.Country) == nil {
			return timeline.Errorf(timeline.EInvalid, "%s row %d, column country: unknown country %q", r.File, r.Row, o.Country)
		}
		_, err = t.exec(`INSERT INTO offices(id, person_id, title, body, country, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			o.ID, pid, o.Title, o.Body, nullStr(o.Country), nullDate(o.From), nullDate(o.To))
		if err := at(r.File, r.Row, err); err != nil {
			return err
		}
		rep.Offices++
	}
	for _, r := range b.Identifiers {
		pid, err := person(r.File, r.Row, "person", r.Rec.PersonSlug)
		if err != nil {
			return err
		}
		_, err = t.exec(`INSERT INTO person_identifiers(person_id, scheme, value) VALUES (?, ?, ?)`, pid, r.Rec.Scheme, r.Rec.Value)
		if err := at(r.File, r.Row, err); err != nil {
			return err
		}
		rep.Identifiers++
	}
	for _, r := range b.Merges {
		m := r.Rec
		pid, err := person(r.File, r.Row, "person", m.PersonSlug)
		if err != nil {
			return err
		}
		var other int64
		if m.OtherSlug != "" {
			if other, err = person(r.File, r.Row, "other", m.OtherSlug); err != nil {
				return err
			}
		}
		_, err = t.exec(`INSERT INTO person_merges(id, person_id, other_id, kind, text, matched, rule, actor, created_at, undone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.ID, pid, nullID(other), m.Kind, m.Text, m.Matched, m.Rule, m.Actor, m.At, nullStr(m.UndoneAt))
		if err := at(r.File, r.Row, err); err != nil {
			return err
		}
		rep.Merges++
	}
	return nil
}

// bundleRegion adds a curator's region of a bundle, or checks that the one
// of that code already here has the same members.
func (t *tx) bundleRegion(s *Store, r timeline.Row[timeline.Region]) error {
	rg := r.Rec
	for _, m := range rg.Members {
		if s.countries.Get(m) == nil {
			return timeline.Errorf(timeline.EInvalid, "%s row %d, column members: unknown country %q", r.File, r.Row, m)
		}
	}
	var have string
	err := t.QueryRowContext(t.ctx, `SELECT coalesce((SELECT group_concat(country, ' ') FROM (SELECT country FROM region_members WHERE region = ? ORDER BY country)), '')
		FROM regions WHERE code = ?`, rg.Code, rg.Code).Scan(&have)
	if err == nil {
		if have != strings.Join(rg.Members, " ") {
			return timeline.Errorf(timeline.EConflict, "%s row %d: the region %s is here already with other members (%s)", r.File, r.Row, rg.Code, have)
		}
		return nil
	} else if !isNoRows(err) {
		return err
	}
	if _, err := t.exec(`INSERT INTO regions(code, name, notes, status) VALUES (?, ?, ?, 'published')`, rg.Code, rg.Name, rg.Notes); err != nil {
		return timeline.Errorf(timeline.EInvalid, "%s row %d: %s", r.File, r.Row, timeline.ErrorMessage(mapErr(err)))
	}
	for _, m := range rg.Members {
		if _, err := t.exec(`INSERT INTO region_members(region, country) VALUES (?, ?)`, rg.Code, m); err != nil {
			return err
		}
	}
	return nil
}
