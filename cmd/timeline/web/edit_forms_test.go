package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
)

// Each edit form comes filled with the record, saves a change that the
// public sees, and records it field by field in the record's history.
func TestEditForms(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	tour := "/trips/" + itoa(int(ts.tourID(t)))

	for _, tc := range []struct {
		kind, path, field, old, new, page string
		// oldStays says why the page may still show the old words.
		oldStays string
	}{
		{"event", "/events/2", "title", "Killing of Hamas leader Yahya Sinwar", "Killing of Yahya Sinwar in Rafah", "/events/2", ""},
		{"meeting", "/meetings/5", "title", "Meetings with Caretaker Prime Minister Najib Mikati, Foreign Minister Abdullah bin Zayed Al Nahyan and Deputy Prime Minister Ayman Safadi", "Talks in London", tour, ""},
		{"goal", "/goals/1", "outcome", "No ceasefire breakthrough during the trip; the talks were to be revived.", "No ceasefire; talks resumed in Doha.", tour, ""},
		{"counter", "/counters/1", "label", "trip to the region", "trip to the Middle East", "/counters/1", "the claims it checks quote the old words"},
		{"quote", "/quotes/1", "text", "It is time to turn these successes into a sustainable strategic success.", "It is time to turn these successes into a lasting strategic success.", tour, ""},
		{"claim", "/claims/1", "text", "11th trip to the region since October 7, 2023", "eleventh trip to the region since October 7, 2023", tour, ""},
		{"source", "/sources/1", "publisher", "Office of the Historian, U.S. Department of State", "Office of the Historian", "/sources/1", ""},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			_, body := c.get(t, tc.path+"/edit")
			d := docOf(t, body)
			form := url.Values{}
			d.Find("form.stacked-form input, form.stacked-form textarea, form.stacked-form select").Each(func(_ int, s *goquery.Selection) {
				name, _ := s.Attr("name")
				switch goquery.NodeName(s) {
				case "textarea":
					form.Set(name, s.Text())
				case "select":
					v, _ := s.Find("option[selected]").Attr("value")
					form.Set(name, v)
				default:
					v, _ := s.Attr("value")
					form.Set(name, v)
				}
			})
			if form.Get(tc.field) != tc.old {
				t.Fatalf("the form's %s is %q, want the record's %q", tc.field, form.Get(tc.field), tc.old)
			}
			form.Set(tc.field, tc.new)
			form.Set("reason", "checked against the source")
			resp, body := c.post(t, tc.path+"/edit", form)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
			}
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.new) || (tc.oldStays == "" && strings.Contains(body, tc.old)) {
				t.Errorf("%s does not show the change", tc.page)
			}
			_, body = c.get(t, "/history/"+tc.kind+"/"+strings.TrimPrefix(tc.path, "/"+tc.kind+"s/"))
			h := docOf(t, body)
			latest := h.Find(`[data-testid=revision]`).First()
			var changed []string
			latest.Find(`[data-testid=field-change]`).Each(func(_ int, s *goquery.Selection) {
				changed = append(changed, s.Find("th").Text()+": "+s.Find("td.before").Text()+" → "+s.Find("td.after").Text())
			})
			if !containsText(changed, tc.field+": "+tc.old+" → "+tc.new) || !strings.Contains(latest.Text(), "checked against the source") {
				t.Errorf("history shows %q", changed)
			}
			// Put back the version before the edit.
			action, ok := h.Find(`[data-testid=revision]`).Eq(1).Find(`[data-testid=restore-version]`).Parent().Attr("action")
			if !ok {
				t.Fatal("the earlier version offers no restore")
			}
			if resp, _ := c.post(t, action, nil); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("restore version: %d", resp.StatusCode)
			}
			if _, body := public.get(t, tc.page); !strings.Contains(body, tc.old) {
				t.Errorf("after restoring, %s does not show %q again", tc.page, tc.old)
			}
		})
	}
	checkRefused(t, ts, c, "/events/2/edit", []formCase{{"ErrEventNoTitle", url.Values{"kind": {"killing"}, "date": {"2024-10-16"}, "precision": {"day"}}, "title", "needs a title"}})
	checkRefused(t, ts, c, "/claims/2/edit", []formCase{{"ErrClaimStated", url.Values{"counter": {"1"}, "stated": {"0"}, "text": {"x"}}, "stated", "whole number"}})
	checkRefused(t, ts, c, "/sources/1/edit", []formCase{
		{"ErrSourceURLTaken", url.Values{"url": {"https://turkiyetoday.com/?p=68911"}, "title": {"x"}}, "url", "Another source already has this address"},
		{"ErrSourceBadURL", url.Values{"url": {"javascript:alert(1)"}, "title": {"x"}}, "url", "http:// or https://"},
	})
}
