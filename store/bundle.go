package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// bundleTable is one file of the export bundle: a header and the query of
// its rows for a view.
type bundleTable struct {
	Name   string
	Header []string
	// Fill, when set, completes each row before it is written: the
	// columns computed rather than stored (a claim's check) are empty
	// until then.
	Fill  func(cells []string) error
	query string
	args  []any
	// each, when set, makes the rows instead of the query (ordinals.csv).
	each func(ctx context.Context, fn func([]string) error) error
}

// BundleTables are the files of the bundle of the view f: the view's
// published trips, meetings and events, and everything they hold or cite
// — the people, stops, goals, claims, the counters of their travellers,
// citations and sources. Each query selects by the view's own conditions, so a bundle
// of any size is read in one pass per file.
func (s *Store) BundleTables(ctx context.Context, f timeline.Filter) ([]timeline.BundleTable, error) {
	if err := s.checkFilter(ctx, f); err != nil {
		return nil, err
	}
	f.Drafts, f.After, f.Before = false, nil, nil
	f.Order = timeline.OldestFirst
	w, args := where(f)
	// table builds one file's query; of(kind) is the view's records of a
	// kind, and each use of it takes the view's arguments once more.
	table := func(name string, header []string, build func(of func(kind string) string) string) bundleTable {
		var qargs []any
		of := func(kind string) string {
			qargs = append(qargs, args...)
			return `(SELECT e.record_id FROM entries e` + and(w, `e.kind = '`+kind+`'`) + `)`
		}
		return bundleTable{Name: name, Header: header, query: build(of), args: qargs}
	}
	live := func(alias string) string { return alias + `.deleted_at IS NULL AND ` + alias + `.status = 'published'` }
	trip, meeting, event := timeline.EntryTrip, timeline.EntryMeeting, timeline.EntryEvent
	// bundlePeople is the condition on people p of the bundle: travellers,
	// participants, those who stated a goal or said a quote.
	bundlePeople := func(of func(string) string, p string) string {
		return `(` + p + `.id IN (SELECT person_id FROM trips WHERE id IN ` + of(trip) + `)
				OR ` + p + `.id IN (SELECT x.person_id FROM participants x WHERE x.meeting_id IN ` + of(meeting) + `)
				OR ` + p + `.id IN (SELECT stated_by FROM goals WHERE ` + live("goals") + ` AND trip_id IN ` + of(trip) + `)
				OR ` + p + `.id IN (SELECT person_id FROM quotes WHERE ` + live("quotes") + ` AND trip_id IN ` + of(trip) + `))`
	}
	tables := []bundleTable{
		table("people.csv", []string{"slug", "name", "country", "aliases"}, func(of func(string) string) string {
			return `SELECT p.slug, p.name, coalesce(p.country, ''),
				coalesce((SELECT group_concat(alias, '; ') FROM (SELECT alias FROM person_aliases WHERE person_id = p.id ORDER BY alias)), '')
				FROM people p WHERE ` + bundlePeople(of, "p") + ` ORDER BY p.slug`
		}),
		table("offices.csv", timeline.BundleHeaders["offices.csv"], func(of func(string) string) string {
			return `SELECT o.id, p.slug, o.title, o.body, coalesce(o.country, ''), coalesce(o.start_date, ''), coalesce(o.end_date, '')
				FROM offices o JOIN people p ON p.id = o.person_id WHERE ` + bundlePeople(of, "p") + ` ORDER BY o.id`
		}),
		table("identifiers.csv", timeline.BundleHeaders["identifiers.csv"], func(of func(string) string) string {
			return `SELECT p.slug, i.scheme, i.value FROM person_identifiers i JOIN people p ON p.id = i.person_id
				WHERE ` + bundlePeople(of, "p") + ` ORDER BY p.slug, i.scheme`
		}),
		// The identity decisions about the bundle's people whose people
		// are all in it: the import's joins and curators' splits (a
		// merged-away person is deleted, so not in the bundle).
		table("merges.csv", timeline.BundleHeaders["merges.csv"], func(of func(string) string) string {
			return `SELECT m.id, p.slug, coalesce(o.slug, ''), m.kind, m.text, m.matched, m.rule, m.actor, m.created_at, coalesce(m.undone_at, '')
				FROM person_merges m JOIN people p ON p.id = m.person_id LEFT JOIN people o ON o.id = m.other_id
				WHERE ` + bundlePeople(of, "p") + ` AND (m.other_id IS NULL OR (o.deleted_at IS NULL AND ` + bundlePeople(of, "o") + `)) ORDER BY m.id`
		}),
		// The curators' regions the bundle's counters use (the bureaus
		// are in every database).
		table("regions.csv", timeline.BundleHeaders["regions.csv"], func(of func(string) string) string {
			return `SELECT r.code, r.name, r.notes, coalesce((SELECT group_concat(country, ' ') FROM (SELECT country FROM region_members WHERE region = r.code ORDER BY country)), '')
				FROM regions r WHERE r.builtin = 0 AND r.deleted_at IS NULL AND r.code IN (SELECT c.region FROM counters c
					WHERE ` + live("c") + ` AND c.person_id IN (SELECT person_id FROM trips WHERE id IN ` + of(trip) + `)) ORDER BY r.code`
		}),
		table("trips.csv", []string{"id", "person", "title", "summary", "start_date", "end_date"}, func(of func(string) string) string {
			return `SELECT t.id, p.slug, t.title, t.summary, t.start_date, t.end_date FROM trips t JOIN people p ON p.id = t.person_id
				WHERE t.id IN ` + of(trip) + ` ORDER BY t.start_date, t.id`
		}),
		table("stops.csv", []string{"id", "trip_id", "person", "seq", "country", "locality", "start_date", "end_date", "remarks", "ref"}, func(of func(string) string) string {
			return `SELECT s.id, s.trip_id, p.slug, s.seq, s.country, s.locality, s.start_date, s.end_date, s.remarks, s.ref
				FROM stops s JOIN people p ON p.id = s.person_id WHERE s.trip_id IN ` + of(trip) + ` ORDER BY s.start_date, s.trip_id, s.seq`
		}),
		table("record_versions.csv", timeline.BundleHeaders["record_versions.csv"], func(of func(string) string) string {
			return `SELECT v.stop_id, v.ref, v.country, v.locality, v.start_date, v.end_date, v.remarks, v.fields, v.seen_at
				FROM record_versions v JOIN stops s ON s.id = v.stop_id WHERE s.trip_id IN ` + of(trip) + ` ORDER BY v.stop_id`
		}),
		table("meetings.csv", []string{"id", "trip_id", "stop_id", "date", "title", "summary", "participants"}, func(of func(string) string) string {
			return `SELECT m.id, m.trip_id, m.stop_id, m.date, m.title, m.summary,
				coalesce((SELECT group_concat(slug, '; ') FROM (SELECT p.slug FROM participants x JOIN people p ON p.id = x.person_id
					WHERE x.meeting_id = m.id ORDER BY x.seq, p.slug)), '')
				FROM meetings m WHERE m.id IN ` + of(meeting) + ` ORDER BY m.date, m.id`
		}),
		table("participants.csv", timeline.BundleHeaders["participants.csv"], func(of func(string) string) string {
			return `SELECT x.meeting_id, p.slug, coalesce(x.office_id, ''), x.seq FROM participants x JOIN people p ON p.id = x.person_id
				WHERE x.meeting_id IN ` + of(meeting) + ` ORDER BY x.meeting_id, x.seq, p.slug`
		}),
		table("quotes.csv", timeline.BundleHeaders["quotes.csv"], func(of func(string) string) string {
			return `SELECT q.id, coalesce(q.trip_id, ''), coalesce(q.stop_id, ''), coalesce(q.meeting_id, ''), p.slug, q.date, q.text
				FROM quotes q JOIN people p ON p.id = q.person_id WHERE ` + live("q") + ` AND q.trip_id IN ` + of(trip) + ` ORDER BY q.date, q.id`
		}),
		table("goals.csv", []string{"id", "trip_id", "seq", "text", "stated_by", "outcome"}, func(of func(string) string) string {
			return `SELECT g.id, g.trip_id, g.seq, g.text, coalesce(p.slug, ''), g.outcome FROM goals g LEFT JOIN people p ON p.id = g.stated_by
				WHERE ` + live("g") + ` AND g.trip_id IN ` + of(trip) + ` ORDER BY g.trip_id, g.seq, g.id`
		}),
		table("events.csv", []string{"id", "kind", "date", "date_precision", "end_date", "country", "title", "summary"}, func(of func(string) string) string {
			return `SELECT v.id, v.kind, v.date, v.precision, coalesce(v.end_date, ''), coalesce(v.country, ''), v.title, v.summary
				FROM events v WHERE v.id IN ` + of(event) + ` ORDER BY v.date, v.id`
		}),
		table("claims.csv", timeline.BundleHeaders["claims.csv"], func(of func(string) string) string {
			return `SELECT c.id, c.trip_id, c.counter_id, c.stated, c.text, '', '' FROM claims c
				WHERE ` + live("c") + ` AND c.trip_id IN ` + of(trip) + ` ORDER BY c.id`
		}),
		table("counters.csv", []string{"id", "person", "region", "country", "since", "unit", "rule", "gap_days", "label"}, func(of func(string) string) string {
			return `SELECT c.id, p.slug, coalesce(c.region, ''), coalesce(c.country, ''), c.since, c.unit, c.rule, c.gap_days, c.label
				FROM counters c JOIN people p ON p.id = c.person_id
				WHERE ` + live("c") + ` AND c.person_id IN (SELECT person_id FROM trips WHERE id IN ` + of(trip) + `) ORDER BY c.id`
		}),
		table("citations.csv", []string{"id", "source_id", "subject_kind", "subject_id", "passage"}, func(of func(string) string) string {
			return `SELECT c.id, c.source_id, c.subject_kind, c.subject_id, c.passage FROM citations c JOIN sources s ON s.id = c.source_id
				WHERE s.deleted_at IS NULL AND ` + citedBy(of) + ` ORDER BY c.id`
		}),
		table("sources.csv", []string{"id", "url", "title", "publisher", "author", "published", "archive_url"}, func(of func(string) string) string {
			return `SELECT s.id, s.url, s.title, s.publisher, s.author, coalesce(s.published, ''), s.archive_url FROM sources s
				WHERE s.deleted_at IS NULL AND s.id IN (SELECT c.source_id FROM citations c WHERE ` + citedBy(of) + `) ORDER BY s.id`
		}),
	}
	// Each claim with the number the record gives and the verdict.
	n := s.Numberer(ctx)
	counters := map[int64]*timeline.Counter{}
	counter := func(id int64) (*timeline.Counter, error) {
		if c, ok := counters[id]; ok {
			return c, nil
		}
		c, err := s.Counter(ctx, id)
		if timeline.ErrorCode(err) == timeline.ENotFound {
			c, err = nil, nil // a draft counter: the claim is not checked
		}
		counters[id] = c
		return c, err
	}
	for i := range tables {
		if tables[i].Name != "claims.csv" {
			continue
		}
		tables[i].Fill = func(cells []string) error {
			var cl timeline.Claim
			var err error
			if cl.ID, err = strconv.ParseInt(cells[0], 10, 64); err != nil {
				return err
			}
			cl.TripID, _ = strconv.ParseInt(cells[1], 10, 64)
			cl.CounterID, _ = strconv.ParseInt(cells[2], 10, 64)
			cl.Stated, _ = strconv.Atoi(cells[3])
			c, err := counter(cl.CounterID)
			if err != nil || c == nil {
				cells[6] = "not checked: its counter is a draft"
				return err
			}
			res, err := n.Number(*c)
			if err != nil {
				return err
			}
			ch := timeline.CheckClaim(cl, res)
			cells[5], cells[6] = "", string(ch.Verdict)
			if ch.Computed > 0 {
				cells[5] = strconv.Itoa(ch.Computed)
			}
			return nil
		}
	}
	// The ordinals the view's counters give its trips and stops.
	trips := table("", nil, func(of func(string) string) string { return of(trip) })
	tables = append(tables, bundleTable{Name: "ordinals.csv", Header: timeline.BundleHeaders["ordinals.csv"],
		each: func(ctx context.Context, fn func([]string) error) error {
			inView := map[int64]bool{}
			var persons []int64
			rows, err := s.r.QueryContext(ctx, `SELECT t.id, t.person_id FROM trips t WHERE t.id IN `+trips.query, trips.args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id, person int64
				if err := rows.Scan(&id, &person); err != nil {
					rows.Close()
					return err
				}
				inView[id] = true
				persons = append(persons, person)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			cs, err := s.CountersOf(ctx, persons...)
			if err != nil || len(cs) == 0 {
				return err
			}
			ids := make([]int64, len(cs))
			for i, c := range cs {
				ids[i] = c.ID
			}
			os, err := s.Ordinals(ctx, ids)
			if err != nil {
				return err
			}
			for _, o := range os {
				if !inView[o.TripID] {
					continue
				}
				if err := fn([]string{strconv.FormatInt(o.CounterID, 10), string(o.SubjectKind), strconv.FormatInt(o.SubjectID, 10), strconv.Itoa(o.Ordinal), o.Phrase}); err != nil {
					return err
				}
			}
			return nil
		}})
	out := make([]timeline.BundleTable, len(tables))
	for i, t := range tables {
		out[i] = timeline.BundleTable{Name: t.Name, Header: t.Header, Rows: func(ctx context.Context, fn func([]string) error) error {
			return s.eachRow(ctx, t, fn)
		}}
	}
	return out, nil
}

// citedBy is the condition on citations c of the view's records: its
// trips, their stops, goals, claims and quotes, its meetings and events.
func citedBy(of func(string) string) string {
	return `((c.subject_kind = 'trip' AND c.subject_id IN ` + of(timeline.EntryTrip) + `)
		OR (c.subject_kind = 'stop' AND c.subject_id IN (SELECT id FROM stops WHERE trip_id IN ` + of(timeline.EntryTrip) + `))
		OR (c.subject_kind = 'goal' AND c.subject_id IN (SELECT id FROM goals WHERE deleted_at IS NULL AND status = 'published' AND trip_id IN ` + of(timeline.EntryTrip) + `))
		OR (c.subject_kind = 'claim' AND c.subject_id IN (SELECT id FROM claims WHERE deleted_at IS NULL AND status = 'published' AND trip_id IN ` + of(timeline.EntryTrip) + `))
		OR (c.subject_kind = 'quote' AND c.subject_id IN (SELECT id FROM quotes WHERE deleted_at IS NULL AND status = 'published' AND trip_id IN ` + of(timeline.EntryTrip) + `))
		OR (c.subject_kind = 'meeting' AND c.subject_id IN ` + of(timeline.EntryMeeting) + `)
		OR (c.subject_kind = 'event' AND c.subject_id IN ` + of(timeline.EntryEvent) + `))`
}

// eachRow streams the rows of a bundle table as text cells.
func (s *Store) eachRow(ctx context.Context, t bundleTable, fn func([]string) error) error {
	if t.each != nil {
		return t.each(ctx, fn)
	}
	rows, err := s.r.QueryContext(ctx, t.query, t.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cells := make([]sql.NullString, len(t.Header))
	dest := make([]any, len(cells))
	for i := range cells {
		dest[i] = &cells[i]
	}
	out := make([]string, len(cells))
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for i, c := range cells {
			out[i] = c.String
		}
		if t.Fill != nil {
			if err := t.Fill(out); err != nil {
				return err
			}
		}
		if err := fn(out); err != nil {
			return err
		}
	}
	return rows.Err()
}
