package timeline

import (
	"regexp"
	"strings"
	"unicode"
)

// Person is anyone named in the record: a travelling official or a
// counterpart.
type Person struct {
	ID   int64
	Slug string // stable public id; an imported traveller's is the Office of the Historian's "who"
	Name string
	// Country is the person's home country, if known: stops there are not
	// "abroad" for counters without a region.
	Country string
	Notes   string
	Status  Status
	Offices []Office
	Aliases []string
	// Identifiers are the person's ids in outside registers (Wikidata).
	Identifiers []Identifier
}

// Office is a post a person held: a title, the body or country it belongs
// to, and when.
type Office struct {
	ID       int64
	PersonID int64
	Title    string // "Secretary of State"
	Body     string // "United States", "Qatar", "Hamas"
	Country  string // country code of the body, if it is a state's office
	From, To Date   // either may be unknown
}

// HeldOn reports whether the office was held on d (unknown ends are open).
func (o Office) HeldOn(d Date) bool {
	if o.From.Valid() && d.Before(o.From) {
		return false
	}
	if o.To.Valid() && d.After(o.To) {
		return false
	}
	return true
}

// Label is the office as a reader wants it: "Secretary of State, United
// States".
func (o Office) Label() string {
	if o.Body == "" {
		return o.Title
	}
	return o.Title + ", " + o.Body
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a lower-case, hyphenated slug.
func ValidSlug(s string) bool { return len(s) <= 100 && slugRe.MatchString(s) }

// Slugify derives a slug from a name: accents removed, lower case, words
// joined by hyphens ("Sheikh Tamim bin Hamad Al Thani" becomes
// "sheikh-tamim-bin-hamad-al-thani").
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range FoldASCII(name) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 100 {
		s = strings.TrimRight(s[:100], "-")
	}
	return s
}

// Validate checks the person's own fields and offices.
func (p *Person) Validate() error {
	fe := FieldErrors{}
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		fe.Add("name", "A person needs a name.")
	}
	typed := p.Slug != ""
	if !typed {
		p.Slug = Slugify(p.Name)
	}
	// A slug made from a missing (or unsluggable) name is the name's
	// fault: the optional slug field is flagged only when it was typed.
	if !ValidSlug(p.Slug) && (typed || p.Name != "") {
		fe.Add("slug", "A slug is lower-case letters, digits and hyphens, such as blinken-antony-j.")
	}
	if p.Status == "" {
		p.Status = Published
	}
	for i := range p.Offices {
		o := &p.Offices[i]
		o.Title = strings.TrimSpace(o.Title)
		if o.Title == "" {
			fe.Add("offices", "An office needs a title.")
		}
		if o.From.Valid() && o.To.Valid() && o.To.Before(o.From) {
			fe.Add("offices", "An office cannot end before it starts.")
		}
	}
	return fe.Err()
}

// Identifier is an outside identifier of a person: a scheme ("wikidata")
// and the value there ("Q123").
type Identifier struct {
	Scheme string `json:"scheme"`
	Value  string `json:"value"`
}

// URL links an identifier to its register, where the scheme has one.
func (id Identifier) URL() string {
	switch id.Scheme {
	case "wikidata":
		return "https://www.wikidata.org/wiki/" + id.Value
	case "viaf":
		return "https://viaf.org/viaf/" + id.Value
	}
	return ""
}

// Validate checks an identifier: a known scheme, and a value of its form.
func (id Identifier) Validate() error {
	switch id.Scheme {
	case "wikidata":
		if id.Value != "" && !validQID(id.Value) {
			return FieldErrorf("identifier", "A Wikidata id is Q followed by digits, such as Q42.")
		}
	case "viaf":
		if strings.Trim(id.Value, "0123456789") != "" {
			return FieldErrorf("identifier", "A VIAF id is digits only.")
		}
	default:
		return FieldErrorf("scheme", "The scheme is wikidata or viaf.")
	}
	return nil
}

func validQID(s string) bool {
	return len(s) > 1 && len(s) < 16 && s[0] == 'Q' && strings.Trim(s[1:], "0123456789") == "" && s[1] != '0'
}
