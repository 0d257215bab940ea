package main

import (
	"fmt"

	"github.com/diplomatic-travel/tracker/store"
)

// cmdCheck runs "timeline check": the findings, one per line, by kind.
func cmdCheck(e *env, args []string) error {
	fs := e.flags("check")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		findings, err := s.Check(e.ctx)
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
			fmt.Fprintf(e.stdout, "== %s: %d (%s)\n", k.Kind, n, k.About)
			for _, f := range findings {
				if f.Kind != k.Kind {
					continue
				}
				fmt.Fprint(e.stdout, "  ", f.Message)
				for _, l := range f.Links {
					fmt.Fprint(e.stdout, " ", l.Path)
				}
				fmt.Fprintln(e.stdout)
			}
		}
		fmt.Fprintf(e.stdout, "%d findings\n", len(findings))
		return nil
	})
}
