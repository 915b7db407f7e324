package release

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// File is a file to write and the bytes it should hold.
type File struct {
	Path string
	Data []byte
}

// MoveMajor gives the regions module the path of major version n (Go's
// rule: /vN for N >= 2) throughout the repository at root: the module line
// of regions/go.mod, the requirements of it (with a valid pseudo-version,
// for they are satisfied by a replace), the replace lines, every Go import
// of it, and the module path where the user documents name it (Markdown
// files but CHANGELOG.md, whose history stays as it was, and Go comments).
// Strings, testdata and the schemas' $id keep naming what they name. It
// returns the files to write.
func MoveMajor(root string, n int) ([]File, error) {
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
	// A pseudo-version of major version n, older than any release: the
	// replace lines supply the module.
	version := fmt.Sprintf("v%d.0.0-00010101000000-000000000000", n)
	var outs []File
	err = walkFiles(root, func(path string) error {
		var o *File
		var err error
		switch {
		case filepath.Base(path) == "go.mod":
			o, err = moveInGoMod(path, old, newPath, version)
		case strings.HasSuffix(path, ".go"):
			o, err = moveInGo(path, old, newPath)
		case userDocument(path):
			data, rerr := os.ReadFile(path)
			if moved := moveInText(data, old, newPath); rerr == nil && moved != nil {
				o = &File{path, moved}
			}
			err = rerr
		}
		if o != nil {
			outs = append(outs, *o)
		}
		return err
	})
	sort.Slice(outs, func(i, j int) bool { return outs[i].Path < outs[j].Path })
	return outs, err
}

// walkFiles calls f with every file under root but those in git's
// directory and the installed tools (bin).
func walkFiles(root string, f func(path string) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "bin") && path != root:
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		return f(path)
	})
}

// moveInGoMod rewrites one go.mod: its module line, requirement and
// replace of the old path, in place, token by token, so that comments,
// blocks and order stay as they are. It returns nil if the file does not
// name the path.
func moveInGoMod(path, old, newPath, version string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	token := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(old) + `(\s|$)`)
	required := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(newPath) + `\s+(v\S+)`)
	_, major, _ := module.SplitPathVersion(newPath)
	lines := strings.SplitAfter(string(data), "\n")
	inRequire, changed := false, false
	for i, line := range lines {
		fields := strings.Fields(line)
		switch {
		case len(fields) >= 2 && fields[0] == "require" && fields[1] == "(":
			inRequire = true
		case inRequire && len(fields) > 0 && fields[0] == ")":
			inRequire = false
		}
		if !token.MatchString(line) {
			continue
		}
		line = token.ReplaceAllString(line, "${1}"+newPath+"${2}")
		if inRequire || len(fields) > 0 && fields[0] == "require" {
			// The version must be one of the new major version.
			if m := required.FindStringSubmatchIndex(line); m != nil {
				if v := line[m[4]:m[5]]; module.CheckPathMajor(v, major) != nil {
					line = line[:m[4]] + version + line[m[5]:]
				}
			}
		}
		lines[i], changed = line, true
	}
	if !changed {
		return nil, nil
	}
	out := []byte(strings.Join(lines, ""))
	if _, err := modfile.Parse(path, out, nil); err != nil {
		return nil, fmt.Errorf("%s after the move: %v", path, err)
	}
	return &File{path, out}, nil
}

// moveInGo rewrites, in one Go file, the imports of the old path or of a
// package under it (each import path literal) and the module path where a
// comment names it; the rest of the file is left byte for byte. It
// returns nil if there is nothing to change.
func moveInGo(path, old, newPath string) (*File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	type span struct {
		start, end int
		text       []byte
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
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b []byte
	last := 0
	for _, s := range spans {
		b = append(append(b, src[last:s.start]...), s.text...)
		last = s.end
	}
	return &File{path, append(b, src[last:]...)}, nil
}

// userDocument reports whether the file at path is a document for users
// that names the module path as it is now: Markdown, but the changelog's
// history and test data.
func userDocument(path string) bool {
	return strings.HasSuffix(path, ".md") && filepath.Base(path) != "CHANGELOG.md" &&
		!slices.Contains(strings.Split(filepath.ToSlash(path), "/"), "testdata")
}

// mentions finds the module path old in text where it is the whole path:
// not part of a longer path (another module, a file beside it) or a URL.
func mentions(text []byte, old string) [][2]int {
	var out [][2]int
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
		out = append(out, [2]int{start, end})
	}
}

// pathByte reports whether b may continue an import path or URL.
func pathByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || strings.IndexByte("-._~/", b) >= 0
}

// moveInText replaces each mention of old by newPath, or returns nil if
// there is none.
func moveInText(text []byte, old, newPath string) []byte {
	ms := mentions(text, old)
	if len(ms) == 0 {
		return nil
	}
	var b []byte
	last := 0
	for _, m := range ms {
		b = append(append(b, text[last:m[0]]...), newPath...)
		last = m[1]
	}
	return append(b, text[last:]...)
}

// StaleMentions lists, as FILE:LINE, the user documents under root (as
// MoveMajor picks them) that name the module path old.
func StaleMentions(root, old string) ([]string, error) {
	var out []string
	err := walkFiles(root, func(path string) error {
		if !userDocument(path) && !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range mentions(data, old) {
			if strings.HasSuffix(path, ".go") && !inComment(data, m[0]) {
				continue
			}
			out = append(out, fmt.Sprintf("%s:%d", path, 1+bytes.Count(data[:m[0]], []byte("\n"))))
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
