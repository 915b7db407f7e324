package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// The probe's inputs are the table, which table.Load checks, and the
// hosts file, untrusted as every input is: bounded in size, every problem
// reported with where it is.

// candidate is one region ID of the table's other_region_ids.
type candidate struct {
	id    string // oss-<cloud id>
	host  string // oss-<cloud id>.aliyuncs.com
	other *table.OtherRegion
}

// candidates are the table's other_region_ids, which its checks keep
// apart from its regions, aliases and hosts.
func candidates(t *table.Table) []candidate {
	var out []candidate
	for i := range t.OtherRegions {
		o := &t.OtherRegions[i]
		out = append(out, candidate{id: "oss-" + o.CloudID, host: "oss-" + o.CloudID + ".aliyuncs.com", other: o})
	}
	return out
}

// maxHostsSize bounds the hosts file.
const maxHostsSize = 4 << 20

// hostsOverride says which of names the hosts file at path answers, so
// that the resolver would never ask DNS for them; nil when none. Go's
// resolver consults the file before DNS (nsswitch "files dns"), even with
// a Dial of its own, and reads each line's fields after the address, up to
// a # comment, in ASCII lower case. A file that does not exist has none.
func hostsOverride(path string, names []string) error {
	data, err := table.ReadRegular(path, maxHostsSize, "maxHostsSize in internal/drift/probe_input.go", os.Stat)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	ask := map[string]bool{}
	for _, n := range names {
		ask[n] = true
	}
	var found []string
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		for j := 1; j < len(f); j++ {
			if n := strings.TrimSuffix(lowerASCII(f[j]), "."); ask[n] {
				found = append(found, fmt.Sprintf("%s:%d: %s %s", path, i+1, quote(f[0]), quote(n)))
			}
		}
	}
	if found == nil {
		return nil
	}
	return fmt.Errorf("could not check: the hosts file has entries for %d %s the probe would ask, and Go's resolver reads the hosts file before DNS, so it would report them as DNS answers; remove them, or run where the hosts file has none (-hosts names another file):\n%s",
		len(found), plural(len(found), "name", "names"), strings.Join(bound(found, maxListed), "\n"))
}

// lowerASCII is s with A-Z lower-cased and nothing else changed:
// strings.ToLower would make the Kelvin sign a k, and a look-alike an ID.
func lowerASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
