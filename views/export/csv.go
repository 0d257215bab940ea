package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"

	"github.com/diplomatic-travel/tracker/timeline"
)

// CSV writes the timeline of f to w: header first, one row per entry, RFC
// 4180 with CRLF line ends, formula cells guarded. It needs no base: the
// CSV's permalinks are paths.
func CSV(ctx context.Context, s Source, f timeline.Filter, _ string, w io.Writer, start func()) error {
	_, err := csvRows(ctx, s, f, w, start)
	return err
}

// csvRows is CSV, also saying how many rows it
// wrote (the bundle's manifest counts them).
func csvRows(ctx context.Context, s Source, f timeline.Filter, w io.Writer, start func()) (int, error) {
	rows := 0
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	row := make([]string, len(timeline.EntryCSVHeader))
	ordinals, err := s.TripPhrases(ctx)
	if err != nil {
		return 0, err
	}
	wroteHeader := false
	writeHeader := func() error {
		wroteHeader = true
		start()
		return cw.Write(timeline.EntryCSVHeader)
	}
	err = s.EachEntry(ctx, f, func(e *timeline.Entry) error {
		if !wroteHeader {
			if err := writeHeader(); err != nil {
				return err
			}
		}
		if e.Kind == timeline.EntryTrip {
			e.Ordinals = ordinals[e.RecordID]
		}
		for i, c := range e.CSVRow("") {
			row[i] = timeline.GuardCell(c)
		}
		rows++
		return cw.Write(row)
	})
	if err != nil {
		return rows, err
	}
	if !wroteHeader {
		if err := writeHeader(); err != nil {
			return rows, err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return rows, err
	}
	return rows, bw.Flush()
}
