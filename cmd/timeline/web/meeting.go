package web

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/a-h/templ"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// meetingForm is the form of a new meeting of the trip of the path; the
// trip must not be deleted.
func (a *Server) meetingForm(w http.ResponseWriter, r *http.Request) (views.MeetingForm, *timeline.Trip, error) {
	trip, err := a.curatorTripOf(r)
	if err != nil {
		return views.MeetingForm{}, nil, err
	}
	if trip.deleted {
		return views.MeetingForm{}, nil, timeline.Errorf(timeline.EConflict, "Trip %d is deleted; restore it first.", trip.ID)
	}
	f := views.MeetingForm{TripID: trip.ID, TripTitle: trip.Title}
	for _, s := range trip.Stops {
		f.Stops = append(f.Stops, views.Option{Value: strconv.FormatInt(s.ID, 10), Label: a.stopLabel(s)})
	}
	return f, trip.Trip, nil
}

// showMeetingForm renders the meeting form with its people, which are
// loaded only here: a save that succeeds never needs them.
func (a *Server) showMeetingForm(w http.ResponseWriter, r *http.Request, f views.MeetingForm, status int) error {
	return a.renderWithPeople(w, r, "New meeting", status, rowSlugs(f.Parts), func(site views.Site, people []views.Option) templ.Component {
		f.Site, f.Persons = site, people
		return views.MeetingFormPage(f)
	})
}

func (a *Server) newMeetingForm(w http.ResponseWriter, r *http.Request) error {
	f, trip, err := a.meetingForm(w, r)
	if err != nil {
		return err
	}
	// The traveller is at every meeting of their trip: the first row.
	f.Parts = []views.PartRow{{Slug: trip.PersonSlug}, {}}
	return a.showMeetingForm(w, r, f, http.StatusOK)
}

// createMeeting serves POST /trips/{id}/meetings.
func (a *Server) createMeeting(w http.ResponseWriter, r *http.Request) error {
	f, trip, err := a.meetingForm(w, r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	f.Date, f.StopID, f.Title, f.Summary = strings.TrimSpace(pf.Get("date")), pf.Get("stop"), pf.Get("title"), pf.Get("summary")
	if f.Parts, err = partRows(pf); err != nil {
		return err
	}
	if pf.Get("op") == "add" {
		f.Parts = append(f.Parts, views.PartRow{})
		return a.showMeetingForm(w, r, f, http.StatusOK)
	}

	fe := timeline.FieldErrors{}
	m := &timeline.Meeting{TripID: f.TripID, Title: f.Title, Summary: f.Summary, Status: timeline.Draft}
	m.StopID = idField(fe, "stop", f.StopID)
	onTrip(fe, trip, m.StopID)
	if f.Date == "" {
		f.Date = stopDay(trip, m.StopID)
	}
	if f.Date == "" {
		fe.Add("date", "Enter the date of the meeting.")
	}
	m.Date = dateField(fe, "date", f.Date, false)
	a.onTripDates(fe, trip, m.StopID, m.Date, "meeting")
	if err := a.offerOnRecord(r.Context(), f.Parts, fe); err != nil {
		return err
	}
	var parts []store.NewParticipant
	seen := map[string]bool{}
	for i, p := range f.Parts {
		if p.Slug == "" && p.Name == "" {
			continue // an empty row
		}
		key := p.Slug
		if key == "" {
			key = "new:" + strings.ToLower(p.Name)
		}
		if seen[key] {
			fe.Add("participants."+strconv.Itoa(i)+".person", "This person is listed twice.")
		}
		seen[key] = true
		parts = append(parts, store.NewParticipant{Slug: p.Slug, Name: p.Name, Title: p.Title, Body: p.Body})
	}
	if len(fe) == 0 {
		if err := m.Validate(); err != nil {
			fe.Merge(err)
		}
	}
	if len(fe) == 0 {
		err := a.store.CreateMeetingWith(r.Context(), actor(r), m, parts)
		if err == nil {
			return a.redirectWithFlash(w, r, fmt.Sprintf("/trips/%d#meeting-%d", f.TripID, m.ID), "Meeting saved as a draft.")
		} else if err := userErrors(fe, err, "participants"); err != nil {
			return err
		}
	}
	f.Errors = fe
	return a.showMeetingForm(w, r, f, http.StatusUnprocessableEntity)
}

func (a *Server) participantsForm(w http.ResponseWriter, r *http.Request) (views.ParticipantsForm, *timeline.Meeting, error) {
	id, err := pathID(r, "meeting")
	if err != nil {
		return views.ParticipantsForm{}, nil, err
	}
	m, err := a.store.Meeting(r.Context(), id, true)
	if err != nil {
		return views.ParticipantsForm{}, nil, err
	}
	f := views.ParticipantsForm{MeetingID: id, Title: m.Title, Current: m.Participants,
		Back: fmt.Sprintf("/trips/%d#meeting-%d", m.TripID, id), Parts: []views.PartRow{{}, {}}}
	v, err := a.store.Version(r.Context(), timeline.KindMeeting, id)
	if err != nil {
		return views.ParticipantsForm{}, nil, err
	}
	f.Version, f.Base = strconv.FormatInt(v.Rev, 10), encodeBase(participantIDs(m))
	return f, m, nil
}

// showParticipantsForm renders the participants form with its people,
// loaded only here.
func (a *Server) showParticipantsForm(w http.ResponseWriter, r *http.Request, f views.ParticipantsForm, status int) error {
	return a.renderWithPeople(w, r, "Participants", status, rowSlugs(f.Parts), func(site views.Site, people []views.Option) templ.Component {
		f.Site, f.Persons = site, people
		return views.ParticipantsFormPage(f)
	})
}

func (a *Server) editParticipantsForm(w http.ResponseWriter, r *http.Request) error {
	f, _, err := a.participantsForm(w, r)
	if err != nil {
		return err
	}
	return a.showParticipantsForm(w, r, f, http.StatusOK)
}

func (a *Server) updateParticipants(w http.ResponseWriter, r *http.Request) error {
	f, m, err := a.participantsForm(w, r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	var keep []int64
	for _, k := range pf["keep"] {
		if id, err := strconv.ParseInt(k, 10, 64); err == nil {
			keep = append(keep, id)
		}
	}
	// The form was read at f.Version, the meeting's current version (its
	// fields or its participants may have changed since the form was
	// read): the curator's removals are taken from what they saw, and the
	// participants added since are kept, so no one's change is lost.
	merged := false
	if posted := pf.Get("version"); posted != "" {
		if posted != f.Version {
			var base []int64
			json.Unmarshal([]byte(pf.Get("base")), &base)
			keep, merged = keepMerged(base, participantIDs(m), keep), true
		}
		current, _ := strconv.ParseInt(f.Version, 10, 64)
		r = ifVersion(r, timeline.KindMeeting, m.ID, current)
	}
	if f.Parts, err = partRows(pf); err != nil {
		return err
	}
	fe := timeline.FieldErrors{}
	if err := a.offerOnRecord(r.Context(), f.Parts, fe); err != nil {
		return err
	}
	var add []store.NewParticipant
	for _, row := range f.Parts {
		if row.Slug != "" || row.Name != "" {
			add = append(add, store.NewParticipant{Slug: row.Slug, Name: row.Name, Title: row.Title, Body: row.Body})
		}
	}
	if len(fe) == 0 {
		err := a.store.SetParticipants(r.Context(), actor(r), m.ID, keep, add)
		if err == nil {
			flash := "Participants saved."
			if merged {
				flash += " The meeting had been changed since you opened the form; the participants added since are kept."
			}
			return a.redirectWithFlash(w, r, f.Back, flash)
		} else if err := userErrors(fe, err, "participants"); err != nil {
			return err
		}
	}
	if len(fe) > 0 {
		// Field names of the add rows come back numbered; show them
		// together at the top of the rows.
		msgs := []string{}
		for _, v := range fe {
			msgs = append(msgs, v)
		}
		fe = timeline.FieldErrors{"participants": strings.Join(msgs, " ")}
	}
	f.Errors = fe
	return a.showParticipantsForm(w, r, f, http.StatusUnprocessableEntity)
}

// meetingEditForm is the meeting's edit form as typed: date, stop, title
// and summary (its participants are kept, and changed on their own form).
type meetingEditForm struct {
	Date    string `form:"date"`
	Stop    string `form:"stop"`
	Title   string `form:"title"`
	Summary string `form:"summary"`
	edited
}

func meetingEditFormOf(m *timeline.Meeting) meetingEditForm {
	return meetingEditForm{Date: m.Date.String(), Stop: idText(m.StopID), Title: m.Title, Summary: m.Summary}
}

func (f meetingEditForm) fields(stops []views.Option) []views.FormField {
	return f.withMeta([]views.FormField{
		{Name: "date", Label: "Date", Type: "date", Value: f.Date},
		{Name: "stop", Label: "At the stop", Type: "select", Options: stops, Value: f.Stop},
		{Name: "title", Label: "Title", Type: "text", Value: f.Title},
		{Name: "summary", Label: "Summary", Type: "textarea", Value: f.Summary},
	})
}

// meetingEditPage shows the meeting's edit form, its stops those of its
// trip.
func (a *Server) meetingEditPage(w http.ResponseWriter, r *http.Request, m *timeline.Meeting, f meetingEditForm, fe timeline.FieldErrors) error {
	trip, _, err := a.store.TripForCurator(r.Context(), m.TripID)
	if err != nil {
		return err
	}
	p := editPage("Edit meeting", fmt.Sprintf("/meetings/%d", m.ID), fmt.Sprintf("/trips/%d#meeting-%d", m.TripID, m.ID))
	return a.showForm(w, r, p, f.fields(a.stopOptions(trip)), fe)
}

// meetingOf is the meeting of the path, drafts included.
func (a *Server) meetingOf(r *http.Request) (*timeline.Meeting, error) {
	return byID(r, timeline.KindMeeting, func(ctx context.Context, id int64) (*timeline.Meeting, error) { return a.store.Meeting(ctx, id, true) })
}

func (a *Server) editMeetingForm(w http.ResponseWriter, r *http.Request, m *timeline.Meeting) error {
	f := meetingEditFormOf(m)
	if err := a.stamp(r, timeline.KindMeeting, m.ID, &f); err != nil {
		return err
	}
	return a.meetingEditPage(w, r, m, f, nil)
}

func (a *Server) updateMeeting(w http.ResponseWriter, r *http.Request, m *timeline.Meeting, f meetingEditForm, fe timeline.FieldErrors) error {
	r, err := a.reconcile(r, timeline.KindMeeting, m.ID, &f, ptr(meetingEditFormOf(m)), fe)
	if err != nil {
		return err
	}
	m.Date = dateField(fe, "date", f.Date, true)
	m.Title, m.Summary = f.Title, f.Summary
	m.StopID = idField(fe, "stop", f.Stop)
	if m.TripID != 0 {
		trip, _, err := a.store.TripForCurator(r.Context(), m.TripID)
		if err != nil {
			return err
		}
		onTrip(fe, trip, m.StopID)
		a.onTripDates(fe, trip, m.StopID, m.Date, "meeting")
	}
	return a.submit(w, r, fe, save{field: "title", flash: f.saved("Meeting saved."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateMeeting(ctx, by, m, f.Reason) },
		to:    func() string { return fmt.Sprintf("/trips/%d#meeting-%d", m.TripID, m.ID) },
		again: func() error { return a.meetingEditPage(w, r, m, f, fe) }})
}

// meetingRedirect sends a meeting's permalink to its place on its trip's
// page, where it is told with its context.
func (a *Server) meetingRedirect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "meeting")
	if err != nil {
		return err
	}
	m, err := a.store.Meeting(r.Context(), id, false)
	if err != nil {
		return err
	}
	if m.TripID == 0 {
		return timeline.Errorf(timeline.ENotFound, "Meeting %d is not part of a trip.", id)
	}
	http.Redirect(w, r, timeline.RecordPath(timeline.KindTrip, m.TripID)+"#meeting-"+itoa(int(id)), http.StatusFound)
	return nil
}

// participantIDs are a meeting's participants, as a participants form
// carries them.
func participantIDs(m *timeline.Meeting) []int64 {
	ids := make([]int64, len(m.Participants))
	for i, p := range m.Participants {
		ids[i] = p.PersonID
	}
	return ids
}

// keepMerged is whom a participants form read at base keeps, now that the
// meeting has cur: the curator's removals (in base, not kept) come off cur.
func keepMerged(base, cur, keep []int64) []int64 {
	removed := map[int64]bool{}
	for _, id := range base {
		removed[id] = !slices.Contains(keep, id)
	}
	var out []int64
	for _, id := range cur {
		if !removed[id] {
			out = append(out, id)
		}
	}
	return out
}

// partRows reads the participant rows of a posted meeting or participants
// form. A row whose "someone else" box is ticked names a new person, even
// when the picker holds the person on record it was offered.
func partRows(pf url.Values) ([]views.PartRow, error) {
	slugs := pf["part_person"]
	if len(slugs) > 100 {
		return nil, timeline.Errorf(timeline.EInvalid, "A meeting has at most 100 participants.")
	}
	at := func(k string, i int) string {
		if xs := pf[k]; i < len(xs) {
			return strings.TrimSpace(xs[i])
		}
		return ""
	}
	var rows []views.PartRow
	for i := range slugs {
		row := views.PartRow{Slug: at("part_person", i), Name: at("part_name", i), Title: at("part_title", i), Body: at("part_body", i),
			New: slices.Contains(pf["part_new"], strconv.Itoa(i))}
		if row.New {
			row.Slug, row.Offered = "", true
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// offerOnRecord stops a row that names a new person whom the record
// already has (by name or alias, ignoring case and accents): the person on
// record is chosen in its picker and the message says who, so the curator
// saves again to use them, or ticks "someone else".
func (a *Server) offerOnRecord(ctx context.Context, rows []views.PartRow, fe timeline.FieldErrors) error {
	for i := range rows {
		p := &rows[i]
		if p.Slug != "" {
			// The person field takes a name too (people_search.go).
			slug, msg := a.resolvePerson(ctx, p.Slug)
			if msg != "" {
				fe.Add("participants."+strconv.Itoa(i)+".person", msg)
			} else {
				p.Slug = slug
			}
			continue
		}
		if p.Name == "" || p.New {
			continue
		}
		found, err := a.store.PeopleNamed(ctx, p.Name)
		if err != nil {
			return err
		}
		if len(found) == 0 {
			continue
		}
		var labels []string
		for _, c := range found {
			labels = append(labels, c.Label(a.store.Countries().Name))
		}
		p.Slug, p.Offered = found[0].Slug, true
		fe.Add("participants."+strconv.Itoa(i)+".name", "On record already: "+strings.Join(labels, "; or ")+
			". They are chosen for this row: save again to use them, or tick “Someone else” to add a new person.")
	}
	return nil
}

// stopDay is the day of a one-day stop, which a meeting at it with no
// date typed takes; "" for none or a longer stop.
func stopDay(trip *timeline.Trip, stop int64) string {
	for _, s := range trip.Stops {
		if s.ID == stop && (!s.End.Valid() || s.End == s.Start) {
			return s.Start.String()
		}
	}
	return ""
}

// rowSlugs are the people the participant rows hold.
func rowSlugs(rows []views.PartRow) []string {
	var out []string
	for _, p := range rows {
		out = append(out, p.Slug)
	}
	return out
}
