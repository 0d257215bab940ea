package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// importPath is the admins' page for loading the Office of the Historian's
// files from the site.
const importPath = "/admin/import"

// uploadLimit bounds an import upload (RELIABILITY.md: imports 8 MiB); the
// whole record, travels and visits, is about 5 MB.
const uploadLimit = 8 << 20

// uploadMaxRows caps the rows of an uploaded bundle: the whole public
// record's bundle holds about 40,000; a bundle of short rows inflated to
// the cap would otherwise hold millions in memory.
const uploadMaxRows = 250_000

// pendingImports keeps uploaded files between the dry run an admin reads
// and their confirmation, for a while and in a bounded amount; a server
// restart forgets them, and the admin uploads again.
type pendingImports struct {
	mu    sync.Mutex
	items map[string]*pendingImport
}

type pendingImport struct {
	user  int64
	at    time.Time
	recs  []timeline.HSGRecord
	files int
	gap   int
	skip  bool
	// bundle is set for an export bundle to merge (instead of recs).
	bundle *timeline.Bundle
}

const (
	pendingTTL  = 30 * time.Minute
	pendingMany = 8
)

func (p *pendingImports) put(it *pendingImport) (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := hex.EncodeToString(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.items == nil {
		p.items = map[string]*pendingImport{}
	}
	for k, v := range p.items {
		if time.Since(v.at) > pendingTTL {
			delete(p.items, k)
		}
	}
	if len(p.items) >= pendingMany {
		var oldest string
		for k, v := range p.items {
			if oldest == "" || v.at.Before(p.items[oldest].at) {
				oldest = k
			}
		}
		delete(p.items, oldest)
	}
	p.items[token] = it
	return token, nil
}

// take returns and forgets the upload of token, if it is the user's.
func (p *pendingImports) take(token string, user int64) *pendingImport {
	p.mu.Lock()
	defer p.mu.Unlock()
	it := p.items[token]
	if it == nil || it.user != user || time.Since(it.at) > pendingTTL {
		return nil
	}
	delete(p.items, token)
	return it
}

// importForm serves GET /admin/import.
func (a *Server) importForm(w http.ResponseWriter, r *http.Request) error {
	return render(w, r, http.StatusOK, views.ImportPage(views.ImportView{Site: a.site(w, r, "Import the record"), GapDays: timeline.DefaultGapDays}))
}

// importDryRun serves POST /admin/import: the uploaded files are read and
// imported in a transaction that is rolled back, and the admin sees what
// the import would do before confirming it.
func (a *Server) importDryRun(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return timeline.Errorf(timeline.ETooLarge, "The upload is larger than %d MB; nothing was imported.", uploadLimit>>20)
		}
		return timeline.Errorf(timeline.EInvalid, "The upload could not be read; choose the XML files again.")
	}
	defer r.MultipartForm.RemoveAll()
	v := views.ImportView{Site: a.site(w, r, "Import the record"), GapDays: timeline.DefaultGapDays}
	fail := func(msg string) error {
		v.Error = msg
		return render(w, r, http.StatusUnprocessableEntity, views.ImportPage(v))
	}
	gap, err := parseGap(r.FormValue("gap_days"))
	if err != nil {
		return fail(timeline.ErrorMessage(err))
	}
	v.GapDays, v.SkipUnknown = gap, r.FormValue("skip_unknown") == "on"
	heads := r.MultipartForm.File["files"]
	if len(heads) == 0 {
		return fail("Choose one or more XML files of the Office of the Historian's travels or visits.")
	}
	var recs []timeline.HSGRecord
	for _, h := range heads {
		f, err := h.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(io.LimitReader(f, timeline.HSGMaxBytes+1))
		f.Close()
		if err != nil {
			return err
		}
		rs, err := timeline.ReadHSG(bytes.NewReader(b), h.Filename)
		if err != nil {
			return fail(timeline.ErrorMessage(err) + " Nothing was imported.")
		}
		recs = append(recs, rs...)
	}
	opt := store.ImportOptions{GapDays: gap, SkipUnknown: v.SkipUnknown, DryRun: true}
	rep, err := a.store.ImportHSG(r.Context(), actor(r), recs, len(heads), opt)
	v.Report = importView(rep)
	if err != nil {
		return fail(timeline.ErrorMessage(err))
	}
	if v.Token, err = a.pending.put(&pendingImport{user: userOf(r).ID, at: time.Now(), recs: recs, files: len(heads), gap: gap, skip: v.SkipUnknown}); err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.ImportPage(v))
}

// importApply serves POST /admin/import/apply: the confirmed import,
// recorded in the history under the admin's name.
func (a *Server) importApply(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	it := a.pending.take(r.FormValue("token"), userOf(r).ID)
	if it == nil {
		return timeline.Errorf(timeline.ENotFound, "This upload is no longer waiting (it was applied, or it is older than %d minutes): upload the files again.", int(pendingTTL.Minutes()))
	}
	if it.bundle != nil {
		rep, err := a.store.MergeBundle(r.Context(), actor(r), it.bundle, false)
		if err != nil {
			return err
		}
		added := 0
		for _, n := range rep.Added {
			added += n
		}
		if err := a.flash(w, r, fmt.Sprintf("Merged the bundle: %d records added, %d conflicts left out.", added, len(rep.Conflicts))); err != nil {
			return err
		}
		http.Redirect(w, r, "/curate/checks", http.StatusSeeOther)
		return nil
	}
	rep, err := a.store.ImportHSG(r.Context(), actor(r), it.recs, it.files, store.ImportOptions{GapDays: it.gap, SkipUnknown: it.skip})
	if err != nil {
		return err
	}
	if err := a.flash(w, r, fmt.Sprintf("Imported %d records: %d stops added, %d updated, %d trips made, %d conflicts left as they are.",
		rep.Records, rep.StopsAdded, rep.StopsChanged, rep.TripsMade, len(rep.Conflicts))); err != nil {
		return err
	}
	http.Redirect(w, r, "/curate/checks", http.StatusSeeOther)
	return nil
}

func parseGap(s string) (int, error) {
	if s == "" {
		return timeline.DefaultGapDays, nil
	}
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil || n < 0 || n > 60 {
		return 0, timeline.FieldErrorf("gap_days", "The gap must be a whole number of days from 0 to 60.")
	}
	return n, nil
}

func importView(rep *store.ImportReport) *views.ImportReport {
	if rep == nil {
		return nil
	}
	v := &views.ImportReport{Files: rep.Files, Records: rep.Records, Duplicates: rep.Duplicates, StopsAdded: rep.StopsAdded,
		StopsChanged: rep.StopsChanged, Unchanged: rep.Unchanged, Linked: rep.RefsLinked, TripsMade: rep.TripsMade, TripsGrown: rep.TripsGrown,
		PeopleMade: rep.PeopleMade}
	for _, p := range rep.Conflicts {
		v.Conflicts = append(v.Conflicts, p.String())
	}
	for _, p := range rep.Unknown {
		v.Unknown = append(v.Unknown, p.String())
	}
	for _, m := range rep.Merges {
		v.Merges = append(v.Merges, m.Words())
	}
	for _, u := range rep.Unresolved {
		v.Apart = append(v.Apart, u.Words())
	}
	for who, t := range rep.Travellers {
		v.Travellers = append(v.Travellers, views.ImportTraveller{Slug: who, Records: t.Records, Duplicates: t.Duplicates, Stops: t.Stops, Trips: t.Trips})
	}
	sort.Slice(v.Travellers, func(i, j int) bool { return v.Travellers[i].Slug < v.Travellers[j].Slug })
	return v
}

// importBundleDryRun serves POST /admin/import/bundle: an export bundle
// (the zip /export.zip writes) is merged in a transaction that is rolled
// back, and the admin sees what it would add before confirming.
func (a *Server) importBundleDryRun(w http.ResponseWriter, r *http.Request) error {
	v := views.ImportView{Site: a.site(w, r, "Import the record"), GapDays: timeline.DefaultGapDays}
	fail := func(msg string) error {
		v.Error = msg
		return render(w, r, http.StatusUnprocessableEntity, views.ImportPage(v))
	}
	// A cap reached is 413, anything else the bundle holds 422; either
	// says which, and nothing is imported.
	failErr := func(err error) error {
		v.Error = timeline.ErrorMessage(err) + " Nothing was imported."
		status := http.StatusUnprocessableEntity
		if timeline.ErrorCode(err) == timeline.ETooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		return render(w, r, status, views.ImportPage(v))
	}
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return timeline.Errorf(timeline.ETooLarge, "The upload is larger than %d MB; nothing was imported.", uploadLimit>>20)
		}
		return fail("The upload could not be read; choose the bundle again.")
	}
	defer r.MultipartForm.RemoveAll()
	heads := r.MultipartForm.File["bundle"]
	if len(heads) != 1 {
		return fail("Choose one bundle: the .zip that /export.zip or timeline export bundle writes.")
	}
	f, err := heads[0].Open()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return err
	}
	files, err := timeline.OpenBundleZip(bytes.NewReader(data), int64(len(data)), heads[0].Filename, timeline.BundleMaxInflated)
	if err != nil {
		return failErr(err)
	}
	b, err := timeline.ReadBundleMax(files, uploadMaxRows)
	if err != nil {
		return failErr(err)
	}
	rep, err := a.store.MergeBundle(r.Context(), actor(r), b, true)
	if err != nil {
		return fail(timeline.ErrorMessage(err) + " Nothing was imported.")
	}
	v.Merge = &views.MergeReport{Conflicts: rep.Conflicts}
	for _, k := range store.MergeKinds {
		v.Merge.Rows = append(v.Merge.Rows, views.MergeRow{Kind: k, Added: rep.Added[k], Matched: rep.Matched[k]})
	}
	if v.Token, err = a.pending.put(&pendingImport{user: userOf(r).ID, at: time.Now(), bundle: b}); err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.ImportPage(v))
}
