package main

import (
	"bytes"
	"context"
	"path/filepath"
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
