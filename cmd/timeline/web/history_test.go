package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
)

// Issue 13: history reads as a reader compares versions. A stop's change
// is one row, a text's change word by word, participants by name; a trip
// has one history with everything on it, in pages; and one change can be
// undone alone.
func TestHistoryIsReadable(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	tour := "/trips/" + itoa(int(ts.tourID(t)))
	rows := func(path string) (*goquery.Selection, string) {
		_, body := c.get(t, path)
		return docOf(t, body).Find(`[data-testid=revision]`), body
	}

	// A one-word stop change (Riyadh to Jeddah) is one row.
	form := c.formOn(t, tour+"/edit")
	i := -1
	for j, loc := range form["stop_locality"] {
		if loc == "Riyadh" {
			i = j
		}
	}
	if i < 0 {
		t.Fatalf("the tour has no Riyadh stop: %q", form["stop_locality"])
	}
	form["stop_locality"][i] = "Jeddah"
	mustSave(t, c, tour+"/edit", form)
	revs, body := rows(tour + "/history")
	first := revs.First()
	if strings.Contains(body, `[{`) || strings.Contains(body, `"Locality"`) {
		t.Error("the history shows raw JSON")
	}
	var changed []string
	first.Find(`[data-testid=field-change]`).Each(func(_ int, s *goquery.Selection) {
		changed = append(changed, cells(s))
	})
	if len(changed) != 1 || !strings.HasSuffix(changed[0], ": locality | Riyadh | Jeddah") {
		t.Errorf("the stop change reads %q, want one row of its locality", changed)
	}

	// A goal's text, word by word, in the trip's one history.
	g := c.formOn(t, "/goals/1/edit")
	g.Set("text", g.Get("text")+" at once")
	mustSave(t, c, "/goals/1/edit", g)
	revs, _ = rows(tour + "/history")
	if of := revs.First().Find(`[data-testid=change-of]`).Text(); of != "goal 1" {
		t.Errorf("the trip's history does not show the goal's change first: %q", of)
	}
	if ins := revs.First().Find("ins").Text(); ins != "at once" {
		t.Errorf("the words added read %q, want “at once”", ins)
	}

	// Participants by name.
	p := c.formOn(t, "/meetings/4/participants")
	p["keep"] = p["keep"][1:]
	mustSave(t, c, "/meetings/4/participants", p)
	revs, _ = rows("/history/meeting/4")
	if got := cells(revs.First().Find(`[data-testid=field-change]`)); got != "participants: removed | Antony J. Blinken | " {
		t.Errorf("the participants change reads %q", got)
	}

	// One change undone alone: the outcome's, while the text's stays.
	g = c.formOn(t, "/goals/1/edit")
	g.Set("outcome", "A changed outcome.")
	mustSave(t, c, "/goals/1/edit", g)
	revs, _ = rows("/history/goal/1")
	textChange, _ := revs.Eq(1).Find(`[data-testid=undo-change]`).Closest("form").Attr("action")
	outcomeChange, _ := revs.First().Find(`[data-testid=undo-change]`).Closest("form").Attr("action")
	mustSave(t, c, outcomeChange, nil)
	after := c.formOn(t, "/goals/1/edit")
	if after.Get("outcome") == "A changed outcome." || !strings.HasSuffix(after.Get("text"), "at once") {
		t.Errorf("after undoing the outcome's change: text %q, outcome %q", after.Get("text"), after.Get("outcome"))
	}
	// A change whose field has changed again since is not undone: the
	// later text is never overwritten.
	g = c.formOn(t, "/goals/1/edit")
	g.Set("text", "A third text.")
	mustSave(t, c, "/goals/1/edit", g)
	resp, body := c.post(t, textChange, url.Values{})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "changed again since") {
		t.Errorf("undoing a change whose field changed since: %d", resp.StatusCode)
	}
	if got := c.formOn(t, "/goals/1/edit").Get("text"); got != "A third text." {
		t.Errorf("a refused undo changed the text to %q", got)
	}

	// The desk's changes come in pages of 20, collapsed.
	for n := 0; n < 21; n++ {
		g = c.formOn(t, "/goals/2/edit")
		g.Set("outcome", "Outcome "+itoa(n))
		mustSave(t, c, "/goals/2/edit", g)
	}
	_, body = c.get(t, "/curate")
	d := docOf(t, body)
	if n := d.Find(`[data-testid=change]`).Length(); n != 20 {
		t.Errorf("the desk lists %d changes, want a page of 20", n)
	}
	older, _ := d.Find(`[data-testid=older]`).Attr("href")
	if older != "/curate?page=2" {
		t.Fatalf("the older page is %q", older)
	}
	_, body = c.get(t, older)
	if n := docOf(t, body).Find(`[data-testid=change]`).Length(); n == 0 {
		t.Error("the second page lists nothing")
	}
}

// cells is a row of a change's table, its cells joined by " | ".
func cells(row *goquery.Selection) string {
	var out []string
	row.Children().Each(func(_ int, c *goquery.Selection) { out = append(out, strings.Join(strings.Fields(c.Text()), " ")) })
	return strings.Join(out, " | ")
}
