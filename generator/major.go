package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
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
// replace of the old path. It returns nil if the file does not name it.
func moveInGoMod(path, old, newPath, version string) (*output, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := modfile.Parse(path, data, nil)
	if err != nil {
		return nil, err
	}
	changed := false
	if f.Module != nil && f.Module.Mod.Path == old {
		if err := f.AddModuleStmt(newPath); err != nil {
			return nil, err
		}
		changed = true
	}
	for _, r := range f.Require {
		if r.Mod.Path == old {
			if err := f.DropRequire(old); err != nil {
				return nil, err
			}
			if err := f.AddRequire(newPath, version); err != nil {
				return nil, err
			}
			changed = true
			break
		}
	}
	for _, r := range f.Replace {
		if r.Old.Path == old {
			oldVersion, dir := r.Old.Version, r.New.Path
			if err := f.DropReplace(old, oldVersion); err != nil {
				return nil, err
			}
			if err := f.AddReplace(newPath, oldVersion, dir, ""); err != nil {
				return nil, err
			}
			changed = true
			break
		}
	}
	if !changed {
		return nil, nil
	}
	f.Cleanup()
	out, err := f.Format()
	if err != nil {
		return nil, err
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
