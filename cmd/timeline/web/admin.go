package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

const accountsPath = "/admin/users"

// accounts builds the list page. It reads the accounts before building the
// frame, which takes the session's flashes: a request that ends in an
// error page consumes none.
func (a *Server) accounts(w http.ResponseWriter, r *http.Request) (views.AccountsPage, error) {
	users, err := a.store.Users(r.Context())
	if err != nil {
		return views.AccountsPage{}, err
	}
	me := userOf(r)
	p := views.AccountsPage{New: views.NewAccountForm{Role: store.RoleCurator}}
	for _, u := range users {
		p.Accounts = append(p.Accounts, views.AccountRow{
			Name: u.Name, Role: u.Role, Disabled: u.Disabled, CreatedAt: u.CreatedAt, Self: u.ID == me.ID,
		})
	}
	p.Site = a.site(w, r, "Accounts")
	// A form answered in place shows the list's own address, not the
	// action's.
	p.Site.Path, p.Site.Canonical = accountsPath, accountsPath
	return p, nil
}

// accountsPage serves GET /admin/users.
func (a *Server) accountsPage(w http.ResponseWriter, r *http.Request) error {
	p, err := a.accounts(w, r)
	if err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.Accounts(p))
}

// accountNameError is the message for a new account's name, "" when it is
// acceptable: the store's rule, and a first letter or digit, so that the
// name is a usable path segment ("." and ".." are not).
func accountNameError(name string) string {
	if name == "" {
		return "Enter a name for the account."
	}
	if err := store.ValidateUserName(name); err != nil {
		return timeline.ErrorMessage(err)
	}
	if c := name[0]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
		return "An account name starts with a letter or a digit."
	}
	return ""
}

// checkNewPassword adds the messages for a new password typed twice.
func checkNewPassword(fe timeline.FieldErrors, pw, pw2 string) {
	if err := store.ValidatePassword(pw); err != nil {
		fe.Add("password", timeline.ErrorMessage(err))
	}
	if pw2 != pw {
		fe.Add("password2", "The two passwords differ: type the same password twice.")
	}
}

func roleLabel(role string) string {
	if role == store.RoleAdmin {
		return "an admin"
	}
	return "a curator"
}

// createAccount serves POST /admin/users: every field is checked at once;
// a refused form comes back with status 422, the name and role kept (never
// the password) and each message beside its field.
func (a *Server) createAccount(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	pf := r.PostForm
	f := views.NewAccountForm{Name: strings.TrimSpace(pf.Get("name")), Role: pf.Get("role")}
	pw, pw2 := pf.Get("password"), pf.Get("password2")
	fe := timeline.FieldErrors{}
	if msg := accountNameError(f.Name); msg != "" {
		fe.Add("name", msg)
	}
	if f.Role != store.RoleCurator && f.Role != store.RoleAdmin {
		fe.Add("role", "Choose the role: curator or admin.")
	}
	checkNewPassword(fe, pw, pw2)
	if len(fe) == 0 {
		_, err := a.store.CreateUser(r.Context(), actor(r), f.Name, f.Role, pw)
		switch code := timeline.ErrorCode(err); {
		case err == nil:
			return a.redirectWithFlash(w, r, accountsPath,
				fmt.Sprintf("Account %s added as %s: it can log in now.", f.Name, roleLabel(f.Role)))
		case code == timeline.EConflict:
			fe.Add("name", fmt.Sprintf("An account named %s already exists: choose another name.", f.Name))
		case code == timeline.EInvalid:
			fe.Merge(err)
			if len(fe) == 0 {
				fe.Add("name", timeline.ErrorMessage(err))
			}
		default:
			return err
		}
	}
	p, err := a.accounts(w, r)
	if err != nil {
		return err
	}
	f.Errors = fe
	p.New = f
	return render(w, r, http.StatusUnprocessableEntity, views.Accounts(p))
}

// refuseRow answers a refused action on an account with the list, status
// status and the messages beside the account's row; nothing was changed.
func (a *Server) refuseRow(w http.ResponseWriter, r *http.Request, status int, name string, fe map[string]string) error {
	p, err := a.accounts(w, r)
	if err != nil {
		return err
	}
	found := false
	for i := range p.Accounts {
		if p.Accounts[i].Name == name {
			p.Accounts[i].Errors, found = fe, true
		}
	}
	if !found {
		return timeline.Errorf(timeline.ENotFound, "There is no account named %q.", timeline.Clip(name))
	}
	return render(w, r, status, views.Accounts(p))
}

// rowRefusal turns a store error on an account's action into the list with
// the message beside field, for the refusals an admin can correct; other
// errors go to the error page.
func (a *Server) rowRefusal(w http.ResponseWriter, r *http.Request, name, field string, err error) error {
	switch timeline.ErrorCode(err) {
	case timeline.EConflict:
		return a.refuseRow(w, r, http.StatusConflict, name, map[string]string{field: timeline.ErrorMessage(err)})
	case timeline.EInvalid:
		return a.refuseRow(w, r, http.StatusUnprocessableEntity, name, map[string]string{field: timeline.ErrorMessage(err)})
	}
	return err
}

// setAccountDisabled serves POST /admin/users/{name}/disable and /enable.
// An admin cannot disable their own account, so an admin always remains;
// the store checks it in the transaction of the change.
func (a *Server) setAccountDisabled(disabled bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		name := r.PathValue("name")
		if err := a.store.AdminSetDisabled(r.Context(), actor(r), name, disabled); err != nil {
			return a.rowRefusal(w, r, name, "disabled", err)
		}
		msg := fmt.Sprintf("Account %s enabled: it can log in again.", name)
		if disabled {
			msg = fmt.Sprintf("Account %s disabled: its sessions have ended and it cannot log in.", name)
		}
		return a.redirectWithFlash(w, r, accountsPath, msg)
	}
}

// setAccountRole serves POST /admin/users/{name}/role. An admin cannot
// demote their own account.
func (a *Server) setAccountRole(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	name, role := r.PathValue("name"), r.PostForm.Get("role")
	if role != store.RoleCurator && role != store.RoleAdmin {
		return a.refuseRow(w, r, http.StatusUnprocessableEntity, name, map[string]string{"role": "Choose the role: curator or admin."})
	}
	if err := a.store.AdminSetRole(r.Context(), actor(r), name, role); err != nil {
		return a.rowRefusal(w, r, name, "role", err)
	}
	return a.redirectWithFlash(w, r, accountsPath, fmt.Sprintf("Account %s is now %s.", name, roleLabel(role)))
}

// resetAccountPassword serves POST /admin/users/{name}/password: a new
// password typed twice. SetPassword ends every session of the account.
func (a *Server) resetAccountPassword(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	name := r.PathValue("name")
	pw, pw2 := r.PostForm.Get("password"), r.PostForm.Get("password2")
	fe := timeline.FieldErrors{}
	checkNewPassword(fe, pw, pw2)
	if len(fe) > 0 {
		return a.refuseRow(w, r, http.StatusUnprocessableEntity, name, fe)
	}
	if err := a.store.SetPassword(r.Context(), actor(r), name, pw); err != nil {
		return a.rowRefusal(w, r, name, "password", err)
	}
	if name == userOf(r).Name {
		// The admin's own session row is gone with the others; saving it
		// again (for a flash) would bring it back, so the cookie is
		// expired instead and the admin logs in with the new password.
		if err := a.expireSession(w, r); err != nil {
			return err
		}
		http.Redirect(w, r, "/login?"+url.Values{"next": {accountsPath}}.Encode(), http.StatusSeeOther)
		return nil
	}
	return a.redirectWithFlash(w, r, accountsPath, fmt.Sprintf("The password of %s was reset: its sessions have ended.", name))
}
