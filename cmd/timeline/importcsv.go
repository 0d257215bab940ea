package main

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
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
	return bundleFromZip(bytes.NewReader(data), int64(len(data)), path, 16*bundleMaxInflated)
}

// bundleMaxInflated caps the bytes a bundle's zip may inflate to, in all:
// the largest bundle an upload (8 MiB) can carry inflates to about 60 MiB,
// and a zip bomb is refused as soon as it passes the cap, without being
// held in memory.
const bundleMaxInflated = 96 << 20

// bundleFromZip opens the CSV files of a bundle's zip for reading, each
// streamed from the zip as it is read, all of them drawing on one budget of
// inflated bytes (max); two files of one name are refused.
func bundleFromZip(r io.ReaderAt, size int64, name string, max int64) (map[string]io.Reader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, timeline.Errorf(timeline.EInvalid, "%s is not a zip of an export bundle: %v", name, err)
	}
	budget := &inflateBudget{left: max, max: max, name: name}
	files := map[string]io.Reader{}
	seen := map[string]bool{}
	for _, f := range zr.File {
		if seen[f.Name] {
			return nil, timeline.Errorf(timeline.EUnprocessable, "%s holds two files named %s; a bundle has one of each, so it was not read", name, f.Name)
		}
		seen[f.Name] = true
		if _, ok := timeline.BundleHeaders[f.Name]; !ok {
			continue
		}
		files[f.Name] = &zipEntry{f: f, budget: budget}
	}
	return files, nil
}

// inflateBudget counts the bytes a bundle's files inflate to.
type inflateBudget struct {
	left, max int64
	name      string
}

// zipEntry reads one file of the zip, opened when first read.
type zipEntry struct {
	f      *zip.File
	rc     io.ReadCloser
	budget *inflateBudget
}

func (z *zipEntry) Read(p []byte) (int, error) {
	if z.rc == nil {
		rc, err := z.f.Open()
		if err != nil {
			return 0, timeline.Errorf(timeline.EInvalid, "%s in %s cannot be read: %v", z.f.Name, z.budget.name, err)
		}
		z.rc = rc
	}
	n, err := z.rc.Read(p)
	if z.budget.left -= int64(n); z.budget.left < 0 {
		z.rc.Close()
		return 0, timeline.Errorf(timeline.ETooLarge, "%s inflates to more than %d MiB (the cap for a bundle, reached in %s); nothing was imported", z.budget.name, z.budget.max>>20, z.f.Name)
	}
	if err == io.EOF {
		z.rc.Close()
	}
	return n, err
}

// cmdImportCSV runs "timeline import csv [--dry-run] BUNDLE": into an
// empty database every record keeps its id; into one with records the
// bundle is merged, what is there already matched.
func cmdImportCSV(ctx context.Context, open func() (*store.Store, error), args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import csv", flag.ContinueOnError)
	fs.SetOutput(stderr)
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
	s, err := open()
	if err != nil {
		return err
	}
	defer s.Close()
	empty, err := s.Empty(ctx)
	if err != nil {
		return err
	}
	if empty && !*dry {
		rep, err := s.ImportBundle(ctx, store.Actor{Name: "import"}, b)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Imported into %s, every record under its id: %d people, %d trips, %d stops, %d meetings, %d goals, %d events, %d counters, %d claims, %d sources, %d citations.\n",
			s.Path(), rep.People, rep.Trips, rep.Stops, rep.Meetings, rep.Goals, rep.Events, rep.Counters, rep.Claims, rep.Sources, rep.Citations)
		return nil
	}
	rep, err := s.MergeBundle(ctx, store.Actor{Name: "import"}, b, *dry)
	if err != nil {
		return err
	}
	if *dry {
		fmt.Fprintln(stdout, "Dry run: nothing was written. Merging the bundle would do this:")
	} else {
		fmt.Fprintf(stdout, "Merged into %s:\n", s.Path())
	}
	printMerge(stdout, rep)
	return nil
}

// printMerge writes a merge's report, a line per kind of record.
func printMerge(w io.Writer, rep *store.MergeReport) {
	for _, k := range mergeKinds {
		fmt.Fprintf(w, "%-10s %5d added, %5d already there\n", k+":", rep.Added[k], rep.Matched[k])
	}
	fmt.Fprintf(w, "conflicts:  %d\n", len(rep.Conflicts))
	for _, c := range rep.Conflicts {
		fmt.Fprintln(w, "  ", c)
	}
}

var mergeKinds = []string{"people", "sources", "trips", "counters", "meetings", "goals", "events", "claims", "citations"}
