// Package release holds the release path of the table: the ledger of
// released versions, the gates that judge a version against it, the
// version policy, and the move to a new major path.
package release

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/mod/semver"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// Entry is one line of the ledger, releases.txt: "VERSION DIGEST" with the
// table's DataDigest. The gates trust it rather than tags.
type Entry struct {
	Version, Digest string
	Line            int
}

// Ledger is a parsed ledger and the path it was read from.
type Ledger struct {
	Path    string
	Entries []Entry
	data    []byte
}

var ledgerLine = regexp.MustCompile(`^(\d+\.\d+\.\d+) ([0-9a-f]{64})$`)

// ReadLedger reads the ledger at path.
func ReadLedger(path string) (*Ledger, error) {
	data, err := table.ReadRegular(path, table.MaxInputSize, "MaxInputSize in internal/table/load.go", os.Stat)
	if err != nil {
		return nil, err
	}
	return ParseLedger(path, data)
}

// ParseLedger reads a ledger; blank and # lines are skipped, versions must rise.
func ParseLedger(path string, data []byte) (*Ledger, error) {
	l := &Ledger{Path: path, data: data}
	for i, line := range strings.Split(string(data), "\n") {
		n, line := i+1, strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := ledgerLine.FindStringSubmatch(line)
		if m == nil || !semver.IsValid("v"+m[1]) {
			if len(line) > 80 {
				line = line[:80] + "..."
			}
			return nil, fmt.Errorf("%s:%d: %q is not a line VERSION DIGEST (such as 1.2.0 and 64 hex digits)", path, n, table.Printable(line))
		}
		if k := len(l.Entries); k > 0 && semver.Compare("v"+m[1], "v"+l.Entries[k-1].Version) <= 0 {
			return nil, fmt.Errorf("%s:%d: version %s does not follow %s (line %d); releases are recorded in order", path, n, m[1], l.Entries[k-1].Version, l.Entries[k-1].Line)
		}
		l.Entries = append(l.Entries, Entry{m[1], m[2], n})
	}
	return l, nil
}

// find is the entry of version with digest, any digest if "", or nil.
func (l *Ledger) find(version, digest string) *Entry {
	for i, e := range l.Entries {
		if e.Version == version && (digest == "" || e.Digest == digest) {
			return &l.Entries[i]
		}
	}
	return nil
}

// base is the release t is judged against: the last one recorded, or the
// last before t's version where t is recorded; nil for none.
func (l *Ledger) base(t *table.Table) *Entry {
	var base *Entry
	recorded := l.find(t.Version, t.DataDigest()) != nil
	for i, e := range l.Entries {
		if !recorded || semver.Compare("v"+e.Version, "v"+t.Version) < 0 {
			base = &l.Entries[i]
		}
	}
	return base
}

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
	if err == nil {
		err = ledgerGrows(l)
	}
	if err != nil {
		return nil, err
	}
	v, base, own, recorded := &Verdict{Ledger: l}, l.base(t), l.find(t.Version, ""), l.find(t.Version, t.DataDigest()) != nil
	if base == nil {
		return v, nil
	}
	v.Base, v.Against = from, fmt.Sprintf("release %s (%s:%d)", base.Version, l.Path, base.Line)
	if from == nil || from.Version != base.Version || from.DataDigest() != base.Digest {
		h, err := readHistory(p.Table)
		if err != nil {
			return nil, err
		}
		r := h.held[base.Version+" "+base.Digest]
		if r.table == nil {
			return nil, fmt.Errorf("%s; without its table there is nothing to judge the version against", h.missing(l, *base))
		}
		v.Base, v.Against = r.table, fmt.Sprintf("release %s at commit %s (%s:%d)", base.Version, r.commit[:12], l.Path, base.Line)
	}
	if own != nil && !recorded {
		need, why := Required(render.Changes(v.Base, t))
		return nil, fmt.Errorf("%w: %s:%d: version %s was released with other data (%s:%d), and a released version's data never changes; set version: %s (judged against %s, whose changes need: %s)",
			ErrPolicy, p.Table, t.VersionLine, t.Version, l.Path, own.Line, MinVersion(base.Version, need), v.Against, bumpText(need, why))
	}
	if err := Against(v.Base, t, p.Table, p.GoMod); err != nil {
		return nil, fmt.Errorf("%w (judged against %s)", err, v.Against)
	}
	return v, nil
}

// bumpText says what bump the changes need, and why.
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
	if e := v.Ledger.find(t.Version, ""); e != nil {
		return nil, fmt.Sprintf("%s is recorded already (%s:%d)\n", t.Version, p.Ledger, e.Line), nil
	}
	data := bytes.Clone(v.Ledger.data)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	return append(data, t.Version+" "+t.DataDigest()+"\n"...), fmt.Sprintf("recorded %s %s in %s\n", t.Version, t.DataDigest(), p.Ledger), nil
}

// ReadyToRelease is the release gate: Judge, t recorded, every release in
// the history, and t's section in CHANGELOG.md beside the ledger.
func ReadyToRelease(p Paths, t *table.Table) error {
	v, err := Judge(p, t, nil)
	if err != nil {
		return err
	}
	if v.Ledger.find(t.Version, t.DataDigest()) == nil {
		return fmt.Errorf("%w: %s:%d: version %s follows the policy but is not recorded in %s: run make record", ErrPolicy, p.Table, t.VersionLine, t.Version, p.Ledger)
	}
	h, err := readHistory(p.Table)
	if err != nil {
		return err
	}
	h.held[t.Version+" "+t.DataDigest()] = held{"", t}
	var missing []string
	for _, e := range v.Ledger.Entries {
		if h.held[e.Version+" "+e.Digest].table == nil {
			missing = append(missing, h.missing(v.Ledger, e))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: %s", ErrPolicy, strings.Join(missing, "\n"))
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

// git runs git in the directory of path, the repository of the file.
func git(path string, args ...string) ([]byte, error) {
	return exec.Command("git", append([]string{"-C", filepath.Dir(path)}, args...)...).Output()
}

// ledgerGrows refuses a ledger that lost or changed a line committed at HEAD.
func ledgerGrows(l *Ledger) error {
	data, err := git(l.Path, "show", "HEAD:./"+filepath.Base(l.Path))
	if err != nil {
		return nil // no history or no committed ledger
	}
	old, err := ParseLedger("HEAD:"+l.Path, data)
	if err != nil {
		return nil // the committed ledger is refused on its own
	}
	for _, o := range old.Entries {
		if l.find(o.Version, o.Digest) == nil {
			return fmt.Errorf("%w: %s: the committed ledger records %s %s (HEAD:%s:%d), which this one lacks; a recorded release never changes or goes away",
				ErrPolicy, l.Path, o.Version, o.Digest[:12], l.Path, o.Line)
		}
	}
	return nil
}

// history is what the commits of a table hold.
type history struct {
	path     string
	held     map[string]held // by "VERSION DIGEST": the newest commit that holds it
	versions map[string]bool // the versions any commit holds
}

type held struct {
	commit string
	table  *table.Table
}

// readHistory reads each committed version of the table at path.
func readHistory(path string) (*history, error) {
	h := &history{path, map[string]held{}, map[string]bool{}}
	name := "./" + filepath.Base(path)
	if _, err := git(path, "rev-parse", "-q", "--verify", "HEAD"); err != nil {
		if _, err := git(path, "rev-parse", "--git-dir"); err != nil {
			return nil, fmt.Errorf("%s is not in a git repository, which holds the releases: %v", path, err)
		}
		return h, nil // a repository without commits: no history yet
	}
	out, err := git(path, "log", "--format=%H", "--", name)
	if err != nil {
		return nil, fmt.Errorf("reading the history of %s with git: %v", path, err)
	}
	for _, commit := range strings.Fields(string(out)) {
		blob, err := git(path, "show", commit+":"+name)
		if err != nil {
			continue // the file did not exist at that commit
		}
		if t, err := table.ParseEarlier(path, blob); err == nil {
			if k := t.Version + " " + t.DataDigest(); h.held[k].table == nil {
				h.held[k] = held{commit, t}
			}
			h.versions[t.Version] = true
		}
	}
	return h, nil
}

// missing says that no commit holds release e of l, and the likely cause.
func (h *history) missing(l *Ledger, e Entry) string {
	s := fmt.Sprintf("%s:%d: no commit of %s holds release %s with digest %s", l.Path, e.Line, h.path, e.Version, e.Digest[:12])
	if out, _ := git(h.path, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(out)) == "true" {
		s += " (this clone is shallow: git fetch --unshallow)"
	}
	if h.versions[e.Version] {
		s += "; commits hold that version with another data digest: did the digest change (internal/table/digest.go: a new field without omitempty)?"
	}
	return s
}
