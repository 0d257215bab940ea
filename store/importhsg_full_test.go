package store_test

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// hsgDir is the Office of the Historian's travels record beside the
// checkout (../shared/data/hsg-travels); CI has it.
func hsgDir(t *testing.T) string {
	dir := filepath.Join("..", "..", "shared", "data", "hsg-travels")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must have the travels record at %s: %v", dir, err)
		}
		t.Skipf("the travels record is not at %s; CI runs this test", dir)
	}
	return dir
}

// The whole record, imported into the demo: every traveller's stops and
// trips equal what this test computes from the XML on its own (its own
// XML reading, duplicate key and grouping), and a second import changes
// nothing.
func TestImportWholeHSGRecord(t *testing.T) {
	dir := hsgDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*-travels", "*.xml"))
	if len(files) < 50 {
		t.Fatalf("%d files in %s", len(files), dir)
	}
	ctx := context.Background()
	s := MustSeed(t)

	// Independently: distinct stops and trips (gap 1 day) per traveller.
	type stop struct{ start, end, country, locality string }
	distinct := map[string]map[stop]bool{}
	records, dups := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Trips []struct {
				Who     string `xml:"who,attr"`
				Start   string `xml:"start-date"`
				End     string `xml:"end-date"`
				Country struct {
					ID   string `xml:"id,attr"`
					Name string `xml:",chardata"`
				} `xml:"country"`
				Locale string `xml:"locale"`
			} `xml:"trip"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for _, tr := range doc.Trips {
			records++
			code, ok := s.Countries().Resolve(tr.Country.Name)
			if !ok {
				code, ok = s.Countries().Resolve(tr.Country.ID)
			}
			if !ok {
				t.Fatalf("%s: country %q / %q is not known", f, tr.Country.Name, tr.Country.ID)
			}
			k := stop{tr.Start, tr.End, code, strings.Join(strings.Fields(tr.Locale), " ")}
			if distinct[tr.Who] == nil {
				distinct[tr.Who] = map[stop]bool{}
			}
			if distinct[tr.Who][k] {
				dups++
			}
			distinct[tr.Who][k] = true
		}
	}
	tripsOfStops := func(set map[stop]bool) int {
		var ss []stop
		for k := range set {
			ss = append(ss, k)
		}
		sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
		n := 0
		var latest timeline.Date
		for i, st := range ss {
			start, end := timeline.MustDate(st.start), timeline.MustDate(st.end)
			if i == 0 || start.After(latest.AddDays(1)) {
				n++
				latest = end
			} else if end.After(latest) {
				latest = end
			}
		}
		return n
	}

	var recs []timeline.HSGRecord
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := timeline.ReadHSGTravels(fh, f)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	rep, err := s.ImportHSG(ctx, importer, recs, len(files), store.ImportOptions{GapDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != records || rep.Duplicates != dups || len(rep.Unknown) != 0 {
		t.Errorf("report: %d records, %d duplicates, %d unknown; the XML has %d records, %d duplicates", rep.Records, rep.Duplicates, len(rep.Unknown), records, dups)
	}
	for who, set := range distinct {
		id, err := s.PersonIDBySlug(ctx, who)
		if err != nil {
			t.Errorf("%s was not imported", who)
			continue
		}
		stops, err := s.TravellerStops(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		trips := map[int64]bool{}
		for _, st := range stops {
			trips[st.TripID] = true
		}
		if len(stops) != len(set) {
			t.Errorf("%s: %d stops, the XML has %d distinct", who, len(stops), len(set))
		}
		// The demo's trips of Blinken and Biden are as curated; everyone
		// else's are grouped by the rule.
		if want := tripsOfStops(set); who != "blinken-antony-j" && who != "biden-joseph-r" && len(trips) != want {
			t.Errorf("%s: %d trips, the rule gives %d", who, len(trips), want)
		}
	}
	// The demo's October 2024 tour is still the 11th trip of its counter.
	cs, err := s.CountersOfSlugs(ctx, []string{"blinken-antony-j"})
	if err != nil || len(cs) == 0 {
		t.Fatal(cs, err)
	}
	res, err := s.Numberer(ctx).Number(cs[0])
	if err != nil {
		t.Fatal(err)
	}
	claims, err := s.ClaimsOfCounter(ctx, cs[0].ID)
	if err != nil || len(claims) == 0 {
		t.Fatal(claims, err)
	}
	for _, cl := range claims {
		if ch := timeline.CheckClaim(cl, res); ch.Verdict != timeline.Confirmed {
			t.Errorf("after the import the claim %q is %s (computed %d)", cl.Text, ch.Verdict, ch.Computed)
		}
	}
	// December 2024 (Jordan, Türkiye, Iraq) is in the record, not the demo.
	if len(res.Items) != 12 {
		t.Errorf("the NEA counter numbers %d trips after the import, want 12", len(res.Items))
	}
	t.Logf("%d files, %d records, %d duplicates, %d stops added, %d trips made, %d conflicts", rep.Files, rep.Records, rep.Duplicates, rep.StopsAdded, rep.TripsMade, len(rep.Conflicts))

	// A tie for the busiest year names every tied year: Kissinger's 1974
	// and 1975, 13 trips each.
	kid, err := s.PersonIDBySlug(ctx, "kissinger-henry-a")
	if err != nil {
		t.Fatal(err)
	}
	fig, err := s.FiguresOf(ctx, store.FigureScope{PersonID: kid})
	if err != nil || !slices.Equal(fig.BusiestYears, []int{1974, 1975}) || fig.BusiestYearTrips != 13 {
		t.Errorf("Kissinger's busiest years: %v with %d trips, %v", fig.BusiestYears, fig.BusiestYearTrips, err)
	}

	v, _ := s.DataVersion(ctx)
	again, err := s.ImportHSG(ctx, importer, recs, len(files), store.ImportOptions{GapDays: 1})
	if v2, _ := s.DataVersion(ctx); err != nil || again.StopsAdded != 0 || again.StopsChanged != 0 || v2 != v {
		t.Errorf("a second import: %+v, %v", again, err)
	}
}

// The whole visits record: every visit is a trip with one stop in the
// United States, exact duplicates (the same visitor on the same dates)
// once; every visitor's country is known.
func TestImportWholeVisitsRecord(t *testing.T) {
	dir := filepath.Join(filepath.Dir(hsgDir(t)), "hsg-visits")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		t.Fatalf("no visits files in %s", dir)
	}
	ctx := context.Background()
	s := MustSeed(t)
	distinct := map[string]bool{}
	records := 0
	var recs []timeline.HSGRecord
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Visits []struct {
				Start   string `xml:"start-date"`
				End     string `xml:"end-date"`
				Visitor string `xml:"visitor"`
			} `xml:"visit"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for _, v := range doc.Visits {
			records++
			distinct[strings.Join(strings.Fields(v.Visitor), " ")+"|"+v.Start+"|"+v.End] = true
		}
		fh, _ := os.Open(f)
		rs, err := timeline.ReadHSG(fh, f)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	rep, err := s.ImportHSG(ctx, importer, recs, len(files), store.ImportOptions{GapDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Seven visits name two people each (read off the files by eye): each
	// of them is a visit of each.
	const pairs = 7
	if rep.Records != records || len(rep.Unknown) != 0 || rep.TripsMade != len(distinct)+pairs || rep.StopsAdded != len(distinct)+pairs {
		t.Errorf("report: %d records, %d unknown, %d trips, %d stops; the XML has %d records, %d distinct visits, %d of two people",
			rep.Records, len(rep.Unknown), rep.TripsMade, rep.StopsAdded, records, len(distinct), pairs)
	}
	visits := 0
	err = s.EachEntry(ctx, timeline.Filter{Kinds: []string{timeline.EntryTrip}, Country: "US"}, func(e *timeline.Entry) error {
		if strings.HasSuffix(strings.ToLower(e.Title), "visit to the united states") {
			visits++
			if len(e.Countries) != 1 || e.Countries[0] != "US" {
				t.Errorf("visit %q stops in %v", e.Title, e.Countries)
			}
		}
		return nil
	})
	if err != nil || visits != len(distinct)+pairs {
		t.Errorf("%d visits on the timeline, want %d (%v)", visits, len(distinct)+pairs, err)
	}
	checkVisitorNames(t, s)
	t.Logf("%d names joined to a person named otherwise, %d left apart", len(rep.Merges), len(rep.Unresolved))
	t.Logf("%d files, %d visit records, %d distinct visits, %d visitors added", len(files), records, len(distinct), rep.PeopleMade)
}
