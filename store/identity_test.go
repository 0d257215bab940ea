package store_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

func visitsFixture(t *testing.T, name string) []timeline.HSGRecord {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "timeline", "testdata", "hsg", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := timeline.ReadHSG(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// Each group of identity.xml is one rule: the names that must be one
// person are, with all their visits; those that must stay apart do.
func TestImportIdentities(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	recs := visitsFixture(t, "identity.xml")
	rep, err := s.ImportHSG(ctx, importer, recs, 1, store.ImportOptions{GapDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	visits := func(slug string) []string {
		t.Helper()
		id, err := s.PersonIDBySlug(ctx, slug)
		if err != nil {
			t.Errorf("%s: %v", slug, err)
			return nil
		}
		ts, err := s.TripsOfPerson(ctx, id, 100)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, tr := range ts {
			out = append(out, tr.Start.String())
		}
		sort.Strings(out)
		return out
	}
	for _, c := range []struct {
		name, slug string
		want       []string
	}{
		{"transliterations", "benjamin-testyahu", []string{"1996-07-09", "1998-01-20", "2009-05-20"}},
		{"diacritics", "jose-nandu", []string{"2001-03-01", "2003-03-01"}},
		{"honorific", "karim-bin-salim-al-fixture", []string{"2014-02-01", "2015-02-01"}},
		{"regnal number missing on one side", "omar-i", []string{"1960-04-01", "1965-04-01"}},
		{"another regnal number is another king", "omar-ii", []string{"2005-04-01"}},
		{"a father", "tomas-fixtura", []string{"1970-06-01"}},
		{"and his son, Jr. written two ways", "tomas-fixtura-jr", []string{"2020-06-01", "2022-06-01"}},
		{"typos of the title", "carla-fixturini", []string{"2009-09-01", "2010-09-01"}},
		{"a list with and: the first", "ivo-fixtic", []string{"2001-10-01"}},
		{"a list with and: the second", "ana-fixtova", []string{"2001-10-01", "2003-10-01"}},
		{"two titles, one person", "fixanouk", []string{"1965-11-01", "1968-11-01", "1969-11-01"}},
		{"a list with a comma: the first", "amon-fixadat", []string{"1978-09-05", "1979-03-05"}},
		{"a list with a comma: the second", "mustafa-fixalil", []string{"1978-09-05", "1980-03-05"}},
		{"a shared surname", "indra-fixandhi", []string{"1971-12-01"}},
		{"is not one person", "rajan-fixandhi", []string{"1985-06-01"}},
		{"a first name that is also a title", "amir-abbas-fixveyda", []string{"1973-07-24"}},
		{"a king of one country", "salim", []string{"1975-01-01"}},
		{"and a king of another", "salim-ma", []string{"1976-01-01"}},
		{"a middle name omitted", "luis-alberto-fixalle", []string{"1990-05-01", "1992-05-01"}},
		{"a surname alone near the person's visits", "levi-fixkol", []string{"1964-06-01", "1965-06-01"}},
		{"a surname alone far from them", "fixmann", []string{"1950-02-01"}},
		{"is someone else", "ezer-fixman", []string{"1995-02-01"}},
		{"a king", "hassan-fixit", []string{"1970-08-01"}},
		{"and the crown prince named after him", "hassan-fixit-ma", []string{"2015-08-01"}},
		{"a curator's counterpart", "herzog-isaac", []string{"2023-05-01"}},
		{"a familiar name in parentheses", "rudolphus-f-m-ruud-fixbers", []string{"1982-09-01", "1986-09-01"}},
	} {
		if got := visits(c.slug); !slices.Equal(got, c.want) {
			t.Errorf("%s: %s has visits %v, want %v", c.name, c.slug, got, c.want)
		}
	}
	// Each person named in a list finds that visit under the person filter.
	for slug, day := range map[string]string{"ivo-fixtic": "2001-10-01", "ana-fixtova": "2001-10-01", "amon-fixadat": "1978-09-05", "mustafa-fixalil": "1978-09-05"} {
		d := timeline.MustDate(day)
		page, err := s.Timeline(ctx, timeline.Filter{Persons: []string{slug}, From: d, To: d, Limit: 10})
		if err != nil || len(page.Entries) != 1 {
			t.Errorf("the person filter for %s: %+v, %v", slug, page, err)
		}
	}
	// The title is the office held, dated by the visits that name it.
	p, err := s.PersonBySlug(ctx, "carla-fixturini", false)
	if err != nil || p.Name != "Carla Fixturini" || len(p.Offices) != 1 || p.Offices[0].Title != "Prime Minister" ||
		p.Offices[0].From.String() != "2009-09-01" || p.Offices[0].To.String() != "2010-09-01" {
		t.Errorf("offices %+v, %v", p, err)
	}
	// Every join is explained: the text, the name it matched, the rule.
	rules := map[string]string{}
	for _, m := range rep.Merges {
		rules[m.Text] = m.Rule
	}
	for text, rule := range map[string]string{
		"Binyamin Testyahu":                  timeline.RuleSpelling,
		"Jose Nandu":                         timeline.RuleSameName,
		"Omar":                               timeline.RuleRoyal,
		"Luis Fixalle":                       timeline.RuleMiddle,
		"Fixkol":                             timeline.RuleSurname,
		"Ruud Fixbers":                       timeline.RuleNickname,
		"Karim bin Salim al-Fixture":         timeline.RuleSameName,
		"Tomas Fixtura, Jr":                  timeline.RuleSameName,
		"Premier and Prince Fixanouk":        "",
		"Sheikh Karim bin Salim Al Fixture ": "",
	} {
		if rules[text] != rule {
			t.Errorf("the join of %q: rule %q, want %q", text, rules[text], rule)
		}
	}
	merges, err := s.PersonMerges(ctx, 0)
	if err != nil || len(merges) != len(rep.Merges) {
		t.Errorf("%d merges recorded, %d in the report (%v)", len(merges), len(rep.Merges), err)
	}
	// The surname far from anyone's visits is listed as left apart.
	apart := false
	for _, u := range rep.Unresolved {
		apart = apart || u.Mention.Name == "Fixmann"
	}
	if !apart {
		t.Errorf("unresolved: %+v", rep.Unresolved)
	}
	// Another run changes nothing, not even the data version.
	v, _ := s.DataVersion(ctx)
	again, err := s.ImportHSG(ctx, importer, recs, 1, store.ImportOptions{GapDays: 1})
	if v2, _ := s.DataVersion(ctx); err != nil || again.PeopleMade != 0 || again.PeopleChanged != 0 || again.StopsAdded != 0 || v2 != v {
		t.Errorf("a second import: made %d, changed %d, stops %d, version %d to %d, %v", again.PeopleMade, again.PeopleChanged, again.StopsAdded, v, v2, err)
	}
}

// A curator's merge moves everything that names one person to the other,
// keeps the old name as an alias and the old address as a redirect, and is
// undone exactly; a split moves chosen trips to a new person, and is
// undone too. Each is in both people's history.
func TestMergeSplitUndo(t *testing.T) {
	ctx := context.Background()
	s := MustSeed(t)
	if _, err := s.ImportHSG(ctx, importer, visitsFixture(t, "identity.xml"), 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	curator := store.Actor{Name: "curator"}
	tripsOf := func(slug string) int {
		t.Helper()
		id, err := s.PersonIDBySlug(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		ts, err := s.TripsOfPerson(ctx, id, 100)
		if err != nil {
			t.Fatal(err)
		}
		return len(ts)
	}
	// Two people with the same stop would have it twice: refused.
	if _, err := s.MergePeople(ctx, curator, "ana-fixtova", "ivo-fixtic", ""); timeline.ErrorCode(err) != timeline.EInvalid || timeline.ErrorField(err) != "into" {
		t.Errorf("a merge of two people with one stop: %v", err)
	}
	if _, err := s.MergePeople(ctx, curator, "ana-fixtova", "ana-fixtova", ""); timeline.ErrorCode(err) != timeline.EInvalid {
		t.Errorf("a merge with oneself: %v", err)
	}
	// The demo's Herzog sits in a meeting; merge him into a second record.
	dup := &timeline.Person{Slug: "yitzhak-herzog", Name: "Yitzhak Herzog", Country: "IL"}
	if err := s.CreatePerson(ctx, curator, dup); err != nil {
		t.Fatal(err)
	}
	herzog, _ := s.PersonIDBySlug(ctx, "herzog-isaac")
	meetings, err := s.MeetingsOfPerson(ctx, herzog)
	if err != nil || len(meetings) == 0 {
		t.Fatal(meetings, err)
	}
	id, err := s.MergePeople(ctx, curator, "yitzhak-herzog", "herzog-isaac", "one president")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.MeetingsOfPerson(ctx, dup.ID); len(got) != len(meetings) || tripsOf("yitzhak-herzog") != 1 {
		t.Errorf("after the merge: %d meetings, %d trips", len(got), tripsOf("yitzhak-herzog"))
	}
	if into, err := s.MergedInto(ctx, "herzog-isaac"); err != nil || into != "yitzhak-herzog" {
		t.Errorf("the old address leads to %q, %v", into, err)
	}
	if _, err := s.PersonBySlug(ctx, "herzog-isaac", false); timeline.ErrorCode(err) != timeline.ENotFound {
		t.Errorf("the merged person is still there: %v", err)
	}
	kept, _ := s.PersonBySlug(ctx, "yitzhak-herzog", false)
	if !slices.Contains(kept.Aliases, "Isaac Herzog") {
		t.Errorf("aliases %v", kept.Aliases)
	}
	// The old name finds the visit in search.
	hits, err := s.Timeline(ctx, timeline.Filter{Q: "Isaac", Persons: []string{"yitzhak-herzog"}, Limit: 10})
	if err != nil || len(hits.Entries) != 1 {
		t.Errorf("search by the alias: %+v, %v", hits, err)
	}
	if err := s.UndoPersonMerge(ctx, curator, id); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoPersonMerge(ctx, curator, id); timeline.ErrorCode(err) != timeline.EConflict {
		t.Errorf("undoing twice: %v", err)
	}
	if got, _ := s.MeetingsOfPerson(ctx, herzog); len(got) != len(meetings) || tripsOf("herzog-isaac") != 1 || tripsOf("yitzhak-herzog") != 0 {
		t.Errorf("after the undo: %d meetings, %d and %d trips", len(got), tripsOf("herzog-isaac"), tripsOf("yitzhak-herzog"))
	}
	if kept, _ := s.PersonBySlug(ctx, "yitzhak-herzog", false); len(kept.Aliases) != 0 {
		t.Errorf("aliases left after the undo: %v", kept.Aliases)
	}
	// Split the 2009 visit off Testyahu, then undo it.
	pid, _ := s.PersonIDBySlug(ctx, "benjamin-testyahu")
	ts, _ := s.TripsOfPerson(ctx, pid, 10)
	var last int64
	for _, tr := range ts {
		if tr.Start.String() == "2009-05-20" {
			last = tr.ID
		}
	}
	if _, _, err := s.SplitPerson(ctx, curator, "benjamin-testyahu", "", nil, nil, ""); timeline.ErrorFields(err)["name"] == "" || timeline.ErrorFields(err)["trips"] == "" {
		t.Errorf("an empty split: %v", err)
	}
	slug, sid, err := s.SplitPerson(ctx, curator, "benjamin-testyahu", "Benyamin Testyahu", []int64{last}, []string{"Benyamin Testyahu"}, "a namesake")
	if err != nil {
		t.Fatal(err)
	}
	if tripsOf(slug) != 1 || tripsOf("benjamin-testyahu") != 2 {
		t.Errorf("after the split: %d and %d", tripsOf(slug), tripsOf("benjamin-testyahu"))
	}
	if err := s.UndoPersonMerge(ctx, curator, sid); err != nil {
		t.Fatal(err)
	}
	if tripsOf("benjamin-testyahu") != 3 {
		t.Errorf("after undoing the split: %d", tripsOf("benjamin-testyahu"))
	}
	revs, err := s.Revisions(ctx, timeline.KindPerson, herzog)
	if err != nil || len(revs) < 2 {
		t.Errorf("Herzog's history: %d, %v", len(revs), err)
	}
	// Identifiers: checked, set, listed, removed.
	if err := s.SetIdentifier(ctx, curator, "herzog-isaac", timeline.Identifier{Scheme: "wikidata", Value: "X1"}); timeline.ErrorCode(err) != timeline.EInvalid {
		t.Errorf("a bad Wikidata id: %v", err)
	}
	if err := s.SetIdentifier(ctx, curator, "herzog-isaac", timeline.Identifier{Scheme: "wikidata", Value: "Q1234567"}); err != nil {
		t.Fatal(err)
	}
	if ids, _ := s.Identifiers(ctx, herzog); len(ids) != 1 || ids[0].URL() != "https://www.wikidata.org/wiki/Q1234567" {
		t.Errorf("identifiers %+v", ids)
	}
}
