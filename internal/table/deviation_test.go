package table

import (
	"slices"
	"testing"
)

// TestDeviationsReachTheRegion: a valid deviation is kept in PageValue's
// form (sorted), with its line, malformed page values as printed, and the
// region knows its own line.
func TestDeviationsReachTheRegion(t *testing.T) {
	const yaml = tableHead + `sources: [{key: S, title: s, date: 2026-01-01}]
regions:
  - id: oss-cn-hangzhou
    name: China (Hangzhou)
    sources: [S]
    confidence: high
    mainland_china: true
    endpoints:
      public: oss-cn-hangzhou.aliyuncs.com
      internal: oss-cn-hangzhou-internal.aliyuncs.com
      vpc: oss-cn-hangzhou-internal.aliyuncs.com
    accelerate: true
    vip_ranges: ticket
    deviations:
      - {source: S, field: vip_ranges, page: "100.115.157.0/27, 100.114.100/24, 100.0.0.0/24", why: a copy error}
      - {source: S, field: dual_stack, page: none, why: another page gives it}
      - {source: S, field: public, page: "oss_cn_hangzhou, 100.114.100/24", why: malformed values kept as printed}
      - {source: S, field: vpc, page: "100.114.100/24", why: a range-shaped value where a host belongs}
` + schemesTail
	tb, err := Parse("t.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	r := tb.Regions[0]
	want := []Deviation{{"S", "vip_ranges", "100.0.0.0/24, 100.114.100/24, 100.115.157.0/27", "a copy error", 20}, {"S", "dual_stack", "none", "another page gives it", 21},
		{"S", "public", "100.114.100/24, oss_cn_hangzhou", "malformed values kept as printed", 22}, {"S", "vpc", "100.114.100/24", "a range-shaped value where a host belongs", 23}}
	if !slices.Equal(r.Deviations, want) || r.Line != 8 {
		t.Errorf("deviations %+v, line %d; want %+v, line 8", r.Deviations, r.Line, want)
	}
}

func TestPageValue(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{{nil, "none"}, {[]string{"b", "a", "b"}, "a, b"}, {[]string{"x"}, "x"}} {
		if got := PageValue(c.in); got != c.want {
			t.Errorf("PageValue(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
