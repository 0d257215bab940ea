package export

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// JSONEntry is one entry of /timeline.json; README documents the schema.
type JSONEntry struct {
	Kind          string   `json:"kind"`
	ID            int64    `json:"id"`
	StartDate     string   `json:"start_date"`
	EndDate       string   `json:"end_date"`
	DatePrecision string   `json:"date_precision"`
	Person        string   `json:"person,omitempty"`
	PersonName    string   `json:"person_name,omitempty"`
	Countries     []string `json:"countries"`
	Localities    string   `json:"localities,omitempty"`
	Title         string   `json:"title"`
	Summary       string   `json:"summary,omitempty"`
	SourceURLs    []string `json:"source_urls"`
	URL           string   `json:"url"`
	// Ordinals are the counters' numbers of a trip in the pages' words.
	Ordinals []string `json:"ordinals,omitempty"`
}

// JSONSchemaVersion changes when a field changes meaning or goes away.
const JSONSchemaVersion = 1

// JSON writes {"schema_version", "filter", "entries": [...]},
// one entry per line so the file streams and diffs well.
func JSON(ctx context.Context, s Source, f timeline.Filter, base string, w io.Writer, start func()) error {
	head, err := json.Marshal(struct {
		Version int               `json:"schema_version"`
		Filter  map[string]string `json:"filter"`
	}{JSONSchemaVersion, filterMap(f)})
	if err != nil {
		return err
	}
	ordinals, err := s.TripPhrases(ctx)
	if err != nil {
		return err
	}
	// The head object, opened again for the entries.
	open := string(head[:len(head)-1]) + `,"entries":[`
	return jsonArray(ctx, s, f, w, start, open, func(e *timeline.Entry) any {
		je := JSONEntry{Kind: e.Kind, ID: e.RecordID, StartDate: e.Start.String(), EndDate: e.End.String(), DatePrecision: precisionOf(e),
			Person: e.PersonSlug, PersonName: e.PersonName, Countries: e.Countries, Localities: e.Localities, Title: e.Title,
			Summary: e.Summary, SourceURLs: []string{}, URL: base + e.Path()}
		if je.Countries == nil {
			je.Countries = []string{}
		}
		for _, src := range e.Sources {
			je.SourceURLs = append(je.SourceURLs, src.URL)
		}
		if e.Kind == timeline.EntryTrip {
			je.Ordinals = ordinals[e.RecordID]
		}
		return je
	})
}

// jsonArray streams the view's entries as the items of a JSON array,
// one a line, between open (which ends by opening the array) and "]}".
// start is called before the first byte, once the query has begun.
func jsonArray(ctx context.Context, s Source, f timeline.Filter, w io.Writer, start func(), open string, item func(*timeline.Entry) any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	started := false
	begin := func() error {
		started = true
		start()
		_, err := bw.WriteString(open)
		return err
	}
	n := 0
	err := s.EachEntry(ctx, f, func(e *timeline.Entry) error {
		if !started {
			if err := begin(); err != nil {
				return err
			}
		}
		b, err := json.Marshal(item(e))
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteByte('\n')
		_, err = bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if !started {
		if err := begin(); err != nil {
			return err
		}
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

func precisionOf(e *timeline.Entry) string {
	if e.Precision == "" {
		return string(timeline.PrecisionDay)
	}
	return string(e.Precision)
}

// filterMap is the view's filter as its query parameters, for the
// exports that say what they hold.
func filterMap(f timeline.Filter) map[string]string {
	out := map[string]string{}
	for k, v := range f.Values() {
		out[k] = strings.Join(v, ",")
	}
	return out
}
