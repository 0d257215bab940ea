package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/diplomatic-travel/tracker/timeline"
)

// User is a curator account.
type User struct {
	ID                int64
	Name              string
	Role              string // "curator" or "admin"
	Disabled          bool
	CreatedAt         string
	PasswordChangedAt string
}

// IsAdmin reports whether the account manages accounts.
func (u *User) IsAdmin() bool { return u.Role == RoleAdmin }

// The roles of an account.
const (
	RoleCurator = "curator"
	RoleAdmin   = "admin"
)

// argon2id parameters: the current recommended minimum (19 MiB, 2 passes,
// 1 lane), stored with each hash so they can be raised later.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// ValidatePassword checks a new password: 8 to 256 characters, never
// truncated.
func ValidatePassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	if !utf8.ValidString(pw) {
		return timeline.FieldErrorf("password", "The password is not valid text.")
	}
	if n < 8 {
		return timeline.FieldErrorf("password", "A password has at least 8 characters.")
	}
	if n > 256 {
		return timeline.FieldErrorf("password", "A password has at most 256 characters.")
	}
	return nil
}

// HashPassword returns the PHC-format argon2id hash of pw with a random
// salt.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// dummyHash is checked against when an account does not exist, so an
// unknown name costs the same time as a wrong password. It is a constant
// (the hash of a phrase no account has) rather than computed at start, so
// that no command pays 19 MiB of argon2 just by starting.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$m7r4HEy+gnQm1mrmpPoRBw$+S+hmNPiGjEN5tHamYvhBsgQSmJKVuO/qoPE+/Ln6/Q"

// CheckPassword reports whether pw matches the PHC hash, in constant time.
func CheckPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 16 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || len(want) > 128 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

func validUserName(name string) error {
	if len(name) < 2 || len(name) > 64 {
		return timeline.FieldErrorf("name", "An account name has 2 to 64 characters.")
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return timeline.FieldErrorf("name", "An account name uses lower-case letters, digits, '-', '_' and '.'.")
		}
	}
	return nil
}

// CreateUser adds an account with a new password.
func (s *Store) CreateUser(ctx context.Context, a Actor, name, role, password string) (*User, error) {
	name = strings.TrimSpace(name)
	if err := validUserName(name); err != nil {
		return nil, err
	}
	if role == "" {
		role = RoleCurator
	}
	if role != RoleCurator && role != RoleAdmin {
		return nil, timeline.FieldErrorf("role", "The role is curator or admin.")
	}
	if err := ValidatePassword(password); err != nil {
		return nil, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, err
	}
	u := &User{Name: name, Role: role}
	err = s.write(ctx, a, func(t *tx) error {
		u.CreatedAt, u.PasswordChangedAt = t.now, t.now
		id, err := t.insert(`INSERT INTO users(name, password_hash, role, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)`,
			name, hash, role, t.now, t.now)
		if err != nil {
			if timeline.ErrorCode(mapErr(err)) == timeline.EConflict {
				return timeline.Errorf(timeline.EConflict, "An account named %s already exists.", name)
			}
			return err
		}
		u.ID = id
		return t.revise(timeline.KindUser, id, "create", nil, u, "")
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// SetPassword changes an account's password and ends all its sessions.
func (s *Store) SetPassword(ctx context.Context, a Actor, name, password string) error {
	if err := ValidatePassword(password); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.write(ctx, a, func(t *tx) error {
		u, err := t.userByName(name)
		if err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?`, hash, t.now, u.ID); err != nil {
			return err
		}
		if _, err := t.exec(`DELETE FROM sessions WHERE user_id = ?`, u.ID); err != nil {
			return err
		}
		return t.revise(timeline.KindUser, u.ID, "update", nil, nil, "password changed")
	})
}

// SetDisabled disables (or enables) an account, from the command line;
// disabling ends its sessions.
func (s *Store) SetDisabled(ctx context.Context, a Actor, name string, disabled bool) error {
	return s.write(ctx, a, func(t *tx) error {
		u, err := t.userByName(name)
		if err != nil {
			return err
		}
		return t.setDisabled(u, disabled)
	})
}

// setDisabled changes u's state with its revision; disabling ends its
// sessions. It is shared by the command line and the admins' page.
func (t *tx) setDisabled(u *User, disabled bool) error {
	if u.Disabled == disabled {
		return nil
	}
	if disabled {
		if _, err := t.exec(`DELETE FROM sessions WHERE user_id = ?`, u.ID); err != nil {
			return err
		}
	}
	return t.updateUser(u, func(u *User) { u.Disabled = disabled }, `disabled = ?`, disabled)
}

// setRole changes u's role with its revision.
func (t *tx) setRole(u *User, role string) error {
	if u.Role == role {
		return nil
	}
	return t.updateUser(u, func(u *User) { u.Role = role }, `role = ?`, role)
}

func (t *tx) userByName(name string) (*User, error) {
	var u User
	err := t.QueryRowContext(t.ctx, `SELECT id, name, role, disabled, created_at, password_changed_at FROM users WHERE name = ?`, name).
		Scan(&u.ID, &u.Name, &u.Role, &u.Disabled, &u.CreatedAt, &u.PasswordChangedAt)
	if isNoRows(err) {
		return nil, timeline.Errorf(timeline.ENotFound, "There is no account named %s.", name)
	}
	return &u, err
}

// Authenticate checks a name and password. It returns the same error, after
// the same work, for an unknown name, a wrong password and a disabled
// account, so an answer says nothing about which accounts exist.
func (s *Store) Authenticate(ctx context.Context, name, password string) (*User, error) {
	var u User
	var hash string
	err := s.r.QueryRowContext(ctx, `SELECT id, name, role, disabled, created_at, password_changed_at, password_hash FROM users WHERE name = ?`, name).
		Scan(&u.ID, &u.Name, &u.Role, &u.Disabled, &u.CreatedAt, &u.PasswordChangedAt, &hash)
	if err != nil && !isNoRows(err) {
		return nil, err
	}
	if isNoRows(err) {
		hash = dummyHash
	}
	ok := CheckPassword(hash, password)
	if !ok || isNoRows(err) || u.Disabled {
		return nil, timeline.Errorf(timeline.EUnauthorized, "The name or the password is wrong.")
	}
	return &u, nil
}

// UserByID returns an enabled account.
func (s *Store) UserByID(ctx context.Context, id int64) (*User, error) {
	var u User
	err := s.r.QueryRowContext(ctx, `SELECT id, name, role, disabled, created_at, password_changed_at FROM users WHERE id = ? AND disabled = 0`, id).
		Scan(&u.ID, &u.Name, &u.Role, &u.Disabled, &u.CreatedAt, &u.PasswordChangedAt)
	if isNoRows(err) {
		return nil, timeline.Errorf(timeline.EUnauthorized, "This account no longer exists or is disabled.")
	}
	return &u, err
}

// Users lists every account.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	return list(ctx, s.r, func(u *User) []any {
		return []any{&u.ID, &u.Name, &u.Role, &u.Disabled, &u.CreatedAt, &u.PasswordChangedAt}
	}, `SELECT id, name, role, disabled, created_at, password_changed_at FROM users ORDER BY name`)
}

// CountUsers is the number of accounts.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, err
}

// RandomPassword returns a new random password of 20 characters.
func RandomPassword() (string, error) {
	b := make([]byte, 15)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// CheckDummy checks pw against the dummy hash; for the test that proves it
// is a real hash.
func CheckDummy(pw string) bool { return CheckPassword(dummyHash, pw) }

// updateUser changes one column of an account, as change does to u, with
// its revision.
func (t *tx) updateUser(u *User, change func(*User), set string, value any) error {
	before := *u
	change(u)
	if _, err := t.exec(`UPDATE users SET `+set+` WHERE id = ?`, value, u.ID); err != nil {
		return err
	}
	return t.revise(timeline.KindUser, u.ID, "update", before, u, "")
}
