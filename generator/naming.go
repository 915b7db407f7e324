package main

import (
	"go/token"
	"strings"
)

// isRegionID reports whether s has the form of an OSS region ID: "oss-",
// then at least two hyphen-separated parts of lower-case letters and
// digits, the first of letters only ("oss-cn-hangzhou", "oss-us-west-1").
// It is the regular expression ^oss-[a-z]+(-[a-z0-9]+)+$ written out
// (TestIsRegionIDMatchesPattern): the regexp engine was a tenth of the run
// time of a 10,000-region table.
func isRegionID(s string) bool {
	rest, ok := strings.CutPrefix(s, "oss-")
	if !ok {
		return false
	}
	parts := 0
	for part := range strings.SplitSeq(rest, "-") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			c := part[i]
			if !('a' <= c && c <= 'z' || parts > 0 && '0' <= c && c <= '9') {
				return false
			}
		}
		parts++
	}
	return parts >= 2
}

// maxIDLen keeps "<id>-internal" within a 63-byte DNS label, and the ID
// within the parse buffer of the regions package (parseBufLen).
const maxIDLen = 63 - len("-internal")

// goName derives a region's constant name from its ID: drop "oss-",
// upper-case the first part, title-case the rest ("oss-us-west-1" gives
// "USWest1").
func goName(id string) string {
	parts := strings.Split(strings.TrimPrefix(id, "oss-"), "-")
	var b strings.Builder
	for i, p := range parts {
		if i == 0 {
			b.WriteString(strings.ToUpper(p))
			continue
		}
		if p != "" {
			b.WriteString(strings.ToUpper(p[:1]) + p[1:])
		}
	}
	return b.String()
}

// infoVarName is the unexported variable that holds a region's row.
func infoVarName(goName string) string { return "info" + goName }

// reservedNames are the package-level names of package regions that do not
// come from a region: the hand-written API and the generated fixed names.
// A derived name must not equal any of them after case folding.
// TestReservedNamesCoverPackage keeps this list in step with the package.
var reservedNames = []string{
	// hand-written
	"Accelerate", "AccelerateOverseas", "Active", "All", "Decommissioned",
	"Decommissioning", "Endpoint", "ErrInvalidBucket", "ErrInvalidEndpoint",
	"ErrUnknownRegion", "Internal", "Kind", "LookupIP", "Parse",
	"ParseEndpoint", "Public", "Region", "Status", "VPC", "be64",
	"bucketError", "checkBucket", "checkPort", "clip", "editDistance",
	"endpointError", "equalFoldASCII", "hostOf", "kindNames", "lastWord",
	"less128", "lookup4", "lookup6", "lookupFolded", "lookupInfo", "lower64",
	"matchHost", "maxHostLen", "numericLabel", "ossDomain", "parseBufLen",
	"parseID", "patternHost", "patternRegion", "put64", "quote", "regionInfo",
	"search4", "search6", "span4", "span6", "unknownRegion",
	"unknownRegionError", "word", "wrapped",
	// generated
	"DataSHA256", "DefaultEndpoint", "DefaultInternalEndpoint",
	"DefaultRegion", "GlobalAccelerateEndpoint", "OverseasAccelerateEndpoint",
	"Source", "Version", "allRegions", "lookupCloudID", "lookupSpecialHost",
	"maxIDLen", "vip4", "vip6",
}

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
	for _, r := range reservedNames {
		if strings.EqualFold(name, r) || strings.EqualFold(infoVarName(name), r) {
			return "collides with the package's own name " + r
		}
	}
	return ""
}
