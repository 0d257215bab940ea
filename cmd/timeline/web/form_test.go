package web

import (
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
