package store

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// The entries table is the timeline's index: each trip, meeting and event
// has one row, rewritten by these helpers in the transaction that changes
// the record, so the timeline can never disagree with the records.

type entryRow struct {
	kind       string
	recordID   int64
	start, end timeline.Date
	precision  timeline.Precision
	personID   int64
	title      string
	summary    string
	countries  []string
	localities string
	status     timeline.Status
	searchText string
	// sourceURLs, when set, are the entry's sources, so putEntry need not
	// look them up (an import knows every stop it adds cites the record).
	sourceURLs string
	// fresh says the entry is new (its record was just made): nothing of
	// it is there to replace.
	fresh bool
}

// entrySourceIDsSQL selects the sources shown for the facts of entry
// kind ?2, record ?3, whose status is ?4: a trip's own citations, its
// stops', and its meetings', goals', quotes' and claims' (published ones;
// a draft trip's drafts too); a meeting's or an event's own. Each branch
// goes by the citations' index.
const entrySourceIDsSQL = `SELECT c.source_id FROM citations c WHERE c.subject_kind = ?2 AND c.subject_id = ?3
	UNION SELECT c.source_id FROM stops x JOIN citations c ON c.subject_kind = 'stop' AND c.subject_id = x.id
	  WHERE ?2 = 'trip' AND x.trip_id = ?3
	UNION SELECT c.source_id FROM meetings x JOIN citations c ON c.subject_kind = 'meeting' AND c.subject_id = x.id
	  WHERE ?2 = 'trip' AND x.trip_id = ?3 AND x.deleted_at IS NULL AND (x.status = 'published' OR ?4 = 'draft')
	UNION SELECT c.source_id FROM goals x JOIN citations c ON c.subject_kind = 'goal' AND c.subject_id = x.id
	  WHERE ?2 = 'trip' AND x.trip_id = ?3 AND x.deleted_at IS NULL AND (x.status = 'published' OR ?4 = 'draft')
	UNION SELECT c.source_id FROM quotes x JOIN citations c ON c.subject_kind = 'quote' AND c.subject_id = x.id
	  WHERE ?2 = 'trip' AND x.trip_id = ?3 AND x.deleted_at IS NULL AND (x.status = 'published' OR ?4 = 'draft')
	UNION SELECT c.source_id FROM claims x JOIN citations c ON c.subject_kind = 'claim' AND c.subject_id = x.id
	  WHERE ?2 = 'trip' AND x.trip_id = ?3 AND x.deleted_at IS NULL AND (x.status = 'published' OR ?4 = 'draft')`

// entrySourcesSQL is the URLs of those sources in source order, joined by
// "; " as the exports write them (entries.source_urls).
const entrySourcesSQL = `coalesce((SELECT group_concat(url, '; ') FROM (SELECT s.url FROM sources s
	WHERE s.deleted_at IS NULL AND s.id IN (` + entrySourceIDsSQL + `) ORDER BY s.id)), '')`

func (t *tx) putEntry(e entryRow) error {
	if e.precision == "" {
		e.precision = timeline.PrecisionDay
	}
	var id int64
	if e.fresh {
		id, err := t.insert(`INSERT INTO entries(kind, record_id, start_date, end_date, precision, person_id, title, summary, countries, localities, status, search_text, has_sources, source_urls)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.kind, e.recordID, e.start.String(), e.end.String(), e.precision, nullID(e.personID), e.title, e.summary,
			strings.Join(e.countries, " "), e.localities, e.status, e.searchText, e.sourceURLs != "", e.sourceURLs)
		if err != nil {
			return err
		}
		return t.putEntryCountries(id, e)
	}
	err := t.QueryRowContext(t.ctx, `INSERT INTO entries(kind, record_id, start_date, end_date, precision, person_id, title, summary, countries, localities, status, search_text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(kind, record_id) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date,
			precision = excluded.precision, person_id = excluded.person_id, title = excluded.title, summary = excluded.summary,
			countries = excluded.countries, localities = excluded.localities, status = excluded.status, search_text = excluded.search_text
		RETURNING id`,
		e.kind, e.recordID, e.start.String(), e.end.String(), e.precision, nullID(e.personID), e.title, e.summary,
		strings.Join(e.countries, " "), e.localities, e.status, e.searchText).Scan(&id)
	if err != nil {
		return err
	}
	if err := t.putEntrySources(id, timeline.Kind(e.kind), e.recordID, e.status, e.sourceURLs); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM entry_countries WHERE entry_id = ?`, id); err != nil {
		return err
	}
	return t.putEntryCountries(id, e)
}

// putEntrySources rewrites an entry's sources: urls when given, else
// looked up.
func (t *tx) putEntrySources(id int64, kind timeline.Kind, recordID int64, status timeline.Status, urls string) error {
	if urls != "" {
		_, err := t.exec(`UPDATE entries SET source_urls = ?2, has_sources = 1 WHERE id = ?1`, id, urls)
		return err
	}
	if _, err := t.exec(`UPDATE entries SET source_urls = `+entrySourcesSQL+` WHERE id = ?1`, id, kind, recordID, status); err != nil {
		return err
	}
	_, err := t.exec(`UPDATE entries SET has_sources = (source_urls <> '') WHERE id = ?`, id)
	return err
}

// refreshTripSources rewrites the sources of a trip's entry, after a
// change to one of its facts that has an entry of its own (a meeting).
func (t *tx) refreshTripSources(tripID int64) error {
	var id int64
	var status timeline.Status
	err := t.QueryRowContext(t.ctx, `SELECT id, status FROM entries WHERE kind = 'trip' AND record_id = ?`, tripID).Scan(&id, &status)
	if isNoRows(err) {
		return nil
	} else if err != nil {
		return err
	}
	return t.putEntrySources(id, timeline.EntryTrip, tripID, status, "")
}

func (t *tx) putEntryCountries(id int64, e entryRow) error {
	for _, c := range e.countries {
		if _, err := t.exec(`INSERT OR IGNORE INTO entry_countries(country, entry_id, start_date) VALUES (?, ?, ?)`, c, id, e.start.String()); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) dropEntry(kind timeline.Kind, id int64) error {
	_, err := t.exec(`DELETE FROM entries WHERE kind = ? AND record_id = ?`, kind, id)
	return err
}

// refreshTrip rewrites the entry of a trip and of its meetings from the
// stored rows; a deleted trip loses its entries.
func (t *tx) refreshTrip(s *Store, id int64) error {
	if err := t.refreshTripEntry(s, id); err != nil {
		return err
	}
	return t.refreshTripMeetings(id)
}

// refreshTripEntry rewrites the trip's own entry (or drops it), leaving
// its meetings' entries as they are.
func (t *tx) refreshTripEntry(s *Store, id int64) error {
	var (
		personID   int64
		title      string
		summary    string
		status     timeline.Status
		deletedAt  sql.NullString
		start, end timeline.Date
	)
	err := t.QueryRowContext(t.ctx, `SELECT person_id, title, summary, status, deleted_at, start_date, end_date FROM trips WHERE id = ?`, id).
		Scan(&personID, &title, &summary, &status, &deletedAt, &start, &end)
	if errors.Is(err, sql.ErrNoRows) || deletedAt.Valid {
		if err := t.dropEntry(timeline.EntryTrip, id); err != nil {
			return err
		}
		_, err := t.exec(`DELETE FROM entries WHERE kind = 'meeting' AND record_id IN (SELECT id FROM meetings WHERE trip_id = ?)`, id)
		return err
	} else if err != nil {
		return err
	}
	stops, err := t.tripStops(id)
	if err != nil {
		return err
	}
	countries := timeline.StopCountries(stops)
	if title == "" {
		title = s.tripTitle(countries)
	}
	var locs []string
	for _, st := range stops {
		if st.Locality != "" {
			locs = append(locs, st.Locality)
		}
	}
	words, err := t.words(`
		SELECT remarks FROM stops WHERE trip_id = ?1
		-- The traveller's name and other names: a visitor's visits are
		-- found by any spelling of them (Binyamin Netanyahu).
		UNION ALL SELECT name FROM people WHERE id = ?2
		UNION ALL SELECT alias FROM person_aliases WHERE person_id = ?2
		UNION ALL SELECT text || ' ' || outcome FROM goals WHERE trip_id = ?1 AND deleted_at IS NULL AND status = 'published'
		UNION ALL SELECT text FROM quotes WHERE trip_id = ?1 AND deleted_at IS NULL AND status = 'published'
		UNION ALL SELECT text FROM claims WHERE trip_id = ?1 AND deleted_at IS NULL AND status = 'published'
		UNION ALL SELECT s.title || ' ' || s.publisher || ' ' || c.passage FROM (
		    -- One branch per kind of subject, each by the citations' index:
		    -- an OR of them made SQLite scan every citation for every trip.
		    SELECT source_id, passage FROM citations WHERE subject_kind = 'trip' AND subject_id = ?1
		    UNION ALL SELECT c.source_id, c.passage FROM stops x JOIN citations c ON c.subject_kind = 'stop' AND c.subject_id = x.id WHERE x.trip_id = ?1
		    UNION ALL SELECT c.source_id, c.passage FROM goals x JOIN citations c ON c.subject_kind = 'goal' AND c.subject_id = x.id
		      WHERE x.trip_id = ?1 AND x.deleted_at IS NULL AND x.status = 'published'
		    UNION ALL SELECT c.source_id, c.passage FROM quotes x JOIN citations c ON c.subject_kind = 'quote' AND c.subject_id = x.id
		      WHERE x.trip_id = ?1 AND x.deleted_at IS NULL AND x.status = 'published'
		    UNION ALL SELECT c.source_id, c.passage FROM claims x JOIN citations c ON c.subject_kind = 'claim' AND c.subject_id = x.id
		      WHERE x.trip_id = ?1 AND x.deleted_at IS NULL AND x.status = 'published'
		  ) c JOIN sources s ON s.id = c.source_id WHERE s.deleted_at IS NULL`, id, personID)
	if err != nil {
		return err
	}
	if err := t.putEntry(entryRow{
		kind: timeline.EntryTrip, recordID: id, start: start, end: end, personID: personID,
		title: title, summary: summary, countries: countries, localities: strings.Join(locs, "; "), status: status, searchText: words,
	}); err != nil {
		return err
	}
	return nil
}

// refreshTripMeetings rewrites the entries of the trip's meetings, whose
// countries and status follow the trip's.
func (t *tx) refreshTripMeetings(id int64) error {
	rows, err := t.QueryContext(t.ctx, `SELECT id FROM meetings WHERE trip_id = ? AND deleted_at IS NULL`, id)
	if err != nil {
		return err
	}
	var mids []int64
	for rows.Next() {
		var m int64
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return err
		}
		mids = append(mids, m)
	}
	rows.Close()
	// The trip's entry, just written, has its meetings' sources already.
	for _, m := range mids {
		if _, err := t.refreshMeetingEntry(m); err != nil {
			return err
		}
	}
	return nil
}

// putImportedTrip writes the entry of a trip an import has just made, from
// what the import holds (its stops, all citing src), instead of reading it
// all back as refreshTrip does: an import makes thousands of trips.
func (t *tx) putImportedTrip(s *Store, trip *timeline.Trip, src *timeline.Source) error {
	countries := timeline.StopCountries(trip.Stops)
	title := trip.Title
	if title == "" {
		title = s.tripTitle(countries)
	}
	var locs, words []string
	for _, st := range trip.Stops {
		if st.Locality != "" {
			locs = append(locs, st.Locality)
		}
		if st.Remarks != "" {
			words = append(words, st.Remarks)
		}
	}
	names, err := t.words(`SELECT name FROM people WHERE id = ?1 UNION ALL SELECT alias FROM person_aliases WHERE person_id = ?1`, trip.PersonID)
	if err != nil {
		return err
	}
	words = append(words, names)
	for range trip.Stops {
		words = append(words, src.Title+" "+src.Publisher+" ")
	}
	return t.putEntry(entryRow{
		kind: timeline.EntryTrip, recordID: trip.ID, start: trip.Start, end: trip.End, personID: trip.PersonID,
		title: title, countries: countries, localities: strings.Join(locs, "; "), status: trip.Status,
		searchText: strings.Join(words, "\n"), sourceURLs: src.URL, fresh: true,
	})
}

// tripTitle names an untitled trip by its countries: "Israel, Saudi
// Arabia, Qatar and United Kingdom".
func (s *Store) tripTitle(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = s.countries.Name(c)
	}
	switch len(names) {
	case 0:
		return "Trip"
	case 1:
		return "Trip to " + names[0]
	}
	if len(names) > 6 {
		return "Trip to " + strings.Join(names[:5], ", ") + " and " + strconv.Itoa(len(names)-5) + " more"
	}
	return "Trip to " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// refreshMeeting rewrites a meeting's entry and its trip's sources, which
// include the meeting's.
func (t *tx) refreshMeeting(id int64) error {
	trip, err := t.refreshMeetingEntry(id)
	if err != nil || trip == 0 {
		return err
	}
	return t.refreshTripSources(trip)
}

// refreshMeetingEntry rewrites a meeting's entry (or drops it) and returns
// its trip, if any.
func (t *tx) refreshMeetingEntry(id int64) (trip int64, err error) {
	var (
		tripID, stopID sql.NullInt64
		date           timeline.Date
		title, summary string
		status         timeline.Status
		deletedAt      sql.NullString
		personID       sql.NullInt64
		tripStatus     sql.NullString
		country        sql.NullString
		locality       sql.NullString
	)
	err = t.QueryRowContext(t.ctx, `SELECT m.trip_id, m.stop_id, m.date, m.title, m.summary, m.status, m.deleted_at,
			t.person_id, t.status, s.country, s.locality
		FROM meetings m LEFT JOIN trips t ON t.id = m.trip_id AND t.deleted_at IS NULL LEFT JOIN stops s ON s.id = m.stop_id
		WHERE m.id = ?`, id).
		Scan(&tripID, &stopID, &date, &title, &summary, &status, &deletedAt, &personID, &tripStatus, &country, &locality)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, t.dropEntry(timeline.EntryMeeting, id)
	} else if err != nil {
		return 0, err
	}
	trip = tripID.Int64
	if deletedAt.Valid || (tripID.Valid && !personID.Valid) {
		return trip, t.dropEntry(timeline.EntryMeeting, id)
	}
	if tripStatus.Valid && tripStatus.String == string(timeline.Draft) {
		status = timeline.Draft
	}
	var countries []string
	if country.Valid {
		countries = []string{country.String}
	}
	words, err := t.words(`
		SELECT p.name || ' ' || coalesce(o.title || ' ' || o.body, '') FROM participants pa JOIN people p ON p.id = pa.person_id
		  LEFT JOIN offices o ON o.id = pa.office_id WHERE pa.meeting_id = ?1
		UNION ALL SELECT s.title || ' ' || s.publisher || ' ' || c.passage FROM citations c JOIN sources s ON s.id = c.source_id
		  WHERE s.deleted_at IS NULL AND c.subject_kind = 'meeting' AND c.subject_id = ?1`, id)
	if err != nil {
		return 0, err
	}
	return trip, t.putEntry(entryRow{
		kind: timeline.EntryMeeting, recordID: id, start: date, end: date, personID: personID.Int64,
		title: title, summary: summary, countries: countries, localities: locality.String, status: status, searchText: words,
	})
}

func (t *tx) refreshEvent(id int64) error {
	var (
		e         timeline.Event
		country   sql.NullString
		deletedAt sql.NullString
	)
	err := t.QueryRowContext(t.ctx, `SELECT title, kind, date, precision, end_date, country, summary, status, deleted_at FROM events WHERE id = ?`, id).
		Scan(&e.Title, &e.Kind, &e.Date, &e.Precision, &e.EndDate, &country, &e.Summary, &e.Status, &deletedAt)
	if errors.Is(err, sql.ErrNoRows) || deletedAt.Valid {
		return t.dropEntry(timeline.EntryEvent, id)
	} else if err != nil {
		return err
	}
	span := e.Span()
	var countries []string
	if country.Valid {
		countries = []string{country.String}
	}
	words, err := t.words(`SELECT s.title || ' ' || s.publisher || ' ' || c.passage FROM citations c JOIN sources s ON s.id = c.source_id
		WHERE s.deleted_at IS NULL AND c.subject_kind = 'event' AND c.subject_id = ?1`, id)
	if err != nil {
		return err
	}
	return t.putEntry(entryRow{
		kind: timeline.EntryEvent, recordID: id, start: span.Start, end: span.End, precision: e.Precision,
		title: e.Title, summary: e.Summary, countries: countries, status: e.Status, searchText: words,
	})
}

// words joins the text a query returns, for an entry's search_text.
func (t *tx) words(q string, args ...any) (string, error) {
	rows, err := t.QueryContext(t.ctx, q, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		if s.String != "" {
			parts = append(parts, s.String)
		}
	}
	return strings.Join(parts, "\n"), rows.Err()
}

// refreshFor rewrites the timeline entry that shows a fact, after a change
// to the fact or to what it cites, so search finds its new words.
func (t *tx) refreshFor(kind timeline.Kind, id int64) error {
	switch kind {
	case timeline.KindTrip:
		return t.refreshTrip(t.store, id)
	case timeline.KindMeeting:
		return t.refreshMeeting(id)
	case timeline.KindEvent:
		return t.refreshEvent(id)
	case timeline.KindStop, timeline.KindGoal, timeline.KindQuote, timeline.KindClaim:
		trip, err := t.subjectTrip(kind, id)
		if err != nil || trip == 0 {
			return err
		}
		return t.refreshTrip(t.store, trip)
	}
	return nil
}

// refreshCiting rewrites the entries of every fact that cites a source.
func (t *tx) refreshCiting(sourceID int64) error {
	rows, err := t.QueryContext(t.ctx, `SELECT DISTINCT subject_kind, subject_id FROM citations WHERE source_id = ?`, sourceID)
	if err != nil {
		return err
	}
	type subject struct {
		kind timeline.Kind
		id   int64
	}
	var subs []subject
	for rows.Next() {
		var s subject
		if err := rows.Scan(&s.kind, &s.id); err != nil {
			rows.Close()
			return err
		}
		subs = append(subs, s)
	}
	rows.Close()
	for _, s := range subs {
		if err := t.refreshFor(s.kind, s.id); err != nil {
			return err
		}
	}
	return nil
}
