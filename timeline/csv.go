package timeline

import "strings"

// GuardCell protects a CSV cell from being run as a formula when the file
// is opened in a spreadsheet: a cell that starts with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe. A cell that starts with an
// apostrophe followed by one of those gets one more, so UnguardCell can undo exactly what was done
// and a round trip through export and import is exact.
func GuardCell(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// UnguardCell removes the apostrophe GuardCell added.
func UnguardCell(s string) string {
	if strings.HasPrefix(s, "'") && needsGuard(s[1:]) {
		return s[1:]
	}
	return s
}

// needsGuard reports whether s, written as is, would be guarded: that is
// when it starts with a formula character, or with an apostrophe that is
// itself followed by one (so that guarding stays reversible).
func needsGuard(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	case '\'':
		return needsGuard(s[1:])
	}
	return false
}
