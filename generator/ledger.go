package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/mod/semver"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// The release ledger, releases.txt beside the table, records what each
// released version contained: one line a release, "VERSION DIGEST", the
// digest being table.DataDigest. The release gate trusts it rather than
// tags or a FROM given by hand: a released version's data never changes.

// releaseEntry is one line of the ledger.
type releaseEntry struct {
	version, digest string
	line            int
}

var ledgerLine = regexp.MustCompile(`^(\d+\.\d+\.\d+) ([0-9a-f]{64})$`)

// readLedger reads the ledger at path. Blank lines and # comments are
// skipped; versions must rise from line to line.
func readLedger(path string) ([]releaseEntry, error) {
	data, err := table.ReadRegular(path, table.MaxInputSize, "MaxInputSize in internal/table/load.go", os.Stat)
	if err != nil {
		return nil, err
	}
	return parseLedger(path, data)
}

// parseLedger reads the lines of a ledger named path.
func parseLedger(path string, data []byte) ([]releaseEntry, error) {
	var out []releaseEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := ledgerLine.FindStringSubmatch(line)
		if m == nil || !semver.IsValid("v"+m[1]) {
			return nil, fmt.Errorf("%s:%d: %q is not a line VERSION DIGEST (such as 1.2.0 and 64 hex digits)", path, n, table.Printable(clipText(line)))
		}
		if len(out) > 0 && semver.Compare("v"+m[1], "v"+out[len(out)-1].version) <= 0 {
			return nil, fmt.Errorf("%s:%d: version %s does not follow %s (line %d); releases are recorded in order", path, n, m[1], out[len(out)-1].version, out[len(out)-1].line)
		}
		out = append(out, releaseEntry{m[1], m[2], n})
	}
	return out, sc.Err()
}

func clipText(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// checkLedger refuses a table whose version the ledger records with other
// data, and a version below the last release that is not recorded.
func checkLedger(ledgerPath, tablePath string, t *table.Table, rels []releaseEntry) error {
	digest := t.DataDigest()
	for _, r := range rels {
		if r.version == t.Version && r.digest != digest {
			return fmt.Errorf("%w: %s:%d: version %s was released with other data (%s:%d); a released version's data never changes: raise the version",
				errVersionPolicy, tablePath, t.VersionLine, t.Version, ledgerPath, r.line)
		}
		if r.version == t.Version {
			return nil
		}
	}
	if n := len(rels); n > 0 && semver.Compare("v"+t.Version, "v"+rels[n-1].version) < 0 {
		return fmt.Errorf("%w: %s:%d: version %s is below the last release, %s (%s:%d)",
			errVersionPolicy, tablePath, t.VersionLine, t.Version, rels[n-1].version, ledgerPath, rels[n-1].line)
	}
	return nil
}

// recorded reports whether the ledger holds the table's version with its
// data, for the release gate.
func recorded(ledgerPath, tablePath string, t *table.Table, rels []releaseEntry) error {
	for _, r := range rels {
		if r.version == t.Version && r.digest == t.DataDigest() {
			return nil
		}
	}
	return fmt.Errorf("%w: %s:%d: version %s is not recorded in %s; record the release with make record",
		errVersionPolicy, tablePath, t.VersionLine, t.Version, ledgerPath)
}

// inChangelog requires the release notes of the table's version in
// CHANGELOG.md beside the ledger, as make changes prints them.
func inChangelog(ledgerPath string, t *table.Table) error {
	path := filepath.Join(filepath.Dir(ledgerPath), "CHANGELOG.md")
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !regexp.MustCompile(`(?m)^# Region data ` + regexp.QuoteMeta(t.Version) + ` \(from `).Match(data) {
		return fmt.Errorf("%w: %s has no section for %s; put the report of make changes at its top", errVersionPolicy, path, t.Version)
	}
	return nil
}

// ledgerGrows refuses a ledger that lost or changed a line of the one
// committed at HEAD: a recorded release never changes or goes away. Where
// there is no git history, or no committed ledger, there is nothing to
// hold it to.
func ledgerGrows(path string, rels []releaseEntry) error {
	committed, err := exec.Command("git", "show", "HEAD:"+path).Output()
	if err != nil {
		return nil
	}
	old, err := parseLedger("HEAD:"+path, committed)
	if err != nil {
		return nil // the committed ledger is refused on its own
	}
	for _, o := range old {
		if !slices.ContainsFunc(rels, func(r releaseEntry) bool { return r.version == o.version && r.digest == o.digest }) {
			return fmt.Errorf("%w: %s: the committed ledger records %s %s (HEAD:%s:%d), which this one lacks; a recorded release never changes or goes away",
				errVersionPolicy, path, o.version, o.digest[:12], path, o.line)
		}
	}
	return nil
}

// lastBelow is the last release the ledger records below version, or nil.
func lastBelow(rels []releaseEntry, version string) *releaseEntry {
	var prev *releaseEntry
	for i := range rels {
		if semver.Compare("v"+rels[i].version, "v"+version) < 0 {
			prev = &rels[i]
		}
	}
	return prev
}

// recordRelease appends the table's version and digest to the ledger,
// unless it is there already. It refuses what checkLedger refuses, and a
// version that is not the one the version rule gives after the last
// release (the table of which it finds in the history).
func recordRelease(ledgerPath, tablePath string, t *table.Table) (string, error) {
	rels, err := readLedger(ledgerPath)
	if err != nil {
		return "", err
	}
	if err := ledgerGrows(ledgerPath, rels); err != nil {
		return "", err
	}
	if err := checkLedger(ledgerPath, tablePath, t, rels); err != nil {
		return "", err
	}
	if prev := lastBelow(rels, t.Version); prev != nil && !slices.ContainsFunc(rels, func(r releaseEntry) bool { return r.version == t.Version }) {
		data, _, err := findRelease(ledgerPath, tablePath, *prev)
		if err != nil {
			return "", err
		}
		old, err := table.ParseEarlier(tablePath, data)
		if err != nil {
			return "", err
		}
		if err := render.Changes(old, t).Check(tablePath, t.VersionLine); err != nil {
			return "", fmt.Errorf("%w: %v", errVersionPolicy, err)
		}
	}
	line := t.Version + " " + t.DataDigest()
	for _, r := range rels {
		if r.version == t.Version {
			return fmt.Sprintf("%s is recorded already (%s:%d)\n", t.Version, ledgerPath, r.line), nil
		}
	}
	data, err := os.ReadFile(ledgerPath)
	if err != nil {
		return "", err
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	if err := writeOutputs([]output{{ledgerPath, append(data, line+"\n"...)}}); err != nil {
		return "", err
	}
	return fmt.Sprintf("recorded %s in %s\n", line, ledgerPath), nil
}

// previousRelease returns the data of the last release before the table's
// version, found in the repository's history by its digest, and names the
// commit it was found at.
func previousRelease(ledgerPath, tablePath string, t *table.Table, rels []releaseEntry) (data []byte, name string, err error) {
	prev := lastBelow(rels, t.Version)
	if prev == nil {
		return nil, "", fmt.Errorf("%s records no release before %s; give the earlier table with FROM", ledgerPath, t.Version)
	}
	return findRelease(ledgerPath, tablePath, *prev)
}

// findRelease returns the data of a recorded release, found in the
// repository's history by its digest, and names the commit.
func findRelease(ledgerPath, tablePath string, rel releaseEntry) (data []byte, name string, err error) {
	out, err := exec.Command("git", "log", "--format=%H", "--", tablePath).Output()
	if err != nil {
		return nil, "", fmt.Errorf("reading the history of %s with git: %v", tablePath, err)
	}
	for _, commit := range strings.Fields(string(out)) {
		blob, err := exec.Command("git", "show", commit+":"+tablePath).Output()
		if err != nil {
			continue
		}
		old, err := table.ParseEarlier(tablePath, blob)
		if err == nil && old.Version == rel.version && old.DataDigest() == rel.digest {
			return blob, fmt.Sprintf("%s at commit %s (%s:%d)", rel.version, commit[:12], ledgerPath, rel.line), nil
		}
	}
	hint := ""
	if shallow, _ := exec.Command("git", "rev-parse", "--is-shallow-repository").Output(); strings.TrimSpace(string(shallow)) == "true" {
		hint = " (this clone is shallow: git fetch --unshallow)"
	}
	return nil, "", fmt.Errorf("no commit of %s holds release %s as %s:%d records it%s; give the earlier table with FROM", tablePath, rel.version, ledgerPath, rel.line, hint)
}
