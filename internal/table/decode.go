package table

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// node is a value as read: where it is, how messages name it, and, where
// it has the type its field expects, the value.
type node struct {
	what   string // "regions[3] (oss-cn-beijing): endpoints.public"
	pos    position
	ok     bool             // the value has the expected type and passed its field's check
	s      string           // a scalar's text, where it has the expected type
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

// val is the value of a field that passed its checks, or "".
func (n *node) val() string {
	if n.ok {
		return n.s
	}
	return ""
}

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

// field is one key a mapping may hold. check, where set, says what is
// wrong with a string value, or with each string of a list, or "".
type field struct {
	key    string
	need   need
	kind   kind
	check  func(string) string
	fields []field // of a mapping or of each mapping of a list
}

var (
	checkHost     = hostIn(threeLabelProblem)
	publishedWord = oneOf("word public_dns knows", "published", "unpublished")
	statusWord    = oneOf("status", nameWords(Statuses)...)
	cloudWord     = oneOf("cloud", nameWords(Clouds)...)
)

// tableFields is the schema of regions.yaml, and regionFields of each region.
var tableFields = []field{
	{"version", required, kVersion, versionProblem, nil},
	{"source", required, kString, checkText, nil},
	{"default_region", required, kString, nil, nil},
	{"default_endpoints", required, kMapping, nil, []field{{"public", required, kString, checkHost, nil}, {"internal", required, kString, checkHost, nil}}},
	{"accelerate_endpoints", required, kMapping, nil, []field{{"global", required, kString, checkHost, nil}, {"overseas", required, kString, checkHost, nil}}},
	{"regionless_endpoint", optional, kString, checkHost, nil},
	{"sources", requiredNow, kMappings, nil, []field{
		{"key", required, kString, sourceKeyProblem, nil}, {"title", required, kString, checkText, nil},
		{"url", optional, kString, urlProblem, nil}, {"date", required, kDate, dateIn("a date YYYY-MM-DD or a month YYYY-MM", time.DateOnly, "2006-01"), nil},
	}},
	{"notes", optional, kStrings, checkText, nil},
	{"families", optional, kMappings, nil, []field{
		{"name", required, kString, familyNameProblem, nil}, {"const", required, kString, familyConstProblem, nil},
		{"title", required, kString, checkName, nil}, {"forms", required, kStrings, formProblem, nil},
		{"signing", optional, kString, oneOf("way of signing", "region", "cloudbox"), nil}, {"product", optional, kString, productProblem, nil},
		{"base_domains", optional, kStrings, checkHost, nil}, {"sources", required, kStrings, nil, nil},
	}},
	{"public_dns", optional, kMappings, nil, []field{
		{"cloud", required, kString, cloudWord, nil}, {"internal", required, kString, publishedWord, nil},
		{"aaaa", required, kString, publishedWord, nil}, {"sources", required, kStrings, nil, nil},
	}},
	{"other_region_ids", optional, kMappings, nil, []field{
		{"id", required, kString, cloudIDProblem, nil}, {"name", required, kString, checkName, nil}, {"sources", required, kStrings, nil, nil},
	}},
	{"schemes", requiredNow, kMappings, nil, []field{{"name", required, kString, schemeProblem, nil}, {"sources", required, kStrings, nil, nil}}},
	{"slips", optional, kMappings, nil, []field{
		{"written", required, kString, writtenProblem, nil}, {"meant", required, kString, slipTextProblem, nil},
		{"reason", required, kString, reasonProblem, nil}, {"sources", required, kStrings, nil, nil},
	}},
	{"regions", required, kMappings, nil, regionFields},
}

var regionFields = []field{
	{"id", required, kString, RegionIDProblem, nil},
	{"name", required, kString, checkName, nil},
	{"name_zh", optional, kString, checkName, nil},
	{"status", optional, kString, statusWord, nil},
	{"cloud", optional, kString, cloudWord, nil},
	{"sources", requiredNow, kStrings, nil, nil},
	{"confidence", optional, kString, oneOf("confidence", "high", "medium", "low"), nil},
	{"status_date", optional, kDate, dateIn("a date YYYY-MM-DD", time.DateOnly), nil},
	{"mainland_china", required, kBool, nil, nil},
	{"endpoints", required, kMapping, nil, []field{
		{"public", required, kString, checkHost, nil}, {"internal", required, kString, checkHost, nil}, {"vpc", required, kString, checkHost, nil},
		{"dual_stack", optional, kString, hostIn(dualStackProblem), nil}, {"internal_extra", optional, kStrings, checkHost, nil},
	}},
	{"irregular_endpoints", optional, kBool, nil, nil},
	{"accelerate", required, kAccel, nil, nil},
	{"vip_ranges", required, kVIP, prefixProblem, nil},
	{"deviations", optional, kMappings, nil, []field{
		{"source", required, kString, nil, nil}, {"field", required, kString, oneOf("field the page check compares", DeviationFields...), nil},
		{"page", required, kString, nil, nil}, {"why", required, kString, checkText, nil},
	}},
	{"aliases", optional, kMappings, nil, []field{{"id", required, kString, aliasProblem, nil}, {"source", required, kString, nil, nil}}},
}

// decoder checks the shape and scalar types of the YAML tree.
type decoder struct {
	ps      *problems
	earlier bool // a table of an earlier release
}

func at(n *yaml.Node) position { return position{n.Line, n.Column} }

// kindName names a node's type for messages.
func kindName(n *yaml.Node) string {
	switch tag := n.ShortTag(); {
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case tag == "!!str":
		return fmt.Sprintf("the string %q", n.Value)
	case tag == "!!int" || tag == "!!float":
		return "the number " + n.Value
	case tag == "!!bool":
		return "the boolean " + n.Value
	case tag == "!!null":
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
		switch first := seen[k.Value]; {
		case j < 0 || k.ShortTag() != "!!str":
			keys := make([]string, len(fields))
			for i, f := range fields {
				keys[i] = f.key
			}
			d.ps.addf(at(k), "%s: unknown field %q; expected one of %s", out.what, k.Value, strings.Join(keys, ", "))
		case first != nil: // yaml.v3 rejects duplicate keys only when it decodes into Go values
			d.ps.addf(at(k), "%s: field %q appears twice, here and at line %d column %d; keep one", out.what, k.Value, first.Line, first.Column)
		default:
			seen[k.Value] = k
			out.fields[k.Value] = d.value(v, fields[j], prefix+k.Value)
		}
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
	case tag == "!!str" && f.kind <= kVersion, tag == "!!timestamp" && f.kind == kDate, (tag == "!!int" || tag == "!!float") && f.kind == kVersion:
		out.s, out.ok = n.Value, true
		if f.check != nil && f.check(n.Value) != "" {
			out.ok = false
			d.ps.addf(out.pos, "%s: %q %s", what, clip(n.Value), f.check(n.Value))
		}
	case tag == "!!str" && (n.Value == "not stated" && f.kind == kAccel || n.Value == "ticket" && f.kind == kVIP):
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
			m := &node{what: fmt.Sprintf("%s[%d]", what, i), pos: at(item)}
			switch prefix := m.what + "."; {
			case f.kind != kMappings:
				m = d.value(item, field{kind: kString, check: f.check}, m.what)
			case f.key == "regions":
				m.what = regionLabel(item, i)
				m.ok = d.mapping(item, m, m.what+": ", f.fields)
			default:
				m.ok = d.mapping(item, m, prefix, f.fields)
			}
			out.items = append(out.items, m)
		}
	}
	return out
}

// regionLabel names a region entry for messages, with its ID where it has a plain one.
func regionLabel(n *yaml.Node, index int) string {
	label := fmt.Sprintf("regions[%d]", index)
	for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		if v := n.Content[i+1]; n.Content[i].Value == "id" && v.Kind == yaml.ScalarNode && regionIDProblem(v.Value) == "" {
			return label + " (" + v.Value + ")"
		}
	}
	return label
}
