//go:build race

package web

// raceMemory is how many times more memory a race-detector build uses for
// the same work: the detector keeps shadow memory beside every allocation,
// and Go's documentation puts its cost at five to ten times. Tests that bound
// the server's growth scale their bound by it, so the bound still refuses a
// server that reads a bomb whole (768 MiB, which no factor hides).
const raceMemory = 5
