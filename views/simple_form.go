package views

import (
	"net/url"
	"slices"
	"strings"
)

// FormField is one field of a SimpleForm.
type FormField struct {
	Name    string
	Label   string
	Type    string // text, date, number, textarea, select, url
	Value   string
	Options []Option // for select (Selected is set from Value) and checkboxes
	// Values are the ticked options of a checkboxes field.
	Values []string
	Help   string
	Error  string
	// Theirs is the value another curator saved since the form was read,
	// when it conflicts with the value in the field; TheirsBy is who.
	Theirs   *string
	TheirsBy string
}

// TheirsLabel is the conflicting value as the field shows it: a picker's
// option by its label.
func (fd FormField) TheirsLabel() string {
	if fd.Theirs == nil {
		return ""
	}
	for _, o := range fd.Options {
		if o.Value == *fd.Theirs {
			return o.Label
		}
	}
	return *fd.Theirs
}

// YoursLabel is the field's value as TheirsLabel shows theirs.
func (fd FormField) YoursLabel() string {
	v := fd.Value
	return FormField{Options: fd.Options, Theirs: &v}.TheirsLabel()
}

// SimpleForm is a form of plain fields, for the records whose form is a
// list of values (events, goals, claims, counters). It re-renders with the
// curator's input and a message beside each field.
type SimpleForm struct {
	Site
	Heading string
	Intro   string
	Back    string // the page to return to on cancel
	Action  string
	Submit  string
	Fields  []FormField
	// Failed says the form came back with errors.
	Failed bool
	// Remove, when set, is a button after the form that removes the
	// record (it asks first).
	Remove *RemoveAction
	// Similar are records on record the new one may repeat (Value is the
	// path, Label what it is): the form asks before saving a second.
	Similar []Option
}

// RemoveAction is a button that posts to Action.
type RemoveAction struct {
	Action, Label string
}

// ConfirmPage asks before a deletion, naming what still uses the record,
// and posts the same request again with confirm=yes.
type ConfirmPage struct {
	Site
	Question string
	// Linked lists what still uses the record ("7 facts cite it").
	Linked []string
	Action string
	Back   string
	Submit string
}

// Set fills each field's value from vals and its message from errs.
func (f *SimpleForm) Set(vals func(string) string, errs map[string]string) {
	for i := range f.Fields {
		fd := &f.Fields[i]
		if vals != nil {
			fd.Value = vals(fd.Name)
		}
		if m, ok := errs[fd.Name]; ok {
			fd.Error = m
			f.Failed = true
		}
	}
	if len(errs) > 0 {
		f.Failed = true
	}
}

func contains(xs []string, s string) bool { return slices.Contains(xs, s) }

func orEmpty(v string) string {
	if v == "" {
		return "(empty)"
	}
	return v
}

func byWhom(actor string) string {
	if actor == "" {
		return ""
	}
	return " (saved by " + actor + ")"
}

// showResumed says whether a kept form's field is worth showing: its
// version and base are the form's own bookkeeping.
func showResumed(name string) bool { return name != "version" && name != "base" && name != "op" }

// loginPath is the login form that returns to the page at path afterwards
// (the login page itself returns nowhere new).
func loginPath(path string) string {
	if path == "" || path == "/" || strings.HasPrefix(path, "/login") {
		return "/login"
	}
	return "/login?next=" + url.QueryEscape(path)
}
