package regions

import "net/netip"

// span4 and span6 are the VIP ranges as address intervals, sorted by first
// address, for LookupIP's binary search.
type span4 struct {
	first, last uint32
	region      *regionInfo
}

type span6 struct {
	first, last [2]uint64
	region      *regionInfo
}

// LookupIP returns the region whose VIP ranges hold addr. IPv4-mapped IPv6
// addresses are looked up as IPv4. An address with a zone is in no range,
// as netip.Prefix.Contains has it.
func LookupIP(addr netip.Addr) (Region, bool) {
	if addr.Zone() != "" {
		return "", false
	}
	addr = addr.Unmap()
	var in *regionInfo
	switch {
	case addr.Is4():
		a := addr.As4()
		in = search4(genVIP4[:], uint32(a[0])<<24|uint32(a[1])<<16|uint32(a[2])<<8|uint32(a[3]))
	case addr.Is6() && len(genVIP6) > 0:
		a := addr.As16()
		in = search6(genVIP6[:], [2]uint64{be64(a[:8]), be64(a[8:])})
	}
	if in == nil {
		return "", false
	}
	return in.id, true
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
