package store

import (
	"context"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// PersonChoice is a person as a form offers them: with what tells
// namesakes apart (their latest office, their country, the years of their
// trips and meetings on record).
type PersonChoice struct {
	Slug, Name, Country, Office string
	First, Last                 string // years, "" when none on record
	Draft                       bool
}

// Label is the choice as a picker shows it: "Antony J. Blinken — Secretary
// of State; United States; 2021–2024".
func (c PersonChoice) Label(countryName func(string) string) string {
	var parts []string
	if c.Office != "" {
		parts = append(parts, c.Office)
	}
	if name := countryName(c.Country); c.Country != "" && !strings.Contains(c.Office, name) {
		parts = append(parts, name) // unless the office says it ("Emir, Qatar")
	}
	switch {
	case c.First != "" && c.First != c.Last:
		parts = append(parts, c.First+"–"+c.Last)
	case c.First != "":
		parts = append(parts, c.First)
	}
	if c.Draft {
		parts = append(parts, "draft")
	}
	if len(parts) == 0 {
		return c.Name
	}
	return c.Name + " — " + strings.Join(parts, "; ")
}

// foldName is a name as names are compared when a form offers the person
// on record: no case, accents or extra spacing.
func foldName(s string) string {
	return strings.ToLower(timeline.FoldASCII(timeline.NormalizeSpace(s)))
}

// PeopleNamed lists the people (drafts too) whose name or an alias is
// name, ignoring case, accents and spacing: the ones a form offers before
// it makes a new person of that name.
func (s *Store) PeopleNamed(ctx context.Context, name string) ([]PersonChoice, error) {
	key := foldName(name)
	return s.peopleWhere(ctx, 20, func(folded string) bool { return folded == key })
}

// SearchPeople lists up to limit people (drafts too) whose name or an
// alias holds every word of q, ignoring case and accents: what a person
// picker's search answers.
func (s *Store) SearchPeople(ctx context.Context, q string, limit int) ([]PersonChoice, error) {
	words := strings.Fields(foldName(q))
	return s.peopleWhere(ctx, limit, func(folded string) bool {
		for _, w := range words {
			if !strings.Contains(folded, w) {
				return false
			}
		}
		return len(words) > 0
	})
}

// peopleNamesQuery reads every name a person is known by.
const peopleNamesQuery = `SELECT p.slug, p.name, coalesce(a.alias, '') FROM people p LEFT JOIN person_aliases a ON a.person_id = p.id
	WHERE p.deleted_at IS NULL ORDER BY p.name, p.slug`

// peopleWhere lists up to limit people, by name, one of whose names
// (folded by foldName) match takes. The names are compared here rather
// than in SQL, which cannot fold accents; a few thousand people take a
// millisecond or two.
func (s *Store) peopleWhere(ctx context.Context, limit int, match func(folded string) bool) ([]PersonChoice, error) {
	var slugs []string
	seen := map[string]bool{}
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var slug, n, alias string
		if err := scan(&slug, &n, &alias); err != nil {
			return err
		}
		if !seen[slug] && len(slugs) < limit && (match(foldName(n)) || (alias != "" && match(foldName(alias)))) {
			seen[slug] = true
			slugs = append(slugs, slug)
		}
		return nil
	}, peopleNamesQuery)
	if err != nil || len(slugs) == 0 {
		return nil, err
	}
	return s.personChoices(ctx, `p.slug IN (`+placeholders(len(slugs))+`)`, "p.name", len(slugs), toAny(slugs)...)
}

// personChoices reads the people that where selects, with what tells
// them apart.
func (s *Store) personChoices(ctx context.Context, where, order string, limit int, args ...any) ([]PersonChoice, error) {
	return list(ctx, s.r, func(c *PersonChoice) []any {
		return []any{&c.Slug, &c.Name, &c.Country, &c.Office, &c.First, &c.Last, &c.Draft}
	}, `SELECT p.slug, p.name, coalesce(p.country, ''),
		coalesce((SELECT o.title || CASE WHEN o.body <> '' THEN ', ' || o.body ELSE '' END FROM offices o
			WHERE o.person_id = p.id ORDER BY coalesce(o.start_date, '') DESC, o.id DESC LIMIT 1), ''),
		coalesce((SELECT substr(min(d), 1, 4) FROM (SELECT start_date d FROM stops WHERE person_id = p.id
			UNION ALL SELECT m.date FROM participants x JOIN meetings m ON m.id = x.meeting_id WHERE x.person_id = p.id)), ''),
		coalesce((SELECT substr(max(d), 1, 4) FROM (SELECT start_date d FROM stops WHERE person_id = p.id
			UNION ALL SELECT m.date FROM participants x JOIN meetings m ON m.id = x.meeting_id WHERE x.person_id = p.id)), ''),
		p.status = 'draft'
		FROM people p WHERE p.deleted_at IS NULL AND `+where+` ORDER BY `+order+` LIMIT ?`, append(args, limit)...)
}

func toAny(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// PeopleBySlug lists the people of these slugs as choices, by name.
func (s *Store) PeopleBySlug(ctx context.Context, slugs []string) ([]PersonChoice, error) {
	var keep []string
	for _, sl := range slugs {
		if sl != "" {
			keep = append(keep, sl)
		}
	}
	if len(keep) == 0 {
		return nil, nil
	}
	return s.personChoices(ctx, `p.slug IN (`+placeholders(len(keep))+`)`, "p.name", len(keep), toAny(keep)...)
}
