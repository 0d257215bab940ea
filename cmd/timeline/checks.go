package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/diplomatic-travel/tracker/store"
)

// cmdCheck runs "timeline check": the findings, one per line, by kind.
func cmdCheck(ctx context.Context, open func() (*store.Store, error), args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := open()
	if err != nil {
		return err
	}
	defer s.Close()
	findings, err := s.Check(ctx)
	if err != nil {
		return err
	}
	for _, k := range store.CheckKinds {
		n := 0
		for _, f := range findings {
			if f.Kind == k.Kind {
				n++
			}
		}
		fmt.Fprintf(stdout, "== %s: %d (%s)\n", k.Kind, n, k.About)
		for _, f := range findings {
			if f.Kind != k.Kind {
				continue
			}
			fmt.Fprint(stdout, "  ", f.Message)
			for _, l := range f.Links {
				fmt.Fprint(stdout, " ", l.Path)
			}
			fmt.Fprintln(stdout)
		}
	}
	fmt.Fprintf(stdout, "%d findings\n", len(findings))
	return nil
}
