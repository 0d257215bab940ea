//go:build !race

package web

// raceMemory is 1 outside race-detector builds: see race_on_test.go.
const raceMemory = 1
