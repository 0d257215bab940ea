package timeline_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Readers of outside data must never panic, and what they accept must be
// in the form they promise.

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://example.org/a?utm_source=x&b=1#f", "javascript:alert(1)", "HTTP://[::1]:80/", "https://%zz", "http://a/b?c=%ZZ", "https://example.org:99999/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := timeline.CanonicalURL(s)
		if err != nil {
			if timeline.ErrorCode(err) != timeline.EInvalid {
				t.Fatalf("CanonicalURL(%q): error %v is not invalid-input", s, err)
			}
			return
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			t.Fatalf("CanonicalURL(%q) = %q: not http(s)", s, u)
		}
		if strings.Contains(u, "#") || strings.Contains(strings.ToLower(u), "utm_") && strings.Contains(u, "?") && hasUTM(u) {
			t.Fatalf("CanonicalURL(%q) = %q keeps a fragment or utm parameter", s, u)
		}
		again, err := timeline.CanonicalURL(u)
		if err != nil || again != u {
			t.Fatalf("CanonicalURL is not stable: %q -> %q -> %q (%v)", s, u, again, err)
		}
	})
}

func hasUTM(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	for k := range p.Query() {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			return true
		}
	}
	return false
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-10-24", "2024-02-30", "0000-00-00", "9999-99-99", "2024-1-1", "-001-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := timeline.ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) = %s: not the same date", s, d)
		}
		if d.Year() < timeline.MinYear || d.Year() > timeline.MaxYear {
			t.Fatalf("ParseDate(%q) accepted year %d", s, d.Year())
		}
	})
}

func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"person=a,b&kind=trip&from=2024-01-01&to=2024-02-01&after=2024-01-01.5", "region=NEA&q=%00", "limit=5&before=2024-01-01.1", "person=%2C%2C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		fl, err := timeline.ParseFilter(q)
		if err != nil {
			if timeline.ErrorCode(err) != timeline.EInvalid || timeline.ErrorField(err) == "" {
				t.Fatalf("ParseFilter(%q): error %v does not name a parameter", raw, err)
			}
			return
		}
		// What was accepted re-encodes to a filter that parses the same.
		back, err := timeline.ParseFilter(fl.Values())
		if err != nil {
			t.Fatalf("ParseFilter(%q) accepted, but its own Values %q do not parse: %v", raw, fl.Values().Encode(), err)
		}
		if back.Query() != fl.Query() {
			t.Fatalf("round trip %q -> %q", fl.Query(), back.Query())
		}
		if fl.Limit < 1 || fl.Limit > timeline.MaxLimit {
			t.Fatalf("limit %d", fl.Limit)
		}
	})
}
