package timeline_test

import (
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/timeline"
)

func TestParseDate(t *testing.T) {
	for _, ok := range []string{"2024-10-24", "2024-02-29", "1789-04-30", "1700-01-01", "2200-12-31"} {
		d, err := timeline.ParseDate(ok)
		if err != nil {
			t.Errorf("timeline.ParseDate(%q): %v", ok, err)
		} else if d.String() != ok {
			t.Errorf("timeline.ParseDate(%q).String() = %q", ok, d.String())
		}
	}
	for _, bad := range []string{"", "2024-13-45", "2023-02-29", "2024-1-5", "24-10-2024", "2024/10/24", "2024-10-24T00:00", "1699-12-31", "2201-01-01", "２０２４-10-24", "2024-10-2x"} {
		if _, err := timeline.ParseDate(bad); err == nil {
			t.Errorf("timeline.ParseDate(%q) accepted a bad date", bad)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	a, b := timeline.MustDate("2023-10-07"), timeline.MustDate("2024-10-24")
	if n := a.DaysUntil(b); n != 383 {
		t.Errorf("days = %d, want 383", n)
	}
	if a.AddDays(383) != b || !a.Before(b) || !b.After(a) || a.Compare(b) != -1 {
		t.Error("arithmetic disagrees")
	}
	if got := timeline.MustDate("1850-03-01").AddDays(-1).String(); got != "1850-02-28" {
		t.Errorf("before 1970: %s", got)
	}
	if a.Long() != "7 October 2023" {
		t.Errorf("Long = %q", a.Long())
	}
}

func TestFormatRange(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"2024-10-24", "2024-10-24", "24 October 2024"},
		{"2024-10-22", "2024-10-25", "22–25 October 2024"},
		{"2023-11-30", "2023-12-01", "30 November – 1 December 2023"},
		{"2023-12-30", "2024-01-02", "30 December 2023 – 2 January 2024"},
	} {
		if got := timeline.FormatRange(timeline.MustDate(tc.a), timeline.MustDate(tc.b)); got != tc.want {
			t.Errorf("FormatRange(%s, %s) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPrecision(t *testing.T) {
	d := timeline.MustDate("2024-02-14")
	if r := timeline.PrecisionMonth.Span(d); r.Start.String() != "2024-02-01" || r.End.String() != "2024-02-29" {
		t.Errorf("month span = %v", r)
	}
	if r := timeline.PrecisionYear.Span(d); r.Start.String() != "2024-01-01" || r.End.String() != "2024-12-31" {
		t.Errorf("year span = %v", r)
	}
	if got := timeline.PrecisionMonth.Format(d); got != "February 2024" {
		t.Errorf("month format = %q", got)
	}
	if _, err := timeline.ParsePrecision("week"); err == nil {
		t.Error("accepted precision week")
	}
}

// The hand-written calendar agrees with the time package on every day of
// the years a date may have.
func TestCivilDaysAgreeWithTime(t *testing.T) {
	start := time.Date(timeline.MinYear, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(timeline.MaxYear, 12, 31, 0, 0, 0, 0, time.UTC)
	for day := start; !day.After(end); day = day.AddDate(0, 0, 1) {
		iso := day.Format("2006-01-02")
		d, err := timeline.ParseDate(iso)
		if err != nil {
			t.Fatalf("%s: %v", iso, err)
		}
		if got := d.String(); got != iso {
			t.Fatalf("%s reads back as %s", iso, got)
		}
		if !d.Time().Equal(day) {
			t.Fatalf("%s is %v", iso, d.Time())
		}
	}
	for _, bad := range []string{"2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-13-01", "2024-01-00", "2024-1a-01"} {
		if _, err := timeline.ParseDate(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if _, err := timeline.ParseDate("2000-02-29"); err != nil {
		t.Error("2000-02-29 refused")
	}
}
