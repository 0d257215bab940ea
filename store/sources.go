package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreateSource stores a source, or returns the existing one when its
// canonical URL is already known (the same article is one source); the
// bool reports whether it was new.
func (s *Store) CreateSource(ctx context.Context, a Actor, src *timeline.Source) (bool, error) {
	if err := src.Validate(); err != nil {
		return false, err
	}
	var created bool
	err := s.write(ctx, a, func(t *tx) error {
		var err error
		created, err = t.createSource(src)
		return err
	})
	return created, err
}

func (t *tx) createSource(src *timeline.Source) (bool, error) {
	if err := src.Validate(); err != nil {
		return false, err
	}
	var id int64
	err := t.QueryRowContext(t.ctx, `SELECT id FROM sources WHERE url = ?`, src.URL).Scan(&id)
	if err == nil {
		src.ID = id
		return false, nil
	} else if !isNoRows(err) {
		return false, err
	}
	id, err = t.insert(`INSERT INTO sources(url, title, publisher, author, published, archive_url, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, src.URL, src.Title, src.Publisher, src.Author, nullDate(src.Published), src.ArchiveURL, src.Notes, t.now, t.now)
	if err != nil {
		return false, err
	}
	src.ID = id
	return true, t.reviseRow(timeline.KindSource, "sources", id, "create", nil, "")
}

const sourceCols = `s.id, s.url, s.title, s.publisher, s.author, s.published, s.archive_url, s.notes`

func scanSource(sc interface{ Scan(...any) error }, src *timeline.Source) error {
	return sc.Scan(&src.ID, &src.URL, &src.Title, &src.Publisher, &src.Author, &src.Published, &src.ArchiveURL, &src.Notes)
}

// Source returns one source.
func (s *Store) Source(ctx context.Context, id int64) (*timeline.Source, error) {
	var src timeline.Source
	err := scanSource(s.r.QueryRowContext(ctx, `SELECT `+sourceCols+` FROM sources s WHERE s.id = ? AND s.deleted_at IS NULL`, id), &src)
	if isNoRows(err) {
		return nil, notFound("Source " + strconv.FormatInt(id, 10))
	}
	return &src, err
}

// Cite links a source to a fact with the supporting passage.
func (s *Store) Cite(ctx context.Context, a Actor, c *timeline.Citation) error {
	return s.write(ctx, a, func(t *tx) error { return t.cite(c) })
}

func (t *tx) cite(c *timeline.Citation) error {
	if !timeline.Citable(c.SubjectKind) {
		return &timeline.Error{Code: timeline.EInvalid, Field: "subject", Message: "A " + string(c.SubjectKind) + " cannot be cited."}
	}
	id, err := t.insert(`INSERT INTO citations(source_id, subject_kind, subject_id, passage, created_at) VALUES (?, ?, ?, ?, ?)`,
		c.SourceID, c.SubjectKind, c.SubjectID, timeline.NormalizeSpace(c.Passage), t.now)
	if err != nil {
		if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
			return &timeline.Error{Code: timeline.EConflict, Field: "source", Message: "This source is already cited for this fact with the same passage."}
		}
		return err
	}
	c.ID = id
	if err := t.revise(timeline.KindCitation, id, "create", nil, c, ""); err != nil {
		return err
	}
	return t.refreshFor(c.SubjectKind, c.SubjectID)
}

// Citations maps (kind, id) to its citations with their sources.
type Citations map[timeline.Kind]map[int64][]timeline.Citation

// For returns the citations of one fact.
func (c Citations) For(kind timeline.Kind, id int64) []timeline.Citation { return c[kind][id] }

// CitationsFor loads the citations of many facts in one query per kind.
func (s *Store) CitationsFor(ctx context.Context, kind timeline.Kind, ids []int64, into Citations) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{kind}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT c.id, c.subject_kind, c.subject_id, c.passage, `+sourceCols+`
		FROM citations c JOIN sources s ON s.id = c.source_id
		WHERE c.subject_kind = ? AND c.subject_id IN (`+placeholders(len(ids))+`) AND s.deleted_at IS NULL
		ORDER BY c.subject_id, c.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c timeline.Citation
		if err := rows.Scan(&c.ID, &c.SubjectKind, &c.SubjectID, &c.Passage,
			&c.Source.ID, &c.Source.URL, &c.Source.Title, &c.Source.Publisher, &c.Source.Author, &c.Source.Published, &c.Source.ArchiveURL, &c.Source.Notes); err != nil {
			return err
		}
		c.SourceID = c.Source.ID
		if into[kind] == nil {
			into[kind] = map[int64][]timeline.Citation{}
		}
		into[kind][c.SubjectID] = append(into[kind][c.SubjectID], c)
	}
	return rows.Err()
}

// Supported is one fact a source supports, for the source's page.
type Supported struct {
	Kind    timeline.Kind
	ID      int64
	Label   string
	Passage string
	// Path is the page to read the fact on (a stop's trip, for instance).
	Path string
}

// SupportedBy lists the published facts that cite a source.
func (s *Store) SupportedBy(ctx context.Context, sourceID int64) ([]Supported, error) {
	var out []Supported
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var sp Supported
		var label sql.NullString
		var tripID sql.NullInt64
		if err := scan(&sp.Kind, &sp.ID, &sp.Passage, &label, &tripID); err != nil {
			return err
		}
		if !label.Valid {
			return nil // the fact is a draft or deleted: not for the public
		}
		sp.Label = label.String
		sp.Path = timeline.RecordPath(sp.Kind, sp.ID)
		if tripID.Valid {
			sp.Path = timeline.RecordPath(timeline.KindTrip, tripID.Int64) + "#" + string(sp.Kind) + "-" + strconv.FormatInt(sp.ID, 10)
		}
		out = append(out, sp)
		return nil
	}, `
		SELECT c.subject_kind, c.subject_id, c.passage,
		  CASE c.subject_kind
		    WHEN 'trip' THEN (SELECT e.title FROM entries e WHERE e.kind = 'trip' AND e.record_id = c.subject_id AND e.status = 'published')
		    WHEN 'stop' THEN (SELECT st.locality || ' (' || st.country || '), ' || st.start_date FROM stops st JOIN trips t ON t.id = st.trip_id
		                      WHERE st.id = c.subject_id AND t.status = 'published' AND t.deleted_at IS NULL)
		    WHEN 'meeting' THEN (SELECT e.title FROM entries e WHERE e.kind = 'meeting' AND e.record_id = c.subject_id AND e.status = 'published')
		    WHEN 'event' THEN (SELECT e.title FROM entries e WHERE e.kind = 'event' AND e.record_id = c.subject_id AND e.status = 'published')
		    WHEN 'goal' THEN (SELECT g.text FROM goals g JOIN entries e ON e.kind = 'trip' AND e.record_id = g.trip_id AND e.status = 'published' WHERE g.id = c.subject_id AND g.deleted_at IS NULL AND g.status = 'published')
		    WHEN 'claim' THEN (SELECT cl.text FROM claims cl JOIN entries e ON e.kind = 'trip' AND e.record_id = cl.trip_id AND e.status = 'published'
		                       WHERE cl.id = c.subject_id AND cl.deleted_at IS NULL AND cl.status = 'published')
		    WHEN 'quote' THEN (SELECT q.text FROM quotes q JOIN entries e ON e.kind = 'trip' AND e.record_id = q.trip_id AND e.status = 'published' WHERE q.id = c.subject_id AND q.deleted_at IS NULL AND q.status = 'published')
		  END,
		  CASE c.subject_kind
		    WHEN 'stop' THEN (SELECT trip_id FROM stops WHERE id = c.subject_id)
		    WHEN 'goal' THEN (SELECT trip_id FROM goals WHERE id = c.subject_id)
		    WHEN 'claim' THEN (SELECT trip_id FROM claims WHERE id = c.subject_id)
		    WHEN 'quote' THEN (SELECT trip_id FROM quotes WHERE id = c.subject_id)
		  END
		FROM citations c WHERE c.source_id = ? ORDER BY c.id`, sourceID)
	return out, err
}

// UpdateSource changes a source's details; a new URL must not be another
// source's.
func (s *Store) UpdateSource(ctx context.Context, a Actor, src *timeline.Source, reason string) error {
	if err := src.Validate(); err != nil {
		return err
	}
	// The address is checked in the write's own transaction, so no other
	// source can take it in between.
	urlFree := func(t *tx) error {
		var other int64
		err := t.QueryRowContext(t.ctx, `SELECT id FROM sources WHERE url = ? AND id != ?`, src.URL, src.ID).Scan(&other)
		if err == nil {
			return &timeline.Error{Code: timeline.EConflict, Field: "url", Message: "Another source already has this address: if they are one article, merge this source into it (“Merge into another source” on its page)."}
		}
		if isNoRows(err) {
			return nil
		}
		return err
	}
	return s.updateWith(ctx, a, timeline.KindSource, "sources", src.ID, reason, urlFree,
		`url = ?, title = ?, publisher = ?, author = ?, published = ?, archive_url = ?, notes = ?`,
		src.URL, src.Title, src.Publisher, src.Author, nullDate(src.Published), src.ArchiveURL, src.Notes)
}

// SearchSources finds sources whose title or URL contains every word of q,
// newest first.
func (s *Store) SearchSources(ctx context.Context, q string, limit int) ([]timeline.Source, error) {
	where, args := "s.deleted_at IS NULL", []any{}
	for _, w := range strings.Fields(q) {
		like := "%" + escapeLike(w) + "%"
		where += ` AND (s.title LIKE ? ESCAPE '\' OR s.url LIKE ? ESCAPE '\' OR s.publisher LIKE ? ESCAPE '\')`
		args = append(args, like, like, like)
	}
	args = append(args, limit)
	return listScanned(ctx, s.r, func(sc scanner, src *timeline.Source) error { return scanSource(sc, src) },
		`SELECT `+sourceCols+` FROM sources s WHERE `+where+` ORDER BY s.id DESC LIMIT ?`, args...)
}

// SourceByURL returns the source with the canonical form of raw, or nil.
func (s *Store) SourceByURL(ctx context.Context, raw string) (*timeline.Source, error) {
	u, err := timeline.CanonicalURL(raw)
	if err != nil {
		return nil, err
	}
	var src timeline.Source
	err = scanSource(s.r.QueryRowContext(ctx, `SELECT `+sourceCols+` FROM sources s WHERE s.url = ? AND s.deleted_at IS NULL`, u), &src)
	if isNoRows(err) {
		return nil, nil
	}
	return &src, err
}

// SourcesLike lists the sources on record with this title and publisher
// (ignoring case and spacing): most likely the same article under another
// address, which a curator is asked about before a second source is made.
func (s *Store) SourcesLike(ctx context.Context, title, publisher string) ([]timeline.Source, error) {
	title, publisher = strings.ToLower(timeline.NormalizeSpace(title)), strings.ToLower(timeline.NormalizeSpace(publisher))
	if title == "" {
		return nil, nil
	}
	return listScanned(ctx, s.r, func(sc scanner, src *timeline.Source) error { return scanSource(sc, src) },
		`SELECT `+sourceCols+` FROM sources s WHERE s.deleted_at IS NULL AND lower(s.title) = ? AND lower(s.publisher) = ? ORDER BY s.id LIMIT 5`,
		title, publisher)
}
