package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/store"
)

// Defect 9 of issue 13: when the session has ended, a posted form is not
// lost. The login form carries it, and after logging in the curator gets
// it back with what they typed and saves it with one button.
func TestAFormPostedAfterTheSessionEndedIsKept(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	clock := time.Now()
	ts.app.sessions.now = func() time.Time { return clock }
	c := ts.login(t, "ada")
	ctx := context.Background()
	id := ts.tourID(t)
	edit := "/trips/" + itoa(int(id)) + "/edit"
	form := c.formOn(t, edit)
	form.Set("summary", "Typed during a long lunch.")
	form.Set("op", "save")

	clock = clock.Add(sessionIdle + time.Minute)
	resp, body := c.post(t, edit, form)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a save after the session ended: %d, want 401 with the login form", resp.StatusCode)
	}
	d := docOf(t, body)
	if !strings.Contains(d.Find(`[data-testid=login-error]`).Text(), "what you typed is kept") {
		t.Errorf("the login form does not say the form is kept: %q", d.Find(`[data-testid=login-error]`).Text())
	}
	if trip, _, _ := ts.store.TripForCurator(ctx, id); trip.Summary == "Typed during a long lunch." {
		t.Fatal("a save without a session changed the trip")
	}
	login := formIn(d.Find(`form[action="/login"]`))
	if login.Get("resume_action") != edit {
		t.Fatalf("the login form carries %q, want the form's action", login.Get("resume_action"))
	}
	login.Set("name", "ada")
	login.Set("password", testPassword)
	resp, _ = c.post(t, "/login", login)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/curate/resume" {
		t.Fatalf("login: %d to %q, want the kept form", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = c.get(t, "/curate/resume")
	d = docOf(t, body)
	if !strings.Contains(d.Find(`[data-testid=resume]`).Text(), "Typed during a long lunch.") {
		t.Fatal("the kept form does not show what was typed")
	}
	saved := formIn(d.Find(`[data-testid=resume] form`))
	if resp, body := c.post(t, edit, saved); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving the kept form: %d %s", resp.StatusCode, clipBody([]byte(body)))
	}
	if trip, _, _ := ts.store.TripForCurator(ctx, id); trip.Summary != "Typed during a long lunch." {
		t.Errorf("after saving the kept form the summary is %q", trip.Summary)
	}
	// Shown once: the next visit goes to the desk.
	if resp, _ := c.get(t, "/curate/resume"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the kept form is shown twice: %d", resp.StatusCode)
	}
	// A password typed into a form is never carried.
	resp, body = ts.client(t).post(t, "/admin/users", url.Values{"name": {"bob"}, "password": {"secret words here"}})
	if strings.Contains(body, "secret words here") {
		t.Errorf("a password was carried through the login form (%d)", resp.StatusCode)
	}
}

// After logging in from a page's "Curator login" link, the curator is back
// on that page.
func TestLoginReturnsToThePage(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.client(t)
	tour := "/trips/" + itoa(int(ts.tourID(t)))
	_, body := c.get(t, tour)
	link, _ := docOf(t, body).Find(`[data-testid=login-link]`).Attr("href")
	login := c.formOn(t, link)
	login.Set("name", "ada")
	login.Set("password", testPassword)
	resp, _ := c.post(t, "/login", login)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != tour {
		t.Errorf("after logging in from %s: %d to %q", tour, resp.StatusCode, resp.Header.Get("Location"))
	}
}
