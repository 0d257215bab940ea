// Package web is the site: its routes, handlers, middleware, sessions and
// limits. "timeline serve" builds it with New and runs ListenAndServe; the
// tests build it the same way and serve Handler on a loopback port.
//
// Where things are:
//
//   - routes.go: the one route table (public, curators', admins'), and
//     Handler, which puts it behind the middleware; tests walk the table.
//   - middleware.go: security headers, the write queue, panics, the
//     session's user and the curator and admin gates. limits.go: the caps
//     on what one client may hold (connections, heavy work, bodies,
//     exports). throttle.go: login attempts. sessions.go: the session
//     store in SQLite.
//   - errors.go: handlerFunc, the error page and its status by code.
//     respond.go: render, flashes, the page frame, path ids, parsing a form.
//   - form.go: the kit every record form shares (readForm, showForm,
//     submit, withRecord, withForm, posted, act, the pickers and fields).
//     conflict.go: the version every edit form carries and the merge of an
//     edit with a newer one (trip_conflict.go for a trip's stops).
//     people_search.go: person fields, typed and searched. resume.go: a
//     form posted after the session ended, kept through the login.
//     delete.go: asking before a deletion, and where it leads after.
//   - one file per resource, holding its page, form, create, edit, update
//     and publish: timeline.go (GET /), trip.go (/trips/...), meeting.go,
//     event.go, goal.go, quote.go, claim.go, counter.go, person.go (with
//     offices), people_identity.go (merge, split), region.go, source.go,
//     country.go, about.go, cite.go (/cite, /trips/{id}/cite),
//     citation.go (/citations/...), publish.go (a trip published whole),
//     import_conflicts.go (/curate/conflicts), claims.go (/claims),
//     charts.go (/charts and the figures of pages), checks.go
//     (/curate/checks), curate.go (/curate), admin.go (/admin/users),
//     uploads.go (/admin/import), auth.go (/login, /logout).
//   - fact.go: what every kind shares, from the registry of kinds
//     (timeline.Kinds): delete, restore, publish, history, restoring a
//     version, undoing a change, and the permalinks of facts shown on
//     their trip's page. diff.go: how a change is shown.
//   - exports.go: the export routes, spooled and sent in chunks; the
//     encoders are views/export's.
//   - cache.go: the one cache of values valid at a data version (facets,
//     figures, numberings, the filter form's lists, rendered pages).
package web
