package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

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
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, timeline.Errorf(timeline.EInvalid, "%s is neither a folder nor a zip of an export bundle: %v", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if _, ok := timeline.BundleHeaders[f.Name]; !ok {
			continue
		}
		if f.UncompressedSize64 > timeline.BundleMaxBytes {
			return nil, timeline.Errorf(timeline.ETooLarge, "%s in %s is larger than %d MB", f.Name, path, timeline.BundleMaxBytes>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(io.LimitReader(rc, timeline.BundleMaxBytes+1))
		rc.Close()
		if err != nil {
			return nil, err
		}
		files[f.Name] = bytes.NewReader(b)
	}
	return files, nil
}

// cmdImportCSV runs "timeline import csv BUNDLE": an export bundle into an
// empty database.
func cmdImportCSV(ctx context.Context, open func() (*store.Store, error), args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return usageError{"usage: timeline --db NEW.db import csv BUNDLE.zip|FOLDER (an export bundle, into an empty database)"}
	}
	files, err := readBundleFiles(args[0])
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
	rep, err := s.ImportBundle(ctx, store.Actor{Name: "import"}, b)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Imported into %s: %d people, %d trips, %d stops, %d meetings, %d goals, %d events, %d counters, %d claims, %d sources, %d citations.\n",
		s.Path(), rep.People, rep.Trips, rep.Stops, rep.Meetings, rep.Goals, rep.Events, rep.Counters, rep.Claims, rep.Sources, rep.Citations)
	return nil
}
