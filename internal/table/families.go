package table

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Family is a family of OSS hosts besides the table's endpoints (the
// buckets family, which has no entry): what its hosts look like and what
// V4 signing takes from them.
type Family struct {
	Name        string   // "access-points", as Family.String returns it
	Const       string   // "AccessPoints", the constant in package regions
	Title       string   // what the hosts are, for the constant's doc
	Forms       []Form   // in table order
	ByCloudBox  bool     // V4 signs with the CloudBox ID in the host, not the region
	Product     string   // the V4 signing product: "oss" unless stated
	BaseDomains []string // the family's domains that are no endpoint
	Sources     []string
}

// Form is one host template of a family, split at generation:
// [{bucket}.][{cloudbox}.]<Prefix>{region|zone}[-internal].<Domain>.
type Form struct {
	Text     string // the template as written
	Bucket   bool   // a bucket label may stand in front
	CloudBox bool   // a CloudBox ID label stands before the region label
	Prefix   string // what the region label holds before the ID: "oss-" or ""
	Zone     bool   // the region label holds a zone ID (cn-beijing-h), not a region ID
	Internal bool   // the region label may end in -internal (the internal form)
	Domain   string // what follows the region label: "oss-accesspoint.aliyuncs.com"
}

// rawFamily is one entry of the top-level families list.
type rawFamily struct {
	name, constName, title, signing, product rawString
	forms, baseDomains, sources              []rawString
	formsPos, sourcesPos, pos                position
	formsSet, sourcesSet                     bool
}

// families reads the top-level families list.
func (d *decoder) families(n *yaml.Node) []rawFamily {
	var out []rawFamily
	for i, item := range d.list(n, "families") {
		what := fmt.Sprintf("families[%d]", i)
		f := rawFamily{pos: at(item)}
		d.mapping(item, what, []field{
			{"name", true, func(v *yaml.Node) { f.name = d.str(v, what+".name") }},
			{"const", true, func(v *yaml.Node) { f.constName = d.str(v, what+".const") }},
			{"title", true, func(v *yaml.Node) { f.title = d.str(v, what+".title") }},
			{"forms", true, func(v *yaml.Node) { f.formsPos, f.formsSet, f.forms = at(v), true, d.strs(v, what+".forms") }},
			{"signing", false, func(v *yaml.Node) { f.signing = d.str(v, what+".signing") }},
			{"product", false, func(v *yaml.Node) { f.product = d.str(v, what+".product") }},
			{"base_domains", false, func(v *yaml.Node) { f.baseDomains = d.strs(v, what+".base_domains") }},
			{"sources", true, func(v *yaml.Node) { f.sourcesPos, f.sourcesSet, f.sources = at(v), true, d.strs(v, what+".sources") }},
		})
		out = append(out, f)
	}
	return out
}

// maxFamilies bounds the families list: package regions numbers them in
// a uint8 after Buckets.
const maxFamilies = 200

// families checks the families list: names, constants and titles, each
// form's template, signing, product and base domains, and sources.
func (v *validator) families(raws []rawFamily, regions []Region) []Family {
	if len(raws) > maxFamilies {
		v.ps.addf(raws[maxFamilies].pos, "families: more than %d families", maxFamilies)
		return nil
	}
	names, consts := map[string]bool{"buckets": true}, map[string]bool{"buckets": true}
	for _, r := range regions {
		consts[strings.ToLower(r.GoName)] = true
	}
	domains := map[string]string{}
	var out []Family
	for i, raw := range raws {
		what := fmt.Sprintf("families[%d]", i)
		f := Family{Product: "oss"}
		if raw.name.set {
			switch {
			case !isHostLabel(raw.name.val) || raw.name.val[0] < 'a':
				v.ps.addf(raw.name.pos, "%s.name: %q is not a family name; expected lower-case letters, digits and hyphens, such as access-points", what, clip(raw.name.val))
			case names[raw.name.val]:
				v.ps.addf(raw.name.pos, "%s.name: %q is taken; every family has its own name", what, raw.name.val)
			default:
				f.Name, names[raw.name.val] = raw.name.val, true
			}
		}
		if raw.constName.set {
			c := raw.constName.val
			msg := checkGoName(c)
			if msg == "" && strings.ContainsFunc(c, func(r rune) bool { return r >= 0x80 || r == '_' }) {
				msg = "is not made of ASCII letters and digits"
			}
			if msg == "" && consts[strings.ToLower(c)] {
				msg = "is taken by a region or another family"
			}
			if msg != "" {
				v.ps.addf(raw.constName.pos, "%s.const: %q %s", what, clip(c), msg)
			} else {
				f.Const, consts[strings.ToLower(c)] = c, true
			}
		}
		f.Title = v.text(raw.title, what+".title")
		if len(f.Title) > maxNameLen {
			v.ps.addf(raw.title.pos, "%s.title: longer than %d characters", what, maxNameLen)
		}
		for j, s := range raw.forms {
			if !s.set {
				continue
			}
			form, msg := parseForm(s.val)
			if msg == "" && domains[form.Prefix+"|"+form.Domain] != "" {
				msg = "has the domain and region prefix of " + domains[form.Prefix+"|"+form.Domain] + ": no host could tell them apart"
			}
			if msg != "" {
				v.ps.addf(s.pos, "%s.forms[%d]: %q %s", what, j, clip(s.val), msg)
				continue
			}
			domains[form.Prefix+"|"+form.Domain] = f.Name
			if form.CloudBox && raw.signing.val != "cloudbox" {
				v.ps.addf(s.pos, "%s.forms[%d]: a form with {cloudbox} needs signing: cloudbox", what, j)
			}
			f.Forms = append(f.Forms, form)
		}
		if len(raw.forms) == 0 && raw.formsSet {
			v.ps.addf(raw.formsPos, "%s.forms: a family needs at least one form", what)
		}
		switch raw.signing.val {
		case "", "region":
		case "cloudbox":
			f.ByCloudBox = true
		default:
			v.ps.addf(raw.signing.pos, "%s.signing: %q; expected region or cloudbox", what, clip(raw.signing.val))
		}
		if raw.product.set {
			if isHostLabel(raw.product.val) && raw.product.val[0] >= 'a' {
				f.Product = raw.product.val
			} else {
				v.ps.addf(raw.product.pos, "%s.product: %q is not a signing product; expected lower-case letters, digits and hyphens, such as oss", what, clip(raw.product.val))
			}
		}
		for j, b := range raw.baseDomains {
			if h := v.host(b, fmt.Sprintf("%s.base_domains[%d]", what, j), ""); h != "" {
				f.BaseDomains = append(f.BaseDomains, h)
			}
		}
		if raw.sourcesSet && len(raw.sources) == 0 {
			v.ps.addf(raw.sourcesPos, "%s.sources: name at least one source", what)
		}
		for j, s := range raw.sources {
			if key := v.sourceRef(s, fmt.Sprintf("%s.sources[%d]", what, j)); key != "" {
				f.Sources = append(f.Sources, key)
			}
		}
		out = append(out, f)
	}
	return out
}

// parseForm reads a host template, [{bucket}.][{cloudbox}.]<prefix>{region}
// or {zone}, then [-internal], then .<domain> ending in aliyuncs.com, and
// says what is wrong with it, or "".
func parseForm(s string) (Form, string) {
	f := Form{Text: s}
	rest := s
	rest, f.Bucket = strings.CutPrefix(rest, "[{bucket}.]")
	rest, f.CloudBox = strings.CutPrefix(rest, "{cloudbox}.")
	label, domain, ok := strings.Cut(rest, ".")
	if !ok {
		return f, "has no domain after the region label"
	}
	label, f.Internal = strings.CutSuffix(label, "[-internal]")
	switch {
	case strings.HasSuffix(label, "{region}"):
		f.Prefix = strings.TrimSuffix(label, "{region}")
	case strings.HasSuffix(label, "{zone}"):
		f.Prefix, f.Zone = strings.TrimSuffix(label, "{zone}"), true
	default:
		return f, "is not a host form; expected [{bucket}.][{cloudbox}.]prefix{region}[-internal].domain, such as [{bucket}.]{region}.oss-dls.aliyuncs.com ({zone} for {region} where a zone stands)"
	}
	if f.Prefix != "" && (!isHostLabel(f.Prefix+"x") || !strings.HasSuffix(f.Prefix, "-")) {
		return f, "has a region prefix that is not lower-case letters, digits and hyphens ending in a hyphen (such as oss-)"
	}
	if f.Prefix == "" && f.Zone {
		return f, "has {zone} without a prefix: such a label would read as a region"
	}
	if msg := checkHost("x." + domain); msg != "" || !strings.HasSuffix("x."+domain, ossDomain) {
		return f, "has a domain that is not a host name in aliyuncs.com"
	}
	f.Domain = domain
	if domain == "aliyuncs.com" && f.Prefix == "" || domain == "oss.aliyuncs.com" && f.Prefix == "" {
		return f, "reads like the table's own endpoints; give the region label a prefix or a domain of its own"
	}
	return f, ""
}

// nameZh checks a region's name on the China site: one line of printable
// text, at most maxNameLen characters, no other region's name.
func (v *validator) nameZh(s rawString, what string) string {
	name := v.text(s, what)
	if n := utf8.RuneCountInString(name); n > maxNameLen {
		v.ps.addf(s.pos, "%s: %d characters, more than %d (maxNameLen in internal/table/validate.go)", what, n, maxNameLen)
		return ""
	}
	if name != "" {
		key := strings.ToLower(name)
		if prev, dup := v.names[key]; dup {
			v.ps.addf(s.pos, "%s: %q is already the name of the region at line %d", what, name, prev.line)
			return ""
		}
		v.names[key] = s.pos
	}
	return name
}
