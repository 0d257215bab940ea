package export

import (
	"context"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Describe is the view f in words, one phrase per filter, for the pages
// and exports that say what they show.
func Describe(ctx context.Context, st Source, f timeline.Filter) []string {
	var out []string
	if len(f.Persons) > 0 {
		var who []string
		for _, slug := range f.Persons {
			if p, err := st.PersonBySlug(ctx, slug, false); err == nil {
				who = append(who, p.Name)
			} else {
				who = append(who, slug)
			}
		}
		label := "traveller: "
		if len(who) > 1 {
			label = "travellers: "
		}
		out = append(out, label+strings.Join(who, ", "))
	}
	if f.Country != "" {
		out = append(out, "country: "+st.CountryName(f.Country))
	}
	if f.Region != "" {
		if r, err := st.Region(ctx, f.Region); err == nil {
			out = append(out, "region: "+r.Name+" ("+r.Code+")")
		} else {
			out = append(out, "region: "+f.Region)
		}
	}
	if len(f.Kinds) > 0 {
		out = append(out, "kinds: "+strings.Join(f.Kinds, ", "))
	}
	if f.From.Valid() {
		out = append(out, "from "+f.From.Long())
	}
	if f.To.Valid() {
		out = append(out, "to "+f.To.Long())
	}
	if f.Q != "" {
		out = append(out, "words: "+f.Q)
	}
	switch f.Sourced {
	case "yes":
		out = append(out, "with sources")
	case "no":
		out = append(out, "without a source")
	}
	return out
}

// describeView says in words which entries an export holds.
func describeView(ctx context.Context, s Source, f timeline.Filter) string {
	if words := Describe(ctx, s, f); len(words) > 0 {
		return "The timeline of " + strings.Join(words, "; ")
	}
	return "The whole timeline"
}
