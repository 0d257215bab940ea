package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/diplomatic-travel/tracker/store"
)

func TestSessions(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	u, err := s.CreateUser(ctx, store.Actor{Name: "test"}, "ada", store.RoleCurator, "long enough password")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	row := store.SessionRow{UserID: u.ID, Data: "{}", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
	if err := s.CreateSession(ctx, "token-1", row); err != nil {
		t.Fatal(err)
	}
	t.Run("Load", func(t *testing.T) {
		got, err := s.LoadSession(ctx, "token-1", now)
		if err != nil || got == nil || got.UserID != u.ID {
			t.Fatalf("got %+v, %v", got, err)
		}
		if got, _ := s.LoadSession(ctx, "token-1", now.Add(2*time.Hour)); got != nil {
			t.Error("a session past its absolute expiry loaded")
		}
		if got, _ := s.LoadSession(ctx, "token-2", now); got != nil {
			t.Error("an unknown token loaded")
		}
	})
	t.Run("PasswordChangeRevokesAndUpdateDoesNotRevive", func(t *testing.T) {
		if err := s.SetPassword(ctx, store.Actor{Name: "test"}, "ada", "another long password"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.LoadSession(ctx, "token-1", now); got != nil {
			t.Fatal("the session survived a password change")
		}
		// A request that was in flight saves its session afterwards: the
		// save must not bring the session back.
		ok, err := s.UpdateSession(ctx, "token-1", `{"x":1}`, now)
		if err != nil || ok {
			t.Errorf("UpdateSession of a revoked session = %v, %v; want false", ok, err)
		}
		if got, _ := s.LoadSession(ctx, "token-1", now); got != nil {
			t.Error("a revoked session came back")
		}
	})
	t.Run("KeysRotate", func(t *testing.T) {
		k1, err := s.SessionKeys(ctx)
		if err != nil || len(k1) != 1 || len(k1[0]) < 32 {
			t.Fatalf("keys %d, %v", len(k1), err)
		}
		if err := s.RotateSessionKey(ctx); err != nil {
			t.Fatal(err)
		}
		k2, _ := s.SessionKeys(ctx)
		if len(k2) != 2 || string(k2[1]) != string(k1[0]) {
			t.Errorf("after rotation: %d keys; the old key must stay second to verify old cookies", len(k2))
		}
	})
}

func TestPasswords(t *testing.T) {
	h, err := store.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !store.CheckPassword(h, "correct horse battery") || store.CheckPassword(h, "correct horse batterY") {
		t.Error("CheckPassword disagrees")
	}
	p256 := ""
	for i := 0; i < 256; i++ {
		p256 += "é"
	}
	if err := store.ValidatePassword(p256); err != nil {
		t.Errorf("256 characters (512 bytes) refused: %v", err)
	}
	h2, _ := store.HashPassword(p256)
	if store.CheckPassword(h2, p256[:len(p256)-2]) {
		t.Error("a password is truncated: its prefix matches")
	}
	for _, bad := range []string{"short", p256 + "x"} {
		if store.ValidatePassword(bad) == nil {
			t.Errorf("ValidatePassword accepted %d characters", len([]rune(bad)))
		}
	}
}

// The constant that unknown accounts are checked against is a valid hash,
// so an unknown name costs a full argon2 check, like a wrong password.
func TestDummyHashIsReal(t *testing.T) {
	if !store.CheckDummy("not a password of anyone's") {
		t.Fatal("the dummy hash does not verify its phrase: unknown accounts would be answered faster")
	}
}
