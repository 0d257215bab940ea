// Package views renders the site's pages with templ. Each page takes a view
// model shaped like the screen (plain values from the timeline package);
// views never query: cmd/timeline gathers the values and passes them in.
package views
