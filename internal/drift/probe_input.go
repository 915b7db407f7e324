package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/ossregions/ossregions/internal/table"
)

// The probe's own inputs, the candidates file and the hosts file, are
// untrusted as every input is: bounded in size, every value checked
// before a name is asked or shown, every problem reported with where it
// is. The table comes through table.Load, which checks it.

// maxCandidatesSize bounds the candidates file.
const maxCandidatesSize = 1 << 20

// candidate is one region ID of the candidates file.
type candidate struct {
	id   string // oss-<cloud id>
	host string // oss-<cloud id>.aliyuncs.com
	line int
}

// loadCandidates reads the candidates file: one region ID a line, with or
// without oss-, # comments; every bad line is reported.
func loadCandidates(path string) ([]candidate, error) {
	data, err := table.ReadRegular(path, maxCandidatesSize, "maxCandidatesSize in internal/drift/probe_input.go", os.Stat)
	if err != nil {
		return nil, err
	}
	var out []candidate
	var problems []string
	first := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("%s:%d: %s", path, n, fmt.Sprintf(format, args...)))
		}
		if !utf8.ValidString(line) {
			bad("not UTF-8")
			continue
		}
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		id := lowerASCII(line) // in any case, as regions.Parse reads IDs
		if !strings.HasPrefix(id, "oss-") {
			id = "oss-" + id
		}
		if msg := table.RegionIDProblem(id); msg != "" {
			if hint := hostHint(line); hint != "" {
				msg = "is a host or URL, not a region ID: write " + hint
			} else if strings.HasPrefix(msg, "is not a region ID") {
				msg = "is not a region ID; expected one such as sa-east-1 or oss-sa-east-1 (letters and digits joined by hyphens), one a line"
			}
			bad("%s %s", quote(line), msg)
			continue
		}
		if f, dup := first[id]; dup {
			bad("%s is listed already, at line %d", quote(line), f)
			continue
		}
		first[id] = n
		out = append(out, candidate{id: id, host: id + ".aliyuncs.com", line: n})
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return out, nil
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

// hostHint is the region ID of line when line is a host of the region
// under aliyuncs.com, or a URL of one (oss-cn-hangzhou.aliyuncs.com,
// https://oss-cn-hangzhou-internal.aliyuncs.com/), else "".
func hostHint(line string) string {
	h := lowerASCII(line)
	if _, rest, ok := strings.Cut(h, "://"); ok {
		h = rest
	}
	h, _, _ = strings.Cut(h, "/")
	if i := strings.LastIndex(h, ":"); i >= 0 {
		h = h[:i] // a port
	}
	label, ok := strings.CutSuffix(strings.TrimSuffix(h, "."), ".aliyuncs.com")
	if !ok {
		return ""
	}
	label = strings.TrimSuffix(label, "-internal")
	if id, ok := strings.CutSuffix(label, ".oss"); ok { // a dual-stack host
		label = "oss-" + id
	}
	if strings.Contains(label, ".") || table.RegionIDProblem(label) != "" {
		return ""
	}
	return label
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
