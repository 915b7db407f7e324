package table

import (
	"cmp"
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/semver"

	"github.com/ossregions/ossregions/internal/grammar"
)

// The checks of one value, which the schema (decode.go) attaches to fields:
// each says what is wrong with the value it is given, or "".

// checkText checks free text, which reaches generated comments and docs: one line of printable characters.
func checkText(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("contains %U, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)", r)
		}
	}
	switch {
	case s == "":
		return "is empty; expected text"
	case strings.TrimSpace(s) != s:
		return "has leading or trailing space"
	}
	return ""
}

// maxNameLen caps a display name or a title, in characters; the longest real one has 30.
const maxNameLen = 80

func checkName(s string) string {
	if n := utf8.RuneCountInString(s); n > maxNameLen && checkText(s) == "" {
		return fmt.Sprintf("has %d characters, more than %d (maxNameLen in internal/table/validate.go): a name must fit a cell of REGIONS.md and a line of go doc", n, maxNameLen)
	}
	return checkText(s)
}

// oneOf checks that a value is one of words, naming the kind of value ("status") it is not.
func oneOf(kind string, words ...string) func(string) string {
	return func(s string) string {
		if slices.Contains(words, s) {
			return ""
		}
		return "is not a " + kind + "; expected " + orList(words)
	}
}

// dateIn checks a date in one of the layouts, written as the layout writes
// it; form names the layouts in the message.
func dateIn(form string, layouts ...string) func(string) string {
	return func(d string) string {
		for _, l := range layouts {
			if t, err := time.Parse(l, d); err == nil && t.Format(l) == d {
				return ""
			}
		}
		return "is not " + form
	}
}

func versionProblem(s string) string {
	v := "v" + s
	switch {
	case !semver.IsValid(v) || strings.HasPrefix(s, "v") || semver.Canonical(v) != v && semver.Build(v) == "":
		hint := "" // MAJOR.MINOR, which YAML reads as a number, lacks only its patch.
		if c := semver.Canonical(v); c != "" && strings.Count(s, ".") == 1 {
			hint = fmt.Sprintf(" (did you mean %s?)", c[1:])
		}
		return "is not a semantic version MAJOR.MINOR.PATCH (such as 1.2.0, without a leading v)" + hint
	case semver.Prerelease(v) != "" || semver.Build(v) != "":
		return "has a pre-release or build suffix; the table has release versions only, MAJOR.MINOR.PATCH (such as 1.2.0)"
	}
	return ""
}

// matches checks that a value matches pattern; msg says what was expected.
func matches(pattern, msg string) func(string) string {
	re := regexp.MustCompile(pattern)
	return func(s string) string {
		if re.MatchString(s) {
			return ""
		}
		return msg
	}
}

// sourceKeyProblem checks a source key ("D-intl", "TF").
var sourceKeyProblem = matches(`^[A-Za-z][A-Za-z0-9-]{0,31}$`, "is not a source key: a letter, then letters, digits and hyphens, at most 32")

func urlProblem(u string) string {
	if p, err := url.Parse(u); err != nil || p.Scheme != "https" || !strings.Contains(p.Host, ".") || p.User != nil ||
		strings.ContainsAny(u, " \t\"'<>`") || checkText(u) != "" {
		return "is not an https:// URL with a host"
	}
	return ""
}

// hostIn checks a host in Alibaba Cloud's OSS domain of the form that form checks.
func hostIn(form func(string) string) func(string) string {
	return func(h string) string {
		if msg := hostNameProblem(h); msg != "" {
			return "is not a valid host name: " + msg
		}
		if !strings.HasSuffix(h, ossDomain) {
			return "is not in Alibaba Cloud's OSS domain; an endpoint must end in " + ossDomain
		}
		return form(h)
	}
}

// ossDomain holds every endpoint: ParseEndpoint vouches for the table's hosts.
const ossDomain, dualStackDomain = grammar.OSSDomain, grammar.DualStackDomain

// ParseEndpoint counts labels from the end to find the endpoint behind a
// bucket label, so hosts keep to L.aliyuncs.com and <id>.oss.aliyuncs.com.
func threeLabelProblem(h string) string {
	if strings.Count(h, ".") != 2 {
		return "has more than three labels; expected the form L.aliyuncs.com, which ParseEndpoint relies on to find the endpoint behind a bucket label (dual-stack hosts <id>.oss.aliyuncs.com go in endpoints.dual_stack)"
	}
	if label := h[:strings.IndexByte(h, '.')]; label != "oss" && !strings.HasPrefix(label, "oss-") {
		return "is not an OSS host: its first label must be oss or begin with oss- (other products' hosts, such as sts.aliyuncs.com, would map to a region)"
	}
	return ""
}

func dualStackProblem(h string) string {
	id, ok := grammar.DualStackID(h)
	switch {
	case !ok:
		return "is not of the form <id>" + dualStackDomain + ", which ParseEndpoint reads as a dual-stack endpoint"
	case regionIDProblem("oss-"+id) != "" || len(id) < 3 || id[2] != '-':
		return "does not begin with a region ID whose first part is a two-letter area (cn-, ap-, ...); ParseEndpoint would read that label as a bucket on oss.aliyuncs.com"
	}
	return ""
}

func hostNameProblem(h string) string {
	labels := strings.Split(h, ".")
	switch {
	case len(h) > 253:
		return "longer than 253 characters"
	case len(labels) < 3:
		return "expected at least three labels, such as oss-cn-hangzhou.aliyuncs.com"
	}
	for _, l := range labels {
		if len(l) > 63 {
			return fmt.Sprintf("label %q is longer than 63 characters", clip(l))
		} else if !grammar.IsHostLabel(l) {
			return fmt.Sprintf("label %q must be lower-case letters, digits and inner hyphens", clip(l))
		}
	}
	if strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return "it looks like an IP address (its last label is all digits), which the package refuses as an endpoint"
	}
	return ""
}

// ipv4Mapped is the IPv6 block LookupIP reads as IPv4: no IPv6 range may reach into it.
var ipv4Mapped = netip.MustParsePrefix("::ffff:0:0/96")

var shortIPv4 = regexp.MustCompile(`^(\d{1,3})(\.\d{1,3}){0,2}/\d{1,2}$`)

// prefixProblem checks a VIP range: a canonical CIDR prefix.
func prefixProblem(s string) string {
	p, err := netip.ParsePrefix(s)
	switch {
	case err != nil:
		addr, bits, _ := strings.Cut(s, "/")
		addr += strings.Repeat(".0", max(3-strings.Count(addr, "."), 0))
		if q, err := netip.ParsePrefix(addr + "/" + bits); shortIPv4.MatchString(s) && err == nil && q == q.Masked() {
			return fmt.Sprintf("is not a CIDR prefix (did you mean %s?)", q)
		}
		return "is not a CIDR prefix"
	case p.Addr().Is4In6():
		return "is an IPv4-mapped range: write IPv4 ranges in dotted form"
	case p.Addr().Is6() && p.Masked().Overlaps(ipv4Mapped):
		return fmt.Sprintf("overlaps %s, the IPv4-mapped addresses, which LookupIP reads as IPv4: write IPv4 ranges in dotted form", ipv4Mapped)
	case p.Masked() != p:
		return fmt.Sprintf("has host bits set (did you mean %s?)", p.Masked())
	case p.String() != s:
		return "is not in canonical form: write " + p.String()
	}
	return ""
}

// aliasProblem checks the form of an alias: a region ID or a cloud region ID.
func aliasProblem(id string) string {
	if regionIDProblem("oss-"+strings.TrimPrefix(id, "oss-")) != "" || len(id) > maxIDLen {
		return fmt.Sprintf("is not an alias; expected a region ID (oss-cn-hzfinance) or a cloud region ID (cn-hzfinance) of at most %d characters: lower-case parts joined by hyphens, the first of letters", maxIDLen)
	}
	return ""
}

// cloudIDProblem checks an ID of other_region_ids: a cloud region ID, which oss- makes a region ID.
func cloudIDProblem(id string) string {
	switch problem := regionIDProblem("oss-" + id); {
	case strings.HasPrefix(id, "oss-"):
		return "begins with oss-; write the cloud region ID, " + clip(strings.TrimPrefix(id, "oss-"))
	case strings.HasPrefix(problem, "is not a region ID"):
		return "is not a cloud region ID; expected lower-case parts joined by hyphens, the first of letters, such as us-southeast-1"
	case problem != "":
		return "makes the region ID oss-" + clip(id) + ", which " + problem
	case len("oss-"+id) > maxIDLen:
		return fmt.Sprintf("is longer than %d characters with oss- (maxIDLen in internal/table/naming.go)", maxIDLen)
	}
	return ""
}

// validator checks what the values say together, for build (model.go),
// and holds what it has seen.
type validator struct {
	ps          *problems
	hosts       map[string]use    // endpoint host -> first use
	ids         map[string]*node  // region ID -> its node
	goNames     map[string]string // case-folded Go name -> region ID
	names       map[string]*node  // case-folded display name -> its node
	ranges      []rangeUse
	aliases     map[string]use   // alias without oss- -> first use
	sourceKeys  map[string]*node // source key -> where it is defined
	sourcesUsed map[string]bool
}

// use is where a value is first used, and by which region ("" for none).
type use struct {
	n      *node
	region string
}

type rangeUse struct {
	prefix netip.Prefix
	n      *node
}

// bad reports a problem of n.
func (v *validator) bad(n *node, format string, args ...any) {
	v.ps.addf(n.pos, "%s: %s", n.what, fmt.Sprintf(format, args...))
}

// once records n under key in seen; where key is there already, it reports
// n's value as already as (what the value is) at the first one's line.
func (v *validator) once(seen map[string]*node, key string, n *node, as string) bool {
	if prev := seen[key]; prev != nil {
		v.bad(n, "%q is already %s at line %d", clip(n.s), as, prev.pos.line)
		return false
	}
	seen[key] = n
	return true
}

// host records a checked endpoint host, which no other entry uses; region
// is "" for hosts other than a region's.
func (v *validator) host(n *node, region string) string {
	if prev, ok := v.hosts[n.s]; n.ok && !ok {
		v.hosts[n.s] = use{n, region}
	} else if n.ok && (region == "" || prev.region != region) {
		v.bad(n, "endpoint %s is already used by %s at line %d", n.s, prev.n.what, prev.n.pos.line)
	}
	return n.val()
}

// region checks one row of the regions list.
func (v *validator) region(n *node) Region {
	id, ep, extra := n.get("id"), n.get("endpoints"), n.get("endpoints").get("internal_extra")
	r := Region{ID: id.s, Line: id.pos.line}
	key := n.what // tells the region's own hosts from others', also without a usable ID
	if id.ok && v.once(v.ids, r.ID, id, "the ID of a region") {
		r.CloudID, r.GoName, key = strings.TrimPrefix(r.ID, "oss-"), goName(r.ID), r.ID
		r.VarName = rowVarName(r.GoName)
		// ParseEndpoint reads <cloud ID>.oss.aliyuncs.com as the region's: no other region's host may be that.
		v.host(&node{what: id.what + " (the cloud ID's dual-stack host)", pos: id.pos, ok: true, s: r.CloudID + dualStackDomain}, key)
		if msg := checkGoName(r.GoName); msg != "" {
			v.bad(id, "the Go name %s derived from %s %s", r.GoName, r.ID, msg)
		} else if other, dup := v.goNames[strings.ToLower(r.GoName)]; dup {
			v.bad(id, "the Go name %s derived from %s collides with the one derived from %s", r.GoName, r.ID, other)
		} else {
			v.goNames[strings.ToLower(r.GoName)] = r.ID
		}
	}
	r.Name, r.NameZh = v.name(n.get("name")), v.name(n.get("name_zh"))
	r.Status = Status(max(slices.Index(nameWords(Statuses), n.get("status").val()), 0))
	r.Cloud = Cloud(max(slices.Index(nameWords(Clouds), n.get("cloud").val()), 0))
	sources := n.get("sources")
	r.Sources = v.sourceRefs(sources, "empty; list the keys of the sources the row rests on", false)
	if r.Confidence = n.get("confidence").val(); n.get("confidence").s == "" && len(sources.items) == 1 {
		v.bad(sources, "the row rests on one source; say how sure it is: confidence: high, medium or low")
	}
	date := n.get("status_date")
	if r.StatusDate = date.val(); r.StatusDate != "" && r.Status == StatusActive {
		v.bad(date, "a date belongs to a status other than active; remove it or set status")
	}
	r.MainlandChina, r.Irregular = n.get("mainland_china").boolean(), n.get("irregular_endpoints").boolean()
	accel := n.get("accelerate")
	r.Accelerate, r.AccelerateNotStated = accel.boolean(), accel.ok && accel.s == "not stated"
	if len(extra.items) > 0 && !r.Irregular {
		v.bad(extra.items[0], "extra internal hosts break the endpoint pattern; mark the region irregular_endpoints: true")
	}
	// Each host once, but for the VPC endpoint, which may be the internal one.
	hosts := append([]*node{ep.get("public"), ep.get("internal"), ep.get("vpc"), ep.get("dual_stack")}, extra.items...)
	for i, h := range hosts {
		s := v.host(h, key)
		if j := slices.IndexFunc(hosts[:i], func(o *node) bool { return o.val() == s }); s != "" && j >= 0 && (i != 2 || j != 1) {
			v.bad(h, "%s is already the region's %s; list a host once", s, strings.TrimPrefix(hosts[j].what, n.what+": "))
		}
		if i >= 4 {
			r.InternalExtra = append(r.InternalExtra, s)
		}
	}
	r.Public, r.Internal, r.VPC, r.DualStack = hosts[0].val(), hosts[1].val(), hosts[2].val(), hosts[3].val()
	// The usual pattern holds unless the region is marked irregular, and a mark must be needed.
	if internal := r.ID + "-internal.aliyuncs.com"; r.CloudID != "" {
		regular := len(extra.items) == 0
		for i, want := range []string{r.ID + ".aliyuncs.com", internal, internal, r.CloudID + dualStackDomain} {
			regular = regular && (hosts[i].s == "" || hosts[i].s == want)
			if hosts[i].ok && hosts[i].s != want && !r.Irregular {
				v.bad(hosts[i], "%s breaks the pattern (expected %s); if that is right, mark the region irregular_endpoints: true", hosts[i].s, want)
			}
		}
		if r.Irregular && regular && r.Public != "" && r.Internal != "" && r.VPC != "" {
			v.bad(n.get("irregular_endpoints"), "true, but every endpoint follows the pattern; remove it")
		}
	}
	vip := n.get("vip_ranges")
	r.VIPByTicket = vip.ok && vip.s == "ticket"
	for _, s := range vip.items {
		// A region reached two ways (finance regions) may list a block twice: one range.
		if p, err := netip.ParsePrefix(s.s); s.ok && err == nil && !slices.Contains(r.VIP, p) {
			r.VIP = append(r.VIP, p)
			v.ranges = append(v.ranges, rangeUse{p, s})
		}
	}
	if vip.ok && !r.VIPByTicket && len(vip.items) == 0 {
		v.bad(vip, "empty list; write vip_ranges: ticket if the ranges are published only by ticket")
	}
	return r
}

// name checks that a region's display name differs from every other's in more than case.
func (v *validator) name(n *node) string {
	if n.ok && v.once(v.names, strings.ToLower(n.s), n, "the name of a region, ignoring case,") {
		return n.s
	}
	return ""
}

// defaultRegion returns the region default_region names.
func (v *validator) defaultRegion(n *node, regions []Region) *Region {
	i := slices.IndexFunc(regions, func(r Region) bool { return r.ID == n.s })
	switch {
	case !n.ok:
		return nil
	case i < 0:
		v.bad(n, "%q is not the id of a region in the table", clip(n.s))
		return nil
	case regions[i].Status == StatusDecommissioned:
		v.bad(n, "%s is decommissioned; the default endpoints must map to a region in service", n.s)
	}
	return &regions[i]
}

// sources reads the top-level sources list and records its keys.
func (v *validator) sources(list *node) []Source {
	var out []Source
	for _, n := range list.items {
		s := Source{Title: n.get("title").val(), URL: n.get("url").val(), Date: n.get("date").val()}
		if k := n.get("key"); k.ok && v.once(v.sourceKeys, k.s, k, "the key of a source") {
			s.Key = k.s
		}
		out = append(out, s)
	}
	return out
}

// sourceRef checks a reference to a source and records the source as used.
func (v *validator) sourceRef(n *node) string {
	if n.ok && v.sourceKeys[n.s] == nil {
		v.bad(n, "%q is not the key of a source in the top-level sources list", clip(n.s))
		return ""
	}
	v.sourcesUsed[n.s] = true
	return n.s
}

// sourceRefs checks a list of references to sources, which empty says
// an empty list lacks; some lists may name a source twice.
func (v *validator) sourceRefs(list *node, empty string, twice bool) []string {
	var keys []string
	for _, n := range list.items {
		if !twice && n.ok && slices.Contains(keys, n.s) {
			v.bad(n, "%s is listed twice", n.s)
		} else if key := v.sourceRef(n); key != "" {
			keys = append(keys, key)
		}
	}
	if list.set() && len(list.items) == 0 {
		v.bad(list, "%s", empty)
	}
	return keys
}

// checkSourcesUsed refuses a source that nothing in the table cites.
func (v *validator) checkSourcesUsed(list *node) {
	for _, n := range list.items {
		if k := n.get("key"); k.ok && v.sourceKeys[k.s] == k && !v.sourcesUsed[k.s] {
			v.bad(k, "nothing in the table cites %s; remove it or cite it", k.s)
		}
	}
}

// checkOverlaps reports once each VIP range that contains or repeats others,
// naming them, so that a widened range is reported where it was written.
func (v *validator) checkOverlaps() {
	rs := v.ranges
	// Stable: of two equal prefixes, the one written first comes first.
	slices.SortStableFunc(rs, func(a, b rangeUse) int {
		return cmp.Or(a.prefix.Addr().Compare(b.prefix.Addr()), a.prefix.Bits()-b.prefix.Bits())
	})
	over := map[*node][]rangeUse{}
	for i, r := range rs {
		// Prefixes nest or are disjoint: the ranges r contains follow it in address order.
		for _, s := range rs[i+1:] {
			if !r.prefix.Contains(s.prefix.Addr()) {
				break
			} else if s.prefix == r.prefix {
				over[s.n] = append(over[s.n], r)
			} else {
				over[r.n] = append(over[r.n], s)
			}
		}
	}
	for _, r := range rs {
		slices.SortFunc(over[r.n], func(a, b rangeUse) int { return a.n.pos.compare(b.n.pos) })
		names := Mapped(over[r.n], func(o rangeUse) string { return fmt.Sprintf("%s (line %d)", o.prefix, o.n.pos.line) })
		if names != nil {
			v.bad(r.n, "%s overlaps %s; VIP ranges must not overlap", r.prefix, strings.Join(names, ", "))
		}
	}
}

// checkAliases checks the other values Parse accepts for a region: no
// region's ID, the first label of none but its own region's hosts, naming
// one region only.
func (v *validator) checkAliases(rows []*node, t *Table) {
	labels := map[string]string{} // first label of a host -> the host
	for h := range v.hosts {
		labels[h[:strings.IndexByte(h, '.')]] = h
	}
	listed := map[string]int{} // alias as written -> line
	problem := func(r *Region, key string, n *node) string {
		id, bare := n.s, strings.TrimPrefix(n.s, "oss-")
		if first := v.ids["oss-"+bare]; first != nil {
			return fmt.Sprintf("%s is the ID of oss-%s (line %d), which Parse reads already; an alias is another value", id, bare, first.pos.line)
		}
		for _, form := range []string{id, "oss-" + bare, bare} {
			if h := v.hosts[labels[form]]; h.n != nil && h.region != key {
				return fmt.Sprintf("%s is the first label of %s, %s at line %d; an alias may name its own region's hosts only", id, labels[form], h.n.what, h.n.pos.line)
			}
		}
		if prev, dup := listed[id]; dup {
			return fmt.Sprintf("%s is listed twice (line %d); list an alias once", id, prev)
		}
		listed[id] = n.pos.line
		if o, ok := v.aliases[bare]; ok && o.region != r.ID {
			return fmt.Sprintf("%s is already an alias of %s at line %d (%s); an alias names one region", id, o.region, o.n.pos.line, o.n.s)
		} else if !ok {
			v.aliases[bare] = use{n, r.ID}
		}
		return ""
	}
	for i, row := range rows {
		r, key := &t.Regions[i], row.what // as region recorded the row's hosts
		if r.CloudID != "" {
			key = r.ID
		}
		for _, a := range row.get("aliases").items {
			source, id := v.sourceRef(a.get("source")), a.get("id")
			if !id.ok {
				continue
			} else if msg := problem(r, key, id); msg != "" {
				v.bad(id, "%s", msg)
			} else if source != "" && r.CloudID != "" {
				r.Aliases = append(r.Aliases, Alias{ID: id.s, Source: source})
			}
		}
	}
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	const limit = 60
	if len(s) > limit {
		return s[:limit] + "..."
	}
	return s
}
