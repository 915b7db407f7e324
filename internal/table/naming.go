package table

import (
	"go/token"
	"slices"
	"strings"

	"github.com/ossregions/ossregions/internal/grammar"
)

// regionIDProblem says why s is not an OSS region ID, or "": oss- and a
// cloud region ID, in the grammar package regions reads hosts with.
func regionIDProblem(s string) string {
	rest, ok := strings.CutPrefix(s, "oss-")
	switch {
	case ok && grammar.IsCloudID(rest):
		return ""
	case ok && grammar.IsCloudID("x-"+rest+"-x"): // the form, but for a reserved first or last part
		switch {
		case strings.HasPrefix(rest, "oss-"):
			return "begins with oss-oss-: write the ID with one oss- prefix (its endpoints would not parse back)"
		case strings.HasPrefix(rest, "accelerate-"):
			return "begins with oss-accelerate-: its endpoints would read as the transfer acceleration endpoints"
		case strings.HasSuffix(rest, "-internal"):
			return "ends in -internal: its public endpoint would read as the internal endpoint of another region"
		}
	}
	return "is not a region ID; expected oss- and lower-case parts joined by hyphens, such as oss-cn-hangzhou"
}

// maxIDLen keeps "<id>-internal" within a 63-byte DNS label.
const maxIDLen = 63 - len("-internal")

// goName derives a region's constant from its ID: "oss-us-west-1" gives "USWest1".
func goName(id string) string {
	area, rest, _ := strings.Cut(strings.TrimPrefix(id, "oss-"), "-")
	name := strings.ToUpper(area)
	for _, p := range strings.Split(rest, "-") {
		if p != "" {
			name += strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return name
}

// GenPrefix begins every unexported name the generator declares in package
// regions; hand-written code never does (TestHandWrittenNamesAvoidGenPrefix).
const GenPrefix = "gen"

// rowVarName is the unexported variable that holds a region's row.
func rowVarName(goName string) string { return GenPrefix + "Info" + goName }

// ExportedNames are package regions' exported names that no region gives,
// which no region constant may fold to (TestExportedNamesCoverPackage).
var ExportedNames = slices.Concat([]string{
	// hand-written
	"Accelerate", "AccelerateOverseas", "All", "AllActive", "Cloud",
	"Endpoint", "ErrInvalidBucket", "ErrInvalidCloud", "ErrInvalidEndpoint",
	"DualStack", "ErrInvalidKind", "ErrInvalidStatus", "ErrNoEndpoint", "ErrUnknownRegion",
	"Error", "Internal", "Kind", "LookupIP", "Parse", "ParseEndpoint", "Public",
	"Region", "Regionless", "Status", "VPC",
	"Buckets", "Family",
	// generated
	"DataSHA256", "DefaultEndpoint", "DefaultInternalEndpoint",
	"DefaultRegion", "GlobalAccelerateEndpoint", "OverseasAccelerateEndpoint", "RegionlessEndpoint",
	"Source", "Version",
}, nameConsts(Statuses), nameConsts(Clouds))

// checkGoName reports why name cannot be a region constant, or "".
func checkGoName(name string) string {
	switch {
	case token.IsKeyword(name):
		return "is a Go keyword"
	case !token.IsIdentifier(name):
		return "is not a Go identifier"
	case !token.IsExported(name):
		return "is not an exported Go name"
	}
	if i := slices.IndexFunc(ExportedNames, func(r string) bool { return strings.EqualFold(name, r) }); i >= 0 {
		return "collides with the package's own name " + ExportedNames[i]
	}
	return ""
}

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
	if msg := checkHost(h); msg != "" {
		return msg
	}
	if !strings.HasPrefix(h, "oss-") {
		return "is not an OSS host: its first label does not begin with oss-"
	}
	return ""
}
