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
// from the generated table; for a Region that is not in it (Known reports
// false) they return zero values.
type Region string

// regionInfo is one row of the table; data_gen.go holds one per region.
type regionInfo struct {
	id            Region
	name          string
	mainland      bool
	cloud         Cloud
	status        Status
	statusDate    string // YYYY-MM-DD the status took effect, or ""
	public        string
	internal      string
	vpc           string
	dualStack     string   // "" where the region has none
	internalExtra []string // more internal hosts, such as inside a finance network
	accelerate    bool
	vipByTicket   bool
	vip           []string // canonical CIDR prefixes, in table order
}

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

// Parse returns the region for an OSS region ID ("oss-cn-hangzhou") or a
// cloud region ID ("cn-hangzhou"), in any case, ignoring surrounding ASCII
// white space (space, tab, newline, carriage return, vertical tab, form
// feed), as every function of the package that reads text does.
//
// An unknown ID is an *Error wrapping ErrUnknownRegion, whose Suggestion is
// the closest known region, if one is close: a region in service if one
// is (Active before Decommissioning at the same distance), a
// decommissioned one only if none is. Given an endpoint host or URL
// ("oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou-internal"), the
// Suggestion is its region and the Reason says that ParseEndpoint reads
// hosts.
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
	var buf [len("oss-") + genMaxCloudIDLen]byte
	if len(s) > len(buf) {
		return nil // longer than any ID in the table
	}
	id := buf[:lowerASCII(buf[:], s)]
	if len(id) >= len("oss-") && string(id[:len("oss-")]) == "oss-" {
		id = id[len("oss-"):]
	}
	return genLookupCloudID(id)
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
// It is not inlined: inlined into every method it cost 4 KiB of binary.
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

// maxSuggestDistance is how many single-byte edits a suggestion may be
// from the input: half the length of the suggested cloud ID.
func maxSuggestDistance(cloudID string) int { return len(cloudID) / 2 }

// unknownRegionError builds Parse's error, with its suggestion: the
// region of an endpoint given instead of an ID, or the closest region by
// edit distance (suggest).
func unknownRegionError(fn, s string) *Error {
	e := newError(fn, s, ErrUnknownRegion, "")
	// Only the start can matter: a host and port behind a scheme.
	s = trimSpace(s[:min(len(s), maxUnmarshalInput)])
	if hostLike(s) {
		e.Suggestion, e.Reason = endpointRegion(s), endpointGiven
		return e
	}
	var buf [len("oss-") + genMaxCloudIDLen + genMaxCloudIDLen/2 + len("-internal") + len(ossDomain)]byte
	if len(s)+len(ossDomain) > len(buf) {
		return e
	}
	id := buf[:lowerASCII(buf[:], s)]
	if len(id) >= len("oss-") && string(id[:len("oss-")]) == "oss-" {
		// The first label of an irregular endpoint (oss-cn-szfinance):
		// the others' are oss-<id> and oss-<id>-internal.
		var ep Endpoint
		if specialHost(&ep, append(id, ossDomain...)) && ep.Region != "" {
			e.Suggestion, e.Reason = ep.Region, endpointGiven
			return e
		}
		id = id[len("oss-"):]
	}
	// An internal endpoint's name, perhaps misspelt: the rest is the ID.
	if dash := bytes.LastIndexByte(id, '-'); dash > 0 && (string(id[dash+1:]) == "internal" || misspeltInternal(id)) {
		id, e.Reason = id[:dash], endpointGiven
		if in := genLookupCloudID(id); in != nil {
			e.Suggestion = in.id
			return e
		}
	}
	var closer Region
	e.Suggestion, closer = suggest(id)
	if closer != "" {
		e.Reason = "the closer " + string(closer) + " is decommissioned"
	}
	return e
}

const endpointGiven = "an endpoint, not a region ID (ParseEndpoint reads hosts and URLs)"

// endpointRegion returns the known region that a host or URL given to
// Parse names, or the closest one to the region it names, or "".
func endpointRegion(s string) Region {
	if in := parseID(firstLabel(s)); in != nil {
		return in.id // the usual forms, without ParseEndpoint's costs
	}
	ep, err := ParseEndpoint(s)
	switch {
	case err != nil:
		return err.(*Error).Suggestion
	case ep.Region == "" || ep.Region.Known():
		return ep.Region
	}
	r, _ := suggest([]byte(ep.Region.CloudRegion()))
	return r
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

// suggest returns the region whose cloud ID is closest to id by edit
// distance, if that is at most maxSuggestDistance: among the regions in
// service, Active before Decommissioning and then in table order at the
// same distance; among the decommissioned ones only if none in service is
// close. It also returns the decommissioned region that is closer than
// the one suggested, if there is one. The cost is bounded whatever the
// input: limits are tried from 0 up, so a typo settles after a few cells
// per region, and an input longer than any ID plus the largest distance
// is not searched.
func suggest(id []byte) (suggestion, closer Region) {
	if len(id) > genMaxCloudIDLen+genMaxCloudIDLen/2 {
		return "", ""
	}
	var closed, closedBefore Region // closedBefore: found at a smaller limit
	for limit := 0; limit <= genMaxCloudIDLen/2; limit++ {
		closedBefore = closed
		var decommissioning Region
		for _, r := range genAllRegions {
			cloud := string(r)[len("oss-"):] // every ID of the table has the prefix
			if limit > maxSuggestDistance(cloud) || !withinDistance(id, cloud, limit) {
				continue
			}
			switch r.Status() {
			case Active:
				return r, closedBefore
			case Decommissioning:
				if decommissioning == "" {
					decommissioning = r
				}
			default:
				if closed == "" {
					closed = r
				}
			}
		}
		if decommissioning != "" {
			return decommissioning, closedBefore
		}
	}
	return closed, ""
}

// withinDistance reports whether the Levenshtein distance between a and b,
// in bytes, is at most limit. It computes only the cells within limit of
// the diagonal and stops at the first row whose cells all exceed limit.
// b is a cloud region ID of the table or "internal", so the rows fit on
// the stack.
func withinDistance(a []byte, b string, limit int) bool {
	if len(a)-len(b) > limit || len(b)-len(a) > limit {
		return false
	}
	// Cells are capped at limit+1, which is small: bytes keep the rows
	// (zeroed on every call) to a few words.
	over := uint8(limit + 1)
	var rows [2][max(genMaxCloudIDLen, len("internal")) + 2]uint8
	prev, cur := rows[0][:len(b)+2], rows[1][:len(b)+2]
	for j := range prev {
		prev[j] = uint8(min(j, int(over)))
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[lo-1] = uint8(min(i, int(over))) // beyond the band a cell is over limit
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, over)
			rowMin = min(rowMin, cur[j])
		}
		cur[hi+1] = over
		if rowMin >= over {
			return false // no later row can come back under it
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] < over
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
func (r Region) MarshalText() ([]byte, error) {
	if r != "" && !r.Known() && !wellFormed(r) {
		return nil, newError("Region.MarshalText", string(r), ErrUnknownRegion, "not of the form oss-<cloud region ID>")
	}
	return []byte(r), nil
}

// wellFormed reports whether r is "oss-" and a cloud region ID.
func wellFormed(r Region) bool {
	cloud, ok := strings.CutPrefix(string(r), "oss-")
	return ok && isCloudID(cloud)
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
	if len(id) <= len("oss-")+genMaxCloudIDLen {
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
		return in.public, true
	case Internal:
		return in.internal, true
	case VPC:
		return in.vpc, true
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

// VPCEndpoint returns the region's VPC endpoint, or "".
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
	hosts := append([]string{in.public, in.internal}, in.internalExtra...)
	if in.vpc != in.internal {
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
	out := make([]netip.Prefix, len(in.vip))
	for i, s := range in.vip {
		out[i] = netip.MustParsePrefix(s) // the generator checked every prefix
	}
	return out, true
}
