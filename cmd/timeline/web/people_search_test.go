package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/views"
)

// Issue 13: people are chosen by typing, not from a list of every person.
// The search answers with what tells namesakes apart; without script a
// person field takes a name one person matches, and says who the
// candidates are when several do.
func TestPeopleAreChosenByTyping(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	if resp, _ := ts.client(t).get(t, "/curate/people.json?q=blinken"); resp.StatusCode == http.StatusOK {
		t.Error("the people search answers the public")
	}
	resp, body := c.get(t, "/curate/people.json?q=bl%C3%ADnken")
	var found []views.Option
	if err := json.Unmarshal([]byte(body), &found); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("people.json: %d %v", resp.StatusCode, err)
	}
	if len(found) != 1 || found[0].Value != "blinken-antony-j" || !strings.Contains(found[0].Label, "— Secretary of State, United States; 20") {
		t.Errorf("a search for blínken gives %+v, want Blinken with office, country and years", found)
	}

	// A form carries no list of every person.
	people, _ := ts.store.People(t.Context())
	_, body = c.get(t, tour+"/quotes/new")
	if n := docOf(t, body).Find("datalist option").Length(); n >= len(people) {
		t.Errorf("the quote form lists %d people of %d", n, len(people))
	}

	// Without script: a name one person matches is that person.
	form := url.Values{"person": {"Tamim"}, "date": {"2024-10-24"}, "text": {"Words of the Emir."}}
	if resp, body := c.post(t, tour+"/quotes", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a quote by a name one person matches: %d %s", resp.StatusCode, docOf(t, body).Find(`[data-testid=field-error]`).Text())
	}
	// A name several match is refused, naming them.
	form.Set("person", "al")
	resp, body = c.post(t, tour+"/quotes", form)
	if msg := docOf(t, body).Find(`[data-testid=field-error]`).Text(); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(msg, "Several people match") {
		t.Errorf("an ambiguous name: %d %q", resp.StatusCode, msg)
	}
}

// In Chromium, typing into a person field offers the people whose names
// hold what is typed, each with its office.
func TestBrowserPersonTypeAhead(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, curatorBrowserUser, store.RoleCurator)
	ctx := browserStart(t, chromium)
	curatorBrowserLogin(t, ctx, ts.URL)
	browserOpen(t, ctx, ts.URL+"/curate/trips/new")
	browserType(t, ctx, `#trip-person`, "blink")
	// The list fills once the search answers: wait for it.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#trip-person-list option').length > 0`)); err != nil {
		t.Fatalf("no person was offered: %v", err)
	}
	labels := browserEval[[]string](t, ctx, "the offered people", `[...document.querySelectorAll('#trip-person-list option')].map(o => o.value + ' ' + o.textContent)`)
	if len(labels) != 1 || !strings.HasPrefix(labels[0], "blinken-antony-j Antony J. Blinken — Secretary of State") {
		t.Errorf("typing “blink” offers %q", labels)
	}
}
