package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// `timeline propose` prints the article's source and its proposals as
// JSON, each with its passage and the record's people by their slugs,
// reads standard input for "-", refuses what is not an article with a
// message, and changes nothing in the record.
func TestProposeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "timeline.db")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"--db", db, "seed"}, nil, &out, &errOut, testLogger()); err != nil {
		t.Fatal(err)
	}
	version := func() int64 {
		s, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		v, err := s.DataVersion(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := version()
	propose := func(stdin string, args ...string) (proposed, string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"--db", db, "propose"}, args...), strings.NewReader(stdin), &out, &errOut, testLogger())
		var p proposed
		if err == nil {
			if jerr := json.Unmarshal(out.Bytes(), &p); jerr != nil {
				t.Fatalf("the output is not JSON: %v\n%s", jerr, out.String())
			}
		}
		return p, errOut.String(), err
	}
	p, _, err := propose("", filepath.Join("..", "..", "timeline", "article", "testdata", "doha-talks.html"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Source.Publisher != "Example Wire" || p.Source.Published != "2024-10-24" {
		t.Errorf("source %+v", p.Source)
	}
	kinds := map[string]int{}
	for _, pr := range p.Proposals {
		kinds[pr.Kind]++
		if pr.Passage == "" {
			t.Errorf("a proposal without its passage: %+v", pr)
		}
	}
	if kinds["claim"] != 1 || kinds["quote"] != 2 || kinds["person"] != 3 || kinds["stop"] != 3 || kinds["meeting"] != 1 || kinds["goal"] != 1 {
		t.Errorf("proposals by kind %v, want 3 people, 3 stops, 1 meeting, 1 goal, 1 claim and 2 quotes", kinds)
	}
	for _, pr := range p.Proposals {
		if pr.Kind == "person" && pr.Slug == "" {
			t.Errorf("a person of the demo record is proposed as new: %+v", pr)
		}
		// The claim is checked at once: the demo numbers the tour the 11th
		// trip to the region since 7 October 2023.
		if pr.Kind == "claim" && (pr.Check == nil || pr.Check.Computed != 11 || pr.Check.Verdict != "confirmed" || !strings.Contains(pr.Check.Counter, "region NEA")) {
			t.Errorf("the claim's check: %+v", pr.Check)
		}
	}

	// Standard input, with the address and date given as flags.
	p, _, err = propose("Blinken made his 3rd trip to Qatar since 7 October 2023 on Monday.", "--url", "https://wire.example/x", "--date", "2024-10-21", "-")
	if err != nil || p.Source.URL != "https://wire.example/x" || p.Source.Published != "2024-10-21" || len(p.Proposals) != 2 || p.Proposals[1].Traveller != "blinken-antony-j" {
		t.Errorf("from standard input: %+v, %v", p, err)
	}
	for name, in := range map[string]string{"empty": "  ", "binary": "\x00\x01\x02"} {
		if _, _, err := propose(in, "-"); err == nil || userMessage(err) == "" {
			t.Errorf("%s: %v, want a message", name, err)
		}
	}
	if _, _, err := propose("x", "--date", "someday", "-"); err == nil {
		t.Error("a bad --date was taken")
	}
	if after := version(); after != before {
		t.Errorf("propose changed the record: data version %d, then %d", before, after)
	}
}
