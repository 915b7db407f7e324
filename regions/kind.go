package regions

import "strconv"

// Kind is a kind of OSS endpoint. The zero value is not a valid Kind.
type Kind uint8

// The kinds of endpoint a region can have.
const (
	// Public is the endpoint for access over the Internet.
	Public Kind = iota + 1
	// Internal is the endpoint for access from ECS instances over the
	// classic network in the same region.
	Internal
	// VPC is the endpoint for access from a VPC in the same region.
	VPC
	// Accelerate is the global transfer acceleration endpoint.
	Accelerate
	// AccelerateOverseas is the transfer acceleration endpoint
	// oss-accelerate-overseas.aliyuncs.com, whose access points are outside
	// mainland China: for clients outside mainland China, whatever the
	// bucket's region. The table's sources list it for every region that
	// has transfer acceleration, mainland regions included, and so does
	// Region.Endpoint; "outside mainland China" is where the traffic
	// enters, not where the bucket is.
	AccelerateOverseas
	// DualStack is the endpoint reachable over IPv4 and IPv6,
	// <region-id>.oss.aliyuncs.com, in the regions that have one.
	DualStack
	// Regionless is RegionlessEndpoint, the endpoint of buckets that have
	// no region attribute (in mainland China). Like the accelerate
	// endpoints it names no region; no region has it as an endpoint.
	Regionless
)

// kindNames is indexed by Kind; index 0 is the invalid zero value.
var kindNames = [...]string{"", "public", "internal", "vpc", "accelerate", "accelerate-overseas", "dual-stack", "regionless"}

// Valid reports whether k is one of the declared kinds.
func (k Kind) Valid() bool { return k >= Public && k <= Regionless }

// String returns the kind's text form ("public", "vpc", ...), or "Kind(N)"
// for an invalid kind.
func (k Kind) String() string {
	if !k.Valid() {
		return "Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// MarshalText encodes k as its String form, and the zero Kind as "" (as
// net/netip.Addr does its zero value), so that a zero-valued field can be
// written; any other invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if k != 0 && !k.Valid() {
		return nil, newError("Kind.MarshalText", k.String(), ErrInvalidKind, "")
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a kind's String form, in any case, ignoring
// surrounding ASCII white space; empty text is the zero Kind.
func (k *Kind) UnmarshalText(text []byte) error {
	if i, ok := indexFold(kindNames[:], text); ok {
		*k = Kind(i)
		return nil
	}
	return newError("Kind.UnmarshalText", string(text[:min(len(text), maxErrorInput+1)]), ErrInvalidKind,
		"want one of public, internal, vpc, accelerate, accelerate-overseas, dual-stack, regionless")
}

// indexFold returns the index of text, without surrounding white space, in
// names, compared in any ASCII case; names[0] is "", the zero value, which
// empty text matches.
func indexFold(names []string, text []byte) (int, bool) {
	text = trimSpace(text)
	for i := range names {
		if equalFoldASCII(string(text), names[i]) {
			return i, true
		}
	}
	return 0, false
}

// equalFoldASCII reports whether a and b are equal under ASCII case folding;
// unlike strings.EqualFold it does not match non-ASCII look-alikes (the
// Kelvin sign K for k). Bytes that differ only in bit 0x20 are one letter
// in two cases if either, with that bit set, is a lower-case letter.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		if x := a[i] | 0x20; a[i] != b[i] && (x != b[i]|0x20 || x < 'a' || x > 'z') {
			return false
		}
	}
	return true
}
