package store

import (
	"context"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline/article"
)

// ArticleKnown is what the record knows that an article's words are
// matched against (timeline/article): its people with their aliases,
// latest office and country; its countries' names and aliases; the
// localities of its stops; and its regions.
func (s *Store) ArticleKnown(ctx context.Context) (article.Known, error) {
	k := article.Known{Country: s.countries.Resolve, Places: map[string]string{}, Regions: map[string]string{}}
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var p article.Person
		var aliases string
		if err := scan(&p.Slug, &p.Name, &p.Country, &p.Office, &aliases); err != nil {
			return err
		}
		if aliases != "" {
			p.Aliases = strings.Split(aliases, "\x1f")
		}
		k.People = append(k.People, p)
		return nil
	}, `SELECT p.slug, p.name, coalesce(p.country, ''),
			coalesce((SELECT o.title || CASE WHEN o.body <> '' THEN ', ' || o.body ELSE '' END FROM offices o
				WHERE o.person_id = p.id ORDER BY coalesce(o.start_date, '') DESC, o.id DESC LIMIT 1), ''),
			coalesce((SELECT group_concat(alias, char(31)) FROM person_aliases a WHERE a.person_id = p.id), '')
		FROM people p WHERE p.deleted_at IS NULL ORDER BY p.id`)
	if err != nil {
		return k, err
	}
	err = each(ctx, s.r, func(scan func(...any) error) error {
		var localities, country string
		if err := scan(&localities, &country); err != nil {
			return err
		}
		for _, l := range strings.Split(localities, ",") {
			if l = strings.ToLower(strings.TrimSpace(l)); l != "" && k.Places[l] == "" {
				k.Places[l] = country
			}
		}
		return nil
	}, `SELECT DISTINCT locality, country FROM stops WHERE locality <> ''`)
	if err != nil {
		return k, err
	}
	err = each(ctx, s.r, func(scan func(...any) error) error {
		var code, name string
		if err := scan(&code, &name); err != nil {
			return err
		}
		k.Regions[strings.ToLower(name)] = code
		return nil
	}, `SELECT code, name FROM regions WHERE deleted_at IS NULL`)
	return k, err
}
