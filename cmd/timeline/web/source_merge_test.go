package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// Defect 3 of issue 13: a duplicate source must not take over the
// citations. A tracking parameter is not a new article; the same title and
// publisher under another address is asked about; and two sources of one
// article can be merged, with the merge undone.
func TestDuplicateSources(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	trip, err := ts.store.Trip(ctx, ts.tourID(t), false)
	if err != nil {
		t.Fatal(err)
	}
	stop := func(i int) string { return itoa(int(trip.Stops[i].ID)) }
	src1, err := ts.store.Source(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		list, _ := ts.store.SearchSources(ctx, "", 1000)
		return len(list)
	}
	cite := func(v url.Values) (*http.Response, string) { return c.post(t, "/cite", v) }

	t.Run("ATrackingParameterIsTheSameSource", func(t *testing.T) {
		before := count()
		u := src1.URL
		sep := "?"
		if strings.Contains(u, "?") {
			sep = "&"
		}
		resp, body := cite(url.Values{"kind": {"stop"}, "id": {stop(0)}, "url": {u + sep + "ref=home&fbclid=IwAR0"}, "title": {"x"}, "passage": {"by ref"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("cite: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		if count() != before {
			t.Errorf("?ref=home made a second source of %s", u)
		}
	})

	var dup int64
	t.Run("SameTitleAndPublisherIsAsked", func(t *testing.T) {
		before := count()
		form := url.Values{"kind": {"stop"}, "id": {stop(1)}, "url": {"https://mirror.example/copy-of-the-article"},
			"title": {strings.ToUpper(src1.Title)}, "publisher": {src1.Publisher}, "passage": {"from the mirror"}}
		resp, body := cite(form)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "has this title and publisher") {
			t.Fatalf("a likely duplicate: %d, want the question\n%s", resp.StatusCode, clipBody([]byte(body)))
		}
		d := docOf(t, body)
		if v, _ := d.Find(`[data-testid=found-source] input`).Attr("value"); v != "1" {
			t.Errorf("the source on record is not offered: %q", v)
		}
		if count() != before {
			t.Fatal("the question made a source")
		}
		form.Set("different", "yes")
		if resp, body := cite(form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("a different article, said so: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		if count() != before+1 {
			t.Fatal("saying it is a different article did not add it")
		}
		s, err := ts.store.SourceByURL(ctx, "https://mirror.example/copy-of-the-article")
		if err != nil || s == nil {
			t.Fatal(err)
		}
		dup = s.ID
	})

	t.Run("MergeAndUndo", func(t *testing.T) {
		dupPath := "/sources/" + itoa(int(dup))
		_, body := c.get(t, dupPath)
		if docOf(t, body).Find(`[data-testid=merge-source]`).Length() != 1 {
			t.Fatal("the source page offers no merge")
		}
		uses := func(id int64) int {
			sup, err := ts.store.SupportedBy(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return len(sup)
		}
		kept, moving := uses(1), uses(dup)
		if moving != 1 {
			t.Fatalf("the duplicate supports %d facts, want 1", moving)
		}
		resp, _ := c.post(t, dupPath+"/merge", url.Values{"into_url": {"https://nowhere.example/"}})
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("merging into an unknown address: %d, want 422", resp.StatusCode)
		}
		resp, body = c.post(t, dupPath+"/merge", url.Values{"into_url": {src1.URL}, "reason": {"same article"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/sources/1" {
			t.Fatalf("merge: %d to %q: %s", resp.StatusCode, resp.Header.Get("Location"), docOf(t, body).Find(`[data-testid=field-error]`).Text())
		}
		if got := uses(1); got != kept+moving {
			t.Errorf("the kept source supports %d facts, want %d", got, kept+moving)
		}
		if r, _ := ts.client(t).get(t, dupPath); r.StatusCode != http.StatusNotFound {
			t.Errorf("the merged duplicate is still public: %d", r.StatusCode)
		}
		_, body = c.get(t, "/sources/1")
		if flash := docOf(t, body).Find(".flashes").Text(); !strings.Contains(flash, "1 citation moved") {
			t.Errorf("flash %q", flash)
		}
		undo, _ := docOf(t, body).Find(`[data-testid=undo]`).Parent().Attr("action")
		if resp, _ := c.post(t, undo, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("undo %q: %d", undo, resp.StatusCode)
		}
		if uses(1) != kept || uses(dup) != moving {
			t.Errorf("after the undo: %d and %d facts, want %d and %d", uses(1), uses(dup), kept, moving)
		}
	})
}
