package export

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

// BundleManifest is manifest.json of the export bundle.
type BundleManifest struct {
	SchemaVersion  int               `json:"schema_version"`
	GeneratedAt    string            `json:"generated_at"`
	DataLastChange string            `json:"data_last_change"`
	Filter         map[string]string `json:"filter"`
	CountingRules  []BundleRule      `json:"counting_rules"`
	Files          []BundleFile      `json:"files"`
}

// BundleRule is one counter of the bundle, in words.
type BundleRule struct {
	CounterID int64  `json:"counter_id"`
	Rule      string `json:"rule"`
}

// BundleFile is one CSV of the bundle with its checksum.
type BundleFile struct {
	Name   string `json:"name"`
	Rows   int    `json:"rows"`
	SHA256 string `json:"sha256"`
}

// Bundle writes the view as a zip of CSV files (trips, stops,
// meetings, goals, events, claims, counters, citations, sources) and a
// manifest giving the filter, the counting rules, the data's last change
// and each file's SHA-256. The CSVs are written as the timeline's:
// RFC 4180, CRLF, formula cells guarded.
func Bundle(ctx context.Context, s Source, f timeline.Filter, _ string, w io.Writer, start func()) error {
	tables, err := s.BundleTables(ctx, f)
	if err != nil {
		return err
	}
	last, err := s.LastChange(ctx)
	if err != nil {
		return err
	}
	start()
	zw := zip.NewWriter(w)
	m := BundleManifest{SchemaVersion: 1, GeneratedAt: time.Now().UTC().Format(time.RFC3339), Filter: filterMap(f), CountingRules: []BundleRule{}}
	if !last.IsZero() {
		m.DataLastChange = last.UTC().Format(time.RFC3339)
	}
	var counterIDs []int64
	for _, t := range tables {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: t.Name, Method: zip.Deflate, Modified: last})
		if err != nil {
			return err
		}
		sum := sha256.New()
		cw := csv.NewWriter(io.MultiWriter(fw, sum))
		cw.UseCRLF = true
		if err := cw.Write(t.Header); err != nil {
			return err
		}
		rows := 0
		guarded := make([]string, len(t.Header))
		err = t.Rows(ctx, func(cells []string) error {
			rows++
			if t.Name == "counters.csv" {
				id, _ := strconv.ParseInt(cells[0], 10, 64)
				counterIDs = append(counterIDs, id)
			}
			for i, c := range cells {
				guarded[i] = timeline.GuardCell(c)
			}
			return cw.Write(guarded)
		})
		if err != nil {
			return err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		m.Files = append(m.Files, BundleFile{Name: t.Name, Rows: rows, SHA256: hex.EncodeToString(sum.Sum(nil))})
	}
	// The timeline of the view too: its order is the entries' order, which
	// an import of the bundle reproduces.
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: "timeline.csv", Method: zip.Deflate, Modified: last})
	if err != nil {
		return err
	}
	sum := sha256.New()
	n, err := csvRows(ctx, s, f.With(func(g *timeline.Filter) { g.Drafts = false }), io.MultiWriter(fw, sum), func() {})
	if err != nil {
		return err
	}
	m.Files = append(m.Files, BundleFile{Name: "timeline.csv", Rows: n, SHA256: hex.EncodeToString(sum.Sum(nil))})
	counters, err := s.CountersByID(ctx, counterIDs)
	if err != nil {
		return err
	}
	for _, c := range counters {
		m.CountingRules = append(m.CountingRules, BundleRule{CounterID: c.ID, Rule: c.Describe()})
	}
	fw, err = zw.CreateHeader(&zip.FileHeader{Name: "manifest.json", Method: zip.Deflate, Modified: last})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(fw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	return zw.Close()
}
