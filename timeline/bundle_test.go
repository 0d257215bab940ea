package timeline

import (
	"io"
	"strings"
	"testing"
)

// headersOnly is a bundle of empty files, each with its header.
func headersOnly() map[string]string {
	out := map[string]string{}
	for name, h := range BundleHeaders {
		out[name] = strings.Join(h, ",") + "\r\n"
	}
	return out
}

func bundleReaders(files map[string]string) map[string]io.Reader {
	out := map[string]io.Reader{}
	for k, v := range files {
		out[k] = strings.NewReader(v)
	}
	return out
}

// A guarded formula cell reads back as it was written; an empty bundle is
// an empty record.
func TestReadBundle(t *testing.T) {
	files := headersOnly()
	files["people.csv"] += "ada-fixture,Ada Fixture,IS,A. Fixture; Ada F.\r\n"
	files["trips.csv"] += "7,ada-fixture,'=HYPERLINK(1),,2020-01-01,2020-01-02\r\n"
	files["stops.csv"] += "70,7,ada-fixture,1,US,\"Washington, D.C.\",2020-01-01,2020-01-02,,8001\r\n"
	b, err := ReadBundle(bundleReaders(files))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Trips) != 1 || b.Trips[0].Rec.Title != "=HYPERLINK(1)" || len(b.Trips[0].Rec.Stops) != 1 || b.Trips[0].Rec.Stops[0].Locality != "Washington, D.C." {
		t.Errorf("bundle %+v", b.Trips)
	}
	if len(b.People) != 1 || len(b.People[0].Aliases) != 2 {
		t.Errorf("people %+v", b.People)
	}
}

// FuzzReadBundle: whatever the trips and stops files hold, the reader
// returns an error or records that keep its promises, never a panic.
func FuzzReadBundle(f *testing.F) {
	f.Add([]byte("7,ada-fixture,Title,,2020-01-01,2020-01-02\r\n"), []byte("70,7,ada-fixture,1,US,,2020-01-01,2020-01-02,,\r\n"))
	f.Add([]byte("7,ada-fixture,\"a\"\"b\",,2020-02-30,2020-01-02\r\n"), []byte("x,7\r\n"))
	f.Add([]byte("'=1,x,,,,\r\n"), []byte("\"unterminated\r\n"))
	f.Fuzz(func(t *testing.T, trips, stops []byte) {
		files := headersOnly()
		files["people.csv"] += "ada-fixture,Ada,,\r\n"
		files["trips.csv"] += string(trips)
		files["stops.csv"] += string(stops)
		b, err := ReadBundle(bundleReaders(files))
		if err != nil {
			if b != nil {
				t.Fatal("records with an error")
			}
			if !strings.Contains(ErrorMessage(err), ".csv") {
				t.Fatalf("the error names no file: %v", err)
			}
			return
		}
		for _, tr := range b.Trips {
			if tr.Rec.ID <= 0 || !ValidSlug(tr.Rec.PersonSlug) || !tr.Rec.Start.Valid() || !tr.Rec.End.Valid() {
				t.Fatalf("a trip breaks the reader's promises: %+v", tr)
			}
			for _, st := range tr.Rec.Stops {
				if st.TripID != tr.Rec.ID || st.End.Before(st.Start) || st.Country == "" {
					t.Fatalf("a stop breaks the reader's promises: %+v", st)
				}
			}
		}
	})
}
