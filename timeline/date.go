package timeline

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Date is a calendar date with no time zone, counted in days from
// 1970-01-01 (negative before). Counting days makes gaps and durations plain
// integer arithmetic; the zero Date is "no date", which the record never
// needs because 1970-01-01 is stored as 0 only through MustDate/ParseDate and
// is distinguished by Valid.
type Date struct {
	days  int32
	valid bool
}

// MinYear and MaxYear bound the dates the record accepts; anything outside is
// a typing mistake rather than history.
const (
	MinYear = 1700
	MaxYear = 2200
)

// DateOf returns the Date of a civil year, month and day. It does not
// normalise: callers validate first.
func DateOf(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{days: int32(t.Unix() / 86400), valid: true}
}

// ParseDate reads an ISO 8601 calendar date (YYYY-MM-DD) strictly: the month
// and day must exist ("2024-02-30" is refused), the year must be between
// MinYear and MaxYear.
func ParseDate(s string) (Date, error) { return parseISO(s) }

// parseISO reads YYYY-MM-DD without the time package: exports read two
// dates per row, a million rows at a time.
func parseISO[T string | []byte](s T) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	num := func(from, to int) (int, bool) {
		n := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(0, 4)
	m, ok2 := num(5, 7)
	d, ok3 := num(8, 10)
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, fmt.Errorf("%q is not a calendar date", s)
	}
	if y < MinYear || y > MaxYear {
		return Date{}, fmt.Errorf("%q is outside the years %d to %d", s, MinYear, MaxYear)
	}
	return Date{days: int32(daysFromCivil(y, m, d)), valid: true}, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil and civilFromDays convert between proleptic Gregorian
// dates and days since 1970-01-01 (H. Hinnant's algorithms).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// MustDate is ParseDate for literals in tests and built-in data; it panics on
// a bad literal, which is a programming error.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Valid reports whether d holds a date.
func (d Date) Valid() bool { return d.valid }

// Time returns d as midnight UTC.
func (d Date) Time() time.Time { return time.Unix(int64(d.days)*86400, 0).UTC() }

// String returns the ISO form, or "" for no date.
func (d Date) String() string {
	if !d.valid {
		return ""
	}
	y, m, dd := civilFromDays(int(d.days))
	b := [10]byte{byte('0' + y/1000%10), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + dd/10), byte('0' + dd%10)}
	return string(b[:])
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return Date{days: d.days + int32(n), valid: d.valid} }

// DaysUntil returns the number of days from d to e (negative when e is
// earlier).
func (d Date) DaysUntil(e Date) int { return int(e.days - d.days) }

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// After reports whether d is strictly later than e.
func (d Date) After(e Date) bool { return d.days > e.days }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.days < e.days:
		return -1
	case d.days > e.days:
		return 1
	}
	return 0
}

// Year returns the calendar year.
func (d Date) Year() int { return d.Time().Year() }

// Month returns the calendar month.
func (d Date) Month() time.Month { return d.Time().Month() }

// Day returns the day of the month.
func (d Date) Day() int { return d.Time().Day() }

// Long returns the date as people write it in prose: "7 October 2023".
func (d Date) Long() string {
	if !d.valid {
		return ""
	}
	return d.Time().Format("2 January 2006")
}

// Scan implements sql.Scanner for dates stored as ISO text (NULL is no date).
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.scanText(x)
	case []byte:
		if len(x) == 0 {
			*d = Date{}
			return nil
		}
		p, err := parseISO(x)
		*d = p
		return err
	}
	return fmt.Errorf("timeline: cannot scan %T into Date", v)
}

func (d *Date) scanText(s string) error {
	if s == "" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Value implements driver.Valuer: ISO text, or NULL for no date, so the
// database stays readable with the sqlite3 shell and sorts chronologically.
func (d Date) Value() (driver.Value, error) {
	if !d.valid {
		return nil, nil
	}
	return d.String(), nil
}

// MarshalText implements encoding.TextMarshaler (JSON, the demo file).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error { return d.scanText(string(b)) }

// Range is an inclusive span of dates.
type Range struct {
	Start, End Date
}

// Days returns the number of calendar days the range covers, both ends
// included.
func (r Range) Days() int { return r.Start.DaysUntil(r.End) + 1 }

// FormatRange writes a range compactly the way a reader scans a timeline:
// "22–25 October 2024", "30 November – 1 December 2023", "24 October 2024".
func FormatRange(start, end Date) string {
	if !start.Valid() {
		return ""
	}
	if !end.Valid() || end == start {
		return start.Long()
	}
	switch {
	case start.Year() != end.Year():
		return start.Long() + " – " + end.Long()
	case start.Month() != end.Month():
		return start.Time().Format("2 January") + " – " + end.Long()
	}
	return fmt.Sprintf("%d–%s", start.Day(), end.Long())
}
