// Package regions is the table of Alibaba Cloud OSS regions and endpoints:
// region IDs as typed constants, their endpoints and VPC VIP ranges, and
// lookups in both directions, from a region to its hosts and from a host,
// URL or address back to its region.
//
// It depends on the standard library alone and does no work at start-up:
// the table is laid out at link time, and lookups do not allocate.
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
// An accelerate endpoint (oss-accelerate.aliyuncs.com) serves every region
// and names none: its Endpoint has an empty Region and SigningRegion
// reports false. Sign such requests for the bucket's own region, which you
// must know from elsewhere; e.Region.CloudRegion() would be "", and at
// least one SDK signs with an empty region without complaint, to fail only
// at the server. RegionlessEndpoint (oss-rg-china-mainland.aliyuncs.com),
// the endpoint of buckets without a region attribute, is not a region
// either: Kind Regionless, an empty Region, and SigningRegion false.
//
// ParseEndpoint also reads the other forms the OSS SDKs send: dual-stack
// hosts (cn-hangzhou.oss.aliyuncs.com, Kind DualStack), S3-compatible hosts
// (s3.oss-cn-hangzhou.aliyuncs.com, S3Compatible set: sign for service
// "s3"), and path-style URLs (https://oss-cn-hangzhou.aliyuncs.com/bucket/key,
// PathStyle set). A dual-stack host looks like a bucket on the legacy
// default endpoint oss.aliyuncs.com: its first label is read as a region
// only when the table knows it, or when it has the full shape of a region
// ID of an area the table has, ending in a number ("ap-southeast-9");
// "my-bucket.oss.aliyuncs.com" is a bucket. A region that the table lists
// without a dual-stack host is refused in that form. ParseEndpoint reads
// URLs of any length, such as presigned ones, but only their host and
// first path segment.
//
// Every function that reads text ignores surrounding ASCII white space.
//
// Region, Kind and Status implement encoding.TextMarshaler and
// TextUnmarshaler, so they work as fields of JSON, YAML or TOML
// configuration. As with net/netip.Addr, their zero values marshal to ""
// and back, and a well-formed Region newer than the table marshals to its
// ID, so that every value the package returns can be logged. LookupIP finds the region of a VPC VIP address; VIPRanges
// lists a region's ranges.
//
// Every error is an *Error, which carries the input, the sentinel error it
// wraps (for errors.Is) and, for an unknown region, the closest known one:
//
//	_, err := regions.Parse("cn-shangai")
//	var e *regions.Error
//	if errors.As(err, &e) && e.Suggestion != "" {
//		// offer e.Suggestion
//	}
//
// A host of the usual form oss-<id>.aliyuncs.com whose region is newer than
// this table still parses, with Known reporting false: the table always
// lags behind new regions. The line between such a region and a typo is
// drawn from the table itself: a newer region differs from every known
// one of its area in its name (eu-north-1) or has a known name with a new
// number (ap-southeast-9); a host one edit away from a known name
// (oss-cn-hangzou), or a known ID with a part more or less (oss-cn-wuhan
// for oss-cn-wuhan-lr), is an error with the region in Suggestion, so
// that SigningRegion never signs for a misspelt region.
//
// Suggestions stay in the input's area (cn-, ap-, eu-, ...): Parse never
// offers a region of another area, where data would cross a border, and
// offers none where nothing of the area is close.
//
// Parse also accepts the aliases of the table, the values that Alibaba's
// tools hand out for the finance regions (cn-hzfinance, cn-szfinance,
// cn-shanghai-finance-1-pub, ...), and returns the region itself, which
// marshals as its own ID. Region.Aliases lists them.
//
// # Lifecycle, irregular hosts, unknown facts
//
// All lists every region, closed ones included, so that their constants
// stay (removing one is a major release); their constants carry a
// Deprecated notice, Status says where they are, and StatusDate the day
// it took effect. AllActive lists the regions in service. Finance-cloud
// regions have hosts that break the usual pattern and more internal hosts
// inside the finance network: Hosts lists every host of a region, and
// ParseEndpoint maps each to its region, whose CloudRegion is the V4
// signing region. Endpoint reports false both where a region lacks a kind
// of endpoint and where no source says whether it has it (transfer
// acceleration of regions newer than release 1.0.0); Region.Acceleration,
// the error of Region.URL and REGIONS.md ("not stated") tell the two
// apart.
//
// # Versions
//
// The package is released as module github.com/ossregions/ossregions/regions,
// tagged regions/vX.Y.Z; Version holds the same X.Y.Z. A patch release
// changes data only (names, endpoints, VIP ranges, flags, sources). A
// minor release adds regions or aliases, deprecates regions (a Deprecated
// notice on the constant), moves one to another Cloud, or changes the
// default or accelerate endpoints. Only a major release removes a region
// constant or an alias, or changes an ID. The generator refuses a
// version that does not follow these rules.
//
// # Generated code
//
// data_gen.go is generated from regions.yaml by the generator in this
// repository and must not be edited. The other files hold the logic over
// the generated tables and never name a region.
package regions
