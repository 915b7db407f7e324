// Package regions is the table of Alibaba Cloud OSS regions and endpoints:
// region IDs as typed constants, their endpoints and VPC VIP ranges, and
// lookups in both directions, from a region to its hosts and from a host,
// URL or address back to its region.
//
// It depends on the standard library alone and does no work at start-up:
// the table is laid out at link time, and lookups do not allocate.
//
// This documentation is the package's rules in full: the sections below
// hold the rules that several functions share, and each function's
// documentation the rest.
//
// # A short tour
//
// A region from configuration, in either ID form and any case:
//
//	r, err := regions.Parse("cn-shanghai") // regions.CNShanghai
//	host := r.PublicEndpoint()             // "oss-cn-shanghai.aliyuncs.com"
//	vpc, ok := r.Endpoint(regions.VPC)     // false where a region has none
//
// The region of an endpoint, for example for a V4 signature:
//
//	e, err := regions.ParseEndpoint("https://bucket.oss-cn-shanghai.aliyuncs.com/key")
//	signingRegion, ok := e.SigningRegion() // "cn-shanghai", true
//
// The region of a VPC VIP address: LookupIP; a region's ranges: VIPRanges.
//
// Every error is an *Error, which carries the input, the sentinel error it
// wraps (for errors.Is) and, where it can tell, the region the input was
// meant for:
//
//	_, err := regions.Parse("cn-shangai")
//	var e *regions.Error
//	if errors.As(err, &e) && e.Suggestion != "" {
//		// offer e.Suggestion
//	}
//
// Parse says which region it suggests: one of the input's area (cn-, ap-,
// eu-, ...) or none, never one of another area, where data would cross a
// border.
//
// # Names
//
// A region's constant is named after its ID without oss-, its first part
// in upper case and the others title-cased: oss-us-west-1 is USWest1,
// oss-cn-hongkong is CNHongkong, oss-cn-north-2-gov-1 is CNNorth2Gov1.
//
// # Text
//
// Every function that reads text (Parse, ParseEndpoint and the
// UnmarshalText methods) reads IDs, kind names and hosts in any ASCII
// case, ignores surrounding ASCII white space (not other Unicode space)
// and refuses white space inside an ID, a kind or a host.
//
// Region, Kind, Status and Cloud implement encoding.TextMarshaler and
// encoding.TextUnmarshaler, so they work as fields of JSON, YAML or TOML
// configuration. As with net/netip.Addr, their zero values marshal to ""
// and "" unmarshals to them, and a well-formed Region newer than the table
// marshals to its ID, so that every value the package returns can be
// logged or stored: every Endpoint that ParseEndpoint returns survives
// json.Marshal and log/slog. Unmarshalling other text is as strict as
// Parse, so a Region newer than the table does not read back until the
// table has it. Convert text to a Region with Parse, not with a
// conversion: Region("cn-hangzhou") is no region of the table, and
// Region.MarshalText refuses it.
//
// # Slips and regions newer than the table
//
// The table always lags behind new regions, so an ID it lacks (in Parse,
// or in a host oss-<id>.aliyuncs.com and its other forms) is either a slip
// of the keyboard or a region newer than the table, and one rule, drawn
// from the table's IDs and aliases, tells them apart: it is a slip when,
// in its area, it is one edit (a letter added, dropped or changed, or two
// neighbours swapped) from a known ID, the edit not a digit for a digit;
// a known ID with whole parts more or fewer (oss-cn-beijing-1, cn-wuhan)
// that name no other cloud (finance, gov); a known ID with -internal
// misplaced or misspelt in it (us-west-internal-1); in an area the table
// lacks, one swap, letter more or less in the area (pa-southeast-1); or a
// region's, city's or area-less name (hangzhou, Singapore, China
// (Hangzhou)). A slip is an error whose Suggestion is the region meant,
// in service before closed (a closed one is named as such). A known ID
// with a one-letter part more (cn-beijing-h) is named as a zone. A
// newer region must be well-formed in the table's grammar and of an area
// the table has: an ID with a part of x's (cn-xxx, xx-xxx) is named a
// placeholder, one of another area (region-1) is no region, and so are
// the IDs of no region (rg-china-mainland). Anything else well-formed is a
// region newer than the table (Known reports false), among them a known
// name with a new number (ap-southeast-9, cn-shanghai-finance-2), a city
// merely near a known one in letters (cn-zhengzhou) and an Alibaba Cloud
// region ID that the table does not list for OSS (us-southeast-1, which
// Parse names). Parse and ParseEndpoint apply the rule alike: Parse
// refuses every ID the table lacks, with the reason the rule gives, and
// ParseEndpoint returns a newer region only where Parse's reason is none.
// A host's domain within two neighbouring bytes of aliyuncs.com (aliyunc.com,
// aliyun.com, aliyuncens.com) is a slip as well, with the region of the
// host it was meant to be.
//
// # Endpoints that name no region
//
// An accelerate endpoint (oss-accelerate.aliyuncs.com,
// oss-accelerate-overseas.aliyuncs.com, and the S3-compatible
// s3.oss-accelerate.aliyuncs.com) serves every region and names none: its
// Endpoint has an empty Region and SigningRegion reports false. Sign such
// requests for the bucket's own region, which you must know from
// elsewhere; e.Region.CloudRegion() would be "", and at least one SDK
// signs with an empty region without complaint, to fail only at the
// server. RegionlessEndpoint (oss-rg-china-mainland.aliyuncs.com), the
// endpoint of buckets without a region attribute, is not a region either:
// Kind Regionless, an empty Region, and SigningRegion false.
//
// # Lifecycle, irregular hosts, unknown facts
//
// All lists every region, closed ones included, so that their constants
// stay; their constants carry a Deprecated notice, Status says where they
// are, and StatusDate the day it took effect. AllActive lists the regions
// in service. Finance-cloud regions have hosts that break the usual
// pattern and more internal hosts inside the finance network: Hosts lists
// every host of a region, and ParseEndpoint maps each to its region, whose
// CloudRegion is the V4 signing region. Endpoint reports false both where
// a region lacks a kind of endpoint and where no source says whether it
// has it (transfer acceleration "not stated" in REGIONS.md);
// Region.Acceleration and the error of Region.URL tell the two apart.
//
// # Versions
//
// The package is released as module github.com/ossregions/ossregions/regions,
// tagged regions/vX.Y.Z; Version holds the same X.Y.Z. Which change needs
// which release is "The version rule" in docs/maintaining.md of the
// repository.
//
// # Generated code
//
// data_gen.go (from regions.yaml) and names_gen.go (from the generator's
// lists of states and clouds) are generated by the generator in this
// repository and must not be edited. The other files but the tests hold
// the logic over the generated tables and never name a region.
package regions
