package timeline_test

import (
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

func TestGuardCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Doha", "Doha"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'quoted", "'quoted"},
		{"'=x", "''=x"},
		{"Al ‘Ula", "Al ‘Ula"},
	} {
		got := timeline.GuardCell(tc.in)
		if got != tc.want {
			t.Errorf("GuardCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back := timeline.UnguardCell(got); back != tc.in {
			t.Errorf("UnguardCell(GuardCell(%q)) = %q", tc.in, back)
		}
	}
}

func FuzzGuardCell(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''=1", "'", "-", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := timeline.GuardCell(s)
		if timeline.UnguardCell(g) != s {
			t.Fatalf("round trip of %q gave %q", s, timeline.UnguardCell(g))
		}
		if g != "" {
			switch g[0] {
			case '=', '+', '-', '@', '\t', '\r':
				t.Fatalf("guarded cell %q still starts with a formula character", g)
			}
		}
	})
}
