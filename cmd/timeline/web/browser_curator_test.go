package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/diplomatic-travel/tracker/store"
)

// What the curator of TestCuratorBrowser types.
const (
	curatorBrowserUser       = "casey"
	curatorBrowserTraveller  = "blinken-antony-j"
	curatorBrowserTourTitle  = "Browser test tour"
	curatorBrowserMeeting    = "Talks in Amman"
	curatorBrowserNewPerson  = "Ayman Safadi"
	curatorBrowserOffice     = "Foreign Minister, Jordan"
	curatorBrowserSourceURL  = "https://example.org/browser-test-tour"
	curatorBrowserSourceName = "Browser test tour report"
	curatorBrowserPublisher  = "Example News"
	curatorBrowserPassage    = "The Secretary visited Ankara, Athens and Amman."
	curatorBrowserEndError   = "A stop cannot end before it starts."

	// Markup that would run script if a page wrote it unescaped.
	curatorBrowserTitlePayload    = `<img src=x onerror="window.__xss=1">`
	curatorBrowserLocalityPayload = `<script>window.__xss=2</script>`
)

// curatorBrowserStop is one stop as the trip form takes it and as the trip
// page shows it.
type curatorBrowserStop struct {
	Country, Locality, Start, End string
	// When is how the trip page writes the dates.
	When string
}

var curatorBrowserStops = []curatorBrowserStop{
	{Country: "Türkiye", Locality: "Ankara", Start: "2025-03-01", End: "2025-03-02", When: "1–2 March 2025"},
	{Country: "Greece", Locality: "Athens", Start: "2025-03-03", When: "3 March 2025"},
	{Country: "Jordan", Locality: "Amman", Start: "2025-03-04", End: "2025-03-05", When: "4–5 March 2025"},
}

// TestCuratorBrowser reproduces, in a real headless Chromium against the
// real server, what a curator does: log in, enter a trip of three stops
// through the form (with one mistake the form must catch and keep the
// typing of), add a meeting with a person on record and a new person, cite
// a new source for the trip, publish; then, logged out, find all of it on
// the public timeline, the trip page and the CSV export. Last, a trip whose
// title and locality are markup is entered the same way, and every page
// that shows it must show the markup as text and run none of it.
func TestCuratorBrowser(t *testing.T) {
	chromium := browserChromium(t)
	ts := newTestServer(t)
	ts.addUser(t, curatorBrowserUser, store.RoleCurator)
	ctx := browserStart(t, chromium)
	dialogs := browserWatchDialogs(t, ctx)

	// What a step learnt and a later one uses.
	var tripPath, meetingID string

	loggedIn := t.Run("log in", func(t *testing.T) {
		curatorBrowserLogin(t, ctx, ts.URL)
	})
	if !loggedIn {
		t.Fatal("the other steps are not run: they need a curator's session")
	}

	// Steps 2 to 6 build on each other: each runs only if the one before it
	// passed.
	chain := []struct {
		name string
		fn   func(t *testing.T)
	}{
		{"enter a trip", func(t *testing.T) {
			browserClick(t, ctx, `header nav a[href="/curate"]`, "the Curate link of the header")
			browserAt(t, ctx, ts.URL, "/curate")
			browserClick(t, ctx, `a[data-testid=new-trip]`, "Enter a new trip")
			browserAt(t, ctx, ts.URL, "/curate/trips/new")

			browserSet(t, ctx, `#trip-person`, curatorBrowserTraveller)
			browserType(t, ctx, `#trip-title`, curatorBrowserTourTitle)
			// The new form has four rows; rows left blank are not stops.
			if n := browserCount(t, ctx, `[data-testid=stop-row]`); n != 4 {
				t.Fatalf("the new trip form has %d stop rows, want 4", n)
			}
			for i, s := range curatorBrowserStops {
				end := s.End
				if i == 2 {
					end = "2025-03-03" // before the start: the form must refuse it
				}
				curatorBrowserFillStop(t, ctx, i, s.Country, s.Locality, s.Start, end)
			}
			resp := browserClick(t, ctx, `button[data-testid=add-stop]`, "Add a stop")
			if resp.Status != http.StatusOK {
				t.Errorf("Add a stop answered %d, want 200", resp.Status)
			}
			if n := browserCount(t, ctx, `[data-testid=stop-row]`); n != 5 {
				t.Fatalf("after clicking Add a stop the form has %d stop rows, want 5", n)
			}
			// What was typed before the click comes back.
			wrongEnd := slices.Clone(curatorBrowserStops)
			wrongEnd[2].End = "2025-03-03"
			curatorBrowserCheckTripForm(t, ctx, wrongEnd, 5, "after clicking Add a stop")

			resp = browserClick(t, ctx, `button[data-testid=save-trip]`, "Save trip, with stop 3 ending before it starts")
			if resp.Status != http.StatusUnprocessableEntity {
				t.Errorf("saving a stop that ends before it starts answered %d, want 422", resp.Status)
			}
			browserAt(t, ctx, ts.URL, "/curate/trips")
			errs := browserFieldErrors(t, ctx)
			want := []browserFieldError{{Field: "stop-end-2", Message: curatorBrowserEndError}}
			if !slices.Equal(errs, want) {
				t.Errorf("the refused form shows the field errors %+v, want only %+v", errs, want)
			}
			wrong := slices.Clone(curatorBrowserStops)
			wrong[2].End = "2025-03-03"
			curatorBrowserCheckTripForm(t, ctx, wrong, 3, "on the refused form")

			browserSet(t, ctx, `#stop-end-2`, curatorBrowserStops[2].End)
			resp = browserClick(t, ctx, `button[data-testid=save-trip]`, "Save trip")
			if resp.Status != http.StatusOK {
				t.Errorf("the trip page after saving answered %d, want 200", resp.Status)
			}
			u := browserURL(t, ctx)
			if !regexp.MustCompile(`^/trips/[0-9]+$`).MatchString(u.Path) {
				t.Fatalf("after saving the browser is at %s, want a trip page /trips/{id}", u)
			}
			tripPath = u.Path
			browserCheckFlash(t, ctx, "Trip saved.")

			trip := browserReadTrip(t, ctx)
			if trip.Title != curatorBrowserTourTitle {
				t.Errorf("trip page heading is %q, want %q", trip.Title, curatorBrowserTourTitle)
			}
			if !trip.Bar || trip.Status != "Draft" {
				t.Errorf("curator bar present=%v with status %q, want the bar with status Draft", trip.Bar, trip.Status)
			}
			curatorBrowserCheckStops(t, trip)
		}},
		{"add a meeting", func(t *testing.T) {
			browserClick(t, ctx, `a[data-testid=add-meeting]`, "Add a meeting")
			browserAt(t, ctx, ts.URL, tripPath+"/meetings/new")

			browserSet(t, ctx, `#m-date`, "2025-03-04")
			stops := browserEval[[]browserOption](t, ctx, "the options of #m-stop",
				`[...document.querySelectorAll('#m-stop option')].map(o => ({value: o.value, label: o.textContent.trim()}))`)
			var amman []browserOption
			for _, o := range stops {
				if strings.Contains(o.Label, "Amman") {
					amman = append(amman, o)
				}
			}
			if len(amman) != 1 {
				t.Fatalf("#m-stop offers %+v, want one option naming Amman", stops)
			}
			browserSet(t, ctx, `#m-stop`, amman[0].Value)
			browserType(t, ctx, `#m-title`, curatorBrowserMeeting)
			if n := browserCount(t, ctx, `[data-testid=participant-row]`); n < 2 {
				t.Fatalf("the meeting form has %d participant rows, want at least 2", n)
			}
			browserSet(t, ctx, `#p-person-0`, curatorBrowserTraveller)
			browserType(t, ctx, `#p-name-1`, curatorBrowserNewPerson)
			browserType(t, ctx, `#p-title-1`, "Foreign Minister")
			browserType(t, ctx, `#p-body-1`, "Jordan")

			// The record has an Ayman Safadi already: the form offers him
			// (chosen in the row's picker) instead of making a second one,
			// and saving again uses him.
			resp := browserClick(t, ctx, `button[data-testid=save-meeting]`, "Save meeting")
			if resp.Status != http.StatusUnprocessableEntity || !strings.Contains(browserText(t, ctx, `main`), "On record already: Ayman Safadi") {
				t.Fatalf("a new person's name that the record has: %d, want the person on record offered", resp.Status)
			}
			if got := browserEval[string](t, ctx, "row 2's person", `document.querySelector('#p-person-1').value`); got != "safadi-ayman" {
				t.Fatalf("row 2's picker holds %q, want the person on record", got)
			}
			resp = browserClick(t, ctx, `button[data-testid=save-meeting]`, "Save meeting")
			if resp.Status != http.StatusOK {
				t.Errorf("the trip page after saving the meeting answered %d, want 200", resp.Status)
			}
			u := browserURL(t, ctx)
			if u.Path != tripPath || !strings.HasPrefix(u.Fragment, "meeting-") {
				t.Fatalf("after saving the meeting the browser is at %s, want %s#meeting-{id}", u, tripPath)
			}
			meetingID = u.Fragment
			browserCheckFlash(t, ctx, "Meeting saved as a draft.")

			m := curatorBrowserFindMeeting(t, browserReadTrip(t, ctx), meetingID)
			if m.Title != curatorBrowserMeeting || m.Date != "2025-03-04" {
				t.Errorf("meeting %s reads %q on %s, want %q on 2025-03-04", meetingID, m.Title, m.Date, curatorBrowserMeeting)
			}
			if !m.Draft || !m.Publish {
				t.Errorf("new meeting has draft badge=%v and publish button=%v, want both", m.Draft, m.Publish)
			}
			curatorBrowserCheckParticipants(t, m)

			resp = browserClick(t, ctx, `#`+meetingID+` button[data-testid=publish-meeting]`, "Publish this meeting")
			if resp.Status != http.StatusOK {
				t.Errorf("the trip page after publishing the meeting answered %d, want 200", resp.Status)
			}
			if u := browserURL(t, ctx); u.Path != tripPath || u.Fragment != meetingID {
				t.Errorf("after publishing the meeting the browser is at %s, want %s#%s", u, tripPath, meetingID)
			}
			browserCheckFlash(t, ctx, "Meeting published.")
			m = curatorBrowserFindMeeting(t, browserReadTrip(t, ctx), meetingID)
			if m.Draft || m.Publish {
				t.Errorf("published meeting has draft badge=%v and publish button=%v, want neither", m.Draft, m.Publish)
			}
		}},
		{"cite a new source", func(t *testing.T) {
			trip := browserReadTrip(t, ctx)
			id := strings.TrimPrefix(tripPath, "/trips/")
			if want := "/cite?kind=trip&id=" + id; trip.AddSource != want {
				t.Fatalf("the first Add a source link of the trip header goes to %q, want %q", trip.AddSource, want)
			}
			browserClick(t, ctx, `[data-testid=trip] header.record-header a[data-testid=add-source]`, "Add a source of the trip")
			browserAt(t, ctx, ts.URL, "/cite")

			browserType(t, ctx, `#cite-url`, curatorBrowserSourceURL)
			browserType(t, ctx, `#cite-title`, curatorBrowserSourceName)
			browserType(t, ctx, `#cite-publisher`, curatorBrowserPublisher)
			browserSet(t, ctx, `#cite-published`, "2025-03-06")
			browserType(t, ctx, `#cite-passage`, curatorBrowserPassage)
			resp := browserClick(t, ctx, `button[data-testid=save-citation]`, "Link the source")
			if resp.Status != http.StatusOK {
				t.Errorf("the page after linking the source answered %d, want 200", resp.Status)
			}
			browserAt(t, ctx, ts.URL, tripPath)
			browserCheckFlash(t, ctx, "Source linked.")
			curatorBrowserCheckCitation(t, browserReadTrip(t, ctx))
		}},
		{"publish", func(t *testing.T) {
			resp := browserClick(t, ctx, `aside[data-testid=curator-bar] button[data-testid=publish-trip]`, "Publish")
			if resp.Status != http.StatusOK {
				t.Errorf("the trip page after publishing answered %d, want 200", resp.Status)
			}
			browserAt(t, ctx, ts.URL, tripPath)
			browserCheckFlash(t, ctx, "Trip published: it is now on the public timeline and in the exports.")
			trip := browserReadTrip(t, ctx)
			if trip.Status != "Published" || trip.Draft {
				t.Errorf("after publishing the curator bar reads %q and the draft badge shows=%v, want Published and no badge", trip.Status, trip.Draft)
			}
		}},
		{"public view", func(t *testing.T) {
			browserClick(t, ctx, `button[data-testid=logout]`, "Log out")
			browserAt(t, ctx, ts.URL, "/")
			if n := browserCount(t, ctx, `[data-testid=account]`); n != 0 {
				t.Errorf("after logging out the header shows %d account names, want none", n)
			}
			if n := browserCount(t, ctx, `a[data-testid=login-link]`); n != 1 {
				t.Errorf("after logging out the header shows %d login links, want 1", n)
			}

			browserOpen(t, ctx, ts.URL+"/?from=2025-03-01&to=2025-03-31")
			entries := browserReadEntries(t, ctx)
			var tour []browserEntry
			for _, e := range entries {
				if e.Title == curatorBrowserTourTitle {
					tour = append(tour, e)
				}
			}
			if len(tour) != 1 {
				t.Fatalf("the public timeline of March 2025 lists %d entries titled %q, want 1; entries: %+v", len(tour), curatorBrowserTourTitle, entries)
			}
			if tour[0].Kind != "trip" || tour[0].Href != tripPath || tour[0].Draft {
				t.Errorf("the timeline entry reads kind %q, link %q, draft badge %v; want trip, %s, no badge", tour[0].Kind, tour[0].Href, tour[0].Draft, tripPath)
			}
			if !slices.Contains(tour[0].SourceLabels, curatorBrowserSourceName) {
				t.Errorf("the timeline entry's sources are %q, want %q among them", tour[0].SourceLabels, curatorBrowserSourceName)
			}

			browserClick(t, ctx, `li[data-testid=entry] h4.entry-title a[href="`+tripPath+`"]`, "the title of the trip on the timeline")
			browserAt(t, ctx, ts.URL, tripPath)
			trip := browserReadTrip(t, ctx)
			if trip.Bar || trip.AddSource != "" || trip.AddMeeting {
				t.Errorf("a visitor sees curator bar=%v, Add a source %q, Add a meeting=%v; want none of them", trip.Bar, trip.AddSource, trip.AddMeeting)
			}
			if trip.Title != curatorBrowserTourTitle {
				t.Errorf("the public trip page's heading is %q, want %q", trip.Title, curatorBrowserTourTitle)
			}
			curatorBrowserCheckStops(t, trip)
			m := curatorBrowserFindMeeting(t, trip, meetingID)
			if m.Title != curatorBrowserMeeting || m.Draft {
				t.Errorf("the public meeting %s reads %q with draft badge %v, want %q and no badge", meetingID, m.Title, m.Draft, curatorBrowserMeeting)
			}
			curatorBrowserCheckParticipants(t, m)
			curatorBrowserCheckCitation(t, trip)

			curatorBrowserCheckCSV(t, ts, tripPath, meetingID)
		}},
	}
	for _, step := range chain {
		if !t.Run(step.name, step.fn) {
			t.Errorf("the steps after %q are not run: they build on it", step.name)
			break
		}
	}

	t.Run("script payloads render inert", func(t *testing.T) {
		inert := func(where string) {
			t.Helper()
			curatorBrowserCheckInert(t, ctx, dialogs, where)
		}
		// A failed step above can leave the session open.
		browserOpen(t, ctx, ts.URL+"/")
		if browserCount(t, ctx, `button[data-testid=logout]`) > 0 {
			browserClick(t, ctx, `button[data-testid=logout]`, "Log out")
		}
		curatorBrowserLogin(t, ctx, ts.URL)
		inert("after logging in")

		browserClick(t, ctx, `header nav a[href="/curate"]`, "the Curate link of the header")
		inert("on /curate")
		browserClick(t, ctx, `a[data-testid=new-trip]`, "Enter a new trip")
		inert("on the trip form")
		browserSet(t, ctx, `#trip-person`, curatorBrowserTraveller)
		browserType(t, ctx, `#trip-title`, curatorBrowserTitlePayload)
		curatorBrowserFillStop(t, ctx, 0, "Qatar", curatorBrowserLocalityPayload, "2025-04-01", "")
		resp := browserClick(t, ctx, `button[data-testid=save-trip]`, "Save trip")
		if resp.Status != http.StatusOK {
			t.Errorf("the trip page after saving answered %d, want 200", resp.Status)
		}
		u := browserURL(t, ctx)
		if !regexp.MustCompile(`^/trips/[0-9]+$`).MatchString(u.Path) {
			t.Fatalf("after saving the browser is at %s, want a trip page /trips/{id}", u)
		}
		xssPath := u.Path
		inert("on the draft trip page")
		curatorBrowserCheckPayloadTrip(t, ctx)

		browserClick(t, ctx, `aside[data-testid=curator-bar] button[data-testid=publish-trip]`, "Publish")
		browserAt(t, ctx, ts.URL, xssPath)
		inert("on the trip page after publishing")
		browserCheckFlash(t, ctx, "Trip published: it is now on the public timeline and in the exports.")

		browserOpen(t, ctx, ts.URL+xssPath)
		inert("on the published trip page")
		curatorBrowserCheckPayloadTrip(t, ctx)

		browserOpen(t, ctx, ts.URL+"/?from=2025-04-01&to=2025-04-30")
		inert("on the timeline")
		entries := browserReadEntries(t, ctx)
		if !slices.ContainsFunc(entries, func(e browserEntry) bool {
			return e.Href == xssPath && e.RawTitle == curatorBrowserTitlePayload
		}) {
			t.Errorf("the timeline of April 2025 has no entry linking to %s whose title's text is %q; entries: %+v", xssPath, curatorBrowserTitlePayload, entries)
		}

		browserOpen(t, ctx, ts.URL+"/curate")
		inert("on /curate")
		cells := browserEval[[]string](t, ctx, "the changes of /curate",
			`[...document.querySelectorAll('[data-testid=change] [data-testid=field-change] td')].map(td => td.textContent)`)
		if !slices.Contains(cells, curatorBrowserTitlePayload) {
			t.Errorf("the recent changes of /curate have no field whose text is %q; cells: %q", curatorBrowserTitlePayload, cells)
		}
	})
	dialogs.check(t, "at the end of the test")
}

// curatorBrowserLogin opens the timeline, follows the login link, logs in
// with the form and checks that the header names the account.
func curatorBrowserLogin(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	browserOpen(t, ctx, base+"/")
	browserClick(t, ctx, `a[data-testid=login-link]`, "the login link")
	browserAt(t, ctx, base, "/login")
	browserType(t, ctx, `#login-name`, curatorBrowserUser)
	browserType(t, ctx, `#login-password`, testPassword)
	resp := browserClick(t, ctx, `form[action="/login"] button[type=submit]`, "Log in")
	if resp.Status != http.StatusOK {
		t.Errorf("the page after logging in answered %d, want 200", resp.Status)
	}
	browserAt(t, ctx, base, "/")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid=account]`))); err != nil {
		t.Fatalf("wait for the account name in the header: %v", err)
	}
	if got := browserText(t, ctx, `[data-testid=account]`); got != curatorBrowserUser {
		t.Errorf("after logging in the header names the account %q, want %q", got, curatorBrowserUser)
	}
	if n := browserCount(t, ctx, `button[data-testid=logout]`); n != 1 {
		t.Errorf("after logging in the header has %d logout buttons, want 1", n)
	}
	browserCheckFlash(t, ctx, "Logged in as "+curatorBrowserUser+".")
}

// curatorBrowserFillStop fills the row i of the trip form; an empty end is
// left empty.
func curatorBrowserFillStop(t *testing.T, ctx context.Context, i int, country, locality, start, end string) {
	t.Helper()
	n := fmt.Sprint(i)
	browserType(t, ctx, `#stop-country-`+n, country)
	browserType(t, ctx, `#stop-locality-`+n, locality)
	browserSet(t, ctx, `#stop-start-`+n, start)
	if end != "" {
		browserSet(t, ctx, `#stop-end-`+n, end)
	}
}

// curatorBrowserCheckTripForm checks that the trip form holds the
// traveller, the title and the stops typed so far, and has rows in all.
func curatorBrowserCheckTripForm(t *testing.T, ctx context.Context, stops []curatorBrowserStop, rows int, when string) {
	t.Helper()
	got := browserEval[map[string]string](t, ctx, "the trip form's values",
		`Object.fromEntries([...document.querySelectorAll('form.stacked-form [id]')].filter(e => 'value' in e && e.type !== 'hidden' && e.tagName !== 'BUTTON').map(e => [e.id, e.value]))`)
	want := map[string]string{"trip-person": curatorBrowserTraveller, "trip-title": curatorBrowserTourTitle}
	for i := 0; i < rows; i++ {
		var s curatorBrowserStop
		if i < len(stops) {
			s = stops[i]
		}
		n := fmt.Sprint(i)
		want["stop-country-"+n], want["stop-locality-"+n] = s.Country, s.Locality
		want["stop-start-"+n], want["stop-end-"+n] = s.Start, s.End
	}
	for k, w := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s the form has no field #%s, want it holding %q", when, k, w)
		} else if g != w {
			t.Errorf("%s #%s holds %q, want %q", when, k, g, w)
		}
	}
}

// curatorBrowserCheckStops checks the three stops of the tour, in order.
func curatorBrowserCheckStops(t *testing.T, trip browserTripPage) {
	t.Helper()
	if len(trip.Stops) != len(curatorBrowserStops) {
		t.Fatalf("trip page shows %d stops %+v, want %d", len(trip.Stops), trip.Stops, len(curatorBrowserStops))
	}
	codes := []string{"TR", "GR", "JO"}
	for i, want := range curatorBrowserStops {
		got := trip.Stops[i]
		if got.Country != want.Country || got.CountryHref != "/countries/"+codes[i] || got.Locality != want.Locality || got.Start != want.Start || got.When != want.When {
			t.Errorf("stop %d shows %s (%s) %q from %s, %q; want %s (/countries/%s) %q from %s, %q",
				i+1, got.Country, got.CountryHref, got.Locality, got.Start, got.When, want.Country, codes[i], want.Locality, want.Start, want.When)
		}
	}
}

func curatorBrowserFindMeeting(t *testing.T, trip browserTripPage, id string) browserMeetingView {
	t.Helper()
	var ids []string
	for _, m := range trip.Meetings {
		if m.ID == id {
			return m
		}
		ids = append(ids, m.ID)
	}
	t.Fatalf("trip page shows no meeting #%s; meetings seen: %q", id, ids)
	return browserMeetingView{}
}

// curatorBrowserCheckParticipants checks the Secretary, picked from the
// people on record, and the new person with the office typed for them.
func curatorBrowserCheckParticipants(t *testing.T, m browserMeetingView) {
	t.Helper()
	if len(m.Participants) != 2 {
		t.Fatalf("meeting %s lists %d participants %+v, want 2", m.ID, len(m.Participants), m.Participants)
	}
	if p := m.Participants[0]; p.Href != "/people/"+curatorBrowserTraveller || p.Name == "" {
		t.Errorf("participant 1 is %q linking to %q, want the person on record at /people/%s", p.Name, p.Href, curatorBrowserTraveller)
	}
	if p := m.Participants[1]; p.Name != curatorBrowserNewPerson || p.Office != curatorBrowserOffice || !strings.HasPrefix(p.Href, "/people/") {
		t.Errorf("participant 2 is %q (%q) linking to %q, want %q (%q) with a person page", p.Name, p.Office, p.Href, curatorBrowserNewPerson, curatorBrowserOffice)
	}
}

// curatorBrowserCheckCitation checks the new source among the trip's own
// citations.
func curatorBrowserCheckCitation(t *testing.T, trip browserTripPage) {
	t.Helper()
	for _, c := range trip.Citations {
		if c.URL != curatorBrowserSourceURL {
			continue
		}
		if c.Title != curatorBrowserSourceName || c.Publisher != curatorBrowserPublisher || c.Published != "2025-03-06" ||
			c.Passage != curatorBrowserPassage || !regexp.MustCompile(`^/sources/[0-9]+$`).MatchString(c.Href) {
			t.Errorf("the citation of %s reads %+v; want title %q, publisher %q, published 2025-03-06, passage %q, a link to /sources/{id}",
				curatorBrowserSourceURL, c, curatorBrowserSourceName, curatorBrowserPublisher, curatorBrowserPassage)
		}
		return
	}
	t.Errorf("the trip header cites no source at %s; citations seen: %+v", curatorBrowserSourceURL, trip.Citations)
}

// curatorBrowserCheckCSV fetches the export of March 2025 as a visitor and
// finds the tour and its meeting in it.
func curatorBrowserCheckCSV(t *testing.T, ts *testServer, tripPath, meetingID string) {
	t.Helper()
	link := ts.URL + "/timeline.csv?from=2025-03-01&to=2025-03-31"
	resp, err := ts.Client().Get(link)
	if err != nil {
		t.Fatalf("GET %s: %v", link, err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("read %s: %v", link, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s answered %d, want 200; body: %.300s", link, resp.StatusCode, body)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("parse the CSV from %s: %v", link, err)
	}
	if len(rows) == 0 {
		t.Fatalf("CSV from %s is empty, want a header and rows", link)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"kind", "id", "countries", "title", "source_urls", "permalink"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("CSV header %q has no column %s", rows[0], name)
		}
	}
	tripID := strings.TrimPrefix(tripPath, "/trips/")
	mID := strings.TrimPrefix(meetingID, "meeting-")
	var trips, meetings [][]string
	for _, r := range rows[1:] {
		switch {
		case r[col["kind"]] == "trip" && r[col["id"]] == tripID:
			trips = append(trips, r)
		case r[col["kind"]] == "meeting" && r[col["id"]] == mID:
			meetings = append(meetings, r)
		}
	}
	if len(trips) != 1 {
		t.Fatalf("CSV from %s has %d rows of trip %s, want 1", link, len(trips), tripID)
	}
	r := trips[0]
	if got := r[col["title"]]; got != curatorBrowserTourTitle {
		t.Errorf("CSV row of trip %s has title %q, want %q", tripID, got, curatorBrowserTourTitle)
	}
	if got := r[col["countries"]]; got != "TR; GR; JO" {
		t.Errorf("CSV row of trip %s has countries %q, want %q", tripID, got, "TR; GR; JO")
	}
	if urls := strings.Split(r[col["source_urls"]], "; "); !slices.Contains(urls, curatorBrowserSourceURL) {
		t.Errorf("CSV row of trip %s has source_urls %q, want %s among them", tripID, r[col["source_urls"]], curatorBrowserSourceURL)
	}
	if got := r[col["permalink"]]; !strings.HasSuffix(got, tripPath) {
		t.Errorf("CSV row of trip %s has permalink %q, want one ending %s", tripID, got, tripPath)
	}
	if len(meetings) != 1 {
		t.Fatalf("CSV from %s has %d rows of meeting %s, want 1", link, len(meetings), mID)
	}
	if got := meetings[0][col["title"]]; got != curatorBrowserMeeting {
		t.Errorf("CSV row of meeting %s has title %q, want %q", mID, got, curatorBrowserMeeting)
	}
}

// curatorBrowserCheckPayloadTrip checks that the trip page shows the title
// and the locality typed as markup as their literal text, and made no
// element of them.
func curatorBrowserCheckPayloadTrip(t *testing.T, ctx context.Context) {
	t.Helper()
	trip := browserReadTrip(t, ctx)
	if trip.RawTitle != curatorBrowserTitlePayload {
		t.Errorf("the trip page's h1 has the text %q, want the title as typed, %q", trip.RawTitle, curatorBrowserTitlePayload)
	}
	if len(trip.Stops) != 1 || trip.Stops[0].RawLocality != curatorBrowserLocalityPayload {
		t.Errorf("the trip page shows the stops %+v, want one whose locality's text is %q", trip.Stops, curatorBrowserLocalityPayload)
	}
	if n := browserCount(t, ctx, `[data-testid=trip] h1 *, [data-testid=trip] .locality *`); n != 0 {
		t.Errorf("the trip page's h1 and locality hold %d elements, want none: the markup must be text", n)
	}
}

// curatorBrowserCheckInert checks that no script of the payloads ran on the
// page the browser shows, and that none became an element. The page's
// Content-Security-Policy forbids inline script, so window.__xss alone
// would not tell an escaped payload from a blocked one: the elements are
// counted too.
func curatorBrowserCheckInert(t *testing.T, ctx context.Context, dialogs *browserDialogs, where string) {
	t.Helper()
	got := browserEval[string](t, ctx, "typeof window.__xss "+where, `typeof window.__xss`)
	if got != "undefined" {
		v := browserEval[string](t, ctx, "window.__xss "+where, `String(window.__xss)`)
		t.Errorf("%s window.__xss is a %s (%s), want undefined: a payload ran", where, got, v)
	}
	if n := browserCount(t, ctx, `img[src="x"], [onerror]`); n != 0 {
		t.Errorf("%s the page has %d elements made of the title's markup (img[src=x] or [onerror]), want none", where, n)
	}
	scripts := browserEval[int](t, ctx, "the scripts "+where,
		`[...document.scripts].filter(s => s.textContent.includes('__xss')).length`)
	if scripts != 0 {
		t.Errorf("%s the page has %d script elements made of the locality's markup, want none", where, scripts)
	}
	dialogs.check(t, where)
}
