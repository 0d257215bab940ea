package export

import (
	"bufio"
	"strings"
	"testing"
	"unicode/utf8"
)

// Text values are escaped as RFC 5545 3.3.11 says.
func TestICSEscape(t *testing.T) {
	if got := icsEscape("a,b;c\\d\ne"); got != `a\,b\;c\\d\ne` {
		t.Errorf("escape: %s", got)
	}
}

// Content lines are folded at 75 octets, continuation lines start with a
// space, and no fold cuts a UTF-8 sequence.
func TestICSLineFolds(t *testing.T) {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	line := "SUMMARY:" + strings.Repeat("é", 100)
	icsLine(w, line)
	w.Flush()
	parts := strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n")
	if len(parts) < 2 {
		t.Fatalf("not folded: %q", b.String())
	}
	var unfolded strings.Builder
	for i, p := range parts {
		if len(p) > 75 {
			t.Errorf("line %d is %d octets", i, len(p))
		}
		if i > 0 {
			if !strings.HasPrefix(p, " ") {
				t.Errorf("line %d does not start with a space", i)
			}
			p = p[1:]
		}
		if !utf8.ValidString(p) {
			t.Errorf("line %d cuts a UTF-8 sequence: %q", i, p)
		}
		unfolded.WriteString(p)
	}
	if unfolded.String() != line {
		t.Errorf("unfolded %q, want %q", unfolded.String(), line)
	}
}
