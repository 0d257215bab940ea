package export

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// TJSDate, TJSText and TJSEvent are Knight Lab TimelineJS's JSON format (a
// subset: title, events with dates, text, group and unique id).
type TJSDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// TJSText is a headline and its HTML text.
type TJSText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// TJSEvent is one slide of the story.
type TJSEvent struct {
	StartDate TJSDate  `json:"start_date"`
	EndDate   *TJSDate `json:"end_date,omitempty"`
	Text      TJSText  `json:"text"`
	Group     string   `json:"group,omitempty"`
	UniqueID  string   `json:"unique_id"`
}

// tjsDateOf writes a date to the precision it is known to.
func tjsDateOf(d timeline.Date, p timeline.Precision) TJSDate {
	out := TJSDate{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
	switch p {
	case timeline.PrecisionYear:
		out.Month, out.Day = 0, 0
	case timeline.PrecisionMonth:
		out.Day = 0
	}
	return out
}

// TimelineJS writes the view as a TimelineJS story. TimelineJS shows
// text as HTML, so every text of the record is escaped and only our own
// links are markup.
func TimelineJS(ctx context.Context, s Source, f timeline.Filter, base string, w io.Writer, start func()) error {
	title, err := json.Marshal(TJSText{Headline: "Diplomatic travel timeline", Text: html.EscapeString(describeView(ctx, s, f))})
	if err != nil {
		return err
	}
	open := `{"title":{"text":` + string(title) + `},"events":[`
	return jsonArray(ctx, s, f, w, start, open, func(e *timeline.Entry) any {
		var text strings.Builder
		if e.Summary != "" {
			text.WriteString("<p>" + html.EscapeString(e.Summary) + "</p>")
		}
		text.WriteString(`<p><a href="` + html.EscapeString(base+e.Path()) + `">In the record</a>`)
		for i, src := range e.Sources {
			fmt.Fprintf(&text, ` · <a href="%s">source %d</a>`, html.EscapeString(src.URL), i+1)
		}
		text.WriteString("</p>")
		ev := TJSEvent{StartDate: tjsDateOf(e.Start, e.Precision), Text: TJSText{Headline: html.EscapeString(e.Title), Text: text.String()},
			Group: html.EscapeString(e.PersonName), UniqueID: e.Kind + "-" + strconv.FormatInt(e.RecordID, 10)}
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
