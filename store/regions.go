package store

import (
	"context"
	"strings"

	"github.com/diplomatic-travel/tracker/timeline"
)

// Regions returns every published region with its members.
func (s *Store) Regions(ctx context.Context) ([]timeline.Region, error) {
	var out []timeline.Region
	err := each(ctx, s.r, func(scan func(...any) error) error {
		var r timeline.Region
		var members string
		if err := scan(&r.Code, &r.Name, &r.Notes, &r.Builtin, &members); err != nil {
			return err
		}
		r.Members = strings.Fields(members)
		out = append(out, r)
		return nil
	}, `SELECT r.code, r.name, r.notes, r.builtin, coalesce(group_concat(m.country, ' '), '')
		FROM regions r LEFT JOIN region_members m ON m.region = r.code
		WHERE r.deleted_at IS NULL AND r.status = 'published' GROUP BY r.code ORDER BY r.builtin DESC, r.name`)
	return out, err
}

// Region returns one published region.
func (s *Store) Region(ctx context.Context, code string) (*timeline.Region, error) {
	var r timeline.Region
	var members string
	err := s.r.QueryRowContext(ctx, `SELECT r.code, r.name, r.notes, r.builtin, coalesce((SELECT group_concat(country, ' ') FROM
			(SELECT country FROM region_members WHERE region = r.code ORDER BY country)), '')
		FROM regions r WHERE r.code = ? AND r.deleted_at IS NULL AND r.status = 'published'`, code).
		Scan(&r.Code, &r.Name, &r.Notes, &r.Builtin, &members)
	if isNoRows(err) {
		return nil, &timeline.Error{Code: timeline.ENotFound, Field: "region", Message: "There is no region " + code + "."}
	} else if err != nil {
		return nil, err
	}
	r.Members = strings.Fields(members)
	return &r, nil
}

// RegionsOf returns the codes of the regions a country belongs to.
func (s *Store) RegionsOf(ctx context.Context, country string) ([]string, error) {
	return list(ctx, s.r, func(c *string) []any { return []any{c} }, `SELECT m.region FROM region_members m JOIN regions r ON r.code = m.region
		WHERE m.country = ? AND r.deleted_at IS NULL AND r.status = 'published' ORDER BY m.region`, country)
}

// CreateRegion stores a curator's region with its members.
func (s *Store) CreateRegion(ctx context.Context, a Actor, r *timeline.Region) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		if _, err := t.exec(`INSERT INTO regions(code, name, notes, builtin) VALUES (?, ?, ?, 0)`, r.Code, r.Name, r.Notes); err != nil {
			if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
				return &timeline.Error{Code: timeline.EConflict, Field: "code", Message: "A region with the code " + r.Code + " already exists."}
			}
			return err
		}
		for _, m := range r.Members {
			if _, err := t.exec(`INSERT OR IGNORE INTO region_members(region, country) VALUES (?, ?)`, r.Code, m); err != nil {
				return err
			}
		}
		return t.revise(timeline.KindRegion, 0, "create", nil, r, "region "+r.Code)
	})
}

// DeletedRegions lists the codes of deleted regions, for restoring.
func (s *Store) DeletedRegions(ctx context.Context) ([]string, error) {
	return list(ctx, s.r, func(c *string) []any { return []any{c} }, `SELECT code FROM regions WHERE deleted_at IS NOT NULL ORDER BY code`)
}

// UpdateRegion changes a curator's region: its name, notes and members.
// The built-in bureaus are reference data and are not edited here.
func (s *Store) UpdateRegion(ctx context.Context, a Actor, r *timeline.Region, reason string) error {
	// The region first: its code comes from its address, and one that
	// names none is not found rather than a bad field.
	before, err := s.Region(ctx, r.Code)
	if err != nil {
		return err
	}
	if before.Builtin {
		return timeline.Errorf(timeline.EForbidden, "The built-in regions are the State Department's bureaus and are not edited; define a region of your own.")
	}
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		if _, err := t.exec(`UPDATE regions SET name = ?, notes = ? WHERE code = ?`, r.Name, r.Notes, r.Code); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM region_members WHERE region = ?`, r.Code); err != nil {
			return err
		}
		for _, m := range r.Members {
			if _, err := t.exec(`INSERT OR IGNORE INTO region_members(region, country) VALUES (?, ?)`, r.Code, m); err != nil {
				return err
			}
		}
		return t.revise(timeline.KindRegion, 0, "update", before, r, "region "+r.Code+": "+reason)
	})
}

// SetRegionDeleted deletes (marks) or restores a curator's region; the
// built-in bureaus stay.
func (s *Store) SetRegionDeleted(ctx context.Context, a Actor, code string, deleted bool) error {
	return s.write(ctx, a, func(t *tx) error {
		var builtin bool
		var at *string
		err := t.QueryRowContext(t.ctx, `SELECT builtin, deleted_at FROM regions WHERE code = ?`, code).Scan(&builtin, &at)
		if isNoRows(err) {
			return &timeline.Error{Code: timeline.ENotFound, Message: "There is no region " + code + "."}
		} else if err != nil {
			return err
		}
		if builtin {
			return timeline.Errorf(timeline.EForbidden, "The built-in regions are the State Department's bureaus and are not deleted.")
		}
		if (at != nil) == deleted {
			return timeline.Errorf(timeline.EConflict, "The region %s is already in that state.", code)
		}
		var v any
		action := "restore"
		if deleted {
			v, action = t.now, "delete"
		}
		if _, err := t.exec(`UPDATE regions SET deleted_at = ? WHERE code = ?`, v, code); err != nil {
			return err
		}
		return t.revise(timeline.KindRegion, 0, action, map[string]any{"code": code}, map[string]any{"code": code, "deleted": deleted}, "region "+code)
	})
}

// BureauOf is the State Department bureau (a built-in region) a country
// belongs to, "" for none: what "the region" of a trip's first stop is.
func (s *Store) BureauOf(ctx context.Context, country string) (string, error) {
	var code string
	err := s.r.QueryRowContext(ctx, `SELECT m.region FROM region_members m JOIN regions r ON r.code = m.region
		WHERE m.country = ? AND r.builtin = 1 AND r.deleted_at IS NULL ORDER BY m.region LIMIT 1`, country).Scan(&code)
	if isNoRows(err) {
		return "", nil
	}
	return code, err
}
