package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Citing: one fact at a time (/cite), or one source for several facts of a
// trip at once (/trips/{id}/cite). Both choose the source the same way: one
// on record (searched for, or else the one the curator cited last, by any
// form) or a new one typed in, whose address, when already on record, is
// that source.

// sourcePick starts the source part of a citation form: the search's
// results, or else the source the curator cited last, offered first.
func (a *Server) sourcePick(w http.ResponseWriter, r *http.Request, action, q string) (views.SourcePick, error) {
	p := views.SourcePick{Action: action, Q: timeline.NormalizeSpace(q)}
	var err error
	if p.Q != "" {
		p.Found, err = a.store.SearchSources(r.Context(), p.Q, 20)
		return p, err
	}
	last, err := a.store.LastSourceCitedBy(r.Context(), actor(r))
	if err != nil || last == 0 {
		return p, err
	}
	if src, err := a.store.Source(r.Context(), last); err == nil { // not deleted since
		p.Found, p.SourceID = []timeline.Source{*src}, strconv.FormatInt(src.ID, 10)
	}
	return p, nil
}

// readSource reads the source part of a posted citation form into p, and
// returns the source on record it names, or the new one to create (nil
// when it is on record); its faults go into fe.
func (a *Server) readSource(ctx context.Context, pf url.Values, p *views.SourcePick, fe timeline.FieldErrors) (int64, *timeline.Source, error) {
	p.SourceID, p.URL, p.Title, p.Publisher, p.Author, p.Published =
		pf.Get("source"), strings.TrimSpace(pf.Get("url")), pf.Get("title"), pf.Get("publisher"), pf.Get("author"), strings.TrimSpace(pf.Get("published"))
	switch {
	case p.SourceID != "" && p.URL != "":
		fe.Add("url", "Pick a source on record or enter a new one, not both.")
	case p.SourceID != "":
		id, _ := strconv.ParseInt(p.SourceID, 10, 64)
		if _, err := a.store.Source(ctx, id); err != nil {
			fe.Add("source", "That source is not on record.")
		}
		return id, nil, nil
	case p.URL == "":
		fe.Add("url", "Pick a source on record, or enter the address of a new one.")
	default:
		src := &timeline.Source{URL: p.URL, Title: p.Title, Publisher: p.Publisher, Author: p.Author}
		if p.Published != "" {
			var err error
			if src.Published, err = timeline.ParseDate(p.Published); err != nil {
				fe.Add("published", "Not a date: "+err.Error()+".")
			}
		}
		if known, _ := a.store.SourceByURL(ctx, p.URL); known != nil {
			// One article is one source: the known one is used, and its
			// title need not be typed again.
			return known.ID, nil, nil
		}
		if err := src.Validate(); err != nil {
			fe.Merge(err)
			return 0, nil, nil
		}
		if p.Different = pf.Get("different") == "yes"; !p.Different {
			// The same title and publisher under another address is most
			// likely the same article: ask before making a second source.
			like, err := a.store.SourcesLike(ctx, p.Title, p.Publisher)
			if err != nil {
				return 0, nil, err
			}
			if len(like) > 0 {
				p.Found, p.Duplicate = like, true
				fe.Add("url", "A source on record has this title and publisher, under another address: pick it above, or tick “It is a different article” to add this one.")
			}
		}
		return 0, src, nil
	}
	return 0, nil, nil
}

// citeForm reads the fact a citation is for from the query or the form.
func (a *Server) citeForm(w http.ResponseWriter, r *http.Request, v url.Values) (views.CiteForm, error) {
	kind := timeline.Kind(v.Get("kind"))
	id, err := strconv.ParseInt(v.Get("id"), 10, 64)
	if err != nil || id <= 0 || !timeline.Citable(kind) {
		return views.CiteForm{}, timeline.Errorf(timeline.ENotFound, "There is no such fact to cite.")
	}
	label, back, err := a.store.Subject(r.Context(), kind, id)
	if err != nil {
		return views.CiteForm{}, err
	}
	return views.CiteForm{Site: a.site(w, r, "Add a source"), Kind: string(kind), ID: id, Label: label, Back: back}, nil
}

// citePage serves GET /cite?kind=&id=[&q=]: the form, with the sources on
// record that match the search (or the one cited last).
func (a *Server) citePage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := a.citeForm(w, r, q)
	if err != nil {
		return err
	}
	if f.SourcePick, err = a.sourcePick(w, r, "/cite", q.Get("q")); err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.CiteFormPage(f))
}

// cite serves POST /cite: a citation to a source on record, or to a new
// source created in the same transaction.
func (a *Server) cite(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	f, err := a.citeForm(w, r, pf)
	if err != nil {
		return err
	}
	f.Action, f.Passage = "/cite", pf.Get("passage")
	fe := timeline.FieldErrors{}
	sourceID, src, err := a.readSource(r.Context(), pf, &f.SourcePick, fe)
	if err != nil {
		return err
	}
	c := &timeline.Citation{SubjectKind: timeline.Kind(f.Kind), SubjectID: f.ID, SourceID: sourceID, Passage: f.Passage}
	if len(fe) == 0 {
		_, err := a.store.CiteWith(r.Context(), actor(r), c, src)
		switch timeline.ErrorCode(err) {
		case "":
			msg := "Source linked."
			if src == nil && f.URL != "" {
				msg = "That address was already on record; its source is now linked."
			}
			return a.redirectWithFlash(w, r, f.Back, msg)
		case timeline.EInvalid, timeline.EConflict:
			fe.Add("source", timeline.ErrorMessage(err))
		default:
			return err
		}
	}
	f.Errors = fe
	return render(w, r, http.StatusUnprocessableEntity, views.CiteFormPage(f))
}

// tripCiteFacts lists the facts of a trip a source may be cited for.
func (a *Server) tripCiteFacts(ctx context.Context, tripID int64) (*timeline.Trip, []views.CiteFact, error) {
	f, err := a.store.TripFacts(ctx, tripID, true)
	if err != nil {
		return nil, nil, err
	}
	fact := func(kind timeline.Kind, id int64, label string) views.CiteFact {
		return views.CiteFact{Key: string(kind) + ":" + strconv.FormatInt(id, 10), Kind: string(kind), Label: clipRunes(label, 120),
			Sources: len(f.Citations.For(kind, id))}
	}
	facts := []views.CiteFact{fact(timeline.KindTrip, f.Trip.ID, f.Trip.Title)}
	for _, s := range f.Trip.Stops {
		facts = append(facts, fact(timeline.KindStop, s.ID, a.stopLabel(s)))
	}
	for _, m := range f.Meetings {
		facts = append(facts, fact(timeline.KindMeeting, m.ID, m.Title))
	}
	for _, g := range f.Goals {
		facts = append(facts, fact(timeline.KindGoal, g.ID, g.Text))
	}
	for _, q := range f.Quotes {
		facts = append(facts, fact(timeline.KindQuote, q.ID, "“"+q.Text+"”"))
	}
	for _, c := range f.Claims {
		facts = append(facts, fact(timeline.KindClaim, c.ID, c.Text))
	}
	return f.Trip, facts, nil
}

// tripCitePage serves GET /trips/{id}/cite[?q=]: one source for several
// facts of the trip; the facts without a source are ticked to begin with.
func (a *Server) tripCitePage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	trip, facts, err := a.tripCiteFacts(r.Context(), id)
	if err != nil {
		return err
	}
	for i := range facts {
		facts[i].Checked = facts[i].Sources == 0
	}
	path := timeline.RecordPath(timeline.KindTrip, id)
	pick, err := a.sourcePick(w, r, path+"/cite", r.URL.Query().Get("q"))
	if err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.TripCiteFormPage(views.TripCiteForm{Site: a.site(w, r, "Cite a source"),
		TripID: id, Title: trip.Title, SourcePick: pick, Facts: facts}))
}

// tripCite serves POST /trips/{id}/cite: the source (new or on record)
// cited for every ticked fact, each with its passage, in one transaction.
func (a *Server) tripCite(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "trip")
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	trip, facts, err := a.tripCiteFacts(r.Context(), id)
	if err != nil {
		return err
	}
	path := timeline.RecordPath(timeline.KindTrip, id)
	f := views.TripCiteForm{TripID: id, Title: trip.Title, Facts: facts}
	f.Action = path + "/cite"
	fe := timeline.FieldErrors{}
	sourceID, src, err := a.readSource(r.Context(), pf, &f.SourcePick, fe)
	if err != nil {
		return err
	}
	var cs []*timeline.Citation
	for i := range f.Facts {
		fact := &f.Facts[i]
		fact.Passage = pf.Get("passage." + fact.Key)
		if fact.Checked = slices.Contains(pf["fact"], fact.Key); !fact.Checked {
			continue
		}
		kind, num, _ := strings.Cut(fact.Key, ":")
		fid, _ := strconv.ParseInt(num, 10, 64)
		cs = append(cs, &timeline.Citation{SubjectKind: timeline.Kind(kind), SubjectID: fid, SourceID: sourceID, Passage: fact.Passage})
	}
	if len(cs) == 0 {
		fe.Add("facts", "Tick at least one fact the source supports.")
	}
	if len(fe) == 0 {
		err := a.store.CiteAll(r.Context(), actor(r), cs, src)
		switch timeline.ErrorCode(err) {
		case "":
			return a.redirectWithFlash(w, r, path, "Source cited for "+strconv.Itoa(len(cs))+" "+plural(len(cs), "fact", "facts")+".")
		case timeline.EInvalid, timeline.EConflict:
			fe.Add("facts", timeline.ErrorMessage(err))
		default:
			return err
		}
	}
	f.Errors, f.Site = fe, a.site(w, r, "Cite a source")
	return render(w, r, http.StatusUnprocessableEntity, views.TripCiteFormPage(f))
}

// clipRunes cuts s to at most n letters, marking the cut.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
