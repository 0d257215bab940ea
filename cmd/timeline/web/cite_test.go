package web

import (
	"context"
	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestCiteForm(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	ctx := context.Background()
	tour := ts.tourID(t)
	trip, err := ts.store.Trip(ctx, tour, false)
	if err != nil {
		t.Fatal(err)
	}
	qatar := trip.Stops[2]
	sources := func() int {
		n := 0
		list, _ := ts.store.SearchSources(ctx, "", 1000)
		n = len(list)
		return n
	}

	t.Run("NewSource", func(t *testing.T) {
		before := sources()
		resp, body := c.post(t, "/cite", url.Values{"kind": {"stop"}, "id": {itoa(int(qatar.ID))},
			"url": {"https://Example.org/doha-talks?utm_source=feed#top"}, "title": {"Talks in Doha"}, "publisher": {"Example News"}, "published": {"2024-10-24"},
			"passage": {"Blinken met the Emir in Doha."}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("cite: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		if sources() != before+1 {
			t.Errorf("sources %d, want %d", sources(), before+1)
		}
		_, body = c.get(t, resp.Header.Get("Location"))
		stop := docOf(t, body).Find("#stop-" + itoa(int(qatar.ID)))
		if !strings.Contains(stop.Text(), "Talks in Doha") || !strings.Contains(stop.Text(), "Blinken met the Emir in Doha.") {
			t.Errorf("the stop does not show its new source: %s", stop.Text())
		}
	})

	t.Run("KnownURLUsesExistingSource", func(t *testing.T) {
		before := sources()
		resp, _ := c.post(t, "/cite", url.Values{"kind": {"trip"}, "id": {itoa(int(tour))}, "url": {"https://example.org/doha-talks"}, "passage": {"again"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("cite: %d", resp.StatusCode)
		}
		if sources() != before {
			t.Error("a known URL made a second source")
		}
	})

	t.Run("SearchAndPick", func(t *testing.T) {
		_, body := c.get(t, "/cite?kind=trip&id="+itoa(int(tour))+"&q=Doha+talks")
		found := docOf(t, body).Find(`[data-testid=found-source] input`)
		if found.Length() != 1 {
			t.Fatalf("search found %d sources, want 1", found.Length())
		}
		id, _ := found.Attr("value")
		resp, _ := c.post(t, "/cite", url.Values{"kind": {"trip"}, "id": {itoa(int(tour))}, "source": {id}, "passage": {"picked"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("cite a picked source: %d", resp.StatusCode)
		}
		_, body = c.get(t, "/cite?kind=trip&id="+itoa(int(tour))+"&q=zzzz-nothing")
		if docOf(t, body).Find(`[data-testid=no-sources-found]`).Length() != 1 {
			t.Error("an empty search does not say so")
		}
	})

	for _, tc := range []struct {
		name string
		form url.Values
		want string
	}{
		{"ErrJavascriptURL", url.Values{"url": {"javascript:alert(1)"}, "title": {"x"}}, "must start with http:// or https://"},
		{"ErrNoTitle", url.Values{"url": {"https://example.org/new"}}, "needs a title"},
		{"ErrNothing", url.Values{}, "Pick a source on record"},
		{"ErrBoth", url.Values{"url": {"https://example.org/new"}, "source": {"1"}}, "not both"},
		{"ErrDuplicate", url.Values{"url": {"https://example.org/doha-talks"}, "passage": {"again"}}, "already cited"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := ts.store.Debug().RevisionCount(ctx)
			tc.form.Set("kind", "trip")
			tc.form.Set("id", itoa(int(tour)))
			resp, body := c.post(t, "/cite", tc.form)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if msgs := texts(docOf(t, body).Find(`[data-testid=field-error]`)); !containsText(msgs, tc.want) {
				t.Errorf("messages %q, want %q", msgs, tc.want)
			}
			if after, _ := ts.store.Debug().RevisionCount(ctx); after != before {
				t.Error("a refused form wrote something")
			}
		})
	}

	t.Run("ErrUnknownFact", func(t *testing.T) {
		if resp, _ := c.get(t, "/cite?kind=trip&id=999999"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("status %d", resp.StatusCode)
		}
		if resp, _ := c.get(t, "/cite?kind=person&id=1"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
	_ = timeline.KindTrip
}
