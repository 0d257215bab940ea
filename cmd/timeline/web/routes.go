package web

import (
	"net/http"

	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views/export"
)

// route is one entry of the route table.
type route struct {
	pattern string // a ServeMux pattern: "GET /trips/{id}"
	handler http.HandlerFunc
}

// routeTable lists every route, in three parts: the public site, the
// curators' routes (each behind a.curator, so a visitor without a session
// is sent to the login form or refused) and the admins' (behind a.admin).
// It is a table rather than calls on the mux so that tests can walk it:
// every write route must refuse cross-site requests and logged-out
// visitors. Each handler is in the file of its resource: event.go serves
// /events/..., trip.go /trips/..., and so on (README, "Where things are").
func (a *Server) routeTable() []route {
	return []route{
		{"GET /{$}", a.serve(a.timelinePage)},
		{"GET /timeline.csv", a.serve(a.stream("text/csv; charset=utf-8", "timeline.csv", export.CSV))},
		{"GET /timeline.json", a.serve(a.stream("application/json; charset=utf-8", "timeline.json", export.JSON))},
		{"GET /timelinejs.json", a.serve(a.stream("application/json; charset=utf-8", "timelinejs.json", export.TimelineJS))},
		{"GET /timeline.ics", a.serve(a.stream("text/calendar; charset=utf-8", "timeline.ics", export.ICS))},
		{"GET /export.zip", a.serve(a.stream("application/zip", "timeline-bundle.zip", export.Bundle))},
		{"GET /feed.atom", a.serve(a.stream("application/atom+xml; charset=utf-8", "feed.atom", export.Atom))},
		{"GET /trips/{id}", a.serve(a.tripPage)},
		{"GET /meetings/{id}", a.serve(a.meetingRedirect)},
		{"GET /stops/{id}", a.serve(a.factRedirect(timeline.KindStop))},
		{"GET /goals/{id}", a.serve(a.factRedirect(timeline.KindGoal))},
		{"GET /quotes/{id}", a.serve(a.factRedirect(timeline.KindQuote))},
		{"GET /claims", a.serve(a.claimsPage)},
		{"GET /charts", a.serve(a.chartsPage)},
		{"GET /claims/{id}", a.serve(a.factRedirect(timeline.KindClaim))},
		{"GET /people/{slug}", a.serve(a.personPage)},
		{"GET /countries/{code}", a.serve(a.countryPage)},
		{"GET /regions", a.serve(a.regionsPage)},
		{"GET /regions/{code}", a.serve(a.regionPage)},
		{"GET /events/{id}", a.serve(a.eventPage)},
		{"GET /sources/{id}", a.serve(withRecord(a.sourceOf, a.sourcePage))},
		{"GET /counters/{id}", a.serve(a.counterPage)},
		{"GET /about", a.serve(a.aboutPage)},
		{"GET /healthz", a.healthz},
		{"GET /static/", staticHandler().ServeHTTP},
		{"GET /login", a.serve(a.loginForm)},
		{"POST /login", a.serve(a.login)},
		{"POST /logout", a.serve(a.logout)},

		// Curators.
		{"GET /curate", a.curator(a.curatePage)},
		{"GET /curate/resume", a.curator(a.resumePage)},
		{"GET /curate/conflicts", a.curator(a.conflictsPage)},
		{"GET /curate/article", a.curator(a.articleForm)},
		{"POST /curate/article", a.curator(a.readArticle)},
		{"POST /curate/article/confirm", a.curator(a.confirmArticle)},
		{"POST /curate/conflicts/{id}/take", a.curator(a.act("stop", a.store.TakeRecordVersion, func(int64) string { return "/curate/conflicts" },
			"The stop now has the Office of the Historian's version; the trip's history keeps the one before."))},
		{"POST /curate/conflicts/{id}/keep", a.curator(a.act("stop", a.store.KeepOurVersion, func(int64) string { return "/curate/conflicts" },
			"Kept as this record has it; the Office of the Historian's version stays shown beside it."))},
		{"GET /curate/people.json", a.curator(a.peopleJSON)},
		{"GET /curate/checks", a.curator(a.checksPage)},
		{"GET /curate/trips/new", a.curator(a.newTripForm)},
		{"POST /curate/trips", a.curator(a.createTrip)},
		{"GET /trips/{id}/edit", a.curator(withRecord(a.curatorTripOf, a.editTripForm))},
		{"POST /trips/{id}/edit", a.curator(a.updateTrip)},
		{"GET /trips/{id}/publish", a.curator(withRecord(a.curatorTripOf, a.publishTripPage))},
		{"POST /trips/{id}/publish", a.curator(a.setTripStatus(timeline.Published))},
		{"POST /trips/{id}/publish-all", a.curator(a.publishTripWhole)},
		{"POST /trips/{id}/unpublish", a.curator(a.setTripStatus(timeline.Draft))},
		{"POST /trips/{id}/delete", a.curator(a.deleteTrip)},
		{"POST /trips/{id}/restore", a.curator(a.act("trip", a.store.RestoreTrip, pathOf(timeline.KindTrip), "Trip restored."))},
		{"GET /trips/{id}/history", a.curator(withRecord(a.curatorTripOf, a.tripHistory))},
		{"POST /trips/{id}/revisions/{rev}/restore", a.curator(a.restoreTripRevision)},
		{"GET /trips/{id}/meetings/new", a.curator(a.newMeetingForm)},
		{"POST /trips/{id}/meetings", a.curator(a.createMeeting)},
		{"POST /meetings/{id}/publish", a.curator(a.publish(timeline.KindMeeting))},
		{"GET /curate/events/new", a.curator(a.blank(newEventPage, eventForm{}.fields()))},
		{"POST /curate/events", a.curator(posted(a.createEvent))},
		{"POST /events/{id}/publish", a.curator(a.publish(timeline.KindEvent))},
		{"GET /trips/{id}/goals/new", a.curator(withRecord(a.tripOf, a.newGoalForm))},
		{"POST /trips/{id}/goals", a.curator(withRecord(a.tripOf, withForm(a.createGoal)))},
		{"GET /trips/{id}/claims/new", a.curator(withRecord(a.tripOf, a.newClaimForm))},
		{"POST /trips/{id}/claims", a.curator(withRecord(a.tripOf, withForm(a.createClaim)))},
		{"GET /curate/counters/new", a.curator(a.newCounterForm)},
		{"POST /curate/counters", a.curator(posted(a.createCounter))},
		{"GET /trips/{id}/quotes/new", a.curator(withRecord(a.tripOf, a.newQuoteForm))},
		{"POST /trips/{id}/quotes", a.curator(withRecord(a.tripOf, withForm(a.createQuote)))},
		{"GET /curate/people/new", a.curator(a.blank(newPersonPage, personForm{}.fields(false)))},
		{"POST /curate/people", a.curator(posted(a.createPerson))},
		{"GET /curate/regions/new", a.curator(a.blank(newRegionPage, regionForm{}.fields(false)))},
		{"POST /curate/regions", a.curator(posted(a.createRegion))},
		{"GET /events/{id}/edit", a.curator(withRecord(a.eventOf, a.editEventForm))},
		{"POST /events/{id}/edit", a.curator(withRecord(a.eventOf, withForm(a.updateEvent)))},
		{"GET /meetings/{id}/participants", a.curator(a.editParticipantsForm)},
		{"POST /meetings/{id}/participants", a.curator(a.updateParticipants)},
		{"GET /meetings/{id}/edit", a.curator(withRecord(a.meetingOf, a.editMeetingForm))},
		{"POST /meetings/{id}/edit", a.curator(withRecord(a.meetingOf, withForm(a.updateMeeting)))},
		{"GET /goals/{id}/edit", a.curator(withRecord(a.goalOf, a.editGoalForm))},
		{"POST /goals/{id}/edit", a.curator(withRecord(a.goalOf, withForm(a.updateGoal)))},
		{"GET /claims/{id}/edit", a.curator(withRecord(a.claimOf, a.editClaimForm))},
		{"POST /claims/{id}/edit", a.curator(withRecord(a.claimOf, withForm(a.updateClaim)))},
		{"GET /counters/{id}/edit", a.curator(withRecord(a.counterOf, a.editCounterForm))},
		{"POST /counters/{id}/edit", a.curator(withRecord(a.counterOf, withForm(a.updateCounter)))},
		{"GET /quotes/{id}/edit", a.curator(withRecord(a.quoteOf, a.editQuoteForm))},
		{"POST /quotes/{id}/edit", a.curator(withRecord(a.quoteOf, withForm(a.updateQuote)))},
		{"GET /people/{slug}/edit", a.curator(withRecord(a.personOf, a.editPersonForm))},
		{"POST /people/{slug}/edit", a.curator(withRecord(a.personOf, withForm(a.updatePerson)))},
		{"GET /people/{slug}/offices/new", a.curator(withRecord(a.personOf, a.newOfficeForm))},
		{"POST /people/{slug}/offices", a.curator(withRecord(a.personOf, withForm(a.createOffice)))},
		{"GET /people/{slug}/merge", a.curator(a.personFormPage(a.mergeForm))},
		{"POST /people/{slug}/merge", a.curator(a.mergePerson)},
		{"GET /people/{slug}/split", a.curator(a.personFormPage(a.splitForm))},
		{"POST /people/{slug}/split", a.curator(a.splitPerson)},
		{"GET /curate/people/merges", a.curator(a.mergesPage)},
		{"POST /curate/merges/{id}/undo", a.curator(a.act("merge", a.store.UndoPersonMerge, func(int64) string { return "/curate/people/merges" },
			"Undone: each person has again exactly what they had before."))},
		{"POST /people/{slug}/delete", a.curator(a.setPersonDeleted(true))},
		{"POST /people/{slug}/restore", a.curator(a.setPersonDeleted(false))},
		{"POST /regions/{code}/delete", a.curator(a.setRegionDeleted(true))},
		{"POST /regions/{code}/restore", a.curator(a.setRegionDeleted(false))},
		{"GET /regions/{code}/edit", a.curator(a.editRegionForm)},
		{"POST /regions/{code}/edit", a.curator(posted(a.updateRegion))},
		{"GET /sources/{id}/merge", a.curator(withRecord(a.sourceOf, a.sourceMergeFormPage))},
		{"POST /sources/{id}/merge", a.curator(withRecord(a.sourceOf, withForm(a.mergeSource)))},
		{"POST /sources/{id}/unmerge", a.curator(a.act("source", a.store.UndoSourceMerge, pathOf(timeline.KindSource), "Merge undone: the source and its citations are back."))},
		{"GET /sources/{id}/edit", a.curator(withRecord(a.sourceOf, a.editSourceForm))},
		{"POST /sources/{id}/edit", a.curator(withRecord(a.sourceOf, withForm(a.updateSource)))},
		{"GET /history/{kind}/{id}", a.curator(a.history)},
		{"POST /history/{kind}/{id}/revisions/{rev}/restore", a.curator(a.restoreVersion)},
		{"POST /history/revisions/{rev}/undo", a.curator(a.undoChange)},
		{"POST /meetings/{id}/delete", a.curator(a.setDeleted(timeline.KindMeeting, true))},
		{"POST /meetings/{id}/restore", a.curator(a.setDeleted(timeline.KindMeeting, false))},
		{"POST /events/{id}/delete", a.curator(a.setDeleted(timeline.KindEvent, true))},
		{"POST /events/{id}/restore", a.curator(a.setDeleted(timeline.KindEvent, false))},
		{"POST /sources/{id}/delete", a.curator(a.setDeleted(timeline.KindSource, true))},
		{"POST /sources/{id}/restore", a.curator(a.setDeleted(timeline.KindSource, false))},
		{"POST /counters/{id}/delete", a.curator(a.setDeleted(timeline.KindCounter, true))},
		{"POST /counters/{id}/restore", a.curator(a.setDeleted(timeline.KindCounter, false))},
		{"POST /goals/{id}/publish", a.curator(a.publish(timeline.KindGoal))},
		{"POST /quotes/{id}/publish", a.curator(a.publish(timeline.KindQuote))},
		{"POST /claims/{id}/publish", a.curator(a.publish(timeline.KindClaim))},
		{"POST /counters/{id}/publish", a.curator(a.publish(timeline.KindCounter))},
		{"POST /goals/{id}/delete", a.curator(a.setDeleted(timeline.KindGoal, true))},
		{"POST /goals/{id}/restore", a.curator(a.setDeleted(timeline.KindGoal, false))},
		{"POST /quotes/{id}/delete", a.curator(a.setDeleted(timeline.KindQuote, true))},
		{"POST /quotes/{id}/restore", a.curator(a.setDeleted(timeline.KindQuote, false))},
		{"POST /claims/{id}/delete", a.curator(a.setDeleted(timeline.KindClaim, true))},
		{"POST /claims/{id}/restore", a.curator(a.setDeleted(timeline.KindClaim, false))},
		{"GET /citations/{id}/edit", a.curator(withRecord(a.citationOf, a.editCitationForm))},
		{"POST /citations/{id}/edit", a.curator(withRecord(a.citationOf, withForm(a.updateCitation)))},
		{"POST /citations/{id}/remove", a.curator(withRecord(a.citationOf, a.removeCitation))},
		{"POST /citations/{id}/restore", a.curator(a.restoreCitation)},
		{"GET /trips/{id}/cite", a.curator(a.tripCitePage)},
		{"POST /trips/{id}/cite", a.curator(a.tripCite)},
		{"GET /cite", a.curator(a.citePage)},
		{"POST /cite", a.curator(a.cite)},

		// Admins.
		{"GET /admin/users", a.admin(a.accountsPage)},
		{"POST /admin/users", a.admin(a.createAccount)},
		{"POST /admin/users/{name}/disable", a.admin(a.setAccountDisabled(true))},
		{"POST /admin/users/{name}/enable", a.admin(a.setAccountDisabled(false))},
		{"POST /admin/users/{name}/role", a.admin(a.setAccountRole)},
		{"POST /admin/users/{name}/password", a.admin(a.resetAccountPassword)},
		{"GET " + importPath, a.admin(a.importForm)},
		{"POST " + importPath, a.admin(a.importDryRun)},
		{"POST " + importPath + "/apply", a.admin(a.importApply)},
		{"POST " + importPath + "/bundle", a.admin(a.importBundleDryRun)},
	}
}

// routes is the whole handler: the route table behind the middleware.
func (a *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range a.routeTable() {
		mux.HandleFunc(rt.pattern, rt.handler)
	}
	mux.HandleFunc("/", a.serve(a.notFound))

	// Cross-site requests that change state are refused by the browser's
	// own Sec-Fetch-Site and Origin headers, before any handler runs.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.serveError(w, r, timeline.Errorf(timeline.EForbidden,
			"This request came from another site, so it was refused and nothing was changed. Use the forms on this site."))
	}))
	// Cheap refusals first; bodies are read whole, under a deadline, before
	// a request may wait for a write slot.
	return a.recoverer(securityHeaders(a.refuseControls(a.perClient(cop.Handler(a.withUser(a.readBodies(limitWriters(mux))))))))
}
