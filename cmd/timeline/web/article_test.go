package web

import (
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Issue 14: an article pasted is read into proposals with their passages,
// nothing stored; confirming creates the ticked facts as drafts of one
// trip, each citing the article with its passage; publishing it whole
// shows it, sourced, to a reader.
func TestEnterAnArticle(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	text, err := os.ReadFile("../../../timeline/article/testdata/corpus/15-istanbul.txt")
	if err != nil {
		t.Fatal(err)
	}
	revisions := func() int { n, _ := ts.store.Debug().RevisionCount(t.Context()); return n }
	before := revisions()

	// Bad input: a clear message, nothing stored.
	for name, in := range map[string]string{"empty": "", "nobody": "The weather was fine all week in the valley."} {
		resp, body := c.post(t, "/curate/article", url.Values{"text": {in}})
		if resp.StatusCode != http.StatusUnprocessableEntity || docOf(t, body).Find(`[data-testid=form-errors]`).Text() == "" {
			t.Errorf("%s: %d, want the form with a message", name, resp.StatusCode)
		}
	}

	resp, body := c.post(t, "/curate/article", url.Values{"url": {"https://wire.example/istanbul"}, "date": {"2024-01-06"}, "text": {string(text)}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("read: %d %s", resp.StatusCode, clipBody([]byte(body)))
	}
	if revisions() != before {
		t.Fatal("reading the article stored something")
	}
	d := docOf(t, body)
	for _, kind := range []string{"stop", "claim", "quote", "goal", "meeting"} {
		if d.Find(`[data-testid=proposed-`+kind+`]`).Length() != 1 {
			t.Errorf("no %s proposed", kind)
		}
	}
	if d.Find(`[data-testid=passage]`).First().Text() == "" {
		t.Error("a proposal without its passage")
	}
	// The claim is checked at once against the record: the demo numbers
	// its January 2024 tour, which began in Istanbul, the 4th.
	if note := d.Find(`[data-testid=proposed-claim] [data-testid=proposal-note]`).Text(); !strings.Contains(note, "The record gives 4th: confirmed") {
		t.Errorf("the claim's check reads %q", note)
	}
	form := formIn(d.Find(`form[action="/curate/article/confirm"]`))
	form.Set("source_title", "Blinken opens his fourth tour")
	// A meeting dated outside the trip is refused beside its date, as on
	// the meeting form, and nothing is stored.
	wrong := cloneValues(form)
	wrong.Set("meeting_date", "2020-01-01")
	resp, body = c.post(t, "/curate/article/confirm", wrong)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(docOf(t, body).Find(`[data-testid=form-errors]`).Text(), "a meeting on 1 January 2020") || revisions() != before {
		t.Errorf("a meeting dated outside its trip: %d", resp.StatusCode)
	}
	resp, body = c.post(t, "/curate/article/confirm", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", resp.StatusCode, docOf(t, body).Find(`[data-testid=field-error]`).Text())
	}
	trip := resp.Header.Get("Location")
	_, body = c.get(t, trip)
	page := docOf(t, body)
	for _, want := range []string{"Istanbul", "fourth trip to the Middle East", "We are working with every country in the region", "Recep Tayyip Erdogan", "Blinken opens his fourth tour"} {
		if !strings.Contains(page.Text(), want) {
			t.Errorf("the trip page lacks %q: %s", want, strings.Join(strings.Fields(page.Find(`[data-testid=claim]`).Text()), " "))
		}
	}
	if n := page.Find(`[data-testid=stop] [data-testid=unsourced]`).Length(); n != 0 {
		t.Errorf("%d stops entered from the article cite no source", n)
	}
	// "the Middle East" is counted as the Near East bureau, as the demo's
	// counters do.
	href, _ := page.Find(`[data-testid=claim] a[href^="/counters/"]`).Attr("href")
	counterID, _ := pathIDOf(href)
	if counter, err := ts.store.CounterFor(t.Context(), counterID, true); err != nil || counter.Region != "NEA" || counter.Since.String() != "2023-10-07" {
		t.Errorf("the claim's new counter: %+v, %v; want the Near East since 7 October 2023", counter, err)
	}
	publish, _ := page.Find(`[data-testid=publish-all]`).Attr("href")
	_, body = c.get(t, publish)
	action, _ := docOf(t, body).Find(`[data-testid=confirm-publish-all]`).Closest("form").Attr("action")
	mustPost(t, c, action, nil)
	_, body = ts.client(t).get(t, trip)
	if !strings.Contains(body, "We are working with every country in the region") || !strings.Contains(body, "Blinken opens his fourth tour") {
		t.Error("a reader does not see the article's trip, sourced")
	}
}

// An article's context events: one the record holds is linked, not
// proposed again; a new one is created as a draft citing the article.
func TestArticleEvents(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	text := "TOKYO, March 3 (Wire) — Secretary of State Antony J. Blinken arrived in Tokyo on Monday, months after the killing of Hamas leader Yahya Sinwar on Oct. 16, 2024.\n\n" +
		"He spoke a week after the summit of Pacific leaders in Manila on Feb. 24, 2025."
	resp, body := c.post(t, "/curate/article", url.Values{"url": {"https://wire.example/tokyo-events"}, "date": {"2025-03-03"}, "text": {text}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("read: %d %s", resp.StatusCode, docOf(t, body).Find(`[data-testid=form-errors]`).Text())
	}
	d := docOf(t, body)
	events := d.Find(`[data-testid=proposed-event] [data-testid=proposal]`)
	if events.Length() != 2 {
		t.Fatalf("%d events proposed, want 2", events.Length())
	}
	if href, _ := events.Eq(0).Find(`[data-testid=on-record] a`).Attr("href"); href != "/events/2" {
		t.Errorf("the killing of Sinwar links to %q, want the record's /events/2", href)
	}
	if _, checked := events.Eq(0).Find(`input[type=checkbox]`).Attr("checked"); checked {
		t.Error("an event on record is proposed again")
	}
	form := formIn(d.Find(`form[action="/curate/article/confirm"]`))
	form.Set("source_title", "Blinken in Tokyo")
	if resp, body := c.post(t, "/curate/article/confirm", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", resp.StatusCode, docOf(t, body).Find(`[data-testid=form-errors]`).Text())
	}
	like, err := ts.store.EventsLike(t.Context(), "Summit of Pacific leaders in Manila", timeline.MustDate("2025-02-24"))
	if err != nil || len(like) != 1 {
		t.Fatalf("the new event: %+v, %v", like, err)
	}
	if _, body := c.get(t, like[0].Path); !strings.Contains(body, "Blinken in Tokyo") {
		t.Error("the new event does not cite the article")
	}
}
