package release

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"

	"golang.org/x/mod/semver"

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
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
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
		if last := l.Last(); last != nil && semver.Compare("v"+m[1], "v"+last.Version) <= 0 {
			return nil, fmt.Errorf("%s:%d: version %s does not follow %s (line %d); releases are recorded in order", path, n, m[1], last.Version, last.Line)
		}
		l.Entries = append(l.Entries, Entry{m[1], m[2], n})
	}
	return l, sc.Err()
}

// Find is the entry of version, or nil.
func (l *Ledger) Find(version string) *Entry {
	for i := range l.Entries {
		if l.Entries[i].Version == version {
			return &l.Entries[i]
		}
	}
	return nil
}

// Last is the last release recorded, or nil.
func (l *Ledger) Last() *Entry {
	if len(l.Entries) == 0 {
		return nil
	}
	return &l.Entries[len(l.Entries)-1]
}

// LastBelow is the last release recorded below version, or nil.
func (l *Ledger) LastBelow(version string) *Entry {
	var prev *Entry
	for i := range l.Entries {
		if semver.Compare("v"+l.Entries[i].Version, "v"+version) < 0 {
			prev = &l.Entries[i]
		}
	}
	return prev
}

// Records reports whether the ledger holds t's version with t's data.
func (l *Ledger) Records(t *table.Table) bool {
	return l.holds(Entry{Version: t.Version, Digest: t.DataDigest()})
}

// With is the ledger's bytes with t's version and digest appended.
func (l *Ledger) With(t *table.Table) []byte {
	data := bytes.Clone(l.data)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	return append(data, t.Version+" "+t.DataDigest()+"\n"...)
}

// holds reports whether the ledger has an entry with e's version and digest.
func (l *Ledger) holds(e Entry) bool {
	f := l.Find(e.Version)
	return f != nil && f.Digest == e.Digest
}
