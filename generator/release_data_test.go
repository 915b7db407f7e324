package main

import (
	"slices"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// TestFinanceAndGovernmentHosts holds regions.yaml to section 2 of
// the D-cn source (its finance and government cloud section, release 1.1.0): every host of the
// finance and government regions, with its region and kind. The round trip
// (TestCrossCheckRealTable) then proves that ParseEndpoint of each returns
// exactly that region and kind. A change to these hosts must change this
// list, with its source.
func TestFinanceAndGovernmentHosts(t *testing.T) {
	want := []struct{ region, kind, host string }{
		{"oss-cn-hangzhou-finance", "public", "oss-cn-hzfinance.aliyuncs.com"},
		{"oss-cn-hangzhou-finance", "internal", "oss-cn-hzfinance-internal.aliyuncs.com"},
		{"oss-cn-hangzhou-finance", "internal", "oss-cn-hzjbp-a-internal.aliyuncs.com"},
		{"oss-cn-hangzhou-finance", "internal", "oss-cn-hzjbp-b-internal.aliyuncs.com"},
		{"oss-cn-hangzhou-finance", "dual-stack", "cn-hangzhou-finance.oss.aliyuncs.com"},
		{"oss-cn-shanghai-finance-1", "public", "oss-cn-shanghai-finance-1-pub.aliyuncs.com"},
		{"oss-cn-shanghai-finance-1", "internal", "oss-cn-shanghai-finance-1-pub-internal.aliyuncs.com"},
		{"oss-cn-shanghai-finance-1", "internal", "oss-cn-shanghai-finance-1-internal.aliyuncs.com"},
		{"oss-cn-shanghai-finance-1", "dual-stack", "cn-shanghai-finance.oss.aliyuncs.com"},
		{"oss-cn-shenzhen-finance-1", "public", "oss-cn-szfinance.aliyuncs.com"},
		{"oss-cn-shenzhen-finance-1", "internal", "oss-cn-szfinance-internal.aliyuncs.com"},
		{"oss-cn-shenzhen-finance-1", "internal", "oss-cn-shenzhen-finance-1-internal.aliyuncs.com"},
		{"oss-cn-shenzhen-finance-1", "dual-stack", "cn-shenzhen-finance.oss.aliyuncs.com"},
		{"oss-cn-beijing-finance-1", "public", "oss-cn-beijing-finance-1-pub.aliyuncs.com"},
		{"oss-cn-beijing-finance-1", "internal", "oss-cn-beijing-finance-1-pub-internal.aliyuncs.com"},
		{"oss-cn-beijing-finance-1", "internal", "oss-cn-beijing-finance-1-internal.aliyuncs.com"},
		{"oss-cn-north-2-gov-1", "public", "oss-cn-north-2-gov-1.aliyuncs.com"},
		{"oss-cn-north-2-gov-1", "internal", "oss-cn-north-2-gov-1-internal.aliyuncs.com"},
		{"oss-cn-north-2-gov-1", "dual-stack", "cn-north-2-gov-1.oss.aliyuncs.com"},
	}
	tbl := mustTable(t, "../regions.yaml")
	hosts := map[string]string{} // host -> "region kind", as the round trip expects
	for _, r := range tbl.Regions {
		for h, kind := range map[string]string{r.Public: "public", r.Internal: "internal", r.DualStack: "dual-stack"} {
			hosts[h] = r.ID + " " + kind
		}
		for _, h := range r.InternalExtra {
			hosts[h] = r.ID + " internal"
		}
	}
	for _, w := range want {
		if !slices.ContainsFunc(tbl.Regions, func(r table.Region) bool { return r.ID == w.region }) {
			continue // removed in a major release, as docs/maintaining.md says
		}
		if got := hosts[w.host]; got != w.region+" "+w.kind {
			t.Errorf("%s: the table has %q, the sources %q", w.host, got, w.region+" "+w.kind)
		}
	}
}
