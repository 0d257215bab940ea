package main

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// The account commands read the password from standard input when it is
// not a terminal, and never take it from a flag.
func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	ctx := context.Background()
	runWith := func(stdin string, args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(ctx, append([]string{"--db", db}, args...), strings.NewReader(stdin), &out, &errOut, testLogger())
		return out.String() + errOut.String(), err
	}
	if out, err := runWith("a fine password\n", "user", "add", "ada", "--role", "admin"); err != nil || !strings.Contains(out, "Created the admin account ada") {
		t.Fatalf("user add: %v %s", err, out)
	}
	check := func(pw string, want bool) {
		t.Helper()
		s, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		_, err = s.Authenticate(ctx, "ada", pw)
		if (err == nil) != want {
			t.Errorf("login with %q: %v, want success=%v", pw, err, want)
		}
	}
	check("a fine password", true)
	if _, err := runWith("short\n", "user", "passwd", "ada"); err == nil || exitCode(err) != 2 {
		t.Errorf("a too short password: %v", err)
	}
	check("a fine password", true)
	if _, err := runWith("another fine one\n", "user", "passwd", "ada"); err != nil {
		t.Fatal(err)
	}
	check("another fine one", true)
	if _, err := runWith("", "user", "disable", "ada"); err != nil {
		t.Fatal(err)
	}
	check("another fine one", false)
	if out, err := runWith("", "user", "list"); err != nil || !strings.Contains(out, "ada\tadmin\tdisabled") {
		t.Errorf("user list: %v %q", err, out)
	}
	if _, err := runWith("", "user", "add", "bob", "--password", "x"); err == nil {
		t.Error("a password flag was accepted")
	}
	if out, err := runWith("", "keys", "rotate"); err != nil || !strings.Contains(out, "new session key") {
		t.Errorf("keys rotate: %v %s", err, out)
	}
}

// On first start with no account the server creates admin: with
// TIMELINE_ADMIN_PASSWORD when set, else with a random password that the
// log shows once.
func TestFirstAdmin(t *testing.T) {
	ctx := context.Background()
	t.Run("FromEnvironment", func(t *testing.T) {
		s, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		t.Setenv("TIMELINE_ADMIN_PASSWORD", "chosen admin password")
		if err := ensureAdmin(ctx, s, testLogger()); err != nil {
			t.Fatal(err)
		}
		u, err := s.Authenticate(ctx, "admin", "chosen admin password")
		if err != nil || !u.IsAdmin() {
			t.Fatalf("admin: %+v %v", u, err)
		}
		// A second start changes nothing.
		t.Setenv("TIMELINE_ADMIN_PASSWORD", "another one entirely")
		if err := ensureAdmin(ctx, s, testLogger()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Authenticate(ctx, "admin", "chosen admin password"); err != nil {
			t.Error("a second start changed the admin's password")
		}
	})
	t.Run("RandomInTheLog", func(t *testing.T) {
		s, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		t.Setenv("TIMELINE_ADMIN_PASSWORD", "")
		var log bytes.Buffer
		if err := ensureAdmin(ctx, s, slog.New(slog.NewTextHandler(&log, nil))); err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`password=(\S+)`).FindStringSubmatch(log.String())
		if m == nil {
			t.Fatalf("the log does not show the password: %s", log.String())
		}
		if _, err := s.Authenticate(ctx, "admin", m[1]); err != nil {
			t.Errorf("the logged password does not work: %v", err)
		}
	})
}
