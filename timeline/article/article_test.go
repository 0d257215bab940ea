package article

import (
	"bytes"
	"os"
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
			map[string]string{"It is time to turn these successes into a lasting strategic success": "Blinken", "We are working with our partners to end this war.": "Qatar’s prime minister"}},
		{"amman-wire.txt", Proposal{Kind: "claim", Text: "fifth visit to Jordan since 7 October 2023", Ordinal: 5, Unit: "trip", Label: "visit to Jordan", Place: "Jordan", Since: "2023-10-07"},
			map[string]string{"We need a path to a Palestinian state": "Blinken"}},
	} {
		ps := Propose(read(t, tc.file))
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
		if len(claims) != 1 || claims[0] != tc.claim {
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
