package timeline

import "strings"

// Country is a canonical country: an ISO 3166-1 alpha-2 code, a four-letter
// ISO 3166-3 code for a state that no longer exists (SUHH for the USSR), PS
// for the Palestinian territories and XK for Kosovo.
type Country struct {
	Code      string
	Name      string
	Historic  bool
	Successor string // for a historic state, the country it is drawn as
	Aliases   []string
}

// Region is a named set of countries: the State Department's geographic
// bureaus are built in; curators add their own.
type Region struct {
	Code    string
	Name    string
	Notes   string
	Builtin bool
	Members []string // country codes
}

// Validate checks a curator's region: its code, its name and that it has
// members.
func (r *Region) Validate() error {
	r.Code = strings.ToUpper(strings.TrimSpace(r.Code))
	r.Name = NormalizeSpace(r.Name)
	fe := FieldErrors{}
	if !ValidRegionCode(r.Code) {
		fe.Add("code", "A region code is 2 to 12 capital letters, digits or hyphens, starting with a letter, such as GULF.")
	}
	if r.Name == "" {
		fe.Add("name", "A region needs a name.")
	}
	if len(r.Members) == 0 {
		fe.Add("members", "A region needs at least one country.")
	}
	return fe.Err()
}

// Has reports whether the region includes the country.
func (r *Region) Has(code string) bool {
	for _, m := range r.Members {
		if m == code {
			return true
		}
	}
	return false
}

// ValidCountryCode reports whether s has the shape of a canonical code: two
// or four upper-case ASCII letters.
func ValidCountryCode(s string) bool {
	if len(s) != 2 && len(s) != 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// ValidRegionCode reports whether s can name a region: 2 to 12 upper-case
// letters, digits or hyphens, starting with a letter.
func ValidRegionCode(s string) bool {
	if len(s) < 2 || len(s) > 12 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// NormalizeAlias turns a country name or id as found in outside data into
// the key the alias table is indexed by: lower case, curly apostrophes and
// backticks made plain, surrounding space removed and inner runs of space
// collapsed. Accents are kept; the table lists both spellings where both
// occur.
func NormalizeAlias(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', '`':
			return '\''
		}
		return r
	}, s)
	return strings.ToLower(NormalizeSpace(s))
}
