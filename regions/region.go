package regions

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"unsafe"
)

// This file holds the logic over the generated tables in data_gen.go. It
// never names a region: everything that depends on regions.yaml is
// generated, so adding a region never touches this file.

// Region is an OSS region ID, such as "oss-cn-hangzhou". Its methods answer
// from the generated table; for a Region that is not in it (Known reports
// false) they return zero values.
type Region string

// Status is where a region is in its lifecycle.
type Status uint8

// The lifecycle states of a region. Constants of regions that are not
// Active carry a Deprecated notice.
const (
	// Active regions are in service.
	Active Status = iota + 1
	// Decommissioning regions still serve requests but are being retired.
	Decommissioning
	// Decommissioned regions no longer serve requests.
	Decommissioned
)

// String returns "active", "decommissioning" or "decommissioned".
func (s Status) String() string {
	switch s {
	case Active:
		return "active"
	case Decommissioning:
		return "decommissioning"
	case Decommissioned:
		return "decommissioned"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// regionInfo is one row of the table; data_gen.go holds one per region.
type regionInfo struct {
	id          Region
	name        string
	mainland    bool
	status      Status
	public      string
	internal    string
	vpc         string
	accelerate  bool
	vipByTicket bool
	vip         []string // canonical CIDR prefixes, in table order
}

// span4 and span6 are the VIP ranges as address intervals, sorted by first
// address, for LookupIP's binary search. An IPv6 address is its two
// big-endian 64-bit halves.
type span4 struct {
	first, last uint32
	region      *regionInfo
}

type span6 struct {
	first, last [2]uint64
	region      *regionInfo
}

// ErrUnknownRegion is wrapped by the errors of Parse and UnmarshalText for
// an ID that is not in the table.
var ErrUnknownRegion = errors.New(unknownRegion)

const unknownRegion = "unknown region"

// Parsing lower-cases into a stack buffer of whole 8-byte words; this fails
// to compile if the generator's limit on ID length outgrows it.
const parseBufLen = 64

const _ = uint(parseBufLen - maxIDLen)

// All returns every region in table order, in a new slice.
func All() []Region {
	out := make([]Region, len(allRegions))
	copy(out, allRegions[:])
	return out
}

// Parse returns the region for an OSS region ID ("oss-cn-hangzhou") or a
// cloud region ID ("cn-hangzhou"), in any case, ignoring surrounding space.
// An unknown ID is an error that wraps ErrUnknownRegion and names the
// closest known ID.
func Parse(s string) (Region, error) {
	if r := parseID(s); r != "" {
		return r, nil
	}
	return "", unknownRegionError(s)
}

// parseID looks up an ID in either form and any case without allocating.
// s is looked up as it is first: lower case is the usual input, and a miss
// costs less than checking the case of every byte. On a miss, s is
// lower-cased (lookupFolded) and looked up again.
func parseID(s string) Region {
	if len(s) > 0 && (s[0] <= ' ' || s[len(s)-1] <= ' ') {
		s = strings.TrimSpace(s)
	}
	if in := lookupCloudID(strings.TrimPrefix(s, "oss-")); in != nil {
		return in.id
	}
	if len(s) == 0 || len(s) > parseBufLen {
		return ""
	}
	return lookupFolded(s)
}

// lookupFolded looks up s, at most parseBufLen bytes, lower-cased into a
// stack buffer. Words are read from s, not from a copy: reading a copy back
// as words measured slower (a store-forwarding stall, by the profile).
func lookupFolded(s string) Region {
	var buf [parseBufLen]byte
	i := 0
	for ; i+8 <= len(s); i += 8 {
		put64(buf[i:], lower64(word(s[i:])))
	}
	if i < len(s) {
		put64(buf[i:], lower64(lastWord(s, i)))
	}
	// The string shares buf's memory: the lookup only compares it, and buf
	// is not written again, so the string never sees a change.
	if in := lookupCloudID(strings.TrimPrefix(unsafe.String(&buf[0], len(s)), "oss-")); in != nil {
		return in.id
	}
	return ""
}

// lastWord returns s[i:], fewer than eight bytes, as a little-endian word.
func lastWord(s string, i int) uint64 {
	if len(s) >= 8 {
		// The last eight bytes, shifted to drop those before i.
		return word(s[len(s)-8:]) >> (8 * (8 - (len(s) - i)))
	}
	var w uint64
	for j := len(s) - 1; j >= i; j-- {
		w = w<<8 | uint64(s[j])
	}
	return w
}

// lower64 lower-cases the ASCII capital letters of eight bytes at once;
// every other byte is left as it is.
func lower64(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low7 := w &^ highs
	atLeastA := low7 + (0x80-'A')*ones       // high bit set where the byte is >= 'A'
	pastZ := low7 + (0x80-'Z'-1)*ones        // high bit set where the byte is > 'Z'
	return w | (atLeastA&^pastZ&^w&highs)>>2 // ASCII capitals gain the case bit 0x20
}

// word reads s[:8] as a little-endian word; the compiler makes it one load.
func word(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// put64 stores w into b[:8] little-endian; the compiler makes it one store.
func put64(b []byte, w uint64) {
	_ = b[7]
	b[0], b[1], b[2], b[3] = byte(w), byte(w>>8), byte(w>>16), byte(w>>24)
	b[4], b[5], b[6], b[7] = byte(w>>32), byte(w>>40), byte(w>>48), byte(w>>56)
}

// lookupInfo returns the table row of r, or nil if r is not in the table.
// It is not inlined: inlined into every method it cost 4 KiB of binary.
//
//go:noinline
func lookupInfo(r Region) *regionInfo {
	if len(r) <= len("oss-") || r[:len("oss-")] != "oss-" {
		return nil
	}
	// Every row's id is "oss-" and its cloud ID, so a hit is r's own row.
	return lookupCloudID(string(r[len("oss-"):]))
}

func unknownRegionError(s string) error {
	// Only the first bytes can matter for a suggestion; do not copy more.
	id := strings.TrimSpace(s)
	if len(id) > 2*parseBufLen {
		id = id[:2*parseBufLen]
	}
	id = strings.TrimPrefix(strings.ToLower(id), "oss-")
	best, bestDist := Region(""), -1
	for _, r := range allRegions {
		d := editDistance(id, r.CloudRegion())
		if bestDist < 0 || d < bestDist {
			best, bestDist = r, d
		}
	}
	msg := "regions: " + unknownRegion + " " + quote(s)
	if best != "" && bestDist <= len(best.CloudRegion())/2 {
		msg += " (did you mean " + strconv.Quote(string(best)) + "?)"
	}
	return &wrapped{msg, ErrUnknownRegion}
}

// editDistance is the Levenshtein distance between a and b, in bytes; b is
// a cloud region ID, at most maxIDLen bytes, so the rows fit on the stack.
func editDistance(a, b string) int {
	var rows [2][maxIDLen + 1]int
	prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// clip shortens s for an error message.
func clip(s string) string {
	const limit = 80
	if len(s) > limit {
		return s[:limit] + "..."
	}
	return s
}

// quote clips and quotes input for an error message.
func quote(s string) string { return strconv.Quote(clip(s)) }

// wrapped is an error with its own message that wraps a sentinel error.
// The package builds messages without fmt, which would add to every binary
// that imports it.
type wrapped struct {
	msg string
	err error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.err }

// Known reports whether r is in the table.
func (r Region) Known() bool { return lookupInfo(r) != nil }

// String returns the region ID.
func (r Region) String() string { return string(r) }

// MarshalText returns the region ID. A region that is not in the table is an
// error, so that what is written can always be read back.
func (r Region) MarshalText() ([]byte, error) {
	if !r.Known() {
		return nil, &wrapped{"regions: cannot marshal " + ErrUnknownRegion.Error() + " " + quote(string(r)), ErrUnknownRegion}
	}
	return []byte(r), nil
}

// UnmarshalText sets r from text as Parse reads it.
func (r *Region) UnmarshalText(text []byte) error {
	p, err := Parse(string(text))
	if err != nil {
		return err
	}
	*r = p
	return nil
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

// Status returns the region's lifecycle state, or 0 for an unknown region.
func (r Region) Status() Status {
	if in := lookupInfo(r); in != nil {
		return in.status
	}
	return 0
}

// Endpoint returns the region's endpoint host of kind k. It reports false
// where the table has none: an unknown region or kind, or transfer
// acceleration in a region without it.
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

// LookupIP returns the region whose VIP ranges hold addr. IPv4-mapped IPv6
// addresses are looked up as IPv4.
func LookupIP(addr netip.Addr) (Region, bool) {
	addr = addr.Unmap()
	if addr.Is4() {
		a := addr.As4()
		return lookup4(uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3]))
	}
	if addr.Is6() {
		a := addr.As16()
		return lookup6([2]uint64{be64(a[:8]), be64(a[8:])})
	}
	return "", false
}

func lookup4(a uint32) (Region, bool) {
	if in := search4(vip4[:], a); in != nil {
		return in.id, true
	}
	return "", false
}

// search4 returns the region of the span that holds a, by binary search
// for the first span whose last address is >= a; spans do not overlap.
func search4(spans []span4, a uint32) *regionInfo {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if spans[m].last < a {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(spans) && spans[lo].first <= a {
		return spans[lo].region
	}
	return nil
}

func lookup6(a [2]uint64) (Region, bool) {
	if in := search6(vip6[:], a); in != nil {
		return in.id, true
	}
	return "", false
}

// search6 is search4 for IPv6 spans, comparing 128-bit addresses.
func search6(spans []span6, a [2]uint64) *regionInfo {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if less128(spans[m].last, a) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(spans) && !less128(a, spans[lo].first) {
		return spans[lo].region
	}
	return nil
}

// be64 reads a big-endian uint64; encoding/binary would add to every
// binary that imports this package.
func be64(b []byte) uint64 {
	var v uint64
	for _, c := range b[:8] {
		v = v<<8 | uint64(c)
	}
	return v
}

func less128(x, y [2]uint64) bool { return x[0] < y[0] || x[0] == y[0] && x[1] < y[1] }
