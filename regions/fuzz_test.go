package regions

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
)

// Seeds beyond these live in testdata/fuzz/<FuzzName>/.

func FuzzParse(f *testing.F) {
	for _, s := range []string{"oss-cn-hangzhou", "CN-HANGZHOU", " us-west-1 ", "oss-", "", "oss-oss-cn-hangzhou", "cn-hangzhou\x00", "cn-hzfinance", "cn-gaungzhou"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			if r != "" {
				t.Fatalf("Parse(%q) returned %q with error %v", s, r, err)
			}
			return
		}
		if !r.Known() {
			t.Fatalf("Parse(%q) = %q, which is not Known", s, r)
		}
		alias := false
		for _, a := range r.Aliases() {
			alias = alias || strings.EqualFold(strings.TrimSpace(s), a)
		}
		if !strings.EqualFold(strings.TrimSpace(s), string(r)) && !strings.EqualFold(strings.TrimSpace(s), r.CloudRegion()) && !alias {
			t.Fatalf("Parse(%q) = %q: input is neither its ID, nor its cloud ID, nor an alias", s, r)
		}
		text, err := r.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Region
		if err := back.UnmarshalText(text); err != nil || back != r || r.String() != string(text) {
			t.Fatalf("round trip of %q: %q, %v", r, back, err)
		}
	})
}

func FuzzParseEndpoint(f *testing.F) {
	for _, s := range []string{
		"oss-cn-hangzhou.aliyuncs.com", "https://b.oss-cn-hangzhou-internal.aliyuncs.com:443/x",
		"oss.aliyuncs.com", "bucket.oss-accelerate.aliyuncs.com", "oss-xx-new-1.aliyuncs.com",
		"oss-cn-hangzhou.aliyuncs.com.evil.example", "http://u@oss-cn-hangzhou.aliyuncs.com", "[::1]:80",
		"ap-01.oss-cn-hangzhou.oss-accesspoint.aliyuncs.com", "b-1.cn-hangzhou.oss-dls.aliyuncs.com", "s3.oss-accelerate.aliyuncs.com",
		"b-1.oss-cn-hangzhou.aliyuncs.com.", "2001:db8::1", "cn-hangzou.oss.aliyuncs.com", "oss-cn-hzjbp-a.aliyuncs.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// The host as ParseEndpoint reads it; white space around it (before
		// a path: "host #") is a character it refuses, which ParseEndpoint
		// of the bare host would trim.
		var buf [maxHostPortLen + 1]byte
		if host, _, _, _, reason := hostOf(trimSpace(s), buf[:]); reason == "" && host == trimSpace(host) {
			checkAgainstTrial(t, host)
		}
		e, err := ParseEndpoint(s)
		if err != nil {
			if e != (Endpoint{}) {
				t.Fatalf("ParseEndpoint(%q) returned %+v with error %v", s, e, err)
			}
			return
		}
		if !e.Kind.Valid() || e.Host == "" || !strings.Contains(strings.ToLower(s), e.Host) {
			t.Fatalf("ParseEndpoint(%q) = %+v", s, e)
		}
		// Every value it returns can be written and, where its region is
		// in the table or it names none, read back.
		js, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("json.Marshal(%+v): %v", e, err)
		}
		if e.Region == "" || e.Region.Known() {
			var back Endpoint
			if err := json.Unmarshal(js, &back); err != nil || back != e {
				t.Fatalf("JSON round trip of %+v: %s gives %+v, %v", e, js, back, err)
			}
		}
		// A bucket label in front of an endpoint names the same endpoint.
		if e.Bucket == "" {
			again, err := ParseEndpoint("bucket-1." + e.Host)
			want := e
			want.Bucket = "bucket-1"
			if err != nil || again != want {
				t.Fatalf("ParseEndpoint(%q) = %+v, %v; want %+v", "bucket-1."+e.Host, again, err, want)
			}
		}
		if e.Region.Known() && !e.S3Compatible && e.Family == Buckets {
			if h, ok := e.Region.Endpoint(e.Kind); !ok || h != e.Host && !(e.Host == DefaultEndpoint || e.Host == DefaultInternalEndpoint) {
				t.Fatalf("ParseEndpoint(%q) = %+v, but the region's %v endpoint is %q", s, e, e.Kind, h)
			}
		}
		// What it found reads back the same, as host and as bucket URL.
		again, err := ParseEndpoint(e.Host)
		if err != nil || again.Region != e.Region || again.Kind != e.Kind {
			t.Fatalf("ParseEndpoint(%q) = %+v, %v; from %q it was %+v", e.Host, again, err, s, e)
		}
		// A path-style bucket on oss.aliyuncs.com that is shaped like a
		// region ID reads, in the host, as a dual-stack host (ParseEndpoint's doc).
		ambiguous := e.PathStyle && e.Host == DefaultEndpoint && (dualStackLabel([]byte(e.Bucket)) || doubledPrefixHost(e.Bucket+genDualStackDomain))
		if e.Bucket != "" && !ambiguous {
			// The same bucket in the host: what a path-style URL gave, but
			// with PathStyle false.
			want := e
			want.PathStyle = false
			again, err := ParseEndpoint("https://" + e.Bucket + "." + e.Host + "/")
			if err != nil || again != want {
				t.Fatalf("bucket URL of %+v parses as %+v, %v", e, again, err)
			}
		}
	})
}

func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"oss-cn-beijing", "vpc", "ACCELERATE-OVERSEAS", "public\n", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		var r Region
		if err := r.UnmarshalText(text); err == nil {
			out, err := r.MarshalText()
			var back Region
			if err != nil || back.UnmarshalText(out) != nil || back != r {
				t.Fatalf("Region round trip of %q: %q, %v", text, out, err)
			}
		}
		var k Kind
		if err := k.UnmarshalText(text); err == nil {
			out, err := k.MarshalText()
			var back Kind
			if err != nil || back.UnmarshalText(out) != nil || back != k || k != 0 && k.String() != string(out) || k == 0 && len(out) != 0 {
				t.Fatalf("Kind round trip of %q: %q, %v", text, out, err)
			}
		} else if k != 0 {
			t.Fatalf("failed UnmarshalText(%q) set the kind to %v", text, k)
		}
	})
}

// FuzzLookupIP holds LookupIP to a linear scan over every prefix.
func FuzzLookupIP(f *testing.F) {
	f.Add([]byte{100, 118, 28, 7})
	f.Add([]byte{100, 114, 100, 255})
	f.Add(netip.MustParseAddr("::ffff:100.99.213.1").AsSlice())
	f.Add(netip.MustParseAddr("2408:4000::1").AsSlice())
	f.Fuzz(func(t *testing.T, b []byte) {
		a, ok := netip.AddrFromSlice(b)
		if !ok {
			return
		}
		got, gotOK := LookupIP(a)
		want, wantOK := scanIP(a)
		if got != want || gotOK != wantOK {
			t.Fatalf("LookupIP(%s) = %q, %v; linear scan says %q, %v", a, got, gotOK, want, wantOK)
		}
	})
}
