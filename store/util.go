package store

import (
	"sort"
	"strconv"
	"strings"
)

func strconvI(i int) string     { return strconv.Itoa(i) }
func strconvI64(i int64) string { return strconv.FormatInt(i, 10) }

func splitFields(s string) []string { return strings.Fields(s) }

// anys converts query keys to the []any that database/sql takes.
func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func sortInts(xs []int) { sort.Ints(xs) }
