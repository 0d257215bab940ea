package store_test

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedData is where the Office of the Historian's record lies beside the
// checkout (CI has it; it is never copied into the repository).
const sharedData = "../../shared/data"

func TestCountriesResolve(t *testing.T) {
	s := MustOpen(t)
	c := s.Countries()
	for in, want := range map[string]string{
		"QA": "QA", "qatar": "QA", "Korea, South": "KR", "korea-south": "KR", "turkiye": "TR", "Türkiye": "TR",
		"turkey": "TR", "North Macedonia ": "MK", "west-bank": "PS", "Gaza Strip": "PS", "kosovo": "XK",
		"Soviet Union": "SUHH", "ussr": "SUHH", "Cote d’Ivoire": "CI", "czech-republic": "CZ", "czechia": "CZ",
		"holy-see": "VA", "Vatican City": "VA", "SUHH": "SUHH",
	} {
		got, ok := c.Resolve(in)
		if !ok || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "Atlantis", "ZZ", "zz"} {
		if got, ok := c.Resolve(bad); ok {
			t.Errorf("Resolve(%q) = %q, want unknown", bad, got)
		}
	}
	for _, code := range []string{"SUHH", "YUCS", "CSHH", "DDDE"} {
		k := c.Get(code)
		if k == nil || !k.Historic || c.Get(k.Successor) == nil {
			t.Errorf("historic state %s: %+v", code, k)
		}
	}
}

// Every country id and name in the shared travels and visits record
// resolves to a canonical country.
func TestCountriesCoverSharedRecord(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedData, "hsg-travels", "*", "*.xml"))
	visits, _ := filepath.Glob(filepath.Join(sharedData, "hsg-visits", "*.xml"))
	files = append(files, visits...)
	if len(files) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must have the shared record at %s", sharedData)
		}
		t.Skipf("the shared record is not at %s (CI has it, and this test runs there)", sharedData)
	}
	s := MustOpen(t)
	c := s.Countries()
	type place struct {
		ID   string `xml:"id,attr"`
		Name string `xml:",chardata"`
	}
	checked := map[string]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(fh)
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			se, ok := tok.(xml.StartElement)
			if !ok || (se.Name.Local != "country" && se.Name.Local != "from") {
				continue
			}
			var p place
			if err := dec.DecodeElement(&p, &se); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, v := range []string{p.ID, p.Name} {
				v = strings.TrimSpace(v)
				if v == "" || checked[v] {
					continue
				}
				checked[v] = true
				if _, ok := c.Resolve(v); !ok {
					t.Errorf("%s: country %q has no alias", filepath.Base(f), v)
				}
			}
		}
		fh.Close()
	}
	if len(checked) < 300 {
		t.Errorf("checked only %d distinct ids and names", len(checked))
	}
	t.Logf("%d distinct country ids and names in %d files resolve", len(checked), len(files))
}
