package release

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// git runs git in the directory of the file at path, so that the ledger
// and the table are found in their own repository wherever the command
// runs; file names are given as ./NAME, relative to that directory.
func git(path string, args ...string) ([]byte, error) {
	return exec.Command("git", append([]string{"-C", filepath.Dir(path)}, args...)...).Output()
}

// committed is the file at path as committed at HEAD, or nil where there
// is no git history or no committed copy.
func committed(path string) []byte {
	data, err := git(path, "show", "HEAD:./"+filepath.Base(path))
	if err != nil {
		return nil
	}
	return data
}

// ledgerGrows refuses a ledger that lost or changed a line of the one
// committed at HEAD: a recorded release never changes or goes away.
func ledgerGrows(l *Ledger) error {
	data := committed(l.Path)
	if data == nil {
		return nil
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

// findRelease returns the table of a recorded release, found in the
// history of the table at tablePath by its digest, and names the commit.
func findRelease(l *Ledger, tablePath string, e Entry) (*table.Table, string, error) {
	var found *table.Table
	var name string
	err := tableHistory(tablePath, func(commit string, t *table.Table) bool {
		if t.Version == e.Version && t.DataDigest() == e.Digest {
			found, name = t, fmt.Sprintf("release %s at commit %s (%s:%d)", e.Version, commit[:12], l.Path, e.Line)
		}
		return found != nil
	})
	if err != nil || found != nil {
		return found, name, err
	}
	return nil, "", fmt.Errorf("no commit of %s holds release %s as %s:%d records it%s; without its table there is nothing to judge the version against",
		tablePath, e.Version, l.Path, e.Line, shallowHint(tablePath))
}

func shallowHint(path string) string {
	if out, _ := git(path, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(out)) == "true" {
		return " (this clone is shallow: git fetch --unshallow)"
	}
	return ""
}

// inHistory requires every release the ledger records to be the data of a
// commit of the table, or of the working table t (recorded, not yet
// committed).
func inHistory(l *Ledger, tablePath string, t *table.Table) error {
	found := map[[2]string]bool{{t.Version, t.DataDigest()}: true}
	err := tableHistory(tablePath, func(_ string, old *table.Table) bool {
		found[[2]string{old.Version, old.DataDigest()}] = true
		return false
	})
	if err != nil {
		return err
	}
	var missing []string
	for _, e := range l.Entries {
		if !found[[2]string{e.Version, e.Digest}] {
			missing = append(missing, fmt.Sprintf("%s:%d: no commit of %s holds release %s with digest %s%s", l.Path, e.Line, tablePath, e.Version, e.Digest[:12], shallowHint(tablePath)))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: %s", ErrPolicy, strings.Join(missing, "\n"))
	}
	return nil
}
