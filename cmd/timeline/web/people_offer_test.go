package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// Defect 4 of issue 13: typing the name of a person on record into a
// meeting's form offers that person instead of making a second one; a
// curator who means someone else says so.
func TestMeetingFormOffersThePersonOnRecord(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	path := "/trips/" + itoa(int(ts.tourID(t)))
	people := func() int {
		n := 0
		ps, _ := ts.store.People(ctx)
		n = len(ps)
		return n
	}
	before := people()
	form := url.Values{"date": {"2024-10-24"}, "title": {"Talks"}, "op": {"save"},
		"part_person": {""}, "part_name": {"  antony j.   BLÍNKEN "}, "part_title": {""}, "part_body": {""}}
	resp, body := c.post(t, path+"/meetings", form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "On record already: Antony J. Blinken — Secretary of State") {
		t.Fatalf("a name on record: %d, want the person offered\n%s", resp.StatusCode, clipBody([]byte(body)))
	}
	if people() != before {
		t.Fatal("the offer made a person")
	}
	again := formIn(docOf(t, body).Find("main form.stacked-form"))
	if again.Get("part_person") != "blinken-antony-j" {
		t.Fatalf("the person on record is not chosen in the row: %q", again.Get("part_person"))
	}
	again.Set("op", "save")
	if resp, body := c.post(t, path+"/meetings", again); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving with the person offered: %d %s", resp.StatusCode, clipBody([]byte(body)))
	}
	if people() != before {
		t.Errorf("using the person on record made a person: %d, want %d", people(), before)
	}

	// Someone else of the same name, said so, is a new person.
	again.Set("part_new", "0")
	again.Set("title", "Talks with the other Blinken")
	if resp, body := c.post(t, path+"/meetings", again); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("someone else: %d %s", resp.StatusCode, clipBody([]byte(body)))
	}
	if people() != before+1 {
		t.Errorf("someone else, said so, made %d people, want 1", people()-before)
	}
}
