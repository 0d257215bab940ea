package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// titlesFor returns the titles of every entry a search finds (the export's
// rows), so a test sees all matches, not one page.
func (ts *testServer) titlesFor(t *testing.T, q string) []string {
	t.Helper()
	f, err := timeline.ParseFilter(url.Values{"q": {q}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := ts.store.EachEntry(context.Background(), f, func(e *timeline.Entry) error { out = append(out, e.Title); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSearch(t *testing.T) {
	ts := newTestServer(t)
	tour := "Middle East tour after the killing of Yahya Sinwar, October 2024"

	// A word from each indexed field finds the record that holds it.
	for _, tc := range []struct{ field, q, want string }{
		{"title", "Safadi Nahyan", "Meetings with Caretaker Prime Minister Najib Mikati, Foreign Minister Abdullah bin Zayed Al Nahyan and Deputy Prime Minister Ayman Safadi"},
		{"summary", "humanitarian", "Meeting with Prime Minister Benjamin Netanyahu"},
		{"locality", "Riyadh", tour},
		{"stop remarks", "Expatriates", tour},
		{"goal", "hostages held", tour},
		{"goal outcome", "breakthrough", tour},
		{"quote", "sustainable strategic", tour},
		{"source title", "capitalize", "Meeting with Prime Minister Benjamin Netanyahu"},
		{"source publisher without accents", "Turkiye", tour},
		{"citation passage", "escalated", "Hamas-led attack on Israel"},
		{"participant", "Faisal", "Meeting with Crown Prince Mohammed bin Salman and Foreign Minister Faisal bin Farhan"},
		{"participant's office", "Emir", "Meetings with Emir Sheikh Tamim bin Hamad Al Thani and Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani"},
		{"prefix", "ceasefi", tour},
	} {
		t.Run(tc.field, func(t *testing.T) {
			if got := ts.titlesFor(t, tc.q); !containsText(got, tc.want) {
				t.Errorf("q=%q found %q, want %q", tc.q, got, tc.want)
			}
		})
	}

	t.Run("AllWordsRequired", func(t *testing.T) {
		if got := ts.titlesFor(t, "Riyadh Safadi"); containsText(got, "Meetings with Caretaker Prime Minister Najib Mikati, Foreign Minister Abdullah bin Zayed Al Nahyan and Deputy Prime Minister Ayman Safadi") {
			t.Errorf("q=Riyadh Safadi found %q: every word is required", got)
		}
	})
	t.Run("NoSyntaxErrors", func(t *testing.T) {
		for _, q := range []string{`"`, `*`, `NEAR(`, `a OR`, `-x`, `%_`, `title:doha`, `^`} {
			if resp, _ := ts.get(t, "/?q="+url.QueryEscape(q)); resp.StatusCode != http.StatusOK {
				t.Errorf("q=%q: %d", q, resp.StatusCode)
			}
		}
	})

	t.Run("HighlightedAndRanked", func(t *testing.T) {
		doc := ts.doc(t, "/?q=ceasefire", http.StatusOK)
		if doc.Find(`li[data-testid=entry] mark`).Length() == 0 {
			t.Error("the matched words are not highlighted")
		}
		rel, ok := doc.Find(`a[data-testid=relevance]`).Attr("href")
		if !ok {
			t.Fatal("no link to the best matches")
		}
		doc = ts.doc(t, rel, http.StatusOK)
		if doc.Find(`li[data-testid=entry]`).Length() == 0 {
			t.Error("best matches first lists nothing")
		}
		if resp, _ := ts.get(t, "/?order=relevance"); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("order=relevance without words: %d, want 400", resp.StatusCode)
		}
		// The CSV of the search holds the same entries.
		_, csv := ts.get(t, "/timeline.csv?q=ceasefire&order=relevance")
		if n := len(parseCSV(t, []byte(csv))); n != len(ts.titlesFor(t, "ceasefire")) {
			t.Errorf("relevance CSV has %d rows, the search %d", n, len(ts.titlesFor(t, "ceasefire")))
		}
	})

	t.Run("InStepWithEdits", func(t *testing.T) {
		ts.addUser(t, "ada", store.RoleCurator)
		c := ts.login(t, "ada")
		// Edit a goal's outcome twice: the first word goes, the new one is
		// found.
		for _, outcome := range []string{"Xylophone recital.", "Talks reconvened in Cairo."} {
			resp, _ := c.post(t, "/goals/1/edit", url.Values{"text": {"Revive the Gaza ceasefire negotiations"}, "outcome": {outcome}})
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("edit: %d", resp.StatusCode)
			}
		}
		if got := ts.titlesFor(t, "reconvened"); !containsText(got, tour) {
			t.Errorf("the new outcome is not found: %q", got)
		}
		if got := ts.titlesFor(t, "Xylophone"); len(got) != 0 {
			t.Errorf("the old outcome is still found: %q", got)
		}
		// Delete the quote: its words are no longer found; restore it: they are.
		c.post(t, "/quotes/1/delete", confirmed)
		if got := ts.titlesFor(t, "sustainable"); containsText(got, tour) {
			t.Error("a deleted quote's words are still found")
		}
		c.post(t, "/quotes/1/restore", nil)
		if got := ts.titlesFor(t, "sustainable"); !containsText(got, tour) {
			t.Error("a restored quote's words are not found")
		}
		// A draft goal is not searchable by the public.
		c.post(t, "/trips/11/goals", url.Values{"text": {"Zanzibar draft goal"}})
		if got := ts.titlesFor(t, "Zanzibar"); len(got) != 0 {
			t.Errorf("a draft goal is searchable: %q", got)
		}
		// A renamed source is found by its new title.
		c.post(t, "/sources/3/edit", url.Values{"url": {"https://www.dw.com/en/israel-says-hezbollah-leaders-likely-successor-killed/live-70572287"}, "title": {"Quixotic renamed report"}, "publisher": {"DW"}})
		if got := ts.titlesFor(t, "Quixotic"); !containsText(got, "Meeting with Prime Minister Benjamin Netanyahu") {
			t.Errorf("a renamed source's title is not found: %q", got)
		}
	})
}

// The timeline shows its total and, beside each filter, what each choice
// would give; following a year's link lists exactly that many entries.
func TestFacetsOnThePage(t *testing.T) {
	ts := newTestServer(t)
	doc := ts.doc(t, "/", http.StatusOK)
	if got := doc.Find(`[data-testid=total]`).Text(); got != "20 entries" {
		t.Errorf("total = %q, want 20 entries", got)
	}
	if got := doc.Find(`#f-country option[value=QA]`).Text(); got != "Qatar (7)" {
		t.Errorf("Qatar option = %q, want Qatar (7)", got)
	}
	if n := doc.Find(`#f-country option`).Length(); n > 40 {
		t.Errorf("%d country options: choices that give nothing must not be offered", n)
	}
	var checked int
	doc.Find(`a[data-testid=year-facet]`).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		want := strings.Trim(s.Find(".count").Text(), "()")
		page := ts.doc(t, href+"&limit=500", http.StatusOK)
		if got := page.Find(`[data-testid=total]`).Text(); got != want+" entries" && got != want+" entry" {
			t.Errorf("%s: total %q, facet said %s", href, got, want)
		}
		if got := page.Find(`li[data-testid=entry]`).Length(); itoa(got) != want {
			t.Errorf("%s lists %d entries, the facet said %s", href, got, want)
		}
		checked++
	})
	if checked != 2 {
		t.Errorf("%d year links, want 2023 and 2024", checked)
	}
	// A year's page offers its months; each month link gives what it says.
	year := ts.doc(t, "/?from=2024-01-01&to=2024-12-31", http.StatusOK)
	months := 0
	year.Find(`a[data-testid=month-facet]`).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		want := strings.Trim(s.Find(".count").Text(), "()")
		page := ts.doc(t, href+"&limit=500", http.StatusOK)
		if got := page.Find(`li[data-testid=entry]`).Length(); itoa(got) != want {
			t.Errorf("%s lists %d entries, the month facet said %s", href, got, want)
		}
		if page.Find(`.month-facet strong[aria-current]`).Length() != 1 {
			t.Errorf("%s: the chosen month is not marked", href)
		}
		months++
	})
	if months < 2 {
		t.Errorf("%d month links for 2024", months)
	}
	if ts.doc(t, "/", http.StatusOK).Find(`.month-facet`).Length() != 0 {
		t.Error("the whole timeline shows a month facet; it belongs to one year")
	}
	// Several travellers at once: each stays chosen in the form, and the
	// view is the union of theirs.
	two := ts.doc(t, "/?person=blinken-antony-j&person=biden-joseph-r&limit=500", http.StatusOK)
	if n := two.Find(`#f-person option[selected]`).Length(); n != 2 {
		t.Errorf("%d travellers shown as chosen, want 2", n)
	}
	// Blinken's 11 trips and 5 meetings, and Biden's one trip.
	if n := two.Find(`li[data-testid=entry]`).Length(); n != 17 {
		t.Errorf("two travellers give %d entries, want 17", n)
	}
	if resp, _ := ts.get(t, "/?sourced=maybe"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("sourced=maybe: %d, want 400", resp.StatusCode)
	}
	doc = ts.doc(t, "/?sourced=no", http.StatusOK)
	doc.Find(`li[data-testid=entry]`).Each(func(_ int, s *goquery.Selection) {
		if s.Find(`[data-testid=unsourced]`).Length() != 1 {
			t.Errorf("sourced=no lists %q, which has sources", s.Find("h4").Text())
		}
	})
}
