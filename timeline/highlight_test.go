package timeline_test

import (
	"reflect"
	"testing"

	"github.com/diplomatic-travel/tracker/timeline"
)

func TestHighlight(t *testing.T) {
	terms := timeline.SearchTerms(`Ceasefi "turkiye" -- doha`)
	if want := []string{"ceasefi", "turkiye", "doha"}; !reflect.DeepEqual(terms, want) {
		t.Fatalf("terms = %q, want %q", terms, want)
	}
	for _, tc := range []struct{ in, want string }{
		{"Gaza ceasefire talks in Doha", "Gaza \x02ceasefire\x03 talks in \x02Doha\x03"},
		{"Türkiye Today", "\x02Türkiye\x03 Today"},
		{"CEASEFIRE!", "\x02CEASEFIRE\x03!"},
		{"a cease-fire", "a cease-fire"}, // "cease" alone is not the prefix "ceasefi"
		{"nothing here", "nothing here"},
	} {
		if got := timeline.Highlight(tc.in, terms); got != tc.want {
			t.Errorf("Highlight(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := "one two three four five six seven eight nine ten Doha eleven twelve thirteen fourteen fifteen sixteen"
	if got, want := timeline.Snippet(long, terms, 6), "…nine ten \x02Doha\x03 eleven twelve thirteen…"; got != want {
		t.Errorf("Snippet = %q, want %q", got, want)
	}
	if got := timeline.Snippet("no match", terms, 6); got != "" {
		t.Errorf("Snippet without a match = %q", got)
	}
}
