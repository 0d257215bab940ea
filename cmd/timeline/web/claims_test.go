package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// The claims page lists every claim with its verdict, the stated and the
// computed numbers, its sources with their words, and the trips counted.
func TestClaimsPage(t *testing.T) {
	ts := newTestServer(t)
	doc := ts.doc(t, "/claims", http.StatusOK)
	if got := doc.Find(`[data-testid=claim-totals]`).Text(); !strings.Contains(got, "3 claims: 3 confirmed, 0 contradicted, 0 not counted") {
		t.Errorf("totals = %q", got)
	}
	items := doc.Find(`[data-testid=claims-item]`)
	if items.Length() != 3 {
		t.Fatalf("%d claims listed, want the demo's 3", items.Length())
	}
	items.Each(func(_ int, li *goquery.Selection) {
		text := li.Find(".claim-text").Text()
		if li.Find(`[data-testid=citation] blockquote`).Length() == 0 {
			t.Errorf("%s: no quoted words from its source", text)
		}
		stated := li.Find(`[data-testid=stated]`).Text()
		counted := li.Find(`[data-testid=counted-trip]`)
		// The last trip counted is the claimed one, numbered as computed.
		last := counted.Last()
		if !strings.HasPrefix(last.Text(), li.Find(`[data-testid=computed]`).Text()+":") {
			t.Errorf("%s: the last trip counted is %q, computed %q", text, last.Text(), li.Find(`[data-testid=computed]`).Text())
		}
		trip, _ := li.Find(`[data-testid=claim-trip]`).Attr("href")
		if href, _ := last.Find("a").Last().Attr("href"); href != trip {
			t.Errorf("%s: the last trip counted links to %s, the claim is about %s", text, href, trip)
		}
		if itoa(counted.Length())+ordinalSuffix(counted.Length()) != stated {
			t.Errorf("%s: %d trips counted, stated %s", text, counted.Length(), stated)
		}
	})
	oct := doc.Find(`[data-testid=claims-item]`).First()
	if n := oct.Find(`[data-testid=counted-trip]`).Length(); n != 11 {
		t.Errorf("the October 2024 claim counts %d trips, want 11", n)
	}

	// A claim the record disagrees with is shown contradicted, with both
	// numbers.
	ctx := context.Background()
	trip, _ := oct.Find(`[data-testid=claim-trip]`).Attr("href")
	tripID, err := strconv.ParseInt(strings.TrimPrefix(trip, "/trips/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	counters, err := ts.store.CountersOfSlugs(ctx, []string{"blinken-antony-j"})
	if err != nil || len(counters) == 0 {
		t.Fatal(counters, err)
	}
	cl := &timeline.Claim{TripID: tripID, CounterID: counters[0].ID, Stated: 12, Text: "his 12th trip to the region", Status: timeline.Published}
	if err := ts.store.CreateClaim(ctx, store.Actor{Name: "test"}, cl); err != nil {
		t.Fatal(err)
	}
	doc = ts.doc(t, "/claims", http.StatusOK)
	if got := doc.Find(`[data-testid=claim-totals]`).Text(); !strings.Contains(got, "4 claims: 3 confirmed, 1 contradicted") {
		t.Errorf("totals after a wrong claim = %q", got)
	}
	wrong := doc.Find(`[data-testid=claims-item]`).Last()
	if v, s, c := wrong.Find(`[data-testid=verdict]`).Text(), wrong.Find(`[data-testid=stated]`).Text(), wrong.Find(`[data-testid=computed]`).Text(); v != "contradicted" || s != "12th" || c != "11th" {
		t.Errorf("wrong claim: %s, stated %s, computed %s", v, s, c)
	}
	if wrong.Find(`[data-testid=unsourced]`).Length() != 1 {
		t.Error("a claim without a source does not say so")
	}
}

// A counter's page numbers its trips under the stored rule and gaps of 0, 1
// and 2 days side by side: splitting trips on every gap gives more of them.
func TestCounterRulesSideBySide(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	counters, err := ts.store.CountersOfSlugs(ctx, []string{"blinken-antony-j"})
	if err != nil {
		t.Fatal(err)
	}
	var gap1 *timeline.Counter
	for i, c := range counters {
		if c.Unit == timeline.UnitTrips && c.Rule == (timeline.Rule{Kind: timeline.RuleGap, GapDays: 1}) && c.Region == "NEA" {
			gap1 = &counters[i]
		}
	}
	if gap1 == nil {
		t.Fatal("the demo has no NEA gap-1 counter")
	}
	doc := ts.doc(t, "/counters/"+strconv.FormatInt(gap1.ID, 10), http.StatusOK)
	var heads, totals []string
	doc.Find(`[data-testid=rule-head]`).Each(func(_ int, s *goquery.Selection) { heads = append(heads, s.Text()) })
	doc.Find(`[data-testid=rule-total]`).Each(func(_ int, s *goquery.Selection) { totals = append(totals, s.Text()) })
	if strings.Join(heads, "|") != "stored trips|gap 0 days|gap 1 day|gap 2 days" {
		t.Errorf("rules = %q", heads)
	}
	// The demo's own counters say the same: 11 stored, 27 with gap 0, 11
	// with gap 1; the gap-2 count equals gap 1 on these trips.
	if strings.Join(totals, "|") != "11|27|11|11" {
		t.Errorf("totals = %q, want 11|27|11|11", totals)
	}
	if doc.Find(`th.current[data-testid=rule-head]`).Text() != "gap 1 day" {
		t.Error("the counter's own rule is not the highlighted column")
	}
	rows := doc.Find(`[data-testid=compare-row]`)
	if rows.Length() != 11 {
		t.Errorf("%d stored trips compared, want 11", rows.Length())
	}
	if got := rows.Last().Find("td").Eq(2).Text(); got != "11th" {
		t.Errorf("the October 2024 tour under gap 1 is %q, want 11th", got)
	}
	if rows.Filter(`.claimed`).Length() != 3 {
		t.Errorf("%d trips marked claimed, want 3", rows.Filter(`.claimed`).Length())
	}
	// Stop counters do not depend on the trip rule and show no comparison.
	for _, c := range counters {
		if c.Unit == timeline.UnitStops {
			if ts.doc(t, "/counters/"+strconv.FormatInt(c.ID, 10), http.StatusOK).Find(`[data-testid=rule-comparison]`).Length() != 0 {
				t.Error("a stop counter shows a trip-rule comparison")
			}
		}
	}
}

func ordinalSuffix(n int) string { return strings.TrimPrefix(timeline.Ordinal(n), itoa(n)) }
