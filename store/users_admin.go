package store

import (
	"context"

	"github.com/diplomatic-travel/tracker/timeline"
)

// ValidateUserName checks an account name by the rule CreateUser applies,
// so a form can show the message beside the field with the others.
func ValidateUserName(name string) error { return validUserName(name) }

// AdminSetDisabled disables (or enables) an account at an admin's request.
// In the transaction of the change it checks that the actor is still an
// enabled admin and, when disabling, that the account is not the actor's
// own; with both checks at least one enabled admin always remains, even
// when two admins act at once. Disabling ends the account's sessions.
func (s *Store) AdminSetDisabled(ctx context.Context, a Actor, name string, disabled bool) error {
	return s.write(ctx, a, func(t *tx) error {
		u, err := t.adminTarget(name)
		if err != nil {
			return err
		}
		if disabled && u.ID == t.actor.UserID {
			return &timeline.Error{Code: timeline.EConflict, Field: "disabled",
				Message: "You cannot disable your own account: another admin must do it. Nothing was changed."}
		}
		return t.setDisabled(u, disabled)
	})
}

// AdminSetRole changes an account's role at an admin's request, with the
// checks of AdminSetDisabled: the actor is an enabled admin and does not
// demote their own account.
func (s *Store) AdminSetRole(ctx context.Context, a Actor, name, role string) error {
	if role != RoleCurator && role != RoleAdmin {
		return timeline.FieldErrorf("role", "The role is curator or admin.")
	}
	return s.write(ctx, a, func(t *tx) error {
		u, err := t.adminTarget(name)
		if err != nil {
			return err
		}
		if role != RoleAdmin && u.ID == t.actor.UserID {
			return &timeline.Error{Code: timeline.EConflict, Field: "role",
				Message: "You cannot demote your own account: another admin must do it. Nothing was changed."}
		}
		return t.setRole(u, role)
	})
}

// adminTarget checks that the transaction's actor is an enabled admin and
// returns the account called name.
func (t *tx) adminTarget(name string) (*User, error) {
	var role string
	var disabled bool
	err := t.QueryRowContext(t.ctx, `SELECT role, disabled FROM users WHERE id = ?`, t.actor.UserID).Scan(&role, &disabled)
	if isNoRows(err) || err == nil && (role != RoleAdmin || disabled) {
		return nil, timeline.Errorf(timeline.EForbidden, "Only an admin can do this; nothing was changed.")
	} else if err != nil {
		return nil, err
	}
	return t.userByName(name)
}
