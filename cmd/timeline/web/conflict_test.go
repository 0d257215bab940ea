package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// twoCurators logs in ada and bob, each with their own session.
func twoCurators(t *testing.T, ts *testServer) (ada, bob *curatorClient) {
	ts.addUser(t, "ada", store.RoleCurator)
	ts.addUser(t, "bob", store.RoleCurator)
	return ts.login(t, "ada"), ts.login(t, "bob")
}

// mustSave posts a form that must be saved, and returns the flash shown
// where it leads.
func mustSave(t *testing.T, c *curatorClient, path string, form url.Values) string {
	t.Helper()
	resp, body := c.post(t, path, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST %s: %d, want 303\n%s", path, resp.StatusCode, clipBody([]byte(body)))
	}
	_, page := c.get(t, resp.Header.Get("Location"))
	return strings.Join(strings.Fields(docOf(t, page).Find(".flashes").Text()), " ")
}

// mustConflict posts a form that must come back with a conflict on field,
// theirs shown beside it, and returns the page.
func mustConflict(t *testing.T, c *curatorClient, path string, form url.Values, field, theirs string) string {
	t.Helper()
	resp, body := c.post(t, path, form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("POST %s: %d, want 422 with a conflict\n%s", path, resp.StatusCode, clipBody([]byte(body)))
	}
	box := docOf(t, body).Find(`[data-testid="conflict-` + field + `"]`)
	if box.Length() != 1 || !strings.Contains(box.Text(), theirs) {
		t.Fatalf("no conflict on %s showing theirs %q:\n%s", field, theirs, clipBody([]byte(body)))
	}
	return body
}

// Defect 1 of issue 13: two tabs edit one trip; the second save must not
// wipe the first. Fields that do not overlap merge; a field both changed
// is shown with both versions and nothing is saved until one is chosen.
func TestTripEditsNeverOverwriteSilently(t *testing.T) {
	ts := newTestServer(t)
	ada, bob := twoCurators(t, ts)
	id := ts.tourID(t)
	path := "/trips/" + itoa(int(id)) + "/edit"
	trip := func() (title, summary string, localities []string) {
		tr, _, err := ts.store.TripForCurator(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tr.Stops {
			localities = append(localities, s.Locality)
		}
		return tr.Title, tr.Summary, localities
	}

	t.Run("FieldsThatDoNotOverlapMerge", func(t *testing.T) {
		a, b := ada.formOn(t, path), bob.formOn(t, path)
		a.Set("summary", "Ada's summary.")
		mustSave(t, ada, path, a)
		b.Set("title", "Bob's title")
		flash := mustSave(t, bob, path, b)
		if title, summary, _ := trip(); title != "Bob's title" || summary != "Ada's summary." {
			t.Errorf("after both saves: title %q, summary %q; want each curator's change", title, summary)
		}
		if !strings.Contains(flash, "changed by ada since you opened it") {
			t.Errorf("the merge is not said: %q", flash)
		}
	})

	t.Run("StopsMergeRowByRow", func(t *testing.T) {
		a, b := ada.formOn(t, path), bob.formOn(t, path)
		a["stop_locality"][0] = "Tel Aviv (Ada)"
		mustSave(t, ada, path, a)
		b["stop_locality"][1] = "Riyadh (Bob)"
		mustSave(t, bob, path, b)
		if _, _, locs := trip(); locs[0] != "Tel Aviv (Ada)" || locs[1] != "Riyadh (Bob)" {
			t.Errorf("localities %q: each curator's stop change must be kept", locs)
		}
	})

	t.Run("SameFieldIsAConflict", func(t *testing.T) {
		a, b := ada.formOn(t, path), bob.formOn(t, path)
		a.Set("summary", "Ada's second summary.")
		a["stop_locality"][0] = "Jerusalem (Ada)"
		mustSave(t, ada, path, a)
		b.Set("summary", "Bob's summary.")
		b["stop_locality"][0] = "Jerusalem (Bob)"
		page := mustConflict(t, bob, path, b, "summary", "Ada's second summary.")
		mustConflict(t, bob, path, b, "stops.0.locality", "Jerusalem (Ada)")
		if _, summary, locs := trip(); summary != "Ada's second summary." || locs[0] != "Jerusalem (Ada)" {
			t.Fatalf("a conflicting save changed the trip: summary %q, stop %q", summary, locs[0])
		}
		// The form comes back with Bob's values and the new version:
		// saving it again is Bob's choice, and takes his summary, while
		// he takes Ada's locality.
		again := formIn(docOf(t, page).Find("main form.stacked-form"))
		if again.Get("summary") != "Bob's summary." {
			t.Fatalf("the conflict lost Bob's text: %q", again.Get("summary"))
		}
		again.Add("take_theirs", "stops.0.locality")
		mustSave(t, bob, path, again)
		if _, summary, locs := trip(); summary != "Bob's summary." || locs[0] != "Jerusalem (Ada)" {
			t.Errorf("after choosing: summary %q, stop %q; want Bob's summary and Ada's stop", summary, locs[0])
		}
	})

	t.Run("AStopRemovedByOneAndChangedByTheOtherIsKept", func(t *testing.T) {
		a, b := ada.formOn(t, path), bob.formOn(t, path)
		n := len(a["stop_id"])
		for _, k := range []string{"stop_id", "stop_country", "stop_locality", "stop_start", "stop_end", "stop_remarks"} {
			a[k] = a[k][:n-1]
		}
		mustSave(t, ada, path, a)
		b["stop_remarks"][n-1] = "Bob's remark"
		resp, body := bob.post(t, path, b)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Removed by someone else") {
			t.Fatalf("Bob's change to a stop Ada removed: %d, want 422 saying so\n%s", resp.StatusCode, clipBody([]byte(body)))
		}
		if _, _, locs := trip(); len(locs) != n-1 {
			t.Errorf("the trip has %d stops, want Ada's %d", len(locs), n-1)
		}
	})
}

// The same holds for a meeting, whose fields and participants are two
// forms of one record.
func TestMeetingEditsNeverOverwriteSilently(t *testing.T) {
	ts := newTestServer(t)
	ada, bob := twoCurators(t, ts)
	const edit, parts = "/meetings/4/edit", "/meetings/4/participants"
	meeting := func() (string, []string) {
		m, err := ts.store.Meeting(context.Background(), 4, true)
		if err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, p := range m.Participants {
			slugs = append(slugs, p.PersonSlug)
		}
		return m.Title, slugs
	}
	_, before := meeting()

	a, b := ada.formOn(t, edit), bob.formOn(t, parts)
	a.Set("title", "Talks in Doha")
	mustSave(t, ada, edit, a)
	b["keep"] = b["keep"][1:] // Bob removes the first participant
	mustSave(t, bob, parts, b)
	title, slugs := meeting()
	if title != "Talks in Doha" || slices.Contains(slugs, before[0]) || len(slugs) != len(before)-1 {
		t.Fatalf("after a title change and a removal: %q with %q", title, slugs)
	}

	// Ada adds a participant while Bob, from an older form, removes
	// another: both changes hold.
	a, b = ada.formOn(t, parts), bob.formOn(t, parts)
	a["part_person"] = []string{before[0], ""}
	mustSave(t, ada, parts, a)
	b["keep"] = b["keep"][1:]
	flash := mustSave(t, bob, parts, b)
	_, slugs = meeting()
	if !slices.Contains(slugs, before[0]) || slices.Contains(slugs, before[1]) {
		t.Errorf("participants %q: want Ada's addition (%s) and Bob's removal (%s)", slugs, before[0], before[1])
	}
	if !strings.Contains(flash, "added since are kept") {
		t.Errorf("the merge is not said: %q", flash)
	}

	// Both change the meeting's title: a conflict.
	a, b = ada.formOn(t, edit), bob.formOn(t, edit)
	a.Set("title", "Ada's title")
	mustSave(t, ada, edit, a)
	b.Set("title", "Bob's title")
	mustConflict(t, bob, edit, b, "title", "Ada's title")
	if title, _ := meeting(); title != "Ada's title" {
		t.Errorf("a conflicting save changed the title to %q", title)
	}
}

// Every record form carries its version: two edits of different fields
// merge, two of one field conflict, and "take theirs" keeps the other's.
func TestRecordEditsNeverOverwriteSilently(t *testing.T) {
	ts := newTestServer(t)
	ada, bob := twoCurators(t, ts)
	mustSave(t, ada, "/curate/regions", url.Values{"code": {"GULFX"}, "name": {"Gulf"}, "members": {"Qatar, Oman"}, "notes": {"first"}})
	for _, tc := range []struct {
		kind, path, field, other, otherValue string
	}{
		{"goal", "/goals/1", "outcome", "text", "Bob's goal"},
		{"source", "/sources/1", "title", "publisher", "Bob's publisher"},
		{"person", "/people/blinken-antony-j", "notes", "name", "Antony John Blinken"},
		{"region", "/regions/GULFX", "notes", "name", "Bob's Gulf"},
		{"event", "/events/2", "summary", "title", "Bob's title"},
		{"quote", "/quotes/1", "text", "date", "2024-10-23"},
		{"counter", "/counters/1", "label", "since", "2023-10-08"},
		{"claim", "/claims/1", "text", "stated", "12"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			path := tc.path + "/edit"
			field := func() string { return ada.formOn(t, path).Get(tc.field) }
			a, b := ada.formOn(t, path), bob.formOn(t, path)
			otherBefore := a.Get(tc.other)
			a.Set(tc.field, "Ada's words")
			mustSave(t, ada, path, a)
			b.Set(tc.field, "Bob's words")
			page := mustConflict(t, bob, path, b, tc.field, "Ada's words")
			if got := field(); got != "Ada's words" {
				t.Fatalf("a conflicting save changed %s to %q", tc.field, got)
			}
			again := formIn(docOf(t, page).Find("main form.stacked-form"))
			again.Add("take_theirs", tc.field)
			mustSave(t, bob, path, again)
			if got := field(); got != "Ada's words" {
				t.Errorf("taking theirs saved %q", got)
			}
			if got := ada.formOn(t, path).Get(tc.other); got != otherBefore {
				t.Errorf("%s changed to %q", tc.other, got)
			}

			// Ada changes one field, Bob another: both are kept.
			a, b = ada.formOn(t, path), bob.formOn(t, path)
			a.Set(tc.field, "Ada's second words")
			mustSave(t, ada, path, a)
			b.Set(tc.other, tc.otherValue)
			if flash := mustSave(t, bob, path, b); !strings.Contains(flash, "changed by ada since you opened it") {
				t.Errorf("the merge is not said: %q", flash)
			}
			if got, other := field(), ada.formOn(t, path).Get(tc.other); got != "Ada's second words" || other != tc.otherValue {
				t.Errorf("after both saves: %s %q, %s %q; want each curator's change", tc.field, got, tc.other, other)
			}
		})
	}
}
