package table

import (
	"slices"
	"testing"
)

// TestRegionHosts: each host once, in Region.Hosts' order, with the kind
// ParseEndpoint reads it as; a VPC host that is the internal one is
// listed once, as internal.
func TestRegionHosts(t *testing.T) {
	for _, tt := range []struct {
		r    Region
		want []Host
	}{
		{Region{Public: "oss-a-1.aliyuncs.com", Internal: "oss-a-1-internal.aliyuncs.com", VPC: "oss-a-1-internal.aliyuncs.com"},
			[]Host{{"oss-a-1.aliyuncs.com", "public"}, {"oss-a-1-internal.aliyuncs.com", "internal"}}},
		{Region{Public: "oss-b-1.aliyuncs.com", Internal: "oss-b-1-internal.aliyuncs.com", VPC: "oss-b-1-vpc.aliyuncs.com",
			InternalExtra: []string{"oss-b-2-internal.aliyuncs.com", "oss-b-3-internal.aliyuncs.com"}, DualStack: "b-1.oss.aliyuncs.com"},
			[]Host{{"oss-b-1.aliyuncs.com", "public"}, {"oss-b-1-internal.aliyuncs.com", "internal"},
				{"oss-b-2-internal.aliyuncs.com", "internal"}, {"oss-b-3-internal.aliyuncs.com", "internal"},
				{"oss-b-1-vpc.aliyuncs.com", "vpc"}, {"b-1.oss.aliyuncs.com", "dual-stack"}}},
	} {
		if got := tt.r.Hosts(); !slices.Equal(got, tt.want) {
			t.Errorf("Hosts() = %v, want %v", got, tt.want)
		}
	}
}
