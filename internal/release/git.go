package release

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

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
		if !l.holds(o) {
			return fmt.Errorf("%w: %s: the committed ledger records %s %s (HEAD:%s:%d), which this one lacks; a recorded release never changes or goes away",
				ErrPolicy, l.Path, o.Version, o.Digest[:12], l.Path, o.Line)
		}
	}
	return nil
}

// tableHistory calls f with each committed version of the table at path,
// newest first, until f returns true.
func tableHistory(path string, f func(commit string, t *table.Table) bool) error {
	name := "./" + filepath.Base(path)
	if _, err := git(path, "rev-parse", "-q", "--verify", "HEAD"); err != nil {
		if _, err := git(path, "rev-parse", "--git-dir"); err != nil {
			return fmt.Errorf("%s is not in a git repository, which holds the releases: %v", path, err)
		}
		return nil // a repository without commits: no history yet
	}
	out, err := git(path, "log", "--format=%H", "--", name)
	if err != nil {
		return fmt.Errorf("reading the history of %s with git: %v", path, err)
	}
	for _, commit := range strings.Fields(string(out)) {
		blob, err := git(path, "show", commit+":"+name)
		if err != nil {
			continue // the file did not exist at that commit
		}
		if old, err := table.ParseEarlier(path, blob); err == nil && f(commit, old) {
			return nil
		}
	}
	return nil
}

// findRelease finds a recorded release's table in the history by its digest.
func findRelease(l *Ledger, tablePath string, e Entry) (*table.Table, string, error) {
	var found *table.Table
	var name, other string
	err := tableHistory(tablePath, func(commit string, t *table.Table) bool {
		if t.Version == e.Version && t.DataDigest() == e.Digest {
			found, name = t, fmt.Sprintf("release %s at commit %s (%s:%d)", e.Version, commit[:12], l.Path, e.Line)
		} else if t.Version == e.Version {
			other = commit // the version, with another digest
		}
		return found != nil
	})
	if err != nil || found != nil {
		return found, name, err
	}
	return nil, "", fmt.Errorf("no commit of %s holds release %s as %s:%d records it%s; without its table there is nothing to judge the version against%s",
		tablePath, e.Version, l.Path, e.Line, shallowHint(tablePath), digestHint(other != ""))
}

// digestHint is the cause to check where commits hold a release's version
// but none its recorded digest.
func digestHint(versionFound bool) string {
	if !versionFound {
		return ""
	}
	return "; commits hold that version with another data digest: did the digest change (internal/table/digest.go: a new field without omitempty)?"
}

func shallowHint(path string) string {
	if out, _ := git(path, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(out)) == "true" {
		return " (this clone is shallow: git fetch --unshallow)"
	}
	return ""
}

// inHistory requires every recorded release in a commit of the table or in t.
func inHistory(l *Ledger, tablePath string, t *table.Table) error {
	found := map[[2]string]bool{{t.Version, t.DataDigest()}: true}
	versions := map[string]bool{t.Version: true}
	err := tableHistory(tablePath, func(_ string, old *table.Table) bool {
		found[[2]string{old.Version, old.DataDigest()}] = true
		versions[old.Version] = true
		return false
	})
	if err != nil {
		return err
	}
	var missing []string
	for _, e := range l.Entries {
		if !found[[2]string{e.Version, e.Digest}] {
			missing = append(missing, fmt.Sprintf("%s:%d: no commit of %s holds release %s with digest %s%s%s", l.Path, e.Line, tablePath, e.Version, e.Digest[:12], shallowHint(tablePath), digestHint(versions[e.Version])))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: %s", ErrPolicy, strings.Join(missing, "\n"))
	}
	return nil
}
