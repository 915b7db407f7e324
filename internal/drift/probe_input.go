package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/netip"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ossregions/ossregions/internal/table"
)

// The probe's inputs, regions.json and the candidates file, are untrusted
// as every input is: bounded in size, every value checked before a name
// is asked or shown, every problem reported with where it is.

// maxJSONSize bounds regions.json; the generator's own input limit.
const maxJSONSize = 8 << 20

// maxCandidatesSize bounds the candidates file.
const maxCandidatesSize = 1 << 20

// jsonTable is what the probe reads of regions.json.
type jsonTable struct {
	Version          string `json:"version"`
	DefaultRegion    string `json:"defaultRegion"`
	DefaultEndpoints struct {
		Public   string `json:"public"`
		Internal string `json:"internal"`
	} `json:"defaultEndpoints"`
	AccelerateEndpoints struct {
		Global   string `json:"global"`
		Overseas string `json:"overseas"`
	} `json:"accelerateEndpoints"`
	RegionlessEndpoint *string      `json:"regionlessEndpoint"`
	Regions            []jsonRegion `json:"regions"`
}

type jsonRegion struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Cloud  string `json:"cloud"`
	Status string `json:"status"`
	Hosts  []struct {
		Host string `json:"host"`
		Kind string `json:"kind"`
	} `json:"hosts"`
	VIPRanges json.RawMessage `json:"vipRanges"` // a list, or null: never absent
}

// probeRegion is a region of the table as the probe holds it.
type probeRegion struct {
	id, name, cloud, status string
	vip                     []netip.Prefix // nil where the table publishes none
	vipText                 string         // the ranges as the report names them
}

// open reports whether the region still serves: active or decommissioning.
func (r *probeRegion) open() bool { return r.status != "decommissioned" }

// probeHost is one host of the table with what it is.
type probeHost struct {
	host   string
	kind   string       // public, internal, vpc, dual-stack, or default, accelerate, regionless
	region *probeRegion // nil for the hosts of no region
	vipOf  *probeRegion // the region whose VIP ranges its addresses must fall in, or nil
	role   string       // how the report names it: "internal host of oss-cn-hangzhou"
}

// probeInput is the validated table: its version, regions and hosts.
type probeInput struct {
	version string
	regions []*probeRegion
	hosts   []probeHost // in table order, each host once
}

// loadProbeTable reads and checks regions.json.
func loadProbeTable(path string) (*probeInput, error) {
	data, err := table.ReadRegular(path, maxJSONSize, "maxJSONSize in internal/drift/probe_input.go", os.Stat)
	if err != nil {
		return nil, err
	}
	return parseProbeTable(path, data)
}

// parseProbeTable checks data, the text of the file path, and returns
// every problem at once.
func parseProbeTable(path string, data []byte) (*probeInput, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8", path)
	}
	if err := duplicateKeys(data); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var jt jsonTable
	if err := json.Unmarshal(data, &jt); err != nil {
		return nil, fmt.Errorf("%s: %s", path, jsonError(data, err))
	}
	var problems []string
	bad := func(field, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s: %s: %s", path, field, fmt.Sprintf(format, args...)))
	}
	in := &probeInput{version: jt.Version}
	if jt.Version == "" || len(jt.Version) > 40 || strings.Trim(jt.Version, "0123456789.") != "" {
		bad("version", "%s is not a version MAJOR.MINOR.PATCH", quote(jt.Version))
	}
	seen := map[string]string{} // host -> field
	addHost := func(field string, h probeHost, problem string) {
		switch {
		case problem != "":
			bad(field, "%s %s", quote(h.host), problem)
		case seen[h.host] != "":
			bad(field, "%s is listed already, at %s", quote(h.host), seen[h.host])
		default:
			seen[h.host] = field
			in.hosts = append(in.hosts, h)
		}
	}
	byID := map[string]*probeRegion{}
	type pending struct {
		field string
		h     probeHost
		msg   string
	}
	var regionHosts []pending
	if len(jt.Regions) == 0 {
		bad("regions", "no regions")
	}
	for i, jr := range jt.Regions {
		field := fmt.Sprintf("regions[%d]", i)
		r := &probeRegion{id: jr.ID, name: jr.Name, cloud: jr.Cloud, status: jr.Status}
		if msg := table.RegionIDProblem(jr.ID); msg != "" {
			bad(field+".id", "%s %s", quote(jr.ID), msg)
			continue
		}
		field += " (" + jr.ID + ")"
		if byID[jr.ID] != nil {
			bad(field+".id", "%s is listed twice", quote(jr.ID))
			continue
		}
		byID[jr.ID] = r
		if jr.Name == "" || len(jr.Name) > 80 || table.Printable(jr.Name) != jr.Name {
			bad(field+".name", "%s is not a region name", quote(jr.Name))
		}
		if !slices.Contains([]string{"public", "finance", "government"}, jr.Cloud) {
			bad(field+".cloud", "%s; expected public, finance or government", quote(jr.Cloud))
		}
		if !slices.Contains([]string{"active", "decommissioning", "decommissioned"}, jr.Status) {
			bad(field+".status", "%s; expected active, decommissioning or decommissioned", quote(jr.Status))
		}
		var ranges []string
		switch {
		case len(jr.VIPRanges) == 0:
			bad(field+".vipRanges", "missing; expected a list of CIDR prefixes, or null where none are published")
		case string(jr.VIPRanges) == "null":
		default:
			if err := json.Unmarshal(jr.VIPRanges, &ranges); err != nil || ranges == nil {
				bad(field+".vipRanges", "expected a list of CIDR prefixes, or null where none are published")
			}
		}
		if ranges != nil {
			var texts []string
			for j, s := range ranges {
				p, err := netip.ParsePrefix(s)
				if err != nil || p != p.Masked() {
					bad(fmt.Sprintf("%s.vipRanges[%d]", field, j), "%s is not a canonical CIDR prefix", quote(s))
					continue
				}
				r.vip = append(r.vip, p)
				texts = append(texts, p.String())
			}
			r.vipText = strings.Join(texts, ", ")
		}
		if len(jr.Hosts) == 0 {
			bad(field+".hosts", "no hosts")
		}
		for j, h := range jr.Hosts {
			ph := probeHost{host: h.Host, kind: h.Kind, region: r, role: h.Kind + " host of `" + jr.ID + "`"}
			msg := ""
			switch h.Kind {
			case "public":
				msg = table.EndpointProblem(h.Host)
			case "internal", "vpc":
				msg = table.EndpointProblem(h.Host)
				ph.vipOf = r
			case "dual-stack":
				msg = dualStackHostProblem(h.Host)
			default:
				msg = "has the kind " + quote(h.Kind) + "; expected public, internal, vpc or dual-stack"
			}
			regionHosts = append(regionHosts, pending{fmt.Sprintf("%s.hosts[%d]", field, j), ph, msg})
		}
		in.regions = append(in.regions, r)
	}
	def := byID[jt.DefaultRegion]
	if def == nil {
		bad("defaultRegion", "%s is not a region of the table", quote(jt.DefaultRegion))
	}
	// The table's own hosts first, in the order regions.json gives them.
	addHost("defaultEndpoints.public", probeHost{host: jt.DefaultEndpoints.Public, kind: "default", role: "default endpoint"}, hostProblem(jt.DefaultEndpoints.Public))
	addHost("defaultEndpoints.internal", probeHost{host: jt.DefaultEndpoints.Internal, kind: "default", vipOf: def, role: "default internal endpoint (that of `" + jt.DefaultRegion + "`)"}, hostProblem(jt.DefaultEndpoints.Internal))
	addHost("accelerateEndpoints.global", probeHost{host: jt.AccelerateEndpoints.Global, kind: "accelerate", role: "global accelerate endpoint"}, hostProblem(jt.AccelerateEndpoints.Global))
	addHost("accelerateEndpoints.overseas", probeHost{host: jt.AccelerateEndpoints.Overseas, kind: "accelerate", role: "overseas accelerate endpoint"}, hostProblem(jt.AccelerateEndpoints.Overseas))
	if jt.RegionlessEndpoint != nil {
		addHost("regionlessEndpoint", probeHost{host: *jt.RegionlessEndpoint, kind: "regionless", role: "regionless endpoint"}, hostProblem(*jt.RegionlessEndpoint))
	}
	for _, p := range regionHosts {
		addHost(p.field, p.h, p.msg)
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return in, nil
}

// hostProblem says why h is not a host name under aliyuncs.com, or "".
func hostProblem(h string) string {
	if len(h) > 253 {
		return "is longer than 253 characters"
	}
	rest, ok := strings.CutSuffix(h, ".aliyuncs.com")
	if !ok || rest == "" {
		return "is not a host under aliyuncs.com"
	}
	for _, l := range strings.Split(rest, ".") {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return "is not a valid host name: label " + quote(l) + " must be 1 to 63 lower-case letters, digits and inner hyphens"
		}
	}
	return ""
}

// dualStackHostProblem says why h is not a dual-stack host,
// <cloud-id>.oss.aliyuncs.com, or "".
func dualStackHostProblem(h string) string {
	id, ok := strings.CutSuffix(h, ".oss.aliyuncs.com")
	if !ok || hostProblem(h) != "" || table.RegionIDProblem("oss-"+id) != "" {
		return "is not a dual-stack host of the form <cloud-id>.oss.aliyuncs.com"
	}
	return ""
}

// duplicateKeys refuses an object that gives a key twice, in any case:
// encoding/json would silently keep the last, matching case-insensitively.
func duplicateKeys(data []byte) error {
	d := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		keys   map[string]bool
		object bool
		inKey  bool // the next token of an object is a key
	}
	var stack []*frame
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return errors.New(jsonError(data, err))
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.inKey {
			if k, ok := tok.(string); ok {
				lk := strings.ToLower(k)
				if top.keys[lk] {
					line := 1 + bytes.Count(data[:d.InputOffset()], []byte("\n"))
					return fmt.Errorf("line %d: the key %s is given twice in one object", line, quote(k))
				}
				top.keys[lk] = true
				top.inKey = false
				continue
			}
		}
		if top != nil && top.object && !top.inKey {
			top.inKey = true // this token is the value
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]bool{}, object: true, inKey: true})
		case json.Delim('['):
			stack = append(stack, &frame{})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
	}
}

// jsonError says what is wrong with the JSON, and on which line.
func jsonError(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("line %d: not valid JSON: %s", 1+bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n")), quoteText(se.Error()))
	case errors.As(err, &te):
		return fmt.Sprintf("line %d: %s is %s, expected %s", 1+bytes.Count(data[:min(int(te.Offset), len(data))], []byte("\n")), quoteText(te.Field), te.Value, te.Type)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("line %d: the JSON ends before its last value does", 1+bytes.Count(data, []byte("\n")))
	}
	return quoteText(err.Error())
}

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
	return parseCandidates(path, data)
}

func parseCandidates(path string, data []byte) ([]candidate, error) {
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

// hostsEntry is one name of the hosts file, where it is.
type hostsEntry struct {
	name string // lower case, without a final dot
	addr string
	line int
}

// loadHosts reads the hosts file, which Go's resolver consults before DNS
// (nsswitch "files dns"), even with a Dial of its own. A file that does
// not exist has no entries, as for the resolver.
func loadHosts(path string) ([]hostsEntry, error) {
	data, err := table.ReadRegular(path, maxHostsSize, "maxHostsSize in internal/drift/probe_input.go", os.Stat)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return parseHosts(data), nil
}

// parseHosts is every name of a hosts file: the fields after the address
// of each line, up to a # comment, in ASCII lower case as Go reads them.
func parseHosts(data []byte) []hostsEntry {
	var out []hostsEntry
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, n := range f[1:] {
			out = append(out, hostsEntry{name: strings.TrimSuffix(lowerASCII(n), "."), addr: f[0], line: i + 1})
		}
	}
	return out
}

// hostsOverride says which of names the hosts file at path answers, so
// that the resolver would never ask DNS for them; nil when none.
func hostsOverride(path string, entries []hostsEntry, names []string) error {
	ask := map[string]bool{}
	for _, n := range names {
		ask[n] = true
	}
	var found []string
	for _, e := range entries {
		if ask[e.name] {
			found = append(found, fmt.Sprintf("%s:%d: %s %s", path, e.line, quote(e.addr), quote(e.name)))
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
