package table

import "testing"

func TestEndpointProblem(t *testing.T) {
	for h, bad := range map[string]bool{
		"oss-cn-hangzhou.aliyuncs.com":          false,
		"oss-cn-hangzhou-internal.aliyuncs.com": false,
		"sts.aliyuncs.com":                      true,
		"oss-cn-hangzhou.evil.example":          true,
		"OSS-CN-HANGZHOU.aliyuncs.com":          true,
		"a.oss-cn-hangzhou.aliyuncs.com":        true,
		"oss-cn-hangzhou.aliyuncs.com\x1b[2J":   true,
		"100.118.28.1":                          true,
		"":                                      true,
	} {
		if got := EndpointProblem(h); (got != "") != bad {
			t.Errorf("EndpointProblem(%q) = %q", h, got)
		}
	}
	for id, bad := range map[string]bool{"oss-cn-hangzhou": false, "cn-hangzhou": true, "oss-oss-x-1": true, "oss-cn-\x00": true} {
		if got := RegionIDProblem(id); (got != "") != bad {
			t.Errorf("RegionIDProblem(%q) = %q", id, got)
		}
	}
}

// TestExtraHostsMakeARegionIrregular: a region whose only break with the
// pattern is its extra internal hosts is valid once marked irregular (the
// generator used to ask to mark it, and then to remove the mark).
func TestExtraHostsMakeARegionIrregular(t *testing.T) {
	const yaml = tableHead + `sources: [{key: S, title: s, date: 2026-01-01}]
regions:
  - id: oss-cn-hangzhou
    name: China (Hangzhou)
    sources: [S]
    confidence: high
    mainland_china: true
    irregular_endpoints: true
    endpoints:
      public: oss-cn-hangzhou.aliyuncs.com
      internal: oss-cn-hangzhou-internal.aliyuncs.com
      vpc: oss-cn-hangzhou-internal.aliyuncs.com
      internal_extra: [oss-cn-hangzhou-extra-internal.aliyuncs.com]
    accelerate: true
    vip_ranges: ticket
` + schemesTail
	if _, err := Parse("t.yaml", []byte(yaml)); err != nil {
		t.Errorf("refused: %v", err)
	}
}

// tableHead is the top of a valid table up to its sources, five lines, for
// the tests that write a small table of their own.
const tableHead = `version: 1.0.0
source: test
default_region: oss-cn-hangzhou
default_endpoints: {public: oss.aliyuncs.com, internal: oss-internal.aliyuncs.com}
accelerate_endpoints: {global: oss-accelerate.aliyuncs.com, overseas: oss-accelerate-overseas.aliyuncs.com}
`

// schemesTail ends a small table with the URL schemes it must list, after
// its regions, so that it moves no line the tests quote.
const schemesTail = "schemes: [{name: http, sources: [S]}, {name: https, sources: [S]}]\n"

// hangzhouRow is a valid region of one source, S, for the small tables.
const hangzhouRow = `  - id: oss-cn-hangzhou
    name: China (Hangzhou)
    sources: [S]
    confidence: high
    mainland_china: true
    endpoints: {public: oss-cn-hangzhou.aliyuncs.com, internal: oss-cn-hangzhou-internal.aliyuncs.com, vpc: oss-cn-hangzhou-internal.aliyuncs.com}
    accelerate: true
    vip_ranges: ticket
`

// TestAliasOfRowWithoutID holds that an alias may name its own row's hosts
// also where the row's ID is unusable: the ID's problem is the one reported.
func TestAliasOfRowWithoutID(t *testing.T) {
	const yaml = tableHead + `sources: [{key: S, title: s, date: 2026-01-01}]
regions:
` + hangzhouRow + `  - id: [oss-cn-hangzhou-finance]
    name: China East 1 Finance
    sources: [S]
    confidence: high
    mainland_china: true
    irregular_endpoints: true
    endpoints: {public: oss-cn-hzfinance.aliyuncs.com, internal: oss-cn-hzfinance-internal.aliyuncs.com, vpc: oss-cn-hzfinance-internal.aliyuncs.com}
    accelerate: true
    vip_ranges: ticket
    aliases: [{id: cn-hzfinance, source: S}]
` + schemesTail
	_, err := Parse("t.yaml", []byte(yaml))
	if err == nil || err.Error() != `t.yaml:16:9: regions[1]: id: expected a string, found a list` {
		t.Errorf("got %v, want only the ID's problem", err)
	}
}
