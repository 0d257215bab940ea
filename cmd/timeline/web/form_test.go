package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// A number or a picked id that does not parse is reported beside its
// field, and nothing is saved: it never becomes 0 (which would read as
// "no stop" or "no counter").
func TestFormsReportBadNumbers(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	tour := "/trips/" + itoa(int(ts.tourID(t)))
	checkRefused(t, ts, c, tour+"/claims", []formCase{
		{"ErrStatedNotANumber", url.Values{"counter": {"1"}, "stated": {"eleven"}, "text": {"11th trip"}}, "stated", "whole number, such as 11"},
		{"ErrCounterNotAnID", url.Values{"counter": {"first"}, "stated": {"11"}, "text": {"11th trip"}}, "counter", "Choose one of the list."},
	})
	checkRefused(t, ts, c, "/claims/1/edit", []formCase{
		{"ErrStatedNotANumber", url.Values{"counter": {"1"}, "stated": {"11.5"}, "text": {"x"}}, "stated", "whole number"},
	})
	checkRefused(t, ts, c, "/curate/counters", []formCase{
		{"ErrGapNotANumber", url.Values{"person": {"blinken-antony-j"}, "since": {"2023-10-07"}, "unit": {"trips"}, "rule": {"gap"}, "gap_days": {"two"}}, "gap_days", "whole number of days"},
	})
	checkRefused(t, ts, c, "/quotes/1/edit", []formCase{
		{"ErrStopNotAnID", url.Values{"person": {"blinken-antony-j"}, "date": {"2024-10-22"}, "stop": {"Doha"}, "text": {"x"}}, "stop", "Choose one of the list."},
		{"ErrStopOfAnotherTrip", url.Values{"person": {"blinken-antony-j"}, "date": {"2024-10-22"}, "stop": {"1"}, "text": {"x"}}, "stop", "not on this trip"},
	})
	checkRefused(t, ts, c, "/meetings/5/edit", []formCase{
		{"ErrStopNotAnID", url.Values{"date": {"2024-10-25"}, "stop": {"-3"}, "title": {"Talks"}}, "stop", "Choose one of the list."},
	})
}

// A country the catalogue does not know gets the same message on every
// form, new or edit: the store's catalogue resolves them all.
func TestFormsOneCountryMessage(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	const want = `Unknown country "Atlantis": type its name or code, such as Qatar or QA.`
	event := url.Values{"title": {"Talks"}, "kind": {"summit"}, "date": {"2024-10-16"}, "precision": {"day"}, "country": {"Atlantis"}}
	checkRefused(t, ts, c, "/curate/events", []formCase{{"ErrNewEvent", event, "country", want}})
	checkRefused(t, ts, c, "/events/2/edit", []formCase{{"ErrEditEvent", event, "country", want}})
	checkRefused(t, ts, c, "/curate/people", []formCase{{"ErrNewPerson", url.Values{"name": {"Ada Lovelace"}, "country": {"Atlantis"}}, "country", want}})
	checkRefused(t, ts, c, "/people/blinken-antony-j/edit", []formCase{{"ErrEditPerson", url.Values{"name": {"Antony J. Blinken"}, "country": {"Atlantis"}}, "country", want}})
	counter := url.Values{"person": {"blinken-antony-j"}, "country": {"Atlantis"}, "since": {"2023-10-07"}, "unit": {"stops"}, "rule": {"stored"}}
	checkRefused(t, ts, c, "/curate/counters", []formCase{{"ErrNewCounter", counter, "country", want}})
	checkRefused(t, ts, c, "/counters/1/edit", []formCase{{"ErrEditCounter", counter, "country", want}})
	checkRefused(t, ts, c, "/people/blinken-antony-j/offices", []formCase{{"ErrNewOffice", url.Values{"title": {"Envoy"}, "country": {"Atlantis"}}, "country", want}})
}

// A save that succeeds reads nothing for the form it does not show: the
// pickers (every person, every country) and the page's frame are loaded
// only when the form comes back with its messages. Each form is posted
// twice, once refused (its form shown again) and once saved: the saved one
// reads fewer queries (a save that loaded the pickers would read as many).
func TestSavesLoadNoPickers(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	tour := "/trips/" + itoa(int(ts.tourID(t)))
	reads := func(path string, form url.Values, want int) int64 {
		t.Helper()
		before := ts.store.Reads()
		if resp, body := c.post(t, path, form); resp.StatusCode != want {
			t.Fatalf("POST %s: %d, want %d\n%s", path, resp.StatusCode, want, clipBody([]byte(body)))
		}
		return ts.store.Reads() - before
	}
	bad := tripFormValues("Refused")
	bad["stop_start"] = []string{"2025-02-01", "not a date", "2025-02-04"}
	goal := url.Values{"text": {"A stated goal"}, "stated_by": {"blinken-antony-j"}}
	badGoal := url.Values{"text": {""}, "stated_by": {"blinken-antony-j"}}
	meeting := url.Values{"date": {"2024-10-22"}, "title": {"Talks"}, "part_person": {"blinken-antony-j"}}
	badMeeting := url.Values{"date": {"someday"}, "title": {"Talks"}, "part_person": {"blinken-antony-j"}}
	for _, tc := range []struct {
		name      string
		path      string
		good, bad url.Values
	}{
		{"trip", "/curate/trips", tripFormValues("Saved"), bad},
		{"goal", tour + "/goals", goal, badGoal},
		{"meeting", tour + "/meetings", meeting, badMeeting},
	} {
		refused := reads(tc.path, tc.bad, http.StatusUnprocessableEntity)
		saved := reads(tc.path, tc.good, http.StatusSeeOther)
		t.Logf("%s: %d reads refused, %d saved", tc.name, refused, saved)
		if saved >= refused {
			t.Errorf("%s: a save read %d queries and a refusal %d: the save loads what only the form shows", tc.name, saved, refused)
		}
	}
}
