package views

import "slices"

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
