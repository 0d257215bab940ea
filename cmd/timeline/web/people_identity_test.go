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

// A curator merges a duplicate person through the form, the old address
// redirects, the merge is listed with its reason and undone from the list;
// a split through its form moves the chosen trip; a bad choice comes back
// beside its field with nothing changed.
func TestPersonMergeSplitForms(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	dup := &timeline.Person{Slug: "benjamin-netanyahu-2", Name: "Binyamin Netanyahu", Country: "IL"}
	if err := ts.store.CreatePerson(ctx, store.Actor{Name: "test"}, dup); err != nil {
		t.Fatal(err)
	}
	// The form offers the namesake.
	resp, body := c.get(t, "/people/benjamin-netanyahu-2/merge")
	if resp.StatusCode != http.StatusOK || docOf(t, body).Find(`select[name=into] option[value="netanyahu-benjamin"]`).Length() != 1 {
		t.Fatalf("merge form %d:\n%s", resp.StatusCode, clipBody([]byte(body)))
	}
	v0, _ := ts.store.DataVersion(ctx)
	resp, body = c.post(t, "/people/benjamin-netanyahu-2/merge", url.Values{"into_slug": {"nobody-here"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(docOf(t, body).Find(".field").First().Text(), "No person has the slug nobody-here") {
		t.Errorf("merge into an unknown slug: %d\n%s", resp.StatusCode, clipBody([]byte(body)))
	}
	if v, _ := ts.store.DataVersion(ctx); v != v0 {
		t.Error("a refused merge changed the record")
	}
	resp, _ = c.post(t, "/people/benjamin-netanyahu-2/merge", url.Values{"into": {"netanyahu-benjamin"}, "reason": {"the same prime minister"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/people/netanyahu-benjamin" {
		t.Fatalf("merge: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, _ = c.get(t, "/people/benjamin-netanyahu-2")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/people/netanyahu-benjamin" {
		t.Errorf("the merged address: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = c.get(t, "/people/netanyahu-benjamin")
	doc := docOf(t, body)
	if !strings.Contains(doc.Find("header").Text(), "Binyamin Netanyahu") || doc.Find(`[data-testid=person-merges] [data-kind=merge]`).Length() != 1 {
		t.Errorf("the kept person's page does not show the merge:\n%s", clipBody([]byte(body)))
	}
	_, body = c.get(t, "/curate/people/merges")
	doc = docOf(t, body)
	row := doc.Find(`[data-testid=merge-row][data-kind=merge]`)
	if row.Length() != 1 || !strings.Contains(row.Text(), "the same prime minister") {
		t.Fatalf("the list of merges:\n%s", clipBody([]byte(body)))
	}
	action, _ := row.Find("form").Attr("action")
	if resp, _ := c.post(t, action, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo: %d", resp.StatusCode)
	}
	if resp, _ := c.get(t, "/people/benjamin-netanyahu-2"); resp.StatusCode != http.StatusOK {
		t.Errorf("after the undo the person is back: %d", resp.StatusCode)
	}

	// Split: nothing chosen is refused beside the field; then the demo tour
	// of Blinken goes to a new person.
	resp, body = c.post(t, "/people/blinken-antony-j/split", url.Values{"name": {"Someone Else"}, "trips": {"x1"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(docOf(t, body).Find("[data-testid=field-trips]").Text(), "not a trip") {
		t.Errorf("a bad split: %d\n%s", resp.StatusCode, clipBody([]byte(body)))
	}
	_, body = c.get(t, "/people/blinken-antony-j/split")
	first, _ := docOf(t, body).Find(`[data-testid=field-trips] input`).First().Attr("value")
	resp, _ = c.post(t, "/people/blinken-antony-j/split", url.Values{"name": {"Someone Else"}, "trips": {first}, "reason": {"test"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/people/someone-else" {
		t.Fatalf("split: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, body := c.get(t, "/people/someone-else"); resp.StatusCode != http.StatusOK || docOf(t, body).Find(`a[href="/trips/`+first+`"]`).Length() == 0 {
		t.Errorf("the split-off person's page: %d", resp.StatusCode)
	}
	// A Wikidata id is checked, shown and linked.
	resp, body = c.post(t, "/people/herzog-isaac/edit", url.Values{"name": {"Isaac Herzog"}, "country": {"IL"}, "wikidata": {"Herzog"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Q followed by digits") {
		t.Errorf("a bad Wikidata id: %d", resp.StatusCode)
	}
	if resp, _ := c.post(t, "/people/herzog-isaac/edit", url.Values{"name": {"Isaac Herzog"}, "country": {"IL"}, "wikidata": {"Q4000001"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving a Wikidata id: %d", resp.StatusCode)
	}
	_, page := ts.get(t, "/people/herzog-isaac")
	if href, _ := docOf(t, string(page)).Find(`[data-testid=identifiers] a`).Attr("href"); href != "https://www.wikidata.org/wiki/Q4000001" {
		t.Errorf("the identifier's link: %q", href)
	}
}
