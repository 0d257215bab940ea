package web

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/diplomatic-travel/tracker/views"
)

// A change is shown field by field, as a reader compares two versions: a
// text word by word, a trip's stops row by row (by their ids), and a
// meeting's participants as the people added and removed. Nothing is shown
// as raw JSON unless it is of no known shape.

// stopFields are the fields of a stop that a reader tells apart, in order.
var stopFields = []string{"Country", "Locality", "Start", "End", "Remarks"}

// namer names what a change holds by id or code: people and countries.
type namer struct {
	person  func(int64) string
	country func(string) string
}

// diffFields compares two JSON objects field by field and lists what
// differs.
func diffFields(before, after string, names namer) []views.FieldChange {
	var b, a map[string]json.RawMessage
	if before != "" {
		json.Unmarshal([]byte(before), &b)
	}
	if after != "" {
		json.Unmarshal([]byte(after), &a)
	}
	keys := map[string]bool{}
	for k := range b {
		keys[k] = true
	}
	for k := range a {
		keys[k] = true
	}
	var fields []string
	for k := range keys {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	var out []views.FieldChange
	for _, k := range fields {
		switch {
		case strings.EqualFold(k, "stops"):
			out = append(out, diffStops(b[k], a[k], names.country)...)
		case strings.EqualFold(k, "participants"):
			out = append(out, diffPeople(k, b[k], a[k], names.person)...)
		default:
			bv, av := show(b[k]), show(a[k])
			if bv != av {
				out = append(out, views.FieldChange{Field: k, Before: bv, After: av, Words: diffWords(bv, av)})
			}
		}
	}
	return out
}

// diffStops lists a trip's stops that changed: each changed field of a
// stop kept, and each stop added or removed, as one row.
func diffStops(before, after json.RawMessage, country func(string) string) []views.FieldChange {
	var b, a []map[string]json.RawMessage
	json.Unmarshal(before, &b)
	json.Unmarshal(after, &a)
	id := func(s map[string]json.RawMessage) string { return string(s["ID"]) }
	label := func(s map[string]json.RawMessage) string {
		return strings.TrimSpace(country(show(s["Country"])) + ", " + show(s["Locality"]) + ", " + show(s["Start"]))
	}
	whole := func(s map[string]json.RawMessage) string {
		var parts []string
		for _, f := range stopFields {
			if v := show(s[f]); v != "" {
				if f == "Country" {
					v = country(v)
				}
				parts = append(parts, v)
			}
		}
		return strings.Join(parts, ", ")
	}
	old := map[string]map[string]json.RawMessage{}
	for _, s := range b {
		old[id(s)] = s
	}
	var out []views.FieldChange
	seen := map[string]bool{}
	for i, s := range a {
		seen[id(s)] = true
		o, ok := old[id(s)]
		if !ok {
			out = append(out, views.FieldChange{Field: fmt.Sprintf("stop %d added", i+1), After: whole(s)})
			continue
		}
		for _, f := range stopFields {
			if bv, av := show(o[f]), show(s[f]); bv != av {
				if f == "Country" {
					bv, av = country(bv), country(av)
				}
				out = append(out, views.FieldChange{Field: fmt.Sprintf("stop %d (%s): %s", i+1, label(s), strings.ToLower(f)), Before: bv, After: av, Words: diffWords(bv, av)})
			}
		}
	}
	for _, s := range b {
		if !seen[id(s)] {
			out = append(out, views.FieldChange{Field: "stop removed", Before: whole(s)})
		}
	}
	return out
}

// diffPeople lists the people added to and removed from a list of ids.
func diffPeople(field string, before, after json.RawMessage, names func(int64) string) []views.FieldChange {
	var b, a []int64
	json.Unmarshal(before, &b)
	json.Unmarshal(after, &a)
	in := func(xs []int64, x int64) bool {
		for _, y := range xs {
			if y == x {
				return true
			}
		}
		return false
	}
	var out []views.FieldChange
	for _, id := range a {
		if !in(b, id) {
			out = append(out, views.FieldChange{Field: field + ": added", After: names(id)})
		}
	}
	for _, id := range b {
		if !in(a, id) {
			out = append(out, views.FieldChange{Field: field + ": removed", Before: names(id)})
		}
	}
	return out
}

func show(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// diffWords compares two texts word by word (a longest common subsequence
// of their words): the words kept, removed and added, in order. Texts too
// long to compare so are shown whole (none).
func diffWords(before, after string) []views.DiffWord {
	b, a := strings.Fields(before), strings.Fields(after)
	if len(b) == 0 || len(a) == 0 || len(b)*len(a) > 250000 || (len(b) == 1 && len(a) == 1) {
		return nil
	}
	// lcs[i][j] is the length of the longest common run of b[i:] and a[j:].
	lcs := make([][]int, len(b)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(a)+1)
	}
	for i := len(b) - 1; i >= 0; i-- {
		for j := len(a) - 1; j >= 0; j-- {
			if b[i] == a[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []views.DiffWord
	add := func(text string, op int) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + text
			return
		}
		out = append(out, views.DiffWord{Text: text, Op: op})
	}
	i, j := 0, 0
	for i < len(b) && j < len(a) {
		switch {
		case b[i] == a[j]:
			add(b[i], 0)
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			add(b[i], -1)
			i++
		default:
			add(a[j], 1)
			j++
		}
	}
	for ; i < len(b); i++ {
		add(b[i], -1)
	}
	for ; j < len(a); j++ {
		add(a[j], 1)
	}
	return out
}

// namer names people (each read once) and countries for a page of
// changes.
func (a *Server) namer(ctx context.Context) namer {
	seen := map[int64]string{}
	return namer{country: a.store.Countries().Name, person: func(id int64) string {
		if n, ok := seen[id]; ok {
			return n
		}
		n := fmt.Sprintf("person %d", id)
		if p, err := a.store.PersonByID(ctx, id); err == nil {
			n = p.Name
		}
		seen[id] = n
		return n
	}}
}
