package store

import (
	"strconv"
	"strings"
)

func strconvI(i int) string     { return strconv.Itoa(i) }
func strconvI64(i int64) string { return strconv.FormatInt(i, 10) }

func splitFields(s string) []string { return strings.Fields(s) }
