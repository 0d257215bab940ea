package web

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/diplomatic-travel/tracker/store"
)

// An admin uploads XML files, reads the dry run (nothing written), applies
// it, and the import is in the history under the admin's name; broken
// files, a stale confirmation and a curator who is not an admin are
// refused, and write nothing.
func TestImportUpload(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	ts.addUser(t, "root", store.RoleAdmin)
	ts.addUser(t, "ada", store.RoleCurator)
	admin, curator := ts.login(t, "root"), ts.login(t, "ada")
	files := map[string][]byte{"gaps.xml": fixtureBytes(t, "gaps.xml"), "visits.xml": fixtureBytes(t, "visits.xml")}

	if resp, _ := curator.upload(t, nil, files); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a curator's upload: %d, want 403", resp.StatusCode)
	}
	v, _ := ts.store.DataVersion(ctx)
	resp, body := admin.upload(t, map[string]string{"gap_days": "1"}, files)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("dry run: %d\n%s", resp.StatusCode, clipBody([]byte(body)))
	}
	doc := docOf(t, body)
	if doc.Find(`[data-testid=r-records]`).Text() != "8" || doc.Find(`[data-testid=r-added]`).Text() != "8" || doc.Find(`[data-testid=r-trips]`).Text() != "6" {
		t.Errorf("dry run report: records %s, added %s, trips %s", doc.Find(`[data-testid=r-records]`).Text(), doc.Find(`[data-testid=r-added]`).Text(), doc.Find(`[data-testid=r-trips]`).Text())
	}
	if v2, _ := ts.store.DataVersion(ctx); v2 != v {
		t.Fatal("the dry run wrote")
	}
	token, _ := doc.Find(`[data-testid=apply-form] input[name=token]`).Attr("value")
	if token == "" {
		t.Fatal("no confirmation form")
	}
	// Another admin's session cannot apply it.
	if resp, _ := curator.post(t, importPath+"/apply", map[string][]string{"token": {token}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a curator applying: %d", resp.StatusCode)
	}
	resp, _ = admin.post(t, importPath+"/apply", map[string][]string{"token": {token}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/curate/checks" {
		t.Errorf("apply: %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, body := admin.get(t, "/curate/checks"); !strings.Contains(body, "Imported 8 records: 8 stops added") {
		t.Error("no flash after the import")
	}
	if id, err := ts.store.PersonIDBySlug(ctx, "fixture-bo"); err != nil || id == 0 {
		t.Error("the applied import has no fixture-bo")
	}
	revs, err := ts.store.RecentRevisions(ctx, "root", "trip", 20, 0)
	if err != nil {
		t.Fatal(err)
	}
	byAdmin := 0
	for _, r := range revs {
		if strings.Contains(r.Reason, "import") {
			byAdmin++
		}
	}
	if byAdmin == 0 {
		t.Error("the import is not in the history under the admin's name")
	}
	// The same token again: gone.
	if resp, _ := admin.post(t, importPath+"/apply", map[string][]string{"token": {token}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a second apply: %d, want 404", resp.StatusCode)
	}
	// Broken files say what and where, and write nothing.
	v, _ = ts.store.DataVersion(ctx)
	for name, want := range map[string]string{"malformed.xml": "malformed.xml:18: not well-formed XML", "doctype.xml": "doctype.xml:2: a DOCTYPE"} {
		resp, body := admin.upload(t, nil, map[string][]byte{name: fixtureBytes(t, name)})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(docOf(t, body).Find(`[data-testid=import-error]`).Text(), want) {
			t.Errorf("%s: %d, %q", name, resp.StatusCode, docOf(t, body).Find(`[data-testid=import-error]`).Text())
		}
	}
	resp, body = admin.upload(t, nil, map[string][]byte{"unknown-country.xml": fixtureBytes(t, "unknown-country.xml")})
	if resp.StatusCode != http.StatusUnprocessableEntity || docOf(t, body).Find(`[data-testid=r-unknown]`).Text() != "1" {
		t.Errorf("unknown country: %d", resp.StatusCode)
	}
	big := map[string][]byte{"big.xml": bytes.Repeat([]byte("x"), uploadLimit+1)}
	if resp, _ := admin.upload(t, nil, big); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("an upload over the limit: %d, want 413", resp.StatusCode)
	}
	if v2, _ := ts.store.DataVersion(ctx); v2 != v {
		t.Error("a refused upload wrote")
	}
}

// An admin merges a bundle from the site: the dry run tells what would be
// added, writes nothing, and the confirmation applies it.
func TestBundleUpload(t *testing.T) {
	ctx := context.Background()
	src := newTestServer(t)
	if _, err := src.store.ImportHSG(ctx, store.Actor{Name: "test"}, hsgFixture(t, "gaps.xml"), 1, store.ImportOptions{GapDays: 1}); err != nil {
		t.Fatal(err)
	}
	_, zipped := src.get(t, "/export.zip")
	ts := newTestServer(t)
	ts.addUser(t, "root", store.RoleAdmin)
	admin := ts.login(t, "root")
	post := func(data []byte) (*http.Response, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormFile("bundle", "bundle.zip")
		fw.Write(data)
		mw.Close()
		resp, err := admin.Post(ts.URL+importPath+"/bundle", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	v, _ := ts.store.DataVersion(ctx)
	resp, body := post(zipped)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d\n%s", resp.StatusCode, clipBody([]byte(body)))
	}
	doc := docOf(t, body)
	if got := doc.Find(`[data-testid=merge-row][data-kind=trips] td`).First().Text(); got != "2" {
		t.Errorf("trips to add: %q, want the 2 of the fixture", got)
	}
	if v2, _ := ts.store.DataVersion(ctx); v2 != v {
		t.Fatal("the dry run wrote")
	}
	token, _ := doc.Find(`[data-testid=apply-form] input[name=token]`).Attr("value")
	if resp, _ := admin.post(t, importPath+"/apply", map[string][]string{"token": {token}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("apply: %d", resp.StatusCode)
	}
	if _, err := ts.store.PersonIDBySlug(ctx, "fixture-bo"); err != nil {
		t.Error("the merged traveller is missing")
	}
	if resp, body := post([]byte("not a zip")); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "is not a zip of an export bundle") {
		t.Errorf("not a zip: %d", resp.StatusCode)
	}
}
