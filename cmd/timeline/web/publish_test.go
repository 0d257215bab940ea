package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// Defect 6 of issue 13: a trip is published with everything on it in one
// action, after a page that lists what it publishes; the desk lists the
// drafts of every kind; a claim that is not counted yet says why; and a
// counter that numbers nothing because its trips are drafts says so.
func TestPublishATripWithEverythingOnIt(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	must := func(path string, form url.Values) string {
		t.Helper()
		resp, body := c.post(t, path, form)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d %s", path, resp.StatusCode, docOf(t, body).Find(`[data-testid=field-error]`).Text())
		}
		return resp.Header.Get("Location")
	}
	trip := must("/curate/trips", tripFormValues("Spring tour"))
	tripPath := strings.SplitN(trip, "#", 2)[0]
	must(tripPath+"/meetings", url.Values{"date": {"2025-02-04"}, "title": {"Talks in Amman"}, "op": {"save"},
		"part_person": {"blinken-antony-j", ""}, "part_name": {"", "Nadia Testperson"}, "part_title": {"", "Minister"}, "part_body": {"", "Jordan"}})
	must(tripPath+"/goals", url.Values{"text": {"Talk about the ceasefire"}})
	must(tripPath+"/quotes", url.Values{"person": {"blinken-antony-j"}, "date": {"2025-02-03"}, "text": {"Words in Athens."}})
	counter := must("/curate/counters", url.Values{"person": {"blinken-antony-j"}, "country": {"Jordan"}, "since": {"2025-01-01"}, "unit": {"trips"}, "rule": {"stored"}, "label": {"trip to Jordan this year"}})
	must(tripPath+"/claims", url.Values{"counter": {strings.TrimPrefix(counter, "/counters/")}, "stated": {"1"}, "text": {"first trip to Jordan this year"},
		"url": {"https://example.org/spring-tour"}, "title": {"Spring tour"}, "publisher": {"Example"}, "passage": {"first trip"}})

	// The desk lists every kind of draft, not only the trip.
	_, body := c.get(t, "/curate")
	d := docOf(t, body)
	if got := d.Find("#drafts-h").Text(); !strings.Contains(got, "(7)") {
		t.Errorf("the drafts heading says %q, want 7 drafts (trip, meeting, goal, quote, claim, counter, person)", got)
	}
	for _, want := range []string{"Talks in Amman", "Talk about the ceasefire", "Words in Athens.", "first trip to Jordan this year", "Nadia Testperson", "trip to Jordan this year"} {
		if !strings.Contains(d.Find(`[data-testid=other-drafts]`).Text(), want) {
			t.Errorf("the desk's drafts do not list %q", want)
		}
	}

	// The counter numbers nothing yet, and says why.
	_, body = c.get(t, counter)
	if !strings.Contains(docOf(t, body).Find(`[data-testid=drafts-not-counted]`).Text(), "1 trip of Antony J. Blinken since 1 January 2025 is a draft") {
		t.Errorf("the counter does not say that its trip is a draft")
	}
	// The claim says why it is not counted.
	_, body = c.get(t, tripPath)
	d = docOf(t, body)
	if why := d.Find(`[data-testid=claim-why]`).Text(); !strings.Contains(why, "the trip is a draft") || !strings.Contains(why, "its counter is a draft") {
		t.Errorf("the claim says %q, want why it is not counted", why)
	}
	link, _ := d.Find(`[data-testid=publish-all]`).Attr("href")
	if link != tripPath+"/publish" {
		t.Fatalf("the trip bar offers %q, want the whole trip's publishing", link)
	}

	_, body = c.get(t, link)
	d = docOf(t, body)
	if n := d.Find(`[data-testid=to-publish]`).Length(); n != 7 {
		t.Errorf("the publishing page lists %d drafts, want 7:\n%s", n, d.Find(`[data-testid=publish-whole]`).Text())
	}
	action, _ := d.Find(`[data-testid=confirm-publish-all]`).Closest("form").Attr("action")
	resp, _ := c.post(t, action, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish all: %d", resp.StatusCode)
	}
	_, body = c.get(t, resp.Header.Get("Location"))
	if flash := docOf(t, body).Find(".flashes").Text(); !strings.Contains(flash, "Published: the trip, 1 claim, 1 counter, 1 goal, 1 meeting, 1 person and 1 quote") {
		t.Errorf("flash %q", flash)
	}
	_, body = public.get(t, tripPath)
	for _, want := range []string{"Talks in Amman", "Talk about the ceasefire", "Words in Athens.", "first trip to Jordan this year", "1st trip to Jordan this year"} {
		if !strings.Contains(body, want) {
			t.Errorf("after publishing, the public trip page lacks %q", want)
		}
	}
	if resp, _ := public.get(t, "/people/nadia-testperson"); resp.StatusCode != http.StatusOK {
		t.Errorf("the meeting's new person is not public: %d", resp.StatusCode)
	}
	if _, body := c.get(t, "/curate"); !strings.Contains(docOf(t, body).Find("#drafts-h").Text(), "(0)") {
		t.Error("drafts remain after publishing the trip whole")
	}
}

// Defect 11 of issue 13: an empty person form names the name, not the
// optional slug.
func TestEmptyPersonFormNamesTheName(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	resp, body := c.post(t, "/curate/people", url.Values{"name": {""}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("an empty person: %d", resp.StatusCode)
	}
	d := docOf(t, body)
	if msg := d.Find(`#f-name ~ [data-testid=field-error]`).Text(); msg == "" {
		t.Error("the name is not flagged")
	}
	if msg := d.Find(`#f-slug ~ [data-testid=field-error]`).Text(); msg != "" {
		t.Errorf("the optional slug is flagged: %q", msg)
	}
}

// Defect 7 of issue 13: restoring a trip's first version (a draft) keeps
// the published trip public, and says that its publication is unchanged;
// so for a fact restored to its draft version.
func TestRestoringAVersionKeepsWhatIsPublished(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	trip := strings.SplitN(mustPost(t, c, "/curate/trips", tripFormValues("Restore test")), "#", 2)[0]
	mustPost(t, c, trip+"/publish", nil)
	form := c.formOn(t, trip+"/edit")
	form.Set("summary", "A second summary.")
	mustPost(t, c, trip+"/edit", form)

	_, body := c.get(t, trip+"/history")
	revs := docOf(t, body).Find(`[data-testid=revision]`)
	first, _ := revs.Last().Find(`form`).Attr("action") // the creation: a draft
	if !strings.Contains(first, "/revisions/") {
		t.Fatalf("the first version offers no restore: %q", first)
	}
	resp, _ := c.post(t, first, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: %d", resp.StatusCode)
	}
	_, body = c.get(t, resp.Header.Get("Location"))
	if flash := docOf(t, body).Find(".flashes").Text(); !strings.Contains(flash, "Whether it is published is unchanged") {
		t.Errorf("flash %q", flash)
	}
	if resp, body := public.get(t, trip); resp.StatusCode != http.StatusOK || !strings.Contains(body, "A test trip.") {
		t.Errorf("restoring the draft version took the trip off the public site (%d) or did not restore it", resp.StatusCode)
	}

	// A goal restored to its first version (a draft) stays published.
	goal := mustPost(t, c, trip+"/goals", url.Values{"text": {"A goal to restore"}})
	id := goal[strings.LastIndex(goal, "-")+1:]
	mustPost(t, c, "/goals/"+id+"/publish", nil)
	form = c.formOn(t, "/goals/"+id+"/edit")
	form.Set("outcome", "Changed.")
	mustPost(t, c, "/goals/"+id+"/edit", form)
	_, body = c.get(t, "/history/goal/"+id)
	oldest, _ := docOf(t, body).Find(`[data-testid=revision]`).Last().Find(`[data-testid=restore-version]`).Parent().Attr("action")
	mustPost(t, c, oldest, nil)
	if _, body := public.get(t, trip); !strings.Contains(body, "A goal to restore") || strings.Contains(body, "Changed.") {
		t.Error("restoring a goal's first version took it off the public trip page, or did not restore it")
	}
}

// mustPost posts a form that must be saved, and returns where it leads.
func mustPost(t *testing.T, c *curatorClient, path string, form url.Values) string {
	t.Helper()
	resp, body := c.post(t, path, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST %s: %d %s", path, resp.StatusCode, docOf(t, body).Find(`[data-testid=field-error]`).Text())
	}
	return resp.Header.Get("Location")
}

// Defect 10 of issue 13: a trip of a traveller on dates the record already
// has, and a second "killing of Sinwar", are offered at entry instead of
// being saved silently; saying it is another saves it.
func TestDuplicatesAreOfferedAtEntry(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	tour := "/trips/" + itoa(int(ts.tourID(t)))
	trips := func() int {
		n, _ := ts.store.Debug().RevisionCount(context.Background())
		return n
	}

	again := tripFormValues("The October tour again")
	again["stop_country"], again["stop_locality"] = []string{"Israel", "Saudi Arabia", "Qatar"}, []string{"Haifa", "Jeddah", "Lusail"}
	again["stop_start"], again["stop_end"] = []string{"2024-10-22", "2024-10-23", "2024-10-24"}, []string{"2024-10-22", "2024-10-23", "2024-10-24"}
	before := trips()
	resp, body := c.post(t, "/curate/trips", again)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a trip on the tour's dates: %d, want the tour offered", resp.StatusCode)
	}
	if href, _ := docOf(t, body).Find(`[data-testid=similar] a`).Attr("href"); href != tour {
		t.Errorf("the form offers %q, want the tour %s", href, tour)
	}
	if trips() != before {
		t.Fatal("the offer saved something")
	}
	again.Set("another", "yes")
	mustPost(t, c, "/curate/trips", again)

	event := url.Values{"title": {"Killing of Yahya Sinwar"}, "kind": {"other"}, "date": {"2024-10-17"}, "precision": {"day"}}
	resp, body = c.post(t, "/curate/events", event)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a second killing of Sinwar: %d, want the first offered", resp.StatusCode)
	}
	if href, _ := docOf(t, body).Find(`[data-testid=similar] a`).Attr("href"); href != "/events/2" {
		t.Errorf("the form offers %q, want /events/2", href)
	}
	event.Set("another", "yes")
	mustPost(t, c, "/curate/events", event)
}

// Issue 13: the traveller need not exist before the trip. A new one typed
// into the trip form is made with it, a draft published with it; a name
// the record has offers that person; person pages lead to a new trip.
func TestTripFormTakesANewTraveller(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	ctx := context.Background()

	_, body := c.get(t, "/people/blinken-antony-j")
	if href, _ := docOf(t, body).Find(`[data-testid=new-trip-for]`).Attr("href"); href != "/curate/trips/new?person=blinken-antony-j" {
		t.Errorf("the person page leads to %q for a new trip", href)
	}
	if got := c.formOn(t, "/curate/trips/new?person=blinken-antony-j").Get("person"); got != "blinken-antony-j" {
		t.Errorf("the new trip form for a person starts with %q", got)
	}

	form := tripFormValues("A new envoy's tour")
	form.Set("person", "")
	form.Set("new_person", "Jane Q. Envoy")
	trip := strings.SplitN(mustPost(t, c, "/curate/trips", form), "#", 2)[0]
	p, err := ts.store.PersonBySlug(ctx, "jane-q-envoy", true)
	if err != nil || p.Status != timeline.Draft {
		t.Fatalf("the new traveller: %+v, %v; want a draft", p, err)
	}
	mustPost(t, c, trip+"/publish", nil)
	if resp, _ := public.get(t, "/people/jane-q-envoy"); resp.StatusCode != http.StatusOK {
		t.Errorf("publishing the trip did not publish its new traveller: %d", resp.StatusCode)
	}

	// The name of a person on record offers them.
	form = tripFormValues("Another tour")
	form.Set("person", "")
	form.Set("new_person", "antony j. blinken")
	form["stop_start"] = []string{"2026-02-01", "2026-02-03", "2026-02-04"}
	form["stop_end"] = []string{"2026-02-02", "2026-02-03", "2026-02-05"}
	resp, body := c.post(t, "/curate/trips", form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "On record already: Antony J. Blinken") {
		t.Fatalf("a traveller's name on record: %d, want them offered", resp.StatusCode)
	}
	again := formIn(docOf(t, body).Find("main form.stacked-form"))
	again.Set("op", "save")
	if again.Get("person") != "blinken-antony-j" {
		t.Fatalf("the offered traveller is not chosen: %q", again.Get("person"))
	}
	loc := mustPost(t, c, "/curate/trips", again)
	id, _ := pathIDOf(strings.SplitN(loc, "#", 2)[0])
	if tr, _, _ := ts.store.TripForCurator(ctx, id); tr.PersonSlug != "blinken-antony-j" {
		t.Errorf("the trip's traveller is %q, want the one on record", tr.PersonSlug)
	}
}
