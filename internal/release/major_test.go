package release

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMoveMajor moves a small repository to /v2: module line,
// requirements, replaces, imports, and the documents that name the path;
// not the changelog, test data, strings, or paths that only begin alike.
func TestMoveMajor(t *testing.T) {
	const old = "example.com/x/regions"
	files := map[string]string{
		"regions/go.mod": "module " + old + "\n\ngo 1.23\n",
		"use/go.mod":     "module example.com/use\n\n// keep this comment\nrequire (\n\t" + old + " v0.0.0\n\tother.example/y v1.0.0\n)\n\nreplace " + old + " => ../regions\n",
		"use/use.go": "// Package use imports " + old + ".\npackage use\n\nimport (\n\t\"fmt\"\n\n\t\"" + old + "\"\n)\n\n" +
			"const s = \"" + old + "\"\n\nvar _ = fmt.Sprint(regions.Version)\n",
		"README.md":              "go get " + old + "\n\nSee `go doc " + old + "`. Or " + old + ".\nThe schema: https://" + strings.Replace(old, "/regions", "/regions-json.schema.json", 1) + " and " + old + "extra.\n",
		"docs/using.md":          "The package " + old + "\nhas rules.\n",
		"CHANGELOG.md":           "Releases of " + old + ".\n",
		"use/testdata/x.md":      "fixture naming " + old + "\n",
		"regions/doc.go":         "// Package regions is module " + old + ".\npackage regions\n",
		"regions/data_string.go": "package regions\n\nconst Path = \"" + old + "\"\n",
	}
	root := t.TempDir()
	for name, body := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before, err := staleMentions(root, old)
	if err != nil {
		t.Fatal(err)
	}
	wantBefore := []string{"README.md:1", "README.md:3", "README.md:3", "docs/using.md:1", "regions/doc.go:1", "use/use.go:1"}
	if got := relative(root, before); !slices.Equal(got, wantBefore) {
		t.Errorf("before the move, the documents name the path at %v; want %v", got, wantBefore)
	}
	outs, err := MoveMajor(root, 2)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, o := range outs {
		rel, _ := filepath.Rel(root, o.Path)
		got[filepath.ToSlash(rel)] = string(o.Data)
	}
	const v2 = old + "/v2"
	want := map[string]string{
		"regions/go.mod": "module " + v2 + "\n\ngo 1.23\n",
		"use/go.mod":     "module example.com/use\n\n// keep this comment\nrequire (\n\t" + v2 + " v2.0.0-00010101000000-000000000000\n\tother.example/y v1.0.0\n)\n\nreplace " + v2 + " => ../regions\n",
		"use/use.go": "// Package use imports " + v2 + ".\npackage use\n\nimport (\n\t\"fmt\"\n\n\t\"" + v2 + "\"\n)\n\n" +
			"const s = \"" + old + "\"\n\nvar _ = fmt.Sprint(regions.Version)\n",
		"README.md":      "go get " + v2 + "\n\nSee `go doc " + v2 + "`. Or " + v2 + ".\nThe schema: https://" + strings.Replace(old, "/regions", "/regions-json.schema.json", 1) + " and " + old + "extra.\n",
		"docs/using.md":  "The package " + v2 + "\nhas rules.\n",
		"regions/doc.go": "// Package regions is module " + v2 + ".\npackage regions\n",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s after the move:\n%s\nwant:\n%s", name, got[name], w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("the move rewrote %s", name)
		}
	}
	for _, o := range outs {
		if err := os.WriteFile(o.Path, o.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if after, err := staleMentions(root, old); err != nil || len(after) > 0 {
		t.Errorf("after the move, documents still name %s: %v %v", old, after, err)
	}
	if _, err := MoveMajor(root, 2); err == nil {
		t.Error("a second move to /v2 was not refused")
	}
	if _, err := MoveMajor(root, 1); err == nil {
		t.Error("a move to major version 1 was not refused")
	}
}

func relative(root string, locs []string) []string {
	out := make([]string, len(locs))
	for i, l := range locs {
		rel, _ := filepath.Rel(root, l)
		out[i] = filepath.ToSlash(rel)
	}
	slices.Sort(out)
	return out
}

// staleMentions lists, as FILE:LINE, the user documents under root (as
// MoveMajor picks them) and Go comments that name the module path old.
func staleMentions(root, old string) ([]string, error) {
	var out []string
	err := walkFiles(root, func(path string, data []byte) error {
		if filepath.Base(path) == "go.mod" {
			return nil
		}
		for _, m := range mentions(data, old, "") {
			if strings.HasSuffix(path, ".go") && !inComment(data, m.start) {
				continue
			}
			out = append(out, fmt.Sprintf("%s:%d", path, 1+bytes.Count(data[:m.start], []byte("\n"))))
		}
		return nil
	})
	return out, err
}

// inComment reports whether offset off of Go source src is in a comment.
func inComment(src []byte, off int) bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return false
	}
	for _, g := range f.Comments {
		if fset.Position(g.Pos()).Offset <= off && off < fset.Position(g.End()).Offset {
			return true
		}
	}
	return false
}
