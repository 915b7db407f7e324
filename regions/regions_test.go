package regions

import (
	"encoding/json"
	"errors"
	"net/netip"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestAll(t *testing.T) {
	all := All()
	if len(all) != len(genAllRegions) || len(all) == 0 {
		t.Fatalf("All() has %d regions, table has %d", len(all), len(genAllRegions))
	}
	for i, r := range all {
		if r != genAllRegions[i] {
			t.Fatalf("All()[%d] = %s, the table's row %d is %s: not in table order", i, r, i, genAllRegions[i])
		}
	}
	first := all[0]
	all[0] = "changed"
	if All()[0] != first {
		t.Error("All() returned the package's own array, not a copy")
	}
	seen := map[Region]bool{}
	for _, r := range All() {
		if seen[r] {
			t.Errorf("%s listed twice", r)
		}
		seen[r] = true
		if !r.Known() || r.Name() == "" || r.PublicEndpoint() == "" || r.Status() == 0 {
			t.Errorf("%s: Known=%v Name=%q PublicEndpoint=%q Status=%v", r, r.Known(), r.Name(), r.PublicEndpoint(), r.Status())
		}
	}
	if !seen[DefaultRegion] {
		t.Errorf("DefaultRegion %s is not in All()", DefaultRegion)
	}
}

// TestParse reads every region of the table in both ID forms, in upper
// case and with surrounding ASCII white space.
func TestParse(t *testing.T) {
	for _, r := range All() {
		for _, in := range []string{string(r), r.CloudRegion(), strings.ToUpper(string(r)), strings.ToUpper(r.CloudRegion()), " \t" + r.CloudRegion() + "\r\n"} {
			if got, err := Parse(in); err != nil || got != r {
				t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, r)
			}
		}
		// Only ASCII white space is trimmed, on either side alike.
		for _, in := range []string{"\u00a0" + string(r), " \u00a0" + string(r), string(r) + "\u00a0"} {
			if got, err := Parse(in); err == nil {
				t.Errorf("Parse(%q) = %q; want an error (not ASCII space)", in, got)
			}
		}
	}
}

// slipReason returns the reason of the table's slip that writes written
// where meant was meant, and whether the table lists it.
func slipReason(written, meant string) (string, bool) {
	for _, sl := range genSlips {
		if sl.written == written && sl.meant == meant {
			return sl.reason, true
		}
	}
	return "", false
}

// TestParseErrors checks the message of unknown IDs: the input quoted and,
// where one is close, the suggestion the plain reference search finds.
func TestParseErrors(t *testing.T) {
	var inputs []string
	for _, r := range All() {
		id := r.CloudRegion()
		inputs = append(inputs, "oss-"+id[:len(id)-1], id+"x", "oss-oss-"+id)
	}
	inputs = append(inputs, "", "oss-", "xyzzy", strings.Repeat("a", 100))
	for _, in := range inputs {
		got, err := Parse(in)
		if err == nil {
			continue // a typo that is another region's ID
		}
		if !errors.Is(err, ErrUnknownRegion) {
			t.Errorf("Parse(%q) error %v does not wrap ErrUnknownRegion", in, err)
		}
		want := `Parse(` + strconv.Quote(in[:min(len(in), maxQuoted)])
		if len(in) > maxQuoted {
			want += "..."
		}
		s, _ := referenceSuggestion(in)
		doubled, isDoubled := strings.CutPrefix(in, "oss-oss-")
		switch {
		case isDoubled && doubled != "":
			reason, listed := slipReason("oss-", "")
			if !listed {
				continue // a table without the slip: TestSlipsNameTheRegion holds the slips it lists
			}
			s, _ = Parse(doubled)
			want += "): " + reason
		case s.Status() == Decommissioned:
			want += "): the region meant is decommissioned"
		case s == "" && len(in) < 60 && !genIsCloudID(strings.TrimPrefix(in, "oss-")):
			want += "): not a region ID" // what the rule for doubt says of it
		default:
			want += "): unknown region"
		}
		if s != "" {
			want += ` (did you mean "` + string(s) + `"?)`
		}
		if got != "" || err.Error() != want {
			t.Errorf("Parse(%q) = %q, error\n got %s\nwant %s", in, got, err, want)
		}
	}
}

// TestRegionMethods holds the methods to each other for every region; the
// values themselves are read back against regions.yaml by the generator's
// round-trip test.
func TestRegionMethods(t *testing.T) {
	for _, r := range append(All(), "oss-xx-unknown-1", "") {
		known := r.Known()
		if r.String() != string(r) || r.CloudRegion() != strings.TrimPrefix(string(r), "oss-") {
			t.Errorf("%q: String %q, CloudRegion %q", r, r.String(), r.CloudRegion())
		}
		for k, short := range map[Kind]string{Public: r.PublicEndpoint(), Internal: r.InternalEndpoint(), VPC: r.VPCEndpoint()} {
			h, ok := r.Endpoint(k)
			if h != short || ok != known || known == (h == "") {
				t.Errorf("%q.Endpoint(%v) = %q, %v; shorthand %q, Known %v", r, k, h, ok, short, known)
			}
		}
		g, gok := r.Endpoint(Accelerate)
		o, ook := r.Endpoint(AccelerateOverseas)
		if gok != ook || gok && (g != GlobalAccelerateEndpoint || o != OverseasAccelerateEndpoint) || !gok && g+o != "" {
			t.Errorf("%q: accelerate %q, %v and %q, %v disagree", r, g, gok, o, ook)
		}
		if h, ok := r.Endpoint(Kind(0)); ok || h != "" {
			t.Errorf("%q.Endpoint(0) = %q, %v", r, h, ok)
		}
		if !known && (r.Name() != "" || r.MainlandChina() || r.Status() != 0) {
			t.Errorf("unknown %q: Name %q, MainlandChina %v, Status %v", r, r.Name(), r.MainlandChina(), r.Status())
		}
	}
}

func TestStatusString(t *testing.T) {
	for s, want := range map[Status]string{Active: "active", Decommissioning: "decommissioning", Decommissioned: "decommissioned", 0: "Status(0)", 9: "Status(9)"} {
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q, want %q", uint8(s), got, want)
		}
	}
}

func TestVIPRanges(t *testing.T) {
	for _, r := range All() {
		got, ok := r.VIPRanges()
		if !ok {
			continue // published by ticket
		}
		if len(got) == 0 {
			t.Errorf("%s: VIPRanges reports ok with no ranges", r)
			continue
		}
		first := got[0]
		got[0] = netip.Prefix{}
		if again, _ := r.VIPRanges(); again[0] != first {
			t.Errorf("%s: VIPRanges returned shared storage", r)
		}
	}
	if p, ok := Region("nope").VIPRanges(); ok || p != nil {
		t.Errorf("unknown region VIPRanges = %v, %v", p, ok)
	}
}

// TestLookupIP looks up addresses that no table should hold, and IPv4-mapped
// forms of every range's addresses; TestLookupIPMatchesLinearScan covers
// the edges of every range.
func TestLookupIP(t *testing.T) {
	for _, a := range []string{"0.0.0.0", "255.255.255.255", "10.0.0.1", "192.168.1.1", "2001:db8::1", "::1"} {
		addr := netip.MustParseAddr(a)
		got, ok := LookupIP(addr)
		want, wantOK := scanIP(addr)
		if got != want || ok != wantOK {
			t.Errorf("LookupIP(%s) = %q, %v; the scan says %q, %v", a, got, ok, want, wantOK)
		}
	}
	for _, r := range All() {
		ranges, _ := r.VIPRanges()
		for _, p := range ranges {
			if p.Addr().Is4() {
				mapped := netip.AddrFrom16(p.Addr().As16())
				if got, ok := LookupIP(mapped); !ok || got != r {
					t.Errorf("LookupIP(%s) = %q, %v; want %s", mapped, got, ok, r)
				}
			}
		}
	}
	if r, ok := LookupIP(netip.Addr{}); ok || r != "" {
		t.Errorf("LookupIP(zero Addr) = %q, %v", r, ok)
	}
}

// TestLookupIPMatchesLinearScan holds the binary search against a scan of
// every region's ranges, at each range's edges and just outside them.
func TestLookupIPMatchesLinearScan(t *testing.T) {
	for _, r := range All() {
		ranges, _ := r.VIPRanges()
		for _, p := range ranges {
			first := p.Masked().Addr()
			last := lastOf(p)
			for _, a := range []netip.Addr{first, last, first.Prev(), last.Next()} {
				if !a.IsValid() {
					continue
				}
				got, gotOK := LookupIP(a)
				want, wantOK := scanIP(a)
				if got != want || gotOK != wantOK {
					t.Errorf("LookupIP(%s) = %q, %v; linear scan says %q, %v", a, got, gotOK, want, wantOK)
				}
			}
		}
	}
}

// scanIP is the reference LookupIP: a linear scan over every prefix.
func scanIP(a netip.Addr) (Region, bool) {
	a = a.Unmap()
	for _, r := range All() {
		ranges, _ := r.VIPRanges()
		for _, p := range ranges {
			if p.Contains(a) {
				return r, true
			}
		}
	}
	return "", false
}

func TestRegionText(t *testing.T) {
	r0 := DefaultRegion
	b, err := r0.MarshalText()
	if err != nil || string(b) != string(r0) {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	// As netip.Addr: a well-formed region newer than the table is its ID,
	// the zero value is "", and only what is no region ID is an error.
	for _, r := range []Region{"oss-xx-nowhere-1", ""} {
		if b, err := r.MarshalText(); err != nil || string(b) != string(r) {
			t.Errorf("Region(%q).MarshalText() = %q, %v", r, b, err)
		}
	}
	// A converted ID or alias suggests the region Parse returns for it.
	for _, r := range []Region{"cn-hangzhou", "oss-", "oss-CN-HANGZHOU", "oss-cn-hangzhou\n"} {
		_, err := r.MarshalText()
		want, _ := Parse(string(r))
		if e := (*Error)(nil); !errors.As(err, &e) || e.Err != ErrUnknownRegion || e.Suggestion != want {
			t.Errorf("Region(%q).MarshalText(): %v, want ErrUnknownRegion suggesting %q", r, err, want)
		}
	}
	var r Region
	if err := r.UnmarshalText([]byte(strings.ToUpper(r0.CloudRegion()))); err != nil || r != r0 {
		t.Errorf("UnmarshalText = %q, %v", r, err)
	}
	if err := r.UnmarshalText([]byte("xx-nowhere")); !errors.Is(err, ErrUnknownRegion) || r != r0 {
		t.Errorf("UnmarshalText(bad) = %v and changed r to %q", err, r)
	}

	type config struct {
		Region Region `json:"region"`
		Kind   Kind   `json:"kind"`
	}
	var c config
	if err := json.Unmarshal([]byte(`{"region":"`+r0.CloudRegion()+`","kind":"VPC"}`), &c); err != nil {
		t.Fatal(err)
	}
	if c.Region != r0 || c.Kind != VPC {
		t.Errorf("decoded %+v", c)
	}
	out, err := json.Marshal(c)
	if err != nil || string(out) != `{"region":"`+string(r0)+`","kind":"vpc"}` {
		t.Errorf("encoded %s, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"region":"mars-1"}`), &c); !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("decoding an unknown region: %v", err)
	}
}

// TestServiceRank: suggestions prefer active regions, then preview, then
// decommissioning; decommissioned and invalid states come last.
func TestServiceRank(t *testing.T) {
	order := []Status{Active, Preview, Decommissioning, Decommissioned}
	for i := 1; i < len(order); i++ {
		if serviceRank(order[i-1]) >= serviceRank(order[i]) {
			t.Errorf("serviceRank(%v) = %d, not before serviceRank(%v) = %d", order[i-1], serviceRank(order[i-1]), order[i], serviceRank(order[i]))
		}
	}
	for _, s := range []Status{0, Status(len(genStatusNames)), 255} {
		if serviceRank(s) != serviceRank(Decommissioned) {
			t.Errorf("serviceRank(%v) = %d, want %d as Decommissioned", s, serviceRank(s), serviceRank(Decommissioned))
		}
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		k    Kind
		text string
	}{
		{Public, "public"}, {Internal, "internal"}, {VPC, "vpc"},
		{Accelerate, "accelerate"}, {AccelerateOverseas, "accelerate-overseas"}, {DualStack, "dual-stack"},
		{Regionless, "regionless"},
	}
	for _, tt := range tests {
		if !tt.k.Valid() || tt.k.String() != tt.text {
			t.Errorf("Kind %d: Valid=%v String=%q, want %q", uint8(tt.k), tt.k.Valid(), tt.k.String(), tt.text)
		}
		b, err := tt.k.MarshalText()
		if err != nil || string(b) != tt.text {
			t.Errorf("%v.MarshalText() = %q, %v", tt.k, b, err)
		}
		var k Kind
		if err := k.UnmarshalText([]byte(strings.ToUpper(tt.text))); err != nil || k != tt.k {
			t.Errorf("UnmarshalText(%q) = %v, %v", strings.ToUpper(tt.text), k, err)
		}
	}
	for _, k := range []Kind{0, Regionless + 1, 255} {
		if k.Valid() {
			t.Errorf("Kind(%d).Valid() = true", uint8(k))
		}
		if _, err := k.MarshalText(); (err == nil) != (k == 0) {
			t.Errorf("Kind(%d).MarshalText(): %v; only the zero Kind marshals, as \"\"", uint8(k), err)
		}
	}
	if got := Kind(0).String(); got != "Kind(0)" {
		t.Errorf("Kind(0).String() = %q", got)
	}
	var k Kind
	err := k.UnmarshalText([]byte("intranet"))
	if err == nil || err.Error() != `Kind.UnmarshalText("intranet"): invalid endpoint kind: want one of public, internal, vpc, accelerate, accelerate-overseas, dual-stack, regionless` {
		t.Errorf("UnmarshalText(intranet) error: %v", err)
	}
}

// TestEqualFoldASCII compares every pair of bytes with folding by hand:
// only ASCII letters match their other case.
func TestEqualFoldASCII(t *testing.T) {
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	for a := range 256 {
		for b := range 256 {
			x, y := string([]byte{byte(a), 'k'}), string([]byte{byte(b), 'K'})
			if got, want := equalFoldASCII(x, y), lower(byte(a)) == lower(byte(b)); got != want {
				t.Errorf("equalFoldASCII(%q, %q) = %v, want %v", x, y, got, want)
			}
		}
	}
	if equalFoldASCII("k", "kk") || equalFoldASCII("k", "\u212a") {
		t.Error("equalFoldASCII matches strings of different lengths or the Kelvin sign")
	}
}

// TestParseHugeInputCopiesLittle makes sure that an error for a very long
// input costs about the same as for a short one: the suggestion looks at
// its first bytes only.
func TestParseHugeInputCopiesLittle(t *testing.T) {
	huge := strings.Repeat("XX-NOWHERE-", 1<<17) // 1.4 MB
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 10; i++ {
		if _, err := Parse(huge); !errors.Is(err, ErrUnknownRegion) {
			t.Fatalf("Parse(huge): %v", err)
		}
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<10 {
		t.Errorf("10 failed Parse calls on a 1.4 MB input allocated %d bytes", grew)
	}
}

// TestLookupsDoNotAllocate counts allocations (not time) on the lookup
// paths that promise none.
func TestLookupsDoNotAllocate(t *testing.T) {
	addr := netip.MustParseAddr("10.0.0.1")
	for _, r := range All() {
		if ranges, ok := r.VIPRanges(); ok {
			addr = ranges[0].Addr()
			break
		}
	}
	upperID := strings.ToUpper(string(DefaultRegion))
	internalURL := "https://bucket." + DefaultRegion.InternalEndpoint() + "/dir/object.txt"
	upperHost := "HTTPS://bucket." + strings.ToUpper(DefaultRegion.PublicEndpoint()) + "/K"
	upperDefault := "HTTP://" + strings.ToUpper(DefaultEndpoint) + ":80"
	for name, f := range map[string]func(){
		"Parse":                                 func() { sinkRegion, sinkErr = Parse(upperID) },
		"ParseEndpoint":                         func() { _, sinkErr = ParseEndpoint(internalURL) },
		"ParseEndpoint upper-case host":         func() { _, sinkErr = ParseEndpoint(upperHost) },
		"ParseEndpoint upper-case default host": func() { _, sinkErr = ParseEndpoint(upperDefault) },
		"LookupIP":                              func() { sinkRegion, sinkBool = LookupIP(addr) },
		"Endpoint":                              func() { sinkString, sinkBool = DefaultRegion.Endpoint(VPC) },
		"Name":                                  func() { sinkString = DefaultRegion.Name() },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %v allocations per call", name, n)
		}
	}
	// An upper-case bucket label is the one exception: its lower-case name
	// is a new string.
	in := "https://BUCKET." + DefaultRegion.PublicEndpoint()
	if n := testing.AllocsPerRun(100, func() { _, sinkErr = ParseEndpoint(in) }); n != 1 {
		t.Errorf("ParseEndpoint(%q): %v allocations per call, want 1", in, n)
	}
}

// TestSearch6 covers the IPv6 search, which the real table does not use
// yet, on spans whose bounds cross the two 64-bit halves.
func TestSearch6(t *testing.T) {
	a, b := &regionInfo{id: "oss-xx-a"}, &regionInfo{id: "oss-xx-b"}
	spans := []span6{
		{[2]uint64{1, 0}, [2]uint64{1, ^uint64(0)}, a},      // one /64
		{[2]uint64{2, 1 << 63}, [2]uint64{3, 1<<63 - 1}, b}, // crosses a half
	}
	tests := []struct {
		addr [2]uint64
		want *regionInfo
	}{
		{[2]uint64{0, ^uint64(0)}, nil},
		{[2]uint64{1, 0}, a},
		{[2]uint64{1, 12345}, a},
		{[2]uint64{1, ^uint64(0)}, a},
		{[2]uint64{2, 0}, nil},
		{[2]uint64{2, 1<<63 - 1}, nil},
		{[2]uint64{2, 1 << 63}, b},
		{[2]uint64{3, 0}, b},
		{[2]uint64{3, 1<<63 - 1}, b},
		{[2]uint64{3, 1 << 63}, nil},
		{[2]uint64{^uint64(0), ^uint64(0)}, nil},
	}
	for _, tt := range tests {
		if got := search6(spans, tt.addr); got != tt.want {
			t.Errorf("search6(%x) = %v, want %v", tt.addr, got, tt.want)
		}
	}
	if got := search6(nil, [2]uint64{1, 1}); got != nil {
		t.Errorf("search6 on no spans = %v", got)
	}
}

// TestParseCaseVariants parses every ID with each single letter
// upper-cased, which exercises both whole words and the partial last word
// of the lower-casing.
func TestParseCaseVariants(t *testing.T) {
	for _, r := range All() {
		for _, id := range []string{string(r), r.CloudRegion()} {
			for i := range len(id) {
				in := id[:i] + strings.ToUpper(id[i:i+1]) + id[i+1:]
				if got, err := Parse(in); got != r || err != nil {
					t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, r)
				}
			}
		}
	}
	long := strings.Repeat("A", len("oss-")+genMaxCloudIDLen+1)
	if got, err := Parse(long); got != "" || !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("Parse of %d bytes = %q, %v; want ErrUnknownRegion", len(long), got, err)
	}
}

// TestLookupIPZone: an address with a zone is in no prefix, for LookupIP as
// for netip.Prefix.Contains; without the zone the same address is found.
func TestLookupIPZone(t *testing.T) {
	for _, r := range All() {
		ranges, _ := r.VIPRanges()
		for _, p := range ranges {
			a := p.Addr()
			if !a.Is6() {
				a = netip.AddrFrom16(a.As16()) // IPv4-mapped: can carry a zone
			}
			zoned := a.WithZone("eth0")
			if got, ok := LookupIP(zoned); ok || p.Contains(zoned) {
				t.Errorf("LookupIP(%v) = %s, %v; Contains %v", zoned, got, ok, p.Contains(zoned))
			}
			if got, ok := LookupIP(a); !ok || got != r {
				t.Errorf("LookupIP(%v) = %s, %v; want %s", a, got, ok, r)
			}
		}
	}
}

// TestEditAtMatchesReference holds editAt, the package's one measure of
// "close", to the plain edit distance: one edit exactly where the distance
// is one.
func TestEditAtMatchesReference(t *testing.T) {
	inputs := suggestionInputs()
	for _, r := range All() {
		inputs = append(inputs, r.CloudRegion())
	}
	for _, in := range inputs {
		a := strings.TrimPrefix(strings.ToLower(in), "oss-")
		for _, r := range All() {
			b := r.CloudRegion()
			if _, e := editAt([]byte(a), b); (e != 0) != (editDistance(a, b) == 1) {
				t.Fatalf("editAt(%q, %q) = %q; the distance is %d", a, b, e, editDistance(a, b))
			}
		}
	}
}

// TestCloud holds Cloud's text forms and Region.Cloud to each other; the
// values per region are read back against regions.yaml by the
// generator's round trip.
func TestCloud(t *testing.T) {
	for c := CloudPublic; c <= CloudGovernment; c++ {
		b, err := c.MarshalText()
		var back Cloud
		if err != nil || back.UnmarshalText([]byte(" "+strings.ToUpper(string(b))+"\n")) != nil || back != c || c.String() != string(b) {
			t.Errorf("Cloud %d: %q, %v; read back as %v", c, b, err, back)
		}
	}
	if b, err := Cloud(0).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("Cloud(0).MarshalText() = %q, %v; want \"\"", b, err)
	}
	if _, err := Cloud(9).MarshalText(); !errors.Is(err, ErrInvalidCloud) {
		t.Errorf("Cloud(9).MarshalText(): %v", err)
	}
	var c Cloud
	if err := c.UnmarshalText([]byte("partition")); !errors.Is(err, ErrInvalidCloud) || c != 0 {
		t.Errorf("UnmarshalText(partition) = %v, %v", c, err)
	}
	for _, r := range All() {
		if got := r.Cloud(); got < CloudPublic || got > CloudGovernment {
			t.Errorf("%s.Cloud() = %v", r, got)
		}
	}
	if got := Region("oss-xx-nowhere-1").Cloud(); got != 0 {
		t.Errorf("Cloud of an unknown region = %v", got)
	}
}
