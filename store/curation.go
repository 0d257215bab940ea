package store

import (
	"context"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// NewParticipant is a participant typed into the meeting form: an existing
// person (Slug) or a new one (Name), and the office they held then, when
// it is typed (Title, Body); an existing person without a typed office is
// given the office they held on the meeting's date, if recorded.
type NewParticipant struct {
	Slug, Name  string
	Title, Body string
}

// CreateMeetingWith stores a meeting, creating the people and offices its
// participants need, all in one transaction.
func (s *Store) CreateMeetingWith(ctx context.Context, a Actor, m *timeline.Meeting, parts []NewParticipant) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		if err := t.resolveParticipants(m, parts); err != nil {
			return err
		}
		return t.createMeeting(m)
	})
}

// SearchSources finds sources whose title or URL contains every word of q,
// newest first.
func (s *Store) SearchSources(ctx context.Context, q string, limit int) ([]timeline.Source, error) {
	where, args := "s.deleted_at IS NULL", []any{}
	for _, w := range strings.Fields(q) {
		like := "%" + escapeLike(w) + "%"
		where += ` AND (s.title LIKE ? ESCAPE '\' OR s.url LIKE ? ESCAPE '\' OR s.publisher LIKE ? ESCAPE '\')`
		args = append(args, like, like, like)
	}
	args = append(args, limit)
	rows, err := s.r.QueryContext(ctx, `SELECT `+sourceCols+` FROM sources s WHERE `+where+` ORDER BY s.id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []timeline.Source
	for rows.Next() {
		var src timeline.Source
		if err := scanSource(rows, &src); err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	return out, rows.Err()
}

// SourceByURL returns the source with the canonical form of raw, or nil.
func (s *Store) SourceByURL(ctx context.Context, raw string) (*timeline.Source, error) {
	u, err := timeline.CanonicalURL(raw)
	if err != nil {
		return nil, err
	}
	var src timeline.Source
	err = scanSource(s.r.QueryRowContext(ctx, `SELECT `+sourceCols+` FROM sources s WHERE s.url = ? AND s.deleted_at IS NULL`, u), &src)
	if isNoRows(err) {
		return nil, nil
	}
	return &src, err
}

// CiteWith links a fact to a source, creating the source first when it is
// new, in one transaction. It reports whether the URL was already known.
func (s *Store) CiteWith(ctx context.Context, a Actor, c *timeline.Citation, newSource *timeline.Source) (known bool, err error) {
	if newSource != nil {
		if err := newSource.Validate(); err != nil {
			return false, err
		}
	}
	err = s.write(ctx, a, func(t *tx) error {
		if _, err := t.subjectTrip(c.SubjectKind, c.SubjectID); err != nil {
			return err
		}
		if newSource != nil {
			created, err := t.createSource(newSource)
			if err != nil {
				return err
			}
			known = !created
			c.SourceID = newSource.ID
		}
		return t.cite(c)
	})
	return known, err
}

// subjectTrip checks that a fact exists and returns the trip it belongs to
// (0 for events).
func (t *tx) subjectTrip(kind timeline.Kind, id int64) (int64, error) {
	info := kind.Info()
	var q string
	switch {
	case !info.Citable:
		return 0, &timeline.Error{Code: timeline.EInvalid, Field: "kind", Message: "A " + string(kind) + " cannot be cited."}
	case kind == timeline.KindTrip:
		q = `SELECT id FROM trips WHERE id = ?`
	case info.OnTrip:
		q = `SELECT coalesce(trip_id, 0) FROM ` + info.Table + ` WHERE id = ?`
	default:
		q = `SELECT 0 FROM ` + info.Table + ` WHERE id = ?`
	}
	var trip int64
	err := t.QueryRowContext(t.ctx, q, id).Scan(&trip)
	if isNoRows(err) {
		return 0, &timeline.Error{Code: timeline.ENotFound, Message: "There is no " + string(kind) + " " + strconvI64(id) + " to cite."}
	}
	return trip, err
}

// Subject describes a fact for the citation form: a label and the page
// where it is told.
func (s *Store) Subject(ctx context.Context, kind timeline.Kind, id int64) (label, path string, err error) {
	err = s.readTx(ctx, func(t *tx) error {
		trip, err := t.subjectTrip(kind, id)
		if err != nil {
			return err
		}
		path = timeline.RecordPath(kind, id)
		if trip != 0 {
			path = timeline.RecordPath(timeline.KindTrip, trip)
			if kind != timeline.KindTrip {
				path += "#" + string(kind) + "-" + strconvI64(id)
			}
		}
		return t.QueryRowContext(ctx, kind.Info().Label, id).Scan(&label)
	})
	return label, path, err
}

// CreateClaimCited stores a claim with the citation of the source that
// makes it, in one transaction; the source is one on record (SourceID) or
// a new one.
func (s *Store) CreateClaimCited(ctx context.Context, a Actor, c *timeline.Claim, cite *timeline.Citation, newSource *timeline.Source) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if newSource != nil {
		if err := newSource.Validate(); err != nil {
			return err
		}
	}
	return s.write(ctx, a, func(t *tx) error {
		var counterPerson, tripPerson int64
		if err := t.QueryRowContext(t.ctx, `SELECT person_id FROM counters WHERE id = ? AND deleted_at IS NULL`, c.CounterID).Scan(&counterPerson); err != nil {
			if isNoRows(err) {
				return timeline.FieldErrorf("counter", "There is no such counter.")
			}
			return err
		}
		if err := t.QueryRowContext(t.ctx, `SELECT person_id FROM trips WHERE id = ?`, c.TripID).Scan(&tripPerson); err != nil {
			return err
		}
		if counterPerson != tripPerson {
			return timeline.FieldErrorf("counter", "This counter numbers another traveller's trips.")
		}
		if err := t.createClaim(c); err != nil {
			return err
		}
		if cite == nil {
			return nil
		}
		if newSource != nil {
			if _, err := t.createSource(newSource); err != nil {
				return err
			}
			cite.SourceID = newSource.ID
		}
		cite.SubjectKind, cite.SubjectID = timeline.KindClaim, c.ID
		return t.cite(cite)
	})
}

// participantIDs lists a meeting's participants as person ids, in order.
func (t *tx) participantIDs(meetingID int64) ([]int64, error) {
	return t.ids(`SELECT person_id FROM participants WHERE meeting_id = ? ORDER BY seq`, meetingID)
}

// SetParticipants removes the participants not in keep and adds the new
// ones (people on record or typed in), in one transaction with a revision
// listing the participants before and after.
func (s *Store) SetParticipants(ctx context.Context, a Actor, meetingID int64, keep []int64, add []NewParticipant) error {
	m, err := s.Meeting(ctx, meetingID, true)
	if err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		before, err := t.participantIDs(meetingID)
		if err != nil {
			return err
		}
		kept := map[int64]bool{}
		for _, id := range keep {
			kept[id] = true
		}
		for _, id := range before {
			if !kept[id] {
				if _, err := t.exec(`DELETE FROM participants WHERE meeting_id = ? AND person_id = ?`, meetingID, id); err != nil {
					return err
				}
			}
		}
		// Resolve the new participants as the meeting form does, into a
		// scratch meeting whose participants are then inserted.
		scratch := &timeline.Meeting{Date: m.Date}
		if err := t.resolveParticipants(scratch, add); err != nil {
			return err
		}
		seq := len(before)
		for _, p := range scratch.Participants {
			seq++
			if _, err := t.exec(`INSERT INTO participants(meeting_id, person_id, office_id, seq) VALUES (?, ?, ?, ?)`, meetingID, p.PersonID, nullID(p.OfficeID), seq); err != nil {
				if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
					return timeline.FieldErrorf("participants", "A person is already at this meeting.")
				}
				return err
			}
		}
		after, err := t.participantIDs(meetingID)
		if err != nil {
			return err
		}
		if err := t.revise(timeline.KindMeeting, meetingID, "update", map[string]any{"participants": before}, map[string]any{"participants": after}, "participants changed"); err != nil {
			return err
		}
		return t.refreshMeeting(meetingID)
	})
}

// resolveParticipants turns typed participants into m's participants,
// creating the people and offices they need.
func (t *tx) resolveParticipants(m *timeline.Meeting, parts []NewParticipant) error {
	for i, np := range parts {
		field := "participants." + strconvI(i) + "."
		var pid int64
		var offices []timeline.Office
		if np.Slug != "" {
			id, err := t.personIDBySlug(np.Slug)
			if err != nil {
				return &timeline.Error{Code: timeline.EInvalid, Field: field + "person", Message: timeline.ErrorMessage(err)}
			}
			pid = id
			rows, err := t.QueryContext(t.ctx, `SELECT id, title, body, start_date, end_date FROM offices WHERE person_id = ?`, pid)
			if err != nil {
				return err
			}
			for rows.Next() {
				var o timeline.Office
				if err := rows.Scan(&o.ID, &o.Title, &o.Body, &o.From, &o.To); err != nil {
					rows.Close()
					return err
				}
				offices = append(offices, o)
			}
			rows.Close()
		} else {
			p := &timeline.Person{Name: np.Name}
			if np.Title != "" {
				p.Offices = []timeline.Office{{Title: np.Title, Body: np.Body}}
			}
			if err := p.Validate(); err != nil {
				return &timeline.Error{Code: timeline.EInvalid, Field: field + "name", Message: timeline.ErrorMessage(err)}
			}
			// A new name may collide with an existing slug: number it.
			base := p.Slug
			for n := 2; ; n++ {
				var exists int
				if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM people WHERE slug = ?`, p.Slug).Scan(&exists); err != nil {
					return err
				}
				if exists == 0 {
					break
				}
				p.Slug = base + "-" + strconvI(n)
			}
			if err := t.createPerson(p); err != nil {
				return err
			}
			pid, offices = p.ID, p.Offices
		}
		part := timeline.Participant{PersonID: pid}
		switch {
		case np.Title != "":
			for _, o := range offices {
				if strings.EqualFold(o.Title, np.Title) && strings.EqualFold(o.Body, np.Body) {
					part.OfficeID = o.ID
				}
			}
			if part.OfficeID == 0 {
				id, err := t.insert(`INSERT INTO offices(person_id, title, body) VALUES (?, ?, ?)`, pid, np.Title, np.Body)
				if err != nil {
					return err
				}
				part.OfficeID = id
				if err := t.revise(timeline.KindPerson, pid, "update", nil, timeline.Office{ID: id, PersonID: pid, Title: np.Title, Body: np.Body}, "office added from a meeting"); err != nil {
					return err
				}
			}
		default:
			for _, o := range offices {
				if o.HeldOn(m.Date) {
					part.OfficeID = o.ID
				}
			}
		}
		m.Participants = append(m.Participants, part)
	}
	return nil
}
