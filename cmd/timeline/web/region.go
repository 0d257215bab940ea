package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/timeline"
	"github.com/diplomatic-travel/tracker/views"
)

// Regions: the list and a region's page, the form (create and edit),
// delete and restore. The built-in regions (the State Department's
// bureaus) are read only.

// regionForm is the region form as typed. The code is the region's public
// id, so an edit keeps it.
type regionForm struct {
	Code    string `form:"code"`
	Name    string `form:"name"`
	Members string `form:"members"` // countries by name or code
	Notes   string `form:"notes"`
	edited
}

func (a *Server) regionFormOf(rg *timeline.Region) regionForm {
	names := make([]string, len(rg.Members))
	for i, m := range rg.Members {
		names[i] = a.store.Countries().Name(m)
	}
	return regionForm{Code: rg.Code, Name: rg.Name, Members: strings.Join(names, ", "), Notes: rg.Notes}
}

func (f regionForm) fields(edit bool) []views.FormField {
	fields := []views.FormField{
		{Name: "name", Label: "Name", Type: "text", Value: f.Name},
		{Name: "members", Label: "Countries (names or codes, separated by commas or lines)", Type: "textarea", Value: f.Members},
		{Name: "notes", Label: "Notes", Type: "textarea", Value: f.Notes},
	}
	if edit {
		return f.withMeta(fields)
	}
	return append([]views.FormField{{Name: "code", Label: "Code", Type: "text", Value: f.Code, Help: "Capital letters, such as GULF."}}, fields...)
}

// region turns the form into a region, naming every unknown member.
func (a *Server) region(f regionForm, fe timeline.FieldErrors) *timeline.Region {
	rg := &timeline.Region{Code: f.Code, Name: f.Name, Notes: f.Notes}
	var unknown []string
	seen := map[string]bool{}
	for _, m := range strings.FieldsFunc(f.Members, func(c rune) bool { return c == ',' || c == '\n' || c == ';' }) {
		if m = strings.TrimSpace(m); m == "" {
			continue
		}
		code, ok := a.store.Countries().Resolve(m)
		if !ok {
			unknown = append(unknown, m)
			continue
		}
		if !seen[code] {
			seen[code] = true
			rg.Members = append(rg.Members, code)
		}
	}
	if len(unknown) > 0 {
		fe.Add("members", "Unknown countries: "+strings.Join(unknown, ", ")+".")
	}
	return rg
}

var newRegionPage = formPage{Title: "New region", Heading: "New region", Back: "/regions", Action: "/curate/regions", Submit: "Save region",
	Intro: "A named set of countries, for counters and filters, such as the Gulf states."}

func editRegionPage(code string) formPage {
	return editPage("Edit region "+code, "/regions/"+code, "/regions/"+code)
}

// regionsPage serves GET /regions.
func (a *Server) regionsPage(w http.ResponseWriter, r *http.Request) error {
	regions, err := a.store.Regions(r.Context())
	if err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.Regions(views.RegionsPage{
		Site:    a.site(w, r, "Regions"),
		Regions: regions,
	}))
}

func (a *Server) createRegion(w http.ResponseWriter, r *http.Request, f regionForm, fe timeline.FieldErrors) error {
	rg := a.region(f, fe)
	return a.submit(w, r, fe, save{field: "code", flash: "Region saved.",
		run:   func(ctx context.Context, by store.Actor) error { return a.store.CreateRegion(ctx, by, rg) },
		to:    func() string { return "/regions/" + rg.Code },
		again: func() error { return a.showForm(w, r, newRegionPage, f.fields(false), fe) }})
}

func (a *Server) editRegionForm(w http.ResponseWriter, r *http.Request) error {
	rg, err := a.store.Region(r.Context(), pathCode(r))
	if err != nil {
		return err
	}
	if rg.Builtin {
		return timeline.Errorf(timeline.EForbidden, "The built-in regions are the State Department's bureaus and are not edited; define a region of your own.")
	}
	f := a.regionFormOf(rg)
	if err := a.stamp(r, timeline.KindRegion, 0, &f); err != nil {
		return err
	}
	return a.showForm(w, r, editRegionPage(rg.Code), f.fields(true), nil)
}

func (a *Server) updateRegion(w http.ResponseWriter, r *http.Request, f regionForm, fe timeline.FieldErrors) error {
	f.Code = pathCode(r)
	current, err := a.store.Region(r.Context(), f.Code)
	if err != nil {
		return err
	}
	r, err = a.reconcile(r, timeline.KindRegion, 0, &f, ptr(a.regionFormOf(current)), fe)
	if err != nil {
		return err
	}
	rg := a.region(f, fe)
	return a.submit(w, r, fe, save{field: "name", flash: f.saved("Region saved; its counters and filters use the new members."),
		run:   func(ctx context.Context, by store.Actor) error { return a.store.UpdateRegion(ctx, by, rg, f.Reason) },
		to:    func() string { return "/regions/" + rg.Code },
		again: func() error { return a.showForm(w, r, editRegionPage(rg.Code), f.fields(true), fe) }})
}

// setRegionDeleted deletes or restores a curator's region.
func (a *Server) setRegionDeleted(deleted bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		code := pathCode(r)
		if deleted {
			if rg, err := a.store.Region(r.Context(), code); err == nil && rg.Builtin {
				return timeline.Errorf(timeline.EForbidden, "The built-in regions are the State Department's bureaus and are not deleted.")
			}
			uses := func(ctx context.Context) ([]string, error) { return a.store.RegionUses(ctx, code) }
			if ok, err := a.confirm(w, r, "Delete", "the region "+code, "/regions/"+code, uses); !ok || err != nil {
				return err
			}
		}
		if err := a.store.SetRegionDeleted(r.Context(), actor(r), code, deleted); err != nil {
			return err
		}
		if deleted {
			return a.redirectWithUndo(w, r, "/curate", "Region "+code+" deleted. It is kept: restore it from the list of deleted regions below.", "/regions/"+code+"/restore")
		}
		return a.redirectWithFlash(w, r, "/regions/"+code, "Region "+code+" restored.")
	}
}

// regionPage serves GET /regions/{code}.
func (a *Server) regionPage(w http.ResponseWriter, r *http.Request) error {
	code := pathCode(r)
	rg, err := a.store.Region(r.Context(), code)
	if err != nil {
		return err
	}
	names := a.store.Countries()
	sort.Slice(rg.Members, func(i, j int) bool { return names.Name(rg.Members[i]) < names.Name(rg.Members[j]) })
	page := views.RegionPage{
		Site:        a.site(w, r, rg.Name),
		Region:      *rg,
		Names:       names,
		TimelineURL: "/?" + url.Values{"region": {code}}.Encode(),
		Curator:     userOf(r) != nil,
	}
	if page.Figures, page.Charts, err = a.pagePictures(r.Context(), store.FigureScope{Region: code}, "region", timeline.Filter{Region: code}); err != nil {
		return err
	}
	return render(w, r, http.StatusOK, views.Region(page))
}
