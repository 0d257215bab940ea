package main

import (
	"encoding/json"
	"io"
	"os"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/timeline/article"
)

// proposed is what `timeline propose` prints: the article's source and
// the facts it proposes, each with its passage (timeline/article).
type proposed struct {
	Source    proposedSource     `json:"source"`
	Proposals []article.Proposal `json:"proposals"`
}

type proposedSource struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Archive   string `json:"archive,omitempty"`
}

// cmdPropose reads an article (a file, or - for standard input) and
// prints what it proposes as JSON, against what the record knows (its
// people, countries, places). It changes nothing in the record.
func cmdPropose(e *env, args []string) error {
	fs := e.flags("propose")
	url := fs.String("url", "", "the article's address, when the file does not give it")
	date := fs.String("date", "", "the article's publication date (YYYY-MM-DD), when the file does not give it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: timeline propose [--url URL] [--date YYYY-MM-DD] FILE (or - for standard input)"}
	}
	var published timeline.Date
	if *date != "" {
		d, err := timeline.ParseDate(*date)
		if err != nil {
			return usageError{"--date: " + err.Error()}
		}
		published = d
	}
	var in io.Reader = e.stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	a, err := article.Read(in)
	if err != nil {
		return err
	}
	if a.URL == "" {
		a.URL = *url
	}
	if !a.Published.Valid() {
		a.Published = published
	}
	out := proposed{Source: proposedSource{URL: a.URL, Title: a.Title, Publisher: a.Publisher, Author: a.Author, Archive: a.Archive}}
	if err := e.withStore(func(s *store.Store) error {
		known, err := s.ArticleKnown(e.ctx)
		if err != nil {
			return err
		}
		out.Proposals = article.Propose(a, known)
		return s.CheckProposedClaims(e.ctx, known, a, out.Proposals)
	}); err != nil {
		return err
	}
	if a.Published.Valid() {
		out.Source.Published = a.Published.String()
	}
	if out.Proposals == nil {
		out.Proposals = []article.Proposal{}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", " ")
	return enc.Encode(out)
}
