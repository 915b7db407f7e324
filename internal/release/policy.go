package release

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"

	"github.com/ossregions/ossregions/internal/render"
)

// ErrPolicy marks every refusal of the release gates.
var ErrPolicy = errors.New("release gate")

// The version policy is one rule: the next version is the smallest bump
// the changes need (render.ChangeReport.Required), and a table without
// changes keeps its version.

// Check judges the new version of a change report. A refusal says, at the
// version line of the new table (file, line), why and what to set.
func Check(c *render.ChangeReport, file string, line int) error {
	oldV, newV := c.Versions()
	want := MinVersion(oldV, c.Required())
	if newV == want {
		return nil
	}
	got, err := actualBump(oldV, newV)
	var why string
	switch {
	case err != nil:
		why = fmt.Sprintf("version %s → %s goes down; a release version never does", oldV, newV)
	case c.Required() == render.BumpNone:
		why = fmt.Sprintf("version %s → %s, but nothing changed since %s", oldV, newV, oldV)
	case got == render.BumpNone:
		why = fmt.Sprintf("version %s → %s is no version change, but the changes need a %s bump (%s)", oldV, newV, c.Required(), c.Why())
	case got < c.Required():
		why = fmt.Sprintf("version %s → %s is a %s bump, but the changes need a %s bump (%s)", oldV, newV, got, c.Required(), c.Why())
	case got > c.Required():
		why = fmt.Sprintf("version %s → %s is a %s bump, larger than the %s bump the changes need (%s)", oldV, newV, got, c.Required(), c.Why())
	default:
		why = fmt.Sprintf("version %s → %s skips versions; the next %s version after %s is %s", oldV, newV, c.Required(), oldV, want)
	}
	return fmt.Errorf("%w: %s:%d: %s; set version: %s", ErrPolicy, file, line, why, want)
}

// actualBump is the increment from old to new, or an error if the version
// went down.
func actualBump(oldV, newV string) (render.Bump, error) {
	o, n := "v"+oldV, "v"+newV
	switch c := semver.Compare(n, o); {
	case c < 0:
		return render.BumpNone, fmt.Errorf("version went down from %s to %s", oldV, newV)
	case c == 0:
		return render.BumpNone, nil
	case semver.Major(n) != semver.Major(o):
		return render.BumpMajor, nil
	case semver.MajorMinor(n) != semver.MajorMinor(o):
		return render.BumpMinor, nil
	}
	return render.BumpPatch, nil
}

// MinVersion is the smallest version after v that makes bump b.
func MinVersion(v string, b render.Bump) string {
	var major, minor, patch int
	fmt.Sscanf(strings.SplitN(v, "-", 2)[0], "%d.%d.%d", &major, &minor, &patch)
	switch b {
	case render.BumpMajor:
		return fmt.Sprintf("%d.0.0", major+1)
	case render.BumpMinor:
		return fmt.Sprintf("%d.%d.0", major, minor+1)
	case render.BumpPatch:
		return fmt.Sprintf("%d.%d.%d", major, minor, patch+1)
	}
	return v
}

// ModulePathProblem refuses a release of major version 2 or above while
// the regions module's path (in goMod) lacks the /vN suffix that Go
// requires, and says how to add it. It returns "" when there is nothing
// to do.
func ModulePathProblem(goMod string, version string) string {
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
	return fmt.Sprintf("version %s is major version %s, and Go requires its module path to end in /%s, but %s says %q. "+
		"Run make major N=%s: it moves the module to %q in every go.mod, import and user document; then make generate, make test, and this again",
		version, major, major, goMod, path, strings.TrimPrefix(major, "v"), majorPath(path, major))
}

// majorPath is path with its /vN suffix, if any, replaced by /major.
func majorPath(path, major string) string {
	if i := strings.LastIndex(path, "/v"); i >= 0 && semver.IsValid(path[i+1:]) && semver.Major(path[i+1:]) == path[i+1:] {
		path = path[:i]
	}
	return path + "/" + major
}
