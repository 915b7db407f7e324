package table

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxInputSize bounds the YAML file: room for ten thousand regions.
const MaxInputSize = 8 << 20

// MaxOutputSize bounds an existing output read to compare (ten thousand regions: 4 MiB).
const MaxOutputSize = 64 << 20

// Raw values keep the position they were read at, for validation errors.
type (
	rawString struct {
		val string
		pos position
		set bool
	}
	rawBool struct {
		val bool
		pos position
		set bool
	}
)

// rawTable is regions.yaml as read: shape and types checked, values not.
type rawTable struct {
	input, sha256                  string // display name and checksum of the file
	version, source, defaultRegion rawString
	defaultPublic, defaultInternal rawString
	accelGlobal, accelOverseas     rawString
	regionless                     rawString
	notes                          []rawString
	sources                        []rawSource
	regions                        []rawRegion
	families                       []rawFamily
	regionsPos                     position // where the regions list is
	regionsList                    bool     // regions is a list (perhaps empty)
	dns                            rawDNSLists
}

// rawSource is one entry of the top-level sources list.
type rawSource struct {
	key, title, url, date rawString
	pos                   position
}

type rawRegion struct {
	label                 string // "regions[3] (oss-cn-beijing)", for messages
	id, name, status      rawString
	nameZh                rawString
	cloud                 rawString
	sources               []rawString
	sourcesPos            position
	confidence            rawString
	statusDate            rawString
	mainland, accelerate  rawBool
	accelNotStated        bool // accelerate: not stated
	internalExtra         []rawString
	irregular             rawBool
	public, internal, vpc rawString
	dualStack             rawString
	vipSet, vipByTicket   bool
	vipPos                position
	vip                   []rawString
	aliases               []rawAlias
	deviations            []rawDeviation
}

// rawAlias is one entry of a region's aliases list.
type rawAlias struct {
	id, source rawString
	pos        position
}

// ReadRegular reads a regular file of at most limit bytes (knob names the
// limit) as stat (os.Stat or os.Lstat) sees it; a FIFO or device is not opened.
func ReadRegular(path string, limit int64, knob string, stat func(string) (os.FileInfo, error)) ([]byte, error) {
	fi, err := stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file but %s", path, fileKind(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes (%s)", path, limit, knob)
	}
	return data, nil
}

// fileKind names the kind of a file that is not a regular one.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// loadTable parses a file into a rawTable, recording every shape and type problem.
func loadTable(path string, data []byte, ps *problems, earlier bool) *rawTable {
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := 1 + off - (bytes.LastIndexByte(data[:off], '\n') + 1)
		ps.addf(position{line, col}, "the file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", data[off])
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		ps.addf(position{}, "the file is empty (only comments or blank lines); expected a mapping with version, regions, ...")
		return nil
	} else if err != nil {
		addYAMLError(ps, data, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		ps.addf(position{extra.Line, extra.Column}, "a second YAML document; expected exactly one")
		return nil
	} else if !errors.Is(err, io.EOF) {
		addYAMLError(ps, data, err)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		ps.addf(position{}, "expected one YAML document")
		return nil
	}
	if rejectAliases(doc.Content[0], ps) {
		return nil
	}
	d := &decoder{ps: ps, earlier: earlier}
	t := d.table(doc.Content[0])
	if t != nil {
		sum := sha256.Sum256(data)
		t.input, t.sha256 = displayName(path), hex.EncodeToString(sum[:])
	}
	return t
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// addYAMLError turns a yaml.v3 syntax error, which has a line near the
// problem but no column, into a problem.
func addYAMLError(ps *problems, data []byte, err error) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if strings.Contains(m[2], "tab character") {
			// yaml.v3 names the line or the one before it.
			for l := line; l <= line+1; l++ {
				if col := tabColumn(data, l); col > 0 {
					ps.addf(position{l, col}, "not valid YAML: a tab character indents this line; YAML indents with spaces only")
					return
				}
			}
		}
		ps.addf(position{line: line}, "not valid YAML near here: %s", m[2])
		return
	}
	if off := controlOffset(data); off >= 0 {
		// yaml.v3 gives no position for these; find the first one.
		r, _ := utf8.DecodeRune(data[off:])
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
		ps.addf(position{line, col}, "not valid YAML: the control character %U is not allowed in YAML; remove it", r)
		return
	}
	ps.addf(position{}, "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// tabColumn returns the column of the first tab on line (1-based), or 0.
func tabColumn(data []byte, line int) int {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	if i := bytes.IndexByte(l, '\t'); i >= 0 {
		return 1 + utf8.RuneCount(l[:i])
	}
	return 0
}

// controlOffset returns the offset of the first control character YAML does not allow, or -1.
func controlOffset(data []byte) int {
	for i, r := range string(data) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f && r != 0x85 {
			return i
		}
	}
	return -1
}

// rejectAliases reports the first alias and counts the rest: refusing
// them rules out exponential expansion ("billion laughs").
func rejectAliases(root *yaml.Node, ps *problems) bool {
	var aliases []*yaml.Node
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			aliases = append(aliases, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	if len(aliases) == 0 {
		return false
	}
	first, more := aliases[0], ""
	if len(aliases) > 1 {
		more = fmt.Sprintf(" (and %d more aliases)", len(aliases)-1)
	}
	ps.addf(position{first.Line, first.Column}, "YAML alias %q: aliases are not allowed in the table; write the value out%s", "*"+first.Value, more)
	return true
}

// decoder checks the shape and scalar types of the YAML tree.
type decoder struct {
	ps      *problems
	earlier bool // a table of an earlier release, written before sources were required
}

// field is one key a mapping may hold.
type field struct {
	key      string
	required bool
	decode   func(*yaml.Node)
}

func at(n *yaml.Node) position { return position{n.Line, n.Column} }

// kindName names a node's type for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!str":
		return fmt.Sprintf("the string %q", n.Value)
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	case "!!null":
		return "nothing (null)"
	}
	return fmt.Sprintf("a value tagged %q", n.ShortTag())
}

// mapping decodes the known fields of a mapping and reports unknown, repeated and missing ones.
func (d *decoder) mapping(n *yaml.Node, what string, fields []field) bool {
	if n.Kind != yaml.MappingNode {
		d.ps.addf(at(n), "%s: expected a mapping, found %s", what, kindName(n))
		return false
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		j := slices.IndexFunc(fields, func(f field) bool { return f.key == k.Value })
		if j < 0 || k.ShortTag() != "!!str" {
			keys := make([]string, len(fields))
			for i, f := range fields {
				keys[i] = f.key
			}
			d.ps.addf(at(k), "%s: unknown field %q; expected one of %s", what, k.Value, strings.Join(keys, ", "))
			continue
		}
		f := fields[j]
		// yaml.v3 rejects duplicate keys only when it decodes into Go values.
		if first := seen[f.key]; first != nil {
			d.ps.addf(at(k), "%s: field %q appears twice, here and at line %d column %d; keep one", what, f.key, first.Line, first.Column)
			continue
		}
		seen[f.key] = k
		f.decode(v)
	}
	for _, f := range fields {
		if f.required && seen[f.key] == nil {
			d.ps.addf(at(n), "%s: missing field %q", what, f.key)
		}
	}
	return true
}

func (d *decoder) str(n *yaml.Node, what string) rawString {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		d.ps.addf(at(n), "%s: expected a string, found %s", what, kindName(n))
		return rawString{pos: at(n)}
	}
	return rawString{val: n.Value, pos: at(n), set: true}
}

// text reads a string, or as written a scalar of one of the tags, such as
// a date YAML reads as a timestamp; build checks the form.
func (d *decoder) text(n *yaml.Node, what string, tags ...string) rawString {
	if n.Kind == yaml.ScalarNode && slices.Contains(tags, n.ShortTag()) {
		return rawString{val: n.Value, pos: at(n), set: true}
	}
	return d.str(n, what)
}

func (d *decoder) boolean(n *yaml.Node, what string) rawBool {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		d.ps.addf(at(n), "%s: expected true or false, found %s", what, kindName(n))
		return rawBool{pos: at(n)}
	}
	v, _ := strconv.ParseBool(n.Value)
	if n.Value != "true" && n.Value != "false" {
		d.ps.addf(at(n), "%s: write the boolean %q as true or false", what, n.Value)
	}
	return rawBool{val: v, pos: at(n), set: true}
}

func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.ps.addf(at(n), "%s: expected a list, found %s", what, kindName(n))
		return nil
	}
	return n.Content
}

// strs reads a list of strings.
func (d *decoder) strs(n *yaml.Node, what string) []rawString {
	var out []rawString
	for i, item := range d.list(n, what) {
		out = append(out, d.str(item, fmt.Sprintf("%s[%d]", what, i)))
	}
	return out
}

func (d *decoder) table(n *yaml.Node) *rawTable {
	t := &rawTable{}
	ok := d.mapping(n, "top level", []field{
		{"version", true, func(v *yaml.Node) { t.version = d.text(v, "version", "!!int", "!!float") }},
		{"source", true, func(v *yaml.Node) { t.source = d.str(v, "source") }},
		{"default_region", true, func(v *yaml.Node) { t.defaultRegion = d.str(v, "default_region") }},
		{"default_endpoints", true, func(v *yaml.Node) {
			d.mapping(v, "default_endpoints", []field{
				{"public", true, func(v *yaml.Node) { t.defaultPublic = d.str(v, "default_endpoints.public") }},
				{"internal", true, func(v *yaml.Node) { t.defaultInternal = d.str(v, "default_endpoints.internal") }},
			})
		}},
		{"accelerate_endpoints", true, func(v *yaml.Node) {
			d.mapping(v, "accelerate_endpoints", []field{
				{"global", true, func(v *yaml.Node) { t.accelGlobal = d.str(v, "accelerate_endpoints.global") }},
				{"overseas", true, func(v *yaml.Node) { t.accelOverseas = d.str(v, "accelerate_endpoints.overseas") }},
			})
		}},
		{"regionless_endpoint", false, func(v *yaml.Node) { t.regionless = d.str(v, "regionless_endpoint") }},
		{"sources", !d.earlier, func(v *yaml.Node) {
			for i, item := range d.list(v, "sources") {
				what := fmt.Sprintf("sources[%d]", i)
				s := rawSource{pos: at(item)}
				d.mapping(item, what, []field{
					{"key", true, func(v *yaml.Node) { s.key = d.str(v, what+".key") }},
					{"title", true, func(v *yaml.Node) { s.title = d.str(v, what+".title") }},
					{"url", false, func(v *yaml.Node) { s.url = d.str(v, what+".url") }},
					{"date", true, func(v *yaml.Node) { s.date = d.text(v, what+".date", "!!timestamp") }},
				})
				t.sources = append(t.sources, s)
			}
		}},
		{"notes", false, func(v *yaml.Node) { t.notes = d.strs(v, "notes") }},
		{"families", false, func(v *yaml.Node) { t.families = d.families(v) }},
		{"public_dns", false, func(v *yaml.Node) { d.dnsLists("public_dns", v, &t.dns) }},
		{"other_region_ids", false, func(v *yaml.Node) { d.dnsLists("other_region_ids", v, &t.dns) }},
		{"regions", true, func(v *yaml.Node) {
			t.regionsPos, t.regionsList = at(v), v.Kind == yaml.SequenceNode
			items := d.list(v, "regions")
			t.regions = make([]rawRegion, 0, len(items))
			for i, item := range items {
				t.regions = append(t.regions, d.region(item, i))
			}
		}},
	})
	if !ok {
		return nil
	}
	return t
}

func (d *decoder) region(n *yaml.Node, index int) rawRegion {
	r := rawRegion{label: regionLabel(n, index)}
	in := func(f string) string { return r.label + ": " + f }
	d.mapping(n, r.label, []field{
		{"id", true, func(v *yaml.Node) { r.id = d.str(v, in("id")) }},
		{"name", true, func(v *yaml.Node) { r.name = d.str(v, in("name")) }},
		{"name_zh", false, func(v *yaml.Node) { r.nameZh = d.str(v, in("name_zh")) }},
		{"status", false, func(v *yaml.Node) { r.status = d.str(v, in("status")) }},
		{"cloud", false, func(v *yaml.Node) { r.cloud = d.str(v, in("cloud")) }},
		{"sources", !d.earlier, func(v *yaml.Node) {
			r.sourcesPos, r.sources = at(v), d.strs(v, in("sources"))
		}},
		{"confidence", false, func(v *yaml.Node) { r.confidence = d.str(v, in("confidence")) }},
		{"status_date", false, func(v *yaml.Node) { r.statusDate = d.text(v, in("status_date"), "!!timestamp") }},
		{"mainland_china", true, func(v *yaml.Node) { r.mainland = d.boolean(v, in("mainland_china")) }},
		{"endpoints", true, func(v *yaml.Node) {
			d.mapping(v, in("endpoints"), []field{
				{"public", true, func(v *yaml.Node) { r.public = d.str(v, in("endpoints.public")) }},
				{"internal", true, func(v *yaml.Node) { r.internal = d.str(v, in("endpoints.internal")) }},
				{"vpc", true, func(v *yaml.Node) { r.vpc = d.str(v, in("endpoints.vpc")) }},
				{"dual_stack", false, func(v *yaml.Node) { r.dualStack = d.str(v, in("endpoints.dual_stack")) }},
				{"internal_extra", false, func(v *yaml.Node) { r.internalExtra = d.strs(v, in("endpoints.internal_extra")) }},
			})
		}},
		{"irregular_endpoints", false, func(v *yaml.Node) { r.irregular = d.boolean(v, in("irregular_endpoints")) }},
		{"accelerate", true, func(v *yaml.Node) {
			if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == "not stated" {
				r.accelerate, r.accelNotStated = rawBool{pos: at(v), set: true}, true
				return
			}
			if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
				d.ps.addf(at(v), "%s: expected true, false or \"not stated\", found %s", in("accelerate"), kindName(v))
				return
			}
			r.accelerate = d.boolean(v, in("accelerate"))
		}},
		{"vip_ranges", true, func(v *yaml.Node) { d.vipRanges(v, &r) }},
		{"deviations", false, func(v *yaml.Node) { r.deviations = d.deviations(v, in("deviations")) }},
		{"aliases", false, func(v *yaml.Node) {
			for i, item := range d.list(v, in("aliases")) {
				what := in(fmt.Sprintf("aliases[%d]", i))
				a := rawAlias{pos: at(item)}
				d.mapping(item, what, []field{
					{"id", true, func(v *yaml.Node) { a.id = d.str(v, what+".id") }},
					{"source", true, func(v *yaml.Node) { a.source = d.str(v, what+".source") }},
				})
				r.aliases = append(r.aliases, a)
			}
		}},
	})
	return r
}

// vipRanges reads either a list of prefixes or the word "ticket".
func (d *decoder) vipRanges(n *yaml.Node, r *rawRegion) {
	what := r.label + ": vip_ranges"
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" && n.Value == "ticket" {
		r.vipSet, r.vipPos, r.vipByTicket = true, at(n), true
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.ps.addf(at(n), "%s: expected a list of CIDR prefixes or the word ticket, found %s", what, kindName(n))
		return
	}
	r.vipSet, r.vipPos, r.vip = true, at(n), d.strs(n, what)
}

// regionLabel names a region entry for messages, with its ID where it has a plain one.
func regionLabel(n *yaml.Node, index int) string {
	label := fmt.Sprintf("regions[%d]", index)
	if n.Kind != yaml.MappingNode {
		return label
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if v := n.Content[i+1]; n.Content[i].Value == "id" && v.Kind == yaml.ScalarNode && regionIDProblem(v.Value) == "" {
			return label + " (" + v.Value + ")"
		}
	}
	return label
}
