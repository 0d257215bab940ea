package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// testServer is the real server on a loopback port, over a fresh database
// file holding the demo record.
type testServer struct {
	*httptest.Server
	store *store.Store
	app   *Server
}

func newTestServer(tb testing.TB) *testServer {
	tb.Helper()
	s, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "timeline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := s.Seed(context.Background()); err != nil {
		tb.Fatal(err)
	}
	a, err := New(context.Background(), s, testLogger(), Config{})
	if err != nil {
		tb.Fatal(err)
	}
	srv := newLoopbackServer(tb, a)
	tb.Cleanup(func() { s.Close() })
	return &testServer{Server: srv, store: s, app: a}
}

// newLoopbackServer serves the app's routes on a loopback port until the
// test ends.
func newLoopbackServer(tb testing.TB, a *Server) *httptest.Server {
	srv := httptest.NewServer(a.Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// get fetches a path and returns the response with its body read.
func (ts *testServer) get(tb testing.TB, path string) (*http.Response, []byte) {
	tb.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, body
}

// testLogger discards the server's log unless TEST_LOG is set, when it
// goes to standard error to explain a failure.
func testLogger() *slog.Logger {
	if os.Getenv("TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
