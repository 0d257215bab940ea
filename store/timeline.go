package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Page is one page of the timeline.
type Page struct {
	Entries []timeline.Entry
	// Next and Prev are the cursors of the neighbouring pages in reading
	// order; nil when there is none.
	Next, Prev *timeline.Cursor
}

// checkFilter reports filter values that name nothing in the record, as an
// invalid *timeline.Error naming the parameter (a typo must not look like
// an empty result).
func (s *Store) checkFilter(ctx context.Context, f timeline.Filter) error {
	if f.Country != "" && s.countries.Get(f.Country) == nil {
		return timeline.FieldErrorf("country", "There is no country with the code %s.", f.Country)
	}
	if f.Region != "" {
		if _, err := s.Region(ctx, f.Region); err != nil {
			if timeline.ErrorCode(err) == timeline.ENotFound {
				return timeline.FieldErrorf("region", "There is no region %s; the built-in ones are AF, EAP, EUR, NEA, SCA and WHA.", f.Region)
			}
			return err
		}
	}
	for _, slug := range f.Persons {
		var id int64
		err := s.r.QueryRowContext(ctx, `SELECT id FROM people WHERE slug = ? AND deleted_at IS NULL`, slug).Scan(&id)
		if isNoRows(err) {
			return timeline.FieldErrorf("person", "There is no person %s.", slug)
		} else if err != nil {
			return err
		}
	}
	return nil
}

// where builds the conditions of a filter. The cursor is not included.
func where(f timeline.Filter) (string, []any) {
	var conds []string
	var args []any
	if !f.Drafts {
		conds = append(conds, `e.status = 'published'`)
	}
	if len(f.Persons) > 0 {
		conds = append(conds, `e.person_id IN (SELECT id FROM people WHERE slug IN (`+placeholders(len(f.Persons))+`))`)
		for _, p := range f.Persons {
			args = append(args, p)
		}
	}
	if len(f.Kinds) > 0 {
		conds = append(conds, `e.kind IN (`+placeholders(len(f.Kinds))+`)`)
		for _, k := range f.Kinds {
			args = append(args, k)
		}
	}
	if f.From.Valid() {
		conds = append(conds, `e.end_date >= ?`)
		args = append(args, f.From.String())
	}
	if f.To.Valid() {
		conds = append(conds, `e.start_date <= ?`)
		args = append(args, f.To.String())
	}
	if f.Country != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM entry_countries ec WHERE ec.entry_id = e.id AND ec.country = ?)`)
		args = append(args, f.Country)
	}
	if f.Region != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM entry_countries ec JOIN region_members rm ON rm.country = ec.country
			WHERE ec.entry_id = e.id AND rm.region = ?)`)
		args = append(args, f.Region)
	}
	switch f.Sourced {
	case "yes":
		conds = append(conds, `e.has_sources = 1`)
	case "no":
		conds = append(conds, `e.has_sources = 0`)
	}
	if f.Q != "" {
		// Every word (as a prefix) in the title, summary, localities or
		// the record's other words; see migration 0006.
		if sq := timeline.SearchQuery(f.Q); sq == "" {
			conds = append(conds, `0`)
		} else {
			conds = append(conds, `e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)`)
			args = append(args, sq)
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

const entryCols = `e.id, e.kind, e.record_id, e.start_date, e.end_date, e.precision, coalesce(p.slug, ''), coalesce(p.name, ''),
	e.title, e.summary, e.countries, e.localities, e.status`

func scanEntry(sc interface{ Scan(...any) error }, e *timeline.Entry, extra ...any) error {
	var countries string
	dest := append([]any{&e.Seq, &e.Kind, &e.RecordID, &e.Start, &e.End, &e.Precision, &e.PersonSlug, &e.PersonName,
		&e.Title, &e.Summary, &countries, &e.Localities, &e.Status}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return err
	}
	e.Countries = strings.Fields(countries)
	return nil
}

// Timeline returns one page of entries for the filter, cut by key: the
// query walks an index in the reading order from the cursor, so every page
// costs the same.
func (s *Store) Timeline(ctx context.Context, f timeline.Filter) (*Page, error) {
	if err := s.checkFilter(ctx, f); err != nil {
		return nil, err
	}
	if f.Limit <= 0 || f.Limit > timeline.MaxLimit {
		f.Limit = timeline.DefaultLimit
	}
	w, args := where(f)
	desc := f.Order != timeline.OldestFirst
	// Walking backwards (a "previous" link) reads in the opposite order and
	// flips the result.
	backwards := f.Before != nil
	readDesc := desc != backwards
	cmp, dir := ">", "ASC"
	if readDesc {
		cmp, dir = "<", "DESC"
	}
	cur := f.After
	if backwards {
		cur = f.Before
	}
	if f.Order == timeline.Relevance {
		return s.searchPage(ctx, f, w, args)
	}
	if cur != nil {
		cond := `(e.start_date, e.id) ` + cmp + ` (?, ?)`
		if w == "" {
			w = " WHERE " + cond
		} else {
			w += " AND " + cond
		}
		args = append(args, cur.Date.String(), cur.ID)
	}
	q := `SELECT ` + entryCols + ` FROM entries e` + indexHint(f) + ` LEFT JOIN people p ON p.id = e.person_id` + w +
		` ORDER BY e.start_date ` + dir + `, e.id ` + dir + ` LIMIT ?`
	args = append(args, f.Limit+1)
	entries, err := s.queryEntries(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	more := len(entries) > f.Limit
	if more {
		entries = entries[:f.Limit]
	}
	if backwards {
		slices.Reverse(entries)
	}
	p := &Page{Entries: entries}
	if len(entries) > 0 {
		first, last := entries[0].Cursor(), entries[len(entries)-1].Cursor()
		if backwards {
			if more {
				p.Prev = &first
			}
			p.Next = &last
		} else {
			if more {
				p.Next = &last
			}
			if f.After != nil {
				p.Prev = &first
			}
		}
	}
	if err := s.fillEntrySources(ctx, p.Entries); err != nil {
		return nil, err
	}
	return p, s.fillHighlights(ctx, f, p.Entries)
}

// searchPage is the best matches of a search, best first: one page, since
// relevance has no stable position to continue from; the date orders page
// through every match.
func (s *Store) searchPage(ctx context.Context, f timeline.Filter, w string, args []any) (*Page, error) {
	sq := timeline.SearchQuery(f.Q)
	if sq == "" {
		return &Page{}, nil
	}
	q := `SELECT ` + entryCols + ` FROM entries e LEFT JOIN people p ON p.id = e.person_id
		JOIN entries_fts ON entries_fts.rowid = e.id` + w + ` AND entries_fts MATCH ? ORDER BY entries_fts.rank, e.id LIMIT ?`
	entries, err := s.queryEntries(ctx, q, append(args, sq, f.Limit)...)
	if err != nil {
		return nil, err
	}
	if err := s.fillEntrySources(ctx, entries); err != nil {
		return nil, err
	}
	return &Page{Entries: entries}, s.fillHighlights(ctx, f, entries)
}

// fillHighlights gives each entry of a search its title with the matched
// words marked and a snippet of its other matched text.
func (s *Store) fillHighlights(ctx context.Context, f timeline.Filter, entries []timeline.Entry) error {
	terms := timeline.SearchTerms(f.Q)
	if len(terms) == 0 || len(entries) == 0 {
		return nil
	}
	// The marking is done here, from the search's terms, rather than with
	// FTS5's highlight(), which would evaluate the match over every
	// document to mark fifty.
	idx, args := positions(entries, func(e timeline.Entry) int64 { return e.Seq })
	rows, err := s.r.QueryContext(ctx, `SELECT id, search_text FROM entries WHERE id IN (`+placeholders(len(entries))+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var more string
		if err := rows.Scan(&id, &more); err != nil {
			return err
		}
		e := &entries[idx[id]]
		if h := timeline.Highlight(e.Title, terms); h != e.Title {
			e.TitleMarked = h
		}
		e.Snippet = timeline.Snippet(e.Summary, terms, 24)
		if e.Snippet == "" {
			e.Snippet = timeline.Snippet(e.Localities+"\n"+more, terms, 24)
		}
	}
	return rows.Err()
}

// fillEntrySources gives a page of entries their sources: those the
// entries list (source_urls, as the exports write them), read in one query
// by the sources' unique URLs.
func (s *Store) fillEntrySources(ctx context.Context, entries []timeline.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	args := make([]any, len(entries))
	for i, e := range entries {
		args[i] = e.Seq
	}
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, s.id, s.url, s.title, s.publisher FROM entries e
		JOIN json_each('["' || replace(replace(replace(e.source_urls, '\', '\\'), '"', '\"'), '; ', '","') || '"]') u
		JOIN sources s ON s.url = u.value
		WHERE e.id IN (`+placeholders(len(entries))+`) AND e.source_urls <> '' ORDER BY e.id, s.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	idx, _ := positions(entries, func(e timeline.Entry) int64 { return e.Seq })
	for rows.Next() {
		var seq int64
		var r timeline.SourceRef
		if err := rows.Scan(&seq, &r.ID, &r.URL, &r.Title, &r.Publisher); err != nil {
			return err
		}
		i := idx[seq]
		entries[i].Sources = append(entries[i].Sources, r)
	}
	return rows.Err()
}

// ExportQuery is the SQL (and its arguments) of the full export of a
// filter, in reading order, with each entry's source URLs. It is exported
// so that the benchmark can run the very same query through the sqlite3
// shell for comparison.
func ExportQuery(f timeline.Filter) (string, []any) {
	w, args := where(f)
	dir := "DESC"
	if f.Order == timeline.OldestFirst {
		dir = "ASC"
	}
	from, order := ` FROM entries e LEFT JOIN people p ON p.id = e.person_id`, ` ORDER BY e.start_date `+dir+`, e.id `+dir
	if sq := timeline.SearchQuery(f.Q); f.Order == timeline.Relevance && sq != "" {
		from += ` JOIN entries_fts ON entries_fts.rowid = e.id`
		w += ` AND entries_fts MATCH ?`
		args = append(args, sq)
		order = ` ORDER BY entries_fts.rank, e.id`
	}
	return `SELECT ` + entryCols + `, e.source_urls` + from + w + order, args
}

// EachEntry streams every entry of the filter (all pages) to fn in reading
// order, row by row, so an export's memory stays flat however many rows.
// fn's entry is reused between calls.
func (s *Store) EachEntry(ctx context.Context, f timeline.Filter, fn func(*timeline.Entry) error) error {
	if err := s.checkFilter(ctx, f); err != nil {
		return err
	}
	q, args := ExportQuery(f)
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var e timeline.Entry
	var urls sql.NullString
	for rows.Next() {
		e = timeline.Entry{}
		if err := scanEntry(rows, &e, &urls); err != nil {
			return err
		}
		if urls.String != "" {
			for _, u := range strings.Split(urls.String, "; ") {
				e.Sources = append(e.Sources, timeline.SourceRef{URL: u})
			}
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// indexHint pins the plan of a traveller's timeline to the index of
// travellers' entries in date order: the statistics describe an average
// traveller, and for one with few entries SQLite would otherwise walk the
// whole timeline by date looking for theirs.
func indexHint(f timeline.Filter) string {
	if len(f.Persons) > 0 {
		return ` INDEXED BY entries_person`
	}
	return ""
}

// queryEntries runs a query of entryCols and reads its entries.
func (s *Store) queryEntries(ctx context.Context, q string, args ...any) ([]timeline.Entry, error) {
	return listScanned(ctx, s.r, func(sc scanner, e *timeline.Entry) error { return scanEntry(sc, e) }, q, args...)
}
