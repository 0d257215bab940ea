package web

import (
	"context"
	"fmt"
	"github.com/a-h/templ"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// The forms of the record kinds (events, goals, claims, counters, quotes,
// people, offices, regions, sources) share one shape, and each kind's file
// holds its own:
//
//   - a form struct, the form as typed: string fields tagged `form:"name"`;
//   - xxxFormOf(record), which fills it from a record (for an edit);
//   - fields(), its fields with their values, for views.SimpleFormPage;
//   - a method that turns it into a record, once, putting a message beside
//     each field that does not parse.
//
// Create and edit use the same struct and the same conversion; an edit only
// adds what edited holds: the reason, and the version it was read from
// (conflict.go). To add a field: one struct field, one line in xxxFormOf,
// one in fields, and its use in the conversion.

// formValues reads a posted form as a getter of trimmed values, for the
// forms that are not a record's (merge, split, citation).
func formValues(r *http.Request) (func(string) string, error) {
	if err := parseForm(r); err != nil {
		return nil, err
	}
	return func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }, nil
}

// readForm reads the posted form into a form struct by its fields' `form`
// tags, each value trimmed, and starts its list of messages.
func readForm[F any](r *http.Request) (F, timeline.FieldErrors, error) {
	var f F
	if err := parseForm(r); err != nil {
		return f, nil, err
	}
	v := reflect.ValueOf(&f).Elem()
	for _, sf := range reflect.VisibleFields(v.Type()) {
		if name := sf.Tag.Get("form"); name != "" {
			v.FieldByIndex(sf.Index).SetString(strings.TrimSpace(r.PostForm.Get(name)))
		}
	}
	return f, timeline.FieldErrors{}, nil
}

// formPage frames a form: the page's title and heading, what it says first,
// where it posts and where Cancel leads.
type formPage struct {
	Title, Heading, Intro, Action, Back, Submit string
	// Similar are the records the new one may repeat, offered before it
	// is saved.
	Similar []views.Option
}

// editPage frames the edit form of the record at path.
func editPage(heading, path, back string) formPage {
	return formPage{Title: heading, Heading: heading, Action: path + "/edit", Back: back, Submit: "Save changes"}
}

// showForm renders a form with its values and a message beside each field
// that has one: 200, or 422 when there are messages.
func (a *Server) showForm(w http.ResponseWriter, r *http.Request, p formPage, fields []views.FormField, fe timeline.FieldErrors) error {
	f := views.SimpleForm{Site: a.site(w, r, p.Title), Heading: p.Heading, Intro: p.Intro, Action: p.Action, Back: p.Back, Submit: p.Submit,
		Fields: fields, Similar: p.Similar}
	return renderForm(w, r, f, nil, fe)
}

// blank serves a new record's form, empty.
func (a *Server) blank(p formPage, fields []views.FormField) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error { return a.showForm(w, r, p, fields, nil) }
}

// act serves a POST that does one thing to the record of the path (of the
// kind what names), then goes to the page to(id) gives, with the flash.
func (a *Server) act(what string, do func(ctx context.Context, by store.Actor, id int64) error, to func(id int64) string, flash string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, what)
		if err != nil {
			return err
		}
		if err := do(r.Context(), actor(r), id); err != nil {
			return err
		}
		return a.redirectWithFlash(w, r, to(id), flash)
	}
}

// pathOf is the page of a record of kind by its id.
func pathOf(kind timeline.Kind) func(int64) string {
	return func(id int64) string { return timeline.RecordPath(kind, id) }
}

// renderForm renders a SimpleForm with the values vals gives (none when
// nil) and the messages of fe: 200, or 422 when there are messages.
func renderForm(w http.ResponseWriter, r *http.Request, f views.SimpleForm, vals func(string) string, fe timeline.FieldErrors) error {
	f.Set(vals, fe)
	status := http.StatusOK
	if len(fe) > 0 {
		status = http.StatusUnprocessableEntity
	}
	return render(w, r, status, views.SimpleFormPage(f))
}

// A save is what a form's POST does once the form has been read and turned
// into a record.
type save struct {
	// field is where a refusal that names no field is shown.
	field string
	run   func(ctx context.Context, by store.Actor) error
	// to is the page to go to once saved (a new record's id is known only
	// then), and flash what it says there.
	to    func() string
	flash string
	// again shows the form once more with its messages when the form or
	// the save is refused; the pickers it needs are loaded only then.
	again func() error
}

// submit runs a form's save when the form read cleanly, then redirects with
// the flash. The refusals a curator can fix (invalid or conflicting) are
// shown beside their fields; any other error is the error page.
func (a *Server) submit(w http.ResponseWriter, r *http.Request, fe timeline.FieldErrors, s save) error {
	if len(fe) == 0 {
		if err := userErrors(fe, s.run(r.Context(), actor(r)), s.field); err != nil {
			return err
		}
		if len(fe) == 0 {
			return a.redirectWithFlash(w, r, s.to(), s.flash)
		}
	}
	return s.again()
}

// userErrors moves the messages of an invalid or conflicting save into fe
// (under field when the error names none) so the form can show them; any
// other error is returned for the error page.
func userErrors(fe timeline.FieldErrors, err error, field string) error {
	switch timeline.ErrorCode(err) {
	case timeline.EInvalid, timeline.EConflict:
		if len(timeline.ErrorFields(err)) == 0 {
			fe.Add(field, timeline.ErrorMessage(err))
		}
		fe.Merge(err)
		return nil
	}
	return err
}

// dateField parses an optional date field into fe.
func dateField(fe timeline.FieldErrors, name, v string, required bool) timeline.Date {
	if v == "" {
		if required {
			fe.Add(name, "Enter a date.")
		}
		return timeline.Date{}
	}
	d, err := timeline.ParseDate(v)
	if err != nil {
		fe.Add(name, "Not a date: "+err.Error()+".")
	}
	return d
}

// intField parses an optional whole number; anything else is a message
// beside the field, never 0.
func intField(fe timeline.FieldErrors, name, v, msg string) int {
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		fe.Add(name, msg)
	}
	return n
}

// idField parses the id a picker posts; "" is none.
func idField(fe timeline.FieldErrors, name, v string) int64 {
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		fe.Add(name, "Choose one of the list.")
	}
	return id
}

// idText is an id as a picker's value; 0 is none.
func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// country resolves a typed country by the store's catalogue, whose message
// is the one every form and every save gives.
func (a *Server) country(fe timeline.FieldErrors, field, typed string) string {
	code, err := a.store.Countries().Code(field, typed)
	fe.Merge(err)
	return code
}

// person finds the person a person field names (a slug, or a name one
// person matches); "" is none. What it cannot resolve is said beside it.
func (a *Server) person(ctx context.Context, fe timeline.FieldErrors, field, typed string) int64 {
	slug, msg := a.resolvePerson(ctx, typed)
	if msg != "" {
		fe.Add(field, msg)
	}
	if slug == "" {
		return 0
	}
	p, err := a.store.PersonBySlug(ctx, slug, true)
	if err != nil {
		return 0
	}
	return p.ID
}

func options(pairs ...string) []views.Option {
	var out []views.Option
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, views.Option{Value: pairs[i], Label: pairs[i+1]})
	}
	return out
}

// renderWithPeople renders a form page with person fields: the page's
// frame and the fields' first options (the people of slugs, which the
// fields hold) are loaded only when the form is shown, and page builds it
// from them. The other people come as the curator types
// (people_search.go).
func (a *Server) renderWithPeople(w http.ResponseWriter, r *http.Request, title string, status int, slugs []string, page func(views.Site, []views.Option) templ.Component) error {
	people, err := a.personChoices(r.Context(), slugs...)
	if err != nil {
		return err
	}
	return render(w, r, status, page(a.site(w, r, title), people))
}

// stopLabel names a stop in a picker: "Qatar, Doha (3–4 March 2024)".
func (a *Server) stopLabel(s timeline.Stop) string {
	label := a.store.Countries().Name(s.Country)
	if s.Locality != "" {
		label += ", " + s.Locality
	}
	return label + " (" + timeline.FormatRange(s.Start, s.End) + ")"
}

// stopOptions are a trip's stops as a picker's options, after "Not at a
// stop".
func (a *Server) stopOptions(trip *timeline.Trip) []views.Option {
	out := []views.Option{{Value: "", Label: "Not at a stop"}}
	for _, s := range trip.Stops {
		out = append(out, views.Option{Value: strconv.FormatInt(s.ID, 10), Label: a.stopLabel(s)})
	}
	return out
}

// onTrip checks that a stop picked for a fact of a trip is one of its stops.
func onTrip(fe timeline.FieldErrors, trip *timeline.Trip, stop int64) {
	if stop == 0 {
		return
	}
	for _, s := range trip.Stops {
		if s.ID == stop {
			return
		}
	}
	fe.Add("stop", "That stop is not on this trip.")
}

// onTripDates refuses a fact of a trip (what: "meeting", "quote") dated
// outside the trip, or outside the stop it is said to be at, with the
// dates it should fall within beside its date field.
func (a *Server) onTripDates(fe timeline.FieldErrors, trip *timeline.Trip, stop int64, d timeline.Date, what string) {
	a.onTripDatesAt(fe, "date", trip, stop, d, what)
}

// onTripDatesAt is onTripDates with the message beside field.
func (a *Server) onTripDatesAt(fe timeline.FieldErrors, field string, trip *timeline.Trip, stop int64, d timeline.Date, what string) {
	if !d.Valid() || fe[field] != "" {
		return
	}
	for _, s := range trip.Stops {
		end := s.End
		if !end.Valid() {
			end = s.Start
		}
		if s.ID == stop && (d.Before(s.Start) || d.After(end)) {
			fe.Add(field, fmt.Sprintf("The stop in %s runs %s: a %s on %s is not at it. Correct the date, or choose another stop.",
				a.store.Countries().Name(s.Country), timeline.FormatRange(s.Start, end), what, d.Long()))
			return
		}
	}
	start, end := timeline.StopsSpan(trip.Stops)
	if start.Valid() && (d.Before(start) || d.After(end)) {
		fe.Add(field, fmt.Sprintf("The trip runs %s: a %s on %s is outside it. Correct the date, or the trip's dates first.",
			timeline.FormatRange(start, end), what, d.Long()))
	}
}

func reasonField(value string) views.FormField {
	return views.FormField{Name: "reason", Label: "Reason for the change (optional, kept in the history)", Type: "text", Value: value}
}

// withRecord serves a route of one record: load reads it from the request
// (a missing one is the error page) and fn serves it.
func withRecord[R any](load func(*http.Request) (R, error), fn func(http.ResponseWriter, *http.Request, R) error) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		rec, err := load(r)
		if err != nil {
			return err
		}
		return fn(w, r, rec)
	}
}

// withForm reads the posted form of type F for fn, which is given the
// record of the route and the form's list of messages.
func withForm[R, F any](fn func(http.ResponseWriter, *http.Request, R, F, timeline.FieldErrors) error) func(http.ResponseWriter, *http.Request, R) error {
	return func(w http.ResponseWriter, r *http.Request, rec R) error {
		f, fe, err := readForm[F](r)
		if err != nil {
			return err
		}
		return fn(w, r, rec, f, fe)
	}
}

// posted reads the posted form of type F for fn, with its list of
// messages: a new record's form.
func posted[F any](fn func(http.ResponseWriter, *http.Request, F, timeline.FieldErrors) error) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		f, fe, err := readForm[F](r)
		if err != nil {
			return err
		}
		return fn(w, r, f, fe)
	}
}

// byID reads the id of the path, of a record of kind, and loads the record.
func byID[R any](r *http.Request, kind timeline.Kind, load func(context.Context, int64) (R, error)) (R, error) {
	id, err := pathID(r, string(kind))
	if err != nil {
		var zero R
		return zero, err
	}
	return load(r.Context(), id)
}

// similarOptions are records a new one may repeat, as a form lists them.
func similarOptions(similar []store.Similar) []views.Option {
	out := make([]views.Option, len(similar))
	for i, s := range similar {
		out[i] = views.Option{Value: s.Path, Label: s.Label}
	}
	return out
}
