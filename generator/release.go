package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// modulePathProblem refuses a release of major version 2 or above while the
// regions module's path (in goMod) lacks the /vN suffix that Go requires,
// and says how to add it. It returns "" when there is nothing to do.
func modulePathProblem(goMod string, version string) string {
	major := semver.Major("v" + version)
	if major == "v0" || major == "v1" {
		return ""
	}
	data, err := os.ReadFile(goMod)
	if err != nil {
		return fmt.Sprintf("version %s needs the module path to end in /%s, and %v", version, major, err)
	}
	path := modfile.ModulePath(data)
	if strings.HasSuffix(path, "/"+major) {
		return ""
	}
	base := path
	if i := strings.LastIndex(path, "/v"); i >= 0 && semver.IsValid(path[i+1:]) {
		base = path[:i]
	}
	return fmt.Sprintf("version %s is major version %s, and Go requires its module path to end in /%s, but %s says %q. "+
		"Run make major N=%s: it changes the module line to %q, and every go.mod requirement, replace and import of %q; "+
		"then update the documents that name the path (README.md, docs/, the package doc), run make generate and make test, and run this again",
		version, major, major, goMod, path, strings.TrimPrefix(major, "v"), base+"/"+major, path)
}

var errVersionPolicy = errors.New("the version does not follow the release policy")

// reportChanges checks the version of the table t (read from newPath)
// against the earlier table at oldPath and, only if it follows the policy,
// prints what changed: a refused report is never on standard output, so it
// cannot end up in release notes. goMod is the regions module's go.mod.
func reportChanges(oldPath, newPath, goMod string, t *table.Table, w io.Writer) error {
	old, err := table.LoadEarlier(oldPath)
	if err != nil {
		return fmt.Errorf("the earlier table: %w", err)
	}
	c := render.Changes(old, t)
	if err := c.Check(newPath, t.VersionLine); err != nil {
		return fmt.Errorf("%w: %v", errVersionPolicy, err)
	}
	if msg := modulePathProblem(goMod, t.Version); msg != "" {
		return fmt.Errorf("%w: %s:%d: %s", errVersionPolicy, newPath, t.VersionLine, msg)
	}
	_, err = io.WriteString(w, c.Markdown())
	return err
}
