package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// readBundleFiles opens an export bundle: a .zip as /export.zip and
// "timeline export bundle" write it, or a folder of its CSV files.
func readBundleFiles(path string) (map[string]io.Reader, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() && strings.HasSuffix(strings.ToLower(path), ".csv") {
		return nil, timeline.Errorf(timeline.EInvalid, "%s is one CSV file; a timeline CSV holds no stops, so it cannot be loaded alone: load the bundle (/export.zip or timeline export bundle), which carries it with stops.csv and the rest", path)
	}
	files := map[string]io.Reader{}
	if st.IsDir() {
		for name := range timeline.BundleHeaders {
			b, err := os.ReadFile(filepath.Join(path, name))
			if err != nil {
				if os.IsNotExist(err) {
					continue // ReadBundle names the missing file
				}
				return nil, err
			}
			files[name] = bytes.NewReader(b)
		}
		return files, nil
	}
	// The zip, compressed, in memory: its files are inflated as they are
	// read. From the command line the cap is generous (the file is the
	// operator's own).
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return timeline.OpenBundleZip(bytes.NewReader(data), int64(len(data)), path, 16*timeline.BundleMaxInflated)
}

// cmdImportCSV runs "timeline import csv [--dry-run] BUNDLE": into an
// empty database every record keeps its id; into one with records the
// bundle is merged, what is there already matched.
func cmdImportCSV(e *env, args []string) error {
	fs := e.flags("import csv")
	dry := fs.Bool("dry-run", false, "say what a merge would do, and write nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: timeline import csv [--dry-run] BUNDLE.zip|FOLDER (an export bundle)"}
	}
	files, err := readBundleFiles(fs.Arg(0))
	if err != nil {
		return err
	}
	b, err := timeline.ReadBundle(files)
	if err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		empty, err := s.Empty(e.ctx)
		if err != nil {
			return err
		}
		if empty && !*dry {
			rep, err := s.ImportBundle(e.ctx, store.Actor{Name: "import"}, b)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Imported into %s, every record under its id: %d people, %d trips, %d stops, %d meetings, %d goals, %d events, %d counters, %d claims, %d sources, %d citations.\n",
				s.Path(), rep.People, rep.Trips, rep.Stops, rep.Meetings, rep.Goals, rep.Events, rep.Counters, rep.Claims, rep.Sources, rep.Citations)
			return nil
		}
		rep, err := s.MergeBundle(e.ctx, store.Actor{Name: "import"}, b, *dry)
		if err != nil {
			return err
		}
		if *dry {
			fmt.Fprintln(e.stdout, "Dry run: nothing was written. Merging the bundle would do this:")
		} else {
			fmt.Fprintf(e.stdout, "Merged into %s:\n", s.Path())
		}
		printMerge(e.stdout, rep)
		return nil
	})
}

// printMerge writes a merge's report, a line per kind of record.
func printMerge(w io.Writer, rep *store.MergeReport) {
	for _, k := range store.MergeKinds {
		fmt.Fprintf(w, "%-10s %5d added, %5d already there\n", k+":", rep.Added[k], rep.Matched[k])
	}
	fmt.Fprintf(w, "conflicts:  %d\n", len(rep.Conflicts))
	for _, c := range rep.Conflicts {
		fmt.Fprintln(w, "  ", c)
	}
}
