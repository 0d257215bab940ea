package article

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

func read(t *testing.T, name string) Article {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The metadata comes from the meta tags and JSON-LD, and the body from the
// article's paragraphs only: no script, navigation, aside or footer.
func TestReadHTML(t *testing.T) {
	a := read(t, "doha-talks.html")
	for field, got := range map[string]string{
		"title": a.Title, "publisher": a.Publisher, "author": a.Author, "url": a.URL, "published": a.Published.String(), "archive": a.Archive,
	} {
		want := map[string]string{"title": "Blinken presses for Gaza ceasefire on Doha stop", "publisher": "Example Wire", "author": "Jane Reporter",
			"url": "https://wire.example/2024/10/24/blinken-doha", "published": "2024-10-24", "archive": "https://archive.example/wire-doha"}[field]
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	text := strings.Join(a.Sentences(), "\n")
	for _, not := range []string{"This is not the article", "Home | World", "unrelated story", "© Example Wire"} {
		if strings.Contains(text, not) {
			t.Errorf("the body holds %q", not)
		}
	}
	if len(a.Paragraphs) != 3 {
		t.Errorf("%d paragraphs, want 3:\n%s", len(a.Paragraphs), text)
	}
}

func TestSentences(t *testing.T) {
	got := Sentences(`Mr. Blinken met U.S. and Qatari officials on Oct. 24. He said: "We are close." Antony J. Blinken then left for Amman. Did it work? Nobody knew.`)
	want := []string{`Mr. Blinken met U.S. and Qatari officials on Oct. 24.`, `He said: "We are close."`, `Antony J. Blinken then left for Amman.`, `Did it work?`, `Nobody knew.`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n%q\nwant\n%q", got, want)
	}
}

// The ordinal claims and the quotes, each with its passage.
func TestProposeClaimsAndQuotes(t *testing.T) {
	for _, tc := range []struct {
		file   string
		claim  Proposal
		quotes map[string]string // words → speaker
	}{
		{"doha-talks.html", Proposal{Kind: "claim", Text: "11th trip to the region since October 7, 2023", Ordinal: 11, Unit: "trip", Label: "trip to the region", Place: "the region", Since: "2023-10-07"},
			map[string]string{"It is time to turn these successes into a lasting strategic success": "blinken-antony-j", "We are working with our partners to end this war.": "mohammed-bin-abdulrahman-al-thani"}},
		{"amman-wire.txt", Proposal{Kind: "claim", Text: "fifth visit to Jordan since 7 October 2023", Ordinal: 5, Unit: "trip", Label: "visit to Jordan", Place: "Jordan", Since: "2023-10-07"},
			map[string]string{"We need a path to a Palestinian state": "blinken-antony-j"}},
	} {
		ps := Propose(read(t, tc.file), testKnown)
		var claims []Proposal
		quotes := map[string]string{}
		for _, p := range ps {
			if p.Passage == "" {
				t.Errorf("%s: a proposal without its passage: %+v", tc.file, p)
			}
			switch p.Kind {
			case "claim":
				p.Passage = ""
				claims = append(claims, p)
			case "quote":
				quotes[p.Text] = p.Speaker
			}
		}
		if len(claims) == 1 {
			claims[0].Traveller = "" // checked with the stops
		}
		if len(claims) != 1 || !reflect.DeepEqual(claims[0], tc.claim) {
			t.Errorf("%s: claims %+v, want %+v", tc.file, claims, tc.claim)
		}
		for words, speaker := range tc.quotes {
			if got, ok := quotes[words]; !ok || got != speaker {
				t.Errorf("%s: quote %q by %q (found %v), want by %q", tc.file, words, got, ok, speaker)
			}
		}
		if len(quotes) != len(tc.quotes) {
			t.Errorf("%s: quotes %v, want %v", tc.file, quotes, tc.quotes)
		}
	}
}

// Bad input is refused with a message, never read as an article.
func TestReadRefusesWhatIsNotAnArticle(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":     []byte("   \n"),
		"binary":    {0x89, 'P', 'N', 'G', 0, 1, 2},
		"too large": bytes.Repeat([]byte("word "), MaxBytes/5+1),
		"no text":   []byte("<html><head><title>x</title><script>alert(1)</script></head><body></body></html>"),
	} {
		if _, err := Read(bytes.NewReader(in)); timeline.ErrorMessage(err) == "" || timeline.ErrorCode(err) == timeline.EInternal {
			t.Errorf("%s: %v, want a message", name, err)
		}
	}
}

// testKnown is a small record: three people, a few countries and places.
var testKnown = Known{
	People: []Person{
		{Slug: "blinken-antony-j", Name: "Antony J. Blinken", Office: "Secretary of State, United States", Country: "US"},
		{Slug: "tamim-bin-hamad-al-thani", Name: "Sheikh Tamim bin Hamad Al Thani", Aliases: []string{"Tamim bin Hamad Al Thani"}, Office: "Emir, Qatar", Country: "QA"},
		{Slug: "mohammed-bin-abdulrahman-al-thani", Name: "Sheikh Mohammed bin Abdulrahman Al Thani", Office: "Prime Minister, Qatar", Country: "QA"},
	},
	Country: func(s string) (string, bool) {
		code, ok := map[string]string{"qatar": "QA", "israel": "IL", "saudi arabia": "SA", "jordan": "JO", "gaza": "PS", "united states": "US"}[fold(s)]
		return code, ok
	},
	Places: map[string]string{"doha": "QA", "amman": "JO", "tel aviv": "IL"},
}

// The people, stops, meetings and goals of an article, against the
// record: people by name (and, once named, by surname) with their slugs,
// new people after a title, stops of the traveller with their day (none
// for "earlier in the week"), a meeting with whom it was with.
func TestProposeAgainstTheRecord(t *testing.T) {
	ps := Propose(read(t, "doha-talks.html"), testKnown)
	var got []string
	for _, p := range ps {
		switch p.Kind {
		case "person":
			got = append(got, "person "+p.Name+" "+p.Slug)
		case "stop":
			got = append(got, "stop "+p.Traveller+" "+p.Country+" "+p.Locality+" "+p.Start)
		case "meeting":
			s := "meeting " + p.Date + " " + p.Country
			for _, pa := range p.Participants {
				s += " " + pa.Slug
			}
			got = append(got, s)
		case "goal":
			got = append(got, "goal "+p.Text)
		}
	}
	want := []string{
		"person Antony J. Blinken blinken-antony-j",
		"stop blinken-antony-j QA Doha 2024-10-24",
		"goal Revive talks on a ceasefire in Gaza",
		"person Sheikh Tamim bin Hamad Al Thani tamim-bin-hamad-al-thani",
		"person Sheikh Mohammed bin Abdulrahman Al Thani mohammed-bin-abdulrahman-al-thani",
		"meeting 2024-10-24 QA tamim-bin-hamad-al-thani mohammed-bin-abdulrahman-al-thani",
		"stop blinken-antony-j IL  ",
		"stop blinken-antony-j SA  ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("proposals:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A person the record lacks, after a title, is proposed as new.
	ps = Propose(read(t, "amman-wire.txt"), testKnown)
	found := false
	for _, p := range ps {
		if p.Kind == "person" && p.Slug == "" && p.Name == "Abdullah II" && p.Office == "King" {
			found = true
		}
	}
	if !found {
		t.Errorf("King Abdullah II is not proposed as a new person: %+v", ps)
	}
}

// A region by its name, its code or the name news copy gives it.
func TestKnownRegion(t *testing.T) {
	k := Known{Regions: map[string]string{"near east": "NEA", "europe and eurasia": "EUR"}}
	for place, want := range map[string]string{"the Middle East": "NEA", "Near East": "NEA", "the Gulf": "NEA", "NEA": "NEA", "Europe and Eurasia": "EUR", "Indo-Pacific": "EAP", "the moon": ""} {
		if got, _ := k.Region(place); got != want {
			t.Errorf("%q is region %q, want %q", place, got, want)
		}
	}
}

// A text's headline, on its own first line, is its title; a place the
// record has never seen is proposed with its locality and no country, for
// the curator to give.
func TestTextHeadlineAndNewPlace(t *testing.T) {
	a, err := Read(strings.NewReader("Blinken heads to Rome for Gaza talks\n\nROME, Nov. 7 (Wire) — Antony J. Blinken arrived in Rome on Thursday.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Blinken heads to Rome for Gaza talks" || len(a.Paragraphs) != 1 {
		t.Errorf("title %q, %d paragraphs", a.Title, len(a.Paragraphs))
	}
	a.Published = timeline.MustDate("2025-11-07")
	var stops []Proposal
	for _, p := range Propose(a, testKnown) {
		if p.Kind == "stop" {
			stops = append(stops, p)
		}
	}
	if len(stops) != 1 || stops[0].Locality != "Rome" || stops[0].Country != "" || stops[0].Start != "2025-11-06" {
		t.Errorf("stops %+v, want Rome on Thursday 6 November with no country", stops)
	}
	// A meeting whose sentence gives no day is on the day of the stop.
	a, _ = Read(strings.NewReader("ROME, Nov. 7 (Wire) — Antony J. Blinken arrived in Rome on Thursday. He met with Foreign Minister Antonio Tajani.\n"))
	a.Published = timeline.MustDate("2025-11-07")
	for _, p := range Propose(a, testKnown) {
		if p.Kind == "meeting" && p.Date != "2025-11-06" {
			t.Errorf("the meeting is dated %s, want the stop's day, 2025-11-06", p.Date)
		}
	}
}
