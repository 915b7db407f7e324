package table

import "strings"

// The table's checks of one value, for other input of the same facts (a DescribeRegions response).

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
// would accept (oss-....aliyuncs.com), or "".
func EndpointProblem(h string) string {
	if msg := hostProblem(h, threeLabelProblem); msg != "" {
		return msg
	}
	if !strings.HasPrefix(h, "oss-") {
		return "is not an OSS host: its first label does not begin with oss-"
	}
	return ""
}
