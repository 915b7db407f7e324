package release

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// Paths names the files the gates read: the ledger, the table and the regions go.mod.
type Paths struct {
	Ledger, Table, GoMod string
}

// Verdict is a table judged against the last recorded release.
type Verdict struct {
	Ledger  *Ledger
	Base    *table.Table // the release judged against, nil for a first release
	Against string       // names Base: version, commit, ledger line
}

// Judge holds t to the ledger: it keeps the committed lines, a recorded
// version keeps its data, and t's version is the policy's after the last
// release before it (from if it holds that release, else found in git).
func Judge(p Paths, t *table.Table, from *table.Table) (*Verdict, error) {
	l, err := ReadLedger(p.Ledger)
	if err != nil {
		return nil, err
	}
	if err := ledgerGrows(l); err != nil {
		return nil, err
	}
	own := l.Find(t.Version)
	base := l.Last()
	if l.Records(t) {
		base = l.LastBelow(t.Version)
	}
	v := &Verdict{Ledger: l}
	if base == nil {
		return v, nil
	}
	if from != nil && from.Version == base.Version && from.DataDigest() == base.Digest {
		v.Base, v.Against = from, fmt.Sprintf("release %s (%s:%d)", base.Version, l.Path, base.Line)
	} else if v.Base, v.Against, err = findRelease(l, p.Table, *base); err != nil {
		return nil, err
	}
	c := render.Changes(v.Base, t)
	need, why := Required(c)
	if own != nil && !l.Records(t) {
		return nil, fmt.Errorf("%w: %s:%d: version %s was released with other data (%s:%d), and a released version's data never changes; set version: %s (judged against %s, whose changes need: %s)",
			ErrPolicy, p.Table, t.VersionLine, t.Version, l.Path, own.Line, MinVersion(base.Version, need), v.Against, bumpText(need, why))
	}
	if err := Check(c, p.Table, t.VersionLine); err != nil {
		return nil, fmt.Errorf("%w (judged against %s)", err, v.Against)
	}
	if err := modulePath(p.GoMod, p.Table, t); err != nil {
		return nil, err
	}
	return v, nil
}

// modulePath is ModulePathProblem as an error at t's version line.
func modulePath(goMod, tablePath string, t *table.Table) error {
	if msg := ModulePathProblem(goMod, t.Version); msg != "" {
		return fmt.Errorf("%w: %s:%d: %s", ErrPolicy, tablePath, t.VersionLine, msg)
	}
	return nil
}

func bumpText(need Bump, why string) string {
	if need == BumpNone {
		return "no bump, nothing changed"
	}
	return fmt.Sprintf("a %s bump (%s)", need, why)
}

// Against judges t against the earlier table old alone, where there is no ledger.
func Against(old, t *table.Table, tablePath, goMod string) error {
	if err := Check(render.Changes(old, t), tablePath, t.VersionLine); err != nil {
		return err
	}
	return modulePath(goMod, tablePath, t)
}

// Record judges t and returns the ledger with t appended (nil if recorded) and what was done.
func Record(p Paths, t *table.Table) ([]byte, string, error) {
	v, err := Judge(p, t, nil)
	if err != nil {
		return nil, "", err
	}
	if e := v.Ledger.Find(t.Version); e != nil {
		return nil, fmt.Sprintf("%s is recorded already (%s:%d)\n", t.Version, p.Ledger, e.Line), nil
	}
	return v.Ledger.With(t), fmt.Sprintf("recorded %s %s in %s\n", t.Version, t.DataDigest(), p.Ledger), nil
}

// ReadyToRelease is the release gate: Judge, t recorded, every release in
// the history, and t's section in CHANGELOG.md beside the ledger.
func ReadyToRelease(p Paths, t *table.Table) error {
	v, err := Judge(p, t, nil)
	if err != nil {
		return err
	}
	if !v.Ledger.Records(t) {
		return fmt.Errorf("%w: %s:%d: version %s follows the policy but is not recorded in %s: run make record", ErrPolicy, p.Table, t.VersionLine, t.Version, p.Ledger)
	}
	if err := inHistory(v.Ledger, p.Table, t); err != nil {
		return err
	}
	return inChangelog(filepath.Join(filepath.Dir(p.Ledger), "CHANGELOG.md"), t)
}

// inChangelog requires t's release notes, as make changes prints them, in the changelog.
func inChangelog(path string, t *table.Table) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !regexp.MustCompile(`(?m)^# Region data ` + regexp.QuoteMeta(t.Version) + ` \(from `).Match(data) {
		return fmt.Errorf("%w: %s has no section for %s; put the report of make changes above the newest section", ErrPolicy, path, t.Version)
	}
	return nil
}

// Note says, for a report from another table than Base, what the verdict is about; else "".
func (v *Verdict) Note(from *table.Table) string {
	if v.Base == nil || from.Version == v.Base.Version && from.DataDigest() == v.Base.DataDigest() {
		return ""
	}
	return fmt.Sprintf("\nThis report runs from %s (FROM). The version verdict is not about it: the version is judged against the last release before it in the ledger, %s, and follows the policy.\n", from.Version, v.Against)
}
