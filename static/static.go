// Package static holds the site's stylesheet, icons, script and map shapes
// (world.json, see world.md), embedded into the binary so that a single
// file serves the whole site.
package static

import "embed"

// FS holds the files served under /static/.
//
//go:embed *.css *.svg *.js *.json
var FS embed.FS
