package table

import (
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/semver"
)

// validator checks values for build (model.go) and holds what it has seen, for duplicate checks.
type validator struct {
	ps      *problems
	hosts   map[string]hostUse  // endpoint host -> first use
	ids     map[string]position // region ID -> position
	goNames map[string]string   // case-folded Go name -> region ID
	names   map[string]position // case-folded display name -> position
	ranges  []rangeUse

	sourceKeys  map[string]position // source key -> where it is defined
	sourcesUsed map[string]bool
}

type hostUse struct {
	what   string
	region string
	pos    position
}

func newValidator(ps *problems) *validator {
	return &validator{ps: ps, hosts: map[string]hostUse{}, ids: map[string]position{}, goNames: map[string]string{},
		names: map[string]position{}, sourceKeys: map[string]position{}, sourcesUsed: map[string]bool{}}
}

type rangeUse struct {
	prefix netip.Prefix
	what   string
	pos    position
}

// check returns s's value, or "" where problem says what is wrong with it.
func (v *validator) check(s rawString, what string, problem func(string) string) string {
	if !s.set {
		return ""
	}
	if msg := problem(s.val); msg != "" {
		v.ps.addf(s.pos, "%s: %s", what, msg)
		return ""
	}
	return s.val
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

// isDate reports whether s is a date in one of the layouts, written as the layout writes it.
func isDate(s string, layouts ...string) bool {
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil && t.Format(l) == s {
			return true
		}
	}
	return false
}

// text checks free text, which reaches generated comments and docs: one line of printable characters.
func (v *validator) text(s rawString, what string) string { return v.check(s, what, checkText) }

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

// host checks an endpoint host of the form L.aliyuncs.com that no other
// entry uses; region is "" for the top-level endpoints.
func (v *validator) host(s rawString, what, region string) string {
	return v.hostOfForm(s, what, region, threeLabelProblem)
}

// hostOfForm is host for a host of the form formProblem checks.
func (v *validator) hostOfForm(s rawString, what, region string, formProblem func(string) string) string {
	if !s.set {
		return ""
	}
	if msg := hostProblem(s.val, formProblem); msg != "" {
		v.ps.addf(s.pos, "%s: %q %s", what, clip(s.val), msg)
		return ""
	}
	if prev, ok := v.hosts[s.val]; !ok {
		v.hosts[s.val] = hostUse{what, region, s.pos}
	} else if region == "" || prev.region != region {
		v.ps.addf(s.pos, "%s: endpoint %s is already used by %s at line %d", what, s.val, prev.what, prev.pos.line)
	}
	return s.val
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

func (v *validator) region(raw *rawRegion) Region {
	r := Region{}
	in := func(f string) string { return raw.label + ": " + f }
	key := raw.label // tells the region's own hosts from others', also without a usable ID
	if raw.id.set {
		r.ID = raw.id.val
		switch {
		case regionIDProblem(r.ID) != "":
			v.ps.addf(raw.id.pos, "%s: %q %s", in("id"), clip(r.ID), regionIDProblem(r.ID))
		case len(r.ID) > maxIDLen:
			v.ps.addf(raw.id.pos, "%s: %q is longer than %d characters (maxIDLen in internal/table/naming.go; its endpoint label must fit in 63)", in("id"), r.ID, maxIDLen)
		default:
			v.regionID(raw, &r)
		}
	}
	if r.CloudID != "" {
		key = r.ID
	}
	r.Name = v.check(raw.name, in("name"), func(name string) string {
		if msg := checkText(name); msg != "" {
			return msg
		}
		if n := utf8.RuneCountInString(name); n > maxNameLen {
			return fmt.Sprintf("%d characters, more than %d (maxNameLen in internal/table/validate.go): a name must fit a cell of REGIONS.md and a line of go doc", n, maxNameLen)
		}
		if prev, dup := v.names[strings.ToLower(name)]; dup {
			return fmt.Sprintf("%q is already the name of the region at line %d (names must differ in more than case)", name, prev.line)
		}
		return ""
	})
	if r.Name != "" {
		v.names[strings.ToLower(r.Name)] = raw.name.pos
	}
	r.NameZh = v.nameZh(raw.nameZh, in("name_zh"))
	r.Status = Status(v.word(raw.status, in("status"), "status", Statuses))
	r.Sources, r.Confidence = v.regionSources(raw, in)
	r.Cloud = Cloud(v.word(raw.cloud, in("cloud"), "cloud", Clouds))
	r.StatusDate = v.check(raw.statusDate, in("status_date"), func(d string) string {
		if !isDate(d, time.DateOnly) {
			return fmt.Sprintf("%q is not a date YYYY-MM-DD", clip(d))
		}
		return ""
	})
	if r.StatusDate != "" && r.Status == StatusActive {
		v.ps.addf(raw.statusDate.pos, "%s: a date belongs to a status other than active; remove it or set status", in("status_date"))
	}
	r.MainlandChina = raw.mainland.val
	r.Accelerate, r.AccelerateNotStated = raw.accelerate.val, raw.accelNotStated
	for i, h := range raw.internalExtra {
		r.InternalExtra = append(r.InternalExtra, v.host(h, in(fmt.Sprintf("endpoints.internal_extra[%d]", i)), key))
	}
	r.Irregular = raw.irregular.val
	if len(raw.internalExtra) > 0 && !r.Irregular {
		v.ps.addf(raw.internalExtra[0].pos, "%s: extra internal hosts break the endpoint pattern; mark the region irregular_endpoints: true", in("endpoints.internal_extra"))
	}
	r.Public = v.host(raw.public, in("endpoints.public"), key)
	r.Internal = v.host(raw.internal, in("endpoints.internal"), key)
	r.VPC = v.host(raw.vpc, in("endpoints.vpc"), key)
	r.DualStack = v.hostOfForm(raw.dualStack, in("endpoints.dual_stack"), key, dualStackProblem)
	if r.Public != "" && r.Public == r.Internal {
		v.ps.addf(raw.internal.pos, "%s: the internal endpoint must differ from the public one", in("endpoints.internal"))
	}
	if r.Public != "" && r.Public == r.VPC {
		v.ps.addf(raw.vpc.pos, "%s: the VPC endpoint must differ from the public one", in("endpoints.vpc"))
	}
	v.checkExtraHosts(raw, &r)
	if r.CloudID != "" {
		v.checkPattern(raw, &r)
	}
	r.VIPByTicket = raw.vipByTicket
	for i, s := range raw.vip {
		what := in(fmt.Sprintf("vip_ranges[%d]", i))
		p, ok := v.prefix(s, what)
		// A region reached two ways (finance regions) may list a block twice: one range.
		if ok && !slices.Contains(r.VIP, p) {
			r.VIP = append(r.VIP, p)
			v.ranges = append(v.ranges, rangeUse{p, what, s.pos})
		}
	}
	if raw.vipSet && !raw.vipByTicket && len(raw.vip) == 0 {
		v.ps.addf(raw.vipPos, "%s: empty list; write vip_ranges: ticket if the ranges are published only by ticket", in("vip_ranges"))
	}
	return r
}

// word checks a value that is one of names, of a kind such as "status", and returns its index or 0.
func (v *validator) word(s rawString, what, kind string, names []Name) int {
	i := slices.Index(nameWords(names), s.val)
	if s.set && i < 0 {
		v.ps.addf(s.pos, "%s: %q is not a %s; expected %s", what, clip(s.val), kind, words(names))
	}
	return max(i, 0)
}

// sourceKey is the form of a source key ("D-intl", "TF").
var sourceKey = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]{0,31}$`)

// sources checks the top-level sources list and records its keys.
func (v *validator) sources(raws []rawSource) []Source {
	var out []Source
	for i, raw := range raws {
		what := fmt.Sprintf("sources[%d]", i)
		s := Source{Title: v.text(raw.title, what+".title")}
		s.Key = v.check(raw.key, what+".key", func(k string) string {
			if !sourceKey.MatchString(k) {
				return fmt.Sprintf("%q is not a source key: a letter, then letters, digits and hyphens, at most 32", clip(k))
			} else if prev := v.sourceKeys[k]; prev != (position{}) {
				return fmt.Sprintf("%s is already the key of the source at line %d", k, prev.line)
			}
			return ""
		})
		if s.Key != "" {
			v.sourceKeys[s.Key] = raw.key.pos
		}
		s.URL = v.check(raw.url, what+".url", func(u string) string {
			if p, err := url.Parse(u); err != nil || p.Scheme != "https" || !strings.Contains(p.Host, ".") || p.User != nil ||
				strings.ContainsAny(u, " \t\"'<>`") || checkText(u) != "" {
				return fmt.Sprintf("%q is not an https:// URL with a host", clip(u))
			}
			return ""
		})
		s.Date = v.check(raw.date, what+".date", func(d string) string {
			if !isDate(d, time.DateOnly, "2006-01") {
				return fmt.Sprintf("%q is not a date YYYY-MM-DD or a month YYYY-MM", clip(d))
			}
			return ""
		})
		out = append(out, s)
	}
	return out
}

// regionSources checks a region's source keys and its confidence, required for one source.
func (v *validator) regionSources(raw *rawRegion, in func(string) string) ([]string, string) {
	var keys []string
	for i, k := range raw.sources {
		what := in(fmt.Sprintf("sources[%d]", i))
		if slices.Contains(keys, k.val) {
			v.ps.addf(k.pos, "%s: %s is listed twice", what, k.val)
		} else if v.sourceRef(k, what) != "" {
			keys = append(keys, k.val)
		}
	}
	if raw.sourcesPos != (position{}) && len(raw.sources) == 0 {
		v.ps.addf(raw.sourcesPos, "%s: empty; list the keys of the sources the row rests on", in("sources"))
	}
	confidence := ""
	if raw.confidence.set {
		switch c := raw.confidence.val; c {
		case "high", "medium", "low":
			confidence = c
		default:
			v.ps.addf(raw.confidence.pos, "%s: %q is not a confidence; expected high, medium or low", in("confidence"), clip(c))
		}
	} else if len(raw.sources) == 1 && raw.sourcesPos != (position{}) {
		v.ps.addf(raw.sourcesPos, "%s: the row rests on one source; say how sure it is: confidence: high, medium or low", in("sources"))
	}
	return keys, confidence
}

// checkSourcesUsed refuses a source that no region cites.
func (v *validator) checkSourcesUsed(raws []rawSource) {
	for i, raw := range raws {
		if raw.key.set && v.sourceKeys[raw.key.val] == raw.key.pos && !v.sourcesUsed[raw.key.val] {
			v.ps.addf(raw.key.pos, "sources[%d].key: no region cites %s; remove it or cite it", i, raw.key.val)
		}
	}
}

// maxNameLen caps a display name, in characters; the longest real one has 30.
const maxNameLen = 80

// checkExtraHosts refuses an extra internal host that repeats another of the region's hosts.
func (v *validator) checkExtraHosts(raw *rawRegion, r *Region) {
	own := []struct{ host, what string }{{r.Public, "public"}, {r.Internal, "internal"}, {r.VPC, "VPC"}, {r.DualStack, "dual-stack"}}
	for i, h := range r.InternalExtra {
		if h == "" {
			continue
		}
		what := fmt.Sprintf("%s: endpoints.internal_extra[%d]", raw.label, i)
		for _, o := range own {
			if h == o.host {
				v.ps.addf(raw.internalExtra[i].pos, "%s: %s is the region's %s endpoint; list a host once", what, h, o.what)
				break
			}
		}
		if j := slices.Index(r.InternalExtra[:i], h); j >= 0 {
			v.ps.addf(raw.internalExtra[i].pos, "%s: %s is already endpoints.internal_extra[%d]; list a host once", what, h, j)
		}
	}
}

// checkLabels refuses two regions sharing a label of <label>.oss.aliyuncs.com,
// which ParseEndpoint reads as a cloud ID or a dual-stack host.
func (v *validator) checkLabels(raws []rawRegion, regions []Region) {
	type use struct {
		label, field, region, what string
		pos                        position
	}
	var uses []use
	for i := range regions {
		r, raw := &regions[i], &raws[i]
		if r.CloudID != "" {
			uses = append(uses, use{r.CloudID, raw.label + ": id", r.ID, "the cloud ID", raw.id.pos})
		}
		if label, ok := strings.CutSuffix(r.DualStack, dualStackDomain); ok && r.ID != "" {
			uses = append(uses, use{label, raw.label + ": endpoints.dual_stack", r.ID, "the label of the dual-stack host", raw.dualStack.pos})
		}
	}
	// In file order, so that a clash is reported at the later row.
	sort.SliceStable(uses, func(i, j int) bool { return uses[i].pos.less(uses[j].pos) })
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
			v.ps.addf(x.pos, "%s: %s %q is also %s of %s at line %d; ParseEndpoint could not tell %s.oss.aliyuncs.com apart",
				x.field, x.what, x.label, prev.what, prev.region, prev.pos.line, x.label)
		}
	}
}

// regionID checks the uniqueness of a well-formed ID and its Go name.
func (v *validator) regionID(raw *rawRegion, r *Region) {
	if prev, dup := v.ids[r.ID]; dup {
		v.ps.addf(raw.id.pos, "%s: duplicate region ID %s; first used at line %d", raw.label, r.ID, prev.line)
		return
	}
	v.ids[r.ID] = raw.id.pos
	r.CloudID = strings.TrimPrefix(r.ID, "oss-")
	r.GoName = goName(r.ID)
	r.VarName = rowVarName(r.GoName)
	if msg := checkGoName(r.GoName); msg != "" {
		v.ps.addf(raw.id.pos, "%s: the Go name %s derived from %s %s", raw.label, r.GoName, r.ID, msg)
		return
	}
	key := strings.ToLower(r.GoName)
	if other, dup := v.goNames[key]; dup {
		v.ps.addf(raw.id.pos, "%s: the Go name %s derived from %s collides with the one derived from %s", raw.label, r.GoName, r.ID, other)
		return
	}
	v.goNames[key] = r.ID
}

// defaultRegion returns the region default_region names.
func (v *validator) defaultRegion(s rawString, regions []Region) *Region {
	if !s.set {
		return nil
	}
	for i := range regions {
		if regions[i].ID == s.val {
			if regions[i].Status == StatusDecommissioned {
				v.ps.addf(s.pos, "default_region: %s is decommissioned; the default endpoints must map to a region in service", s.val)
			}
			return &regions[i]
		}
	}
	v.ps.addf(s.pos, "default_region: %q is not the id of a region in the table", clip(s.val))
	return nil
}

// checkPattern holds endpoints to the usual pattern unless marked irregular, and a mark to being needed.
func (v *validator) checkPattern(raw *rawRegion, r *Region) {
	wantPublic := r.ID + ".aliyuncs.com"
	wantInternal := r.ID + "-internal.aliyuncs.com"
	// got is the checked host ("" if it was refused), raw what was written.
	checks := []struct {
		got, raw, want, what string
		pos                  position
	}{
		{r.Public, raw.public.val, wantPublic, "endpoints.public", raw.public.pos},
		{r.Internal, raw.internal.val, wantInternal, "endpoints.internal", raw.internal.pos},
		{r.VPC, raw.vpc.val, wantInternal, "endpoints.vpc", raw.vpc.pos},
		{r.DualStack, raw.dualStack.val, r.CloudID + dualStackDomain, "endpoints.dual_stack", raw.dualStack.pos},
	}
	// Extra internal hosts break the pattern as much as an irregular host.
	regular := len(raw.internalExtra) == 0
	for _, c := range checks {
		if c.raw != "" && c.raw != c.want {
			regular = false
		}
		if c.got == "" || c.got == c.want {
			continue
		}
		if !r.Irregular {
			v.ps.addf(c.pos, "%s: %s: %s breaks the pattern (expected %s); if that is right, mark the region irregular_endpoints: true", raw.label, c.what, c.got, c.want)
		}
	}
	if r.Irregular && regular && r.Public != "" && r.Internal != "" && r.VPC != "" {
		v.ps.addf(raw.irregular.pos, "%s: irregular_endpoints is true but every endpoint follows the pattern; remove it", raw.label)
	}
}

// ipv4Mapped is the IPv6 block LookupIP reads as IPv4: no IPv6 range may reach into it.
var ipv4Mapped = netip.MustParsePrefix("::ffff:0:0/96")

var shortIPv4 = regexp.MustCompile(`^(\d{1,3})(\.\d{1,3}){0,2}/\d{1,2}$`)

// prefix parses one VIP range, which must be a canonical CIDR prefix.
func (v *validator) prefix(s rawString, what string) (netip.Prefix, bool) {
	if !s.set {
		return netip.Prefix{}, false
	}
	p, err := netip.ParsePrefix(s.val)
	if err != nil {
		hint := ""
		if shortIPv4.MatchString(s.val) {
			addr, bits, _ := strings.Cut(s.val, "/")
			for strings.Count(addr, ".") < 3 {
				addr += ".0"
			}
			if q, err := netip.ParsePrefix(addr + "/" + bits); err == nil && q == q.Masked() {
				hint = fmt.Sprintf(" (did you mean %s?)", q)
			}
		}
		v.ps.addf(s.pos, "%s: %q is not a CIDR prefix%s", what, clip(s.val), hint)
		return netip.Prefix{}, false
	}
	if p.Addr().Zone() != "" || p.Addr().Is4In6() {
		v.ps.addf(s.pos, "%s: %q: write IPv4 ranges in dotted form and IPv6 ranges without a zone", what, s.val)
		return netip.Prefix{}, false
	}
	if p.Addr().Is6() && p.Masked().Overlaps(ipv4Mapped) {
		v.ps.addf(s.pos, "%s: %q overlaps %s, the IPv4-mapped addresses, which LookupIP reads as IPv4: write IPv4 ranges in dotted form", what, s.val, ipv4Mapped)
		return netip.Prefix{}, false
	}
	if m := p.Masked(); m != p {
		v.ps.addf(s.pos, "%s: %q has host bits set (did you mean %s?)", what, s.val, m)
		return netip.Prefix{}, false
	}
	if p.String() != s.val {
		v.ps.addf(s.pos, "%s: write %q in canonical form %s", what, s.val, p)
		return netip.Prefix{}, false
	}
	return p, true
}

// checkOverlaps reports once each VIP range that contains or repeats others,
// naming them, so that a widened range is reported where it was written.
func (v *validator) checkOverlaps() {
	rs := append([]rangeUse(nil), v.ranges...)
	// Stable: of two equal prefixes, the one written first comes first.
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i].prefix, rs[j].prefix
		if c := a.Addr().Compare(b.Addr()); c != 0 {
			return c < 0
		}
		return a.Bits() < b.Bits()
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
		sort.Slice(over[r], func(a, b int) bool { return over[r][a].pos.less(over[r][b].pos) })
		names := make([]string, len(over[r]))
		for j, o := range over[r] {
			names[j] = fmt.Sprintf("%s (line %d)", o.prefix, o.pos.line)
		}
		v.ps.addf(r.pos, "%s: %s overlaps %s; VIP ranges must not overlap", r.what, r.prefix, strings.Join(names, ", "))
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

// checkAliases checks the other values Parse accepts for a region: an ID in
// form with a source, naming one region only, the first label of none but
// its own region's hosts.
func (v *validator) checkAliases(raw *rawTable, t *Table) {
	type owner struct {
		region, what string
		line         int
	}
	labels := map[string]owner{} // first label of a host -> region ("" for the table's own hosts)
	for i := range t.Regions {
		r := &t.Regions[i]
		for _, h := range append([]string{r.Public, r.Internal, r.VPC, r.DualStack}, r.InternalExtra...) {
			if label, _, ok := strings.Cut(h, "."); ok {
				if _, seen := labels[label]; !seen {
					labels[label] = owner{r.ID, "the host " + h, raw.regions[i].id.pos.line}
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
	for i := range raw.regions {
		rr, r := &raw.regions[i], &t.Regions[i]
		for j, a := range rr.aliases {
			what := fmt.Sprintf("%s: aliases[%d]", rr.label, j)
			source := v.sourceRef(a.source, what+".source")
			if !a.id.set {
				continue
			}
			if msg := problem(r, a.id.val, a.id.pos.line); msg != "" {
				v.ps.addf(a.id.pos, "%s.id: %s", what, msg)
			} else if source != "" && r.CloudID != "" {
				r.Aliases = append(r.Aliases, Alias{ID: a.id.val, Source: source})
			}
		}
	}
}

// sourceRef checks a reference to a source and records the source as used.
func (v *validator) sourceRef(s rawString, what string) string {
	key := v.check(s, what, func(k string) string {
		if v.sourceKeys[k] == (position{}) {
			return fmt.Sprintf("%q is not the key of a source in the top-level sources list", clip(k))
		}
		return ""
	})
	v.sourcesUsed[key] = true
	return key
}
