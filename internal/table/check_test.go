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
