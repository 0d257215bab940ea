package web

import (
	"archive/zip"
	"bytes"
	"context"
	"github.com/diplomatic-travel/tracker/views/export"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// bundleOf exports the whole record of s as a bundle and returns its files.
func bundleOf(t *testing.T, s *store.Store) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Bundle(context.Background(), s, timeline.Filter{}, "", &buf, func() {}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = b
	}
	return out
}

func readers(files map[string][]byte) map[string]io.Reader {
	out := map[string]io.Reader{}
	for k, v := range files {
		out[k] = bytes.NewReader(v)
	}
	return out
}

func emptyStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Export, import into an empty database, export again: the same bytes,
// for the timeline CSV and every CSV of the bundle; on the demo, and on a
// record with a generated part and the Office of the Historian's fixtures.
func TestCSVRoundTrip(t *testing.T) {
	ctx := context.Background()
	ts := newTestServer(t)
	if _, err := ts.store.Generate(ctx, store.GenerateOptions{Stops: 600, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"gaps.xml", "visits.xml", "identity.xml"} {
		recs := hsgFixture(t, name)
		if _, err := ts.store.ImportHSG(ctx, store.Actor{Name: "test"}, recs, 1, store.ImportOptions{GapDays: 1}); err != nil {
			t.Fatal(err)
		}
	}
	// What people carry beyond their names (identity decisions, a split,
	// an identifier), a curator's region with its counter, and a stop the
	// record words otherwise.
	curator := store.Actor{Name: "curator"}
	pid, _ := ts.store.PersonIDBySlug(ctx, "benjamin-testyahu")
	tt, _ := ts.store.TripsOfPerson(ctx, pid, 10)
	if _, _, err := ts.store.SplitPerson(ctx, curator, "benjamin-testyahu", "Benyamin Testyahu", []int64{tt[0].ID}, nil, "a namesake"); err != nil {
		t.Fatal(err)
	}
	if err := ts.store.SetIdentifier(ctx, curator, "herzog-isaac", timeline.Identifier{Scheme: "wikidata", Value: "Q4000001"}); err != nil {
		t.Fatal(err)
	}
	if err := ts.store.CreateRegion(ctx, curator, &timeline.Region{Code: "GULF", Name: "The Gulf", Members: []string{"QA", "SA", "AE", "BH", "KW", "OM"}}); err != nil {
		t.Fatal(err)
	}
	blinken, _ := ts.store.PersonIDBySlug(ctx, "blinken-antony-j")
	gulf := &timeline.Counter{PersonID: blinken, Region: "GULF", Since: timeline.MustDate("2023-10-07"), Unit: timeline.UnitTrips,
		Rule: timeline.Rule{Kind: timeline.RuleGap, GapDays: 1}, Label: "Gulf", Status: timeline.Published}
	if err := ts.store.CreateCounter(ctx, curator, gulf); err != nil {
		t.Fatal(err)
	}
	pid, _ = ts.store.PersonIDBySlug(ctx, "carla-fixturini")
	tt, _ = ts.store.TripsOfPerson(ctx, pid, 10)
	trip, _, err := ts.store.TripForCurator(ctx, tt[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	trip.Stops[0].Remarks = "Reworded here."
	if err := ts.store.UpdateTrip(ctx, curator, trip, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.store.ImportHSG(ctx, store.Actor{Name: "test"}, hsgFixture(t, "identity.xml"), 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	first := bundleOf(t, ts.store)
	for _, name := range []string{"merges.csv", "identifiers.csv", "regions.csv", "record_versions.csv", "offices.csv", "quotes.csv", "participants.csv"} {
		if bytes.Count(first[name], []byte("\r\n")) < 2 {
			t.Errorf("the bundle's %s holds no row to round-trip", name)
		}
	}
	b, err := timeline.ReadBundle(readers(first))
	if err != nil {
		t.Fatal(err)
	}
	dst := emptyStore(t)
	if _, err := dst.ImportBundle(ctx, store.Actor{Name: "test"}, b); err != nil {
		t.Fatal(err)
	}
	second := bundleOf(t, dst)
	for name, want := range first {
		if name == "manifest.json" {
			continue
		}
		if !bytes.Equal(second[name], want) {
			t.Errorf("%s differs after the round trip (%d bytes, then %d)", name, len(want), len(second[name]))
			a, b := strings.Split(string(want), "\r\n"), strings.Split(string(second[name]), "\r\n")
			for i := 0; i < len(a) && i < len(b); i++ {
				if a[i] != b[i] {
					t.Logf("first difference, line %d:\n%s\n%s", i+1, a[i], b[i])
					break
				}
			}
		}
	}
	if n := bytes.Count(first["timeline.csv"], []byte("\r\n")); n < 300 {
		t.Errorf("the round trip covered only %d timeline rows", n)
	}
	// A second import into the same database is refused, and writes nothing.
	v, _ := dst.DataVersion(ctx)
	if _, err := dst.ImportBundle(ctx, store.Actor{Name: "test"}, b); timeline.ErrorCode(err) != timeline.EConflict {
		t.Errorf("an import into a database with records: %v", err)
	}
	if v2, _ := dst.DataVersion(ctx); v2 != v {
		t.Error("a refused import wrote")
	}
}

// A bad row is reported by file, row and column, and nothing is written.
func TestCSVImportRefusesBadRows(t *testing.T) {
	ts := newTestServer(t)
	good := bundleOf(t, ts.store)
	edit := func(name string, fn func(lines []string) []string) map[string][]byte {
		out := map[string][]byte{}
		for k, v := range good {
			out[k] = v
		}
		lines := strings.Split(strings.TrimSuffix(string(good[name]), "\r\n"), "\r\n")
		out[name] = []byte(strings.Join(fn(lines), "\r\n") + "\r\n")
		return out
	}
	replaceCell := func(line string, col int, v string) string {
		cells := strings.Split(line, ",")
		cells[col] = v
		return strings.Join(cells, ",")
	}
	cases := []struct {
		name  string
		files map[string][]byte
		want  string
	}{
		{"bad date", edit("stops.csv", func(l []string) []string { l[3] = replaceCell(l[3], 6, "2024-02-30"); return l }),
			`stops.csv row 4, column start_date: "2024-02-30" is not a date`},
		{"bad id", edit("trips.csv", func(l []string) []string { l[2] = replaceCell(l[2], 0, "x"); return l }), `trips.csv row 3, column id: "x" is not an id`},
		{"wrong columns", edit("events.csv", func(l []string) []string { l[0] = "id,kind,date"; return l }), "events.csv row 1: the columns are id,kind,date"},
		{"a stop of no trip", edit("stops.csv", func(l []string) []string { l[1] = replaceCell(l[1], 1, "999"); return l }), "stops.csv row 2, column trip_id: trip 999 is not in trips.csv"},
		{"unknown person", edit("trips.csv", func(l []string) []string { l[1] = replaceCell(l[1], 1, "nobody-here"); return l }), "trips.csv row 2, column person: nobody-here is not in people.csv"},
		{"unknown country", edit("events.csv", func(l []string) []string { l[1] = replaceCell(l[1], 5, "QQ"); return l }), `events.csv row 2, column country: unknown country "QQ"`},
		{"ragged row", edit("sources.csv", func(l []string) []string { l[2] += ",extra"; return l }), "sources.csv row 3, column"},
	}
	missing := map[string][]byte{}
	for k, v := range good {
		if k != "claims.csv" {
			missing[k] = v
		}
	}
	cases = append(cases, struct {
		name  string
		files map[string][]byte
		want  string
	}{"a file missing", missing, "the bundle has no claims.csv"})
	for _, c := range cases {
		dst := emptyStore(t)
		v, _ := dst.DataVersion(context.Background())
		b, err := timeline.ReadBundle(readers(c.files))
		if err == nil {
			_, err = dst.ImportBundle(context.Background(), store.Actor{Name: "test"}, b)
		}
		if err == nil || !strings.HasPrefix(timeline.ErrorMessage(err), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
		if v2, _ := dst.DataVersion(context.Background()); v2 != v {
			t.Errorf("%s: the refused import wrote", c.name)
		}
	}
}

// hsgFixture reads one of the Office of the Historian fixtures of timeline/.
func hsgFixture(t *testing.T, name string) []timeline.HSGRecord {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "timeline", "testdata", "hsg", name))
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

// A bundle merged into a record that holds part of it already adds only
// the rest: afterwards the record's timeline holds every entry of the
// bundle's (by what they are, not their ids), the demo's trips are matched
// not doubled, a second merge adds nothing, and a trip whose stops are
// partly elsewhere is left out and reported.
func TestMergeBundle(t *testing.T) {
	ctx := context.Background()
	src := newTestServer(t)
	if _, err := src.store.Generate(ctx, store.GenerateOptions{Stops: 300, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := src.store.ImportHSG(ctx, store.Actor{Name: "test"}, hsgFixture(t, "visits.xml"), 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	files := bundleOf(t, src.store)
	b, err := timeline.ReadBundle(readers(files))
	if err != nil {
		t.Fatal(err)
	}
	dst := newTestServer(t) // the demo
	rep, err := dst.store.MergeBundle(ctx, store.Actor{Name: "test"}, b, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Matched["trips"] != 12 || rep.Added["trips"] != len(b.Trips)-12 || len(rep.Conflicts) != 0 {
		t.Errorf("merge: %+v", rep)
	}
	key := func(r map[string]string) string {
		return strings.Join([]string{r["kind"], r["start_date"], r["end_date"], r["person"], r["countries"], r["localities"], r["title"], r["summary"], r["source_urls"]}, "|")
	}
	have := map[string]bool{}
	for _, r := range dst.csvRows(t, "/timeline.csv") {
		have[key(r)] = true
	}
	srcRows := src.csvRows(t, "/timeline.csv")
	for _, r := range srcRows {
		if !have[key(r)] {
			t.Errorf("after the merge the record lacks %s", key(r))
		}
	}
	if n := len(dst.csvRows(t, "/timeline.csv")); n != len(srcRows) {
		t.Errorf("the merged timeline has %d entries, the bundle's %d", n, len(srcRows))
	}
	v, _ := dst.store.DataVersion(ctx)
	again, err := dst.store.MergeBundle(ctx, store.Actor{Name: "test"}, b, false)
	if err != nil || again.Added["trips"]+again.Added["citations"]+again.Added["meetings"] != 0 {
		t.Errorf("a second merge: %+v, %v", again, err)
	}
	if v2, _ := dst.store.DataVersion(ctx); v2 != v {
		t.Error("a merge that adds nothing wrote")
	}

	// The October 2024 tour with one stop more: four of its five stops
	// are here already, on one trip; it is left out and said so.
	demo := newTestServer(t)
	tour := demo.csvRows(t, "/timeline.csv?q=Sinwar&kind=trip")[0]["id"]
	lines := strings.Split(strings.TrimSuffix(string(files["stops.csv"]), "\r\n"), "\r\n")
	lines = append(lines, "99999,"+tour+",blinken-antony-j,5,FR,Paris,2024-10-26,2024-10-26,,")
	edited := map[string][]byte{}
	for k, v := range files {
		edited[k] = v
	}
	edited["stops.csv"] = []byte(strings.Join(lines, "\r\n") + "\r\n")
	b2, err := timeline.ReadBundle(readers(edited))
	if err != nil {
		t.Fatal(err)
	}
	rep, err = demo.store.MergeBundle(ctx, store.Actor{Name: "test"}, b2, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0], "trip "+tour+" has 4 of its 5 stops already in the record") {
		t.Errorf("conflicts %q", rep.Conflicts)
	}
}
