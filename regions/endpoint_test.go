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
			want := Endpoint{r, k, "", h}
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
				// Paths do not change the host.
				test{"https://" + h + "/../../etc/passwd", want},
			)
		}
	}
	d := DefaultRegion
	tests = append(tests,
		test{DefaultEndpoint, Endpoint{d, Public, "", DefaultEndpoint}},
		test{DefaultInternalEndpoint, Endpoint{d, Internal, "", DefaultInternalEndpoint}},
		test{"logs." + DefaultEndpoint, Endpoint{d, Public, "logs", DefaultEndpoint}},
		test{GlobalAccelerateEndpoint, Endpoint{"", Accelerate, "", GlobalAccelerateEndpoint}},
		test{"https://my-bucket." + OverseasAccelerateEndpoint + "/a", Endpoint{"", AccelerateOverseas, "my-bucket", OverseasAccelerateEndpoint}},
		// Not in the table: the table always lags behind new regions.
		test{"oss-xx-newcity-1.aliyuncs.com", Endpoint{"oss-xx-newcity-1", Public, "", "oss-xx-newcity-1.aliyuncs.com"}},
		test{"bkt.oss-xx-north-7-internal.aliyuncs.com", Endpoint{"oss-xx-north-7", Internal, "bkt", "oss-xx-north-7-internal.aliyuncs.com"}},
	)
	for _, tt := range tests {
		got, err := ParseEndpoint(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseEndpoint(%q) =\n %+v, %v\nwant %+v", tt.in, got, err, tt.want)
		}
	}
	if e, _ := ParseEndpoint("oss-xx-newcity-1.aliyuncs.com"); e.Region.Known() {
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
		{"oss-cn-hangzhou.aliyuncs.com.evil.example", `host "oss-cn-hangzhou.aliyuncs.com.evil.example" is not an OSS endpoint`},
		{"evil.example/oss-cn-hangzhou.aliyuncs.com", `host "evil.example" is not an OSS endpoint`},
		{"evil-oss-cn-hangzhou.aliyuncs.com", `host "evil-oss-cn-hangzhou.aliyuncs.com" is not an OSS endpoint`},
		{"a.b.oss-cn-hangzhou.aliyuncs.com", `host "a.b.oss-cn-hangzhou.aliyuncs.com" is not an OSS endpoint`},
		{"oss-cn-hangzhou.aliyuncs.com.", "host ends in a dot"},
		{"https://user:pw@oss-cn-hangzhou.aliyuncs.com/", "user info is not allowed"},
		{"https://oss-cn-hangzhou.aliyuncs.com@evil.example/", "user info is not allowed"},
		{"100.118.28.1", "an IP address is not an OSS endpoint"},
		{"[::1]:80", "an IP address is not an OSS endpoint"},
		{"oss-cn-hangzhou.aliyuncs.com:0", `port "0" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:65536", `port "65536" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:99999999", `port "99999999" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:", `port "" is not a number from 1 to 65535`},
		{"oss-cn-hangzhou.aliyuncs.com:-1", `port "-1" is not a number from 1 to 65535`},
		{"ftp://oss-cn-hangzhou.aliyuncs.com", `scheme "ftp" is not http or https`},
		{"oss-cn-hangzhou.aliyuncs.com\x00", `host "oss-cn-hangzhou.aliyuncs.com\x00" has a character that is not allowed in an OSS host name`},
		{" oss-cn-hangzhou.aliyuncs.com", `host " oss-cn-hangzhou.aliyuncs.com" has a character that is not allowed in an OSS host name`},
		{"oss-cn-hängzhou.aliyuncs.com", `host "oss-cn-hängzhou.aliyuncs.com" has a character that is not allowed in an OSS host name`},
		{"xn--oss-cn-hngzhou-cib.aliyuncs.com", `host "xn--oss-cn-hngzhou-cib.aliyuncs.com" is not an OSS endpoint`},
		{"-xy.oss-cn-hangzhou.aliyuncs.com", `bucket "-xy": must start and end with a letter or digit`},
		{"ab.oss-cn-hangzhou.aliyuncs.com", `bucket "ab": must be 3 to 63 characters long`},
		{"Ex_ample.OSS-CN-HANGZHOU.aliyuncs.com", `host "Ex_ample.OSS-CN-HANGZHOU.aliyuncs.com" has a character that is not allowed in an OSS host name`},
		{"oss-cn-hangzhou.aliyuncs.com" + strings.Repeat("x", 3000), "input too long"},
		{strings.Repeat("a.", 130) + "oss-cn-hangzhou.aliyuncs.com", "host too long"},
		{"oss-accelerate-internal.aliyuncs.com", `host "oss-accelerate-internal.aliyuncs.com" is not an OSS endpoint`},
		{"oss-cn.aliyuncs.com", `host "oss-cn.aliyuncs.com" is not an OSS endpoint`},
		{"oss-cn--x.aliyuncs.com", `host "oss-cn--x.aliyuncs.com" is not an OSS endpoint`},
		{"oss-cn-hangzhou.aliyuncs.com/x", ""}, // control: accepted
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
		{d, Kind(0), "", "", `regions: no such endpoint "` + string(d) + `": the region has no Kind(0) endpoint`},
		{Region("oss-xx-new-1"), Public, "", "", `regions: unknown region "oss-xx-new-1"`},
		{d, Public, "Upper", "", `regions: invalid bucket name "Upper": only lower-case letters, digits and hyphens are allowed`},
		{d, Public, "a.b.c", "", `regions: invalid bucket name "a.b.c": only lower-case letters, digits and hyphens are allowed`},
		{d, Public, "evil.example/x?", "", `regions: invalid bucket name "evil.example/x?": only lower-case letters, digits and hyphens are allowed`},
		{d, Public, "x@y", "", `regions: invalid bucket name "x@y": only lower-case letters, digits and hyphens are allowed`},
		{d, Public, "ab", "", `regions: invalid bucket name "ab": must be 3 to 63 characters long`},
		{d, Public, strings.Repeat("a", 64), "", `regions: invalid bucket name "` + strings.Repeat("a", 64) + `": must be 3 to 63 characters long`},
		{d, Public, "abc-", "", `regions: invalid bucket name "abc-": must start and end with a letter or digit`},
	}
	for _, r := range All() {
		if h, ok := r.Endpoint(Accelerate); ok {
			tests = append(tests, test{r, Accelerate, "cdn-assets", "https://cdn-assets." + h, ""})
		} else {
			tests = append(tests, test{r, Accelerate, "x", "", `regions: no such endpoint "` + string(r) + `": the region has no accelerate endpoint`})
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
