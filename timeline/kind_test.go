package timeline

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"slices"
	"testing"
)

// Every constant of type Kind declared in kind.go is in the registry and
// in AllKinds, with its table (and its pages, if it has any): a kind added without them
// fails here.
func TestKindsRegistered(t *testing.T) {
	f, err := parser.ParseFile(gotoken.NewFileSet(), "kind.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != gotoken.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Kind" {
				continue
			}
			for i, name := range vs.Names {
				declared++
				lit := vs.Values[i].(*ast.BasicLit)
				k := Kind(lit.Value[1 : len(lit.Value)-1])
				info, ok := Kinds[k]
				if !ok || info.Table == "" {
					t.Errorf("%s (%q) has no registry entry with its table: %+v", name.Name, k, info)
				}
				if (info.Citable || info.SoftDelete || info.Versions || info.Drafts) && info.Path == "" {
					t.Errorf("%s is shown, deleted, restored or published but has no pages", name.Name)
				}
				if !slices.Contains(AllKinds, k) {
					t.Errorf("%s is not in AllKinds", name.Name)
				}
				if info.Citable != (info.Label != "") {
					t.Errorf("%s: a citable kind needs the SQL of its label, and only a citable one has it", name.Name)
				}
			}
		}
	}
	if declared != len(Kinds) || declared != len(AllKinds) {
		t.Errorf("%d kinds declared, %d registered, %d in AllKinds", declared, len(Kinds), len(AllKinds))
	}
}
