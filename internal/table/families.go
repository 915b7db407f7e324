package table

import (
	"cmp"
	"regexp"
	"strings"

	"github.com/ossregions/ossregions/internal/grammar"
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

// maxFamilies bounds the families list: package regions numbers them in
// a uint8 after Buckets.
const maxFamilies = 200

// families checks what the families list says together: names,
// constants and domains each a family's own, forms with {cloudbox} signed
// so, and the sources and base domains.
func (v *validator) families(list *node) []Family {
	if len(list.items) > maxFamilies {
		v.ps.addf(list.items[maxFamilies].pos, "families: more than %d families", maxFamilies)
		return nil
	}
	names, domains := map[string]bool{"buckets": true}, map[string]string{}
	var out []Family
	for _, n := range list.items {
		f := Family{Product: cmp.Or(n.get("product").val(), "oss"), Sources: v.sourceRefs(n.get("sources"), "name at least one source", true)}
		f.Title, f.ByCloudBox = n.get("title").val(), n.get("signing").val() == "cloudbox"
		if name := n.get("name"); name.ok && names[name.s] {
			v.bad(name, "%q is taken; every family has its own name", name.s)
		} else if f.Name = name.val(); name.ok {
			names[f.Name] = true
		}
		if c := n.get("const"); c.ok && v.goNames[strings.ToLower(c.s)] != "" {
			v.bad(c, "%q is taken by %s", c.s, v.goNames[strings.ToLower(c.s)])
		} else if f.Const = c.val(); c.ok {
			v.goNames[strings.ToLower(f.Const)] = "another family"
		}
		forms := n.get("forms")
		for _, s := range forms.items {
			form, _ := parseForm(s.s)
			if other := domains[form.Prefix+"|"+form.Domain]; s.ok && other != "" {
				v.bad(s, "%q has the domain and region prefix of %s: no host could tell them apart", clip(s.s), other)
			} else if s.ok {
				domains[form.Prefix+"|"+form.Domain] = f.Name
				if form.CloudBox && n.get("signing").s != "cloudbox" {
					v.bad(s, "a form with {cloudbox} needs signing: cloudbox")
				}
				f.Forms = append(f.Forms, form)
			}
		}
		if forms.set() && len(forms.items) == 0 {
			v.bad(forms, "a family needs at least one form")
		}
		for _, b := range n.get("base_domains").items {
			if h := v.host(b, ""); h != "" {
				f.BaseDomains = append(f.BaseDomains, h)
			}
		}
		out = append(out, f)
	}
	return out
}

var (
	familyNameProblem = matches(`^[a-z]([a-z0-9-]*[a-z0-9])?$`, "is not a family name; expected lower-case letters, digits and hyphens, such as access-points")
	productProblem    = matches(`^[a-z]([a-z0-9-]*[a-z0-9])?$`, "is not a signing product; expected lower-case letters, digits and hyphens, such as oss")
)

func familyConstProblem(c string) string {
	if strings.ContainsFunc(c, func(r rune) bool { return r >= 0x80 || r == '_' }) && checkGoName(c) == "" {
		return "is not made of ASCII letters and digits"
	}
	return checkGoName(c)
}

func formProblem(s string) string {
	_, msg := parseForm(s)
	return msg
}

// formSyntax is a host template: [{bucket}.][{cloudbox}.]<prefix>{region}
// or {zone}, then [-internal], then .<domain>.
var formSyntax = regexp.MustCompile(`^(\[\{bucket\}\.\])?(\{cloudbox\}\.)?([^.{}]*)\{(region|zone)\}(\[-internal\])?\.(.*)$`)

// parseForm reads a host template and says what is wrong with it, or "".
func parseForm(s string) (Form, string) {
	m := formSyntax.FindStringSubmatch(s)
	if m == nil {
		return Form{}, "is not a host form; expected [{bucket}.][{cloudbox}.]prefix{region}[-internal].domain, such as [{bucket}.]{region}.oss-dls.aliyuncs.com ({zone} for {region} where a zone stands)"
	}
	f := Form{Text: s, Bucket: m[1] != "", CloudBox: m[2] != "", Prefix: m[3], Zone: m[4] == "zone", Internal: m[5] != "", Domain: m[6]}
	switch {
	case f.Prefix != "" && (!grammar.IsHostLabel(f.Prefix+"x") || !strings.HasSuffix(f.Prefix, "-")):
		return f, "has a region prefix that is not lower-case letters, digits and hyphens ending in a hyphen (such as oss-)"
	case f.Prefix == "" && f.Zone:
		return f, "has {zone} without a prefix: such a label would read as a region"
	case hostNameProblem("x."+f.Domain) != "" || !strings.HasSuffix("x."+f.Domain, ossDomain):
		return f, "has a domain that is not a host name in aliyuncs.com"
	case f.Prefix == "" && (f.Domain == "aliyuncs.com" || f.Domain == "oss.aliyuncs.com"):
		return f, "reads like the table's own endpoints; give the region label a prefix or a domain of its own"
	}
	return f, ""
}
