// Package static holds the site's stylesheet and icons, embedded into the
// binary so that a single file serves the whole site.
package static

import "embed"

// FS holds the files served under /static/.
//
//go:embed *.css *.svg *.js
var FS embed.FS
