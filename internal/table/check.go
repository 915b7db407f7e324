package table

import "strings"

// The checks the table applies to one value, for other untrusted input of
// the same facts (a saved or live DescribeRegions response).

// RegionIDProblem says why id is not an OSS region ID the table would
// accept, or "".
func RegionIDProblem(id string) string {
	if msg := regionIDProblem(id); msg != "" {
		return msg
	}
	if len(id) > maxIDLen {
		return "is longer than the table allows (its endpoint label must fit in 63 characters)"
	}
	return ""
}

// EndpointProblem says why h is not a regional endpoint host the table
// would accept, or "": a valid host name in Alibaba Cloud's OSS domain, of
// the form L.aliyuncs.com, whose label is an OSS one (oss-...).
func EndpointProblem(h string) string {
	if msg := checkHost(h); msg != "" {
		return "is not a valid host name: " + msg
	}
	if !inOSSDomain(h) {
		return "is not in Alibaba Cloud's OSS domain; an endpoint must end in " + strings.Join(ossHostSuffixes, " or ")
	}
	if msg := threeLabelProblem(h); msg != "" {
		return msg
	}
	if !strings.HasPrefix(h, "oss-") {
		return "is not an OSS host: its first label does not begin with oss-"
	}
	return ""
}
