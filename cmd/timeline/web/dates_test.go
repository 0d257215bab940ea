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

// Defect 5 of issue 13: a fact of a trip dated outside it (or outside the
// stop it is at) is refused beside its date, on create and on edit; one
// that got in another way is flagged by the data checks.
func TestFactsDatedOutsideTheirTrip(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	id := ts.tourID(t)
	path := "/trips/" + itoa(int(id))
	trip, err := ts.store.Trip(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	var qatar int64
	for _, s := range trip.Stops {
		if s.Country == "QA" {
			qatar = s.ID
		}
	}
	dateError := func(resp *http.Response, body string) string {
		t.Helper()
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%d, want 422", resp.StatusCode)
		}
		return docOf(t, body).Find(`#f-date ~ [data-testid=field-error], #m-date ~ [data-testid=field-error], [data-testid=field-error]`).Text()
	}

	t.Run("MeetingAtAStopOnAnotherDay", func(t *testing.T) {
		msg := dateError(c.post(t, path+"/meetings", url.Values{"date": {"2024-11-30"}, "stop": {itoa(int(qatar))}, "title": {"x"}, "op": {"save"}}))
		if !strings.Contains(msg, "The stop in Qatar runs") {
			t.Errorf("message %q", msg)
		}
	})
	t.Run("MeetingOutsideTheTrip", func(t *testing.T) {
		msg := dateError(c.post(t, path+"/meetings", url.Values{"date": {"2024-11-30"}, "title": {"x"}, "op": {"save"}}))
		if !strings.Contains(msg, "The trip runs 22–25 October 2024") {
			t.Errorf("message %q", msg)
		}
	})
	t.Run("QuoteOfAnotherYear", func(t *testing.T) {
		msg := dateError(c.post(t, path+"/quotes", url.Values{"person": {"blinken-antony-j"}, "date": {"2020-01-01"}, "text": {"x"}}))
		if !strings.Contains(msg, "outside it") {
			t.Errorf("message %q", msg)
		}
	})
	t.Run("OnEditToo", func(t *testing.T) {
		form := c.formOn(t, "/meetings/4/edit")
		form.Set("date", "2024-11-30")
		if msg := dateError(c.post(t, "/meetings/4/edit", form)); !strings.Contains(msg, "runs") {
			t.Errorf("message %q", msg)
		}
		form = c.formOn(t, "/quotes/1/edit")
		form.Set("date", "2020-01-01")
		if msg := dateError(c.post(t, "/quotes/1/edit", form)); !strings.Contains(msg, "a quote on 1 January 2020 is not at it") {
			t.Errorf("message %q", msg)
		}
	})
	t.Run("TheChecksFlagOnesThatGotIn", func(t *testing.T) {
		m := &timeline.Meeting{TripID: id, Date: timeline.MustDate("2024-11-30"), Title: "Dinner a month later", Status: timeline.Draft}
		if err := ts.store.CreateMeetingWith(ctx, store.Actor{Name: "import"}, m, nil); err != nil {
			t.Fatal(err)
		}
		_, body := c.get(t, "/curate/checks")
		if !strings.Contains(body, "Dinner a month later") || !strings.Contains(body, "outside its trip") {
			t.Error("the checks do not flag a meeting dated outside its trip")
		}
	})
	t.Run("TheDayOfAOneDayStopIsTaken", func(t *testing.T) {
		var oneDay timeline.Stop
		for _, s := range trip.Stops {
			if !s.End.Valid() || s.End == s.Start {
				oneDay = s
			}
		}
		if oneDay.ID == 0 {
			t.Fatal("the demo's tour has no one-day stop (Doha, 24 October 2024) to test with")
		}
		resp, body := c.post(t, path+"/meetings", url.Values{"stop": {itoa(int(oneDay.ID))}, "title": {"Talks at a one-day stop"}, "op": {"save"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("a meeting at a one-day stop with no date: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
	})
}
