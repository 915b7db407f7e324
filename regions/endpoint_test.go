package regions

import (
	"errors"
	"strings"
	"testing"
)

// TestParseEndpoint reads every endpoint of every region in the forms
// users give it, and the hosts that are not a region's.
func TestParseEndpoint(t *testing.T) {
	type test struct {
		in   string
		want Endpoint
	}
	var tests []test
	for _, r := range All() {
		for _, k := range []Kind{Public, Internal, VPC} {
			h, _ := r.Endpoint(k)
			want := Endpoint{Region: r, Kind: k, Bucket: "", Host: h}
			if k == VPC && h == r.InternalEndpoint() {
				want.Kind = Internal
			}
			withBucket := want
			withBucket.Bucket = "bucket-1"
			tests = append(tests,
				test{h, want},
				test{"https://" + h, want},
				test{h + ":8080", want},
				test{"http://bucket-1." + h + "/dir/object.txt?x=1#f", withBucket},
				test{"HTTPS://Bucket-1." + strings.ToUpper(h) + ":443/", withBucket},
				// A path names the bucket when the host does not.
				test{"https://" + h + "/", want},
				test{"https://" + h + "/?regions", want},
				test{"https://" + h + "/bucket-1/dir/object.txt?x=1", pathStyle(withBucket)},
			)
		}
	}
	d := DefaultRegion
	tests = append(tests,
		test{DefaultEndpoint, Endpoint{Region: d, Kind: Public, Bucket: "", Host: DefaultEndpoint}},
		test{DefaultInternalEndpoint, Endpoint{Region: d, Kind: Internal, Bucket: "", Host: DefaultInternalEndpoint}},
		test{"logs." + DefaultEndpoint, Endpoint{Region: d, Kind: Public, Bucket: "logs", Host: DefaultEndpoint}},
		test{GlobalAccelerateEndpoint, Endpoint{Region: "", Kind: Accelerate, Bucket: "", Host: GlobalAccelerateEndpoint}},
		test{"https://my-bucket." + OverseasAccelerateEndpoint + "/a", Endpoint{Region: "", Kind: AccelerateOverseas, Bucket: "my-bucket", Host: OverseasAccelerateEndpoint}},
		// Not in the table: the table always lags behind new regions.
		test{"oss-cn-newcity-1.aliyuncs.com", Endpoint{Region: "oss-cn-newcity-1", Kind: Public, Bucket: "", Host: "oss-cn-newcity-1.aliyuncs.com"}},
		test{"bkt.oss-cn-north-7-internal.aliyuncs.com", Endpoint{Region: "oss-cn-north-7", Kind: Internal, Bucket: "bkt", Host: "oss-cn-north-7-internal.aliyuncs.com"}},
	)
	for _, tt := range tests {
		got, err := ParseEndpoint(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseEndpoint(%q) =\n %+v, %v\nwant %+v", tt.in, got, err, tt.want)
		}
	}
	if e, _ := ParseEndpoint("oss-cn-newcity-1.aliyuncs.com"); e.Region.Known() {
		t.Error("a region that is not in the table reports Known")
	}
}

// TestParseEndpointHostile holds ParseEndpoint to an error, never a region,
// for input that is not plainly an OSS endpoint.
func TestParseEndpointHostile(t *testing.T) {
	tests := []struct {
		in, why string
	}{
		{"", "no host"},
		{"https://", "no host"},
		{":443", "no host"},
		{"oss-cn-hangzhou.aliyuncs.com.evil.example", `not an OSS endpoint`},
		{"evil.example/oss-cn-hangzhou.aliyuncs.com", `not an OSS endpoint`},
		{"evil-oss-cn-hangzhou.aliyuncs.com", `not an OSS endpoint`},
		{"a.b.oss-cn-hangzhou.aliyuncs.com", `more labels than a bucket in front`},
		{"oss-cn-hangzhou.aliyuncs.com..", "host ends in more than one dot"},
		{".", "host ends in more than one dot"},
		{"2001:db8::1", "an IP address is not an OSS endpoint"},
		{"2001:db8::1/bucket/k", "an IP address is not an OSS endpoint"},
		{"https://::1/", "an IP address is not an OSS endpoint"},
		{"fe80::1%25eth0", "an IP address is not an OSS endpoint"},
		{"oss-cn-hangzhou.aliyuncs.com:80:90", `port "80:90" is not a number from 1 to 65535`},
		{"https://user:pw@oss-cn-hangzhou.aliyuncs.com/", `user info is not allowed (did you mean "oss-cn-hangzhou"?)`},
		{"https://oss-cn-hangzhou.aliyuncs.com@evil.example/", "user info is not allowed"},
		{"100.118.28.1", "an IP address is not an OSS endpoint"},
		{"[::1]:80", "an IP address is not an OSS endpoint"},
		{"oss-cn-hangzhou.aliyuncs.com:0", `port "0" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:65536", `port "65536" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:99999999", `port "99999999" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:", `port "" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:-1", `port "-1" is not a number from 1 to 65535`},
		{"ftp://oss-cn-hangzhou.aliyuncs.com", `scheme "ftp": want one of http, https, oss, rtmp`},
		{"HTTPS:/oss-cn-hangzhou.aliyuncs.com", `scheme "HTTPS" must be followed by "://"`},
		{"https://https://oss-cn-hangzhou.aliyuncs.com/k", "the scheme is written twice"},
		{"s3.cn-hangzhou.oss.aliyuncs.com", `s3. serves regional hosts only`},
		{"https:oss-cn-hangzhou.aliyuncs.com", `scheme "https" must be followed by "://"`},
		{"oss-cn-hangzhou.aliyuncs.com\x00", `a character no host name has`},
		{"oss-cn-hangzhou .aliyuncs.com", `a character no host name has`},
		{"oss-cn-hängzhou.aliyuncs.com", `a character no host name has`},
		{"xn--oss-cn-hngzhou-cib.aliyuncs.com", `not an OSS endpoint`},
		{"-xy.oss-cn-hangzhou.aliyuncs.com", `invalid bucket name: must start and end with a letter or digit`},
		{"ab.oss-cn-hangzhou.aliyuncs.com", `invalid bucket name: must be 3 to 63 characters long`},
		{"Ex_ample.OSS-CN-HANGZHOU.aliyuncs.com", `invalid bucket name: only lower-case letters, digits and hyphens`},
		{"oss-cn-hangzhou.aliyuncs.com" + strings.Repeat("x", 3000), "host too long"},
		{"https://" + strings.Repeat("x", 1<<20), "host too long"},
		{strings.Repeat("a.", 130) + "oss-cn-hangzhou.aliyuncs.com", "host too long"},
		{"oss-accelerate-internal.aliyuncs.com", `not a region ID`},
		{"oss-cn.aliyuncs.com", `not a region ID`},
		{"oss-cn--x.aliyuncs.com", `not a region ID`},
		{"https://oss-cn-hangzhou.aliyuncs.com/../../etc/passwd", `path-style bucket: must be 3 to 63 characters long`},
		{"https://oss-cn-hangzhou.aliyuncs.com/My_Bucket/k", `path-style bucket: only lower-case letters, digits and hyphens`},
		{"oss-oss-cn-hangzhou.aliyuncs.com", `oss- twice; use CloudRegion() (did you mean "oss-cn-hangzhou"?)`},
		{"bucket.oss-oss-cn-hangzhou-internal.aliyuncs.com", `oss- twice; use CloudRegion() (did you mean "oss-cn-hangzhou"?)`},
		{"oss-cn-hangzhou.oss.aliyuncs.com", `oss- twice; use CloudRegion() (did you mean "oss-cn-hangzhou"?)`},
		{"s3.oss-internal.aliyuncs.com", `s3. serves regional hosts only`},
		{"s3.oss-accelerate-overseas.aliyuncs.com", `s3. serves regional hosts only`},
		{"oss-rg-china-mainland-internal.aliyuncs.com", `no such regionless host`},
		{"oss-object-process.aliyuncs.com", `the base domain of the object-process family, not an endpoint`},
		{"b-1.oss-accesspoint.aliyuncs.com", `its form is not that of the access-points family`},
		{"s3.oss-accelerate.aliyuncs.com", ""},                  // control: OSS's AWS SDK guide lists it
		{"oss-cn-hangzhou.aliyuncs.com.", ""},                   // control: an absolute name
		{"https://b-1.oss-cn-hangzhou.aliyuncs.com.:443/k", ""}, // control: an absolute name with a port
		{"oss-cn-hangzhou.aliyuncs.com/", ""},                   // control: accepted
		{"oss-cn-hangzhou.aliyuncs.com/abc/x", ""},              // control: accepted
		{"oss-cn-hangzhou.aliyuncs.com:443/abc/x://y", ""},      // control: "://" in a path is no scheme
		{"HtTpS://oss-cn-hangzhou.aliyuncs.com", ""},            // control: schemes in any case
	}
	for _, tt := range tests {
		got, err := ParseEndpoint(tt.in)
		if tt.why == "" {
			if err != nil {
				t.Errorf("ParseEndpoint(%q): %v", tt.in, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParseEndpoint(%q) = %+v, want an error", short(tt.in), got)
			continue
		}
		if got != (Endpoint{}) {
			t.Errorf("ParseEndpoint(%q) returned %+v with its error", short(tt.in), got)
		}
		if !errors.Is(err, ErrInvalidEndpoint) {
			t.Errorf("ParseEndpoint(%q) error does not wrap ErrInvalidEndpoint: %v", short(tt.in), err)
		}
		if !strings.HasSuffix(err.Error(), ": "+tt.why) {
			t.Errorf("ParseEndpoint(%q) error\n got %v\nwant it to end in %q", short(tt.in), err, tt.why)
		}
	}
}

func TestURL(t *testing.T) {
	type test struct {
		r      Region
		k      Kind
		bucket string
		want   string
		err    string
	}
	d := DefaultRegion
	tests := []test{
		{d, Public, "oss-sample", "https://oss-sample." + d.PublicEndpoint(), ""},
		{d, Public, "", "https://" + d.PublicEndpoint(), ""},
		{d, VPC, "b-1-2", "https://b-1-2." + d.VPCEndpoint(), ""},
		{d, Kind(0), "", "", `Region.URL("Kind(0)"): invalid endpoint kind`},
		{d, Kind(200), "b-1", "", `Region.URL("Kind(200)"): invalid endpoint kind`},
		{d, Regionless, "", "", `Region.URL("` + string(d) + `"): no such endpoint: the region has no regionless endpoint`},
		{Region("oss-xx-new-1"), Public, "", "", `Region.URL("oss-xx-new-1"): unknown region`},
		{d, Public, "Upper", "", `Region.URL("Upper"): invalid bucket name: only lower-case letters, digits and hyphens`},
		{d, Public, "a.b.c", "", `Region.URL("a.b.c"): invalid bucket name: only lower-case letters, digits and hyphens`},
		{d, Public, "evil.example/x?", "", `Region.URL("evil.example/x?"): invalid bucket name: only lower-case letters, digits and hyphens`},
		{d, Public, "x@y", "", `Region.URL("x@y"): invalid bucket name: only lower-case letters, digits and hyphens`},
		{d, Public, "ab", "", `Region.URL("ab"): invalid bucket name: must be 3 to 63 characters long`},
		{d, Public, strings.Repeat("a", 64), "", `Region.URL("` + strings.Repeat("a", maxQuoted) + `"...): invalid bucket name: must be 3 to 63 characters long`},
		{d, Public, "abc-", "", `Region.URL("abc-"): invalid bucket name: must start and end with a letter or digit`},
	}
	for _, r := range All() {
		// "Not stated" (REGIONS.md) is not "no": the error says which.
		available, stated := r.Acceleration()
		for _, k := range []Kind{Accelerate, AccelerateOverseas} {
			h, ok := r.Endpoint(k)
			switch {
			case ok != available || ok && !stated:
				t.Errorf("%s: Endpoint(%v) reports %v, Acceleration %v, %v", r, k, ok, available, stated)
			case ok:
				tests = append(tests, test{r, k, "cdn-assets", "https://cdn-assets." + h, ""})
			case stated:
				tests = append(tests, test{r, k, "x", "", `Region.URL("` + string(r) + `"): no such endpoint: the region has no ` + k.String() + ` endpoint`})
			default:
				tests = append(tests, test{r, k, "x", "", `Region.URL("` + string(r) + `"): no such endpoint: no source says whether the region has transfer acceleration (Region.Acceleration)`})
			}
		}
	}
	for _, tt := range tests {
		got, err := tt.r.URL(tt.k, tt.bucket)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s.URL(%v, %q) = %q, %v; want error %q", tt.r, tt.k, tt.bucket, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s.URL(%v, %q) = %q, %v; want %q", tt.r, tt.k, tt.bucket, got, err, tt.want)
		}
		// What URL builds, ParseEndpoint reads back.
		e, err := ParseEndpoint(got)
		if err != nil || e.Bucket != tt.bucket || tt.k <= VPC && e.Region != tt.r {
			t.Errorf("ParseEndpoint(%q) = %+v, %v", got, e, err)
		}
	}
}

// TestEndpointRoundTrip parses every endpoint of every region back to it.
func TestEndpointRoundTrip(t *testing.T) {
	for _, r := range All() {
		for _, k := range []Kind{Public, Internal, VPC} {
			h, _ := r.Endpoint(k)
			e, err := ParseEndpoint(h)
			wantKind := k
			if k == VPC && h == r.InternalEndpoint() {
				wantKind = Internal
			}
			if err != nil || e.Region != r || e.Kind != wantKind || e.Host != h {
				t.Errorf("ParseEndpoint(%q) = %+v, %v; want %s %v", h, e, err, r, wantKind)
			}
		}
	}
}

// short shortens an input for a test message.
func short(s string) string { return s[:min(len(s), 80)] }

func pathStyle(e Endpoint) Endpoint {
	e.PathStyle = true
	return e
}

// TestParseEndpointForms reads the forms the OSS SDKs send besides the
// plain ones: dual-stack hosts, S3-compatible hosts, and the default
// endpoint with a bucket, which a dual-stack host looks like.
func TestParseEndpointForms(t *testing.T) {
	type test struct {
		in   string
		want Endpoint
	}
	var tests []test
	for _, r := range All() {
		if h, ok := r.Endpoint(DualStack); ok {
			want := Endpoint{Region: r, Kind: DualStack, Host: h}
			tests = append(tests, test{h, want}, test{"https://examplebucket." + strings.ToUpper(h) + "/k", Endpoint{Region: r, Kind: DualStack, Bucket: "examplebucket", Host: h}})
		}
		for _, k := range []Kind{Public, Internal} {
			h, _ := r.Endpoint(k)
			if !strings.HasPrefix(h, "oss-") {
				continue
			}
			s3 := "s3." + h
			tests = append(tests,
				test{s3, Endpoint{Region: r, Kind: k, Host: s3, S3Compatible: true}},
				test{"https://examplebucket." + s3 + "/k", Endpoint{Region: r, Kind: k, Bucket: "examplebucket", Host: s3, S3Compatible: true}},
			)
		}
	}
	// Shaped like a region ID of an area the table has: a dual-stack region
	// newer than the table.
	area, _, _ := strings.Cut(DefaultRegion.CloudRegion(), "-")
	newcity := area + "-newcity-1"
	tests = append(tests,
		test{newcity + ".oss.aliyuncs.com", Endpoint{Region: Region("oss-" + newcity), Kind: DualStack, Host: newcity + ".oss.aliyuncs.com"}},
		test{"b-1." + newcity + ".oss.aliyuncs.com", Endpoint{Region: Region("oss-" + newcity), Kind: DualStack, Bucket: "b-1", Host: newcity + ".oss.aliyuncs.com"}},
		// Not shaped like one: a bucket on the legacy default endpoint.
		test{"examplebucket.oss.aliyuncs.com", Endpoint{Region: DefaultRegion, Kind: Public, Bucket: "examplebucket", Host: DefaultEndpoint}},
		test{"logs-2024.oss.aliyuncs.com", Endpoint{Region: DefaultRegion, Kind: Public, Bucket: "logs-2024", Host: DefaultEndpoint}},
		test{"s3.oss-cn-newcity-1.aliyuncs.com", Endpoint{Region: "oss-cn-newcity-1", Kind: Public, Host: "s3.oss-cn-newcity-1.aliyuncs.com", S3Compatible: true}},
	)
	for _, tt := range tests {
		got, err := ParseEndpoint(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseEndpoint(%q) =\n %+v, %v\nwant %+v", tt.in, got, err, tt.want)
		}
	}
	if e, _ := ParseEndpoint(newcity + ".oss.aliyuncs.com"); e.Region.Known() {
		t.Error("a dual-stack region that is not in the table reports Known")
	}
}

// TestSigningRegion: an accelerate endpoint names no region, and says so.
func TestSigningRegion(t *testing.T) {
	for _, h := range []string{GlobalAccelerateEndpoint, OverseasAccelerateEndpoint} {
		e, err := ParseEndpoint("https://bucket." + h + "/k")
		if region, ok := e.SigningRegion(); err != nil || ok || region != "" || e.Region != "" {
			t.Errorf("%s: SigningRegion() = %q, %v (%v)", h, region, ok, err)
		}
	}
	for _, r := range All() {
		e, err := ParseEndpoint(r.PublicEndpoint())
		if region, ok := e.SigningRegion(); err != nil || !ok || region != r.CloudRegion() {
			t.Errorf("%s: SigningRegion() = %q, %v (%v)", r, region, ok, err)
		}
	}
}

// trialHost is the simple reference for how ParseEndpoint splits a host
// into bucket and endpoint: try the whole host as an endpoint, then the
// host after its first label. ParseEndpoint finds the endpoint by its
// labels instead (endpointStart) and matches once. It returns the endpoint
// and the bucket label as written, or ok == false.
func trialHost(host string) (e Endpoint, bucket string, ok bool) {
	lower := []byte(strings.ToLower(host))
	if matchEndpoint(&e, lower, host) {
		return e, "", true
	}
	if dot := strings.IndexByte(host, '.'); dot >= 0 && matchEndpoint(&e, lower[dot+1:], host[dot+1:]) {
		return e, host[:dot], true
	}
	return Endpoint{}, "", false
}

// checkAgainstTrial fails if ParseEndpoint accepts a host that trialHost
// does not, or reads it differently; an error from either side of a bad
// bucket counts as agreement.
func checkAgainstTrial(t *testing.T, host string) {
	t.Helper()
	got, err := ParseEndpoint(host)
	want, bucket, ok := trialHost(host)
	switch {
	case err == nil && got.Family != Buckets:
		// Another family's host, which the reference does not read.
	case err == nil && !ok:
		t.Errorf("ParseEndpoint(%q) = %+v; the reference finds no endpoint", host, got)
	case err != nil && ok && bucketProblem(bucket, true) == "" && !doubledPrefixHost(host) && !regionLabel(want, bucket) && !misspeltLabel(want, bucket):
		t.Errorf("ParseEndpoint(%q): %v; the reference finds %+v with bucket %q", host, err, want, bucket)
	case err == nil && (got.Region != want.Region || got.Kind != want.Kind || got.Host != want.Host ||
		got.S3Compatible != want.S3Compatible || got.Bucket != strings.ToLower(bucket)):
		t.Errorf("ParseEndpoint(%q) = %+v; the reference finds %+v with bucket %q", host, got, want, bucket)
	}
}

// regionLabel reports a label that names a region in front of
// oss.aliyuncs.com, which ParseEndpoint reads as a dual-stack host, never
// as a bucket. The reference reads it as a bucket when the region is in
// the table without a dual-stack host; ParseEndpoint refuses it.
func regionLabel(e Endpoint, bucket string) bool {
	b := strings.ToLower(bucket)
	return e.Host == DefaultEndpoint && dualStackLabel([]byte(b))
}

// misspeltLabel reports a label in front of oss.aliyuncs.com that is one
// edit from a known region's name (cn-hangzou), which ParseEndpoint
// refuses as a misspelt dual-stack host although the reference reads it
// as a bucket.
func misspeltLabel(e Endpoint, bucket string) bool {
	b := []byte(strings.ToLower(bucket))
	v := doubt(b)
	return e.Host == DefaultEndpoint && genIsCloudID(b) && v.slip && !v.byPart
}

// doubledPrefixHost reports a host oss-<id>.oss.aliyuncs.com, which
// ParseEndpoint refuses on purpose although the reference reads it as a
// bucket on oss.aliyuncs.com.
func doubledPrefixHost(host string) bool {
	h := strings.ToLower(host)
	_, ok := genDualStackID([]byte(h))
	rest, doubled := strings.CutPrefix(h, "oss-")
	return ok && doubled && endpointOf([]byte(rest), len(rest), 0) != ""
}

// TestEndpointStartAgreesWithTrial holds ParseEndpoint's one-pass split of
// bucket and endpoint to the reference, for every host of the table and
// of the pattern, bare and behind buckets of every shape.
func TestEndpointStartAgreesWithTrial(t *testing.T) {
	hosts := []string{DefaultEndpoint, DefaultInternalEndpoint, GlobalAccelerateEndpoint, OverseasAccelerateEndpoint, RegionlessEndpoint,
		"oss-xx-new-1.aliyuncs.com", "oss-xx-new-1-internal.aliyuncs.com", "xx-new-1.oss.aliyuncs.com", "aliyuncs.com", "com", ""}
	for _, r := range All() {
		hosts = append(hosts, r.Hosts()...)
		hosts = append(hosts, "s3."+r.PublicEndpoint(), r.CloudRegion()+".oss.aliyuncs.com", "oss-"+r.CloudRegion()+".oss.aliyuncs.com")
	}
	labels := []string{"", "bucket", "s3", "oss", "ab-cd", "cn-hangzhou", "oss-cn-hangzhou", "a.b", "Bucket-1", "s3.s3", "xy"}
	for _, h := range hosts {
		for _, l := range labels {
			host := h
			if l != "" {
				host = l + "." + h
			}
			checkAgainstTrial(t, host)
			checkAgainstTrial(t, strings.ToUpper(host))
		}
	}
}

// TestDualStackHostNotListed: <cloud-id>.oss.aliyuncs.com of a region
// whose dual-stack endpoint is another host, or none, is refused, and the
// error says which it is, rather than reading the region ID as a bucket on
// oss.aliyuncs.com.
func TestDualStackHostNotListed(t *testing.T) {
	for _, r := range All() {
		dual, ok := r.Endpoint(DualStack)
		host := "bucket." + r.CloudRegion() + ".oss.aliyuncs.com"
		if dual == host[len("bucket."):] {
			continue
		}
		_, err := ParseEndpoint(host)
		want := "no dual-stack host in the table"
		if ok {
			want = "not the dual-stack host"
		}
		if !errors.Is(err, ErrInvalidEndpoint) || !strings.Contains(err.Error(), want) || suggestion(err) != r {
			t.Errorf("ParseEndpoint(%q) = %v, want an error saying it %s", host, err, want)
		}
	}
}

// TestRegionless: the endpoint of buckets without a region attribute, where
// the table lists one, reads as Kind Regionless with no region and no
// signing region, bare and behind a bucket; no region has it.
func TestRegionless(t *testing.T) {
	for _, r := range All() {
		if h, ok := r.Endpoint(Regionless); ok || h != "" {
			t.Errorf("%s.Endpoint(Regionless) = %q, %v", r, h, ok)
		}
	}
	if RegionlessEndpoint == "" {
		t.Skip("the table lists no regionless endpoint")
	}
	for _, in := range []string{RegionlessEndpoint, "https://bucket." + strings.ToUpper(RegionlessEndpoint) + "/k", "https://" + RegionlessEndpoint + "/bucket/k"} {
		e, err := ParseEndpoint(in)
		if err != nil || e.Kind != Regionless || e.Region != "" || e.Host != RegionlessEndpoint {
			t.Errorf("ParseEndpoint(%q) = %+v, %v; want Kind Regionless, no region, host %s", in, e, err, RegionlessEndpoint)
		}
		if in != RegionlessEndpoint && e.Bucket != "bucket" {
			t.Errorf("ParseEndpoint(%q): bucket %q, want bucket", in, e.Bucket)
		}
		if region, ok := e.SigningRegion(); ok {
			t.Errorf("ParseEndpoint(%q).SigningRegion() = %q, true; want false", in, region)
		}
	}
}
