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

func (a *app) lookups(ctx context.Context) ([]store.PersonSummary, []timeline.Region, error) {
	v, err := a.store.DataVersion(ctx)
	if err != nil {
		return nil, nil, err
	}
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
