package web

import (
	"context"
	"github.com/diplomatic-travel/tracker/store"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestBodyLimit(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	before, _ := ts.store.Debug().RevisionCount(context.Background())
	big := url.Values{"title": {strings.Repeat("x", 2<<20)}, "person": {"blinken-antony-j"}}
	resp, body := c.post(t, "/curate/trips", big)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "nothing was saved") {
		t.Errorf("a 2 MiB form: %d, want 413 with a message", resp.StatusCode)
	}
	if after, _ := ts.store.Debug().RevisionCount(context.Background()); after != before {
		t.Error("an oversized form wrote something")
	}
}
