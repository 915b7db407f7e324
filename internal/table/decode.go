package table

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// node is a value as read: where it is, how messages name it, and, where
// it has the type its field expects, the value.
type node struct {
	what   string // "regions[3] (oss-cn-beijing): endpoints.public"
	pos    position
	ok     bool             // the value has the expected type
	s      string           // a scalar's text
	fields map[string]*node // a mapping's fields, the first of each key
	items  []*node          // a list's items
}

// absent stands for a field that is not written.
var absent = &node{}

// get returns the field key of a mapping, or absent.
func (n *node) get(key string) *node {
	if f := n.fields[key]; f != nil {
		return f
	}
	return absent
}

// set reports whether the field is written, with any type.
func (n *node) set() bool { return n.pos != (position{}) }

// boolean is the value of a true or false.
func (n *node) boolean() bool {
	b, _ := strconv.ParseBool(n.s)
	return n.ok && b
}

// kind is the type a field expects.
type kind int

const (
	kString  kind = iota
	kDate         // a string, or a date YAML reads as a timestamp
	kVersion      // a string, or a version YAML reads as a number
	kBool
	kAccel    // true, false or "not stated"
	kVIP      // a list of strings or the word ticket
	kStrings  // a list of strings
	kMapping  // a mapping of fields
	kMappings // a list of mappings of fields
)

// need says whether a mapping must hold a field.
type need int

const (
	optional need = iota
	required
	requiredNow // required, but optional in an earlier release's table (decoder.earlier)
)

// field is one key a mapping may hold.
type field struct {
	key    string
	need   need
	kind   kind
	fields []field // of a mapping or of each mapping of a list
}

var tableFields = []field{
	{"version", required, kVersion, nil},
	{"source", required, kString, nil},
	{"default_region", required, kString, nil},
	{"default_endpoints", required, kMapping, []field{{"public", required, kString, nil}, {"internal", required, kString, nil}}},
	{"accelerate_endpoints", required, kMapping, []field{{"global", required, kString, nil}, {"overseas", required, kString, nil}}},
	{"regionless_endpoint", optional, kString, nil},
	{"sources", requiredNow, kMappings, []field{
		{"key", required, kString, nil}, {"title", required, kString, nil}, {"url", optional, kString, nil}, {"date", required, kDate, nil},
	}},
	{"notes", optional, kStrings, nil},
	{"families", optional, kMappings, []field{
		{"name", required, kString, nil}, {"const", required, kString, nil}, {"title", required, kString, nil},
		{"forms", required, kStrings, nil}, {"signing", optional, kString, nil}, {"product", optional, kString, nil},
		{"base_domains", optional, kStrings, nil}, {"sources", required, kStrings, nil},
	}},
	{"public_dns", optional, kMappings, []field{
		{"cloud", required, kString, nil}, {"internal", required, kString, nil}, {"aaaa", required, kString, nil}, {"sources", required, kStrings, nil},
	}},
	{"other_region_ids", optional, kMappings, []field{
		{"id", required, kString, nil}, {"name", required, kString, nil}, {"sources", required, kStrings, nil},
	}},
	{"regions", required, kMappings, regionFields},
}

var regionFields = []field{
	{"id", required, kString, nil},
	{"name", required, kString, nil},
	{"name_zh", optional, kString, nil},
	{"status", optional, kString, nil},
	{"cloud", optional, kString, nil},
	{"sources", requiredNow, kStrings, nil},
	{"confidence", optional, kString, nil},
	{"status_date", optional, kDate, nil},
	{"mainland_china", required, kBool, nil},
	{"endpoints", required, kMapping, []field{
		{"public", required, kString, nil}, {"internal", required, kString, nil}, {"vpc", required, kString, nil},
		{"dual_stack", optional, kString, nil}, {"internal_extra", optional, kStrings, nil},
	}},
	{"irregular_endpoints", optional, kBool, nil},
	{"accelerate", required, kAccel, nil},
	{"vip_ranges", required, kVIP, nil},
	{"deviations", optional, kMappings, []field{
		{"source", required, kString, nil}, {"field", required, kString, nil}, {"page", required, kString, nil}, {"why", required, kString, nil},
	}},
	{"aliases", optional, kMappings, []field{{"id", required, kString, nil}, {"source", required, kString, nil}}},
}

// decoder checks the shape and scalar types of the YAML tree.
type decoder struct {
	ps      *problems
	earlier bool // a table of an earlier release
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

// mapping reads the fields of a mapping into out, naming each prefix+key,
// and reports unknown, repeated and missing ones.
func (d *decoder) mapping(n *yaml.Node, out *node, prefix string, fields []field) bool {
	if n.Kind != yaml.MappingNode {
		d.ps.addf(at(n), "%s: expected a mapping, found %s", out.what, kindName(n))
		return false
	}
	out.fields = map[string]*node{}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		j := slices.IndexFunc(fields, func(f field) bool { return f.key == k.Value })
		if j < 0 || k.ShortTag() != "!!str" {
			keys := make([]string, len(fields))
			for i, f := range fields {
				keys[i] = f.key
			}
			d.ps.addf(at(k), "%s: unknown field %q; expected one of %s", out.what, k.Value, strings.Join(keys, ", "))
			continue
		}
		f := fields[j]
		// yaml.v3 rejects duplicate keys only when it decodes into Go values.
		if first := seen[f.key]; first != nil {
			d.ps.addf(at(k), "%s: field %q appears twice, here and at line %d column %d; keep one", out.what, f.key, first.Line, first.Column)
			continue
		}
		seen[f.key] = k
		out.fields[f.key] = d.value(v, f, prefix+f.key)
	}
	for _, f := range fields {
		if seen[f.key] == nil && (f.need == required || f.need == requiredNow && !d.earlier) {
			d.ps.addf(at(n), "%s: missing field %q", out.what, f.key)
		}
	}
	return true
}

// value reads the value of field f.
func (d *decoder) value(n *yaml.Node, f field, what string) *node {
	out := &node{what: what, pos: at(n)}
	tag := n.ShortTag()
	if n.Kind != yaml.ScalarNode {
		tag = ""
	}
	switch {
	case tag == "!!str" && (f.kind == kString || f.kind == kDate || f.kind == kVersion),
		tag == "!!timestamp" && f.kind == kDate, (tag == "!!int" || tag == "!!float") && f.kind == kVersion,
		tag == "!!str" && n.Value == "not stated" && f.kind == kAccel, tag == "!!str" && n.Value == "ticket" && f.kind == kVIP:
		out.ok, out.s = true, n.Value
	case f.kind <= kVersion:
		d.ps.addf(out.pos, "%s: expected a string, found %s", what, kindName(n))
	case tag == "!!bool" && (f.kind == kBool || f.kind == kAccel):
		out.ok, out.s = true, n.Value
		if n.Value != "true" && n.Value != "false" {
			d.ps.addf(out.pos, "%s: write the boolean %q as true or false", what, n.Value)
		}
	case f.kind == kBool:
		d.ps.addf(out.pos, "%s: expected true or false, found %s", what, kindName(n))
	case f.kind == kAccel:
		d.ps.addf(out.pos, "%s: expected true, false or \"not stated\", found %s", what, kindName(n))
	case f.kind == kVIP && n.Kind != yaml.SequenceNode:
		d.ps.addf(out.pos, "%s: expected a list of CIDR prefixes or the word ticket, found %s", what, kindName(n))
	case f.kind == kMapping:
		out.ok = d.mapping(n, out, what+".", f.fields)
	case n.Kind != yaml.SequenceNode:
		d.ps.addf(out.pos, "%s: expected a list, found %s", what, kindName(n))
	default:
		out.ok = true
		for i, item := range n.Content {
			if f.kind != kMappings {
				out.items = append(out.items, d.value(item, field{kind: kString}, fmt.Sprintf("%s[%d]", what, i)))
				continue
			}
			m := &node{what: fmt.Sprintf("%s[%d]", what, i), pos: at(item)}
			prefix := m.what + "."
			if f.key == "regions" {
				m.what = regionLabel(item, i)
				prefix = m.what + ": "
			}
			m.ok = d.mapping(item, m, prefix, f.fields)
			out.items = append(out.items, m)
		}
	}
	return out
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
