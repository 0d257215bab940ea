package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Two curators editing one record. Every edit form carries the version of
// the record it was read from (the id of its latest revision) and its
// values then. A save on that version goes through, on the condition,
// checked in the write's transaction, that the record is still there. A
// save on an older version is merged with what was saved in between, field
// by field: a field only one side changed takes that side's value, and a
// field both changed differently is a conflict. A conflict is shown beside
// its field with both values, and nothing is saved until the curator
// chooses; the form then carries the new version, so the next save is the
// curator's deliberate choice. No edit is ever silently lost.

// edited is what every edit form carries besides its record's fields.
type edited struct {
	Reason  string `form:"reason"`
	Version string `form:"version"`
	// Base is the form's values as read, as JSON: what both sides changed
	// from.
	Base string `form:"base"`

	// Set once the form is reconciled with a newer version: its change,
	// the conflicts (theirs by field) and the fields taken from it.
	newer     store.Version
	conflicts map[string]string
	taken     []string
}

// editForm is an edit form (a pointer to a form struct embedding edited).
type editForm interface{ meta() *edited }

func (e *edited) meta() *edited { return e }

// metaFields are the form names of edited's own fields.
var metaFields = map[string]bool{"reason": true, "version": true, "base": true}

// formValuesOf lists a form struct's record fields by form name.
func formValuesOf(f editForm) map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(f).Elem()
	for _, sf := range reflect.VisibleFields(v.Type()) {
		if name := sf.Tag.Get("form"); name != "" && !metaFields[name] {
			out[name] = strings.TrimSpace(v.FieldByIndex(sf.Index).String())
		}
	}
	return out
}

// setFormValue sets the field of form name to val.
func setFormValue(f editForm, name, val string) {
	v := reflect.ValueOf(f).Elem()
	for _, sf := range reflect.VisibleFields(v.Type()) {
		if sf.Tag.Get("form") == name {
			v.FieldByIndex(sf.Index).SetString(val)
		}
	}
}

func encodeBase(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// stamp gives an edit form, filled from its record, the record's version.
func (a *Server) stamp(r *http.Request, kind timeline.Kind, id int64, f editForm) error {
	v, err := a.version(r, kind, id)
	if err != nil {
		return err
	}
	e := f.meta()
	e.Version, e.Base = strconv.FormatInt(v.Rev, 10), encodeBase(formValuesOf(f))
	return nil
}

// version is the version of a record of kind by id; a region's id is its
// code's place in its path, which version reads from the request.
func (a *Server) version(r *http.Request, kind timeline.Kind, id int64) (store.Version, error) {
	if kind == timeline.KindRegion {
		return a.store.RegionVersion(r.Context(), r.PathValue("code"))
	}
	return a.store.Version(r.Context(), kind, id)
}

// ifVersion is the request whose writes refuse unless the record is still
// at version rev.
func ifVersion(r *http.Request, kind timeline.Kind, id, rev int64) *http.Request {
	if kind == timeline.KindRegion {
		return r.WithContext(store.IfRegionVersion(r.Context(), r.PathValue("code"), rev))
	}
	return r.WithContext(store.IfVersion(r.Context(), kind, id, rev))
}

// reconcile brings a posted edit form up to the record's current version
// (its values current), merging as the file's comment says, and returns
// the request whose save is conditional on that version. Conflicts go into
// fe beside their fields, so nothing is saved. A form that carries no
// version (a script's) is saved as posted.
func (a *Server) reconcile(r *http.Request, kind timeline.Kind, id int64, f editForm, current editForm, fe timeline.FieldErrors) (*http.Request, error) {
	e, cur := f.meta(), formValuesOf(current)
	for _, name := range r.PostForm["take_theirs"] {
		if v, ok := cur[name]; ok {
			setFormValue(f, name, v)
		}
	}
	if e.Version == "" {
		return r, nil
	}
	v, err := a.version(r, kind, id)
	if err != nil {
		return nil, err
	}
	if e.Version != strconv.FormatInt(v.Rev, 10) {
		var base map[string]string
		json.Unmarshal([]byte(e.Base), &base) // a base that does not read: every difference is a conflict
		merged, conflicts, taken := merge3(base, cur, formValuesOf(f))
		for name, val := range merged {
			setFormValue(f, name, val)
		}
		e.newer, e.conflicts, e.taken = v, conflicts, taken
		for name := range conflicts {
			fe.Add(name, conflictMessage(v))
		}
		e.Version, e.Base = strconv.FormatInt(v.Rev, 10), encodeBase(cur)
	}
	return ifVersion(r, kind, id, v.Rev), nil
}

// merge3 merges mine and theirs, both changed from base, field by field:
// the merged values, the conflicting fields (with theirs) and the fields
// taken from theirs.
func merge3(base, theirs, mine map[string]string) (map[string]string, map[string]string, []string) {
	merged, conflicts := map[string]string{}, map[string]string{}
	var taken []string
	for name, m := range mine {
		t, b := theirs[name], base[name]
		switch {
		case m == t:
			merged[name] = m
		case m == b:
			merged[name] = t
			taken = append(taken, name)
		case t == b:
			merged[name] = m
		default:
			merged[name] = m
			conflicts[name] = t
		}
	}
	slices.Sort(taken)
	return merged, conflicts, taken
}

func conflictMessage(v store.Version) string {
	return "Changed by " + orSomeone(v.Actor) + " since you opened this form: choose theirs or yours below."
}

func orSomeone(actor string) string {
	if actor == "" {
		return "someone"
	}
	return actor
}

// withMeta is an edit form's fields: the record's (each conflict beside its
// field), then the reason, the version and the base.
func (e *edited) withMeta(fields []views.FormField) []views.FormField {
	for i := range fields {
		if t, ok := e.conflicts[fields[i].Name]; ok {
			fields[i].Theirs, fields[i].TheirsBy = &t, e.newer.Actor
		}
	}
	return append(fields, reasonField(e.Reason),
		views.FormField{Name: "version", Type: "hidden", Value: e.Version},
		views.FormField{Name: "base", Type: "hidden", Value: e.Base})
}

// saved is the flash of a saved edit: what it says, and what was merged.
func (e *edited) saved(flash string) string {
	if len(e.taken) == 0 {
		return flash
	}
	return flash + " It had been changed by " + orSomeone(e.newer.Actor) + " since you opened it; their changes to " +
		strings.Join(e.taken, ", ") + " are kept, merged with yours."
}

// ptr is a pointer to a copy of v: a record's form, current, as reconcile
// takes it.
func ptr[T any](v T) *T { return &v }
