package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// cmdImport runs "timeline import hsg FILE...".
func cmdImport(e *env, args []string) error {
	if len(args) > 0 && args[0] == "csv" {
		return cmdImportCSV(e, args[1:])
	}
	if len(args) == 0 || args[0] != "hsg" {
		return usageError{"usage: timeline import hsg [--gap-days N] [--skip-unknown] [--dry-run] FILE|FOLDER... (travels or visits XML)"}
	}
	fs := e.flags("import hsg")
	gap := fs.Int("gap-days", timeline.DefaultGapDays, "group stops into one trip when a stop starts at most this many days after the latest end so far")
	skip := fs.Bool("skip-unknown", false, "leave out records whose country is not known, instead of importing nothing")
	dry := fs.Bool("dry-run", false, "print the summary of what the import would do, and write nothing")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"usage: timeline import hsg [--gap-days N] [--skip-unknown] [--dry-run] FILE|FOLDER... (travels or visits XML)"}
	}
	if *gap < 0 {
		return usageError{"--gap-days must be 0 or more"}
	}
	files, skipped, err := xmlFiles(fs.Args())
	if err != nil {
		return err
	}
	for _, f := range skipped {
		fmt.Fprintf(e.stderr, "skipped %s: not a file of travels or visits\n", f)
	}
	start := time.Now()
	var recs []timeline.HSGRecord
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		rs, err := timeline.ReadHSG(f, name)
		f.Close()
		if err != nil {
			return err
		}
		recs = append(recs, rs...)
	}
	return e.withStore(func(s *store.Store) error {
		opt := store.ImportOptions{GapDays: *gap, SkipUnknown: *skip, DryRun: *dry}
		if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !*dry {
			opt.Progress = func(done, total int) {
				const width = 30
				n := done * width / max(total, 1)
				fmt.Fprintf(e.stderr, "\rimporting [%s%s] %d of %d travellers", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
				if done == total {
					fmt.Fprintln(e.stderr)
				}
			}
		}
		rep, err := s.ImportHSG(e.ctx, store.Actor{Name: "import"}, recs, len(files), opt)
		if rep != nil && err != nil && len(rep.Unknown) > 0 {
			for _, p := range rep.Unknown {
				fmt.Fprintln(e.stderr, p)
			}
		}
		if err != nil {
			return err
		}
		printImportReport(e.stdout, rep, *dry, time.Since(start))
		return nil
	})
}

// xmlFiles expands folders into the travels and visits files they hold, in name
// order; a folder's other XML files (the record's list of presidents) are
// returned as skipped. A file named on its own is always read, so a wrong
// one is an error, not a silence.
func xmlFiles(args []string) (files, skipped []string, err error) {
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, nil, err
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		var in []string
		err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
				in = append(in, p)
			}
			return err
		})
		if err != nil {
			return nil, nil, err
		}
		sort.Strings(in)
		n := 0
		for _, p := range in {
			f, err := os.Open(p)
			if err != nil {
				return nil, nil, err
			}
			root, _ := timeline.HSGRoot(f)
			f.Close()
			if root != "trips" && root != "visits" {
				skipped = append(skipped, p)
				continue
			}
			files = append(files, p)
			n++
		}
		if n == 0 {
			return nil, nil, timeline.Errorf(timeline.EInvalid, "%s holds no file of the record (.xml with a <trips> or <visits> root)", a)
		}
	}
	return files, skipped, nil
}

func printImportReport(w io.Writer, r *store.ImportReport, dry bool, took time.Duration) {
	if dry {
		fmt.Fprintln(w, "Dry run: nothing was written. The import would make these changes:")
	}
	fmt.Fprintf(w, "files read:          %d\n", r.Files)
	fmt.Fprintf(w, "records read:        %d\n", r.Records)
	fmt.Fprintf(w, "exact duplicates:    %d (stored once)\n", r.Duplicates)
	fmt.Fprintf(w, "stops added:         %d\n", r.StopsAdded)
	fmt.Fprintf(w, "stops updated:       %d\n", r.StopsChanged)
	fmt.Fprintf(w, "stops already there: %d (%d of them entered here, now linked to the record)\n", r.Unchanged, r.RefsLinked)
	fmt.Fprintf(w, "trips made:          %d\n", r.TripsMade)
	fmt.Fprintf(w, "trips extended:      %d\n", r.TripsGrown)
	fmt.Fprintf(w, "travellers added:    %d of %d\n", r.PeopleMade, len(r.Travellers))
	fmt.Fprintf(w, "names joined:        %d (to a person named otherwise; listed below with the rule)\n", len(r.Merges))
	fmt.Fprintf(w, "names left apart:    %d (no sure match: a surname alone, or two candidates)\n", len(r.Unresolved))
	fmt.Fprintf(w, "conflicts:           %d\n", len(r.Conflicts))
	fmt.Fprintf(w, "unknown countries:   %d\n", len(r.Unknown))
	for _, p := range r.Conflicts {
		fmt.Fprintln(w, "  conflict:", p)
	}
	for _, p := range r.Unknown {
		fmt.Fprintln(w, "  skipped:", p)
	}
	for _, m := range r.Merges {
		fmt.Fprintln(w, "  joined:", m.Words())
	}
	for _, u := range r.Unresolved {
		fmt.Fprintln(w, "  apart: ", u.Words())
	}
	fmt.Fprintf(w, "took %.2f s\n", took.Seconds())
}
