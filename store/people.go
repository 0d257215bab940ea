package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreatePerson stores a new person with offices and aliases.
func (s *Store) CreatePerson(ctx context.Context, a Actor, p *timeline.Person) error {
	var err error
	if p.Country, err = s.countries.Code("country", p.Country); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error { return t.createPerson(p) })
}

func (t *tx) createPerson(p *timeline.Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	id, err := t.insert(`INSERT INTO people(slug, name, country, notes, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, p.Slug, p.Name, nullStr(p.Country), p.Notes, p.Status, t.now, t.now)
	if err != nil {
		if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
			return &timeline.Error{Code: timeline.EConflict, Field: "slug", Message: "A person with the slug " + p.Slug + " already exists."}
		}
		return err
	}
	p.ID = id
	for i := range p.Offices {
		o := &p.Offices[i]
		o.PersonID = id
		if o.ID, err = t.insert(`INSERT INTO offices(person_id, title, body, country, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)`,
			id, o.Title, o.Body, nullStr(o.Country), nullDate(o.From), nullDate(o.To)); err != nil {
			return err
		}
	}
	for _, al := range p.Aliases {
		if _, err := t.exec(`INSERT OR IGNORE INTO person_aliases(person_id, alias) VALUES (?, ?)`, id, strings.TrimSpace(al)); err != nil {
			return err
		}
	}
	for _, pi := range p.Identifiers {
		if err := pi.Validate(); err != nil {
			return err
		}
	}
	if err := t.setIdentifiers(id, p.Identifiers); err != nil {
		return err
	}
	return t.reviseRow(timeline.KindPerson, "people", id, "create", nil, "")
}

const personCols = `p.id, p.slug, p.name, coalesce(p.country, ''), p.notes, p.status`

func scanPerson(sc interface{ Scan(...any) error }) (*timeline.Person, error) {
	var p timeline.Person
	err := sc.Scan(&p.ID, &p.Slug, &p.Name, &p.Country, &p.Notes, &p.Status)
	return &p, err
}

// PersonBySlug returns a person with offices and aliases; drafts only when
// drafts is set.
func (s *Store) PersonBySlug(ctx context.Context, slug string, drafts bool) (*timeline.Person, error) {
	p, err := scanPerson(s.r.QueryRowContext(ctx, `SELECT `+personCols+` FROM people p
		WHERE p.slug = ? AND p.deleted_at IS NULL AND (p.status = 'published' OR ?)`, slug, drafts))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("The person " + slug)
	} else if err != nil {
		return nil, err
	}
	return p, s.fillPerson(ctx, p)
}

// PersonByID returns a person by id (drafts included: callers decide).
func (s *Store) PersonByID(ctx context.Context, id int64) (*timeline.Person, error) {
	p, err := scanPerson(s.r.QueryRowContext(ctx, `SELECT `+personCols+` FROM people p WHERE p.id = ? AND p.deleted_at IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("The person")
	} else if err != nil {
		return nil, err
	}
	return p, s.fillPerson(ctx, p)
}

func (s *Store) fillPerson(ctx context.Context, p *timeline.Person) error {
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, body, coalesce(country, ''), start_date, end_date
		FROM offices WHERE person_id = ? ORDER BY coalesce(start_date, ''), id`, p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		o := timeline.Office{PersonID: p.ID}
		if err := rows.Scan(&o.ID, &o.Title, &o.Body, &o.Country, &o.From, &o.To); err != nil {
			return err
		}
		p.Offices = append(p.Offices, o)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	arows, err := s.r.QueryContext(ctx, `SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias`, p.ID)
	if err != nil {
		return err
	}
	defer arows.Close()
	for arows.Next() {
		var a string
		if err := arows.Scan(&a); err != nil {
			return err
		}
		p.Aliases = append(p.Aliases, a)
	}
	if err := arows.Err(); err != nil {
		return err
	}
	p.Identifiers, err = s.Identifiers(ctx, p.ID)
	return err
}

// PersonSummary is a person in a list, with the number of trips.
type PersonSummary struct {
	Slug  string
	Name  string
	Trips int
}

// Travellers lists the people who have published trips, most trips first.
func (s *Store) Travellers(ctx context.Context) ([]PersonSummary, error) {
	return list(ctx, s.r, func(ps *PersonSummary) []any { return []any{&ps.Slug, &ps.Name, &ps.Trips} }, `SELECT p.slug, p.name, count(*) FROM trips t JOIN people p ON p.id = t.person_id
		WHERE t.status = 'published' AND t.deleted_at IS NULL AND p.status = 'published'
		GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT 500`)
}

// personIDBySlug finds a person inside a transaction.
func (t *tx) personIDBySlug(slug string) (int64, error) {
	var id int64
	err := t.QueryRowContext(t.ctx, `SELECT id FROM people WHERE slug = ?`, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, &timeline.Error{Code: timeline.EInvalid, Field: "person", Message: "No person has the slug " + slug + "."}
	}
	return id, err
}

// PersonIDBySlug finds a person, deleted or not (for restoring).
func (s *Store) PersonIDBySlug(ctx context.Context, slug string) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM people WHERE slug = ?`, slug).Scan(&id)
	if isNoRows(err) {
		return 0, notFound("The person " + slug)
	}
	return id, err
}

// PersonSlugByID returns a person's slug, deleted or not.
func (s *Store) PersonSlugByID(ctx context.Context, id int64) (string, error) {
	var slug string
	err := s.r.QueryRowContext(ctx, `SELECT slug FROM people WHERE id = ?`, id).Scan(&slug)
	if isNoRows(err) {
		return "", notFound("The person")
	}
	return slug, err
}

// UpdatePerson changes a person's name, home country and notes (the slug,
// a public id, stays).
func (s *Store) UpdatePerson(ctx context.Context, a Actor, p *timeline.Person, reason string) error {
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		return timeline.FieldErrorf("name", "A person needs a name.")
	}
	var err error
	if p.Country, err = s.countries.Code("country", p.Country); err != nil {
		return err
	}
	// Identifiers given (a nil slice leaves them) replace the person's.
	var also func(*tx) error
	if p.Identifiers != nil {
		for _, id := range p.Identifiers {
			if err := id.Validate(); err != nil {
				return err
			}
		}
		have, err := s.Identifiers(ctx, p.ID)
		if err != nil {
			return err
		}
		if !slices.Equal(have, p.Identifiers) {
			reason = strings.TrimSpace(reason + " (identifiers: " + identifierList(have) + " → " + identifierList(p.Identifiers) + ")")
		}
		also = func(t *tx) error { return t.setIdentifiers(p.ID, p.Identifiers) }
	}
	return s.updateWith(ctx, a, timeline.KindPerson, "people", p.ID, reason, also, `name = ?, country = ?, notes = ?`, p.Name, nullStr(p.Country), p.Notes)
}

func identifierList(ids []timeline.Identifier) string {
	if len(ids) == 0 {
		return "none"
	}
	var parts []string
	for _, id := range ids {
		parts = append(parts, id.Scheme+" "+id.Value)
	}
	return strings.Join(parts, ", ")
}

// AddOffice records an office a person held.
func (s *Store) AddOffice(ctx context.Context, a Actor, o *timeline.Office) error {
	o.Title, o.Body = timeline.NormalizeSpace(o.Title), timeline.NormalizeSpace(o.Body)
	fe := timeline.FieldErrors{}
	if o.Title == "" {
		fe.Add("title", "An office needs a title.")
	}
	if o.From.Valid() && o.To.Valid() && o.To.Before(o.From) {
		fe.Add("to", "An office cannot end before it starts.")
	}
	var err error
	o.Country, err = s.countries.Code("country", o.Country)
	fe.Merge(err)
	if err := fe.Err(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.rowJSON("people", o.PersonID)
		if err != nil {
			return err
		}
		id, err := t.insert(`INSERT INTO offices(person_id, title, body, country, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)`,
			o.PersonID, o.Title, o.Body, nullStr(o.Country), nullDate(o.From), nullDate(o.To))
		if err != nil {
			return err
		}
		o.ID = id
		after := map[string]any{}
		for k, v := range before {
			after[k] = v
		}
		after["office_added"] = o.Label()
		return t.revise(timeline.KindPerson, o.PersonID, "update", before, after, "office added: "+o.Label())
	})
}
