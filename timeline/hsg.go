package timeline

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// HSGRecord is one record of the Office of the Historian's travels data:
// one traveller in one country on some dates (a stop, in our words).
type HSGRecord struct {
	File string
	Line int // where its <trip> element starts

	ID          string // the record id, kept as the stop's reference
	Role        string // "secretary" or "president"
	Who         string // the traveller's slug
	Name        string
	Start, End  Date
	CountryID   string // "israel"
	CountryName string // "Israel"
	Locale      string
	Remarks     string
}

// HSGMaxBytes bounds one file: the largest of the record is under 2 MB, so
// anything far larger is a mistake or an attack, refused before parsing.
const HSGMaxBytes = 16 << 20

// HSGRoles are the travellers' roles the record has, with the office each
// stands for.
var HSGRoles = map[string]string{
	"secretary": "Secretary of State",
	"president": "President",
}

// ReadHSGTravels reads one travels file (root <trips>). Any problem —
// malformed XML, another root, a DOCTYPE, a missing or impossible date, an
// end before the start — is an error naming the file and line, and no
// record of the file is returned.
func ReadHSGTravels(r io.Reader, file string) ([]HSGRecord, error) {
	lr := &io.LimitedReader{R: r, N: HSGMaxBytes + 1}
	d := xml.NewDecoder(lr)
	d.Strict = true
	fail := func(line int, format string, args ...any) error {
		return Errorf(EInvalid, "%s:%d: %s", file, line, fmt.Sprintf(format, args...))
	}
	line := func() int { l, _ := d.InputPos(); return l }
	tooBig := func() bool { return lr.N <= 0 }
	errTooBig := func() error {
		return Errorf(ETooLarge, "%s is larger than %d MB; the Office of the Historian's files are far smaller.", file, HSGMaxBytes>>20)
	}

	var out []HSGRecord
	root := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if tooBig() {
				return nil, errTooBig()
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fail(se.Line, "not well-formed XML: %s", se.Msg)
			}
			return nil, fail(line(), "%v", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			// A DOCTYPE can declare entities; the record never has one.
			return nil, fail(line(), "a DOCTYPE or other declaration is not accepted")
		case xml.StartElement:
			if !root {
				if t.Name.Local != "trips" {
					return nil, fail(line(), "the root element is <%s>, want <trips> (a travels file of the Office of the Historian)", t.Name.Local)
				}
				root = true
				continue
			}
			if t.Name.Local != "trip" {
				return nil, fail(line(), "unexpected <%s> in <trips>", t.Name.Local)
			}
			at := line()
			var x struct {
				Role    string `xml:"role,attr"`
				Who     string `xml:"who,attr"`
				ID      string `xml:"id"`
				Name    string `xml:"name"`
				Start   string `xml:"start-date"`
				End     string `xml:"end-date"`
				Country struct {
					ID   string `xml:"id,attr"`
					Name string `xml:",chardata"`
				} `xml:"country"`
				Locale  string `xml:"locale"`
				Remarks string `xml:"remarks"`
			}
			if err := d.DecodeElement(&x, &t); err != nil {
				if tooBig() {
					return nil, errTooBig()
				}
				var se *xml.SyntaxError
				if errors.As(err, &se) {
					return nil, fail(se.Line, "not well-formed XML: %s", se.Msg)
				}
				return nil, fail(at, "%v", err)
			}
			rec := HSGRecord{File: file, Line: at, ID: strings.TrimSpace(x.ID), Role: strings.TrimSpace(x.Role), Who: strings.TrimSpace(x.Who),
				Name: squash(x.Name), CountryID: strings.TrimSpace(x.Country.ID), CountryName: squash(x.Country.Name),
				Locale: squash(x.Locale), Remarks: squash(x.Remarks)}
			if rec.ID == "" {
				return nil, fail(at, "a trip without an <id>")
			}
			if !ValidSlug(rec.Who) {
				return nil, fail(at, "record %s: who=%q is not a slug such as blinken-antony-j", rec.ID, clip(rec.Who))
			}
			if _, ok := HSGRoles[rec.Role]; !ok {
				return nil, fail(at, "record %s: role %q, want secretary or president", rec.ID, clip(rec.Role))
			}
			if rec.CountryID == "" && rec.CountryName == "" {
				return nil, fail(at, "record %s: no country", rec.ID)
			}
			for _, dt := range []struct {
				name string
				s    string
				into *Date
			}{{"start-date", x.Start, &rec.Start}, {"end-date", x.End, &rec.End}} {
				s := strings.TrimSpace(dt.s)
				if s == "" {
					return nil, fail(at, "record %s: no <%s>", rec.ID, dt.name)
				}
				v, err := ParseDate(s)
				if err != nil {
					return nil, fail(at, "record %s: <%s> %q is not a date that exists", rec.ID, dt.name, clip(s))
				}
				*dt.into = v
			}
			if rec.End.Before(rec.Start) {
				return nil, fail(at, "record %s: ends (%s) before it starts (%s)", rec.ID, rec.End, rec.Start)
			}
			out = append(out, rec)
		}
	}
	if tooBig() {
		return nil, errTooBig()
	}
	if !root {
		return nil, fail(1, "no <trips> element: not a travels file")
	}
	return out, nil
}

// squash trims a text and folds its runs of white space (the record wraps
// long remarks over several indented lines) into single spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// HSGRoot returns the name of a file's root element ("trips", "visits"),
// so that a folder of the record can be read without its other files
// (presidents.xml lists the presidents, not their travels).
func HSGRoot(r io.Reader) (string, error) {
	d := xml.NewDecoder(io.LimitReader(r, 1<<16))
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		if t, ok := tok.(xml.StartElement); ok {
			return t.Name.Local, nil
		}
	}
}
