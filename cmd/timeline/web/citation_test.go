package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// Defect 2 of issue 13: a citation can be corrected (another source, its
// passage) and removed, each in its history, and a removal is undone.
func TestCitationsCanBeCorrectedAndRemoved(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	ctx := context.Background()
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	// The tour's page lists each citation with its correction link.
	_, body := c.get(t, tour)
	link, ok := docOf(t, body).Find(`[data-testid=edit-citation]`).First().Attr("href")
	if !ok {
		t.Fatal("the curator's trip page offers no way to correct a citation")
	}
	if _, body := public.get(t, tour); strings.Contains(body, "edit-citation") {
		t.Error("the public sees the correction link")
	}
	id, _ := pathIDOf(strings.TrimSuffix(link, "/edit"))
	before, err := ts.store.Citation(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	other, err := ts.store.Source(ctx, 2)
	if err != nil || other.ID == before.SourceID {
		t.Fatalf("source 2 (%v) must differ from the citation's %d", err, before.SourceID)
	}

	t.Run("Correct", func(t *testing.T) {
		form := c.formOn(t, link)
		if form.Get("source_url") != before.Source.URL || form.Get("passage") != before.Passage {
			t.Fatalf("the form is not filled from the citation: %v", form)
		}
		form.Set("source_url", other.URL)
		form.Set("passage", "The corrected passage.")
		if flash := mustSave(t, c, link, form); !strings.Contains(flash, "Citation corrected.") {
			t.Errorf("flash %q", flash)
		}
		got, _ := ts.store.Citation(ctx, id)
		if got.SourceID != other.ID || got.Passage != "The corrected passage." {
			t.Errorf("after the correction: source %d, passage %q", got.SourceID, got.Passage)
		}
		if _, body := public.get(t, tour); !strings.Contains(body, "The corrected passage.") {
			t.Error("the public page does not show the correction")
		}
		_, body := c.get(t, "/history/citation/"+itoa(int(id)))
		if !strings.Contains(body, "The corrected passage.") || !strings.Contains(body, before.Passage) {
			t.Error("the citation's history does not show the change field by field")
		}
	})

	t.Run("AnUnknownSourceIsRefused", func(t *testing.T) {
		form := c.formOn(t, link)
		form.Set("source_url", "https://nowhere.example/article")
		resp, body := c.post(t, link, form)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "No source on record has this address") {
			t.Errorf("an unknown source: %d\n%s", resp.StatusCode, clipBody([]byte(body)))
		}
	})

	t.Run("RemoveAskThenUndo", func(t *testing.T) {
		remove := "/citations/" + itoa(int(id)) + "/remove"
		resp, body := c.post(t, remove, nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Remove this citation?") {
			t.Fatalf("remove without confirming: %d, want the question", resp.StatusCode)
		}
		if _, err := ts.store.Citation(ctx, id); err != nil {
			t.Fatal("asking removed the citation")
		}
		resp, _ = c.post(t, remove, confirmed)
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), tour) {
			t.Fatalf("remove: %d to %q, want the trip", resp.StatusCode, resp.Header.Get("Location"))
		}
		if _, err := ts.store.Citation(ctx, id); err == nil {
			t.Fatal("the citation is still there")
		}
		_, body = c.get(t, resp.Header.Get("Location"))
		undo, _ := docOf(t, body).Find(`[data-testid=undo]`).Parent().Attr("action")
		if resp, _ := c.post(t, undo, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("undo %q: %d", undo, resp.StatusCode)
		}
		got, err := ts.store.Citation(ctx, id)
		if err != nil || got.Passage != "The corrected passage." {
			t.Fatalf("after the undo: %+v, %v", got, err)
		}
		_, body = c.get(t, "/history/citation/"+itoa(int(id)))
		for _, action := range []string{"update", "delete", "restore"} {
			if !strings.Contains(body, ">"+action+"<") {
				t.Errorf("the history does not record the %s", action)
			}
		}
	})
}

// pathIDOf is the id at the end of a record's path.
func pathIDOf(path string) (int64, error) {
	return strconv.ParseInt(path[strings.LastIndex(path, "/")+1:], 10, 64)
}
