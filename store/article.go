package store

import (
	"context"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
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

// CheckProposedClaim checks an article's ordinal claim against the record
// before its trip is entered: the traveller's trips (or stops) since
// since, in region or country, are numbered as a counter with the gap rule
// of one day numbers them. The claim's trip is the one the record has on
// day, or else the next after those that start before day. It returns the
// check and the counter's rule in words.
func (s *Store) CheckProposedClaim(ctx context.Context, slug, region, country string, since timeline.Date, unit timeline.Unit, day timeline.Date, stated int) (timeline.Check, string, error) {
	pid, err := s.PersonIDBySlug(ctx, slug)
	if err != nil {
		return timeline.Check{}, "", err
	}
	c := timeline.Counter{PersonID: pid, PersonSlug: slug, Region: region, Country: country, Since: since, Unit: unit,
		Rule: timeline.Rule{Kind: timeline.RuleGap, GapDays: 1}}
	if p, err := s.PersonBySlug(ctx, slug, true); err == nil {
		c.PersonName = p.Name
	}
	if err := c.Validate(); err != nil {
		return timeline.Check{}, "", err
	}
	res, err := s.Numberer(ctx).Number(c)
	if err != nil {
		return timeline.Check{}, "", err
	}
	ch := timeline.Check{Stated: stated}
	before := 0
	for _, it := range res.Items {
		if !day.Before(it.Start) && !day.After(it.End) {
			ch.Computed = it.Ordinal
			break
		}
		if it.Start.Before(day) {
			before = it.Ordinal
		}
	}
	if ch.Computed == 0 && day.Valid() && !day.Before(since) {
		ch.Computed = before + 1 // a trip the record does not have yet
	}
	switch {
	case ch.Computed == 0:
		ch.Verdict = timeline.NotCounted
	case ch.Computed == stated:
		ch.Verdict = timeline.Confirmed
	default:
		ch.Verdict = timeline.Contradicted
	}
	return ch, c.Describe(), nil
}

// CheckProposedClaims checks each proposed claim against the record at once: its
// place as a country or a region ("the region" is the first stop's
// bureau), its day the first stop's, else the article's.
func (s *Store) CheckProposedClaims(ctx context.Context, known article.Known, a article.Article, ps []article.Proposal) error {
	day, firstCountry := a.Published, ""
	for _, p := range ps {
		if p.Kind == "stop" && p.Start != "" {
			day, _ = timeline.ParseDate(p.Start)
			firstCountry = p.Country
			break
		}
	}
	for i := range ps {
		p := &ps[i]
		if p.Kind != "claim" || p.Traveller == "" {
			continue
		}
		var region, country string
		var err error
		place := strings.TrimPrefix(strings.ToLower(p.Place), "the ")
		if code, ok := known.Country(place); ok && place != "" {
			country = code
		} else if code, ok := known.Region(place); ok {
			region = code
		} else if place == "region" && firstCountry != "" {
			if region, err = s.BureauOf(ctx, firstCountry); err != nil {
				return err
			}
		}
		since, _ := timeline.ParseDate(p.Since)
		unit := timeline.UnitTrips
		if p.Unit == "stop" {
			unit = timeline.UnitStops
		}
		ch, rule, err := s.CheckProposedClaim(ctx, p.Traveller, region, country, since, unit, day, p.Ordinal)
		if err != nil {
			if timeline.ErrorCode(err) == timeline.EInternal {
				return err
			}
			continue // a claim the record cannot count (an unknown traveller)
		}
		p.Check = &article.ClaimCheck{Computed: ch.Computed, Verdict: string(ch.Verdict), Counter: rule}
	}
	return nil
}
