package web

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// At most writeSlots writing requests run at once; reads are not held
// back by them.
func TestLimitWriters(t *testing.T) {
	var running, most atomic.Int64
	release := make(chan struct{})
	h := limitWriters(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			n := running.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			<-release
			running.Add(-1)
		}
	}))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/x", nil))
		}()
	}
	time.Sleep(100 * time.Millisecond)
	done := make(chan struct{})
	go func() {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a read waited for the writers")
	}
	close(release)
	wg.Wait()
	if most.Load() != writeSlots {
		t.Errorf("%d writers ran at once, want %d", most.Load(), writeSlots)
	}
}
