package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// ImportOptions tune an import of the Office of the Historian's record.
type ImportOptions struct {
	GapDays     int  // the trip rule for new stops (timeline.DefaultGapDays)
	SkipUnknown bool // leave out records of unknown countries instead of refusing the run
	DryRun      bool // compute the report, write nothing
	// Progress, when set, is called as travellers are done.
	Progress func(done, total int)
}

// ImportReport says what an import found and did.
type ImportReport struct {
	Files        int
	Records      int
	Duplicates   int // exact duplicates in the files, stored once
	StopsAdded   int
	StopsChanged int // updated from a newer version of the record
	Unchanged    int // already in the database as the record has them
	TripsMade    int
	TripsGrown   int // existing trips that new stops joined
	PeopleMade   int
	// PeopleChanged counts people the import gave a new alias, office or
	// merge record.
	PeopleChanged int
	// VersionsKept counts the record's versions of stops that differ here
	// newly kept for the public pages to show, or dropped as the stops
	// agree again.
	VersionsKept int
	// Merges are the names the import joined to a person, with the rule;
	// Unresolved the names it left as people of their own, with why.
	Merges     []PersonJoin
	Unresolved []timeline.Unresolved
	RefsLinked int             // stops entered here that the record confirms, now carrying its id
	Conflicts  []ImportProblem // a curator's edit the record disagrees with: left alone
	Unknown    []ImportProblem // records whose country is not known
	Travellers map[string]*TravellerTotals
}

// TravellerTotals are one traveller's figures in an import.
type TravellerTotals struct {
	Records, Duplicates, Stops, Trips int
}

// ImportProblem is one record the import could not take as it is.
type ImportProblem struct {
	File    string
	Line    int
	Record  string
	Message string
}

func (p ImportProblem) String() string {
	return fmt.Sprintf("%s:%d: record %s: %s", p.File, p.Line, p.Record, p.Message)
}

// errDryRun rolls a dry run's transaction back once its report is made.
var errDryRun = errors.New("dry run")

// HSGSourceURL is the Office of the Historian's page of a traveller's
// travels, the source every imported stop cites.
func HSGSourceURL(role, who string) string {
	return "https://history.state.gov/departmenthistory/travels/" + role + "/" + who
}

// ImportHSG loads travel records in one transaction: a failure, or unknown
// countries without SkipUnknown, leaves the database as it was. Stops
// already present (by record id, or by traveller, dates, country and
// locality) are matched, not added again; a stop the record now gives
// differently is updated when nobody edited it since it was imported, and
// reported as a conflict otherwise. New stops join the existing trip they
// fall in by the gap rule, or make new trips.
func (s *Store) ImportHSG(ctx context.Context, a Actor, recs []timeline.HSGRecord, files int, opt ImportOptions) (*ImportReport, error) {
	rep := &ImportReport{Files: files, Records: len(recs), Travellers: map[string]*TravellerTotals{}}
	// Countries first: an unknown one refuses the run before anything is
	// written. A visit naming several people is a record of each of them.
	var known []timeline.HSGRecord
	for _, r := range recs {
		// The name says what the record meant; the id is a slug of the
		// present-day name and may be wrong for a former state.
		code, ok := s.resolveHSG(r.CountryName, r.CountryID)
		if !ok {
			rep.Unknown = append(rep.Unknown, ImportProblem{File: r.File, Line: r.Line, Record: r.ID,
				Message: fmt.Sprintf("unknown country %q (id %q)", r.CountryName, r.CountryID)})
			continue
		}
		r.CountryID = code
		if r.Role != timeline.RoleVisitor {
			known = append(known, r)
			continue
		}
		home, ok := s.resolveHSG(r.HomeName, r.HomeID)
		if !ok {
			rep.Unknown = append(rep.Unknown, ImportProblem{File: r.File, Line: r.Line, Record: r.ID,
				Message: fmt.Sprintf("unknown country %q (id %q) of the visitor", r.HomeName, r.HomeID)})
			continue
		}
		r.HomeID = home // canonical from here on
		vs := r.Visitors
		if len(vs) == 0 {
			vs = []timeline.Visitor{{Office: r.Office, Name: r.Name}}
		}
		for _, v := range vs {
			one := r
			one.Office, one.Name, one.Who = v.Office, v.Name, ""
			known = append(known, one)
		}
	}
	if len(rep.Unknown) > 0 && !opt.SkipUnknown {
		return rep, timeline.Errorf(timeline.EInvalid, "%d records name a country that is not known, nothing was imported (--skip-unknown leaves them out); the first: %s",
			len(rep.Unknown), rep.Unknown[0])
	}
	gap := opt.GapDays
	if gap < 0 {
		gap = timeline.DefaultGapDays
	}

	err := s.write(ctx, a, func(t *tx) error {
		// Who each visitor is, against the people already in the record.
		if err := t.resolveVisitors(s, known, rep); err != nil {
			return err
		}
		type item struct {
			rec  timeline.HSGRecord
			stop timeline.Stop
		}
		byWho := map[string][]item{}
		seen := map[string]bool{}
		for _, r := range known {
			tot := rep.Travellers[r.Who]
			if tot == nil {
				tot = &TravellerTotals{}
				rep.Travellers[r.Who] = tot
			}
			tot.Records++
			st := timeline.Stop{Country: r.CountryID, Locality: r.Locale, Start: r.Start, End: r.End, Remarks: r.Remarks, Ref: r.ID}
			k := st.Key()
			key := r.Who + "|" + k.Start.String() + "|" + k.End.String() + "|" + k.Country + "|" + k.Locality
			if seen[key] {
				rep.Duplicates++
				tot.Duplicates++
				continue
			}
			seen[key] = true
			byWho[r.Who] = append(byWho[r.Who], item{rec: r, stop: st})
		}
		whos := make([]string, 0, len(byWho))
		for w := range byWho {
			whos = append(whos, w)
		}
		sort.Strings(whos)
		for i, who := range whos {
			items := byWho[who]
			first := items[0].rec
			pid, made, err := t.importPerson(s, first)
			if err != nil {
				return err
			}
			if made {
				rep.PeopleMade++
			}
			src := hsgSource(s, first)
			if _, err := t.createSource(src); err != nil {
				return err
			}
			var stops []timeline.Stop
			for _, it := range items {
				st := it.stop
				st.PersonID = pid
				stops = append(stops, st)
			}
			tot := rep.Travellers[who]
			if err := t.importStops(s, pid, stops, src, gap, first.Role == timeline.RoleVisitor, rep, tot, func(ref string) timeline.HSGRecord {
				for _, it := range items {
					if it.rec.ID == ref {
						return it.rec
					}
				}
				return timeline.HSGRecord{}
			}); err != nil {
				return err
			}
			if opt.Progress != nil {
				opt.Progress(i+1, len(whos))
			}
		}
		// A dry run, or a run that changes nothing, leaves the database
		// (and its data version, which the site's caches follow) as it was.
		if opt.DryRun || rep.StopsAdded+rep.StopsChanged+rep.PeopleMade+rep.PeopleChanged+rep.RefsLinked+rep.VersionsKept == 0 {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return rep, err
}

// resolveHSG finds a country by the record's name, then by its id: the
// name says what the record meant, the id is a slug of the present-day
// name and may be wrong for a former state.
func (s *Store) resolveHSG(name, id string) (string, bool) {
	if code, ok := s.countries.Resolve(name); ok {
		return code, true
	}
	return s.countries.Resolve(id)
}

// hsgSource is the Office of the Historian's page a record's stops cite: a
// traveller's travels, or the visits of a visitor's country.
func hsgSource(s *Store, r timeline.HSGRecord) *timeline.Source {
	const publisher = "Office of the Historian, U.S. Department of State"
	if r.Role == timeline.RoleVisitor {
		return &timeline.Source{URL: "https://history.state.gov/departmenthistory/visits/" + timeline.Slugify(s.countries.Name(r.HomeID)),
			Title: "Visits by Foreign Leaders of " + s.countries.Name(r.HomeID), Publisher: publisher}
	}
	return &timeline.Source{URL: HSGSourceURL(r.Role, r.Who), Title: "Travels Abroad of the " + timeline.HSGRoles[r.Role] + ": " + r.Name, Publisher: publisher}
}

// importPerson finds the traveller by slug (a visitor's was settled by
// resolveVisitors) or creates them with the office their role gives.
func (t *tx) importPerson(s *Store, r timeline.HSGRecord) (int64, bool, error) {
	var id int64
	err := t.QueryRowContext(t.ctx, `SELECT id FROM people WHERE slug = ?`, r.Who).Scan(&id)
	if err == nil {
		return id, false, nil
	}
	if !isNoRows(err) {
		return 0, false, err
	}
	p := &timeline.Person{Slug: r.Who, Name: r.Name, Country: "US", Status: timeline.Published}
	if r.Office != "" {
		p.Offices = []timeline.Office{{Title: r.Office, Body: "United States", Country: p.Country}}
	}
	if err := t.createPerson(p); err != nil {
		return 0, false, err
	}
	return p.ID, true, nil
}

// importHash fingerprints the fields of a stop the record gives, so that a
// later import can tell a stop nobody touched from a curator's edit.
func importHash(st timeline.Stop) string {
	h := sha256.Sum256([]byte(strings.Join([]string{st.Country, st.Locality, st.Start.String(), st.End.String(), st.Remarks}, "\x00")))
	return hex.EncodeToString(h[:12])
}

// importStops matches, updates and adds one traveller's stops, then groups
// the new ones into trips.
func (t *tx) importStops(s *Store, pid int64, incoming []timeline.Stop, src *timeline.Source, gap int, visits bool, rep *ImportReport, tot *TravellerTotals, recOf func(string) timeline.HSGRecord) error {
	rows, err := t.QueryContext(t.ctx, `SELECT `+stopCols+`, import_hash FROM stops WHERE person_id = ?`, pid)
	if err != nil {
		return err
	}
	type have struct {
		stop timeline.Stop
		hash string
	}
	var existing []have
	for rows.Next() {
		var h have
		st := &h.stop
		if err := rows.Scan(append(stopDest(st), &h.hash)...); err != nil {
			rows.Close()
			return err
		}
		existing = append(existing, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	byRef := map[string]int{}
	byKey := map[timeline.StopKey]int{}
	for i, h := range existing {
		if h.stop.Ref != "" {
			byRef[h.stop.Ref] = i
		}
		byKey[h.stop.Key()] = i
	}
	touched := map[int64]bool{}
	made := map[int64]bool{}
	// Stored trips as they were, for their revisions (a trip's revision
	// holds the trip with its stops, as the history restores it).
	before := map[int64]*timeline.Trip{}
	keep := func(tripID int64) error {
		if _, ok := before[tripID]; ok || made[tripID] {
			return nil
		}
		b, _, err := t.tripState(tripID)
		before[tripID] = b
		return err
	}
	// New trips as made, built here rather than read back.
	built := map[int64]*timeline.Trip{}
	var fresh []timeline.Stop
	for _, st := range incoming {
		i, ok := byRef[st.Ref]
		if !ok {
			i, ok = byKey[st.Key()]
		}
		if !ok {
			fresh = append(fresh, st)
			continue
		}
		h := existing[i]
		cur := h.stop
		same := cur.Country == st.Country && cur.Key().Locality == st.Key().Locality && cur.Start == st.Start && cur.End == st.End && cur.Remarks == st.Remarks
		// A stop entered here that agrees with the record wherever it says
		// something (its remarks left empty, say) is the record's stop.
		agrees := cur.Country == st.Country && cur.Start == st.Start && cur.End == st.End &&
			(cur.Locality == "" || cur.Key().Locality == st.Key().Locality) && (cur.Remarks == "" || cur.Remarks == st.Remarks)
		if same || agrees {
			// Agreeing again: the record's other version is history.
			res, err := t.exec(`DELETE FROM record_versions WHERE stop_id = ?`, cur.ID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				rep.VersionsKept++
			}
		}
		switch {
		case same && h.hash != "":
			rep.Unchanged++
		case h.hash == "" && agrees:
			// It now carries the record's id and fields, and later imports
			// may update it.
			if err := keep(cur.TripID); err != nil {
				return err
			}
			if _, err := t.exec(`UPDATE stops SET locality = ?, remarks = ?, ref = ?, import_hash = ? WHERE id = ?`,
				st.Locality, st.Remarks, st.Ref, importHash(st), cur.ID); err != nil {
				return err
			}
			rep.Unchanged++
			rep.RefsLinked++
			if !same {
				touched[cur.TripID] = true
			}
		case h.hash != "" && h.hash == importHash(cur):
			// Unchanged since it was imported: the newer record wins.
			if err := keep(cur.TripID); err != nil {
				return err
			}
			if _, err := t.exec(`UPDATE stops SET country = ?, locality = ?, start_date = ?, end_date = ?, remarks = ?, import_hash = ? WHERE id = ?`,
				st.Country, st.Locality, st.Start, st.End, st.Remarks, importHash(st), cur.ID); err != nil {
				if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
					r := recOf(st.Ref)
					rep.Conflicts = append(rep.Conflicts, ImportProblem{File: r.File, Line: r.Line, Record: st.Ref, Message: "the changed stop would duplicate another stop of the traveller; left as it is"})
					continue
				}
				return err
			}
			rep.StopsChanged++
			touched[cur.TripID] = true
		default:
			kept, err := t.keepRecordVersion(cur.ID, st, stopDiff(cur, st))
			if err != nil {
				return err
			}
			if kept {
				rep.VersionsKept++
			}
			r := recOf(st.Ref)
			how := "was changed here since the record gave it"
			if h.hash == "" {
				how = "was entered here otherwise"
			}
			rep.Conflicts = append(rep.Conflicts, ImportProblem{File: r.File, Line: r.Line, Record: st.Ref,
				Message: fmt.Sprintf("stop %d (%s %s) %s and differs from the record in its %s; left as it is",
					cur.ID, cur.Country, timeline.FormatRange(cur.Start, cur.End), how, strings.Join(stopDiff(cur, st), ", "))})
		}
	}
	rep.StopsAdded += len(fresh)
	tot.Stops += len(fresh)

	// Group every stop of the traveller, so a new stop next to a stored
	// trip joins it rather than making a trip of its own.
	all := make([]timeline.Stop, 0, len(existing)+len(fresh))
	for _, h := range existing {
		all = append(all, h.stop)
	}
	all = append(all, fresh...)
	groups, _ := timeline.GroupStops(all, gap)
	if visits {
		// Each visit is a trip of its own (a leader's two visits a day
		// apart are two visits).
		groups = groups[:0]
		for _, st := range fresh {
			groups = append(groups, []timeline.Stop{st})
		}
	}
	for _, g := range groups {
		var tripID int64
		var news []timeline.Stop
		for _, st := range g {
			if st.ID != 0 {
				if tripID == 0 {
					tripID = st.TripID // the earliest stored trip of the group
				}
			} else {
				news = append(news, st)
			}
		}
		if len(news) == 0 {
			continue
		}
		if tripID == 0 {
			title := ""
			if visits {
				title = visitTitle(recOf(news[0].Ref).Kind)
			}
			start, end := news[0].Start, news[0].End
			for _, st := range news {
				if st.Start.Before(start) {
					start = st.Start
				}
				if st.End.After(end) {
					end = st.End
				}
			}
			id, err := t.insert(`INSERT INTO trips(person_id, title, summary, start_date, end_date, status, created_at, updated_at)
				VALUES (?, ?, '', ?, ?, 'published', ?, ?)`, pid, title, start, end, t.now, t.now)
			if err != nil {
				return err
			}
			tripID = id
			made[id] = true
			built[id] = &timeline.Trip{ID: id, PersonID: pid, Title: title, Status: timeline.Published, Start: start, End: end}
			rep.TripsMade++
			tot.Trips++
		} else if !touched[tripID] {
			rep.TripsGrown++
			if err := keep(tripID); err != nil {
				return err
			}
		}
		touched[tripID] = true
		var seq int
		if !made[tripID] {
			if err := t.QueryRowContext(t.ctx, `SELECT coalesce(max(seq), 0) FROM stops WHERE trip_id = ?`, tripID).Scan(&seq); err != nil {
				return err
			}
		}
		for _, st := range news {
			seq++
			row := st
			row.ID, row.TripID, row.PersonID, row.Seq = 0, tripID, pid, seq
			if err := t.insertStop(&row, importHash(st)); err != nil {
				return err
			}
			id := row.ID
			if _, err := t.exec(`INSERT INTO citations(source_id, subject_kind, subject_id, passage, created_at) VALUES (?, 'stop', ?, '', ?)`, src.ID, id, t.now); err != nil {
				return err
			}
			if b := built[tripID]; b != nil {
				st.ID, st.TripID, st.Seq = id, tripID, seq
				b.Stops = append(b.Stops, st)
			}
		}
	}
	ids := make([]int64, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		// A stored trip's dates follow its stops (a new one has them
		// already); the revision records the import as the change, like
		// any curator's.
		if !made[id] {
			// New stops may come before stored ones: the trip's stops are
			// numbered in date order again.
			if _, err := t.exec(`UPDATE stops SET seq = (SELECT n FROM (SELECT id, row_number() OVER (ORDER BY start_date, end_date, seq, id) AS n
				FROM stops WHERE trip_id = ?1) o WHERE o.id = stops.id) WHERE trip_id = ?1`, id); err != nil {
				return err
			}
			if _, err := t.exec(`UPDATE trips SET start_date = (SELECT min(start_date) FROM stops WHERE trip_id = ?1),
				end_date = (SELECT max(end_date) FROM stops WHERE trip_id = ?1), updated_at = ?2 WHERE id = ?1`, id, t.now); err != nil {
				return err
			}
		}
		const reason = "import of the Office of the Historian's record"
		if b := built[id]; b != nil {
			if err := t.revise(timeline.KindTrip, id, "create", nil, b, reason); err != nil {
				return err
			}
			if err := t.putImportedTrip(s, b, src); err != nil {
				return err
			}
			continue
		}
		{
			after, _, err := t.tripState(id)
			if err != nil {
				return err
			}
			if err := t.revise(timeline.KindTrip, id, "update", before[id], after, reason); err != nil {
				return err
			}
		}
		if err := t.refreshTrip(s, id); err != nil {
			return err
		}
	}
	return nil
}

// keepRecordVersion stores the record's version of a stop that differs
// here, for the public page to show beside ours.
func (t *tx) keepRecordVersion(stopID int64, rec timeline.Stop, fields []string) (bool, error) {
	var n int
	if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM record_versions WHERE stop_id = ? AND country = ? AND locality = ?
		AND start_date = ? AND end_date = ? AND remarks = ?`, stopID, rec.Country, rec.Locality, rec.Start, rec.End, rec.Remarks).Scan(&n); err != nil || n > 0 {
		return false, err
	}
	_, err := t.exec(`INSERT INTO record_versions(stop_id, ref, country, locality, start_date, end_date, remarks, fields, seen_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(stop_id) DO UPDATE SET ref = excluded.ref, country = excluded.country, locality = excluded.locality,
			start_date = excluded.start_date, end_date = excluded.end_date, remarks = excluded.remarks, fields = excluded.fields,
			seen_at = excluded.seen_at, kept_at = NULL, kept_by = ''`,
		stopID, rec.Ref, rec.Country, rec.Locality, rec.Start, rec.End, rec.Remarks, strings.Join(fields, ", "), t.now)
	return err == nil, err
}

// RecordVersion is the Office of the Historian's version of a stop that
// differs here, and in which fields.
type RecordVersion struct {
	Stop   timeline.Stop
	Fields string // "remarks, locality"
}

// RecordVersions returns the record's versions of those of the stops that
// differ from it.
func (s *Store) RecordVersions(ctx context.Context, stopIDs []int64) (map[int64]RecordVersion, error) {
	out := map[int64]RecordVersion{}
	if len(stopIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(stopIDs))
	for i, id := range stopIDs {
		args[i] = id
	}
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var v RecordVersion
		st := &v.Stop
		if err := scan(&st.ID, &st.Ref, &st.Country, &st.Locality, &st.Start, &st.End, &st.Remarks, &v.Fields); err != nil {
			return err
		}
		out[st.ID] = v
		return nil
	}, `SELECT stop_id, ref, country, locality, start_date, end_date, remarks, fields
		FROM record_versions WHERE stop_id IN (`+placeholders(len(stopIDs))+`)`, args...)
	return out, err
}

// stopDiff names the fields in which two stops differ.
func stopDiff(a, b timeline.Stop) []string {
	var out []string
	if a.Country != b.Country {
		out = append(out, "country")
	}
	if a.Start != b.Start || a.End != b.End {
		out = append(out, "dates")
	}
	if a.Key().Locality != b.Key().Locality {
		out = append(out, "locality")
	}
	if a.Remarks != b.Remarks {
		out = append(out, "remarks")
	}
	return out
}

// visitTitle names a visit's trip by its normalised kind.
func visitTitle(kind string) string {
	if kind == "" || kind == "other" {
		return "Visit to the United States"
	}
	return strings.ToUpper(kind[:1]) + kind[1:] + " visit to the United States"
}
