package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// moveMajor gives the regions module the path of major version n (Go's
// rule: /vN for N >= 2) throughout the repository at root: the module line
// of regions/go.mod, the requirements of it (with a valid pseudo-version,
// for they are satisfied by a replace), the replace lines, and every Go
// import of it. Nothing else changes: documents, strings and the schema's
// $id keep naming what they name. It returns the files to write.
func moveMajor(root string, n int) ([]output, error) {
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
	var outs []output
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "bin") && path != root:
			return filepath.SkipDir
		case d.IsDir():
			return nil
		case d.Name() == "go.mod":
			o, err := moveInGoMod(path, old, newPath, version)
			if o != nil {
				outs = append(outs, *o)
			}
			return err
		case strings.HasSuffix(d.Name(), ".go"):
			o, err := moveInImports(path, old, newPath)
			if o != nil {
				outs = append(outs, *o)
			}
			return err
		}
		return nil
	})
	sort.Slice(outs, func(i, j int) bool { return outs[i].path < outs[j].path })
	return outs, err
}

// moveInGoMod rewrites one go.mod: its module line, requirement and
// replace of the old path, in place, token by token, so that comments,
// blocks and order stay as they are. It returns nil if the file does not
// name the path.
func moveInGoMod(path, old, newPath, version string) (*output, error) {
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
	return &output{path, out}, nil
}

// moveInImports rewrites the imports of the old path, or of a package
// under it, in one Go file, by replacing each import path literal; the
// rest of the file is left byte for byte. It returns nil if there is none.
func moveInImports(path, old, newPath string) (*output, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	last := 0
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != old && !strings.HasPrefix(p, old+"/") {
			continue
		}
		start := fset.Position(imp.Path.Pos()).Offset
		end := fset.Position(imp.Path.End()).Offset
		b.Write(src[last:start])
		b.WriteString(strconv.Quote(newPath + strings.TrimPrefix(p, old)))
		last = end
	}
	if last == 0 {
		return nil, nil
	}
	b.Write(src[last:])
	return &output{path, []byte(b.String())}, nil
}
