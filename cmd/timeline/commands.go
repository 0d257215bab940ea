package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views/export"
)

func cmdGen(e *env, args []string) error {
	fs := e.flags("gen")
	stops := fs.Int("stops", 100000, "how many stops to generate")
	seed := fs.Uint64("seed", 1, "the random seed; the same seed gives the same record")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		start := time.Now()
		last := time.Now()
		res, err := s.Generate(e.ctx, store.GenerateOptions{Stops: *stops, Seed: *seed, Progress: func(done, total int) {
			if time.Since(last) > time.Second || done == total {
				last = time.Now()
				fmt.Fprintf(e.stderr, "\rgenerating: %d of %d stops (%d%%)", done, total, done*100/max(total, 1))
			}
		}})
		fmt.Fprintln(e.stderr)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Generated %d travellers, %d trips, %d stops, %d meetings, %d sources in %s into %s.\n",
			res.Travellers, res.Trips, res.Stops, res.Meetings, res.Sources, time.Since(start).Round(time.Millisecond), s.Path())
		return nil
	})
}

// cmdExport writes an export to standard output. The filters are the
// timeline's query parameters as flags, so the same view can be taken from
// the site or the shell, byte for byte.
func cmdExport(e *env, args []string) error {
	writers := export.Writers
	if len(args) == 0 || writers[args[0]] == nil {
		return usageError{"usage: timeline export csv|json|timelinejs|ics|atom|bundle [--person SLUG] [--country CODE] [--region CODE] [--kind KIND] [--from DATE] [--to DATE] [--q TEXT] [--order asc|desc] [--base URL]"}
	}
	write := writers[args[0]]
	fs := e.flags("export " + args[0])
	base := fs.String("base", envOr("TIMELINE_BASE_URL", "http://127.0.0.1:8080"), "the site's address, for the links of JSON, calendar and feed exports")
	fs.SetOutput(e.stderr)
	q := map[string]*string{}
	for _, name := range []string{"person", "country", "region", "kind", "from", "to", "q", "order"} {
		q[name] = fs.String(name, "", "the timeline's "+name+" filter")
	}
	printSQL := fs.Bool("sql", false, "print the export's SQL instead of running it (for comparing with the sqlite3 shell; only without filters)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	values := map[string][]string{}
	for k, v := range q {
		if *v != "" {
			values[k] = []string{*v}
		}
	}
	f, err := timeline.ParseFilter(values)
	if err != nil {
		return err
	}
	if *printSQL {
		q, qargs := store.ExportQuery(f)
		if len(qargs) > 0 {
			return usageError{"--sql prints the query without filters only (filters are bound parameters)"}
		}
		fmt.Fprintln(e.stdout, q+";")
		return nil
	}
	return e.withStore(func(s *store.Store) error {
		return write(e.ctx, s, f, strings.TrimRight(*base, "/"), e.stdout, func() {})
	})
}
