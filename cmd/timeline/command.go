package main

import (
	"context"
	"flag"
	"io"
	"log/slog"

	"github.com/diplomatic-travel/tracker/store"
)

// env is what every subcommand is given: its context, streams and log,
// and the database it works on.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	db             string
}

// flags is a subcommand's flag set; its errors and help go to stderr.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// withStore opens the database (creating and migrating it when missing),
// runs fn on it and closes it; a failure to close is reported when fn
// succeeded, since the last write may be in it.
func (e *env) withStore(fn func(*store.Store) error) (err error) {
	s, err := store.Open(e.ctx, e.db)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	return fn(s)
}
