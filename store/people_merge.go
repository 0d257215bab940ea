package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// PersonMerge is one recorded identity decision: a name the import joined
// to a person (kind "import"), a curator's merge of Other into Person
// ("merge"), or a split of Other off Person ("split").
type PersonMerge struct {
	ID                     int64
	Kind                   string
	PersonSlug, PersonName string
	OtherSlug, OtherName   string
	Text, Matched, Rule    string
	Actor, At              string
	Undone                 bool
}

// PersonMerges lists the identity decisions about a person (all of them
// when personID is 0), newest first.
func (s *Store) PersonMerges(ctx context.Context, personID int64) ([]PersonMerge, error) {
	return list(ctx, s.r, func(m *PersonMerge) []any {
		return []any{&m.ID, &m.Kind, &m.PersonSlug, &m.PersonName, &m.OtherSlug, &m.OtherName, &m.Text, &m.Matched, &m.Rule, &m.Actor, &m.At, &m.Undone}
	}, `SELECT m.id, m.kind, p.slug, p.name, coalesce(o.slug, ''), coalesce(o.name, ''),
			m.text, m.matched, m.rule, m.actor, m.created_at, m.undone_at IS NOT NULL
		FROM person_merges m JOIN people p ON p.id = m.person_id LEFT JOIN people o ON o.id = m.other_id
		WHERE ? = 0 OR m.person_id = ? OR m.other_id = ? ORDER BY m.id DESC LIMIT 5000`, personID, personID, personID)
}

// MergedInto returns the slug of the person a merged-away person now is,
// so that their old address still leads somewhere.
func (s *Store) MergedInto(ctx context.Context, slug string) (string, error) {
	var into string
	err := s.r.QueryRowContext(ctx, `SELECT p.slug FROM person_merges m JOIN people o ON o.id = m.other_id JOIN people p ON p.id = m.person_id
		WHERE m.kind = 'merge' AND m.undone_at IS NULL AND o.slug = ? AND p.deleted_at IS NULL ORDER BY m.id DESC LIMIT 1`, slug).Scan(&into)
	if isNoRows(err) {
		return "", notFound("The person " + slug)
	}
	return into, err
}

// moved is what a merge or split moved from one person to the other, by
// row, so that undoing it puts back exactly that.
type moved struct {
	Trips        []int64               `json:"trips,omitempty"`
	Stops        []int64               `json:"stops,omitempty"`
	Meetings     []int64               `json:"meetings,omitempty"` // participations
	Quotes       []int64               `json:"quotes,omitempty"`
	Goals        []int64               `json:"goals,omitempty"` // stated by
	Counters     []int64               `json:"counters,omitempty"`
	Offices      []int64               `json:"offices,omitempty"`
	Aliases      []string              `json:"aliases,omitempty"`       // moved over
	AliasesAdded []string              `json:"aliases_added,omitempty"` // made of the other's name
	Identifiers  []timeline.Identifier `json:"identifiers,omitempty"`
}

// ids lists a query's ids.
func (t *tx) ids(q string, args ...any) ([]int64, error) {
	return list(t.ctx, t, func(id *int64) []any { return []any{id} }, q, args...)
}

func (t *tx) livePerson(slug, field string) (*timeline.Person, error) {
	p, err := scanPerson(t.QueryRowContext(t.ctx, `SELECT `+personCols+` FROM people p WHERE p.slug = ? AND p.deleted_at IS NULL`, slug))
	if isNoRows(err) {
		return nil, &timeline.Error{Code: timeline.EInvalid, Field: field, Message: "No person has the slug " + slug + "."}
	}
	return p, err
}

// inList is "?, ?, ?" for n values and the values as arguments.
func inList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}

// MergePeople makes other one person with keep: everything that names
// other (trips and stops, meetings, quotes, goals, counters, offices,
// aliases, identifiers) names keep, other's name becomes an alias, and
// other is kept, deleted, so that the merge can be undone. A merge is
// refused when both have the same stop, which would then be two.
func (s *Store) MergePeople(ctx context.Context, a Actor, keepSlug, otherSlug, reason string) (int64, error) {
	var mergeID int64
	err := s.write(ctx, a, func(t *tx) error {
		keep, err := t.livePerson(keepSlug, "into")
		if err != nil {
			return err
		}
		other, err := t.livePerson(otherSlug, "person")
		if err != nil {
			return err
		}
		if keep.ID == other.ID {
			return timeline.FieldErrorf("into", "A person cannot be merged with themselves; choose another person.")
		}
		var clash string
		err = t.QueryRowContext(t.ctx, `SELECT o.country || ' ' || o.start_date FROM stops o JOIN stops k ON k.person_id = ?
			AND k.start_date = o.start_date AND k.end_date = o.end_date AND k.country = o.country AND k.locality = o.locality
			WHERE o.person_id = ? LIMIT 1`, keep.ID, other.ID).Scan(&clash)
		if err == nil {
			return timeline.FieldErrorf("into", "Both people have a stop in %s: delete one of the two trips first, then merge.", clash)
		} else if !isNoRows(err) {
			return err
		}
		var meeting string
		err = t.QueryRowContext(t.ctx, `SELECT m.title FROM participants a JOIN participants b ON b.meeting_id = a.meeting_id AND b.person_id = ?
			JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = ? LIMIT 1`, keep.ID, other.ID).Scan(&meeting)
		if err == nil {
			return timeline.FieldErrorf("into", "Both people are participants of the meeting %q: remove one of them from it first, then merge.", meeting)
		} else if !isNoRows(err) {
			return err
		}
		var m moved
		if err := t.collect(&m, other.ID); err != nil {
			return err
		}
		if err := t.move(m, other.ID, keep.ID); err != nil {
			return err
		}
		// The other's name and aliases are the kept person's aliases.
		for _, n := range append([]string{other.Name}, m.Aliases...) {
			if strings.EqualFold(n, keep.Name) {
				continue
			}
			res, err := t.exec(`INSERT OR IGNORE INTO person_aliases(person_id, alias) VALUES (?, ?)`, keep.ID, n)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k > 0 {
				m.AliasesAdded = append(m.AliasesAdded, n)
			}
		}
		before, err := t.rowJSON("people", other.ID)
		if err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE people SET deleted_at = ?, updated_at = ? WHERE id = ?`, t.now, t.now, other.ID); err != nil {
			return err
		}
		why := "merged into " + keep.Name + " (" + keep.Slug + ")"
		if reason != "" {
			why += ": " + reason
		}
		if err := t.reviseRow(timeline.KindPerson, "people", other.ID, "delete", before, why); err != nil {
			return err
		}
		if err := t.touchPerson(keep.ID, other.Name+" ("+other.Slug+") merged into this person"+suffix(reason)); err != nil {
			return err
		}
		mergeID, err = t.recordMove("merge", keep.ID, other.ID, other.Name, keep.Name, reason, m)
		if err != nil {
			return err
		}
		return t.refreshMoved(s, m, keep.ID)
	})
	return mergeID, err
}

// touchPerson records a change to what a person is (a merge, a split, an
// identifier) in their history, as an update of their row with the reason.
func (t *tx) touchPerson(id int64, reason string) error {
	before, err := t.rowJSON("people", id)
	if err != nil {
		return err
	}
	if _, err := t.exec(`UPDATE people SET updated_at = ? WHERE id = ?`, t.now, id); err != nil {
		return err
	}
	return t.reviseRow(timeline.KindPerson, "people", id, "update", before, reason)
}

func suffix(reason string) string {
	if reason == "" {
		return ""
	}
	return ": " + reason
}

// SplitPerson makes a new person of some of a person's trips: those trips
// and their stops, and the given aliases, move to a new person with that
// name, of the same country. A split can be undone like a merge.
func (s *Store) SplitPerson(ctx context.Context, a Actor, slug, newName string, trips []int64, aliases []string, reason string) (string, int64, error) {
	var newSlug string
	var mergeID int64
	err := s.write(ctx, a, func(t *tx) error {
		from, err := t.livePerson(slug, "person")
		if err != nil {
			return err
		}
		fe := timeline.FieldErrors{}
		if strings.TrimSpace(newName) == "" {
			fe.Add("name", "Give the name of the person to split off.")
		}
		if len(trips) == 0 && len(aliases) == 0 {
			fe.Add("trips", "Choose the trips (or names) that belong to the other person.")
		}
		if err := fe.Err(); err != nil {
			return err
		}
		var m moved
		if len(trips) > 0 {
			in, args := inList(trips)
			m.Trips, err = t.ids(`SELECT id FROM trips WHERE person_id = ? AND id IN (`+in+`) ORDER BY id`, append([]any{from.ID}, args...)...)
			if err != nil {
				return err
			}
			if len(m.Trips) != len(trips) {
				return timeline.FieldErrorf("trips", "Some of the chosen trips are not %s's.", from.Name)
			}
			m.Stops, err = t.ids(`SELECT id FROM stops WHERE trip_id IN (`+in+`) ORDER BY id`, args...)
			if err != nil {
				return err
			}
		}
		for _, al := range aliases {
			var n int
			if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM person_aliases WHERE person_id = ? AND alias = ?`, from.ID, al).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return timeline.FieldErrorf("aliases", "%s has no other name %q.", from.Name, al)
			}
			m.Aliases = append(m.Aliases, al)
		}
		taken, err := t.slugsLike(timeline.Slugify(newName))
		if err != nil {
			return err
		}
		p := &timeline.Person{Name: strings.TrimSpace(newName), Country: from.Country, Status: timeline.Published,
			Slug: freeSlug(timeline.Slugify(newName), from.Country, taken)}
		if err := t.createPerson(p); err != nil {
			return err
		}
		newSlug = p.Slug
		if err := t.move(m, from.ID, p.ID); err != nil {
			return err
		}
		if err := t.touchPerson(from.ID, p.Name+" ("+p.Slug+") split off this person"+suffix(reason)); err != nil {
			return err
		}
		mergeID, err = t.recordMove("split", from.ID, p.ID, p.Name, from.Name, reason, m)
		if err != nil {
			return err
		}
		return t.refreshMoved(s, m, from.ID, p.ID)
	})
	return newSlug, mergeID, err
}

func (t *tx) slugsLike(base string) (map[string]bool, error) {
	out := map[string]bool{}
	err := each(t.ctx, t, func(scan func(...any) error) error {
		var s string
		if err := scan(&s); err != nil {
			return err
		}
		out[s] = true
		return nil
	}, `SELECT slug FROM people WHERE slug = ? OR slug LIKE ? || '-%'`, base, base)
	return out, err
}

// collect lists everything that names a person.
func (t *tx) collect(m *moved, pid int64) error {
	var err error
	for _, q := range []struct {
		into *[]int64
		sql  string
	}{
		{&m.Trips, `SELECT id FROM trips WHERE person_id = ? ORDER BY id`},
		{&m.Stops, `SELECT id FROM stops WHERE person_id = ? ORDER BY id`},
		{&m.Meetings, `SELECT meeting_id FROM participants WHERE person_id = ? ORDER BY meeting_id`},
		{&m.Quotes, `SELECT id FROM quotes WHERE person_id = ? ORDER BY id`},
		{&m.Goals, `SELECT id FROM goals WHERE stated_by = ? ORDER BY id`},
		{&m.Counters, `SELECT id FROM counters WHERE person_id = ? ORDER BY id`},
		{&m.Offices, `SELECT id FROM offices WHERE person_id = ? ORDER BY id`},
	} {
		if *q.into, err = t.ids(q.sql, pid); err != nil {
			return err
		}
	}
	rows, err := t.QueryContext(t.ctx, `SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias`, pid)
	if err != nil {
		return err
	}
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			rows.Close()
			return err
		}
		m.Aliases = append(m.Aliases, a)
	}
	rows.Close()
	ids, err := t.identifiers(pid)
	m.Identifiers = ids
	return err
}

// move hands the rows of m from one person to another.
func (t *tx) move(m moved, from, to int64) error {
	for _, u := range []struct {
		ids []int64
		sql string
	}{
		{m.Trips, `UPDATE trips SET person_id = ?, updated_at = ? WHERE person_id = ? AND id IN `},
		{m.Stops, `UPDATE stops SET person_id = ? WHERE person_id = ? AND id IN `},
		{m.Quotes, `UPDATE quotes SET person_id = ? WHERE person_id = ? AND id IN `},
		{m.Goals, `UPDATE goals SET stated_by = ? WHERE stated_by = ? AND id IN `},
		{m.Counters, `UPDATE counters SET person_id = ? WHERE person_id = ? AND id IN `},
		{m.Offices, `UPDATE offices SET person_id = ? WHERE person_id = ? AND id IN `},
	} {
		if len(u.ids) == 0 {
			continue
		}
		in, args := inList(u.ids)
		head := []any{to, from}
		if strings.Contains(u.sql, "updated_at") {
			head = []any{to, t.now, from}
		}
		if _, err := t.exec(u.sql+"("+in+")", append(head, args...)...); err != nil {
			return err
		}
	}
	for _, mid := range m.Meetings {
		res, err := t.exec(`UPDATE OR IGNORE participants SET person_id = ? WHERE meeting_id = ? AND person_id = ?`, to, mid, from)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: both people sit in meeting %d", mid)
		}
	}
	for _, al := range m.Aliases {
		if _, err := t.exec(`DELETE FROM person_aliases WHERE person_id = ? AND alias = ?`, from, al); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT OR IGNORE INTO person_aliases(person_id, alias) VALUES (?, ?)`, to, al); err != nil {
			return err
		}
	}
	for _, id := range m.Identifiers {
		if _, err := t.exec(`DELETE FROM person_identifiers WHERE person_id = ? AND scheme = ?`, from, id.Scheme); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT OR IGNORE INTO person_identifiers(person_id, scheme, value) VALUES (?, ?, ?)`, to, id.Scheme, id.Value); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) recordMove(kind timeline.Kind, person, other int64, text, matched, reason string, m moved) (int64, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	rule := timeline.RuleCurator
	if reason != "" {
		rule += ": " + reason
	}
	return t.insert(`INSERT INTO person_merges(person_id, other_id, kind, text, matched, rule, moved, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		person, other, kind, text, matched, rule, string(b), t.actor.Name, t.now)
}

// refreshMoved rewrites the timeline's entries of what moved, and of every
// trip of the people concerned: a trip's entry holds its traveller and
// their other names, a meeting's its participants.
func (t *tx) refreshMoved(s *Store, m moved, people ...int64) error {
	trips := map[int64]bool{}
	for _, id := range m.Trips {
		trips[id] = true
	}
	for _, pid := range people {
		ids, err := t.ids(`SELECT id FROM trips WHERE person_id = ?`, pid)
		if err != nil {
			return err
		}
		for _, id := range ids {
			trips[id] = true
		}
	}
	for _, q := range m.Quotes {
		var tid sql.NullInt64
		if err := t.QueryRowContext(t.ctx, `SELECT trip_id FROM quotes WHERE id = ?`, q).Scan(&tid); err != nil {
			return err
		}
		if tid.Valid {
			trips[tid.Int64] = true
		}
	}
	for id := range trips {
		if err := t.refreshTrip(s, id); err != nil {
			return err
		}
	}
	for _, mid := range m.Meetings {
		if err := t.refreshMeeting(mid); err != nil {
			return err
		}
	}
	return nil
}

// UndoPersonMerge puts back what a curator's merge or split moved: the
// other person returns (a merge) or is deleted again (a split), with
// exactly the rows they had.
func (s *Store) UndoPersonMerge(ctx context.Context, a Actor, id int64) error {
	return s.write(ctx, a, func(t *tx) error {
		var kind, js string
		var person, other int64
		var undone sql.NullString
		err := t.QueryRowContext(t.ctx, `SELECT kind, person_id, coalesce(other_id, 0), moved, undone_at FROM person_merges WHERE id = ?`, id).
			Scan(&kind, &person, &other, &js, &undone)
		if isNoRows(err) {
			return notFound("The merge " + strconv.FormatInt(id, 10))
		} else if err != nil {
			return err
		}
		if kind == "import" {
			return timeline.Errorf(timeline.EInvalid, "A name the import joined is undone by splitting the person: choose the visits of that name.")
		}
		if undone.Valid {
			return timeline.Errorf(timeline.EConflict, "This %s was undone on %s already.", kind, undone.String)
		}
		var m moved
		if err := json.Unmarshal([]byte(js), &m); err != nil {
			return err
		}
		before, err := t.rowJSON("people", other)
		if err != nil {
			return err
		}
		switch kind {
		case "merge":
			if _, err := t.exec(`UPDATE people SET deleted_at = NULL, updated_at = ? WHERE id = ?`, t.now, other); err != nil {
				return err
			}
			for _, al := range m.AliasesAdded {
				if _, err := t.exec(`DELETE FROM person_aliases WHERE person_id = ? AND alias = ?`, person, al); err != nil {
					return err
				}
			}
			if err := t.move(m, person, other); err != nil {
				return err
			}
			if err := t.reviseRow(timeline.KindPerson, "people", other, "restore", before, "the merge into another person was undone"); err != nil {
				return err
			}
		case "split":
			if err := t.move(m, other, person); err != nil {
				return err
			}
			if _, err := t.exec(`UPDATE people SET deleted_at = ?, updated_at = ? WHERE id = ?`, t.now, t.now, other); err != nil {
				return err
			}
			if err := t.reviseRow(timeline.KindPerson, "people", other, "delete", before, "the split was undone"); err != nil {
				return err
			}
		}
		if err := t.touchPerson(person, "the "+kind+" was undone"); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE person_merges SET undone_at = ? WHERE id = ?`, t.now, id); err != nil {
			return err
		}
		return t.refreshMoved(s, m, person, other)
	})
}

func (t *tx) identifiers(pid int64) ([]timeline.Identifier, error) {
	return list(t.ctx, t, identifierDest, identifiersSQL, pid)
}

const identifiersSQL = `SELECT scheme, value FROM person_identifiers WHERE person_id = ? ORDER BY scheme`

func identifierDest(id *timeline.Identifier) []any { return []any{&id.Scheme, &id.Value} }

// setIdentifiers replaces a person's identifiers.
func (t *tx) setIdentifiers(pid int64, ids []timeline.Identifier) error {
	if _, err := t.exec(`DELETE FROM person_identifiers WHERE person_id = ?`, pid); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := t.exec(`INSERT INTO person_identifiers(person_id, scheme, value) VALUES (?, ?, ?)`, pid, id.Scheme, id.Value); err != nil {
			return err
		}
	}
	return nil
}

// Identifiers lists a person's outside identifiers.
func (s *Store) Identifiers(ctx context.Context, pid int64) ([]timeline.Identifier, error) {
	return list(ctx, s.r, identifierDest, identifiersSQL, pid)
}

// SetIdentifier sets (or, with an empty value, removes) a person's
// identifier in a scheme, with a revision.
func (s *Store) SetIdentifier(ctx context.Context, a Actor, slug string, id timeline.Identifier) error {
	id.Scheme = strings.ToLower(strings.TrimSpace(id.Scheme))
	id.Value = strings.TrimSpace(id.Value)
	if err := id.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		p, err := t.livePerson(slug, "person")
		if err != nil {
			return err
		}
		var before []timeline.Identifier
		old, err := t.identifiers(p.ID)
		if err != nil {
			return err
		}
		for _, o := range old {
			if o.Scheme == id.Scheme {
				before = append(before, o)
			}
		}
		if _, err := t.exec(`DELETE FROM person_identifiers WHERE person_id = ? AND scheme = ?`, p.ID, id.Scheme); err != nil {
			return err
		}
		if id.Value != "" {
			if _, err := t.exec(`INSERT INTO person_identifiers(person_id, scheme, value) VALUES (?, ?, ?)`, p.ID, id.Scheme, id.Value); err != nil {
				return err
			}
		}
		what := id.Scheme + " id removed"
		if id.Value != "" {
			what = id.Scheme + " id set to " + id.Value
		}
		if len(before) > 0 {
			what += " (was " + before[0].Value + ")"
		}
		return t.touchPerson(p.ID, what)
	})
}

// SimilarPerson is a candidate for a merge.
type SimilarPerson struct {
	Slug, Name string
	Detail     string // ", Israel, Prime Minister": to tell namesakes apart
}

// SimilarPeople lists people other than personID whose name or an alias
// shares a word of the person's name (the longest first), for the merge
// form.
func (s *Store) SimilarPeople(ctx context.Context, personID int64, limit int) ([]SimilarPerson, error) {
	p, err := s.PersonByID(ctx, personID)
	if err != nil {
		return nil, err
	}
	words := timeline.KeyOf(p.Name).Words
	sort.Slice(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	seen := map[string]bool{p.Slug: true}
	var out []SimilarPerson
	for _, w := range words {
		if len(w) < 3 || len(out) >= limit {
			break
		}
		rows, err := s.r.QueryContext(ctx, `SELECT p.slug, p.name, coalesce(p.country, ''),
				coalesce((SELECT title FROM offices WHERE person_id = p.id ORDER BY coalesce(start_date, '') DESC LIMIT 1), '')
			FROM people p WHERE p.deleted_at IS NULL AND p.id <> ? AND (p.name LIKE '%' || ? || '%'
				OR EXISTS (SELECT 1 FROM person_aliases a WHERE a.person_id = p.id AND a.alias LIKE '%' || ? || '%'))
			ORDER BY p.name LIMIT ?`, personID, w, w, limit)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var sp SimilarPerson
			var country, office string
			if err := rows.Scan(&sp.Slug, &sp.Name, &country, &office); err != nil {
				rows.Close()
				return nil, err
			}
			if seen[sp.Slug] || len(out) >= limit {
				continue
			}
			seen[sp.Slug] = true
			if country != "" {
				sp.Detail += ", " + s.countries.Name(country)
			}
			if office != "" {
				sp.Detail += ", " + office
			}
			out = append(out, sp)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
