package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// A trip's edit form meets a newer version as the record forms do
// (conflict.go), with its stops as rows: a stop is matched by its id, and
// its fields are merged one by one. A stop only one side added, removed or
// changed takes that side's change; a stop one side removed and the other
// changed is kept and shown, never dropped in silence.

// tripBase is what a trip form was read from, as the form carries it.
type tripBase struct {
	Person, Title, Summary string
	Stops                  []views.StopRow
}

func tripBaseOf(f views.TripForm) tripBase {
	return tripBase{Person: f.Person, Title: f.Title, Summary: f.Summary, Stops: f.Stops}
}

// tripFormOf is a trip's edit form, filled from the trip.
func (a *Server) tripFormOf(trip *timeline.Trip) views.TripForm {
	f := views.TripForm{Action: timeline.RecordPath(timeline.KindTrip, trip.ID) + "/edit", TripID: trip.ID,
		Person: trip.PersonSlug, Title: storedTitle(trip), Summary: trip.Summary}
	for _, s := range trip.Stops {
		f.Stops = append(f.Stops, views.StopRow{ID: strconv.FormatInt(s.ID, 10), Country: a.store.Countries().Name(s.Country),
			Locality: s.Locality, Start: s.Start.String(), End: s.End.String(), Note: s.Remarks})
	}
	return f
}

// stampTrip gives a trip's edit form the trip's version.
func (a *Server) stampTrip(r *http.Request, f *views.TripForm) error {
	v, err := a.store.Version(r.Context(), timeline.KindTrip, f.TripID)
	if err != nil {
		return err
	}
	f.Version, f.Base = strconv.FormatInt(v.Rev, 10), encodeBase(tripBaseOf(*f))
	return nil
}

func scalarsOf(b tripBase) map[string]string {
	return map[string]string{"person": b.Person, "title": b.Title, "summary": b.Summary}
}

func stopFieldsOf(s views.StopRow) map[string]string {
	return map[string]string{"country": s.Country, "locality": s.Locality, "start": s.Start, "end": s.End, "remarks": s.Note}
}

func stopFromFields(id string, m map[string]string) views.StopRow {
	return views.StopRow{ID: id, Country: m["country"], Locality: m["locality"], Start: m["start"], End: m["end"], Note: m["remarks"]}
}

// reconcileTrip brings a posted trip form up to the trip's current version
// and returns the request whose save is conditional on it, with the
// conflicts as messages beside their fields.
func (a *Server) reconcileTrip(r *http.Request, f *views.TripForm) (*http.Request, timeline.FieldErrors, error) {
	fe := timeline.FieldErrors{}
	takes := r.PostForm["take_theirs"]
	if f.Version == "" && len(takes) == 0 {
		return r, fe, nil
	}
	v, err := a.store.Version(r.Context(), timeline.KindTrip, f.TripID)
	if err != nil {
		return nil, nil, err
	}
	stale := f.Version != "" && f.Version != strconv.FormatInt(v.Rev, 10)
	if !stale && len(takes) == 0 {
		return ifVersion(r, timeline.KindTrip, f.TripID, v.Rev), fe, nil // the usual save: nothing to read
	}
	// The trip as it is now: what "take theirs" takes, and what a stale
	// form is merged with.
	trip, _, err := a.store.TripForCurator(r.Context(), f.TripID)
	if err != nil {
		return nil, nil, err
	}
	cur := tripBaseOf(a.tripFormOf(trip))
	takeTheirs(f, cur, takes)
	if f.Version == "" {
		return r, fe, nil
	}
	if stale {
		var base tripBase
		json.Unmarshal([]byte(f.Base), &base) // a base that does not read: every difference is a conflict
		mine := tripBaseOf(*f)
		scalars, conflicts, _ := merge3(scalarsOf(base), scalarsOf(cur), scalarsOf(mine))
		f.Person, f.Title, f.Summary = scalars["person"], scalars["title"], scalars["summary"]
		var notes map[string]string
		f.Stops, notes = mergeStops(base.Stops, cur.Stops, mine.Stops, conflicts)
		f.Theirs, f.TheirsBy = conflicts, v.Actor
		for k := range conflicts {
			fe.Add(k, conflictMessage(v))
		}
		for k, msg := range notes {
			fe.Add(k, msg)
		}
		f.Version, f.Base = strconv.FormatInt(v.Rev, 10), encodeBase(cur)
	}
	return ifVersion(r, timeline.KindTrip, f.TripID, v.Rev), fe, nil
}

// takeTheirs sets the fields the curator chose to take from the current
// version: "title", or "stops.2.locality" (a row of the form as posted,
// matched to the current stop of its id).
func takeTheirs(f *views.TripForm, cur tripBase, takes []string) {
	curStops := map[string]views.StopRow{}
	for _, s := range cur.Stops {
		curStops[s.ID] = s
	}
	for _, k := range takes {
		if v, ok := scalarsOf(cur)[k]; ok {
			switch k {
			case "person":
				f.Person = v
			case "title":
				f.Title = v
			case "summary":
				f.Summary = v
			}
			continue
		}
		i, field, ok := parseStopKey(k)
		if !ok || i >= len(f.Stops) {
			continue
		}
		s, ok := curStops[f.Stops[i].ID]
		if !ok {
			continue
		}
		m := stopFieldsOf(f.Stops[i])
		if _, known := m[field]; known {
			m[field] = stopFieldsOf(s)[field]
			f.Stops[i] = stopFromFields(f.Stops[i].ID, m)
		}
	}
}

// parseStopKey reads "stops.I.FIELD".
func parseStopKey(k string) (int, string, bool) {
	rest, ok := strings.CutPrefix(k, "stops.")
	num, field, ok2 := strings.Cut(rest, ".")
	i, err := strconv.Atoi(num)
	return i, field, ok && ok2 && err == nil && i >= 0
}

// mergeStops merges the stop rows: the curator's in their order, each
// stop both kept merged field by field (conflicts added to conflicts, by
// the row's key), then the stops the other side added. It returns the rows
// and the notes of stops one side removed and the other changed.
func mergeStops(base, cur, mine []views.StopRow, conflicts map[string]string) ([]views.StopRow, map[string]string) {
	byID := func(rows []views.StopRow) map[string]views.StopRow {
		m := map[string]views.StopRow{}
		for _, s := range rows {
			if s.ID != "" {
				m[s.ID] = s
			}
		}
		return m
	}
	b, c := byID(base), byID(cur)
	var out []views.StopRow
	notes := map[string]string{}
	mineIDs := map[string]bool{}
	for _, row := range mine {
		if row.ID == "" {
			out = append(out, row) // a stop the curator added
			continue
		}
		mineIDs[row.ID] = true
		br, inBase := b[row.ID]
		cr, inCur := c[row.ID]
		switch {
		case !inCur && inBase && row == br:
			continue // they removed it and the curator did not touch it
		case !inCur:
			row.ID = "" // the curator changed a stop they removed: kept, as a new stop
			out = append(out, row)
			notes[views.StopKey(len(out)-1, "country")] = "Removed by someone else since you opened this form; your version is kept as a new stop: remove it if it should go."
			continue
		case !inBase:
			br = cr
		}
		merged, cs, _ := merge3(stopFieldsOf(br), stopFieldsOf(cr), stopFieldsOf(row))
		out = append(out, stopFromFields(row.ID, merged))
		for field, theirs := range cs {
			conflicts[views.StopKey(len(out)-1, field)] = theirs
		}
	}
	for _, row := range cur {
		if mineIDs[row.ID] {
			continue
		}
		br, inBase := b[row.ID]
		switch {
		case !inBase:
			out = append(out, row) // a stop they added
		case row != br:
			out = append(out, row) // the curator removed a stop they changed: kept
			notes[views.StopKey(len(out)-1, "country")] = "Changed by someone else after you removed it; it is kept: remove it again if it should go."
		}
	}
	return out, notes
}
