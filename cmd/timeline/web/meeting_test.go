package web

import (
	"context"
	"github.com/PuerkitoBio/goquery"
	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestMeetingForm(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	tour := ts.tourID(t)
	path := "/trips/" + itoa(int(tour))
	ctx := context.Background()

	_, body := c.get(t, path+"/meetings/new")
	d := docOf(t, body)
	stop, _ := d.Find(`#m-stop option`).Eq(3).Attr("value") // the Doha stop
	if stop == "" {
		t.Fatal("the form offers no stops")
	}

	t.Run("OKWithNewParticipant", func(t *testing.T) {
		resp, body := c.post(t, path+"/meetings", url.Values{
			"date": {"2024-10-24"}, "stop": {stop}, "title": {"Dinner with the Emir"}, "op": {"save"},
			"part_person": {"blinken-antony-j", "tamim-bin-hamad-al-thani", ""},
			"part_name":   {"", "", "Abdulaziz Al-Khulaifi"},
			"part_title":  {"", "", "Minister of State"},
			"part_body":   {"", "", "Qatar"},
		})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
		}
		p, err := ts.store.PersonBySlug(ctx, "abdulaziz-al-khulaifi", true)
		if err != nil {
			t.Fatalf("the new participant was not created: %v", err)
		}
		// Made from a draft meeting's form, the person is a draft too
		// until the meeting is published (issue 13, defect 4).
		if p.Status != timeline.Draft {
			t.Errorf("a person made from a draft meeting is %s", p.Status)
		}
		if len(p.Offices) != 1 || p.Offices[0].Label() != "Minister of State, Qatar" {
			t.Errorf("offices = %+v", p.Offices)
		}
		_, body = c.get(t, path)
		var found *goquery.Selection
		docOf(t, body).Find(`[data-testid=meeting]`).Each(func(_ int, s *goquery.Selection) {
			if strings.Contains(s.Find("h3").Text(), "Dinner with the Emir") {
				found = s
			}
		})
		if found == nil {
			t.Fatal("the curator does not see the new meeting")
		}
		parts := texts(found.Find(`[data-testid=participant]`))
		for _, want := range []string{"Antony J. Blinken Secretary of State, United States", "Sheikh Tamim bin Hamad Al Thani Emir, Qatar", "Abdulaziz Al-Khulaifi Minister of State, Qatar"} {
			if !containsText(parts, want) {
				t.Errorf("participants %q, want %q", parts, want)
			}
		}
		// A draft: the public does not see it until it is published.
		public := ts.client(t)
		if _, body := public.get(t, path); strings.Contains(body, "Dinner with the Emir") {
			t.Error("the public sees a draft meeting")
		}
		action, _ := found.Find(`form`).Attr("action")
		if resp, _ := c.post(t, action, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d", resp.StatusCode)
		}
		if _, body := public.get(t, path); !strings.Contains(body, "Dinner with the Emir") {
			t.Error("the published meeting is not public")
		}
		if resp, _ := public.get(t, "/people/abdulaziz-al-khulaifi"); resp.StatusCode != http.StatusOK {
			t.Errorf("publishing the meeting did not publish its new participant: %d", resp.StatusCode)
		}
	})

	for _, tc := range []struct {
		name  string
		form  url.Values
		field string
		want  string
	}{
		{"ErrNoDate", url.Values{"title": {"x"}, "part_person": {"blinken-antony-j"}}, "date", "Enter the date"},
		{"ErrNoTitle", url.Values{"date": {"2024-10-24"}, "part_person": {"blinken-antony-j"}}, "title", "needs a title"},
		{"ErrTwice", url.Values{"date": {"2024-10-24"}, "title": {"x"}, "part_person": {"blinken-antony-j", "blinken-antony-j"}, "part_name": {"", ""}}, "participants.1.person", "listed twice"},
		{"ErrUnknownPerson", url.Values{"date": {"2024-10-24"}, "title": {"x"}, "part_person": {"nobody-at-all"}, "part_name": {""}}, "participants.0.person", "No person on record matches"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := ts.store.Debug().RevisionCount(ctx)
			tc.form.Set("op", "save")
			resp, body := c.post(t, path+"/meetings", tc.form)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d", resp.StatusCode)
			}
			msgs := texts(docOf(t, body).Find(`[data-testid=field-error]`))
			if !containsText(msgs, tc.want) {
				t.Errorf("messages %q, want %q", msgs, tc.want)
			}
			if after, _ := ts.store.Debug().RevisionCount(ctx); after != before {
				t.Error("a refused form wrote something")
			}
		})
	}
}

func TestParticipantsForm(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "ada", store.RoleCurator)
	c := ts.login(t, "ada")
	public := ts.client(t)
	tour := "/trips/" + itoa(int(ts.tourID(t)))
	// Meeting 4 is the Doha meeting: Blinken, the Emir and the Prime
	// Minister. Remove the Prime Minister, add Al-Khulaifi as new.
	_, body := c.get(t, "/meetings/4/participants")
	var keep []string
	docOf(t, body).Find(`input[name=keep]`).Each(func(_ int, s *goquery.Selection) {
		v, _ := s.Attr("value")
		keep = append(keep, v)
	})
	if len(keep) != 3 {
		t.Fatalf("the form lists %d participants, want 3", len(keep))
	}
	resp, body := c.post(t, "/meetings/4/participants", url.Values{"keep": keep[:2],
		"part_person": {"", ""}, "part_name": {"Mohammed Al-Khulaifi", ""}, "part_title": {"Minister of State", ""}, "part_body": {"Qatar", ""}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d %s", resp.StatusCode, clipBody([]byte(body)))
	}
	_, body = public.get(t, tour)
	var parts []string
	docOf(t, body).Find(`#meeting-4 [data-testid=participant]`).Each(func(_ int, s *goquery.Selection) { parts = append(parts, strings.Join(strings.Fields(s.Text()), " ")) })
	if len(parts) != 3 || containsText(parts, "Mohammed bin Abdulrahman") || !containsText(parts, "Mohammed Al-Khulaifi Minister of State, Qatar") {
		t.Errorf("participants after the change: %q", parts)
	}
	t.Run("ErrAlreadyThere", func(t *testing.T) {
		resp, _ := c.post(t, "/meetings/4/participants", url.Values{"keep": keep[:2], "part_person": {"blinken-antony-j"}, "part_name": {""}})
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("adding someone already there: %d, want 422", resp.StatusCode)
		}
	})
	_, body = c.get(t, "/history/meeting/4")
	if !strings.Contains(body, "participants changed") {
		t.Error("the change is not in the meeting's history")
	}
}
