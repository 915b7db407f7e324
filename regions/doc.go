// Package regions is the table of Alibaba Cloud OSS regions and endpoints:
// region IDs as typed constants, their endpoints and VPC VIP ranges, and
// lookups from a region to its hosts and from a host, URL or address back
// to its region. It depends on the standard library alone, does no work at
// start-up, and its lookups do not allocate, but for ParseEndpoint's
// lower-case copy of an upper-case bucket label.
//
// # A short tour
//
//	r, err := regions.Parse("cn-shanghai") // regions.CNShanghai
//	host := r.PublicEndpoint()             // "oss-cn-shanghai.aliyuncs.com"
//	vpc, ok := r.Endpoint(regions.VPC)     // "oss-cn-shanghai-internal.aliyuncs.com", true
//
//	e, err := regions.ParseEndpoint("https://bucket.oss-cn-shanghai.aliyuncs.com/key")
//	signingRegion, ok := e.SigningRegion() // "cn-shanghai", true
//
// The region of a VPC VIP address: LookupIP; a region's ranges: VIPRanges.
// Every error is an *Error: the input, the sentinel it wraps (errors.Is)
// and, where it can tell, the region meant (Suggestion).
//
// # Names
//
// A region's constant is its ID without oss-, the first part upper-cased
// and the others title-cased: oss-us-west-1 is USWest1, oss-cn-north-2-gov-1
// is CNNorth2Gov1.
//
// # Text
//
// Parse, ParseEndpoint and the UnmarshalText methods read IDs, kind names
// and hosts in any ASCII case, ignore surrounding ASCII white space and
// refuse white space inside. Region, Kind, Status and Cloud are
// encoding.TextMarshaler and TextUnmarshaler; as with net/netip.Addr their
// zero values marshal to "" and back, and a well-formed Region newer than
// the table marshals to its ID, so every value the package returns can be
// logged or stored. Unmarshalling is as strict as Parse. Convert text with
// Parse, not a conversion: Region("cn-hangzhou") is no region of the table.
//
// # Slips and regions newer than the table
//
// An ID the table lacks (in Parse, or in a host oss-<id>.aliyuncs.com and
// its other forms) is a slip of the keyboard or a region newer than the
// table, and one rule over the table's IDs and aliases tells them apart. It
// is a slip when, in its area, it is one edit (a letter added, dropped or
// changed, or two neighbours swapped) from a known ID, the edit not a digit
// for a digit; a known ID with whole parts more or fewer (oss-cn-beijing-1,
// cn-wuhan) that name no other cloud (finance, gov); a known ID with
// -internal misplaced or misspelt in it; in an area the table lacks, a
// letter added or dropped in the area or two neighbours swapped
// (app-, a-, pa-southeast-1), not a letter changed (aq-southeast-1 is of an
// area the table lacks); or a region's or city's name (hangzhou,
// Singapore, China (Hangzhou)); or up to three of the slips that
// regions.yaml lists, in any case (REGIONS.md, "Slips": a legacy vpc100-
// host, oss- twice, aliyun.com for aliyuncs.com, a full-width period, the
// area twice, quotes, a setting's name in front, ...), where mending them
// names a region of the table and does not touch a bucket label. A slip is
// an error whose Suggestion is the region meant, in service before closed
// (a closed one is named as such); ParseEndpoint names a one-letter part
// more (oss-cn-beijing-h) a zone. A
// newer region is well-formed in the table's grammar and of an area the
// table has: a part of x's (cn-xxx) is a placeholder, another area
// (region-1) or an ID of no region (rg-china-mainland) is no region, and an
// Alibaba Cloud region that the table does not list for OSS is named as
// such. Anything else well-formed is newer than the table (Known false):
// a known name with a new number (ap-southeast-99), or a city merely near a
// known one in letters (cn-zhengzhou). Parse refuses every ID the table
// lacks with the reason the rule gives; ParseEndpoint returns a newer
// region only where that reason is none.
//
// # Endpoints that name no region
//
// The accelerate endpoints (oss-accelerate.aliyuncs.com,
// oss-accelerate-overseas.aliyuncs.com, s3.oss-accelerate.aliyuncs.com) and
// RegionlessEndpoint (oss-rg-china-mainland.aliyuncs.com, Kind Regionless)
// name no region: their Endpoint has an empty Region and SigningRegion
// reports false. Through an accelerate endpoint, sign for the bucket's own
// region, which you must know from elsewhere; for RegionlessEndpoint no
// source the table rests on says what its buckets sign with.
//
// # Lifecycle, irregular hosts, unknown facts
//
// All lists every region, closed ones included, so their constants stay
// (with a Deprecated notice); Status and StatusDate say where each is, and
// AllActive lists those in service. Finance-cloud hosts break the usual
// pattern: Hosts lists every host of a region, and ParseEndpoint maps each
// to its region. Endpoint reports false both where a region lacks a kind
// and where no source says (acceleration "not stated" in REGIONS.md);
// Region.Acceleration and Region.URL's error tell the two apart.
//
// # Versions
//
// The package is released as module github.com/ossregions/ossregions/regions,
// tagged regions/vX.Y.Z; Version holds the same X.Y.Z. Which change needs
// which release is "The version rule" in docs/maintaining.md.
//
// # Generated code
//
// data_gen.go (from regions.yaml) and names_gen.go are generated and must
// not be edited; the other files hold the logic and never name a region.
package regions
