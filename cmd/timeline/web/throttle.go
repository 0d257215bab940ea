package web

import (
	"sync"
	"time"
)

// throttle counts failed logins per key (an account name, an address) in a
// sliding window. It is kept in memory: a restart forgets it, which only
// ever gives an attacker a fresh window, never a way in.
type throttle struct {
	mu       sync.Mutex
	window   time.Duration
	failures map[string][]time.Time
	now      func() time.Time
}

func newThrottle(window time.Duration) *throttle {
	return &throttle{window: window, failures: map[string][]time.Time{}, now: time.Now}
}

// recent returns the failures of key still inside the window, dropping the
// older ones.
func (t *throttle) recent(key string) []time.Time {
	cut := t.now().Add(-t.window)
	fs := t.failures[key]
	i := 0
	for i < len(fs) && fs[i].Before(cut) {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(t.failures, key)
	} else {
		t.failures[key] = fs
	}
	return fs
}

// Blocked reports whether key has reached limit failures in the window.
func (t *throttle) Blocked(key string, limit int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.recent(key)) >= limit
}

// Fail records a failure of each key.
func (t *throttle) Fail(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		t.failures[k] = append(t.recent(k), t.now())
	}
}

// Reset forgets the failures of key (after a successful login).
func (t *throttle) Reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
}
