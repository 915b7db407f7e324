package regions

import (
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
// AllActive lists only the regions in service.
func All() []Region {
	out := make([]Region, len(genAllRegions))
	copy(out, genAllRegions[:])
	return out
}

// AllActive returns the regions whose Status is Active, in table order, in
// a new slice: the ones to offer a user choosing a region.
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
// white space (space, tab, newline, carriage return, vertical tab, form feed).
// An unknown ID is an *Error wrapping ErrUnknownRegion, whose Suggestion is
// the closest known region, if one is close.
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

// unknownRegionError builds Parse's error, with as its suggestion the first
// region in table order at the smallest edit distance, if that is at most
// maxSuggestDistance. The cost is bounded whatever the input: limits are
// tried from 0 up, so a typo settles after a few cells per region, and an
// input longer than any ID plus the largest distance is not searched.
func unknownRegionError(fn, s string) *Error {
	e := newError(fn, s, ErrUnknownRegion, "")
	s = trimSpace(s)
	var buf [len("oss-") + genMaxCloudIDLen + genMaxCloudIDLen/2]byte
	if len(s) > len(buf) {
		return e
	}
	id := buf[:lowerASCII(buf[:], s)]
	if len(id) >= len("oss-") && string(id[:len("oss-")]) == "oss-" {
		id = id[len("oss-"):]
	}
	for limit := 0; limit <= genMaxCloudIDLen/2; limit++ {
		for _, r := range genAllRegions {
			cloud := r.CloudRegion()
			if limit <= maxSuggestDistance(cloud) && withinDistance(id, cloud, limit) {
				e.Suggestion = r
				return e
			}
		}
	}
	return e
}

// withinDistance reports whether the Levenshtein distance between a and b,
// in bytes, is at most limit. It computes only the cells within limit of
// the diagonal and stops at the first row whose cells all exceed limit.
// b is a cloud region ID of the table, so the rows fit on the stack.
func withinDistance(a []byte, b string, limit int) bool {
	if len(a)-len(b) > limit || len(b)-len(a) > limit {
		return false
	}
	// Cells are capped at limit+1, which is small: bytes keep the rows
	// (zeroed on every call) to a few words.
	over := uint8(limit + 1)
	var rows [2][genMaxCloudIDLen + 2]uint8
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

// MarshalText returns the region ID. A region that is not in the table is an
// error, so that what is written can always be read back.
func (r Region) MarshalText() ([]byte, error) {
	if !r.Known() {
		return nil, newError("Region.MarshalText", string(r), ErrUnknownRegion, "")
	}
	return []byte(r), nil
}

// UnmarshalText sets r from text as Parse reads it.
func (r *Region) UnmarshalText(text []byte) error {
	// Only an ID as long as the table's longest can match; a short string
	// stays on the stack.
	if id := trimSpace(text); len(id) <= len("oss-")+genMaxCloudIDLen {
		if in := parseID(string(id)); in != nil {
			*r = in.id
			return nil
		}
	}
	// Only the first bytes can matter to the error: do not copy more.
	return unknownRegionError("Region.UnmarshalText", string(text[:min(len(text), maxErrorInput+1)]))
}

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
