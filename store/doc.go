// Package store keeps the record in one SQLite file: the schema migrations
// (embedded .sql files), the queries, the transactions and the revision
// written with every change.
//
// Exported methods own their transaction; unexported helpers take a *tx so
// that several steps share one transaction and a change and its revision
// are committed together or not at all.
package store
