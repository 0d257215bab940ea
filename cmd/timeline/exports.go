package main

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// exportWriter writes the export of a view; start is called once, before
// the first byte, when the filter has been accepted.
type exportWriter func(ctx context.Context, s *store.Store, f timeline.Filter, base string, w io.Writer, start func()) error

// stream serves an export of the view in the request's query: the same
// filters as the timeline, every entry. The export is first written to a
// temporary file at the database's pace, so that a slow or stalled client
// never holds a database connection; the file is then sent in chunks, each
// under a deadline, so a client that stops reading is cut off within
// seconds. Exports are capped in all and per client (503 beyond). A
// failure while writing the file is an error page: nothing was sent.
func (a *app) stream(contentType, filename string, write exportWriter) func(http.ResponseWriter, *http.Request) error {
	disposition := "inline"
	if strings.HasSuffix(filename, ".csv") || strings.HasSuffix(filename, ".zip") {
		disposition = "attachment"
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := timeline.ParseFilter(r.URL.Query())
		if err != nil {
			return err
		}
		release, ok := a.exportSlots.try(a.clientAddr(r))
		if !ok {
			return errBusy("Too many exports are being made (at most %d at once, %d per address).", a.limits.Exports, a.limits.ExportsPerClient)
		}
		defer release()
		spool, err := os.CreateTemp("", "timeline-export-*")
		if err != nil {
			return err
		}
		defer os.Remove(spool.Name())
		defer spool.Close()
		if err := write(r.Context(), a.store, f, a.base, spool, func() {}); err != nil {
			return err
		}
		size, err := spool.Seek(0, io.SeekCurrent)
		if err != nil {
			return err
		}
		if _, err := spool.Seek(0, io.SeekStart); err != nil {
			return err
		}
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Content-Disposition", disposition+`; filename="`+filename+`"`)
		h.Set("Content-Length", strconv.FormatInt(size, 10))
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodHead {
			return nil
		}
		if err := a.sendChunked(w, spool); err != nil {
			a.log.Info("export cut off", "export", filename, "err", err)
			panic(http.ErrAbortHandler) // the client has a short file: tell it so
		}
		return nil
	}
}

// exportChunk is how much of an export is written under one deadline.
const exportChunk = 256 << 10

// sendChunked copies src to the client chunk by chunk, each under the
// chunk deadline.
func (a *app) sendChunked(w http.ResponseWriter, src io.Reader) error {
	rc := http.NewResponseController(w)
	buf := make([]byte, exportChunk)
	for {
		n, rerr := io.ReadFull(src, buf)
		if n > 0 {
			if err := rc.SetWriteDeadline(time.Now().Add(a.limits.ChunkTimeout)); err != nil {
				return err
			}
			if _, err := w.Write(buf[:n]); err != nil {
				return err
			}
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			return rc.SetWriteDeadline(time.Time{})
		}
		if rerr != nil {
			return rerr
		}
	}
}

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

// jsonSchemaVersion changes when a field changes meaning or goes away.
const jsonSchemaVersion = 1

// writeTimelineJSON writes {"schema_version", "filter", "entries": [...]},
// one entry per line so the file streams and diffs well.
func writeTimelineJSON(ctx context.Context, s *store.Store, f timeline.Filter, base string, w io.Writer, start func()) error {
	head, err := json.Marshal(struct {
		Version int               `json:"schema_version"`
		Filter  map[string]string `json:"filter"`
	}{jsonSchemaVersion, filterMap(f)})
	if err != nil {
		return err
	}
	ordinals, err := s.TripPhrases(ctx)
	if err != nil {
		return err
	}
	// The head object, opened again for the entries.
	open := string(head[:len(head)-1]) + `,"entries":[`
	return writeJSONArray(ctx, s, f, w, start, open, func(e *timeline.Entry) any {
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

// writeJSONArray streams the view's entries as the items of a JSON array,
// one a line, between open (which ends by opening the array) and "]}".
// start is called before the first byte, once the query has begun.
func writeJSONArray(ctx context.Context, s *store.Store, f timeline.Filter, w io.Writer, start func(), open string, item func(*timeline.Entry) any) error {
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

// timelineJS is Knight Lab TimelineJS's JSON format (a subset: title,
// events with dates, text, group and unique id).
type tjsDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type tjsEvent struct {
	StartDate tjsDate  `json:"start_date"`
	EndDate   *tjsDate `json:"end_date,omitempty"`
	Text      tjsText  `json:"text"`
	Group     string   `json:"group,omitempty"`
	UniqueID  string   `json:"unique_id"`
}

// tjsDateOf writes a date to the precision it is known to.
func tjsDateOf(d timeline.Date, p timeline.Precision) tjsDate {
	out := tjsDate{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
	switch p {
	case timeline.PrecisionYear:
		out.Month, out.Day = 0, 0
	case timeline.PrecisionMonth:
		out.Day = 0
	}
	return out
}

// writeTimelineJS writes the view as a TimelineJS story. TimelineJS shows
// text as HTML, so every text of the record is escaped and only our own
// links are markup.
func writeTimelineJS(ctx context.Context, s *store.Store, f timeline.Filter, base string, w io.Writer, start func()) error {
	title, err := json.Marshal(tjsText{Headline: "Diplomatic travel timeline", Text: html.EscapeString(describeView(ctx, s, f))})
	if err != nil {
		return err
	}
	open := `{"title":{"text":` + string(title) + `},"events":[`
	return writeJSONArray(ctx, s, f, w, start, open, func(e *timeline.Entry) any {
		var text strings.Builder
		if e.Summary != "" {
			text.WriteString("<p>" + html.EscapeString(e.Summary) + "</p>")
		}
		text.WriteString(`<p><a href="` + html.EscapeString(base+e.Path()) + `">In the record</a>`)
		for i, src := range e.Sources {
			fmt.Fprintf(&text, ` · <a href="%s">source %d</a>`, html.EscapeString(src.URL), i+1)
		}
		text.WriteString("</p>")
		ev := tjsEvent{StartDate: tjsDateOf(e.Start, e.Precision), Text: tjsText{Headline: html.EscapeString(e.Title), Text: text.String()},
			Group: html.EscapeString(e.PersonName), UniqueID: e.Kind + "-" + itoa64(e.RecordID)}
		if e.End != e.Start {
			end := tjsDateOf(e.End, e.Precision)
			ev.EndDate = &end
		}
		if ev.Group == "" {
			ev.Group = "Events"
		}
		return ev
	})
}

// describeView says in words which entries an export holds.
func describeView(ctx context.Context, s *store.Store, f timeline.Filter) string {
	if words := describeFilter(ctx, s, f); len(words) > 0 {
		return "The timeline of " + strings.Join(words, "; ")
	}
	return "The whole timeline"
}

func itoa64(n int64) string { return fmt.Sprint(n) }

// writeTimelineICS writes the view's trips as an iCalendar file (RFC
// 5545): one all-day event per trip, its stops in the description. Lines
// end in CRLF and are folded at 75 octets, text is escaped.
func writeTimelineICS(ctx context.Context, s *store.Store, f timeline.Filter, base string, w io.Writer, start func()) error {
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
		names := s.Countries()
		for _, e := range batch {
			var desc strings.Builder
			if e.PersonName != "" {
				desc.WriteString(e.PersonName + "\n")
			}
			for _, st := range stops[e.RecordID] {
				desc.WriteString(timeline.FormatRange(st.Start, st.End) + ": " + names.Name(st.Country))
				if st.Locality != "" {
					desc.WriteString(" (" + st.Locality + ")")
				}
				desc.WriteString("\n")
			}
			for _, src := range e.Sources {
				desc.WriteString("Source: " + src.URL + "\n")
			}
			icsLine(bw, "BEGIN:VEVENT")
			icsLine(bw, "UID:trip-"+itoa64(e.RecordID)+"@"+host)
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

// Atom (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Link    atomLink   `xml:"link"`
	Summary string     `xml:"summary,omitempty"`
	Author  atomPerson `xml:"author"`
}

// feedSize is how many recently changed entries the feed holds.
const feedSize = 50

// writeAtom writes the feed of the view's recently published or changed
// entries, newest change first.
func writeAtom(ctx context.Context, s *store.Store, f timeline.Filter, base string, w io.Writer, start func()) error {
	recent, err := s.RecentlyChanged(ctx, f, feedSize)
	if err != nil {
		return err
	}
	feed := atomFeed{ID: base + "/feed.atom" + f.Query(), Title: "Diplomatic travel timeline: " + describeView(ctx, s, f),
		Links:  []atomLink{{Rel: "self", Href: base + "/feed.atom" + f.Query(), Type: "application/atom+xml"}, {Rel: "alternate", Href: base + "/" + f.Query(), Type: "text/html"}},
		Author: atomPerson{Name: "Diplomatic travel timeline"}}
	updated := time.Unix(0, 0).UTC()
	for _, u := range recent {
		if u.At.After(updated) {
			updated = u.At
		}
		author := u.PersonName
		if author == "" {
			author = "Diplomatic travel timeline"
		}
		title := u.Title
		if u.PersonName != "" {
			title = u.PersonName + ": " + u.Title
		}
		feed.Entries = append(feed.Entries, atomEntry{ID: base + u.Path(), Title: title + " (" + u.When() + ")",
			Updated: u.At.UTC().Format(time.RFC3339), Link: atomLink{Href: base + u.Path(), Rel: "alternate", Type: "text/html"},
			Summary: u.Summary, Author: atomPerson{Name: author}})
	}
	feed.Updated = updated.Format(time.RFC3339)
	start()
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(feed); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}
