package web

import (
	"context"
	"strconv"
	"sync"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
)

// lookupCache keeps the lists the filter form offers (travellers, regions),
// which are costly to count on a large record and change only when the data
// does; it is keyed by the store's data version.
type lookupCache struct {
	mu         sync.Mutex
	version    int64
	valid      bool
	travellers []store.PersonSummary
	regions    []timeline.Region
}

// lookups returns the travellers and regions of data version v.
func (a *Server) lookups(ctx context.Context, v int64) ([]store.PersonSummary, []timeline.Region, error) {
	c := a.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.valid && c.version == v {
		return c.travellers, c.regions, nil
	}
	travellers, err := a.store.Travellers(ctx)
	if err != nil {
		return nil, nil, err
	}
	regions, err := a.store.Regions(ctx)
	if err != nil {
		return nil, nil, err
	}
	c.version, c.valid, c.travellers, c.regions = v, true, travellers, regions
	return travellers, regions, nil
}

// versionCache keeps values computed for recent views at the current data
// version; a write anywhere empties it. Readers asking for the same value
// at once wait for one computation instead of each running it: at a
// million stops a view's facets take seconds, and the first page after a
// write is asked for by every reader at the same moment.
type versionCache[T any] struct {
	mu       sync.Mutex
	version  int64
	views    map[string]T
	inflight map[string]*pending[T]
}

type pending[T any] struct {
	done chan struct{}
	val  T
	err  error
}

const versionCacheSize = 256

func (c *versionCache[T]) get(v int64, key string, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	if c.version != v || c.views == nil || len(c.views) >= versionCacheSize {
		c.version, c.views, c.inflight = v, map[string]T{}, map[string]*pending[T]{}
	}
	if x, ok := c.views[key]; ok {
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
			c.views[key] = p.val
		}
	}
	c.mu.Unlock()
	return p.val, p.err
}

// facets returns the facet counts of the view f at data version v:
// counting every facet of a large record takes tens of milliseconds, and
// the same views are asked for again and again.
func (a *Server) facets(ctx context.Context, v int64, f timeline.Filter) (*store.Facets, error) {
	return a.facetCache.get(v, f.Query(), func() (*store.Facets, error) { return a.store.Facets(ctx, f) })
}

// numberer numbers trips by counters, reusing the numberings computed at
// the same data version: a counter reads every stop of its traveller,
// thousands for a long-serving one, and most pages show the same few
// counters.
type numberer struct {
	a *Server
	v int64
	n *store.Numberer
}

// numberer returns a numberer for the data version v.
func (a *Server) numberer(ctx context.Context, v int64) *numberer {
	return &numberer{a: a, v: v, n: a.store.Numberer(ctx)}
}

// Number applies the counter c; a counter not stored (an id of 0, as the
// rule comparisons make) is computed each time.
func (n *numberer) Number(c timeline.Counter) (timeline.Numbering, error) {
	if c.ID == 0 {
		return n.n.Number(c)
	}
	return n.a.numberings.get(n.v, strconv.FormatInt(c.ID, 10), func() (timeline.Numbering, error) { return n.n.Number(c) })
}

// currentNumberer is numberer at the store's data version now.
func (a *Server) currentNumberer(ctx context.Context) (*numberer, error) {
	v, err := a.store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	return a.numberer(ctx, v), nil
}
