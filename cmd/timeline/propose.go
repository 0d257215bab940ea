package main

import (
	"encoding/json"
	"io"
	"os"
	"strings"

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
		return checkClaims(e, s, known, a, out.Proposals)
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

// checkClaims checks each proposed claim against the record at once: its
// place as a country or a region ("the region" is the first stop's
// bureau), its day the first stop's, else the article's.
func checkClaims(e *env, s *store.Store, known article.Known, a article.Article, ps []article.Proposal) error {
	day, firstCountry := a.Published, ""
	for _, p := range ps {
		if p.Kind == "stop" && p.Start != "" {
			day, _ = timeline.ParseDate(p.Start)
			firstCountry = p.Country
			break
		}
	}
	for i := range ps {
		p := &ps[i]
		if p.Kind != "claim" || p.Traveller == "" {
			continue
		}
		var region, country string
		var err error
		place := strings.TrimPrefix(strings.ToLower(p.Place), "the ")
		if code, ok := known.Country(place); ok && place != "" {
			country = code
		} else if code, ok := known.Region(place); ok {
			region = code
		} else if place == "region" && firstCountry != "" {
			if region, err = s.BureauOf(e.ctx, firstCountry); err != nil {
				return err
			}
		}
		since, _ := timeline.ParseDate(p.Since)
		unit := timeline.UnitTrips
		if p.Unit == "stop" {
			unit = timeline.UnitStops
		}
		ch, rule, err := s.CheckProposedClaim(e.ctx, p.Traveller, region, country, since, unit, day, p.Ordinal)
		if err != nil {
			if timeline.ErrorCode(err) == timeline.EInternal {
				return err
			}
			continue // a claim the record cannot count (an unknown traveller)
		}
		p.Check = &article.ClaimCheck{Computed: ch.Computed, Verdict: string(ch.Verdict), Counter: rule}
	}
	return nil
}
