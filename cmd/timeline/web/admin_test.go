package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/diplomatic-travel/tracker/store"
)

// accountRow finds an account's row in the list.
func accountRow(d *goquery.Document, name string) *goquery.Selection {
	return d.Find(`tr[data-testid=account-row]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		v, _ := s.Attr("data-account")
		return v == name
	})
}

// fieldMessage is the error shown in the .field (or form) that holds the
// input with id.
func fieldMessage(d *goquery.Document, id string) string {
	return strings.TrimSpace(d.Find("#" + id).Closest(".field, form").Find(`[data-testid=field-error]`).Text())
}

// adminPaths is every admin route with its method and a path for name.
func adminPaths(a *Server, name string) [][2]string {
	var out [][2]string
	for _, rt := range a.routeTable() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if strings.HasPrefix(path, "/admin/") {
			out = append(out, [2]string{method, strings.ReplaceAll(path, "{name}", name)})
		}
	}
	return out
}

func newAccountValues(name, role, pw, pw2 string) url.Values {
	return url.Values{"name": {name}, "role": {role}, "password": {pw}, "password2": {pw2}}
}

func TestAdminAccounts(t *testing.T) {
	ts := newTestServer(t)
	ts.addUser(t, "root", store.RoleAdmin)
	ts.addUser(t, "ada", store.RoleCurator)
	admin := ts.login(t, "root")
	ctx := context.Background()

	t.Run("ListsAccounts", func(t *testing.T) {
		resp, body := admin.get(t, "/admin/users")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /admin/users: %d", resp.StatusCode)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control %q", cc)
		}
		d := docOf(t, body)
		if n := d.Find(`tr[data-testid=account-row]`).Length(); n != 2 {
			t.Errorf("%d rows, want 2", n)
		}
		ada := accountRow(d, "ada")
		if got := ada.Find(`[data-testid=account-role]`).Text(); got != "curator" {
			t.Errorf("ada's role shows %q", got)
		}
		if got := strings.TrimSpace(ada.Find(`[data-testid=account-state]`).Text()); got != "enabled" {
			t.Errorf("ada's state shows %q", got)
		}
		if v, _ := ada.Find(`[data-testid=account-created] time`).Attr("datetime"); v != ts.user(t, "ada").CreatedAt {
			t.Errorf("ada's created time %q", v)
		}
		for _, id := range []string{"disable-account", "change-role", "reset-password"} {
			if ada.Find(`[data-testid=`+id+`]`).Length() != 1 {
				t.Errorf("ada's row has no %s action", id)
			}
		}
		if action, _ := ada.Find(`[data-testid=disable-account]`).Closest("form").Attr("action"); action != "/admin/users/ada/disable" {
			t.Errorf("disable posts to %q", action)
		}
		// The admin's own row offers no disable or demote.
		root := accountRow(d, "root")
		if root.Find(`[data-testid=account-self]`).Length() != 1 || root.Find(`[data-testid=disable-account], [data-testid=change-role]`).Length() != 0 {
			t.Error("the admin's own row offers disable or demote")
		}
		if href, _ := d.Find(`[data-testid=admin-link]`).Attr("href"); href != "/admin/users" {
			t.Errorf("the page's link to itself is %q", href)
		}
		for _, id := range []string{"new-name", "new-role", "new-password", "new-password2"} {
			if d.Find(`label[for=`+id+`]`).Length() != 1 {
				t.Errorf("#%s has no label", id)
			}
		}
	})

	t.Run("AddAccountCanLogIn", func(t *testing.T) {
		before := ts.userCount(t)
		pw := "a brand new password"
		resp, body := admin.post(t, "/admin/users", newAccountValues("grace", store.RoleCurator, pw, pw))
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/users" {
			t.Fatalf("add: %d to %q\n%s", resp.StatusCode, resp.Header.Get("Location"), clipBody([]byte(body)))
		}
		if ts.userCount(t) != before+1 {
			t.Error("no account was added")
		}
		_, body = admin.get(t, "/admin/users")
		d := docOf(t, body)
		if !strings.Contains(d.Find(`[data-testid=flash]`).Text(), "grace") || accountRow(d, "grace").Length() != 1 {
			t.Error("the list does not show the new account with a flash")
		}
		revs, err := ts.store.RecentRevisions(ctx, "root", "user", 1, 0)
		if err != nil || len(revs) != 1 || revs[0].Action != "create" || revs[0].RecordID != ts.user(t, "grace").ID {
			t.Errorf("no creation revision by root: %+v %v", revs, err)
		}
		if strings.Contains(revs[0].After, pw) {
			t.Error("the revision holds the password")
		}
		grace := ts.loginWith(t, "grace", pw)
		if resp, _ := grace.get(t, "/curate"); resp.StatusCode != http.StatusOK {
			t.Errorf("the new curator gets %d on /curate", resp.StatusCode)
		}
	})

	for _, tc := range []struct {
		name     string
		form     url.Values
		field    string // the input the message is beside
		want     string
		keepName string
	}{
		{"ErrNameTaken", newAccountValues("ada", store.RoleAdmin, testPassword, testPassword), "new-name", "An account named ada already exists", "ada"},
		{"ErrPasswordTooShort", newAccountValues("hopper", store.RoleAdmin, "short", "short"), "new-password", "A password has at least 8 characters.", "hopper"},
		{"ErrPasswordTooLong", newAccountValues("hopper", store.RoleAdmin, strings.Repeat("x", 257), strings.Repeat("x", 257)), "new-password", "A password has at most 256 characters.", "hopper"},
		{"ErrPasswordsDiffer", newAccountValues("hopper", store.RoleAdmin, testPassword, testPassword+"!"), "new-password2", "The two passwords differ", "hopper"},
		{"ErrBadName", newAccountValues("Bad Name!", store.RoleAdmin, testPassword, testPassword), "new-name", "An account name uses lower-case letters", "Bad Name!"},
		{"ErrNameOfDots", newAccountValues("..", store.RoleAdmin, testPassword, testPassword), "new-name", "starts with a letter or a digit", ".."},
		{"ErrBadRole", newAccountValues("hopper", "root", testPassword, testPassword), "new-role", "Choose the role", "hopper"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			users, revs := ts.userCount(t), ts.revisionCount(t)
			resp, body := admin.post(t, "/admin/users", tc.form)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			d := docOf(t, body)
			if got := fieldMessage(d, tc.field); !strings.Contains(got, tc.want) {
				t.Errorf("beside #%s: %q, want %q", tc.field, got, tc.want)
			}
			if n := d.Find(`[data-testid=field-error]`).Length(); n != 1 {
				t.Errorf("%d messages, want 1", n)
			}
			if v, _ := d.Find(`#new-name`).Attr("value"); v != tc.keepName {
				t.Errorf("name kept as %q, want %q", v, tc.keepName)
			}
			if tc.field != "new-role" {
				if v, _ := d.Find(`#new-role option[selected]`).Attr("value"); v != store.RoleAdmin {
					t.Errorf("role kept as %q", v)
				}
			}
			d.Find(`input[type=password]`).Each(func(_ int, s *goquery.Selection) {
				if _, ok := s.Attr("value"); ok {
					t.Error("a password input has a value")
				}
			})
			if pw := tc.form.Get("password"); strings.Contains(body, pw) {
				t.Error("the page holds the password")
			}
			if ts.userCount(t) != users || ts.revisionCount(t) != revs {
				t.Error("a refused form wrote something")
			}
		})
	}

	t.Run("DisableEndsSessionAndLogin", func(t *testing.T) {
		ada := ts.login(t, "ada")
		resp, _ := admin.post(t, "/admin/users/ada/disable", nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("disable: %d", resp.StatusCode)
		}
		if !ts.user(t, "ada").Disabled {
			t.Fatal("ada is not disabled")
		}
		if resp, _ := ada.get(t, "/curate"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			t.Errorf("the disabled account's session got %d to %q, want the login form", resp.StatusCode, resp.Header.Get("Location"))
		}
		if got := ts.loginStatus(t, "ada", testPassword); got != http.StatusUnauthorized {
			t.Errorf("a disabled account logs in: %d", got)
		}
		_, body := admin.get(t, "/admin/users")
		row := accountRow(docOf(t, body), "ada")
		if strings.TrimSpace(row.Find(`[data-testid=account-state]`).Text()) != "disabled" || row.Find(`[data-testid=enable-account]`).Length() != 1 {
			t.Error("the list does not show ada disabled with an enable action")
		}
	})

	t.Run("EnableAllowsLogin", func(t *testing.T) {
		if resp, _ := admin.post(t, "/admin/users/ada/enable", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("enable: %d", resp.StatusCode)
		}
		if ts.user(t, "ada").Disabled {
			t.Fatal("ada is still disabled")
		}
		ts.login(t, "ada")
	})

	t.Run("PasswordResetEndsSessions", func(t *testing.T) {
		ada := ts.login(t, "ada")
		newPw := "reset by the admin"
		resp, _ := admin.post(t, "/admin/users/ada/password", url.Values{"password": {newPw}, "password2": {newPw}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("reset: %d", resp.StatusCode)
		}
		if resp, _ := ada.get(t, "/curate"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			t.Errorf("a session survived the reset: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if got := ts.loginStatus(t, "ada", testPassword); got != http.StatusUnauthorized {
			t.Errorf("the old password still works: %d", got)
		}
		ts.loginWith(t, "ada", newPw)
		// The admin's own session goes on.
		if resp, _ := admin.get(t, "/admin/users"); resp.StatusCode != http.StatusOK {
			t.Errorf("the admin after a reset: %d", resp.StatusCode)
		}
		// Back to the shared password for the later subtests.
		if err := ts.store.SetPassword(ctx, store.Actor{Name: "test"}, "ada", testPassword); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("ErrPasswordResetRefused", func(t *testing.T) {
		revs := ts.revisionCount(t)
		ada := ts.login(t, "ada")
		for _, tc := range []struct {
			pw, pw2, field, want string
		}{
			{"short", "short", "password", "at least 8 characters"},
			{testPassword + "x", testPassword + "y", "password2", "The two passwords differ"},
		} {
			resp, body := admin.post(t, "/admin/users/ada/password", url.Values{"password": {tc.pw}, "password2": {tc.pw2}})
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			d := docOf(t, body)
			row := accountRow(d, "ada")
			if got := strings.TrimSpace(row.Find(`input[name=` + tc.field + `]`).Closest(".field").Find(`[data-testid=field-error]`).Text()); !strings.Contains(got, tc.want) {
				t.Errorf("beside ada's %s: %q, want %q", tc.field, got, tc.want)
			}
			if _, open := row.Find("details").Attr("open"); !open {
				t.Error("the reset form with the message is closed")
			}
		}
		if resp, _ := ada.get(t, "/curate"); resp.StatusCode != http.StatusOK {
			t.Errorf("a refused reset ended the session: %d", resp.StatusCode)
		}
		if ts.revisionCount(t) != revs {
			t.Error("a refused reset wrote something")
		}
		if resp, _ := admin.post(t, "/admin/users/nobody/password", url.Values{"password": {testPassword}, "password2": {testPassword}}); resp.StatusCode != http.StatusNotFound {
			t.Errorf("reset of an unknown account: %d, want 404", resp.StatusCode)
		}
	})

	t.Run("RoleChange", func(t *testing.T) {
		ada := ts.login(t, "ada")
		if resp, _ := ada.get(t, "/admin/users"); resp.StatusCode != http.StatusForbidden {
			t.Fatalf("a curator on /admin/users: %d", resp.StatusCode)
		}
		if resp, _ := admin.post(t, "/admin/users/ada/role", url.Values{"role": {store.RoleAdmin}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("promote: %d", resp.StatusCode)
		}
		if ts.user(t, "ada").Role != store.RoleAdmin {
			t.Fatal("ada is not an admin")
		}
		// The role is read at each request: the same session now admin.
		if resp, _ := ada.get(t, "/admin/users"); resp.StatusCode != http.StatusOK {
			t.Errorf("a promoted admin on /admin/users: %d", resp.StatusCode)
		}
		revs, _ := ts.store.RecentRevisions(ctx, "root", "user", 1, 0)
		if len(revs) != 1 || !strings.Contains(revs[0].After, `"Role":"admin"`) {
			t.Errorf("no role revision by root: %+v", revs)
		}
		if resp, _ := admin.post(t, "/admin/users/ada/role", url.Values{"role": {store.RoleCurator}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("demote: %d", resp.StatusCode)
		}
		if resp, _ := ada.get(t, "/admin/users"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a demoted admin on /admin/users: %d", resp.StatusCode)
		}
		n := ts.revisionCount(t)
		if resp, _ := admin.post(t, "/admin/users/ada/role", url.Values{"role": {"owner"}}); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("an unknown role: %d, want 422", resp.StatusCode)
		}
		if ts.revisionCount(t) != n || ts.user(t, "ada").Role != store.RoleCurator {
			t.Error("an unknown role changed something")
		}
	})

	t.Run("SelfDisableAndSelfDemoteRefused", func(t *testing.T) {
		revs := ts.revisionCount(t)
		for _, tc := range []struct {
			path  string
			form  url.Values
			field string
			want  string
		}{
			{"/admin/users/root/disable", nil, "disabled", "You cannot disable your own account"},
			{"/admin/users/root/role", url.Values{"role": {store.RoleCurator}}, "role", "You cannot demote your own account"},
		} {
			resp, body := admin.post(t, tc.path, tc.form)
			if resp.StatusCode != http.StatusConflict {
				t.Errorf("%s: %d, want 409", tc.path, resp.StatusCode)
			}
			got := strings.TrimSpace(accountRow(docOf(t, body), "root").Find(`[id$="-` + tc.field + `-err"]`).Text())
			if !strings.Contains(got, tc.want) || !strings.Contains(got, "Nothing was changed") {
				t.Errorf("%s: the row says %q, want %q", tc.path, got, tc.want)
			}
		}
		if u := ts.user(t, "root"); u.Disabled || u.Role != store.RoleAdmin {
			t.Errorf("root is now disabled=%v role=%s", u.Disabled, u.Role)
		}
		if ts.revisionCount(t) != revs {
			t.Error("a refused self-change wrote something")
		}
		if resp, _ := admin.get(t, "/admin/users"); resp.StatusCode != http.StatusOK {
			t.Errorf("the admin after the refusals: %d", resp.StatusCode)
		}
	})

	t.Run("CuratorForbiddenEverywhere", func(t *testing.T) {
		ada := ts.login(t, "ada")
		users, revs := ts.userCount(t), ts.revisionCount(t)
		for _, mp := range adminPaths(ts.app, "root") {
			var resp *http.Response
			var body string
			if mp[0] == http.MethodGet {
				resp, body = ada.get(t, mp[1])
			} else {
				resp, body = ada.post(t, mp[1], url.Values{"name": {"mallory"}, "role": {store.RoleCurator}, "password": {testPassword}, "password2": {testPassword}})
			}
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Only an admin") {
				t.Errorf("curator %s %s: %d, want 403", mp[0], mp[1], resp.StatusCode)
			}
		}
		if ts.userCount(t) != users || ts.revisionCount(t) != revs {
			t.Error("a curator changed an account")
		}
		if u := ts.user(t, "root"); u.Disabled || u.Role != store.RoleAdmin {
			t.Error("a curator changed the admin")
		}
		ts.login(t, "root") // the password is unchanged
	})

	t.Run("VisitorRefused", func(t *testing.T) {
		visitor := ts.client(t)
		users, revs := ts.userCount(t), ts.revisionCount(t)
		for _, mp := range adminPaths(ts.app, "root") {
			if mp[0] == http.MethodGet {
				resp, _ := visitor.get(t, mp[1])
				if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next="+url.QueryEscape(mp[1]) {
					t.Errorf("visitor GET %s: %d to %q, want the login form", mp[1], resp.StatusCode, resp.Header.Get("Location"))
				}
				continue
			}
			resp, _ := visitor.post(t, mp[1], url.Values{"name": {"mallory"}, "role": {store.RoleAdmin}, "password": {testPassword}, "password2": {testPassword}})
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("visitor POST %s: %d, want 401", mp[1], resp.StatusCode)
			}
		}
		if ts.userCount(t) != users || ts.revisionCount(t) != revs {
			t.Error("a visitor changed an account")
		}
	})

	t.Run("OwnPasswordResetEndsOwnSession", func(t *testing.T) {
		ts.addUser(t, "boss", store.RoleAdmin)
		boss := ts.login(t, "boss")
		other := ts.login(t, "boss")
		pw := "the boss's new password"
		resp, _ := boss.post(t, "/admin/users/boss/password", url.Values{"password": {pw}, "password2": {pw}})
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			t.Errorf("own reset: %d to %q, want the login form", resp.StatusCode, resp.Header.Get("Location"))
		}
		for i, c := range []*curatorClient{boss, other} {
			if resp, _ := c.get(t, "/admin/users"); resp.StatusCode != http.StatusSeeOther {
				t.Errorf("session %d survived its own password reset: %d", i, resp.StatusCode)
			}
		}
		ts.loginWith(t, "boss", pw)
	})
}
