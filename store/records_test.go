package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

var curator = store.Actor{Name: "test"}

func d(s string) timeline.Date { return timeline.MustDate(s) }

// A round trip for each record kind: what is stored is what is read, and
// each write left a revision.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	revisions := func() int {
		n, err := s.Debug().RevisionCount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	p := &timeline.Person{Slug: "example-traveller", Name: "Example Traveller", Country: "US",
		Aliases: []string{"E. Traveller"},
		Offices: []timeline.Office{{Title: "Envoy", Body: "United States", Country: "US", From: d("2020-01-01"), To: d("2021-01-01")}}}
	host := &timeline.Person{Name: "Host Minister", Offices: []timeline.Office{{Title: "Foreign Minister", Body: "Türkiye", Country: "TR"}}}
	t.Run("Person", func(t *testing.T) {
		before := revisions()
		if err := s.CreatePerson(ctx, curator, p); err != nil {
			t.Fatal(err)
		}
		if err := s.CreatePerson(ctx, curator, host); err != nil {
			t.Fatal(err)
		}
		if host.Slug != "host-minister" {
			t.Errorf("slug = %q", host.Slug)
		}
		got, err := s.PersonBySlug(ctx, "example-traveller", false)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != p.Name || got.Country != "US" || len(got.Offices) != 1 || got.Offices[0].From != d("2020-01-01") || !reflect.DeepEqual(got.Aliases, p.Aliases) {
			t.Errorf("got %+v", got)
		}
		if revisions() != before+2 {
			t.Errorf("revisions: %d, want %d", revisions(), before+2)
		}
	})
	t.Run("ErrPersonDuplicateSlug", func(t *testing.T) {
		err := s.CreatePerson(ctx, curator, &timeline.Person{Slug: "example-traveller", Name: "Other"})
		if timeline.ErrorCode(err) != timeline.EConflict || timeline.ErrorField(err) != "slug" {
			t.Errorf("got %v", err)
		}
	})

	trip := &timeline.Trip{PersonID: 0, PersonSlug: "example-traveller", Title: "Türkiye and Saudi Arabia", Stops: []timeline.Stop{
		{Country: "saudi-arabia", Locality: "Al ‘Ula", Start: d("2024-01-08"), End: d("2024-01-08"), Remarks: "Met the Crown Prince."},
		{Country: "Türkiye", Locality: "Istanbul", Start: d("2024-01-04"), End: d("2024-01-06")},
	}}
	t.Run("Trip", func(t *testing.T) {
		if err := s.CreateTrip(ctx, curator, trip); err != nil {
			t.Fatal(err)
		}
		got, err := s.Trip(ctx, trip.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if got.Start != d("2024-01-04") || got.End != d("2024-01-08") || got.PersonSlug != "example-traveller" {
			t.Errorf("trip = %+v", got)
		}
		if len(got.Stops) != 2 || got.Stops[0].Country != "TR" || got.Stops[1].Country != "SA" || got.Stops[1].Locality != "Al ‘Ula" {
			t.Errorf("stops = %+v (aliases must resolve and stops sort by date)", got.Stops)
		}
	})
	t.Run("ErrTripUnknownCountry", func(t *testing.T) {
		bad := &timeline.Trip{PersonSlug: "example-traveller", Stops: []timeline.Stop{{Country: "Atlantis", Start: d("2024-02-01")}}}
		err := s.CreateTrip(ctx, curator, bad)
		if timeline.ErrorCode(err) != timeline.EInvalid || timeline.ErrorField(err) != "stops.0.country" {
			t.Errorf("got %v", err)
		}
	})
	t.Run("ErrTripEndBeforeStart", func(t *testing.T) {
		bad := &timeline.Trip{PersonSlug: "example-traveller", Stops: []timeline.Stop{{Country: "QA", Start: d("2024-02-02"), End: d("2024-02-01")}}}
		err := s.CreateTrip(ctx, curator, bad)
		if timeline.ErrorField(err) != "stops.0.end" || timeline.ErrorMessage(err) != "A stop cannot end before it starts." {
			t.Errorf("got %v", err)
		}
	})
	t.Run("ErrDuplicateStopOnAnotherTrip", func(t *testing.T) {
		before := revisions()
		dup := &timeline.Trip{PersonSlug: "example-traveller", Stops: []timeline.Stop{
			{Country: "QA", Start: d("2024-03-01")},
			{Country: "TR", Locality: "Istanbul", Start: d("2024-01-04"), End: d("2024-01-06")},
		}}
		err := s.CreateTrip(ctx, curator, dup)
		if timeline.ErrorCode(err) != timeline.EConflict {
			t.Fatalf("got %v, want a conflict", err)
		}
		// Nothing of the failed trip was kept: not its first stop, not a
		// revision.
		page, err := s.Timeline(ctx, timeline.Filter{Country: "QA", Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Entries) != 0 || revisions() != before {
			t.Errorf("a failed write left %d entries and %d revisions", len(page.Entries), revisions()-before)
		}
	})

	var meeting *timeline.Meeting
	t.Run("Meeting", func(t *testing.T) {
		meeting = &timeline.Meeting{TripID: trip.ID, StopID: trip.Stops[0].ID, Date: d("2024-01-05"), Title: "Talks in Istanbul",
			Participants: []timeline.Participant{{PersonID: p.ID, OfficeID: p.Offices[0].ID}, {PersonSlug: "host-minister", OfficeID: host.Offices[0].ID}}}
		if err := s.CreateMeeting(ctx, curator, meeting); err != nil {
			t.Fatal(err)
		}
		got, err := s.MeetingsOfTrip(ctx, trip.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || len(got[0].Participants) != 2 || got[0].Participants[1].Office != "Foreign Minister, Türkiye" || got[0].StopID != trip.Stops[0].ID {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("GoalQuoteEvent", func(t *testing.T) {
		g := &timeline.Goal{TripID: trip.ID, Text: "Reopen talks", StatedByID: p.ID, Outcome: "Talks reopened."}
		if err := s.CreateGoal(ctx, curator, g); err != nil {
			t.Fatal(err)
		}
		goals, _ := s.GoalsOfTrip(ctx, trip.ID, false)
		if len(goals) != 1 || goals[0].StatedBy != "Example Traveller" || goals[0].Outcome != "Talks reopened." {
			t.Errorf("goals = %+v", goals)
		}
		q := &timeline.Quote{PersonID: p.ID, Date: d("2024-01-05"), TripID: trip.ID, MeetingID: meeting.ID, Text: "We talked."}
		if err := s.CreateQuote(ctx, curator, q); err != nil {
			t.Fatal(err)
		}
		quotes, _ := s.QuotesOfTrip(ctx, trip.ID, false)
		if len(quotes) != 1 || quotes[0].Text != "We talked." || quotes[0].MeetingID != meeting.ID {
			t.Errorf("quotes = %+v", quotes)
		}
		e := &timeline.Event{Title: "A summit", Kind: "summit", Date: d("2024-01-17"), Precision: timeline.PrecisionMonth, Country: "ch"}
		if err := s.CreateEvent(ctx, curator, e); err != nil {
			t.Fatal(err)
		}
		got, err := s.Event(ctx, e.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if got.Date != d("2024-01-01") || got.Precision != timeline.PrecisionMonth || got.Country != "CH" || got.When() != "January 2024" {
			t.Errorf("event = %+v", got)
		}
	})
	t.Run("SourceAndCitation", func(t *testing.T) {
		src := &timeline.Source{URL: "HTTPS://News.Example.org/story?utm_source=x#comments", Title: "A story", Published: d("2024-01-06")}
		created, err := s.CreateSource(ctx, curator, src)
		if err != nil || !created {
			t.Fatalf("created %v, %v", created, err)
		}
		again := &timeline.Source{URL: "https://news.example.org/story", Title: "Same story"}
		created, err = s.CreateSource(ctx, curator, again)
		if err != nil || created || again.ID != src.ID {
			t.Errorf("the same canonical URL made a second source: created=%v id=%d want %d (%v)", created, again.ID, src.ID, err)
		}
		c := &timeline.Citation{SourceID: src.ID, SubjectKind: timeline.KindStop, SubjectID: trip.Stops[0].ID, Passage: "in Istanbul"}
		if err := s.Cite(ctx, curator, c); err != nil {
			t.Fatal(err)
		}
		cites := store.Citations{}
		if err := s.CitationsFor(ctx, timeline.KindStop, []int64{trip.Stops[0].ID}, cites); err != nil {
			t.Fatal(err)
		}
		got := cites.For(timeline.KindStop, trip.Stops[0].ID)
		if len(got) != 1 || got[0].Source.URL != "https://news.example.org/story" || got[0].Passage != "in Istanbul" {
			t.Errorf("citations = %+v", got)
		}
		if err := s.Cite(ctx, curator, c); timeline.ErrorCode(err) != timeline.EConflict {
			t.Errorf("second identical citation: %v, want a conflict", err)
		}
		sup, err := s.SupportedBy(ctx, src.ID)
		if err != nil || len(sup) != 1 || sup[0].Kind != "stop" {
			t.Errorf("supported = %+v, %v", sup, err)
		}
		// The trip's timeline entry lists its stops' sources.
		page, err := s.Timeline(ctx, timeline.Filter{Persons: []string{"example-traveller"}, Kinds: []string{"trip"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Entries) != 1 || len(page.Entries[0].Sources) != 1 {
			t.Errorf("trip entry sources = %+v", page.Entries)
		}
	})
	t.Run("CounterAndClaim", func(t *testing.T) {
		c := &timeline.Counter{PersonID: p.ID, Region: "NEA", Since: d("2024-01-01"), Rule: timeline.Rule{Kind: timeline.RuleGap, GapDays: 1}}
		if err := s.CreateCounter(ctx, curator, c); err != nil {
			t.Fatal(err)
		}
		got, err := s.Counter(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Region != "NEA" || got.Rule.Kind != timeline.RuleGap || got.Rule.GapDays != 1 || got.Unit != timeline.UnitTrips {
			t.Errorf("counter = %+v", got)
		}
		cl := &timeline.Claim{TripID: trip.ID, CounterID: c.ID, Stated: 2, Text: "second trip to the region"}
		if err := s.CreateClaim(ctx, curator, cl); err != nil {
			t.Fatal(err)
		}
		claims, _ := s.ClaimsOfTrip(ctx, trip.ID, false)
		res, err := s.Numberer(ctx).Number(*got)
		if err != nil {
			t.Fatal(err)
		}
		if len(claims) != 1 {
			t.Fatalf("claims = %+v", claims)
		}
		// The trip is the traveller's first to the region (Saudi Arabia is
		// NEA), so the claim of "second" is contradicted, with both numbers.
		if ch := timeline.CheckClaim(claims[0], res); ch.Verdict != timeline.Contradicted || ch.Computed != 1 || ch.Stated != 2 {
			t.Errorf("check = %+v", ch)
		}
	})
	t.Run("ForeignKeysEnforced", func(t *testing.T) {
		err := s.CreateGoal(ctx, curator, &timeline.Goal{TripID: 999999, Text: "nowhere"})
		if timeline.ErrorCode(err) != timeline.EInvalid {
			t.Errorf("goal of a missing trip: %v, want refused", err)
		}
		err = s.Cite(ctx, curator, &timeline.Citation{SourceID: 999999, SubjectKind: "trip", SubjectID: trip.ID})
		if timeline.ErrorCode(err) != timeline.EInvalid {
			t.Errorf("citation of a missing source: %v, want refused", err)
		}
	})
	t.Run("Revisions", func(t *testing.T) {
		revs, err := s.Revisions(ctx, timeline.KindTrip, trip.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) != 1 || revs[0].Action != "create" || revs[0].Actor != "test" || revs[0].Before != "" || revs[0].After == "" {
			t.Errorf("revisions = %+v", revs)
		}
	})
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
