package export

import (
	"bufio"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

// ICS writes the view's trips as an iCalendar file (RFC
// 5545): one all-day event per trip, its stops in the description. Lines
// end in CRLF and are folded at 75 octets, text is escaped.
func ICS(ctx context.Context, s Source, f timeline.Filter, base string, w io.Writer, start func()) error {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, timeline.EntryTrip) {
		return timeline.FieldErrorf("kind", "The calendar holds trips; this view's kinds leave them out.")
	}
	f.Kinds = []string{timeline.EntryTrip}
	bw := bufio.NewWriterSize(w, 64<<10)
	started := false
	stamp := time.Now().UTC().Format("20060102T150405Z")
	host := strings.TrimPrefix(strings.TrimPrefix(base, "https://"), "http://")
	begin := func() {
		started = true
		start()
		icsLine(bw, "BEGIN:VCALENDAR")
		icsLine(bw, "VERSION:2.0")
		icsLine(bw, "PRODID:-//Diplomatic travel timeline//EN")
		icsLine(bw, "CALSCALE:GREGORIAN")
		icsLine(bw, "X-WR-CALNAME:"+icsEscape("Diplomatic travel: "+describeView(ctx, s, f)))
	}
	var batch []timeline.Entry
	flush := func() error {
		ids := make([]int64, len(batch))
		for i, e := range batch {
			ids[i] = e.RecordID
		}
		stops, err := s.StopsOfTrips(ctx, ids)
		if err != nil {
			return err
		}
		for _, e := range batch {
			var desc strings.Builder
			if e.PersonName != "" {
				desc.WriteString(e.PersonName + "\n")
			}
			for _, st := range stops[e.RecordID] {
				desc.WriteString(timeline.FormatRange(st.Start, st.End) + ": " + s.CountryName(st.Country))
				if st.Locality != "" {
					desc.WriteString(" (" + st.Locality + ")")
				}
				desc.WriteString("\n")
			}
			for _, src := range e.Sources {
				desc.WriteString("Source: " + src.URL + "\n")
			}
			icsLine(bw, "BEGIN:VEVENT")
			icsLine(bw, "UID:trip-"+strconv.FormatInt(e.RecordID, 10)+"@"+host)
			icsLine(bw, "DTSTAMP:"+stamp)
			icsLine(bw, "DTSTART;VALUE=DATE:"+strings.ReplaceAll(e.Start.String(), "-", ""))
			// DTEND of an all-day event is the day after the last.
			icsLine(bw, "DTEND;VALUE=DATE:"+strings.ReplaceAll(e.End.AddDays(1).String(), "-", ""))
			icsLine(bw, "SUMMARY:"+icsEscape(e.PersonName+": "+e.Title))
			icsLine(bw, "DESCRIPTION:"+icsEscape(strings.TrimRight(desc.String(), "\n")))
			icsLine(bw, "URL:"+base+e.Path())
			icsLine(bw, "END:VEVENT")
		}
		batch = batch[:0]
		return nil
	}
	err := s.EachEntry(ctx, f, func(e *timeline.Entry) error {
		if !started {
			begin()
		}
		c := *e
		c.Sources = append([]timeline.SourceRef(nil), e.Sources...)
		batch = append(batch, c)
		if len(batch) == 500 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !started {
		begin()
	}
	if err := flush(); err != nil {
		return err
	}
	icsLine(bw, "END:VCALENDAR")
	return bw.Flush()
}

// icsEscape escapes a TEXT value (RFC 5545 3.3.11).
func icsEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// icsLine writes one content line folded at 75 octets, never inside a
// UTF-8 sequence.
func icsLine(w *bufio.Writer, line string) {
	const max = 75
	first := true
	for len(line) > 0 {
		limit := max
		if !first {
			limit = max - 1 // the leading space counts
		}
		if len(line) <= limit {
			if !first {
				w.WriteByte(' ')
			}
			w.WriteString(line)
			break
		}
		cut := limit
		for cut > 0 && line[cut]&0xC0 == 0x80 {
			cut--
		}
		if !first {
			w.WriteByte(' ')
		}
		w.WriteString(line[:cut])
		w.WriteString("\r\n")
		line = line[cut:]
		first = false
	}
	w.WriteString("\r\n")
}
