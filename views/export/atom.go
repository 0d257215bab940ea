package export

import (
	"context"
	"encoding/xml"
	"io"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

// AtomFeed is an Atom feed (RFC 4287), as much of it as the site writes.
type AtomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []AtomLink  `xml:"link"`
	Author  AtomPerson  `xml:"author"`
	Entries []AtomEntry `xml:"entry"`
}

// AtomLink is a link of the feed or of an entry.
type AtomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// AtomPerson is an author.
type AtomPerson struct {
	Name string `xml:"name"`
}

// AtomEntry is one entry of the feed.
type AtomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Link    AtomLink   `xml:"link"`
	Summary string     `xml:"summary,omitempty"`
	Author  AtomPerson `xml:"author"`
}

// FeedSize is how many recently changed entries the feed holds.
const FeedSize = 50

// Atom writes the feed of the view's recently published or changed
// entries, newest change first.
func Atom(ctx context.Context, s Source, f timeline.Filter, base string, w io.Writer, start func()) error {
	recent, err := s.RecentlyChanged(ctx, f, FeedSize)
	if err != nil {
		return err
	}
	feed := AtomFeed{ID: base + "/feed.atom" + f.Query(), Title: "Diplomatic travel timeline: " + describeView(ctx, s, f),
		Links:  []AtomLink{{Rel: "self", Href: base + "/feed.atom" + f.Query(), Type: "application/atom+xml"}, {Rel: "alternate", Href: base + "/" + f.Query(), Type: "text/html"}},
		Author: AtomPerson{Name: "Diplomatic travel timeline"}}
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
		feed.Entries = append(feed.Entries, AtomEntry{ID: base + u.Path(), Title: title + " (" + u.When() + ")",
			Updated: u.At.UTC().Format(time.RFC3339), Link: AtomLink{Href: base + u.Path(), Rel: "alternate", Type: "text/html"},
			Summary: u.Summary, Author: AtomPerson{Name: author}})
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
