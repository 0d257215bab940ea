package web

import (
	"net/http"
	"sort"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// claimsPage serves GET /claims: every published claim, checked against the
// record, with its sources and the trips the computation counted.
func (a *Server) claimsPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	claims, err := a.store.AllClaims(ctx)
	if err != nil {
		return err
	}
	var counterIDs, claimIDs []int64
	seen := map[int64]bool{}
	for _, cl := range claims {
		claimIDs = append(claimIDs, cl.ID)
		if !seen[cl.CounterID] {
			seen[cl.CounterID] = true
			counterIDs = append(counterIDs, cl.CounterID)
		}
	}
	counters, err := a.store.CountersByID(ctx, counterIDs)
	if err != nil {
		return err
	}
	byID := map[int64]timeline.Counter{}
	for _, c := range counters {
		byID[c.ID] = c
	}
	cites := store.Citations{}
	if err := a.store.CitationsFor(ctx, timeline.KindClaim, claimIDs, cites); err != nil {
		return err
	}
	n, err := a.currentNumberer(ctx)
	if err != nil {
		return err
	}
	titles := map[int64]map[int64]string{} // per traveller
	p := views.ClaimsPage{Site: a.site(w, r, "Claims")}
	for _, cl := range claims {
		c, ok := byID[cl.CounterID]
		if !ok {
			continue // its counter is a draft or deleted: nothing to check it by
		}
		res, err := n.Number(c)
		if err != nil {
			return err
		}
		if titles[c.PersonID] == nil {
			if titles[c.PersonID], err = a.store.TripTitles(ctx, c.PersonID); err != nil {
				return err
			}
		}
		v := views.ClaimView{Claim: cl, Counter: c, Check: timeline.CheckClaim(cl, res),
			Citations: cites.For(timeline.KindClaim, cl.ID), TripTitle: titles[c.PersonID][cl.TripID], Titles: titles[c.PersonID]}
		if v.Check.Computed > 0 {
			for _, it := range res.Items {
				v.Counted = append(v.Counted, it)
				if it.Ordinal == v.Check.Computed {
					break
				}
			}
		}
		switch v.Check.Verdict {
		case timeline.Confirmed:
			p.Confirmed++
		case timeline.Contradicted:
			p.Contradicted++
		default:
			p.NotCounted++
		}
		p.Claims = append(p.Claims, v)
	}
	return render(w, r, http.StatusOK, views.Claims(p))
}

// compareRules numbers c's stored trips under the stored rule and gaps of
// 0, 1 and 2 days (and c's own rule, if it is another), side by side.
func compareRules(n *numberer, c timeline.Counter, titles map[int64]string, claims []timeline.Claim) (*views.RuleComparison, error) {
	rules := []timeline.Rule{{Kind: timeline.RuleStored}, {Kind: timeline.RuleGap, GapDays: 0},
		{Kind: timeline.RuleGap, GapDays: 1}, {Kind: timeline.RuleGap, GapDays: 2}}
	cmp := &views.RuleComparison{Current: -1}
	for i, rl := range rules {
		if rl == c.Rule {
			cmp.Current = i
		}
	}
	if cmp.Current < 0 {
		rules = append(rules, c.Rule)
		cmp.Current = len(rules) - 1
	}
	cmp.Rules = rules
	claimed := map[int64]bool{}
	for _, cl := range claims {
		claimed[cl.TripID] = true
	}
	rows := map[int64]*views.CompareRow{}
	for i, rl := range rules {
		alt := c
		alt.ID = 0 // not the stored counter: the numberer must not reuse its result
		alt.Rule = rl
		res, err := n.Number(alt)
		if err != nil {
			return nil, err
		}
		cmp.Totals = append(cmp.Totals, len(res.Items))
		for _, it := range res.Items {
			in := map[int64]bool{} // the stored trips with a stop in scope
			for _, s := range it.Matching {
				in[s.TripID] = true
			}
			for _, s := range it.Stops {
				if !in[s.TripID] {
					continue
				}
				row := rows[s.TripID]
				if row == nil {
					row = &views.CompareRow{TripID: s.TripID, Title: titles[s.TripID], Start: s.Start, End: s.End,
						Numbers: make([][]int, len(rules)), Claimed: claimed[s.TripID]}
					rows[s.TripID] = row
				}
				if s.Start.Before(row.Start) {
					row.Start = s.Start
				}
				if s.End.After(row.End) {
					row.End = s.End
				}
				if k := len(row.Numbers[i]); k == 0 || row.Numbers[i][k-1] != it.Ordinal {
					row.Numbers[i] = append(row.Numbers[i], it.Ordinal)
				}
			}
		}
	}
	for _, row := range rows {
		cmp.Rows = append(cmp.Rows, *row)
	}
	sort.Slice(cmp.Rows, func(i, j int) bool {
		if cmp.Rows[i].Start != cmp.Rows[j].Start {
			return cmp.Rows[i].Start.Before(cmp.Rows[j].Start)
		}
		return cmp.Rows[i].TripID < cmp.Rows[j].TripID
	})
	return cmp, nil
}
