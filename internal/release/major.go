package release

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"

	"github.com/ossregions/ossregions/internal/table"
)

// MoveMajor returns the files of the repository at root rewritten to give
// the regions module major version n's path (/vN): go.mod lines, imports,
// Go comments and user documents. Strings, testdata, the changelog and the
// schemas' $id keep naming what they name.
func MoveMajor(root string, n int) ([]table.File, error) {
	if n < 2 {
		return nil, fmt.Errorf("-major %d: a module path gains /vN from version 2 on", n)
	}
	regionsMod := filepath.Join(root, "regions", "go.mod")
	data, err := os.ReadFile(regionsMod)
	if err != nil {
		return nil, err
	}
	old := modfile.ModulePath(data)
	if old == "" {
		return nil, fmt.Errorf("%s has no module line", regionsMod)
	}
	base, _, _ := module.SplitPathVersion(old)
	newPath := fmt.Sprintf("%s/v%d", base, n)
	if newPath == old {
		return nil, fmt.Errorf("%s says %s already", regionsMod, old)
	}
	// A pseudo-version older than any release: the replace lines supply the module.
	version := fmt.Sprintf("v%d.0.0-00010101000000-000000000000", n)
	var outs []table.File
	err = walkFiles(root, func(path string, src []byte) error {
		var moved []byte
		var err error
		switch {
		case filepath.Base(path) == "go.mod":
			moved, err = moveInGoMod(path, src, old, newPath, version)
		case strings.HasSuffix(path, ".go"):
			moved, err = moveInGo(path, src, old, newPath)
		default:
			moved = moveInText(src, old, newPath)
		}
		if moved != nil {
			outs = append(outs, table.File{Path: path, Data: moved})
		}
		return err
	})
	return outs, err
}

// walkFiles calls f, in lexical order, with each go.mod, Go file and user
// document under root, but not under .git or bin, and its bytes.
func walkFiles(root string, f func(path string, src []byte) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "bin") && path != root:
			return filepath.SkipDir
		case d.IsDir() || d.Name() != "go.mod" && !strings.HasSuffix(path, ".go") && !userDocument(path):
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return f(path, src)
	})
}

// moveInGoMod rewrites the old path in one go.mod, keeping comments and
// layout, and gives a requirement of it a version of the new major; nil if
// the file does not name it.
func moveInGoMod(path string, src []byte, old, newPath, version string) ([]byte, error) {
	f, err := modfile.Parse(path, src, nil)
	if err != nil {
		return nil, err
	}
	_, major, _ := module.SplitPathVersion(newPath)
	changed := false
	move := func(verb string, tok []string) {
		for i, t := range tok {
			if t == old {
				tok[i], changed = newPath, true
				if verb == "require" && i+1 < len(tok) && module.CheckPathMajor(tok[i+1], major) != nil {
					tok[i+1] = version
				}
			}
		}
	}
	for _, stmt := range f.Syntax.Stmt {
		switch x := stmt.(type) {
		case *modfile.Line:
			move(x.Token[0], x.Token)
		case *modfile.LineBlock:
			for _, l := range x.Line {
				move(x.Token[0], l.Token)
			}
		}
	}
	if !changed {
		return nil, nil
	}
	return modfile.Format(f.Syntax), nil
}

// moveInGo rewrites the imports of the old path and of packages under it,
// and its mentions in comments, in one Go file; nil if nothing changes.
func moveInGo(path string, src []byte, old, newPath string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var spans []span
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != old && !strings.HasPrefix(p, old+"/") {
			continue
		}
		spans = append(spans, span{fset.Position(imp.Path.Pos()).Offset, fset.Position(imp.Path.End()).Offset,
			[]byte(strconv.Quote(newPath + strings.TrimPrefix(p, old)))})
	}
	for _, g := range f.Comments {
		start, end := fset.Position(g.Pos()).Offset, fset.Position(g.End()).Offset
		if moved := moveInText(src[start:end], old, newPath); moved != nil {
			spans = append(spans, span{start, end, moved})
		}
	}
	if len(spans) == 0 {
		return nil, nil
	}
	return splice(src, spans), nil
}

// span is a part of a text and what replaces it.
type span struct {
	start, end int
	text       []byte
}

// splice returns src with each span replaced.
func splice(src []byte, spans []span) []byte {
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b []byte
	last := 0
	for _, s := range spans {
		b = append(append(b, src[last:s.start]...), s.text...)
		last = s.end
	}
	return append(b, src[last:]...)
}

// userDocument reports whether path is Markdown for users: not the changelog or test data.
func userDocument(path string) bool {
	return strings.HasSuffix(path, ".md") && filepath.Base(path) != "CHANGELOG.md" &&
		!slices.Contains(strings.Split(filepath.ToSlash(path), "/"), "testdata")
}

// mentions finds the module path old in text where it is the whole path,
// not part of a longer path or a URL, each replaced by newPath.
func mentions(text []byte, old, newPath string) []span {
	var out []span
	for from := 0; ; {
		i := bytes.Index(text[from:], []byte(old))
		if i < 0 {
			return out
		}
		start, end := from+i, from+i+len(old)
		from = end
		if start > 0 && pathByte(text[start-1]) {
			continue
		}
		if end < len(text) && (pathByte(text[end]) && text[end] != '.' || text[end] == '.' && end+1 < len(text) && pathByte(text[end+1])) {
			continue
		}
		out = append(out, span{start, end, []byte(newPath)})
	}
}

// pathByte reports whether b may continue an import path or URL.
func pathByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || strings.IndexByte("-._~/", b) >= 0
}

// moveInText replaces each mention of old by newPath, or returns nil if
// there is none.
func moveInText(text []byte, old, newPath string) []byte {
	if ms := mentions(text, old, newPath); len(ms) > 0 {
		return splice(text, ms)
	}
	return nil
}
