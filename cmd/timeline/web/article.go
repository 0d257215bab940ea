package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/timeline/article"
	"github.com/diplomatic-travel/tracker/views"
)

// Entering an article: the curator pastes it (/curate/article), reads what
// it proposes as the trip it would make (timeline/article, against the
// record), corrects and unticks, and confirms once: the ticked facts are
// created as drafts of one trip, each citing the article with its passage
// (store.EnterArticle). Nothing is stored before the confirmation.

// articleRowFields are the fields of each kind of proposal, as the review
// posts them ("stop_country").
var articleRowFields = map[string][]string{
	"stop":    {"country", "locality", "start", "end"},
	"meeting": {"date", "stop", "title", "with"},
	"goal":    {"text"},
	"quote":   {"speaker", "date", "text"},
	"claim":   {"text", "stated", "label", "region", "country", "since"},
	"event":   {"title", "kind", "date"},
}

func (a *Server) articleForm(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, http.StatusOK, views.ArticlePage(views.ArticleForm{Site: a.site(w, r, "Enter an article")}))
}

// readArticle serves POST /curate/article: the proposals, to be checked.
func (a *Server) readArticle(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	f := views.ArticleForm{URL: strings.TrimSpace(pf.Get("url")), Date: strings.TrimSpace(pf.Get("date")), Text: pf.Get("text")}
	refuse := func(msg string) error {
		f.Site, f.Error = a.site(w, r, "Enter an article"), msg
		return render(w, r, http.StatusUnprocessableEntity, views.ArticlePage(f))
	}
	art, err := article.Read(strings.NewReader(f.Text))
	if err != nil {
		if code := timeline.ErrorCode(err); code == timeline.EInvalid || code == timeline.ETooLarge {
			return refuse(timeline.ErrorMessage(err))
		}
		return err
	}
	if art.URL == "" {
		art.URL = f.URL
	}
	if !art.Published.Valid() && f.Date != "" {
		if art.Published, err = timeline.ParseDate(f.Date); err != nil {
			return refuse("The publication date is not a date: " + err.Error() + ".")
		}
	}
	known, err := a.store.ArticleKnown(r.Context())
	if err != nil {
		return err
	}
	proposals := article.Propose(art, known)
	if err := a.store.CheckProposedClaims(r.Context(), known, art, proposals); err != nil {
		return err
	}
	review := a.reviewOf(art, proposals, known)
	for i, ev := range review.Events {
		// An event the record holds is linked, not proposed again.
		d, _ := timeline.ParseDate(ev.F("date"))
		if like, err := a.store.EventsLike(r.Context(), ev.F("title"), d); err != nil {
			return err
		} else if len(like) > 0 {
			review.Events[i].On, review.Events[i].Known = false, &views.Option{Value: like[0].Path, Label: like[0].Label}
		}
	}
	if len(review.Stops) == 0 && len(review.Meetings) == 0 && len(review.Claims) == 0 && len(review.Quotes) == 0 {
		return refuse("The article names no trip, meeting, claim or quote that the record's people and places tell: enter it with the forms instead.")
	}
	return a.showReview(w, r, review, http.StatusOK)
}

// reviewOf lays the proposals out as the trip they would make.
func (a *Server) reviewOf(art article.Article, ps []article.Proposal, known article.Known) views.ArticleReview {
	names := a.store.Countries()
	v := views.ArticleReview{Source: views.ArticleSource{URL: art.URL, Title: art.Title, Publisher: art.Publisher, Author: art.Author}}
	if art.Published.Valid() {
		v.Source.Published = art.Published.String()
	}
	row := func(p article.Proposal, on bool, fields map[string]string) views.ArticleRow {
		return views.ArticleRow{On: on, Fields: fields, Passage: p.Passage}
	}
	stopOf := map[string]int{} // country+locality → 1-based row
	for _, p := range ps {
		switch p.Kind {
		case "stop":
			if v.Traveller == "" {
				v.Traveller = p.Traveller
			}
			v.Stops = append(v.Stops, row(p, p.Start != "", map[string]string{"country": names.Name(p.Country), "locality": p.Locality, "start": p.Start, "end": p.End}))
			if _, ok := stopOf[p.Country+"|"+p.Locality]; !ok {
				stopOf[p.Country+"|"+p.Locality] = len(v.Stops)
			}
		case "meeting":
			var with, named []string
			for _, pa := range p.Participants {
				with = append(with, cmp.Or(pa.Slug, pa.Name))
				named = append(named, pa.Name)
			}
			stop := ""
			if n, ok := stopOf[p.Country+"|"+p.Locality]; ok {
				stop = strconv.Itoa(n)
			}
			v.Meetings = append(v.Meetings, row(p, true, map[string]string{"date": p.Date, "stop": stop,
				"title": "Talks with " + joinAnd(named), "with": strings.Join(with, "; ")}))
		case "goal":
			v.Goals = append(v.Goals, row(p, true, map[string]string{"text": p.Text}))
		case "quote":
			date := v.Source.Published
			if n := len(v.Stops); n > 0 && v.Stops[n-1].F("start") != "" {
				date = v.Stops[n-1].F("start")
			}
			known := p.Speaker != "" && !strings.Contains(p.Speaker, " ")
			v.Quotes = append(v.Quotes, row(p, known, map[string]string{"speaker": p.Speaker, "date": date, "text": p.Text}))
		case "event":
			v.Events = append(v.Events, row(p, true, map[string]string{"title": p.Title, "kind": p.EventKind, "date": p.Date}))
		case "claim":
			if v.Traveller == "" {
				v.Traveller = p.Traveller
			}
			fields := map[string]string{"text": p.Text, "stated": strconv.Itoa(p.Ordinal), "label": p.Label, "since": p.Since}
			place := strings.TrimPrefix(strings.ToLower(p.Place), "the ")
			if code, ok := names.Resolve(place); ok && place != "" {
				fields["country"] = names.Name(code)
			} else if code, ok := known.Region(place); ok {
				fields["region"] = code
			} else if place == "region" {
				fields["region"] = "first-stop" // set when shown, from the first stop's region
			}
			rw := row(p, true, fields)
			if p.Check != nil {
				rw.Note = "The record gives " + timeline.Ordinal(p.Check.Computed) + ": " + p.Check.Verdict + ", by " + p.Check.Counter
			}
			v.Claims = append(v.Claims, rw)
		}
	}
	return v
}

// showReview renders the review with its traveller's picker and the trips
// it may repeat; a claim counted in "the region" takes the first stop's
// region here.
func (a *Server) showReview(w http.ResponseWriter, r *http.Request, v views.ArticleReview, status int) error {
	ctx := r.Context()
	for i := range v.Claims {
		if v.Claims[i].F("region") == "first-stop" {
			v.Claims[i].Fields["region"] = ""
			if len(v.Stops) > 0 {
				if code, ok := a.store.Countries().Resolve(v.Stops[0].F("country")); ok {
					bureau, err := a.store.BureauOf(ctx, code)
					if err != nil {
						return err
					}
					v.Claims[i].Fields["region"] = bureau
				}
			}
		}
	}
	people, err := a.personChoices(ctx, v.Traveller)
	if err != nil {
		return err
	}
	v.People = people
	if slug, msg := a.resolvePerson(ctx, v.Traveller); msg == "" && slug != "" {
		var start, end timeline.Date
		for _, s := range v.Stops {
			if d, err := timeline.ParseDate(s.F("start")); err == nil {
				if !start.Valid() || d.Before(start) {
					start = d
				}
				if !end.Valid() || d.After(end) {
					end = d
				}
			}
		}
		if start.Valid() {
			similar, err := a.store.TripsOverlapping(ctx, slug, start, end)
			if err != nil {
				return err
			}
			v.Similar = similarOptions(similar)
		}
	}
	v.Site = a.site(w, r, "What the article proposes")
	return render(w, r, status, views.ArticleReviewPage(v))
}

// confirmArticle serves POST /curate/article/confirm: the ticked facts
// created in one transaction, or the review again with every message.
func (a *Server) confirmArticle(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	v := reviewFromPost(pf)
	fe := timeline.FieldErrors{}
	e, err := a.entryOf(r, v, fe)
	if err != nil {
		return err
	}
	if len(fe) == 0 {
		id, err := a.store.EnterArticle(r.Context(), actor(r), e)
		if err == nil {
			return a.redirectWithFlash(w, r, timeline.RecordPath(timeline.KindTrip, id),
				"Article entered: a draft trip with its facts, each citing the article. Check it, then publish it with everything on it.")
		}
		if err := userErrors(fe, err, "traveller"); err != nil {
			return err
		}
	}
	v.Errors = fe
	return a.showReview(w, r, v, http.StatusUnprocessableEntity)
}

// reviewFromPost reads the review back as posted.
func reviewFromPost(pf url.Values) views.ArticleReview {
	v := views.ArticleReview{Traveller: strings.TrimSpace(pf.Get("traveller")), Source: views.ArticleSource{
		URL: strings.TrimSpace(pf.Get("source_url")), Title: pf.Get("source_title"), Publisher: pf.Get("source_publisher"),
		Author: pf.Get("source_author"), Published: strings.TrimSpace(pf.Get("source_published"))}}
	rows := func(kind string) []views.ArticleRow {
		var out []views.ArticleRow
		passages := pf[kind+"_passage"]
		for i := range passages {
			rw := views.ArticleRow{On: slices.Contains(pf[kind+"_on"], strconv.Itoa(i)), Fields: map[string]string{}, Passage: passages[i]}
			for _, fd := range articleRowFields[kind] {
				if xs := pf[kind+"_"+fd]; i < len(xs) {
					rw.Fields[fd] = strings.TrimSpace(xs[i])
				}
			}
			out = append(out, rw)
		}
		return out
	}
	v.Stops, v.Meetings, v.Goals, v.Quotes, v.Claims, v.Events = rows("stop"), rows("meeting"), rows("goal"), rows("quote"), rows("claim"), rows("event")
	return v
}

// entryOf turns the ticked rows into an entry, each fault beside its field.
func (a *Server) entryOf(r *http.Request, v views.ArticleReview, fe timeline.FieldErrors) (*store.ArticleEntry, error) {
	ctx := r.Context()
	e := &store.ArticleEntry{Source: timeline.Source{URL: v.Source.URL, Title: v.Source.Title, Publisher: v.Source.Publisher, Author: v.Source.Author}}
	e.Source.Published = dateField(fe, "source_published", v.Source.Published, false)
	if err := e.Source.Validate(); err != nil {
		for k, msg := range timeline.ErrorFields(err) {
			fe.Add("source_"+k, msg)
		}
	}
	if known, _ := a.store.SourceByURL(ctx, v.Source.URL); known != nil {
		e.Source = *known
	}
	slug, msg := a.resolvePerson(ctx, v.Traveller)
	switch {
	case msg != "":
		fe.Add("traveller", msg)
	case slug == "":
		fe.Add("traveller", "Choose the traveller.")
	}
	e.Trip.PersonSlug = slug
	key := func(kind string, i int, field string) string { return kind + "." + strconv.Itoa(i) + "." + field }
	stopIndex := map[int]int{} // the review's 1-based stop row → the entry's index
	for i, s := range v.Stops {
		if !s.On {
			continue
		}
		st := timeline.Stop{Locality: s.F("locality")}
		st.Country = a.country(fe, key("stop", i, "country"), s.F("country"))
		st.Start = dateField(fe, key("stop", i, "start"), s.F("start"), true)
		st.End = dateField(fe, key("stop", i, "end"), s.F("end"), false)
		stopIndex[i+1] = len(e.Trip.Stops)
		e.Trip.Stops = append(e.Trip.Stops, st)
		e.StopPassages = append(e.StopPassages, s.Passage)
		if e.TripPassage == "" {
			e.TripPassage = s.Passage
		}
	}
	if len(e.Trip.Stops) == 0 {
		fe.Add("traveller", "Tick at least one stop: the facts of an article are entered as a trip.")
	}
	// The trip as entered, its stops numbered by their rows, so that a
	// meeting or quote dated outside it is refused as on the forms.
	checked := e.Trip
	checked.Stops = slices.Clone(e.Trip.Stops)
	for i := range checked.Stops {
		checked.Stops[i].ID = int64(i + 1)
	}
	stopOf := func(field string) int {
		n, err := strconv.Atoi(field)
		if i, ok := stopIndex[n]; err == nil && ok {
			return i
		}
		return -1
	}
	for i, m := range v.Meetings {
		if !m.On {
			continue
		}
		em := store.EntryMeeting{Meeting: timeline.Meeting{Title: m.F("title")}, Stop: stopOf(m.F("stop")), Passage: m.Passage}
		em.Meeting.Date = dateField(fe, key("meeting", i, "date"), m.F("date"), true)
		for _, who := range strings.Split(m.F("with"), ";") {
			if who = strings.TrimSpace(who); who == "" {
				continue
			}
			if s, msg := a.resolvePerson(ctx, who); msg == "" {
				em.With = append(em.With, store.NewParticipant{Slug: s})
			} else {
				em.With = append(em.With, store.NewParticipant{Name: who}) // a new person, a draft with the trip
			}
		}
		a.onTripDatesAt(fe, key("meeting", i, "date"), &checked, int64(em.Stop+1), em.Meeting.Date, "meeting")
		e.Meetings = append(e.Meetings, em)
	}
	for _, g := range v.Goals {
		if g.On {
			e.Goals = append(e.Goals, store.EntryGoal{Goal: timeline.Goal{Text: g.F("text")}, Passage: g.Passage})
		}
	}
	for i, q := range v.Quotes {
		if !q.On {
			continue
		}
		eq := store.EntryQuote{Quote: timeline.Quote{Text: q.F("text")}, Stop: -1, Passage: q.Passage}
		s, msg := a.resolvePerson(ctx, q.F("speaker"))
		if msg != "" || s == "" {
			fe.Add(key("quote", i, "speaker"), cmp.Or(msg, "Who said it? Give a person of the record."))
		}
		eq.Quote.PersonSlug = s
		eq.Quote.Date = dateField(fe, key("quote", i, "date"), q.F("date"), true)
		a.onTripDatesAt(fe, key("quote", i, "date"), &checked, 0, eq.Quote.Date, "quote")
		e.Quotes = append(e.Quotes, eq)
	}
	for i, c := range v.Claims {
		if !c.On {
			continue
		}
		ec := store.EntryClaim{Claim: timeline.Claim{Text: c.F("text")}, Passage: c.Passage}
		ec.Claim.Stated = intField(fe, key("claim", i, "stated"), c.F("stated"), "The stated number is a whole number, such as 11.")
		counter := &timeline.Counter{PersonSlug: slug, Region: c.F("region"), Label: c.F("label"),
			Rule: timeline.Rule{Kind: timeline.RuleGap, GapDays: 1}}
		counter.Country = a.country(fe, key("claim", i, "country"), c.F("country"))
		counter.Since = dateField(fe, key("claim", i, "since"), c.F("since"), true)
		ec.Counter = counter
		e.Claims = append(e.Claims, ec)
	}
	for i, ev := range v.Events {
		if !ev.On {
			continue
		}
		ee := store.EntryEvent{Event: timeline.Event{Title: ev.F("title"), Kind: ev.F("kind"), Precision: timeline.PrecisionDay}, Passage: ev.Passage}
		ee.Event.Date = dateField(fe, key("event", i, "date"), ev.F("date"), true)
		if err := ee.Event.Validate(); err != nil {
			for k, msg := range timeline.ErrorFields(err) {
				fe.Add(key("event", i, k), msg)
			}
		}
		e.Events = append(e.Events, ee)
	}
	return e, nil
}

// joinAnd joins names as prose does: "A, B and C".
func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
