package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CreateCounter stores a counter.
func (s *Store) CreateCounter(ctx context.Context, a Actor, c *timeline.Counter) error {
	var err error
	if c.Country, err = s.countries.Code("country", c.Country); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error { return t.createCounter(c) })
}

func (t *tx) createCounter(c *timeline.Counter) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.PersonID == 0 {
		id, err := t.personIDBySlug(c.PersonSlug)
		if err != nil {
			return err
		}
		c.PersonID = id
	}
	id, err := t.insert(`INSERT INTO counters(person_id, region, country, since, unit, rule, gap_days, label, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.PersonID, nullStr(c.Region), nullStr(c.Country), c.Since, c.Unit, c.Rule.Kind, c.Rule.GapDays, c.Label, c.Status, t.now, t.now)
	if err != nil {
		return err
	}
	c.ID = id
	return t.reviseRow(timeline.KindCounter, "counters", id, "create", nil, "")
}

const counterCols = `c.id, c.person_id, p.slug, p.name, coalesce(c.region, ''), coalesce(c.country, ''), c.since, c.unit, c.rule, c.gap_days, c.label, c.status`

func scanCounters(rows *sql.Rows) ([]timeline.Counter, error) {
	defer rows.Close()
	var out []timeline.Counter
	for rows.Next() {
		var c timeline.Counter
		if err := rows.Scan(&c.ID, &c.PersonID, &c.PersonSlug, &c.PersonName, &c.Region, &c.Country, &c.Since, &c.Unit, &c.Rule.Kind, &c.Rule.GapDays, &c.Label, &c.Status); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CountersOf returns the published counters of travellers.
func (s *Store) CountersOf(ctx context.Context, personIDs ...int64) ([]timeline.Counter, error) {
	return s.countersWhere(ctx, "c.person_id", anys(personIDs), false)
}

// CountersForCurator returns a traveller's counters, drafts included.
func (s *Store) CountersForCurator(ctx context.Context, personID int64) ([]timeline.Counter, error) {
	return s.countersWhere(ctx, "c.person_id", []any{personID}, true)
}

// CountersOfSlugs returns the published counters of the travellers with
// these slugs.
func (s *Store) CountersOfSlugs(ctx context.Context, slugs []string) ([]timeline.Counter, error) {
	return s.countersWhere(ctx, "p.slug", anys(slugs), false)
}

// countersWhere returns the published counters whose col is one of keys.
func (s *Store) countersWhere(ctx context.Context, col string, keys []any, drafts bool) ([]timeline.Counter, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+counterCols+` FROM counters c JOIN people p ON p.id = c.person_id
		WHERE `+col+` IN (`+placeholders(len(keys))+`) AND c.deleted_at IS NULL AND (c.status = 'published' OR ?) ORDER BY c.id`, append(keys, drafts)...)
	if err != nil {
		return nil, err
	}
	return scanCounters(rows)
}

// Counter returns one published counter.
func (s *Store) Counter(ctx context.Context, id int64) (*timeline.Counter, error) {
	return s.CounterFor(ctx, id, false)
}

// CounterFor returns one counter, drafts only when drafts is set.
func (s *Store) CounterFor(ctx context.Context, id int64, drafts bool) (*timeline.Counter, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+counterCols+` FROM counters c JOIN people p ON p.id = c.person_id
		WHERE c.id = ? AND c.deleted_at IS NULL AND (c.status = 'published' OR ?)`, id, drafts)
	if err != nil {
		return nil, err
	}
	cs, err := scanCounters(rows)
	return first(cs, err, "Counter "+strconv.FormatInt(id, 10))
}

// Numberer computes counters over travellers' records, loading each
// traveller's stops and each region once however many counters ask, so a
// page with many trips of one traveller costs one stops query.
type Numberer struct {
	s       *Store
	ctx     context.Context
	stops   map[int64][]timeline.Stop
	homes   map[int64]string
	regions map[string]*timeline.Region
	done    map[int64]timeline.Numbering
}

// Numberer starts a computation cache for one request.
func (s *Store) Numberer(ctx context.Context) *Numberer {
	return &Numberer{s: s, ctx: ctx, stops: map[int64][]timeline.Stop{}, homes: map[int64]string{},
		regions: map[string]*timeline.Region{}, done: map[int64]timeline.Numbering{}}
}

// Number applies the counter.
func (n *Numberer) Number(c timeline.Counter) (timeline.Numbering, error) {
	if res, ok := n.done[c.ID]; ok && c.ID != 0 {
		return res, nil
	}
	stops, ok := n.stops[c.PersonID]
	if !ok {
		var err error
		if stops, err = n.s.TravellerStops(n.ctx, c.PersonID); err != nil {
			return timeline.Numbering{}, err
		}
		n.stops[c.PersonID] = stops
		var home sql.NullString
		if err := n.s.r.QueryRowContext(n.ctx, `SELECT country FROM people WHERE id = ?`, c.PersonID).Scan(&home); err != nil {
			return timeline.Numbering{}, err
		}
		n.homes[c.PersonID] = home.String
	}
	var region *timeline.Region
	if c.Region != "" {
		var ok bool
		if region, ok = n.regions[c.Region]; !ok {
			r, err := n.s.Region(n.ctx, c.Region)
			if err != nil && timeline.ErrorCode(err) != timeline.ENotFound {
				return timeline.Numbering{}, err
			}
			region = r
			n.regions[c.Region] = r
		}
	}
	res := timeline.Number(c, stops, timeline.CounterScope(c, region, n.homes[c.PersonID]))
	if c.ID != 0 {
		n.done[c.ID] = res
	}
	return res, nil
}

// AllClaims returns every published claim, in the order they were entered.
func (s *Store) AllClaims(ctx context.Context) ([]timeline.Claim, error) {
	return s.claims(ctx, `WHERE deleted_at IS NULL AND status = 'published' ORDER BY id`)
}

// CountersByID returns the published counters with these ids.
func (s *Store) CountersByID(ctx context.Context, ids []int64) ([]timeline.Counter, error) {
	return s.countersWhere(ctx, "c.id", anys(ids), false)
}

// UpdateCounter changes a counter's scope, since-date, unit, rule and label.
func (s *Store) UpdateCounter(ctx context.Context, a Actor, c *timeline.Counter, reason string) error {
	var err error
	if c.Country, err = s.countries.Code("country", c.Country); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindCounter, "counters", c.ID, reason,
		`region = ?, country = ?, since = ?, unit = ?, rule = ?, gap_days = ?, label = ?`,
		nullStr(c.Region), nullStr(c.Country), c.Since, c.Unit, c.Rule.Kind, c.Rule.GapDays, c.Label)
}
