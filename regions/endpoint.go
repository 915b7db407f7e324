package regions

import (
	"bytes"
	"strings"
)

// Endpoint is what ParseEndpoint found in a host or URL.
type Endpoint struct {
	// Region is the endpoint's region. It is empty for the accelerate
	// endpoints, which serve every region: sign requests through them for
	// the bucket's own region (SigningRegion reports false); and for
	// RegionlessEndpoint, whose buckets have no region attribute. It may be a
	// region that is not in the table (Known reports false) for a
	// well-formed regional or dual-stack host.
	Region Region
	// Kind is the kind of endpoint. A host that is both the internal and the
	// VPC endpoint of its region, as most are, is reported as Internal.
	Kind Kind
	// Bucket is the bucket label in front of the endpoint, or "".
	Bucket string
	// Host is the endpoint host, lower-case, without bucket and port.
	Host string
	// PathStyle reports that Bucket came from the first segment of the
	// URL's path, as in https://oss-cn-hangzhou.aliyuncs.com/bucket/key:
	// a URL whose host has no bucket label and whose path is not empty.
	PathStyle bool
	// S3Compatible reports a host of the form s3.oss-<id>.aliyuncs.com,
	// which OSS serves to AWS S3 clients: requests to it are signed as for
	// the service "s3" rather than "oss". Host is then that s3. host.
	S3Compatible bool
}

// SigningRegion returns the region to sign requests to this endpoint with
// (the cloud region ID of V4 signatures, "cn-hangzhou"), and false when
// the host names no region: the accelerate endpoints serve every region,
// and a request through them is signed for the bucket's own region, which
// the caller must know; RegionlessEndpoint serves buckets that have no
// region attribute, and no source this table rests on says what they sign
// with. Signing with "" instead fails only at the server.
func (e Endpoint) SigningRegion() (string, bool) {
	if e.Region == "" {
		return "", false
	}
	return e.Region.CloudRegion(), true
}

// Hosts longer than a DNS name can be are refused before any other work.
const maxHostLen = 253

// maxInputLen bounds what ParseEndpoint reads: a URL with a long path is
// still fine, a megabyte is not.
const maxInputLen = 2048

const ossDomain = ".aliyuncs.com"

// ParseEndpoint finds the region and kind of an OSS endpoint given as a host
// ("oss-cn-shanghai.aliyuncs.com"), host:port, or an http or https URL, with
// or without a bucket label in front ("bucket.oss-cn-shanghai.aliyuncs.com").
// Host names are read in any case.
//
// The default endpoints map to DefaultRegion; the accelerate endpoints have
// Kind Accelerate or AccelerateOverseas and no region, and
// RegionlessEndpoint has Kind Regionless and no region. A well-formed host
// oss-<id>.aliyuncs.com or oss-<id>-internal.aliyuncs.com whose region is
// not in the table yet is accepted with that region (Known reports false).
// Anything else, such as user info, an IP address, or a host that only ends
// like an endpoint, is an *Error matching ErrInvalidEndpoint; a bad bucket
// label matches ErrInvalidBucket as well.
func ParseEndpoint(s string) (Endpoint, error) {
	host, path, reason := hostOf(s)
	if reason != "" {
		return Endpoint{}, newError("ParseEndpoint", s, ErrInvalidEndpoint, reason)
	}
	// Host names are case-insensitive: match a lower-case copy, on the stack.
	var buf [maxHostLen]byte
	lower := buf[:lowerASCII(buf[:], host)]
	start := endpointStart(lower)
	var e Endpoint
	if start > 0 && bytes.IndexByte(lower[:start-1], '.') >= 0 {
		return Endpoint{}, newError("ParseEndpoint", s, ErrInvalidEndpoint, unmatchedHost(lower, lower))
	}
	if !matchAny(&e, lower[start:], host[start:]) {
		return Endpoint{}, newError("ParseEndpoint", s, ErrInvalidEndpoint, unmatchedHost(lower, lower[start:]))
	}
	if start > 0 {
		if label := lower[:start-1]; e.Host == DefaultEndpoint && doubledPrefix(label) {
			// A bucket on oss.aliyuncs.com by its form, but far more likely
			// a dual-stack host built from Region.String().
			return Endpoint{}, newError("ParseEndpoint", s, ErrInvalidEndpoint, doubledPrefixReason(lower, label))
		}
		bucket := host[:start-1]
		if reason := bucketProblem(bucket, true); reason != "" {
			return Endpoint{}, newError("ParseEndpoint", s, ErrInvalidBucket, "bucket "+quote(bucket)+": "+reason)
		}
		e.Bucket = lowerOf(lower[:start-1], bucket)
		return e, nil
	}
	bucket := pathBucket(path)
	if bucket == "" {
		return e, nil
	}
	if reason := bucketProblem(bucket, false); reason != "" {
		return Endpoint{}, newError("ParseEndpoint", s, ErrInvalidBucket, "path-style bucket "+quote(bucket)+": "+reason)
	}
	e.Bucket, e.PathStyle = bucket, true
	return e, nil
}

// endpointStart returns where the endpoint begins in a host that may have
// a bucket label in front: 0, or just after that label's dot. The
// generator holds the table's hosts to two forms, L.aliyuncs.com and the
// dual-stack <id>.oss.aliyuncs.com, so the endpoint is the last three
// labels, or four for the S3-compatible form s3.<endpoint> and for a
// dual-stack host, told from a bucket on oss.aliyuncs.com by the shape of
// its region ID (regionShaped).
func endpointStart(h []byte) int {
	rest, ok := bytes.CutSuffix(h, []byte(ossDomain))
	if !ok {
		return 0 // no endpoint: it is the whole host that matches nothing
	}
	dot := bytes.LastIndexByte(rest, '.') // before the label in front of aliyuncs.com
	if dot < 0 {
		return 0
	}
	prev := bytes.LastIndexByte(rest[:dot], '.')
	if label := rest[prev+1 : dot]; string(label) == "s3" || string(rest[dot+1:]) == "oss" && regionShaped(label) {
		return prev + 1
	}
	return dot + 1
}

// cutS3 removes the label s3 from the front of a host.
func cutS3(h []byte) ([]byte, bool) {
	if len(h) > len("s3.") && string(h[:len("s3.")]) == "s3." {
		return h[len("s3."):], true
	}
	return h, false
}

// pathBucket returns the first segment of a URL path ("/bucket/key"), or "".
func pathBucket(path string) string {
	if !strings.HasPrefix(path, "/") {
		return "" // a query or fragment, or nothing
	}
	for i := 1; i < len(path); i++ {
		if c := path[i]; c == '/' || c == '?' || c == '#' {
			return path[1:i]
		}
	}
	return path[1:]
}

// matchAny is matchHost, and also reads the S3-compatible form of a
// regional endpoint, s3.<endpoint>.
func matchAny(e *Endpoint, lower []byte, host string) bool {
	if matchHost(e, lower, host) {
		return true
	}
	// Only regional endpoints of the usual form have an S3-compatible host.
	if s3, ok := cutS3(lower); ok {
		if id, _, ok := patternID(s3); ok && isCloudID(id) && matchHost(e, s3, host[len("s3."):]) {
			e.Host, e.S3Compatible = lowerOf(lower, host), true
			return true
		}
	}
	return false
}

// hostOf returns the host name of a host, host:port or URL, as written,
// and what follows host and port (path, query, fragment), or why there is
// no host.
func hostOf(s string) (host, path, reason string) {
	if len(s) > maxInputLen {
		return "", "", "input too long"
	}
	rest, reason := cutScheme(s)
	if reason != "" {
		return "", "", reason
	}
	host, port, reason := splitHostPort(rest)
	if reason == "" && port != "" {
		reason = portProblem(port[1:])
	}
	if reason == "" {
		reason = labelsProblem(host)
	}
	return host, rest[len(host)+len(port):], reason
}

// cutScheme removes an http:// or https:// scheme, in any case, and refuses
// any other. A scheme is what comes before the first colon when "://"
// follows it; "://" later in a path is no scheme.
func cutScheme(s string) (rest, reason string) {
	colon := strings.IndexByte(s, ':')
	if colon < 0 || !strings.HasPrefix(s[colon:], "://") {
		return s, ""
	}
	if scheme := s[:colon]; !equalFoldASCII(scheme, "https") && !equalFoldASCII(scheme, "http") {
		return "", "scheme " + quote(scheme) + " is not http or https"
	}
	return s[colon+len("://"):], ""
}

// splitHostPort reads the host and the port (with its colon, or "") that
// come before any path, query or fragment. The host may hold only the
// letters, digits, hyphens and dots of a host name; user info is refused,
// for a URL with user info sends credentials to its host, and so are IPv6
// literals.
func splitHostPort(s string) (host, port, reason string) {
	end, colon := len(s), -1
scan:
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.':
		case c == ':' && colon < 0:
			colon = i
		case c == '/', c == '?', c == '#':
			end = i
			break scan
		case c == '@':
			return "", "", "user info is not allowed"
		case c == '[' && i == 0:
			return "", "", "an IP address is not an OSS endpoint"
		default:
			reason = "has a character that is not allowed in an OSS host name"
		}
	}
	host = s[:end]
	if colon >= 0 {
		host, port = s[:colon], s[colon:end]
		if strings.IndexByte(port[1:], ':') >= 0 {
			reason = "has a character that is not allowed in an OSS host name"
		}
	}
	if reason != "" {
		return "", "", "host " + quote(host) + " " + reason
	}
	return host, port, ""
}

// portProblem says why a port is not a number from 1 to 65535, or "".
func portProblem(p string) string {
	n := 0
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' || i == 5 {
			n = 0
			break
		}
		n = n*10 + int(p[i]-'0')
	}
	if n < 1 || n > 65535 {
		return "port " + quote(p) + " is not a number from 1 to 65535"
	}
	return ""
}

// labelsProblem says why a host of allowed characters cannot be an OSS
// host name, or "". It refuses IPv4 addresses: a host name's last label is
// never all digits.
func labelsProblem(host string) string {
	switch {
	case host == "":
		return "no host"
	case len(host) > maxHostLen:
		return "host too long"
	case host[len(host)-1] == '.':
		return "host ends in a dot"
	case allDigits(host[strings.LastIndexByte(host, '.')+1:]):
		return "an IP address is not an OSS endpoint"
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// matchHost sets e to the region, kind and host of a host without a bucket
// label and reports whether it is an endpoint; the host is
// given lower-cased as lower and as written as host (its substrings are
// kept where lower equals them, without a copy).
func matchHost(e *Endpoint, lower []byte, host string) bool {
	id, internal, ok := patternID(lower)
	var in *regionInfo
	if ok {
		in = lookupCloudID(id)
	}
	if in != nil && endpointOfRow(e, in, lower) {
		return true
	}
	if dsID, ok := dualStackID(lower); ok {
		return matchDualStack(e, dsID, lower, host)
	}
	if specialHost(e, lower) {
		return true
	}
	if !ok || in != nil || !isCloudID(id) {
		return false
	}
	// A region newer than the table, taken on trust.
	e.Kind, e.Host = Public, lowerOf(lower, host)
	if internal {
		e.Kind = Internal
	}
	e.Region = Region(e.Host[:len("oss-")+len(id)])
	return true
}

// dualStackID returns the label of a host <label>.oss.aliyuncs.com, the
// form of the dual-stack endpoints, unchecked.
func dualStackID(h []byte) ([]byte, bool) {
	n := len(h) - len(dualStackDomain)
	if n <= 0 || string(h[n:]) != dualStackDomain {
		return nil, false
	}
	for _, c := range h[:n] {
		if c == '.' {
			return nil, false
		}
	}
	return h[:n], true
}

const dualStackDomain = ".oss.aliyuncs.com"

// matchDualStack reads <id>.oss.aliyuncs.com: a dual-stack host of the
// table, or one of a region newer than the table if id is shaped like a
// region ID (endpointStart has read any other label in front of
// oss.aliyuncs.com as a bucket).
func matchDualStack(e *Endpoint, id, lower []byte, host string) bool {
	in := lookupCloudID(id)
	switch {
	case in != nil:
		return endpointOfRow(e, in, lower)
	case specialHost(e, lower):
		return true
	case !regionShaped(id):
		return false
	}
	// A region newer than the table, taken on trust.
	e.Kind, e.Host = DualStack, lowerOf(lower, host)
	e.Region = Region("oss-" + e.Host[:len(id)])
	return true
}

// regionShaped reports whether a dual-stack host's first label reads as a
// region ID rather than a bucket: a cloud region ID whose first part is a
// two-letter area, as every Alibaba Cloud region's is (cn, us, ap, eu, me,
// na). A bucket named like that (ab-cd) on the legacy endpoint
// oss.aliyuncs.com reads as a region; give such buckets a regional
// endpoint.
func regionShaped(id []byte) bool {
	return isCloudID(id) && len(id) > 2 && id[2] == '-'
}

// specialHost sets e for the hosts that the oss-<id>[-internal].aliyuncs.com
// pattern does not: the default and accelerate endpoints, and the
// endpoints of irregular regions.
func specialHost(e *Endpoint, h []byte) bool {
	switch string(h) {
	case DefaultEndpoint:
		e.Region, e.Kind, e.Host = DefaultRegion, Public, DefaultEndpoint
	case DefaultInternalEndpoint:
		e.Region, e.Kind, e.Host = DefaultRegion, Internal, DefaultInternalEndpoint
	case GlobalAccelerateEndpoint:
		e.Kind, e.Host = Accelerate, GlobalAccelerateEndpoint
	case OverseasAccelerateEndpoint:
		e.Kind, e.Host = AccelerateOverseas, OverseasAccelerateEndpoint
	case RegionlessEndpoint:
		e.Kind, e.Host = Regionless, RegionlessEndpoint
	default:
		for _, in := range genIrregularRegions {
			if endpointOfRow(e, in, h) {
				return true
			}
		}
		return false
	}
	return true
}

// endpointOfRow sets e if h is one of the row's endpoints. The comparisons
// are written out: a switch on these non-constant cases would copy h.
func endpointOfRow(e *Endpoint, in *regionInfo, h []byte) bool {
	switch {
	case string(h) == in.public:
		e.Kind, e.Host = Public, in.public
	case string(h) == in.internal:
		e.Kind, e.Host = Internal, in.internal
	case string(h) == in.vpc:
		e.Kind, e.Host = VPC, in.vpc
	case in.dualStack != "" && string(h) == in.dualStack:
		e.Kind, e.Host = DualStack, in.dualStack
	default:
		for _, extra := range in.internalExtra {
			if string(h) == extra {
				e.Kind, e.Host, e.Region = Internal, extra, in.id
				return true
			}
		}
		return false
	}
	e.Region = in.id
	return true
}

// patternID returns the cloud region ID that a host of the form
// oss-<id>.aliyuncs.com or oss-<id>-internal.aliyuncs.com names, unchecked.
func patternID(h []byte) (id []byte, internal, ok bool) {
	if len(h) <= len("oss-")+len(ossDomain) || string(h[:len("oss-")]) != "oss-" || string(h[len(h)-len(ossDomain):]) != ossDomain {
		return id, false, false
	}
	id = h[len("oss-") : len(h)-len(ossDomain)]
	if n := len(id) - len("-internal"); n > 0 && string(id[n:]) == "-internal" {
		return id[:n], true, true
	}
	return id, false, true
}

// lookupCloudID returns the row of a lower-case cloud region ID, or nil.
func lookupCloudID(id []byte) *regionInfo {
	if len(id) > genMaxCloudIDLen {
		return nil
	}
	return genLookupCloudID(id)
}

// isCloudID reports whether id has the form of a cloud region ID: at least
// two hyphen-separated parts of lower-case letters and digits, the first of
// letters only and neither "oss" nor "accelerate", the last not "internal".
// The generator holds region IDs to the same grammar (the cases in
// testdata/region_ids.txt hold both to it).
func isCloudID[T string | []byte](id T) bool {
	parts, start := 0, 0
	for i := 0; i <= len(id); i++ {
		if i < len(id) && id[i] != '-' {
			c := id[i]
			if !('a' <= c && c <= 'z' || parts > 0 && '0' <= c && c <= '9') {
				return false
			}
			continue
		}
		part := string(id[start:i])
		if part == "" || parts == 0 && (part == "oss" || part == "accelerate") {
			return false
		}
		if i == len(id) && part == "internal" {
			return false
		}
		parts, start = parts+1, i+1
	}
	return parts >= 2
}

// unmatchedHost says why a host that matched nothing is not an endpoint;
// ep is the part of it that endpointStart took for the endpoint.
func unmatchedHost(h, ep []byte) string {
	if id, ok := dualStackID(ep); ok {
		if in := lookupCloudID(id); in != nil {
			if in.dualStack == "" {
				return "host " + quote(string(h)) + " is not an endpoint of region " + string(in.id) + ": the table lists no dual-stack endpoint for it; its public endpoint is " + in.public
			}
			return "host " + quote(string(h)) + " is not an endpoint of region " + string(in.id) + "; its dual-stack endpoint is " + in.dualStack
		}
	}
	if id, _, ok := patternID(ep); ok {
		if doubledPrefix(id) {
			return doubledPrefixReason(h, id)
		}
		if in := lookupCloudID(id); in != nil {
			return "host " + quote(string(h)) + " is not an endpoint of region " + string(in.id) + "; its public endpoint is " + in.public
		}
	}
	if rest, ok := cutS3(ep); ok {
		return "host " + quote(string(h)) + " is not an OSS endpoint: the S3-compatible form s3.<endpoint> exists for regional endpoints only, such as s3." + string(DefaultRegion) + ossDomain + ", not for " + quote(string(rest))
	}
	return "host " + quote(string(h)) + " is not an OSS endpoint"
}

// doubledPrefix reports an ID with the oss- prefix in front of a cloud
// region ID: the host of an SDK given Region.String() ("oss-cn-hangzhou")
// where it wants the cloud region ID ("cn-hangzhou").
func doubledPrefix(id []byte) bool {
	return len(id) > len("oss-") && string(id[:len("oss-")]) == "oss-" && isCloudID(id[len("oss-"):])
}

func doubledPrefixReason(h, id []byte) string {
	return "host " + quote(string(h)) + " holds the region ID with its oss- prefix: build hosts from Region.CloudRegion() (" +
		quote(string(id[len("oss-"):])) + "), not from the Region itself"
}

// lowerOf returns lower as a string: s itself when s was already lower
// case, so that only input with capitals costs a copy.
func lowerOf(lower []byte, s string) string {
	if string(lower) == s {
		return s
	}
	return string(lower)
}

// bucketProblem applies the OSS bucket naming rules: 3 to 63 characters of
// lower-case letters, digits and hyphens, starting and ending with a letter
// or digit. It says what is wrong, or "".
//
// In a host name letters of any case are the same bucket (inHost); in a URL
// path and as an argument, upper case is refused.
func bucketProblem(b string, inHost bool) string {
	if len(b) < 3 || len(b) > 63 {
		return "must be 3 to 63 characters long"
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || inHost && 'A' <= c && c <= 'Z') {
			return "only lower-case letters, digits and hyphens are allowed"
		}
	}
	if b[0] == '-' || b[len(b)-1] == '-' {
		return "must start and end with a letter or digit"
	}
	return ""
}

// URL returns the https URL of the region's endpoint of kind k, with the
// bucket as its first label ("https://bucket.oss-cn-hangzhou.aliyuncs.com").
// An empty bucket gives the endpoint's own URL. An unknown region
// (ErrUnknownRegion), a kind the region lacks (ErrNoEndpoint) or a bucket
// name that breaks the OSS naming rules (ErrInvalidBucket) is an *Error.
func (r Region) URL(k Kind, bucket string) (string, error) {
	host, ok := r.Endpoint(k)
	switch {
	case !r.Known():
		return "", newError("Region.URL", string(r), ErrUnknownRegion, "")
	case !ok:
		return "", newError("Region.URL", string(r), ErrNoEndpoint, "the region has no "+k.String()+" endpoint")
	case bucket == "":
		return "https://" + host, nil
	}
	if reason := bucketProblem(bucket, false); reason != "" {
		return "", newError("Region.URL", bucket, ErrInvalidBucket, reason)
	}
	return "https://" + bucket + "." + host, nil
}
