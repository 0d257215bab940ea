// Command timeline is the diplomatic-travel timeline tracker: it serves the
// timeline site and loads, exports and checks the record. Every subcommand
// works on the database TIMELINE_DB names (default data/timeline.db),
// creating and migrating it when missing.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

const usage = `Usage: timeline [--db FILE] COMMAND [flags]

Commands:
  serve              serve the site (TIMELINE_ADDR, default 127.0.0.1:8080)
  seed               load the demo record into an empty database
  gen --stops N      fill the database with a synthetic record (benchmarks)
  import hsg FILE... load the Office of the Historian's travels and visits XML (files or folders)
  import csv BUNDLE  load an export bundle (zip or folder): into an empty database with its ids, else merged
  check              list what needs a curator's attention (duplicates, overlaps, gaps, unsourced facts, claims)
  export FORMAT      write the view as csv, json, timelinejs, ics, atom or bundle (a zip) to standard output
  backup FILE        write a consistent copy of the database to FILE
  propose FILE       print, as JSON, what a news article (HTML or text; - for standard input) proposes; changes nothing
  user add NAME      create a curator account (also: passwd, disable, enable, list)
  keys rotate        sign new session cookies with a new key (the previous one still reads)

The database is TIMELINE_DB (default data/timeline.db); --db overrides it.
Run "timeline COMMAND -h" for a command's flags.
`

func main() {
	// Whatever the program creates (the database and its WAL, backups,
	// spooled exports) holds secrets or the record: owner only.
	syscall.Umask(0o077)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, log); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "timeline:", userMessage(err))
		os.Exit(exitCode(err))
	}
}

// userMessage is what the command line shows for an error: the domain
// message when there is one, else the error's text (operators need detail
// that a web visitor must not see).
func userMessage(err error) string {
	var e *timeline.Error
	if errors.As(err, &e) {
		if e.Field != "" {
			return e.Field + ": " + e.Message
		}
		return e.Message
	}
	return err.Error()
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) || timeline.ErrorCode(err) == timeline.EInvalid {
		return 2
	}
	return 1
}

// commands are the subcommands by name; usage lists them.
var commands = map[string]func(*env, []string) error{
	"serve": cmdServe, "seed": cmdSeed, "gen": cmdGen, "import": cmdImport, "check": cmdCheck,
	"export": cmdExport, "backup": cmdBackup, "user": cmdUser, "keys": cmdKeys, "propose": cmdPropose,
}

// run parses the global flags and dispatches to the subcommand.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	dbPath := fs.String("db", envOr("TIMELINE_DB", "data/timeline.db"), "the database file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := fs.Arg(0), fs.Args()[1:]
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, log: log, db: *dbPath}
	if c := commands[cmd]; c != nil {
		return c(e, rest)
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func cmdSeed(e *env, args []string) error {
	fs := e.flags("seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		res, err := s.Seed(e.ctx)
		if err != nil {
			return err
		}
		if !res.Seeded {
			fmt.Fprintf(e.stdout, "%s already holds records; the demo was not loaded (it is loaded only into an empty database).\n", s.Path())
			return nil
		}
		fmt.Fprintf(e.stdout, "Loaded the demo record into %s: %d trips, %d stops.\n", s.Path(), res.Trips, res.Stops)
		return nil
	})
}

func cmdBackup(e *env, args []string) error {
	fs := e.flags("backup")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: timeline backup FILE"}
	}
	return e.withStore(func(s *store.Store) error {
		if err := s.Backup(e.ctx, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Backed up %s to %s (integrity check ok).\n", s.Path(), fs.Arg(0))
		return nil
	})
}
