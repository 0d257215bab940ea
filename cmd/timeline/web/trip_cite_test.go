package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
)

// Issue 13: one source is cited for several facts of a trip at once, each
// with its own passage, and the next citation form starts from it.
func TestCiteOneSourceForSeveralFacts(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	id := ts.tourID(t)
	tour := "/trips/" + itoa(int(id))

	_, body := c.get(t, tour)
	if href, _ := docOf(t, body).Find(`[data-testid=cite-many]`).Attr("href"); href != tour+"/cite" {
		t.Fatalf("the trip bar offers %q, want %s/cite", href, tour)
	}
	form := c.formOn(t, tour+"/cite")
	facts := form["fact"]
	if len(facts) == 0 {
		t.Fatal("no fact is ticked to begin with, though some have no source")
	}
	_, body = c.get(t, tour+"/cite")
	var all []string
	docOf(t, body).Find(`[data-testid=cite-fact] input[type=checkbox]`).Each(func(_ int, s *goquery.Selection) {
		v, _ := s.Attr("value")
		all = append(all, v)
	})
	if len(all) < 6 {
		t.Fatalf("the form lists %d facts, want at least 6", len(all))
	}
	form["fact"] = all[:6]
	form.Set("url", "https://example.org/one-article-many-facts?utm_source=x")
	form.Set("title", "One article, many facts")
	form.Set("publisher", "Example")
	for i, key := range all[:6] {
		form.Set("passage."+key, "Passage "+itoa(i+1)+".")
	}

	// Nothing ticked: refused, nothing linked.
	none := cloneValues(form)
	delete(none, "fact")
	if resp, body := c.post(t, tour+"/cite", none); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tick at least one fact") {
		t.Fatalf("no fact ticked: %d", resp.StatusCode)
	}

	if flash := mustSave(t, c, tour+"/cite", form); !strings.Contains(flash, "Source cited for 6 facts.") {
		t.Errorf("flash %q", flash)
	}
	src, err := ts.store.SourceByURL(ctx, "https://example.org/one-article-many-facts")
	if err != nil || src == nil {
		t.Fatalf("the new source: %v", err)
	}
	sup, _ := ts.store.SupportedBy(ctx, src.ID)
	if len(sup) != 6 {
		t.Fatalf("the source supports %d facts, want 6", len(sup))
	}
	passages := map[string]bool{}
	for _, s := range sup {
		passages[s.Passage] = true
	}
	for i := 1; i <= 6; i++ {
		if !passages["Passage "+itoa(i)+"."] {
			t.Errorf("passage %d was not kept with its fact", i)
		}
	}

	// Again for the same facts with the same passages: all refused, none
	// linked twice.
	again := cloneValues(form)
	again.Del("url")
	again.Set("source", itoa(int(src.ID)))
	if resp, _ := c.post(t, tour+"/cite", again); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("citing the same again: %d, want 422", resp.StatusCode)
	}
	if sup, _ := ts.store.SupportedBy(ctx, src.ID); len(sup) != 6 {
		t.Errorf("a refused citation of several facts linked some: %d", len(sup))
	}

	// The next citation form starts from the source cited last.
	trip, _ := ts.store.Trip(ctx, id, false)
	next := c.formOn(t, "/cite?kind=stop&id="+itoa(int(trip.Stops[0].ID)))
	if next.Get("source") != itoa(int(src.ID)) {
		t.Errorf("the citation form starts from source %q, want the last one cited (%d)", next.Get("source"), src.ID)
	}
}
