package store

import (
	"context"
	"github.com/diplomatic-travel/tracker/timeline"
	"strconv"
	"strings"
)

// NewParticipant is a participant typed into the meeting form: an existing
// person (Slug) or a new one (Name), and the office they held then, when
// it is typed (Title, Body); an existing person without a typed office is
// given the office they held on the meeting's date, if recorded.
type NewParticipant struct {
	Slug, Name  string
	Title, Body string
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
		scratch := &timeline.Meeting{Date: m.Date, Status: m.Status}
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
		field := "participants." + strconv.Itoa(i) + "."
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
			// A person made from a meeting's form is a draft while the
			// meeting is, so that a typo never becomes a public page; the
			// meeting's publishing publishes them.
			p := &timeline.Person{Name: np.Name, Status: timeline.Published}
			if m.Status == timeline.Draft {
				p.Status = timeline.Draft
			}
			if np.Title != "" {
				p.Offices = []timeline.Office{{Title: np.Title, Body: np.Body}}
			}
			if err := p.Validate(); err != nil {
				return &timeline.Error{Code: timeline.EInvalid, Field: field + "name", Message: timeline.ErrorMessage(err)}
			}
			if err := t.createNamedPerson(p); err != nil {
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

// createNamedPerson creates a person typed into a form by name, whose
// slug, made from the name, is numbered when another person has it.
func (t *tx) createNamedPerson(p *timeline.Person) error {
	base := p.Slug
	for n := 2; ; n++ {
		var exists int
		if err := t.QueryRowContext(t.ctx, `SELECT count(*) FROM people WHERE slug = ?`, p.Slug).Scan(&exists); err != nil {
			return err
		}
		if exists == 0 {
			break
		}
		p.Slug = base + "-" + strconv.Itoa(n)
	}
	return t.createPerson(p)
}
