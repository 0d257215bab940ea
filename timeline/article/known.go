package article

import (
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Known is what the record knows, that an article's words are matched
// against: its people, its countries (by name, code and alias), the
// localities its stops name, and its regions.
type Known struct {
	People []Person
	// Country resolves a country's name or alias to its code.
	Country func(string) (string, bool)
	// Places are the localities of the record's stops, folded, with their
	// country: a gazetteer made of what the record has seen.
	Places map[string]string
	// Regions are the record's regions by their folded names.
	Regions map[string]string
}

// Person is a person of the record as an article may name them.
type Person struct {
	Slug, Name string
	Aliases    []string
	// Office is their latest office ("Secretary of State, United States"),
	// Country their country's code.
	Office, Country string
}

// demonyms are the adjectives of the countries news copy names most, by
// the country's name ("Qatari" talks are talks in Qatar).
var demonyms = map[string]string{
	"american": "United States", "british": "United Kingdom", "israeli": "Israel", "palestinian": "Palestinian Territories",
	"saudi": "Saudi Arabia", "qatari": "Qatar", "jordanian": "Jordan", "egyptian": "Egypt", "emirati": "United Arab Emirates",
	"turkish": "Turkey", "lebanese": "Lebanon", "syrian": "Syria", "iraqi": "Iraq", "iranian": "Iran", "kuwaiti": "Kuwait",
	"omani": "Oman", "bahraini": "Bahrain", "yemeni": "Yemen", "french": "France", "german": "Germany", "italian": "Italy",
	"spanish": "Spain", "chinese": "China", "japanese": "Japan", "korean": "South Korea", "indian": "India",
	"pakistani": "Pakistan", "afghan": "Afghanistan", "russian": "Russia", "ukrainian": "Ukraine", "polish": "Poland",
	"greek": "Greece", "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil", "australian": "Australia",
	"filipino": "Philippines", "indonesian": "Indonesia", "vietnamese": "Vietnam", "thai": "Thailand", "moroccan": "Morocco",
	"algerian": "Algeria", "tunisian": "Tunisia", "libyan": "Libya", "sudanese": "Sudan", "ethiopian": "Ethiopia",
	"kenyan": "Kenya", "nigerian": "Nigeria", "south african": "South Africa",
}

// countryOf resolves a name, alias, short form or demonym to a code.
func (k Known) countryOf(words string) (string, bool) {
	if k.Country == nil {
		return "", false
	}
	w := strings.TrimSuffix(strings.TrimSuffix(words, "’s"), "'s")
	w = strings.TrimPrefix(w, "the ")
	if name, ok := demonyms[strings.ToLower(w)]; ok {
		w = name
	}
	if len([]rune(w)) <= 2 && w != "UK" && w != "US" {
		return "", false // a capital pair is rarely a country in prose ("IN", "TO")
	}
	return k.Country(w)
}

// fold is a name as names are compared: no case, accents or extra space.
func fold(s string) string { return strings.ToLower(timeline.FoldASCII(timeline.NormalizeSpace(s))) }

// RegionAliases are the names news copy gives the State Department's
// bureaus, the record's built-in regions ("the Middle East" is the Near
// East bureau's).
var RegionAliases = map[string]string{
	"middle east": "NEA", "near east": "NEA", "gulf": "NEA", "persian gulf": "NEA", "arabian gulf": "NEA", "levant": "NEA",
	"north africa": "NEA", "mena": "NEA", "europe": "EUR", "eurasia": "EUR", "africa": "AF", "sub-saharan africa": "AF",
	"asia": "EAP", "east asia": "EAP", "pacific": "EAP", "indo-pacific": "EAP", "asia-pacific": "EAP",
	"south asia": "SCA", "central asia": "SCA", "americas": "WHA", "latin america": "WHA", "western hemisphere": "WHA",
}

// Region resolves a region's name, its news name or its code: "the Middle
// East" is NEA.
func (k Known) Region(place string) (string, bool) {
	f := strings.TrimPrefix(fold(place), "the ")
	if code, ok := k.Regions[f]; ok {
		return code, true
	}
	if code, ok := RegionAliases[f]; ok {
		return code, true
	}
	for _, code := range k.Regions {
		if strings.EqualFold(code, f) {
			return code, true
		}
	}
	return "", false
}
