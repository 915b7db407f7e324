package regions

import (
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

// Each lookup benchmark has a baseline measured in the same run: a Go map
// lookup of the same keys. Targets are ratios to it
// (docs/performance.md); the maps are built here, never at init.

var (
	sinkInt    int
	sinkBool   bool
	sinkString string
	sinkRegion Region
	sinkErr    error
)

// benchSample is the most regions a benchmark cycles through.
const benchSample = 64

// benchRegions returns the regions the benchmarks cycle through: every
// region of a table of up to benchSample, else benchSample regions spread
// evenly through it. A large generated table (make bench-large) is thus
// measured with the working set of the real one, and the benchmarks time
// the lookup itself rather than cache misses over thousands of rows;
// BenchmarkNameSweep times those.
func benchRegions() []Region {
	all := All()
	if len(all) <= benchSample {
		return all
	}
	out := make([]Region, benchSample)
	for i := range out {
		out[i] = all[i*len(all)/benchSample]
	}
	return out
}

// parseKeys are both ID forms of regions, in lower and upper case.
func parseKeys(regions []Region) []string {
	var keys []string
	for _, r := range regions {
		id, cloud := string(r), r.CloudRegion()
		keys = append(keys, id, cloud, strings.ToUpper(id), strings.ToUpper(cloud))
	}
	return keys
}

func stringMap(keys []string) map[string]int {
	m := make(map[string]int, len(keys))
	for i, k := range keys {
		m[k] = i
	}
	return m
}

// benchMapLookups is the loop of the map baselines: m looked up by keys in
// turn.
func benchMapLookups(b *testing.B, m map[string]int, keys []string) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkInt += m[keys[i%len(keys)]]
	}
}

// benchNames times Name over regions in turn.
func benchNames(b *testing.B, regions []Region) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkString = regions[i%len(regions)].Name()
	}
}

func BenchmarkBaselineMapParseKeys(b *testing.B) {
	keys := parseKeys(benchRegions())
	m := stringMap(parseKeys(All())) // every key; keys is the sample
	benchMapLookups(b, m, keys)
}

func BenchmarkParse(b *testing.B) {
	keys := parseKeys(benchRegions())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkRegion, sinkErr = Parse(keys[i%len(keys)])
	}
}

// regionKeys returns the IDs of regions.
func regionKeys(regions []Region) []string {
	keys := make([]string, len(regions))
	for i, r := range regions {
		keys[i] = string(r)
	}
	return keys
}

func BenchmarkBaselineMapRegion(b *testing.B) {
	keys := regionKeys(benchRegions())
	m := stringMap(regionKeys(All())) // every key; keys is the sample
	benchMapLookups(b, m, keys)
}

func BenchmarkName(b *testing.B) {
	benchNames(b, benchRegions())
}

func BenchmarkMainlandChina(b *testing.B) {
	all := benchRegions()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkBool = all[i%len(all)].MainlandChina()
	}
}

func BenchmarkEndpoint(b *testing.B) {
	all := benchRegions()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkString, sinkBool = all[i%len(all)].Endpoint(Kind(1 + i%5))
	}
}

func BenchmarkKnown(b *testing.B) {
	all := benchRegions()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkBool = all[i%len(all)].Known()
	}
}

// vipAddrs are addresses inside every VIP range of regions, as many
// outside, and two IPv6 addresses.
func vipAddrs(regions []Region) []netip.Addr {
	addrs := []netip.Addr{netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("fd00::7")}
	for _, r := range regions {
		ranges, _ := r.VIPRanges()
		for _, p := range ranges {
			addrs = append(addrs, p.Addr().Next(), lastOf(p).Next())
		}
	}
	return addrs
}

func BenchmarkBaselineMapAddr(b *testing.B) {
	addrs := vipAddrs(benchRegions())
	all := vipAddrs(All()) // the map holds every key; addrs is the sample
	m := make(map[netip.Addr]int, len(all))
	for i, a := range all {
		m[a] = i
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkInt += m[addrs[i%len(addrs)]]
	}
}

func BenchmarkLookupIP(b *testing.B) {
	addrs := vipAddrs(benchRegions())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkRegion, sinkBool = LookupIP(addrs[i%len(addrs)])
	}
}

// endpointInputs are bucket URLs on internal endpoints and bare hosts of
// regions, in lower case and with upper-case hosts, path-style URLs,
// bucket URLs on dual-stack endpoints where regions have them, bucket
// URLs on the legacy default endpoint, and, one per region in turn, a
// host of the other families (access point, OSS-HDFS, vector bucket), an
// S3-compatible host in upper case or an absolute name.
func endpointInputs(regions []Region) []string {
	in := []string{
		"https://ml-datasets." + DefaultEndpoint + "/train/part-0001.parquet",
		"my-bucket." + DefaultEndpoint, "https://qa-reports-2024." + DefaultEndpoint + "/index.html",
		"https://bucket.s3." + GlobalAccelerateEndpoint + "/k",
	}
	for i, r := range regions {
		in = append(in, "https://bucket."+r.InternalEndpoint()+"/dir/object.txt", r.PublicEndpoint(),
			"HTTPS://bucket."+strings.ToUpper(r.PublicEndpoint())+"/K", strings.ToUpper(r.InternalEndpoint()),
			"https://"+r.PublicEndpoint()+"/bucket/dir/object.txt")
		if h, ok := r.Endpoint(DualStack); ok {
			in = append(in, "https://bucket."+h+"/dir/object.txt")
		}
		id := r.CloudRegion()
		switch i % 5 {
		case 0:
			in = append(in, "https://ap-01-3b00521e828e50a1.oss-"+id+"-internal.oss-accesspoint.aliyuncs.com/k")
		case 1:
			in = append(in, "examplebucket."+id+".oss-dls.aliyuncs.com")
		case 2:
			in = append(in, "https://vectors-1-1234567890."+id+".oss-vectors.aliyuncs.com/")
		case 3:
			in = append(in, "S3."+strings.ToUpper(r.PublicEndpoint()))
		case 4:
			in = append(in, "bucket."+r.PublicEndpoint()+".")
		}
	}
	return in
}

func BenchmarkBaselineMapEndpoint(b *testing.B) {
	in := endpointInputs(benchRegions())
	m := stringMap(endpointInputs(All())) // every key; in is the sample
	benchMapLookups(b, m, in)
}

func BenchmarkParseEndpoint(b *testing.B) { benchParseEndpoint(b, endpointInputs(benchRegions())) }

// BenchmarkBaselineURLParseMap is the way programs find the region of an
// endpoint without this package: url.Parse (with https:// added to a bare
// host), the lower-cased host name looked up in a map of every host of
// the table, and, failing that, the host without its first label (a
// bucket). It reads fewer forms and checks nothing; it is the comparison
// the issue asks for, in the same run.
func BenchmarkBaselineURLParseMap(b *testing.B) {
	in := endpointInputs(benchRegions())
	hosts := map[string]Region{}
	for _, r := range All() {
		for _, h := range r.Hosts() {
			hosts[h] = r
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := in[i%len(in)]
		if !strings.Contains(s, "://") {
			s = "https://" + s
		}
		u, err := url.Parse(s)
		if err != nil {
			continue
		}
		h := strings.ToLower(u.Hostname())
		r, ok := hosts[h]
		if _, rest, found := strings.Cut(h, "."); !ok && found {
			r = hosts[rest]
		}
		sinkRegion = r
	}
}

func benchParseEndpoint(b *testing.B, in []string) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var e Endpoint
		e, sinkErr = ParseEndpoint(in[i%len(in)])
		sinkRegion = e.Region
	}
}

// presignedURL is a V4 presigned URL as an SDK makes it for a bucket on
// host, with an STS security token of 1,100 characters and an object key
// of 1,000: about 2,400 bytes, of which ParseEndpoint reads the host.
func presignedURL(host string) string {
	return "https://examplebucket." + host + "/" + strings.Repeat("k", 1000) +
		"?x-oss-credential=LTAI5tExample%2F20261201%2F" + "cn-hangzhou%2Foss%2Faliyun_v4_request" +
		"&x-oss-date=20261201T000000Z&x-oss-expires=3600&x-oss-signature-version=OSS4-HMAC-SHA256" +
		"&x-oss-security-token=" + strings.Repeat("T", 1100) + "&x-oss-signature=" + strings.Repeat("f", 64)
}

// BenchmarkParseEndpointPresigned reads presigned URLs, one per region:
// against the same baseline as ParseEndpoint, for its cost must not grow
// with the URL (a map would hash all of it).
func BenchmarkParseEndpointPresigned(b *testing.B) {
	var in []string
	for _, r := range benchRegions() {
		in = append(in, presignedURL(r.PublicEndpoint()))
	}
	benchParseEndpoint(b, in)
}

// suggestionInputs are typos of the benchmarks' regions (every region of
// the real table: each byte dropped, doubled or changed, two bytes
// swapped), other IDs and garbage.
func suggestionInputs() []string {
	inputs := []string{"", "oss-", "x", "us-west-9", "eu", "cn-hangzhou.aliyuncs.com", strings.Repeat("a", 130), strings.Repeat("cn-", 20)}
	for _, r := range benchRegions() {
		id := r.CloudRegion()
		for i := range len(id) {
			inputs = append(inputs, id[:i]+id[i+1:], id[:i]+id[i:i+1]+id[i:], id[:i]+"q"+id[i+1:], "OSS-"+strings.ToUpper(id[:i])+id[i+1:])
			if i+1 < len(id) {
				inputs = append(inputs, id[:i]+id[i+1:i+2]+id[i:i+1]+id[i+2:])
			}
		}
	}
	return inputs
}

// BenchmarkParseUnknown times Parse's error path: typos of every region
// and garbage, each with the search for a suggestion.
func BenchmarkParseUnknown(b *testing.B) {
	var in []string
	for _, s := range suggestionInputs() {
		if _, err := Parse(s); err != nil {
			in = append(in, s)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkRegion, sinkErr = Parse(in[i%len(in)])
	}
}

// BenchmarkBaselineMapRegionSweep and BenchmarkNameSweep cycle through
// every region, however many: on a large table they time cache misses
// over the rows, which the map pays as well.
func BenchmarkBaselineMapRegionSweep(b *testing.B) {
	keys := regionKeys(All())
	m := stringMap(keys)
	benchMapLookups(b, m, keys)
}

func BenchmarkNameSweep(b *testing.B) {
	benchNames(b, All())
}

// BenchmarkLookupIPLarge compares the binary search with a linear scan
// over a synthetic table of 10,000 IPv4 prefixes.
func BenchmarkLookupIPLarge(b *testing.B) {
	const n = 10000
	spans := make([]span4, n)
	for i := range spans {
		first := uint32(10)<<24 | uint32(i)<<8
		spans[i] = span4{first, first | 0xff, lookupInfo(genAllRegions[0])}
	}
	probes := make([]uint32, 1024)
	for i := range probes {
		probes[i] = uint32(10)<<24 | uint32(i*9973%n)<<8 | 7
	}
	search := func(a uint32) *regionInfo { return search4(spans, a) }
	scan := func(a uint32) *regionInfo {
		for i := range spans {
			if spans[i].first <= a && a <= spans[i].last {
				return spans[i].region
			}
		}
		return nil
	}
	for _, bc := range []struct {
		name string
		f    func(uint32) *regionInfo
	}{{"binary", search}, {"linear", scan}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if bc.f(probes[i%len(probes)]) == nil {
					b.Fatal("probe not found")
				}
			}
		})
	}
}

// lastOf returns the last address of a prefix.
func lastOf(p netip.Prefix) netip.Addr {
	b := p.Masked().Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
