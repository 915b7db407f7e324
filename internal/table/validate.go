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
)

// validator checks values for build (model.go) and holds what it has seen, for duplicate checks.
type validator struct {
	ps          *problems
	hosts       map[string]hostUse  // endpoint host -> first use
	ids         map[string]position // region ID -> position
	goNames     map[string]string   // case-folded Go name -> region ID
	names       map[string]position // case-folded display name -> position
	ranges      []rangeUse
	sourceKeys  map[string]position // source key -> where it is defined
	sourcesUsed map[string]bool
}

type hostUse struct {
	what, region string
	pos          position
}

type rangeUse struct {
	prefix netip.Prefix
	what   string
	pos    position
}

// check returns n's value, or "" where it is not written as a string or
// problem says what is wrong with it.
func (v *validator) check(n *node, problem func(string) string) string {
	if !n.ok {
		return ""
	}
	if msg := problem(n.s); msg != "" {
		v.ps.addf(n.pos, "%s: %s", n.what, msg)
		return ""
	}
	return n.s
}

// text checks free text, which reaches generated comments and docs: one line of printable characters.
func (v *validator) text(n *node) string { return v.check(n, checkText) }

// name checks a display name of at most maxNameLen characters; names, if
// not nil, holds the names it must differ from in more than case. The
// notes end the messages about its length and a repeated name.
func (v *validator) name(n *node, names map[string]position, lenNote, dupNote string) string {
	name := v.check(n, func(s string) string {
		if msg := checkText(s); msg != "" {
			return msg
		}
		if n := utf8.RuneCountInString(s); n > maxNameLen {
			return fmt.Sprintf("%d characters, more than %d (maxNameLen in internal/table/validate.go)%s", n, maxNameLen, lenNote)
		}
		if prev, dup := names[strings.ToLower(s)]; dup {
			return fmt.Sprintf("%q is already the name of the region at line %d%s", s, prev.line, dupNote)
		}
		return ""
	})
	if name != "" && names != nil {
		names[strings.ToLower(name)] = n.pos
	}
	return name
}

// maxNameLen caps a display name, in characters; the longest real one has 30.
const maxNameLen = 80

// word checks a value that is one of words, of a kind such as "status",
// and returns its index, or -1.
func (v *validator) word(n *node, kind string, words []string) int {
	i := slices.Index(words, n.s)
	if n.ok && i < 0 {
		v.ps.addf(n.pos, "%s: %q is not a %s; expected %s", n.what, clip(n.s), kind, orList(words))
	}
	return i
}

// host checks an endpoint host of the form L.aliyuncs.com that no other
// entry uses; region is "" for the top-level endpoints.
func (v *validator) host(n *node, region string) string {
	return v.hostOfForm(n, region, threeLabelProblem)
}

// hostOfForm is host for a host of the form formProblem checks.
func (v *validator) hostOfForm(n *node, region string, formProblem func(string) string) string {
	if !n.ok {
		return ""
	}
	if msg := hostProblem(n.s, formProblem); msg != "" {
		v.ps.addf(n.pos, "%s: %q %s", n.what, clip(n.s), msg)
		return ""
	}
	if prev, ok := v.hosts[n.s]; !ok {
		v.hosts[n.s] = hostUse{n.what, region, n.pos}
	} else if region == "" || prev.region != region {
		v.ps.addf(n.pos, "%s: endpoint %s is already used by %s at line %d", n.what, n.s, prev.what, prev.pos.line)
	}
	return n.s
}

// isHostLabel reports whether l matches ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$ (TestIsHostLabelMatchesPattern).
func isHostLabel(l string) bool {
	if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := 0; i < len(l); i++ {
		if c := l[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func versionProblem(s string) string {
	switch {
	case !semver.IsValid("v"+s) || strings.HasPrefix(s, "v") || semver.Canonical("v"+s) != "v"+s && semver.Build("v"+s) == "":
		hint := "" // MAJOR.MINOR, which YAML reads as a number, lacks only its patch.
		if c := semver.Canonical("v" + s); c != "" && strings.Count(s, ".") == 1 {
			hint = fmt.Sprintf(" (did you mean %s?)", c[1:])
		}
		return fmt.Sprintf("%q is not a semantic version MAJOR.MINOR.PATCH (such as 1.2.0, without a leading v)%s", clip(s), hint)
	case semver.Prerelease("v"+s) != "" || semver.Build("v"+s) != "":
		return fmt.Sprintf("%q has a pre-release or build suffix; the table has release versions only, MAJOR.MINOR.PATCH (such as 1.2.0)", clip(s))
	}
	return ""
}

// date checks a date in one of the layouts, written as the layout writes
// it; form names the layouts in the message.
func (v *validator) date(n *node, form string, layouts ...string) string {
	return v.check(n, func(d string) string {
		for _, l := range layouts {
			if t, err := time.Parse(l, d); err == nil && t.Format(l) == d {
				return ""
			}
		}
		return fmt.Sprintf("%q is not %s", clip(d), form)
	})
}

func checkText(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("%q contains %U, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)", clip(s), r)
		}
	}
	if s == "" {
		return "must not be empty"
	}
	if strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q has leading or trailing space", clip(s))
	}
	return ""
}

// hostProblem says why h is not a valid host in the OSS domain of the form
// formProblem checks, or "".
func hostProblem(h string, formProblem func(string) string) string {
	if msg := checkHost(h); msg != "" {
		return "is not a valid host name: " + msg
	}
	if !strings.HasSuffix(h, ossDomain) {
		return "is not in Alibaba Cloud's OSS domain; an endpoint must end in " + ossDomain
	}
	return formProblem(h)
}

// ossDomain holds every endpoint: ParseEndpoint vouches for the table's hosts.
const ossDomain = ".aliyuncs.com"

// dualStackDomain follows the cloud ID in a dual-stack endpoint, cn-hangzhou.oss.aliyuncs.com.
const dualStackDomain = ".oss.aliyuncs.com"

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
	id, ok := strings.CutSuffix(h, dualStackDomain)
	switch {
	case !ok || strings.Contains(id, "."):
		return "is not of the form <id>" + dualStackDomain + ", which ParseEndpoint reads as a dual-stack endpoint"
	case regionIDProblem("oss-"+id) != "" || len(id) < 3 || id[2] != '-':
		return "does not begin with a region ID whose first part is a two-letter area (cn-, ap-, ...); ParseEndpoint would read that label as a bucket on oss.aliyuncs.com"
	}
	return ""
}

func checkHost(h string) string {
	if len(h) > 253 {
		return "longer than 253 characters"
	}
	labels := strings.Split(h, ".")
	if len(labels) < 3 {
		return "expected at least three labels, such as oss-cn-hangzhou.aliyuncs.com"
	}
	for _, l := range labels {
		if len(l) > 63 {
			return fmt.Sprintf("label %q is longer than 63 characters", clip(l))
		}
		if !isHostLabel(l) {
			return fmt.Sprintf("label %q must be lower-case letters, digits and inner hyphens", clip(l))
		}
	}
	if strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return "it looks like an IP address (its last label is all digits), which the package refuses as an endpoint"
	}
	return ""
}

// region checks one row of the regions list.
func (v *validator) region(n *node) Region {
	r := Region{}
	id, ep, extra := n.get("id"), n.get("endpoints"), n.get("endpoints").get("internal_extra")
	if id.ok {
		r.ID = id.s
		switch {
		case regionIDProblem(r.ID) != "":
			v.ps.addf(id.pos, "%s: %q %s", id.what, clip(r.ID), regionIDProblem(r.ID))
		case len(r.ID) > maxIDLen:
			v.ps.addf(id.pos, "%s: %q is longer than %d characters (maxIDLen in internal/table/naming.go; its endpoint label must fit in 63)", id.what, r.ID, maxIDLen)
		default:
			v.regionID(n, &r)
		}
	}
	key := n.what // tells the region's own hosts from others', also without a usable ID
	if r.CloudID != "" {
		key = r.ID
	}
	r.Name = v.name(n.get("name"), v.names, ": a name must fit a cell of REGIONS.md and a line of go doc", " (names must differ in more than case)")
	r.NameZh = v.name(n.get("name_zh"), v.names, "", "")
	r.Status = Status(max(v.word(n.get("status"), "status", nameWords(Statuses)), 0))
	sources := n.get("sources")
	r.Sources = v.sourceRefs(sources, "empty; list the keys of the sources the row rests on", false)
	if c := n.get("confidence"); c.ok {
		if v.word(c, "confidence", confidences) >= 0 {
			r.Confidence = c.s
		}
	} else if len(sources.items) == 1 {
		v.ps.addf(sources.pos, "%s: the row rests on one source; say how sure it is: confidence: high, medium or low", sources.what)
	}
	r.Cloud = Cloud(max(v.word(n.get("cloud"), "cloud", nameWords(Clouds)), 0))
	date := n.get("status_date")
	r.StatusDate = v.date(date, "a date YYYY-MM-DD", time.DateOnly)
	if r.StatusDate != "" && r.Status == StatusActive {
		v.ps.addf(date.pos, "%s: a date belongs to a status other than active; remove it or set status", date.what)
	}
	r.MainlandChina = n.get("mainland_china").boolean()
	accel := n.get("accelerate")
	r.Accelerate, r.AccelerateNotStated = accel.boolean(), accel.ok && accel.s == "not stated"
	for _, h := range extra.items {
		r.InternalExtra = append(r.InternalExtra, v.host(h, key))
	}
	r.Irregular = n.get("irregular_endpoints").boolean()
	if len(extra.items) > 0 && !r.Irregular {
		v.ps.addf(extra.items[0].pos, "%s: extra internal hosts break the endpoint pattern; mark the region irregular_endpoints: true", extra.what)
	}
	r.Public = v.host(ep.get("public"), key)
	r.Internal = v.host(ep.get("internal"), key)
	r.VPC = v.host(ep.get("vpc"), key)
	r.DualStack = v.hostOfForm(ep.get("dual_stack"), key, dualStackProblem)
	if r.Public != "" && r.Public == r.Internal {
		v.ps.addf(ep.get("internal").pos, "%s: the internal endpoint must differ from the public one", ep.get("internal").what)
	}
	if r.Public != "" && r.Public == r.VPC {
		v.ps.addf(ep.get("vpc").pos, "%s: the VPC endpoint must differ from the public one", ep.get("vpc").what)
	}
	v.checkExtraHosts(extra, &r)
	if r.CloudID != "" {
		v.checkPattern(n, &r)
	}
	vip := n.get("vip_ranges")
	r.VIPByTicket = vip.ok && vip.s == "ticket"
	for _, s := range vip.items {
		// A region reached two ways (finance regions) may list a block twice: one range.
		if p, ok := v.prefix(s); ok && !slices.Contains(r.VIP, p) {
			r.VIP = append(r.VIP, p)
			v.ranges = append(v.ranges, rangeUse{p, s.what, s.pos})
		}
	}
	if vip.ok && !r.VIPByTicket && len(vip.items) == 0 {
		v.ps.addf(vip.pos, "%s: empty list; write vip_ranges: ticket if the ranges are published only by ticket", vip.what)
	}
	return r
}

// confidences are the words of a region's confidence.
var confidences = []string{"high", "medium", "low"}

// regionID checks the uniqueness of a well-formed ID and its Go name.
func (v *validator) regionID(n *node, r *Region) {
	pos := n.get("id").pos
	if prev, dup := v.ids[r.ID]; dup {
		v.ps.addf(pos, "%s: duplicate region ID %s; first used at line %d", n.what, r.ID, prev.line)
		return
	}
	v.ids[r.ID] = pos
	r.CloudID = strings.TrimPrefix(r.ID, "oss-")
	r.GoName = goName(r.ID)
	r.VarName = rowVarName(r.GoName)
	if msg := checkGoName(r.GoName); msg != "" {
		v.ps.addf(pos, "%s: the Go name %s derived from %s %s", n.what, r.GoName, r.ID, msg)
		return
	}
	key := strings.ToLower(r.GoName)
	if other, dup := v.goNames[key]; dup {
		v.ps.addf(pos, "%s: the Go name %s derived from %s collides with the one derived from %s", n.what, r.GoName, r.ID, other)
		return
	}
	v.goNames[key] = r.ID
}

// checkExtraHosts refuses an extra internal host that repeats another of the region's hosts.
func (v *validator) checkExtraHosts(extra *node, r *Region) {
	own := []struct{ host, what string }{{r.Public, "public"}, {r.Internal, "internal"}, {r.VPC, "VPC"}, {r.DualStack, "dual-stack"}}
	for i, h := range r.InternalExtra {
		if h == "" {
			continue
		}
		n := extra.items[i]
		for _, o := range own {
			if h == o.host {
				v.ps.addf(n.pos, "%s: %s is the region's %s endpoint; list a host once", n.what, h, o.what)
				break
			}
		}
		if j := slices.Index(r.InternalExtra[:i], h); j >= 0 {
			v.ps.addf(n.pos, "%s: %s is already endpoints.internal_extra[%d]; list a host once", n.what, h, j)
		}
	}
}

// checkPattern holds endpoints to the usual pattern unless marked irregular, and a mark to being needed.
func (v *validator) checkPattern(n *node, r *Region) {
	ep := n.get("endpoints")
	wantInternal := r.ID + "-internal.aliyuncs.com"
	checks := []struct {
		got, want string // got is the checked host, "" if it was refused
		n         *node
	}{
		{r.Public, r.ID + ".aliyuncs.com", ep.get("public")},
		{r.Internal, wantInternal, ep.get("internal")},
		{r.VPC, wantInternal, ep.get("vpc")},
		{r.DualStack, r.CloudID + dualStackDomain, ep.get("dual_stack")},
	}
	// Extra internal hosts break the pattern as much as an irregular host.
	regular := len(ep.get("internal_extra").items) == 0
	for _, c := range checks {
		if c.n.s != "" && c.n.s != c.want {
			regular = false
		}
		if c.got != "" && c.got != c.want && !r.Irregular {
			v.ps.addf(c.n.pos, "%s: %s breaks the pattern (expected %s); if that is right, mark the region irregular_endpoints: true", c.n.what, c.got, c.want)
		}
	}
	if r.Irregular && regular && r.Public != "" && r.Internal != "" && r.VPC != "" {
		v.ps.addf(n.get("irregular_endpoints").pos, "%s: irregular_endpoints is true but every endpoint follows the pattern; remove it", n.what)
	}
}

// checkLabels refuses two regions sharing a label of <label>.oss.aliyuncs.com,
// which ParseEndpoint reads as a cloud ID or a dual-stack host.
func (v *validator) checkLabels(rows []*node, regions []Region) {
	type use struct {
		label, region, what string
		n                   *node
	}
	var uses []use
	for i, r := range regions {
		if r.CloudID != "" {
			uses = append(uses, use{r.CloudID, r.ID, "the cloud ID", rows[i].get("id")})
		}
		if label, ok := strings.CutSuffix(r.DualStack, dualStackDomain); ok && r.ID != "" {
			uses = append(uses, use{label, r.ID, "the label of the dual-stack host", rows[i].get("endpoints").get("dual_stack")})
		}
	}
	// In file order, so that a clash is reported at the later row.
	slices.SortStableFunc(uses, func(a, b use) int { return a.n.pos.compare(b.n.pos) })
	seen := map[string]use{}
	for _, x := range uses {
		prev, dup := seen[x.label]
		switch {
		case !dup:
			seen[x.label] = x
		case prev.region == x.region:
		case prev.what == x.what && x.what == "the label of the dual-stack host":
			// The same host twice: the endpoint check has said so.
		default:
			v.ps.addf(x.n.pos, "%s: %s %q is also %s of %s at line %d; ParseEndpoint could not tell %s.oss.aliyuncs.com apart",
				x.n.what, x.what, x.label, prev.what, prev.region, prev.n.pos.line, x.label)
		}
	}
}

// defaultRegion returns the region default_region names.
func (v *validator) defaultRegion(n *node, regions []Region) *Region {
	if !n.ok {
		return nil
	}
	for i := range regions {
		if regions[i].ID == n.s {
			if regions[i].Status == StatusDecommissioned {
				v.ps.addf(n.pos, "default_region: %s is decommissioned; the default endpoints must map to a region in service", n.s)
			}
			return &regions[i]
		}
	}
	v.ps.addf(n.pos, "default_region: %q is not the id of a region in the table", clip(n.s))
	return nil
}

// sourceKey is the form of a source key ("D-intl", "TF").
var sourceKey = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]{0,31}$`)

// sources checks the top-level sources list and records its keys.
func (v *validator) sources(list *node) []Source {
	var out []Source
	for _, n := range list.items {
		s := Source{Title: v.text(n.get("title"))}
		s.Key = v.check(n.get("key"), func(k string) string {
			if !sourceKey.MatchString(k) {
				return fmt.Sprintf("%q is not a source key: a letter, then letters, digits and hyphens, at most 32", clip(k))
			} else if prev := v.sourceKeys[k]; prev != (position{}) {
				return fmt.Sprintf("%s is already the key of the source at line %d", k, prev.line)
			}
			return ""
		})
		if s.Key != "" {
			v.sourceKeys[s.Key] = n.get("key").pos
		}
		s.URL = v.check(n.get("url"), func(u string) string {
			if p, err := url.Parse(u); err != nil || p.Scheme != "https" || !strings.Contains(p.Host, ".") || p.User != nil ||
				strings.ContainsAny(u, " \t\"'<>`") || checkText(u) != "" {
				return fmt.Sprintf("%q is not an https:// URL with a host", clip(u))
			}
			return ""
		})
		s.Date = v.date(n.get("date"), "a date YYYY-MM-DD or a month YYYY-MM", time.DateOnly, "2006-01")
		out = append(out, s)
	}
	return out
}

// sourceRef checks a reference to a source and records the source as used.
func (v *validator) sourceRef(n *node) string {
	key := v.check(n, func(k string) string {
		if v.sourceKeys[k] == (position{}) {
			return fmt.Sprintf("%q is not the key of a source in the top-level sources list", clip(k))
		}
		return ""
	})
	v.sourcesUsed[key] = true
	return key
}

// sourceRefs checks a list of references to sources, which empty says
// an empty list lacks; some lists may name a source twice.
func (v *validator) sourceRefs(list *node, empty string, twice bool) []string {
	var keys []string
	for _, n := range list.items {
		if !twice && n.ok && slices.Contains(keys, n.s) {
			v.ps.addf(n.pos, "%s: %s is listed twice", n.what, n.s)
		} else if key := v.sourceRef(n); key != "" {
			keys = append(keys, key)
		}
	}
	if list.set() && len(list.items) == 0 {
		v.ps.addf(list.pos, "%s: %s", list.what, empty)
	}
	return keys
}

// checkSourcesUsed refuses a source that nothing in the table cites.
func (v *validator) checkSourcesUsed(list *node) {
	for _, n := range list.items {
		if k := n.get("key"); k.ok && v.sourceKeys[k.s] == k.pos && !v.sourcesUsed[k.s] {
			v.ps.addf(k.pos, "%s: nothing in the table cites %s; remove it or cite it", k.what, k.s)
		}
	}
}

// ipv4Mapped is the IPv6 block LookupIP reads as IPv4: no IPv6 range may reach into it.
var ipv4Mapped = netip.MustParsePrefix("::ffff:0:0/96")

var shortIPv4 = regexp.MustCompile(`^(\d{1,3})(\.\d{1,3}){0,2}/\d{1,2}$`)

// prefix parses one VIP range, which must be a canonical CIDR prefix.
func (v *validator) prefix(n *node) (netip.Prefix, bool) {
	if !n.ok {
		return netip.Prefix{}, false
	}
	s := n.s
	p, err := netip.ParsePrefix(s)
	if err != nil {
		hint := ""
		if shortIPv4.MatchString(s) {
			addr, bits, _ := strings.Cut(s, "/")
			for strings.Count(addr, ".") < 3 {
				addr += ".0"
			}
			if q, err := netip.ParsePrefix(addr + "/" + bits); err == nil && q == q.Masked() {
				hint = fmt.Sprintf(" (did you mean %s?)", q)
			}
		}
		v.ps.addf(n.pos, "%s: %q is not a CIDR prefix%s", n.what, clip(s), hint)
		return netip.Prefix{}, false
	}
	switch {
	case p.Addr().Zone() != "" || p.Addr().Is4In6():
		v.ps.addf(n.pos, "%s: %q: write IPv4 ranges in dotted form and IPv6 ranges without a zone", n.what, s)
	case p.Addr().Is6() && p.Masked().Overlaps(ipv4Mapped):
		v.ps.addf(n.pos, "%s: %q overlaps %s, the IPv4-mapped addresses, which LookupIP reads as IPv4: write IPv4 ranges in dotted form", n.what, s, ipv4Mapped)
	case p.Masked() != p:
		v.ps.addf(n.pos, "%s: %q has host bits set (did you mean %s?)", n.what, s, p.Masked())
	case p.String() != s:
		v.ps.addf(n.pos, "%s: write %q in canonical form %s", n.what, s, p)
	default:
		return p, true
	}
	return netip.Prefix{}, false
}

// checkOverlaps reports once each VIP range that contains or repeats others,
// naming them, so that a widened range is reported where it was written.
func (v *validator) checkOverlaps() {
	rs := v.ranges
	// Stable: of two equal prefixes, the one written first comes first.
	slices.SortStableFunc(rs, func(a, b rangeUse) int {
		return cmp.Or(a.prefix.Addr().Compare(b.prefix.Addr()), a.prefix.Bits()-b.prefix.Bits())
	})
	// Prefixes nest or are disjoint: the ranges containing one are those on the stack.
	over := map[*rangeUse][]*rangeUse{}
	var stack []*rangeUse
	for i := range rs {
		r := &rs[i]
		for len(stack) > 0 && !stack[len(stack)-1].prefix.Contains(r.prefix.Addr()) {
			stack = stack[:len(stack)-1]
		}
		for _, s := range stack {
			if s.prefix == r.prefix {
				over[r] = append(over[r], s)
			} else {
				over[s] = append(over[s], r)
			}
		}
		stack = append(stack, r)
	}
	for i := range rs {
		r := &rs[i]
		if len(over[r]) == 0 {
			continue
		}
		slices.SortFunc(over[r], func(a, b *rangeUse) int { return a.pos.compare(b.pos) })
		names := make([]string, len(over[r]))
		for j, o := range over[r] {
			names[j] = fmt.Sprintf("%s (line %d)", o.prefix, o.pos.line)
		}
		v.ps.addf(r.pos, "%s: %s overlaps %s; VIP ranges must not overlap", r.what, r.prefix, strings.Join(names, ", "))
	}
}

// checkAliases checks the other values Parse accepts for a region: an ID in
// form with a source, naming one region only, the first label of none but
// its own region's hosts.
func (v *validator) checkAliases(rows []*node, t *Table) {
	type owner struct {
		region, what string
		line         int
	}
	labels := map[string]owner{} // first label of a host -> region ("" for the table's own hosts)
	for i := range t.Regions {
		r := &t.Regions[i]
		for _, h := range r.Hosts() {
			if label, _, ok := strings.Cut(h.Name, "."); ok {
				if _, seen := labels[label]; !seen {
					labels[label] = owner{r.ID, "the host " + h.Name, rows[i].get("id").pos.line}
				}
			}
		}
	}
	for _, h := range []string{t.DefaultPublic, t.DefaultInternal, t.GlobalAccelerate, t.OverseasAccelerate, t.Regionless} {
		if label, _, ok := strings.Cut(h, "."); ok {
			labels[label] = owner{"", "the host " + h, 0}
		}
	}
	seen := map[string]owner{} // alias without oss- -> first use
	listed := map[string]int{} // alias as written -> line
	problem := func(r *Region, id string, line int) string {
		bare := strings.TrimPrefix(id, "oss-")
		if p := regionIDProblem("oss-" + bare); p != "" || len(id) > maxIDLen {
			return fmt.Sprintf("%q is not an alias; expected a region ID (oss-cn-hzfinance) or a cloud region ID (cn-hzfinance) of at most %d characters: lower-case parts joined by hyphens, the first of letters", clip(id), maxIDLen)
		}
		if pos, ok := v.ids["oss-"+bare]; ok {
			return fmt.Sprintf("%s is the ID of %s (line %d), which Parse reads already; an alias is another value", id, "oss-"+bare, pos.line)
		}
		for _, form := range []string{id, "oss-" + bare, bare} {
			if o, ok := labels[form]; ok && (o.region == "" || o.region != r.ID) {
				whose := "one of the table's top-level endpoints"
				if o.region != "" {
					whose = fmt.Sprintf("a host of %s (line %d)", o.region, o.line)
				}
				return fmt.Sprintf("%s is the first label of %s, %s; an alias may name its own region's hosts only", id, o.what, whose)
			}
		}
		if prev, dup := listed[id]; dup {
			return fmt.Sprintf("%s is listed twice (line %d); list an alias once", id, prev)
		}
		listed[id] = line
		if o, ok := seen[bare]; ok && o.region != r.ID {
			return fmt.Sprintf("%s is already an alias of %s at line %d (%s); an alias names one region", id, o.region, o.line, o.what)
		} else if !ok {
			seen[bare] = owner{r.ID, id, line}
		}
		return ""
	}
	for i, row := range rows {
		r := &t.Regions[i]
		for _, a := range row.get("aliases").items {
			source, id := v.sourceRef(a.get("source")), a.get("id")
			if !id.ok {
				continue
			}
			if msg := problem(r, id.s, id.pos.line); msg != "" {
				v.ps.addf(id.pos, "%s: %s", id.what, msg)
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
