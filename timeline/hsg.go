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
	Remarks     string // a visit's description, as the record words it

	// Office is the office the traveller held: a role's ("Secretary of
	// State") or the title in a visitor's text ("Prime Minister").
	Office string
	// HomeID and HomeName are a visitor's country, as the record writes it.
	HomeID, HomeName string
	// Kind is a visit's kind, normalised (VisitKinds); empty for travels.
	Kind string
	// Visitor is a visit's visitor text as the record has it, and
	// Visitors the people it names (ReadVisitors); Office and Name are the
	// first of them. The import decides who each one is (Identities).
	Visitor  string
	Visitors []Visitor

	rawStart, rawEnd string
}

// HSGMaxBytes bounds one file: the largest of the record is under 2 MB, so
// anything far larger is a mistake or an attack, refused before parsing.
const HSGMaxBytes = 16 << 20

// HSGMaxDepth and HSGMaxText bound the nesting of elements and the text of
// one element: the record's files nest three deep and their longest
// remarks are a few hundred characters, so deeper or longer is an attack
// or a mistake, refused before it costs memory.
const (
	HSGMaxDepth = 8
	HSGMaxText  = 64 << 10
)

// xmlGuard passes a decoder's tokens on, refusing nesting deeper than
// HSGMaxDepth and text longer than HSGMaxText.
type xmlGuard struct {
	d     *xml.Decoder
	depth int
	fail  func(format string, args ...any) error
}

func (g *xmlGuard) Token() (xml.Token, error) {
	t, err := g.d.Token()
	switch t := t.(type) {
	case xml.StartElement:
		if g.depth++; g.depth > HSGMaxDepth {
			return nil, g.fail("elements nest deeper than %d levels; the record's files nest three", HSGMaxDepth)
		}
	case xml.EndElement:
		g.depth--
	case xml.CharData:
		if len(t) > HSGMaxText {
			return nil, g.fail("an element's text is longer than %d KiB; the record's are far shorter", HSGMaxText>>10)
		}
	}
	return t, err
}

// HSGMaxRecords caps the records of one file: the largest of the record
// holds about 400.
const HSGMaxRecords = 100000

// HSGRoles are the travellers' roles the record has, with the office each
// stands for.
var HSGRoles = map[string]string{
	"secretary": "Secretary of State",
	"president": "President",
	RoleVisitor: "",
}

// RoleVisitor marks the records of foreign leaders' visits.
const RoleVisitor = "visitor"

// ReadHSGTravels reads one travels file (root <trips>). Any problem —
// malformed XML, another root, a DOCTYPE, a missing or impossible date, an
// end before the start — is an error naming the file and line, and no
// record of the file is returned.
func ReadHSGTravels(r io.Reader, file string) ([]HSGRecord, error) {
	return readHSG(r, file, "trips", "trip", decodeTrip)
}

// ReadHSGVisits reads one file of foreign leaders' visits to the United
// States (root <visits>): each visit is a record of the visitor with one
// stop in the United States, under the same rules as ReadHSGTravels.
func ReadHSGVisits(r io.Reader, file string) ([]HSGRecord, error) {
	return readHSG(r, file, "visits", "visit", decodeVisit)
}

// ReadHSG reads a travels or a visits file, whichever its root says.
func ReadHSG(r io.Reader, file string) ([]HSGRecord, error) {
	return readHSG(r, file, "", "", nil)
}

type hsgDecoder func(d *xml.Decoder, t *xml.StartElement, file string, at int) (HSGRecord, error)

// readHSG walks a file of the record: the root must be root (or, when root
// is empty, either kind), each child a child, each decoded by dec.
func readHSG(r io.Reader, file, root, child string, dec hsgDecoder) ([]HSGRecord, error) {
	lr := &io.LimitedReader{R: r, N: HSGMaxBytes + 1}
	raw := xml.NewDecoder(lr)
	raw.Strict = true
	fail := func(line int, format string, args ...any) error {
		return Errorf(EInvalid, "%s:%d: %s", file, line, fmt.Sprintf(format, args...))
	}
	line := func() int { l, _ := raw.InputPos(); return l }
	guard := &xmlGuard{d: raw}
	d := xml.NewTokenDecoder(guard)
	tooBig := func() bool { return lr.N <= 0 }
	errTooBig := func() error {
		return Errorf(ETooLarge, "%s is larger than %d MB; the Office of the Historian's files are far smaller.", file, HSGMaxBytes>>20)
	}
	guard.fail = func(format string, args ...any) error {
		if tooBig() {
			return errTooBig()
		}
		return fail(line(), format, args...)
	}
	syntax := func(err error, at int) error {
		if tooBig() {
			return errTooBig()
		}
		if ErrorCode(err) != EInternal {
			return err // the guard's, already naming the file and line
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return fail(se.Line, "not well-formed XML: %s", se.Msg)
		}
		return fail(at, "%v", err)
	}

	var out []HSGRecord
	seenRoot := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntax(err, line())
		}
		switch t := tok.(type) {
		case xml.Directive:
			// A DOCTYPE can declare entities; the record never has one.
			return nil, fail(line(), "a DOCTYPE or other declaration is not accepted")
		case xml.StartElement:
			if !seenRoot {
				switch {
				case root == "" && t.Name.Local == "trips":
					child, dec = "trip", decodeTrip
				case root == "" && t.Name.Local == "visits":
					child, dec = "visit", decodeVisit
				case root == "":
					return nil, fail(line(), "the root element is <%s>, want <trips> or <visits> (a file of the Office of the Historian's travels or visits)", t.Name.Local)
				case t.Name.Local != root:
					return nil, fail(line(), "the root element is <%s>, want <%s> (a file of the Office of the Historian's record)", t.Name.Local, root)
				}
				seenRoot = true
				continue
			}
			if t.Name.Local != child {
				return nil, fail(line(), "unexpected <%s> in the list of %ss", t.Name.Local, child)
			}
			at := line()
			rec, err := dec(d, &t, file, at)
			if err != nil {
				if ErrorCode(err) == EInvalid {
					return nil, err
				}
				return nil, syntax(err, at)
			}
			if err := checkDates(&rec, fail); err != nil {
				return nil, err
			}
			if len(out) == HSGMaxRecords {
				return nil, Errorf(ETooLarge, "%s holds more than %d records; the Office of the Historian's files hold far fewer.", file, HSGMaxRecords)
			}
			out = append(out, rec)
		}
	}
	if tooBig() {
		return nil, errTooBig()
	}
	if !seenRoot {
		want := "<" + root + ">"
		if root == "" {
			want = "<trips> or <visits>"
		}
		return nil, fail(1, "no %s element: not a file of the record", want)
	}
	return out, nil
}

// The dates come as text in rawStart and rawEnd; checkDates parses them.
func checkDates(rec *HSGRecord, fail func(int, string, ...any) error) error {
	for _, dt := range []struct {
		name string
		s    string
		into *Date
	}{{"start-date", rec.rawStart, &rec.Start}, {"end-date", rec.rawEnd, &rec.End}} {
		s := strings.TrimSpace(dt.s)
		if s == "" {
			return fail(rec.Line, "record %s: no <%s>", rec.ID, dt.name)
		}
		v, err := ParseDate(s)
		if err != nil {
			return fail(rec.Line, "record %s: <%s> %q is not a date that exists", rec.ID, dt.name, Clip(s))
		}
		*dt.into = v
	}
	if rec.End.Before(rec.Start) {
		return fail(rec.Line, "record %s: ends (%s) before it starts (%s)", rec.ID, rec.End, rec.Start)
	}
	return nil
}

func decodeTrip(d *xml.Decoder, t *xml.StartElement, file string, at int) (HSGRecord, error) {
	fail := func(format string, args ...any) error {
		return Errorf(EInvalid, "%s:%d: %s", file, at, fmt.Sprintf(format, args...))
	}
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
	if err := d.DecodeElement(&x, t); err != nil {
		return HSGRecord{}, err
	}
	rec := HSGRecord{File: file, Line: at, ID: strings.TrimSpace(x.ID), Role: strings.TrimSpace(x.Role), Who: strings.TrimSpace(x.Who),
		Name: squash(x.Name), CountryID: strings.TrimSpace(x.Country.ID), CountryName: squash(x.Country.Name),
		Locale: squash(x.Locale), Remarks: squash(x.Remarks), rawStart: x.Start, rawEnd: x.End}
	if rec.ID == "" {
		return rec, fail("a trip without an <id>")
	}
	if !ValidSlug(rec.Who) {
		return rec, fail("record %s: who=%q is not a slug such as blinken-antony-j", rec.ID, Clip(rec.Who))
	}
	if _, ok := HSGRoles[rec.Role]; !ok || rec.Role == RoleVisitor {
		return rec, fail("record %s: role %q, want secretary or president", rec.ID, Clip(rec.Role))
	}
	if rec.CountryID == "" && rec.CountryName == "" {
		return rec, fail("record %s: no country", rec.ID)
	}
	rec.Office = HSGRoles[rec.Role]
	return rec, nil
}

func decodeVisit(d *xml.Decoder, t *xml.StartElement, file string, at int) (HSGRecord, error) {
	fail := func(format string, args ...any) error {
		return Errorf(EInvalid, "%s:%d: %s", file, at, fmt.Sprintf(format, args...))
	}
	var x struct {
		ID      string `xml:"id"`
		Start   string `xml:"start-date"`
		End     string `xml:"end-date"`
		Visitor string `xml:"visitor"`
		From    struct {
			ID   string `xml:"id,attr"`
			Name string `xml:",chardata"`
		} `xml:"from"`
		Description string `xml:"description"`
	}
	if err := d.DecodeElement(&x, t); err != nil {
		return HSGRecord{}, err
	}
	rec := HSGRecord{File: file, Line: at, ID: strings.TrimSpace(x.ID), Role: RoleVisitor,
		CountryID: "united-states", CountryName: "United States", HomeID: strings.TrimSpace(x.From.ID), HomeName: squash(x.From.Name),
		Remarks: squash(x.Description), rawStart: x.Start, rawEnd: x.End}
	if rec.ID == "" {
		return rec, fail("a visit without an <id>")
	}
	rec.Visitor = squash(x.Visitor)
	rec.Visitors = ReadVisitors(rec.Visitor)
	if len(rec.Visitors) > 0 {
		rec.Office, rec.Name = rec.Visitors[0].Office, rec.Visitors[0].Name
	}
	if rec.Name == "" {
		return rec, fail("record %s: no visitor", rec.ID)
	}
	rec.Who = Slugify(rec.Name)
	if !ValidSlug(rec.Who) {
		return rec, fail("record %s: the visitor %q gives no usable slug", rec.ID, Clip(rec.Name))
	}
	if rec.HomeID == "" && rec.HomeName == "" {
		return rec, fail("record %s: no <from> country", rec.ID)
	}
	rec.Kind = VisitKind(rec.Remarks)
	return rec, nil
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
