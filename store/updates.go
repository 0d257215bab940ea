package store

import (
	"context"
	"slices"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// update runs one UPDATE of a record inside a transaction with its
// revision: the row before and after, as JSON.
func (s *Store) update(ctx context.Context, a Actor, kind timeline.Kind, table string, id int64, reason, set string, args ...any) error {
	return s.updateWith(ctx, a, kind, table, id, reason, nil, set, args...)
}

// updateWith is update with more to write in the same transaction.
func (s *Store) updateWith(ctx context.Context, a Actor, kind timeline.Kind, table string, id int64, reason string, also func(*tx) error, set string, args ...any) error {
	return s.write(ctx, a, func(t *tx) error {
		if also != nil {
			if err := also(t); err != nil {
				return err
			}
		}
		before, err := t.rowJSON(table, id)
		if isNoRows(err) {
			return notFound("The " + string(kind) + " " + strconvI64(id))
		} else if err != nil {
			return err
		}
		if _, ok := before["deleted_at"]; ok && before["deleted_at"] != nil {
			return timeline.Errorf(timeline.EConflict, "This %s is deleted; restore it before editing it.", kind)
		}
		if _, ok := before["updated_at"]; ok {
			set += ", updated_at = ?"
			args = append(args, t.now)
		}
		if _, err := t.exec(`UPDATE `+table+` SET `+set+` WHERE id = ?`, append(args, id)...); err != nil {
			if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
				return timeline.Errorf(timeline.EConflict, "Another %s already has these values.", kind)
			}
			return err
		}
		after, err := t.rowJSON(table, id)
		if err != nil {
			return err
		}
		if err := t.revise(kind, id, "update", before, after, reason); err != nil {
			return err
		}
		if kind == timeline.KindSource {
			return t.refreshCiting(id)
		}
		return t.refreshFor(kind, id)
	})
}

// UpdateEvent changes an event's fields.
func (s *Store) UpdateEvent(ctx context.Context, a Actor, e *timeline.Event, reason string) error {
	if err := e.Validate(); err != nil {
		return err
	}
	var err error
	if e.Country, err = s.countries.Code("country", e.Country); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindEvent, "events", e.ID, reason,
		`title = ?, kind = ?, date = ?, precision = ?, end_date = ?, country = ?, summary = ?`,
		e.Title, e.Kind, e.Date, e.Precision, nullDate(e.EndDate), nullStr(e.Country), e.Summary)
}

// UpdateMeeting changes a meeting's date, stop, title and summary (its
// participants are kept).
func (s *Store) UpdateMeeting(ctx context.Context, a Actor, m *timeline.Meeting, reason string) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindMeeting, "meetings", m.ID, reason,
		`date = ?, stop_id = ?, title = ?, summary = ?`, m.Date, nullID(m.StopID), m.Title, m.Summary)
}

// UpdateGoal changes a goal's words, who stated it and its outcome.
func (s *Store) UpdateGoal(ctx context.Context, a Actor, g *timeline.Goal, reason string) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindGoal, "goals", g.ID, reason, `text = ?, stated_by = ?, outcome = ?`, g.Text, nullID(g.StatedByID), g.Outcome)
}

// UpdateClaim changes a claim's counter, stated number and words.
func (s *Store) UpdateClaim(ctx context.Context, a Actor, c *timeline.Claim, reason string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindClaim, "claims", c.ID, reason,
		`counter_id = ?, stated = ?, text = ?`, c.CounterID, c.Stated, c.Text)
}

// UpdateCounter changes a counter's scope, since-date, unit, rule and label.
func (s *Store) UpdateCounter(ctx context.Context, a Actor, c *timeline.Counter, reason string) error {
	var err error
	if c.Country, err = s.countries.Code("country", c.Country); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindCounter, "counters", c.ID, reason,
		`region = ?, country = ?, since = ?, unit = ?, rule = ?, gap_days = ?, label = ?`,
		nullStr(c.Region), nullStr(c.Country), c.Since, c.Unit, c.Rule.Kind, c.Rule.GapDays, c.Label)
}

// UpdateSource changes a source's details; a new URL must not be another
// source's.
func (s *Store) UpdateSource(ctx context.Context, a Actor, src *timeline.Source, reason string) error {
	if err := src.Validate(); err != nil {
		return err
	}
	err := s.update(ctx, a, timeline.KindSource, "sources", src.ID, reason,
		`url = ?, title = ?, publisher = ?, author = ?, published = ?, archive_url = ?, notes = ?`,
		src.URL, src.Title, src.Publisher, src.Author, nullDate(src.Published), src.ArchiveURL, src.Notes)
	if timeline.ErrorCode(err) == timeline.EConflict && !strings.Contains(timeline.ErrorMessage(err), "deleted") {
		return &timeline.Error{Code: timeline.EConflict, Field: "url", Message: "Another source already has this address."}
	}
	return err
}

// Goal returns one goal.
func (s *Store) Goal(ctx context.Context, id int64) (*timeline.Goal, error) {
	var g timeline.Goal
	err := s.r.QueryRowContext(ctx, `SELECT g.id, g.trip_id, g.text, coalesce(g.stated_by, 0), coalesce(p.name, ''), g.outcome
		FROM goals g LEFT JOIN people p ON p.id = g.stated_by WHERE g.id = ? AND g.deleted_at IS NULL`, id).Scan(&g.ID, &g.TripID, &g.Text, &g.StatedByID, &g.StatedBy, &g.Outcome)
	if isNoRows(err) {
		return nil, notFound("Goal " + strconvI64(id))
	}
	return &g, err
}

// Claim returns one claim, whatever its status.
func (s *Store) Claim(ctx context.Context, id int64) (*timeline.Claim, error) {
	cs, err := s.claims(ctx, `WHERE id = ? AND deleted_at IS NULL`, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, notFound("Claim " + strconvI64(id))
	}
	return &cs[0], nil
}

// UpdateQuote changes a quote's speaker, date, stop and words.
func (s *Store) UpdateQuote(ctx context.Context, a Actor, q *timeline.Quote, reason string) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return s.update(ctx, a, timeline.KindQuote, "quotes", q.ID, reason, `person_id = ?, date = ?, stop_id = ?, text = ?`,
		q.PersonID, q.Date, nullID(q.StopID), q.Text)
}

// Quote returns one quote.
func (s *Store) Quote(ctx context.Context, id int64) (*timeline.Quote, error) {
	var q timeline.Quote
	err := s.r.QueryRowContext(ctx, `SELECT q.id, q.person_id, p.name, p.slug, q.date, coalesce(q.trip_id, 0), coalesce(q.stop_id, 0), coalesce(q.meeting_id, 0), q.text
		FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.id = ? AND q.deleted_at IS NULL`, id).
		Scan(&q.ID, &q.PersonID, &q.PersonName, &q.PersonSlug, &q.Date, &q.TripID, &q.StopID, &q.MeetingID, &q.Text)
	if isNoRows(err) {
		return nil, notFound("Quote " + strconvI64(id))
	}
	return &q, err
}

// UpdatePerson changes a person's name, home country and notes (the slug,
// a public id, stays).
func (s *Store) UpdatePerson(ctx context.Context, a Actor, p *timeline.Person, reason string) error {
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		return timeline.FieldErrorf("name", "A person needs a name.")
	}
	var err error
	if p.Country, err = s.countries.Code("country", p.Country); err != nil {
		return err
	}
	// Identifiers given (a nil slice leaves them) replace the person's.
	var also func(*tx) error
	if p.Identifiers != nil {
		for _, id := range p.Identifiers {
			if err := id.Validate(); err != nil {
				return err
			}
		}
		have, err := s.Identifiers(ctx, p.ID)
		if err != nil {
			return err
		}
		if !slices.Equal(have, p.Identifiers) {
			reason = strings.TrimSpace(reason + " (identifiers: " + identifierList(have) + " → " + identifierList(p.Identifiers) + ")")
		}
		also = func(t *tx) error { return t.setIdentifiers(p.ID, p.Identifiers) }
	}
	return s.updateWith(ctx, a, timeline.KindPerson, "people", p.ID, reason, also, `name = ?, country = ?, notes = ?`, p.Name, nullStr(p.Country), p.Notes)
}

func identifierList(ids []timeline.Identifier) string {
	if len(ids) == 0 {
		return "none"
	}
	var parts []string
	for _, id := range ids {
		parts = append(parts, id.Scheme+" "+id.Value)
	}
	return strings.Join(parts, ", ")
}

// UpdateRegion changes a curator's region: its name, notes and members.
// The built-in bureaus are reference data and are not edited here.
func (s *Store) UpdateRegion(ctx context.Context, a Actor, r *timeline.Region, reason string) error {
	r.Name = timeline.NormalizeSpace(r.Name)
	fe := timeline.FieldErrors{}
	if r.Name == "" {
		fe.Add("name", "A region needs a name.")
	}
	if len(r.Members) == 0 {
		fe.Add("members", "A region needs at least one country.")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	before, err := s.Region(ctx, r.Code)
	if err != nil {
		return err
	}
	if before.Builtin {
		return timeline.Errorf(timeline.EForbidden, "The built-in regions are the State Department's bureaus and are not edited; define a region of your own.")
	}
	return s.write(ctx, a, func(t *tx) error {
		if _, err := t.exec(`UPDATE regions SET name = ?, notes = ? WHERE code = ?`, r.Name, r.Notes, r.Code); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM region_members WHERE region = ?`, r.Code); err != nil {
			return err
		}
		for _, m := range r.Members {
			if _, err := t.exec(`INSERT OR IGNORE INTO region_members(region, country) VALUES (?, ?)`, r.Code, m); err != nil {
				return err
			}
		}
		return t.revise(timeline.KindRegion, 0, "update", before, r, "region "+r.Code+": "+reason)
	})
}

// AddOffice records an office a person held.
func (s *Store) AddOffice(ctx context.Context, a Actor, o *timeline.Office) error {
	o.Title, o.Body = timeline.NormalizeSpace(o.Title), timeline.NormalizeSpace(o.Body)
	fe := timeline.FieldErrors{}
	if o.Title == "" {
		fe.Add("title", "An office needs a title.")
	}
	if o.From.Valid() && o.To.Valid() && o.To.Before(o.From) {
		fe.Add("to", "An office cannot end before it starts.")
	}
	var err error
	o.Country, err = s.countries.Code("country", o.Country)
	fe.Merge(err)
	if err := fe.Err(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.rowJSON("people", o.PersonID)
		if err != nil {
			return err
		}
		id, err := t.insert(`INSERT INTO offices(person_id, title, body, country, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)`,
			o.PersonID, o.Title, o.Body, nullStr(o.Country), nullDate(o.From), nullDate(o.To))
		if err != nil {
			return err
		}
		o.ID = id
		after := map[string]any{}
		for k, v := range before {
			after[k] = v
		}
		after["office_added"] = o.Label()
		return t.revise(timeline.KindPerson, o.PersonID, "update", before, after, "office added: "+o.Label())
	})
}

// SetRegionDeleted deletes (marks) or restores a curator's region; the
// built-in bureaus stay.
func (s *Store) SetRegionDeleted(ctx context.Context, a Actor, code string, deleted bool) error {
	return s.write(ctx, a, func(t *tx) error {
		var builtin bool
		var at *string
		err := t.QueryRowContext(t.ctx, `SELECT builtin, deleted_at FROM regions WHERE code = ?`, code).Scan(&builtin, &at)
		if isNoRows(err) {
			return &timeline.Error{Code: timeline.ENotFound, Message: "There is no region " + code + "."}
		} else if err != nil {
			return err
		}
		if builtin {
			return timeline.Errorf(timeline.EForbidden, "The built-in regions are the State Department's bureaus and are not deleted.")
		}
		if (at != nil) == deleted {
			return timeline.Errorf(timeline.EConflict, "The region %s is already in that state.", code)
		}
		var v any
		action := "restore"
		if deleted {
			v, action = t.now, "delete"
		}
		if _, err := t.exec(`UPDATE regions SET deleted_at = ? WHERE code = ?`, v, code); err != nil {
			return err
		}
		return t.revise(timeline.KindRegion, 0, action, map[string]any{"code": code}, map[string]any{"code": code, "deleted": deleted}, "region "+code)
	})
}
