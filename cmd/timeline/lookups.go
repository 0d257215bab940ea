package main

import (
	"context"
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
func (a *app) lookups(ctx context.Context, v int64) ([]store.PersonSummary, []timeline.Region, error) {
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

// facetCache keeps the facet counts of recent views for the current data
// version: counting every facet of a large record takes tens of
// milliseconds, and the same views are asked for again and again.
type facetCache struct {
	mu      sync.Mutex
	version int64
	views   map[string]*store.Facets
}

const facetCacheSize = 512

// facets returns the facet counts of the view f at data version v.
func (a *app) facets(ctx context.Context, v int64, f timeline.Filter) (*store.Facets, error) {
	key := f.Query()
	c := a.facetCache
	c.mu.Lock()
	if c.version != v || c.views == nil || len(c.views) >= facetCacheSize {
		c.version, c.views = v, map[string]*store.Facets{}
	}
	if fc, ok := c.views[key]; ok {
		c.mu.Unlock()
		return fc, nil
	}
	c.mu.Unlock()
	fc, err := a.store.Facets(ctx, f)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.version == v {
		c.views[key] = fc
	}
	c.mu.Unlock()
	return fc, nil
}
