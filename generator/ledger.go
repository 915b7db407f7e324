package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"

	"golang.org/x/mod/semver"

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

// recordRelease appends the table's version and digest to the ledger,
// unless it is there already; it refuses what checkLedger refuses.
func recordRelease(ledgerPath, tablePath string, t *table.Table) (string, error) {
	rels, err := readLedger(ledgerPath)
	if err != nil {
		return "", err
	}
	if err := checkLedger(ledgerPath, tablePath, t, rels); err != nil {
		return "", err
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
	var prev *releaseEntry
	for i := range rels {
		if semver.Compare("v"+rels[i].version, "v"+t.Version) < 0 {
			prev = &rels[i]
		}
	}
	if prev == nil {
		return nil, "", fmt.Errorf("%s records no release before %s; give the earlier table with FROM", ledgerPath, t.Version)
	}
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
		if err == nil && old.Version == prev.version && old.DataDigest() == prev.digest {
			return blob, fmt.Sprintf("%s at commit %s (%s:%d)", prev.version, commit[:12], ledgerPath, prev.line), nil
		}
	}
	return nil, "", fmt.Errorf("no commit of %s holds release %s as %s:%d records it; give the earlier table with FROM", tablePath, prev.version, ledgerPath, prev.line)
}
