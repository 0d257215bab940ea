package store

import (
	"context"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// A record's version is its latest revision: every change of a record is
// one, in the transaction that makes it. An edit form carries the version
// it was read from, and its save is made on the condition that the record
// is still at that version (IfVersion), checked inside the write's
// transaction: no change that lands in between is ever overwritten.

// Version is the latest change of a record: its revision's id (0 for a
// record with none), when and by whom.
type Version struct {
	Rev   int64
	At    string
	Actor string
}

// Version returns the version of a record of kind by id.
func (s *Store) Version(ctx context.Context, kind timeline.Kind, id int64) (Version, error) {
	return versionOf(ctx, s.r, versionKey{kind: kind, id: id})
}

// RegionVersion returns the version of a region, by its code: a region's
// changes are recorded under its code rather than an id.
func (s *Store) RegionVersion(ctx context.Context, code string) (Version, error) {
	return versionOf(ctx, s.r, versionKey{kind: timeline.KindRegion, code: code})
}

// versionKey names a record for its version.
type versionKey struct {
	kind timeline.Kind
	id   int64
	code string // a region's
}

func versionOf(ctx context.Context, q rowQueryer, k versionKey) (Version, error) {
	var v Version
	var err error
	if k.kind == timeline.KindRegion {
		// A region's revisions say "region CODE" or "region CODE: why".
		err = q.QueryRowContext(ctx, `SELECT id, at, actor FROM revisions WHERE kind = 'region'
			AND (reason = ? OR substr(reason, 1, ?) = ?) ORDER BY id DESC LIMIT 1`,
			"region "+k.code, len("region "+k.code+": "), "region "+k.code+": ").Scan(&v.Rev, &v.At, &v.Actor)
	} else {
		err = q.QueryRowContext(ctx, `SELECT id, at, actor FROM revisions WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1`,
			k.kind, k.id).Scan(&v.Rev, &v.At, &v.Actor)
	}
	if isNoRows(err) {
		return Version{}, nil
	}
	return v, err
}

type ifVersionKey struct{}

// expectation is one record's version that a write must still find.
type expectation struct {
	versionKey
	rev int64
}

// IfVersion makes the writes made with ctx refuse, and change nothing,
// unless the record of kind by id is still at version rev.
func IfVersion(ctx context.Context, kind timeline.Kind, id, rev int64) context.Context {
	return withExpectation(ctx, expectation{versionKey{kind: kind, id: id}, rev})
}

// IfRegionVersion is IfVersion of a region, by its code.
func IfRegionVersion(ctx context.Context, code string, rev int64) context.Context {
	return withExpectation(ctx, expectation{versionKey{kind: timeline.KindRegion, code: code}, rev})
}

func withExpectation(ctx context.Context, e expectation) context.Context {
	prev, _ := ctx.Value(ifVersionKey{}).([]expectation)
	return context.WithValue(ctx, ifVersionKey{}, append(prev[:len(prev):len(prev)], e))
}

// checkVersions refuses a write whose expected versions have moved on. It
// runs first in the write's transaction, which holds the writer's lock, so
// nothing can land between the check and the write.
func (t *tx) checkVersions() error {
	exps, _ := t.ctx.Value(ifVersionKey{}).([]expectation)
	for _, e := range exps {
		v, err := versionOf(t.ctx, t, e.versionKey)
		if err != nil {
			return err
		}
		if v.Rev != e.rev {
			what := string(e.kind)
			if e.code != "" {
				what += " " + e.code
			}
			return &timeline.Error{Code: timeline.EConflict, Field: "version", Message: staleMessage(what, v)}
		}
	}
	return nil
}

func staleMessage(what string, v Version) string {
	var b strings.Builder
	b.WriteString("This " + what + " was changed")
	if v.Actor != "" {
		b.WriteString(" by " + v.Actor)
	}
	b.WriteString(" while you were saving, so nothing of yours was saved. Save again to merge your changes with theirs.")
	return b.String()
}
