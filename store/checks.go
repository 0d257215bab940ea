package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// The kinds of finding the data checks make, in the order they are shown.
const (
	CheckNearDuplicate = "near duplicate"
	CheckOverlap       = "overlap"
	CheckOutOfOrder    = "out of order"
	CheckGap           = "gap"
	CheckUnsourced     = "unsourced"
	CheckContradicted  = "contradicted claim"
	CheckAlias         = "inconsistent country"
	CheckOutsideTrip   = "outside its trip"
)

// CheckKinds are the checks, in order, each with what it looks for.
var CheckKinds = []struct{ Kind, About string }{
	{CheckNearDuplicate, "two stops of one traveller in one country starting the same day (exact duplicates cannot be stored)"},
	{CheckOverlap, "stops of one traveller in two countries overlapping by two days or more, which cannot both be true"},
	{CheckOutOfOrder, "a trip whose stops are not in date order"},
	{CheckGap, "a trip with a gap between its stops larger than the import's rule (1 day), which that rule would split"},
	{CheckUnsourced, "a published entry with no source"},
	{CheckContradicted, "a claim the record now contradicts, or no longer numbers"},
	{CheckAlias, "one locality recorded under more than one country"},
	{CheckOutsideTrip, "a meeting or quote dated outside its trip's dates"},
}

// Finding is one thing that needs a curator's attention, with links to the
// records concerned.
type Finding struct {
	Kind    string
	Message string
	Links   []FindingLink
}

// FindingLink is a record a finding concerns.
type FindingLink struct {
	Label string
	Path  string
}

// Check runs every data check on the published and draft record (deleted
// trips left out) and returns the findings, by kind.
func (s *Store) Check(ctx context.Context) ([]Finding, error) {
	var out []Finding
	stops, err := s.checkStops(ctx)
	if err != nil {
		return nil, err
	}
	names := s.countries
	label := func(st checkStop) string {
		return fmt.Sprintf("%s, %s %s", st.person, names.Name(st.Country), timeline.FormatRange(st.Start, st.End))
	}
	link := func(st checkStop) FindingLink {
		return FindingLink{Label: label(st), Path: timeline.RecordPath(timeline.KindTrip, st.TripID) + "#stop-" + fmt.Sprint(st.ID)}
	}

	// Per traveller, in date order.
	byPerson, persons := groupBy(stops, func(st checkStop) int64 { return st.PersonID })
	for _, pid := range persons {
		ss := byPerson[pid]
		sort.Slice(ss, func(i, j int) bool {
			if ss[i].Start != ss[j].Start {
				return ss[i].Start.Before(ss[j].Start)
			}
			return ss[i].ID < ss[j].ID
		})
		for i := range ss {
			for j := i + 1; j < len(ss) && !ss[j].Start.After(ss[i].End); j++ {
				a, b := ss[i], ss[j]
				switch {
				case a.Country == b.Country && a.Start == b.Start:
					out = append(out, Finding{Kind: CheckNearDuplicate, Links: []FindingLink{link(a), link(b)},
						Message: fmt.Sprintf("%s is twice in %s from %s (%q and %q)", a.person, names.Name(a.Country), a.Start.Long(), a.Locality, b.Locality)})
				case a.Country != b.Country:
					end := a.End
					if b.End.Before(end) {
						end = b.End
					}
					if days := b.Start.DaysUntil(end) + 1; days >= 2 {
						out = append(out, Finding{Kind: CheckOverlap, Links: []FindingLink{link(a), link(b)},
							Message: fmt.Sprintf("%s is in %s and in %s on the same %d days", a.person, names.Name(a.Country), names.Name(b.Country), days)})
					}
				}
			}
		}
	}

	// Per trip, in its own order.
	byTrip, trips := groupBy(stops, func(st checkStop) int64 { return st.TripID })
	sort.Slice(trips, func(i, j int) bool { return trips[i] < trips[j] })
	for _, tid := range trips {
		ss := byTrip[tid]
		sort.Slice(ss, func(i, j int) bool { return ss[i].Seq < ss[j].Seq || (ss[i].Seq == ss[j].Seq && ss[i].ID < ss[j].ID) })
		tripLink := FindingLink{Label: ss[0].tripTitle, Path: timeline.RecordPath(timeline.KindTrip, tid)}
		for i := 1; i < len(ss); i++ {
			if ss[i].Start.Before(ss[i-1].Start) {
				out = append(out, Finding{Kind: CheckOutOfOrder, Links: []FindingLink{tripLink},
					Message: fmt.Sprintf("stop %d (%s, %s) comes before stop %d (%s, %s) in the trip but is later",
						i, names.Name(ss[i-1].Country), ss[i-1].Start.Long(), i+1, names.Name(ss[i].Country), ss[i].Start.Long())})
				break
			}
		}
		sort.SliceStable(ss, func(i, j int) bool {
			return ss[i].Start.Before(ss[j].Start) || (ss[i].Start == ss[j].Start && ss[i].End.Before(ss[j].End))
		})
		latest := ss[0].End
		for i := 1; i < len(ss); i++ {
			if gap := latest.DaysUntil(ss[i].Start) - 1; gap > timeline.DefaultGapDays {
				out = append(out, Finding{Kind: CheckGap, Links: []FindingLink{tripLink},
					Message: fmt.Sprintf("%d days pass between %s and %s (%s); gap rule %d day would make two trips of it",
						gap, latest.Long(), ss[i].Start.Long(), names.Name(ss[i].Country), timeline.DefaultGapDays)})
				break
			}
			if ss[i].End.After(latest) {
				latest = ss[i].End
			}
		}
	}

	// Unsourced published entries.
	rows, err := s.r.QueryContext(ctx, `SELECT e.kind, e.record_id, e.title, e.start_date FROM entries e
		WHERE e.status = 'published' AND e.has_sources = 0 ORDER BY e.start_date, e.id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var kind, title string
		var id int64
		var start timeline.Date
		if err := rows.Scan(&kind, &id, &title, &start); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, Finding{Kind: CheckUnsourced, Message: fmt.Sprintf("the %s %q (%s) cites no source", kind, title, start.Long()),
			Links: []FindingLink{{Label: title, Path: timeline.RecordPath(timeline.Kind(kind), id)}}})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Claims.
	claims, err := s.claims(ctx, `WHERE deleted_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	n := s.Numberer(ctx)
	for _, cl := range claims {
		c, err := s.CounterFor(ctx, cl.CounterID, true)
		if err != nil {
			if timeline.ErrorCode(err) == timeline.ENotFound {
				continue // its counter was deleted; the claim shows no check
			}
			return nil, err
		}
		res, err := n.Number(*c)
		if err != nil {
			return nil, err
		}
		if ch := timeline.CheckClaim(cl, res); ch.Verdict != timeline.Confirmed {
			out = append(out, Finding{Kind: CheckContradicted, Message: fmt.Sprintf("%q: %s", cl.Text, ch.Summary()),
				Links: []FindingLink{{Label: cl.Text, Path: timeline.RecordPath(timeline.KindClaim, cl.ID)},
					{Label: c.Noun(), Path: "/counters/" + fmt.Sprint(c.ID)}}})
		}
	}

	// One locality, several countries.
	byLocality := map[string]map[string]checkStop{}
	for _, st := range stops {
		for _, loc := range strings.Split(st.Locality, ",") {
			loc = strings.ToLower(strings.TrimSpace(loc))
			if loc == "" {
				continue
			}
			if byLocality[loc] == nil {
				byLocality[loc] = map[string]checkStop{}
			}
			if _, ok := byLocality[loc][st.Country]; !ok {
				byLocality[loc][st.Country] = st
			}
		}
	}
	var locs []string
	for loc, cs := range byLocality {
		if len(cs) > 1 {
			locs = append(locs, loc)
		}
	}
	sort.Strings(locs)
	for _, loc := range locs {
		var codes []string
		var links []FindingLink
		for code := range byLocality[loc] {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		var named []string
		for _, code := range codes {
			named = append(named, names.Name(code))
			links = append(links, link(byLocality[loc][code]))
		}
		out = append(out, Finding{Kind: CheckAlias, Links: links,
			Message: fmt.Sprintf("the locality %q is recorded in %s", loc, strings.Join(named, " and in "))})
	}

	outside, err := s.checkOutsideTrips(ctx)
	if err != nil {
		return nil, err
	}
	out = append(out, outside...)

	order := map[string]int{}
	for i, k := range CheckKinds {
		order[k.Kind] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].Kind] < order[out[j].Kind] })
	return out, nil
}

type checkStop struct {
	timeline.Stop
	person    string
	tripTitle string
}

// checkStops reads every stop of the trips not deleted, with names.
func (s *Store) checkStops(ctx context.Context) ([]checkStop, error) {
	return list(ctx, s.r, func(st *checkStop) []any {
		return []any{&st.ID, &st.TripID, &st.PersonID, &st.Seq, &st.Country, &st.Locality, &st.Start, &st.End, &st.person, &st.tripTitle}
	}, `SELECT s.id, s.trip_id, s.person_id, s.seq, s.country, s.locality, s.start_date, s.end_date, p.name,
			coalesce(e.title, t.title)
		FROM stops s JOIN trips t ON t.id = s.trip_id AND t.deleted_at IS NULL JOIN people p ON p.id = s.person_id
		LEFT JOIN entries e ON e.kind = 'trip' AND e.record_id = t.id`)
}

// groupBy groups xs by key, and lists the keys in the order first seen.
func groupBy[K comparable, T any](xs []T, key func(T) K) (map[K][]T, []K) {
	groups := map[K][]T{}
	var keys []K
	for _, x := range xs {
		k := key(x)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], x)
	}
	return groups, keys
}

// checkOutsideTrips finds the meetings and quotes dated outside their
// trip's first and last day, which the forms refuse now but an import or
// an older version may have let in.
func (s *Store) checkOutsideTrips(ctx context.Context) ([]Finding, error) {
	var out []Finding
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var kind, label string
		var id, trip int64
		var d, start, end timeline.Date
		if err := scan(&kind, &id, &label, &d, &trip, &start, &end); err != nil {
			return err
		}
		out = append(out, Finding{Kind: CheckOutsideTrip,
			Message: fmt.Sprintf("the %s %q is dated %s, outside its trip (%s)", kind, label, d.Long(), timeline.FormatRange(start, end)),
			Links:   []FindingLink{{Label: label, Path: timeline.RecordPath(timeline.KindTrip, trip) + "#" + kind + "-" + fmt.Sprint(id)}}})
		return nil
	}, `SELECT 'meeting', m.id, m.title, m.date, t.id, t.start_date, t.end_date FROM meetings m JOIN trips t ON t.id = m.trip_id
			WHERE m.deleted_at IS NULL AND t.deleted_at IS NULL AND (m.date < t.start_date OR m.date > t.end_date)
		UNION ALL
		SELECT 'quote', q.id, substr(q.text, 1, 80), q.date, t.id, t.start_date, t.end_date FROM quotes q JOIN trips t ON t.id = q.trip_id
			WHERE q.deleted_at IS NULL AND t.deleted_at IS NULL AND (q.date < t.start_date OR q.date > t.end_date)
		ORDER BY 4`)
	return out, err
}
