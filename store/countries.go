package store

import (
	"context"
	"database/sql"
	"sort"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Countries is the country catalogue: reference data that only migrations
// change, so it is read once at open and shared read-only.
type Countries struct {
	byCode  map[string]*timeline.Country
	byAlias map[string]string
	sorted  []*timeline.Country
}

func loadCountries(ctx context.Context, db *sql.DB) (*Countries, error) {
	c := &Countries{byCode: map[string]*timeline.Country{}, byAlias: map[string]string{}}
	rows, err := db.QueryContext(ctx, `SELECT code, name, historic, coalesce(successor, '') FROM countries`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k timeline.Country
		if err := rows.Scan(&k.Code, &k.Name, &k.Historic, &k.Successor); err != nil {
			return nil, err
		}
		c.byCode[k.Code] = &k
		c.sorted = append(c.sorted, &k)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	arows, err := db.QueryContext(ctx, `SELECT alias, code FROM country_aliases ORDER BY alias`)
	if err != nil {
		return nil, err
	}
	defer arows.Close()
	for arows.Next() {
		var alias, code string
		if err := arows.Scan(&alias, &code); err != nil {
			return nil, err
		}
		c.byAlias[alias] = code
		if k := c.byCode[code]; k != nil {
			k.Aliases = append(k.Aliases, alias)
		}
	}
	sort.Slice(c.sorted, func(i, j int) bool { return c.sorted[i].Name < c.sorted[j].Name })
	return c, arows.Err()
}

// Countries returns the catalogue.
func (s *Store) Countries() *Countries { return s.countries }

// Get returns the country with the code, or nil.
func (c *Countries) Get(code string) *timeline.Country { return c.byCode[code] }

// Name returns the country's name, or the code itself when unknown, so a
// page never shows an empty cell.
func (c *Countries) Name(code string) string {
	if k := c.byCode[code]; k != nil {
		return k.Name
	}
	return code
}

// Resolve finds the canonical code for a code, name or id as outside data
// writes it ("QA", "qatar", "Korea, South", "turkiye", "North Macedonia ").
func (c *Countries) Resolve(s string) (string, bool) {
	key := timeline.NormalizeAlias(s)
	if key == "" {
		return "", false
	}
	if up := timeline.NormalizeSpace(s); timeline.ValidCountryCode(up) {
		if _, ok := c.byCode[up]; ok {
			return up, true
		}
	}
	code, ok := c.byAlias[key]
	return code, ok
}

// All returns every country sorted by name.
func (c *Countries) All() []*timeline.Country { return c.sorted }

// Len is the number of countries.
func (c *Countries) Len() int { return len(c.sorted) }

// CountryName is the catalogue's name of a code, or the code when unknown.
func (s *Store) CountryName(code string) string { return s.countries.Name(code) }

// Code resolves a country as a curator typed it (a name, code or alias)
// for a form's field: its code, "" for "", or the one message every form
// gives for a country the catalogue does not know.
func (c *Countries) Code(field, typed string) (string, error) {
	if typed == "" {
		return "", nil
	}
	code, ok := c.Resolve(typed)
	if !ok {
		return "", timeline.FieldErrorf(field, "Unknown country %q: type its name or code, such as Qatar or QA.", timeline.Clip(typed))
	}
	return code, nil
}
