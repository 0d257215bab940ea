package timeline_test

import (
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

func TestCanonicalURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://Example.ORG/News/Story?b=2&a=1#top", "https://example.org/News/Story?a=1&b=2"},
		{"HTTP://example.org:80/x", "http://example.org/x"},
		{"https://example.org:443", "https://example.org/"},
		{"https://example.org:8443/x", "https://example.org:8443/x"},
		{"https://example.org/x?utm_source=tw&utm_Medium=s&id=7", "https://example.org/x?id=7"},
		{"https://example.org/x?utm_source=tw", "https://example.org/x"},
		// Issue 13: the tracking parameters news sites use beyond utm_*.
		{"https://example.org/x?ref=home", "https://example.org/x"},
		{"https://example.org/x?id=7&fbclid=IwAR0&gclid=Cj0&mc_cid=1&mc_eid=2", "https://example.org/x?id=7"},
		{"https://example.org/x?ocid=msn&cmpid=fb&smid=tw-share&REF=Home", "https://example.org/x"},
		{"https://example.org/x?page=2&refresh=1", "https://example.org/x?page=2&refresh=1"},
		{"  https://example.org/x  ", "https://example.org/x"},
		{"https://example.org/x?", "https://example.org/x"},
		{"https://[2001:DB8::1]/x", "https://[2001:db8::1]/x"},
		{"https://turkiyetoday.com/?p=68911", "https://turkiyetoday.com/?p=68911"},
	} {
		got, err := timeline.CanonicalURL(tc.in)
		if err != nil {
			t.Errorf("CanonicalURL(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
		// Canonical form is a fixed point.
		if again, _ := timeline.CanonicalURL(got); again != got {
			t.Errorf("CanonicalURL(%q) = %q, not stable", got, again)
		}
	}
	for _, bad := range []string{
		"", "javascript:alert(1)", "JavaScript:alert(1)", " jAvAsCrIpT:alert(1)", "data:text/html,<script>", "ftp://example.org/",
		"//example.org/x", "example.org/x", "https://", "https://user:pw@example.org/", "https://exa mple.org/", "https://example.org/\x00",
		"vbscript:msgbox", "file:///etc/passwd", "mailto:a@example.org",
	} {
		if got, err := timeline.CanonicalURL(bad); err == nil {
			t.Errorf("CanonicalURL(%q) = %q, want an error", bad, got)
		} else if timeline.ErrorCode(err) != timeline.EInvalid || timeline.ErrorField(err) != "url" {
			t.Errorf("CanonicalURL(%q): error %v is not an invalid url error", bad, err)
		}
	}
}

func TestSourceValidate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		s := timeline.Source{URL: "https://Example.org/a#x", Title: "  A   story "}
		if err := s.Validate(); err != nil {
			t.Fatal(err)
		}
		if s.URL != "https://example.org/a" || s.Title != "A story" {
			t.Errorf("got %q %q", s.URL, s.Title)
		}
	})
	t.Run("ErrTitle", func(t *testing.T) {
		s := timeline.Source{URL: "https://example.org/a"}
		err := s.Validate()
		if timeline.ErrorField(err) != "title" || timeline.ErrorMessage(err) != "A source needs a title." {
			t.Errorf("got %v", err)
		}
	})
	t.Run("ErrArchiveURL", func(t *testing.T) {
		s := timeline.Source{URL: "https://example.org/a", Title: "T", ArchiveURL: "javascript:x"}
		if err := s.Validate(); timeline.ErrorField(err) != "archive_url" {
			t.Errorf("got %v", err)
		}
	})
}
