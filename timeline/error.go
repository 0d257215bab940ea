package timeline

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status in cmd/timeline; anything that is
// not an *Error is an internal error and is never shown to the user as is.
const (
	ENotFound     = "not_found"
	EInvalid      = "invalid"
	EConflict     = "conflict"
	EUnauthorized = "unauthorized"
	EForbidden    = "forbidden"
	ETooLarge     = "too_large"
	EFull         = "storage_full"
	// EBusy is a request refused for now, to keep the site up for
	// everyone: too much at once from one client, or in all. Try again.
	EBusy = "busy"
	// ETimeout is a request whose body did not arrive in time.
	ETimeout = "timeout"
	// EUnprocessable is well-formed input the server cannot take as it is
	// (a bundle with two files of one name).
	EUnprocessable = "unprocessable"
	EInternal      = "internal"
)

// Error is the one error type of the domain: a code that callers switch on
// and a message written for the person who made the request.
type Error struct {
	Code    string
	Message string
	// Field names the input at fault (a query parameter or form field), so a
	// form can put the message beside it and a 400 page can name it.
	Field string
	// Fields holds every field's message when a form had several faults;
	// Field and Message are then the first of them.
	Fields map[string]string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("timeline: %s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("timeline: %s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an invalid-input *Error that names its field.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: EInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, and
// EInternal for every other non-nil error.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-facing message of err, or a generic one for
// internal errors so that no implementation detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorField returns the field named by err, if any.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// FieldErrors collects per-field validation messages, so a form can show all
// of them at once instead of the first only.
type FieldErrors map[string]string

// Add records msg for field unless the field already has a message.
func (fe FieldErrors) Add(field, msg string) {
	if _, ok := fe[field]; !ok {
		fe[field] = msg
	}
}

// Merge adds the messages err has for fields (ErrorFields) to fe: the one
// way a form gathers the faults the store found with those it found itself.
func (fe FieldErrors) Merge(err error) {
	for k, m := range ErrorFields(err) {
		fe.Add(k, m)
	}
}

// Err returns nil when there are no messages, else an invalid *Error naming
// the first field in sorted order, so the result is deterministic.
func (fe FieldErrors) Err() error {
	if len(fe) == 0 {
		return nil
	}
	first := ""
	for f := range fe {
		if first == "" || f < first {
			first = f
		}
	}
	return &Error{Code: EInvalid, Field: first, Message: fe[first], Fields: fe}
}

// ErrorFields returns every field message of err: its Fields, or its one
// Field, or nothing.
func ErrorFields(err error) map[string]string {
	var e *Error
	if !errors.As(err, &e) {
		return nil
	}
	if len(e.Fields) > 0 {
		return e.Fields
	}
	if e.Field != "" {
		return map[string]string{e.Field: e.Message}
	}
	return nil
}
