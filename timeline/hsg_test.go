package timeline

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) ([]HSGRecord, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "hsg", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadHSGTravels(f, name)
}

// The reader takes the record's fields as they are written, white space
// folded, and knows where each record starts.
func TestReadHSGTravels(t *testing.T) {
	recs, err := readFixture(t, "gaps.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	r := recs[3]
	if r.ID != "9104" || r.Who != "fixture-bo" || r.Role != "secretary" || r.Name != "Bo Fixture" || r.CountryID != "india" ||
		r.CountryName != "India" || r.Locale != "New Delhi" || r.Remarks != "Two days after: gap 2." || r.Start != MustDate("2002-05-06") || r.Line != 45 {
		t.Errorf("record = %+v", r)
	}
	recs, err = readFixture(t, "countries.xml")
	if err != nil {
		t.Fatal(err)
	}
	if recs[1].CountryName != "Czechoslovakia" {
		t.Errorf("name %q: the trailing space is kept", recs[1].CountryName)
	}
}

// Every broken file is refused whole, with its file and line and what is
// wrong, in words.
func TestReadHSGTravelsRefuses(t *testing.T) {
	for file, want := range map[string]string{
		"visits-in-trips.xml":  "visits-in-trips.xml:2: the root element is <visits>, want <trips>",
		"malformed.xml":        "malformed.xml:18: not well-formed XML",
		"wrong-root.xml":       "wrong-root.xml:2: the root element is <journeys>",
		"missing-date.xml":     "missing-date.xml:3: record 9701: no <end-date>",
		"impossible-date.xml":  `impossible-date.xml:3: record 9702: <start-date> "1990-02-30" is not a date that exists`,
		"end-before-start.xml": "end-before-start.xml:3: record 9703: ends (1990-03-01) before it starts (1990-03-05)",
		"doctype.xml":          "doctype.xml:2: a DOCTYPE or other declaration is not accepted",
	} {
		recs, err := readFixture(t, file)
		if err == nil || !strings.HasPrefix(ErrorMessage(err), want) || ErrorCode(err) != EInvalid {
			t.Errorf("%s: %d records, error %v; want %q", file, len(recs), err, want)
		}
		if recs != nil {
			t.Errorf("%s: records returned with the error", file)
		}
	}
	if _, err := ReadHSGTravels(strings.NewReader(""), "empty.xml"); err == nil {
		t.Error("an empty file is accepted")
	}
}

// A file far larger than the limit is refused without reading it all.
func TestReadHSGTravelsTooLarge(t *testing.T) {
	head := `<?xml version="1.0"?><trips><trip role="secretary" who="x"><id>1</id><remarks>`
	body := io.MultiReader(strings.NewReader(head), &endless{}, strings.NewReader(`</remarks></trip></trips>`))
	r := &countReader{r: body}
	_, err := ReadHSGTravels(r, "huge.xml")
	if ErrorCode(err) != ETooLarge || !strings.HasPrefix(ErrorMessage(err), "huge.xml is larger than 16 MB") {
		t.Errorf("error %v", err)
	}
	if r.n > HSGMaxBytes+(1<<20) {
		t.Errorf("read %d bytes of an endless file", r.n)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) { return copy(p, bytes.Repeat([]byte("a"), len(p))), nil }

type countReader struct {
	r io.Reader
	n int
}

func (c *countReader) Read(p []byte) (int, error) { n, err := c.r.Read(p); c.n += n; return n, err }

// FuzzReadHSGTravels: whatever the bytes, the reader returns records that
// hold its promises or an error, never both and never a panic.
func FuzzReadHSGTravels(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "hsg", "*.xml"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadHSG(bytes.NewReader(b), "fuzz.xml")
		if err != nil {
			if recs != nil {
				t.Fatal("records with an error")
			}
			if !strings.HasPrefix(ErrorMessage(err), "fuzz.xml") {
				t.Fatalf("the error does not name the file: %v", err)
			}
			return
		}
		for _, r := range recs {
			_, role := HSGRoles[r.Role]
			if r.ID == "" || !ValidSlug(r.Who) || !r.Start.Valid() || r.End.Before(r.Start) || !role || (r.CountryID == "" && r.CountryName == "") {
				t.Fatalf("a record breaks the reader's promises: %+v", r)
			}
		}
	})
}

// A visit is a record of the visitor, their office read off the text, with
// one stop in the United States and its kind normalised.
func TestReadHSGVisits(t *testing.T) {
	if _, err := readFixture(t, "visits.xml"); err == nil {
		t.Fatal("a visits file read as travels")
	}
	f, err := os.Open(filepath.Join("testdata", "hsg", "visits.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadHSG(f, "visits.xml")
	if err != nil || len(recs) != 4 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	want := []struct{ who, office, kind, home string }{
		{"ada-fixturedottir", "Prime Minister", "official working", "Iceland"},
		{"ada-fixturedottir", "Prime Minister", "private", "Iceland"}, // "Prime Minster" in the record
		{"bo-fixture-ii", "King", "state", "Zaire"},
		{"benjamin-netanyahu", "", "other", "Israel"},
	}
	for i, w := range want {
		r := recs[i]
		if r.Who != w.who || r.Office != w.office || r.Kind != w.kind || r.HomeName != w.home || r.CountryName != "United States" || r.Role != RoleVisitor {
			t.Errorf("record %d = %+v, want %+v", i, r, w)
		}
	}
	if recs[1].Remarks != "Met with the President during a private visit." {
		t.Errorf("the record's wording is not kept: %q", recs[1].Remarks)
	}
}

// Elements nested past the limit, or an element's text past its limit, are
// refused as soon as they are seen, without holding the rest.
func TestReadHSGDepthAndTextLimits(t *testing.T) {
	deep := `<?xml version="1.0"?><trips><trip role="secretary" who="x"><id>1</id><remarks>` +
		strings.Repeat("<a>", 1_000_000) + strings.Repeat("</a>", 1_000_000) + `</remarks></trip></trips>`
	_, err := ReadHSGTravels(strings.NewReader(deep), "deep.xml")
	if ErrorCode(err) != EInvalid || !strings.Contains(ErrorMessage(err), "nest deeper than 8 levels") {
		t.Errorf("a million nested elements: %v", err)
	}
	long := `<?xml version="1.0"?><trips><trip role="secretary" who="x"><id>1</id><remarks>` +
		strings.Repeat("x", HSGMaxText+1) + `</remarks></trip></trips>`
	_, err = ReadHSGTravels(strings.NewReader(long), "long.xml")
	if ErrorCode(err) != EInvalid || !strings.Contains(ErrorMessage(err), "longer than 64 KiB") || !strings.HasPrefix(ErrorMessage(err), "long.xml:1:") {
		t.Errorf("a remark of 64 KiB and more: %v", err)
	}
}
