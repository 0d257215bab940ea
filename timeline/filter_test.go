package timeline_test

import (
	"net/url"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

func TestParseFilter(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		q, _ := url.ParseQuery("person=blinken-antony-j&country=qa&region=nea&kind=trip,meeting&from=2024-01-01&to=2024-12-31&q=+Doha++talks&order=asc&after=2024-10-22.7&limit=10")
		f, err := timeline.ParseFilter(q)
		if err != nil {
			t.Fatal(err)
		}
		if f.Country != "QA" || f.Region != "NEA" || len(f.Kinds) != 2 || f.Q != "Doha talks" || f.Order != timeline.OldestFirst || f.Limit != 10 {
			t.Errorf("got %+v", f)
		}
		if f.After == nil || f.After.ID != 7 || f.After.Date.String() != "2024-10-22" {
			t.Errorf("after = %+v", f.After)
		}
		// Values drops the page position and is stable.
		if got, want := f.Query(), "?country=QA&from=2024-01-01&kind=trip%2Cmeeting&order=asc&person=blinken-antony-j&q=Doha+talks&region=NEA&to=2024-12-31"; got != want {
			t.Errorf("Query = %q, want %q", got, want)
		}
	})
	t.Run("Defaults", func(t *testing.T) {
		f, err := timeline.ParseFilter(url.Values{})
		if err != nil {
			t.Fatal(err)
		}
		if f.Order != timeline.NewestFirst || f.Limit != timeline.DefaultLimit || !f.IsZero() {
			t.Errorf("got %+v", f)
		}
	})
	for _, tc := range []struct{ query, field string }{
		{"from=2024-13-45", "from"},
		{"to=yesterday", "to"},
		{"from=2024-02-01&to=2024-01-01", "to"},
		{"region=n%20e%20a", "region"},
		{"country=Qatar", "country"},
		{"kind=speech", "kind"},
		{"person=Blinken%20Antony", "person"},
		{"order=up", "order"},
		{"after=2024-10-22", "after"},
		{"before=x.1", "before"},
		{"after=2024-10-22.1&before=2024-10-22.2", "before"},
		{"limit=0", "limit"},
		{"limit=100000", "limit"},
	} {
		t.Run("Err_"+tc.field, func(t *testing.T) {
			q, _ := url.ParseQuery(tc.query)
			_, err := timeline.ParseFilter(q)
			if timeline.ErrorCode(err) != timeline.EInvalid || timeline.ErrorField(err) != tc.field {
				t.Errorf("ParseFilter(%s) = %v, want an invalid %s error", tc.query, err, tc.field)
			}
		})
	}
}
