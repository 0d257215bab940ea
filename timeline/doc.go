// Package timeline holds the domain of the diplomatic-travel tracker: the
// records (people, trips, stops, meetings, goals, events, sources, claims,
// counters, regions) and the pure rules that give them meaning — how stops
// become trips, how counters number trips, how claims are checked, how URLs
// are made canonical and how an entry becomes a CSV row.
//
// It does no I/O and imports only the standard library, so every rule can be
// tested with table tests and reused by the store, the views and the
// commands alike.
package timeline
