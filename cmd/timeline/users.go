package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/diplomatic-travel/tracker/store"
)

const userUsage = `usage:
  timeline user add NAME [--role curator|admin]   create an account
  timeline user passwd NAME                        set a new password (ends its sessions)
  timeline user disable NAME                       disable an account (ends its sessions)
  timeline user enable NAME                        enable it again
  timeline user list                               list the accounts
The password is read from the terminal without echo, or from standard input
when it is not a terminal; never from a flag.`

// cmdUser manages accounts from the shell.
func cmdUser(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{userUsage}
	}
	verb := args[0]
	fs := e.flags("user " + verb)
	role := fs.String("role", store.RoleCurator, "the account's role: curator or admin")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if verb == "list" {
		return e.withStore(func(s *store.Store) error { return listUsers(e, s) })
	}
	if fs.NArg() < 1 {
		return usageError{userUsage}
	}
	// Flags may also follow the name, as the usage writes them.
	name := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{userUsage}
	}
	return e.withStore(func(s *store.Store) error {
		a := store.Actor{Name: "cli"}
		switch verb {
		case "add":
			pw, err := readPassword(e.stdin, e.stderr, "Password for "+name+": ")
			if err != nil {
				return err
			}
			if _, err := s.CreateUser(e.ctx, a, name, *role, pw); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Created the %s account %s.\n", *role, name)
		case "passwd":
			pw, err := readPassword(e.stdin, e.stderr, "New password for "+name+": ")
			if err != nil {
				return err
			}
			if err := s.SetPassword(e.ctx, a, name, pw); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Changed the password of %s; its sessions have ended.\n", name)
		case "disable", "enable":
			if err := s.SetDisabled(e.ctx, a, name, verb == "disable"); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%sd the account %s.\n", strings.ToUpper(verb[:1])+verb[1:], name)
		default:
			return usageError{userUsage}
		}
		return nil
	})
}

// readPassword reads a password without echo from a terminal (twice, to
// catch typos), or one line from standard input otherwise.
func readPassword(stdin io.Reader, stderr io.Writer, prompt string) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, prompt)
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stderr, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", usageError{"the two passwords differ; nothing was changed"}
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(io.LimitReader(stdin, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// cmdKeys rotates the session cookie signing key. The previous key still
// verifies cookies, so sessions in progress go on; rotating twice ends
// every session signed before the first rotation. A running server reads
// the keys at start, so restart it after rotating.
func cmdKeys(e *env, args []string) error {
	if len(args) != 1 || args[0] != "rotate" {
		return usageError{"usage: timeline keys rotate"}
	}
	return e.withStore(func(s *store.Store) error {
		if _, err := s.SessionKeys(e.ctx); err != nil {
			return err
		}
		if err := s.RotateSessionKey(e.ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "A new session key signs from now on; the previous one still verifies. Restart the server to use it.")
		return nil
	})
}

// listUsers writes the accounts, one a line.
func listUsers(e *env, s *store.Store) error {
	users, err := s.Users(e.ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		state := "enabled"
		if u.Disabled {
			state = "disabled"
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\tcreated %s\n", u.Name, u.Role, state, u.CreatedAt)
	}
	return nil
}
