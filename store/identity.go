package store

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// PersonJoin is one name the import joined to a person, with its evidence.
type PersonJoin struct {
	Slug, Name string // the person
	timeline.Join
}

// knownPeople reads every person the record holds, with their aliases
// and offices, for the identity rules.
func (t *tx) knownPeople() ([]timeline.KnownPerson, error) {
	var out []timeline.KnownPerson
	err := each(t.ctx, t, func(scan func(...any) error) error {
		var k timeline.KnownPerson
		var aliases, offices string
		if err := scan(&k.ID, &k.Slug, &k.Name, &k.Country, &aliases, &offices); err != nil {
			return err
		}
		k.Aliases = splitUnit(aliases)
		for _, o := range splitUnit(offices) {
			f := strings.Split(o, "\x1e")
			span := timeline.OfficeSpan{Title: f[0]}
			span.From, _ = timeline.ParseDate(f[1])
			span.To, _ = timeline.ParseDate(f[2])
			k.Offices = append(k.Offices, span)
		}
		out = append(out, k)
		return nil
	}, `SELECT p.id, p.slug, p.name, coalesce(p.country, ''),
			coalesce((SELECT group_concat(alias, char(31)) FROM person_aliases WHERE person_id = p.id), ''),
			coalesce((SELECT group_concat(title || char(30) || coalesce(start_date, '') || char(30) || coalesce(end_date, ''), char(31))
				FROM offices WHERE person_id = p.id), '')
		FROM people p WHERE p.deleted_at IS NULL ORDER BY p.id`)
	return out, err
}

func splitUnit(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x1f")
}

// resolveVisitors decides who each visitor record names (timeline's
// identity rules), sets the record's Who to that person's slug, and makes
// the record hold what it learnt: new people with their offices and
// aliases, new aliases and offices of known people, and the evidence of
// every join. Travellers keep their slug (the record's who).
func (t *tx) resolveVisitors(s *Store, recs []timeline.HSGRecord, rep *ImportReport) error {
	known, err := t.knownPeople()
	if err != nil {
		return err
	}
	ids := timeline.NewIdentities(known)
	before, err := t.visitorsByRef(known)
	if err != nil {
		return err
	}
	var ms []timeline.Mention
	var at []int
	for i, r := range recs {
		if r.Role == timeline.RoleVisitor {
			ms = append(ms, timeline.Mention{Name: r.Name, Office: r.Office, Country: r.HomeID, Date: r.Start,
				Known: before[r.ID+"\x00"+strings.ToLower(r.Name)]})
			at = append(at, i)
		}
	}
	who := ids.Resolve(ms)
	slugs := map[*timeline.Identity]string{}
	taken := map[string]bool{}
	for _, k := range known {
		taken[k.Slug] = true
	}
	recorded, err := t.recordedJoins()
	if err != nil {
		return err
	}
	// In a fixed order, so that two runs over the same files give the
	// same slugs.
	var order []*timeline.Identity
	for _, id := range who {
		if _, ok := slugs[id]; !ok {
			slugs[id] = ""
			order = append(order, id)
		}
	}
	for _, id := range order {
		var pid int64
		if id.Known != nil {
			pid = id.Known.ID
			slugs[id] = id.Known.Slug
			changed, err := t.learnOf(s, id)
			if err != nil {
				return err
			}
			if changed {
				rep.PeopleChanged++
			}
		} else {
			p := &timeline.Person{Name: id.Name(), Country: id.Country, Status: timeline.Published,
				Slug: freeSlug(timeline.Slugify(timeline.SlugName(id.Name())), id.Country, taken)}
			taken[p.Slug] = true
			for n := range id.Names {
				if n != p.Name {
					p.Aliases = append(p.Aliases, n)
				}
			}
			sort.Strings(p.Aliases)
			p.Offices = visitorOffices(s, id, nil)
			if err := t.createPerson(p); err != nil {
				return err
			}
			pid = p.ID
			slugs[id] = p.Slug
			rep.PeopleMade++
		}
		for _, j := range id.Joins {
			rep.Merges = append(rep.Merges, PersonJoin{Slug: slugs[id], Name: id.Name(), Join: j})
			if recorded[joinKey{pid, j.Text}] {
				continue
			}
			if _, err := t.exec(`INSERT INTO person_merges(person_id, kind, text, matched, rule, actor, created_at) VALUES (?, 'import', ?, ?, ?, ?, ?)`,
				pid, j.Text, j.Matched, j.Rule, t.actor.Name, t.now); err != nil {
				return err
			}
			if id.Known != nil {
				rep.PeopleChanged++
			}
		}
	}
	// An import made of many files lists an unresolved name once.
	seen := map[string]bool{}
	for _, u := range ids.Unresolved {
		k := u.Mention.Country + "|" + u.Mention.Name
		if !seen[k] {
			seen[k] = true
			rep.Unresolved = append(rep.Unresolved, u)
		}
	}
	for i, id := range who {
		recs[at[i]].Who = slugs[id]
	}
	return nil
}

// visitorsByRef maps a visit's record id and a visitor's name, as an
// earlier import read them, to the person whose stop carries that record:
// what was decided then (or moved by a curator since) is kept. Visits are
// the stops in the United States; no traveller's stop abroad is there.
func (t *tx) visitorsByRef(known []timeline.KnownPerson) (map[string]int64, error) {
	byID := map[int64]*timeline.KnownPerson{}
	for i := range known {
		byID[known[i].ID] = &known[i]
	}
	rows, err := t.QueryContext(t.ctx, `SELECT ref, person_id FROM stops WHERE country = 'US' AND ref <> ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var ref string
		var pid int64
		if err := rows.Scan(&ref, &pid); err != nil {
			return nil, err
		}
		k := byID[pid]
		if k == nil {
			continue
		}
		for _, n := range append([]string{k.Name}, k.Aliases...) {
			out[ref+"\x00"+strings.ToLower(n)] = pid
		}
	}
	return out, rows.Err()
}

type joinKey struct {
	person int64
	text   string
}

func (t *tx) recordedJoins() (map[joinKey]bool, error) {
	out := map[joinKey]bool{}
	err := each(t.ctx, t, func(scan func(...any) error) error {
		var k joinKey
		if err := scan(&k.person, &k.text); err != nil {
			return err
		}
		out[k] = true
		return nil
	}, `SELECT person_id, text FROM person_merges WHERE kind = 'import'`)
	return out, err
}

// freeSlug is a new person's slug: the name's, or, when another person
// has it (two kings Abdullah), with the country, then a number.
func freeSlug(base, country string, taken map[string]bool) string {
	if base == "" {
		base = "person"
	}
	if !taken[base] {
		return base
	}
	if country != "" {
		c := base + "-" + strings.ToLower(country)
		if !taken[c] {
			return c
		}
		base = c
	}
	for n := 2; ; n++ {
		c := base + "-" + strconv.FormatInt(int64(n), 10)
		if !taken[c] {
			return c
		}
	}
}

// visitorOffices are the offices a person's visits name on dates the
// person is not already known to hold them, each dated by the first and
// last of those visits: the office held on those dates.
func visitorOffices(s *Store, id *timeline.Identity, have []timeline.OfficeSpan) []timeline.Office {
	var out []timeline.Office
	var titles []string
	for title := range id.OfficeDates {
		titles = append(titles, title)
	}
	sort.Strings(titles)
	for _, title := range titles {
		var from, to timeline.Date
		for _, d := range id.OfficeDates[title] {
			covered := false
			for _, h := range have {
				covered = covered || strings.EqualFold(h.Title, title) && h.Covers(d)
			}
			if covered {
				continue
			}
			if !from.Valid() || d.Before(from) {
				from = d
			}
			if !to.Valid() || d.After(to) {
				to = d
			}
		}
		if from.Valid() {
			out = append(out, timeline.Office{Title: title, Body: s.countries.Name(id.Country), Country: id.Country, From: from, To: to})
		}
	}
	return out
}

// learnOf gives a known person the names and offices the import found for
// them that they lack, and says whether it did.
func (t *tx) learnOf(s *Store, id *timeline.Identity) (bool, error) {
	k := id.Known
	changed := false
	have := map[string]bool{strings.ToLower(k.Name): true}
	for _, a := range k.Aliases {
		have[strings.ToLower(a)] = true
	}
	var names []string
	for n := range id.Names {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if have[strings.ToLower(n)] {
			continue
		}
		have[strings.ToLower(n)] = true
		if _, err := t.exec(`INSERT OR IGNORE INTO person_aliases(person_id, alias) VALUES (?, ?)`, k.ID, n); err != nil {
			return false, err
		}
		changed = true
	}
	for _, o := range visitorOffices(s, id, k.Offices) {
		if _, err := t.exec(`INSERT INTO offices(person_id, title, body, country, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)`,
			k.ID, o.Title, o.Body, nullStr(o.Country), nullDate(o.From), nullDate(o.To)); err != nil {
			return false, err
		}
		changed = true
	}
	return changed, nil
}

// Words says the join as the import's summaries write it.
func (m PersonJoin) Words() string {
	return fmt.Sprintf("%q is %s (%s), as %q: %s", m.Text, m.Name, m.Slug, m.Matched, m.Rule)
}
