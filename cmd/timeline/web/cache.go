package web

import (
	"sync"
)

// versionCache keeps values computed at the store's current data version
// (facet counts, figures, numberings, the filter form's lists, rendered
// pages); a write anywhere changes the version and empties it. Readers
// asking for the same value at once wait for one computation instead of
// each running it: at a million stops a view's facets take seconds, and
// the first page after a write is asked for by every reader at the same
// moment.
type versionCache[T any] struct {
	mu       sync.Mutex
	version  int64
	values   map[string]T
	inflight map[string]*pending[T]
	// cost, when set, is the room a value takes, and the cache holds at
	// most maxCost of it; else it holds at most versionCacheSize values.
	// When full it starts again empty.
	cost    func(T) int
	maxCost int
	used    int
}

type pending[T any] struct {
	done chan struct{}
	val  T
	err  error
}

const versionCacheSize = 256

// reset empties the cache for version v, or when it is full; it reports
// false for a version older than the cache's (a slow request's), whose
// values are not kept.
func (c *versionCache[T]) reset(v int64, room int) bool {
	if v < c.version {
		return false
	}
	full := len(c.values) >= versionCacheSize
	if c.cost != nil {
		full = c.used+room > c.maxCost
	}
	if c.version != v || c.values == nil || full {
		c.version, c.values, c.inflight, c.used = v, map[string]T{}, map[string]*pending[T]{}, 0
	}
	return true
}

// get returns the value of key at version v, computing it once.
func (c *versionCache[T]) get(v int64, key string, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	if !c.reset(v, 0) {
		c.mu.Unlock()
		return compute()
	}
	if x, ok := c.values[key]; ok {
		c.mu.Unlock()
		return x, nil
	}
	if p, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-p.done
		if p.err != nil {
			// The first asker's failure may be its own (a closed
			// connection cancels its context): try on our own.
			return compute()
		}
		return p.val, nil
	}
	p := &pending[T]{done: make(chan struct{})}
	c.inflight[key] = p
	c.mu.Unlock()
	p.val, p.err = compute()
	close(p.done)
	c.mu.Lock()
	if c.version == v {
		delete(c.inflight, key)
		if p.err == nil {
			c.store(key, p.val, c.costOf(p.val))
		}
	}
	c.mu.Unlock()
	return p.val, p.err
}

// lookup returns the value of key at version v, if the cache holds it.
func (c *versionCache[T]) lookup(v int64, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero T
	if c.version != v {
		return zero, false
	}
	x, ok := c.values[key]
	return x, ok
}

// put keeps a value made elsewhere (a page rendered by its handler).
func (c *versionCache[T]) put(v int64, key string, val T) {
	room := c.costOf(val)
	if c.cost != nil && room > c.maxCost/16 {
		return // an unusually large value is not worth the room
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reset(v, room) {
		c.store(key, val, room)
	}
}

// costOf is the room val takes: 0 in a cache bounded by count.
func (c *versionCache[T]) costOf(val T) int {
	if c.cost == nil {
		return 0
	}
	return c.cost(val)
}

// store keeps val at key when there is room; c.mu is held.
func (c *versionCache[T]) store(key string, val T, room int) {
	if _, ok := c.values[key]; ok {
		return
	}
	if c.cost != nil && c.used+room > c.maxCost {
		return
	}
	c.used += room
	c.values[key] = val
}
