package regions

import (
	"encoding/json"
	"errors"
	"net/netip"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestAll(t *testing.T) {
	all := All()
	if len(all) != len(genAllRegions) || len(all) == 0 {
		t.Fatalf("All() has %d regions, table has %d", len(all), len(genAllRegions))
	}
	if all[0] != CNHangzhou || all[len(all)-1] != MEEast1 {
		t.Errorf("All() is not in table order: first %s, last %s", all[0], all[len(all)-1])
	}
	all[0] = "changed"
	if All()[0] != CNHangzhou {
		t.Error("All() returned the package's own array, not a copy")
	}
	seen := map[Region]bool{}
	for _, r := range All() {
		if seen[r] {
			t.Errorf("%s listed twice", r)
		}
		seen[r] = true
		if !r.Known() || r.Name() == "" || r.PublicEndpoint() == "" {
			t.Errorf("%s: Known=%v Name=%q PublicEndpoint=%q", r, r.Known(), r.Name(), r.PublicEndpoint())
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Region
	}{
		{"oss-cn-hangzhou", CNHangzhou},
		{"cn-hangzhou", CNHangzhou},
		{"OSS-CN-HANGZHOU", CNHangzhou},
		{"Cn-HongKong", CNHongkong},
		{"  us-west-1\n", USWest1},
		{"oss-me-east-1", MEEast1},
		{"AP-SOUTHEAST-5", APSoutheast5},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, wantMsg string
	}{
		{"oss-cn-hangzou", `regions: unknown region "oss-cn-hangzou" (did you mean "oss-cn-hangzhou"?)`},
		{"cn-shenzen", `regions: unknown region "cn-shenzen" (did you mean "oss-cn-shenzhen"?)`},
		{"us-west-2", `regions: unknown region "us-west-2" (did you mean "oss-us-west-1"?)`},
		{"", `regions: unknown region ""`},
		{"oss-", `regions: unknown region "oss-"`},
		{"oss-oss-cn-hangzhou", `regions: unknown region "oss-oss-cn-hangzhou" (did you mean "oss-cn-hangzhou"?)`},
		{"cn-hangzhou.aliyuncs.com", `regions: unknown region "cn-hangzhou.aliyuncs.com"`},
		{"xyzzy", `regions: unknown region "xyzzy"`},
		{strings.Repeat("a", 100), `regions: unknown region "` + strings.Repeat("a", 80) + `"...`},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %q, want an error", tt.in, got)
			continue
		}
		if !errors.Is(err, ErrUnknownRegion) {
			t.Errorf("Parse(%q) error %v does not wrap ErrUnknownRegion", tt.in, err)
		}
		if err.Error() != tt.wantMsg {
			t.Errorf("Parse(%q) error\n got %s\nwant %s", tt.in, err, tt.wantMsg)
		}
	}
}

func TestRegionMethods(t *testing.T) {
	tests := []struct {
		r                     Region
		name, cloud           string
		mainland              bool
		public, internal, vpc string
		accelerate            bool
	}{
		{CNHangzhou, "China (Hangzhou)", "cn-hangzhou", true, "oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com", true},
		{CNHongkong, "China (Hong Kong)", "cn-hongkong", false, "oss-cn-hongkong.aliyuncs.com", "oss-cn-hongkong-internal.aliyuncs.com", "oss-cn-hongkong-internal.aliyuncs.com", true},
		{CNHeyuan, "China (Heyuan)", "cn-heyuan", true, "oss-cn-heyuan.aliyuncs.com", "oss-cn-heyuan-internal.aliyuncs.com", "oss-cn-heyuan-internal.aliyuncs.com", false},
		{MEEast1, "UAE (Dubai)", "me-east-1", false, "oss-me-east-1.aliyuncs.com", "oss-me-east-1-internal.aliyuncs.com", "oss-me-east-1-internal.aliyuncs.com", false},
		{Region("oss-xx-unknown-1"), "", "xx-unknown-1", false, "", "", "", false},
		{Region(""), "", "", false, "", "", "", false},
	}
	for _, tt := range tests {
		r := tt.r
		if got := r.Name(); got != tt.name {
			t.Errorf("%q.Name() = %q, want %q", r, got, tt.name)
		}
		if got := r.CloudRegion(); got != tt.cloud {
			t.Errorf("%q.CloudRegion() = %q, want %q", r, got, tt.cloud)
		}
		if got := r.MainlandChina(); got != tt.mainland {
			t.Errorf("%q.MainlandChina() = %v", r, got)
		}
		if got := r.String(); got != string(r) {
			t.Errorf("%q.String() = %q", r, got)
		}
		if got := r.PublicEndpoint(); got != tt.public {
			t.Errorf("%q.PublicEndpoint() = %q, want %q", r, got, tt.public)
		}
		if got := r.InternalEndpoint(); got != tt.internal {
			t.Errorf("%q.InternalEndpoint() = %q, want %q", r, got, tt.internal)
		}
		if got := r.VPCEndpoint(); got != tt.vpc {
			t.Errorf("%q.VPCEndpoint() = %q, want %q", r, got, tt.vpc)
		}
		for _, k := range []Kind{Accelerate, AccelerateOverseas} {
			h, ok := r.Endpoint(k)
			if ok != tt.accelerate || ok == (h == "") {
				t.Errorf("%q.Endpoint(%v) = %q, %v; want ok=%v", r, k, h, ok, tt.accelerate)
			}
		}
		if h, ok := r.Endpoint(Kind(0)); ok || h != "" {
			t.Errorf("%q.Endpoint(0) = %q, %v", r, h, ok)
		}
		known := tt.name != ""
		if r.Known() != known {
			t.Errorf("%q.Known() = %v", r, r.Known())
		}
		if known && r.Status() != Active || !known && r.Status() != 0 {
			t.Errorf("%q.Status() = %v", r, r.Status())
		}
	}
	if h, _ := CNShanghai.Endpoint(Accelerate); h != GlobalAccelerateEndpoint {
		t.Errorf("Accelerate endpoint = %q", h)
	}
	if h, _ := CNShanghai.Endpoint(AccelerateOverseas); h != OverseasAccelerateEndpoint {
		t.Errorf("AccelerateOverseas endpoint = %q", h)
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
	got, ok := CNWulanchabu.VIPRanges()
	want := []netip.Prefix{
		netip.MustParsePrefix("100.114.11.0/24"),
		netip.MustParsePrefix("100.114.12.0/24"),
		netip.MustParsePrefix("100.114.100.0/24"),
		netip.MustParsePrefix("100.118.214.0/24"),
	}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("CNWulanchabu.VIPRanges() = %v, %v; want %v", got, ok, want)
	}
	got[0] = netip.Prefix{}
	if again, _ := CNWulanchabu.VIPRanges(); again[0] != want[0] {
		t.Error("VIPRanges returned shared storage")
	}
	byTicket := 0
	for _, r := range All() {
		if _, ok := r.VIPRanges(); !ok {
			byTicket++
		}
	}
	if byTicket != 8 {
		t.Errorf("%d regions publish VIP ranges by ticket, want 8", byTicket)
	}
	if p, ok := Region("nope").VIPRanges(); ok || p != nil {
		t.Errorf("unknown region VIPRanges = %v, %v", p, ok)
	}
}

func TestLookupIP(t *testing.T) {
	tests := []struct {
		addr string
		want Region
		ok   bool
	}{
		{"100.118.28.0", CNHangzhou, true},
		{"100.118.28.255", CNHangzhou, true},
		{"100.118.29.0", "", false},
		{"100.114.100.7", CNWulanchabu, true},
		{"100.114.101.7", CNGuangzhou, true},
		{"100.114.102.7", CNHangzhou, true},
		{"100.99.213.1", APSoutheast1, true},
		{"::ffff:100.99.213.1", APSoutheast1, true},
		{"100.118.173.200", CNBeijing, true},
		{"0.0.0.0", "", false},
		{"255.255.255.255", "", false},
		{"10.0.0.1", "", false},
		{"2001:db8::1", "", false},
	}
	for _, tt := range tests {
		got, ok := LookupIP(netip.MustParseAddr(tt.addr))
		if got != tt.want || ok != tt.ok {
			t.Errorf("LookupIP(%s) = %q, %v; want %q, %v", tt.addr, got, ok, tt.want, tt.ok)
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
	b, err := CNChengdu.MarshalText()
	if err != nil || string(b) != "oss-cn-chengdu" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	if _, err := Region("oss-xx-nowhere-1").MarshalText(); !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("MarshalText of unknown region: %v", err)
	}
	var r Region
	if err := r.UnmarshalText([]byte("CN-Chengdu")); err != nil || r != CNChengdu {
		t.Errorf("UnmarshalText = %q, %v", r, err)
	}
	r = CNBeijing
	if err := r.UnmarshalText([]byte("cn-nowhere")); !errors.Is(err, ErrUnknownRegion) || r != CNBeijing {
		t.Errorf("UnmarshalText(bad) = %v and changed r to %q", err, r)
	}

	type config struct {
		Region Region `json:"region"`
		Kind   Kind   `json:"kind"`
	}
	var c config
	if err := json.Unmarshal([]byte(`{"region":"cn-shanghai","kind":"VPC"}`), &c); err != nil {
		t.Fatal(err)
	}
	if c.Region != CNShanghai || c.Kind != VPC {
		t.Errorf("decoded %+v", c)
	}
	out, err := json.Marshal(c)
	if err != nil || string(out) != `{"region":"oss-cn-shanghai","kind":"vpc"}` {
		t.Errorf("encoded %s, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"region":"mars-1"}`), &c); !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("decoding an unknown region: %v", err)
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		k    Kind
		text string
	}{
		{Public, "public"}, {Internal, "internal"}, {VPC, "vpc"},
		{Accelerate, "accelerate"}, {AccelerateOverseas, "accelerate-overseas"},
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
	for _, k := range []Kind{0, 6, 255} {
		if k.Valid() {
			t.Errorf("Kind(%d).Valid() = true", uint8(k))
		}
		if _, err := k.MarshalText(); err == nil {
			t.Errorf("Kind(%d).MarshalText() succeeded", uint8(k))
		}
	}
	if got := Kind(0).String(); got != "Kind(0)" {
		t.Errorf("Kind(0).String() = %q", got)
	}
	var k Kind
	err := k.UnmarshalText([]byte("intranet"))
	if err == nil || err.Error() != `regions: invalid endpoint kind "intranet": want one of public, internal, vpc, accelerate, accelerate-overseas` {
		t.Errorf("UnmarshalText(intranet) error: %v", err)
	}
}

// TestParseHugeInputCopiesLittle makes sure that an error for a very long
// input costs about the same as for a short one: the suggestion looks at
// its first bytes only.
func TestParseHugeInputCopiesLittle(t *testing.T) {
	huge := strings.Repeat("CN-HANGZHOU", 1<<17) // 1.4 MB
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
	addr := netip.MustParseAddr("100.114.100.7")
	upperHost := "HTTPS://bucket." + strings.ToUpper(CNShanghai.PublicEndpoint()) + "/K"
	upperDefault := "HTTP://" + strings.ToUpper(DefaultEndpoint) + ":80"
	for name, f := range map[string]func(){
		"Parse": func() { sinkRegion, sinkErr = Parse("OSS-CN-Hangzhou") },
		"ParseEndpoint": func() {
			_, sinkErr = ParseEndpoint("https://bucket.oss-cn-shanghai-internal.aliyuncs.com/dir/object.txt")
		},
		"ParseEndpoint upper-case host":         func() { _, sinkErr = ParseEndpoint(upperHost) },
		"ParseEndpoint upper-case default host": func() { _, sinkErr = ParseEndpoint(upperDefault) },
		"LookupIP":                              func() { sinkRegion, sinkBool = LookupIP(addr) },
		"Endpoint":                              func() { sinkString, sinkBool = CNHeyuan.Endpoint(VPC) },
		"Name":                                  func() { sinkString = APSouth1.Name() },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %v allocations per call", name, n)
		}
	}
	// An upper-case bucket label is the one exception: its lower-case name
	// is a new string.
	in := "https://BUCKET." + CNShanghai.PublicEndpoint()
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
