package web

import (
	"net/http"
	"sync"
)

// pageCache keeps the timeline pages rendered for readers who are not
// logged in, for the current data version. Such a page depends only on its
// URL and the data, so a page at the same version is the same bytes;
// any write changes the version and empties the cache. Curators' pages
// (drafts, their name, flashes) are never cached.
type pageCache struct {
	mu      sync.Mutex
	version int64
	pages   map[string][]byte
	size    int
}

// pageCacheBytes bounds the cache, so it stays small beside the server's
// memory target; when full it starts again empty.
const pageCacheBytes = 4 << 20

func (c *pageCache) get(v int64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != v {
		return nil, false
	}
	b, ok := c.pages[key]
	return b, ok
}

func (c *pageCache) put(v int64, key string, b []byte) {
	if len(b) > pageCacheBytes/16 {
		return // an unusually large page is not worth the room
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != v || c.pages == nil || c.size+len(b) > pageCacheBytes {
		if v < c.version {
			return // a slow request of an older version
		}
		c.version, c.pages, c.size = v, map[string][]byte{}, 0
	}
	if _, ok := c.pages[key]; !ok {
		c.pages[key] = b
		c.size += len(b)
	}
}

// writePage sends a cached or freshly rendered page.
func writePage(w http.ResponseWriter, b []byte) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(b)
	return err
}
