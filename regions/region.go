package regions

import (
	"bytes"
	"net/netip"
	"strings"
)

// This file holds the logic over the generated tables in data_gen.go. It
// never names a region: everything that depends on regions.yaml is
// generated, so adding a region never touches this file. Generated names
// that are not exported begin with "gen"; hand-written ones never do.

// Region is an OSS region ID, such as "oss-cn-hangzhou". Its methods answer
// from the generated table. For a Region that is not in it (Known reports
// false) those about the region's facts and hosts return zero values (URL
// an error); String, CloudRegion and MarshalText derive theirs from the ID.
type Region string

// regionInfo is one row of the table; data_gen.go holds one per region.
type regionInfo struct {
	id            Region
	name          string
	nameZh        string // the China site's name, or ""
	mainland      bool
	cloud         Cloud
	status        Status
	statusDate    string   // YYYY-MM-DD the status took effect, or ""
	vpc           string   // the VPC host where it is not the internal one, or ""
	dualStack     string   // "" where the region has none
	internalExtra []string // more internal hosts, such as inside a finance network
	accelerate    bool
	accelUnstated bool   // no source says whether the region has acceleration
	s3Public      string // "s3." and the public host: one string holds both hosts
	s3Internal    string // "s3." and the internal host
	vipByTicket   bool
	vip           string // canonical CIDR prefixes, space-separated, in table order
}

func (in *regionInfo) public() string   { return in.s3Public[len("s3."):] }
func (in *regionInfo) internal() string { return in.s3Internal[len("s3."):] }

func (in *regionInfo) vpcHost() string {
	if in.vpc == "" {
		return in.internal()
	}
	return in.vpc
}

// aliasInfo is one alias of the table: another value that names a row,
// such as "cn-hzfinance", which tools hand out for Hangzhou Finance.
type aliasInfo struct {
	alias string
	in    *regionInfo
}

// lookupAlias returns the row of a lower-case alias, or nil.
//
//go:noinline
func lookupAlias[T string | []byte](s T) *regionInfo {
	for i := range genAliases {
		if genAliases[i].alias == string(s) {
			return genAliases[i].in
		}
	}
	return nil
}

// lookupName returns the row that a name names, or nil: the name's key
// (genNameKey), or else what it has in brackets, found by a binary search
// of the lines of genNameKeys, which are sorted by key and of which none
// begins with an area or oss and a hyphen.
func lookupName(s []byte) *regionInfo {
	if dash := bytes.IndexByte(s, '-'); len(s) > 2*genMaxNameKeyLen || dash > 0 && (genIsArea(s[:dash]) || string(s[:dash]) == "oss") {
		return nil // too long, or an ID's area or oss- in front, as no key has
	}
	var buf [2 * genMaxNameKeyLen]byte // a key is never longer than its name
	key := genNameKey(buf[:0], s)
	if in := lookupNameKey(key); in != nil {
		return in
	}
	if open, end := bytes.IndexByte(key, '('), bytes.LastIndexByte(key, ')'); open >= 0 && open < end {
		return lookupNameKey(key[open+1 : end]) // "East China 1 (Hangzhou)"
	}
	return nil
}

func lookupNameKey(s []byte) *regionInfo {
	keys := genNameKeys
	for lo, hi := 0, len(keys); lo < hi; {
		start := strings.LastIndexByte(keys[:lo+(hi-lo)/2], '\n') + 1
		line, _, _ := cutByte(keys[start:], '\n')
		key, id, _ := cutByte(line, '\t')
		switch {
		case key == string(s):
			return genLookupCloudID(id)
		case key < string(s):
			lo = start + len(line) + 1
		default:
			hi = start
		}
	}
	return nil
}

// otherRegion returns the name of an Alibaba Cloud region ID that OSS
// does not list ("us-southeast-1"), or "".
func otherRegion(id []byte) string {
	for lines := genOtherRegions; lines != ""; {
		var line string
		line, lines, _ = cutByte(lines, '\n')
		if other, name, _ := cutByte(line, '\t'); other == string(id) {
			return name
		}
	}
	return ""
}

// cutByte is strings.Cut for a one-byte separator, which needs none of
// the code that strings.Cut brings into a binary.
func cutByte(s string, sep byte) (before, after string, found bool) {
	if i := strings.IndexByte(s, sep); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

// maxIDInput is the longest ID or alias the table holds.
const maxIDInput = max(len("oss-")+genMaxCloudIDLen, genMaxAliasLen)

// All returns every region in table order, in a new slice, closed ones
// included: their constants remain (removing one is a major release).
// AllActive lists only the Active ones.
func All() []Region {
	out := make([]Region, len(genAllRegions))
	copy(out, genAllRegions[:])
	return out
}

// AllActive returns the regions whose Status is Active, in table order, in
// a new slice: the ones to offer a user choosing a region. Decommissioning
// regions still serve requests but are left out.
func AllActive() []Region {
	var out []Region
	for _, r := range genAllRegions {
		if r.Status() == Active {
			out = append(out, r)
		}
	}
	return out
}

// Parse returns the region for an OSS region ID ("oss-cn-hangzhou"), a
// cloud region ID ("cn-hangzhou") or an alias of the table (see
// Region.Aliases), in any case, ignoring surrounding ASCII white space.
// An unknown ID is an *Error wrapping ErrUnknownRegion whose Reason and
// Suggestion follow the rule in the package documentation ("Slips and
// regions newer than the table"); given an endpoint host or URL, its
// Suggestion is the endpoint's region. The error's cost is bounded
// whatever the input.
func Parse(s string) (Region, error) {
	if in := parseID(s); in != nil {
		return in.id, nil
	}
	return "", unknownRegionError("Parse", s)
}

// parseID looks up an ID in either form and any case without allocating.
// Lower case, the usual input, is looked up as it is.
func parseID(s string) *regionInfo {
	s = trimSpace(s)
	if in := genLookupCloudID(strings.TrimPrefix(s, "oss-")); in != nil {
		return in
	}
	var buf [maxIDInput]byte
	if len(s) > len(buf) {
		return nil // longer than any ID in the table
	}
	id := buf[:lowerASCII(buf[:], s)]
	cloud := id
	if len(id) >= len("oss-") && string(id[:len("oss-")]) == "oss-" {
		cloud = id[len("oss-"):]
	}
	if in := lookupCloudID(cloud); in != nil {
		return in
	}
	return lookupAlias(id)
}

// trimSpace removes leading and trailing ASCII white space.
func trimSpace[T string | []byte](s T) T {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// lowerASCII copies s into buf with ASCII letters lower-cased and returns
// the number of bytes copied; buf must be long enough.
func lowerASCII(buf []byte, s string) int {
	// Slicing buf first drops the bounds check per byte (half the loop's
	// time in a micro-benchmark).
	b := buf[:len(s)]
	for i := range b {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return len(s)
}

// lookupInfo returns the table row of r, or nil if r is not in the table.
//
//go:noinline
func lookupInfo(r Region) *regionInfo {
	cloud, ok := strings.CutPrefix(string(r), "oss-")
	if !ok {
		return nil
	}
	// Every row's id is "oss-" and its cloud ID, so a hit is r's own row.
	return genLookupCloudID(cloud)
}

// unknownRegionError builds the error of Parse and UnmarshalText: what the
// rule for doubt says of the input, or the region of an endpoint given
// instead of an ID.
func unknownRegionError(fn, s string) *Error {
	e := newError(fn, s, ErrUnknownRegion, "")
	// Only the start can matter: a host and port behind a scheme.
	s = trimSpace(s[:min(len(s), maxUnmarshalInput)])
	var buf [maxUnmarshalInput]byte
	id := buf[:lowerASCII(buf[:], s)]
	if hostLike(s) {
		tries := 0
		if r, why := slipOf(id, false, maxSlipDepth, &tries); r != "" {
			e.Suggestion, e.Reason = r, why // oss.cn-hangzhou, s3:oss-cn-hangzhou
			return e
		}
		var ep Endpoint
		e.Reason, e.Suggestion = endpointGiven, endpointRegion(s)
		if _, _, sentinel := parseEndpoint(&ep, s); sentinel != nil {
			e.Reason = "neither an ID nor an endpoint" // cn-hangzhou.aliyuncs.com
		}
		return e
	}
	if in := lookupName(id); in != nil {
		e.Suggestion, e.Reason = in.id, "a name, not an ID"
		return e
	}
	if len(id) > max(genMaxNameKeyLen, maxIDInput+maxSlipLen) {
		return e // longer than any ID or name without spaces, with a slip
	}
	for _, h := range [...]string{GlobalAccelerateEndpoint, OverseasAccelerateEndpoint, RegionlessEndpoint} {
		if label := h[:max(len(h)-len(genOSSDomain), 0)]; h != "" && string(id) == label { // a table may have no RegionlessEndpoint
			e.Reason = noOneRegion
			return e
		}
	}
	if bytes.HasPrefix(id, []byte("oss-")) && bytes.HasSuffix(id, []byte("-internal")) {
		// The first label of an endpoint, such as oss-cn-hzjbp-a-internal.
		if ep, err := ParseEndpoint(string(id) + genOSSDomain); err == nil && ep.Region.Known() {
			e.Suggestion, e.Reason = ep.Region, endpointGiven
			return e
		}
	}
	e.Reason, e.Suggestion = doubtReason(doubt(bytes.TrimPrefix(id, []byte("oss-"))), 1)
	return e
}

const endpointGiven, noOneRegion = "an endpoint: use ParseEndpoint", "an endpoint of no one region"

// idOf returns the region of an ID or alias of the table, or "".
func idOf(s []byte) Region {
	if len(s) > maxIDInput {
		return "" // longer than any ID: no copy
	}
	return regionOf(parseID(string(s)))
}

// endpointRegion returns the known region that a host or URL given to
// Parse names, or the one its error suggests, or "".
func endpointRegion(s string) Region {
	if in := parseID(firstLabel(s)); in != nil {
		return in.id // the usual forms, without ParseEndpoint's costs
	}
	ep, err := ParseEndpoint(s)
	switch {
	case err != nil:
		return err.(*Error).Suggestion
	case ep.Region.Known():
		return ep.Region
	}
	return ""
}

// hostLike reports whether s reads as a host or URL rather than an ID.
func hostLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == ':' || c == '/' {
			return true
		}
	}
	return false
}

// firstLabel returns the first label of the host in s, after any scheme,
// without an -internal suffix in any case: "oss-cn-hangzhou" of
// "https://OSS-CN-HANGZHOU-INTERNAL.aliyuncs.com/".
func firstLabel(s string) string {
	rest, _ := cutScheme(s)
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c == '.' || c == ':' || c == '/' {
			rest = rest[:i]
			break
		}
	}
	if n := len(rest) - len("-internal"); n > 0 && equalFoldASCII(rest[n:], "-internal") {
		rest = rest[:n]
	}
	return rest
}

// Aliases returns the other values that name the region and that Parse
// accepts for it, as Alibaba's own tools hand them out for the finance
// regions ("cn-hzfinance" and "cn-hzjbp" for oss-cn-hangzhou-finance), in
// a new slice; nil where there are none.
//
// An alias is no signing region: the OSS Go SDK v2, given cn-hzfinance as
// its region, signs for cn-hzfinance, and given oss-cn-hzfinance it builds
// the host oss-oss-cn-hzfinance.aliyuncs.com. Give an SDK the parsed
// region's CloudRegion and PublicEndpoint instead (a finance region's host
// is not oss-<cloud ID>).
func (r Region) Aliases() []string {
	var out []string
	for _, a := range genAliases {
		if a.in.id == r {
			out = append(out, a.alias)
		}
	}
	return out
}

// Acceleration reports whether the region has transfer acceleration
// (Endpoint reports the accelerate endpoints where it has), and whether
// the table knows: stated is false where no source says, which REGIONS.md
// shows as "not stated", and for an unknown region.
func (r Region) Acceleration() (available, stated bool) {
	in := lookupInfo(r)
	return in != nil && in.accelerate, in != nil && !in.accelUnstated
}

// Known reports whether r is in the table.
func (r Region) Known() bool { return lookupInfo(r) != nil }

// String returns the region ID.
func (r Region) String() string { return string(r) }

// MarshalText returns the region ID, as net/netip.Addr does its address:
// the zero Region is "", and a well-formed region that the table does not
// know (one that ParseEndpoint read from a host newer than the table) is
// its ID. Only a Region that is no region ID at all, neither "" nor
// "oss-" and a cloud region ID, is an error.
//
// A Region converted from a cloud region ID or an alias,
// Region("cn-hangzhou"), is an error whose Suggestion is the region that
// Parse returns for it: convert text with Parse, not a conversion.
func (r Region) MarshalText() ([]byte, error) {
	in := parseID(string(r)) // a Region of the table is its own row
	cloud, ok := strings.CutPrefix(string(r), "oss-")
	switch {
	case in != nil && in.id != r:
		e := newError("Region.MarshalText", string(r), ErrUnknownRegion, "a Region converted from a cloud region ID or alias; Parse returns the region it names")
		e.Suggestion = in.id
		return nil, e
	case r != "" && (!ok || !genIsCloudID(cloud)):
		return nil, newError("Region.MarshalText", string(r), ErrUnknownRegion, "not of the form oss-<cloud region ID>")
	}
	return []byte(r), nil
}

// UnmarshalText sets r from text as Parse reads it, and to the zero Region
// for empty text (or only white space), so that the zero value survives a
// round trip. Non-empty text must name a region of the table.
func (r *Region) UnmarshalText(text []byte) error {
	id := trimSpace(text)
	if len(id) == 0 {
		*r = ""
		return nil
	}
	// Only an ID as long as the table's longest can match; a short string
	// stays on the stack.
	if len(id) <= maxIDInput {
		if in := parseID(string(id)); in != nil {
			*r = in.id
			return nil
		}
	}
	// Only the first bytes can matter to the error and its suggestion (an
	// endpoint URL has its host in them): do not copy more.
	return unknownRegionError("Region.UnmarshalText", string(text[:min(len(text), maxUnmarshalInput)]))
}

// maxUnmarshalInput is how much of a rejected text UnmarshalText reads
// for its error: enough for a host and port behind a scheme.
const maxUnmarshalInput = len("https://") + maxHostPortLen + 1

// Name returns the region's display name, such as "China (Hangzhou)".
func (r Region) Name() string {
	if in := lookupInfo(r); in != nil {
		return in.name
	}
	return ""
}

// ChineseName returns the region's name on OSS's China site, such as
// "华东 1（杭州）" for CNHangzhou, or "" where that page does not list the
// region or the region is not in the table.
func (r Region) ChineseName() string {
	if in := lookupInfo(r); in != nil {
		return in.nameZh
	}
	return ""
}

// CloudRegion returns the region ID without its "oss-" prefix, such as
// "cn-hangzhou": the form that Alibaba Cloud SDKs and V4 signatures use.
func (r Region) CloudRegion() string { return strings.TrimPrefix(string(r), "oss-") }

// MainlandChina reports whether the region is in mainland China (Hong Kong
// is not).
func (r Region) MainlandChina() bool {
	in := lookupInfo(r)
	return in != nil && in.mainland
}

// StatusDate returns the date, YYYY-MM-DD, on which the region's
// lifecycle state took effect (the day OSS closed it, for a Decommissioned
// region), or "" where the table does not say.
func (r Region) StatusDate() string {
	if in := lookupInfo(r); in != nil {
		return in.statusDate
	}
	return ""
}

// Status returns the region's lifecycle state, or 0 for an unknown region.
func (r Region) Status() Status {
	if in := lookupInfo(r); in != nil {
		return in.status
	}
	return 0
}

// Endpoint returns the region's endpoint host of kind k. It reports false
// where the table has none: an unknown region or kind, transfer
// acceleration in a region without it, or a dual-stack endpoint where OSS
// offers none.
func (r Region) Endpoint(k Kind) (string, bool) {
	in := lookupInfo(r)
	if in == nil {
		return "", false
	}
	switch k {
	case Public:
		return in.public(), true
	case Internal:
		return in.internal(), true
	case VPC:
		return in.vpcHost(), true
	case DualStack:
		return in.dualStack, in.dualStack != ""
	case Accelerate:
		if in.accelerate {
			return GlobalAccelerateEndpoint, true
		}
	case AccelerateOverseas:
		if in.accelerate {
			return OverseasAccelerateEndpoint, true
		}
	}
	return "", false
}

// PublicEndpoint returns the region's Internet endpoint, or "" if unknown.
func (r Region) PublicEndpoint() string {
	h, _ := r.Endpoint(Public)
	return h
}

// InternalEndpoint returns the region's classic-network endpoint, or "".
func (r Region) InternalEndpoint() string {
	h, _ := r.Endpoint(Internal)
	return h
}

// VPCEndpoint returns the region's VPC endpoint as the table's sources
// print it, often the internal endpoint's host, or "".
func (r Region) VPCEndpoint() string {
	h, _ := r.Endpoint(VPC)
	return h
}

// Hosts returns every endpoint host of the region, in a new slice: public,
// internal (with the extra internal hosts some regions have, such as
// inside a finance network), VPC where it differs, and dual-stack where the
// region has one. It is nil for an unknown region.
func (r Region) Hosts() []string {
	in := lookupInfo(r)
	if in == nil {
		return nil
	}
	hosts := append([]string{in.public(), in.internal()}, in.internalExtra...)
	if in.vpc != "" {
		hosts = append(hosts, in.vpc)
	}
	if in.dualStack != "" {
		hosts = append(hosts, in.dualStack)
	}
	return hosts
}

// VIPRanges returns the region's VPC VIP address ranges in a new slice. It
// reports false for an unknown region and for a region whose ranges are
// published only on request (by ticket).
func (r Region) VIPRanges() ([]netip.Prefix, bool) {
	in := lookupInfo(r)
	if in == nil || in.vipByTicket {
		return nil, false
	}
	n := 1
	for i := 0; i < len(in.vip); i++ {
		if in.vip[i] == ' ' {
			n++
		}
	}
	out := make([]netip.Prefix, 0, n)
	for s := in.vip; s != ""; {
		p, rest, _ := cutByte(s, ' ')
		out = append(out, netip.MustParsePrefix(p)) // the generator checked every prefix
		s = rest
	}
	return out, true
}
