package web

import (
	"net/http"

	"github.com/diplomatic-travel/tracker/store"
	"github.com/diplomatic-travel/tracker/views"
)

// checksPage serves GET /curate/checks: what the data checks found.
func (a *Server) checksPage(w http.ResponseWriter, r *http.Request) error {
	findings, err := a.store.Check(r.Context())
	if err != nil {
		return err
	}
	p := views.ChecksPage{Site: a.site(w, r, "Data checks"), Total: len(findings)}
	for _, k := range store.CheckKinds {
		g := views.CheckGroup{Kind: k.Kind, About: k.About}
		for _, f := range findings {
			if f.Kind != k.Kind {
				continue
			}
			vf := views.Finding{Message: f.Message}
			for _, l := range f.Links {
				vf.Links = append(vf.Links, views.Link{Label: l.Label, Path: l.Path})
			}
			g.Findings = append(g.Findings, vf)
		}
		p.Groups = append(p.Groups, g)
	}
	return render(w, r, http.StatusOK, views.Checks(p))
}
