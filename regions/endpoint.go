package regions

import (
	"bytes"
	"net/netip"
	"strings"
)

// Endpoint is what ParseEndpoint found in a host or URL.
type Endpoint struct {
	// Region is the endpoint's region. It is empty for the endpoints that
	// name no region: the accelerate endpoints and RegionlessEndpoint. It
	// may be a region newer than the table (Known reports false).
	Region Region
	// Kind is the kind of endpoint. A region's VPC endpoint is its internal
	// host unless the table gives another; a host that is both is reported
	// as Internal.
	Kind Kind
	// Bucket is the bucket label in front of the endpoint, or "".
	Bucket string
	// Host is the endpoint host, lower-case, without bucket, port and
	// trailing dot.
	Host string
	// PathStyle reports that Bucket came from the first segment of the
	// URL's path, as in https://oss-cn-hangzhou.aliyuncs.com/bucket/key:
	// a URL whose host has no bucket label and whose path is not empty.
	PathStyle bool
	// S3Compatible reports a host of the form s3.oss-<id>.aliyuncs.com,
	// or s3.oss-accelerate.aliyuncs.com, which OSS serves to AWS S3
	// clients: requests to it are signed as for the service "s3" rather
	// than "oss". Host is then that s3. host.
	S3Compatible bool
	// Family is the family of OSS hosts the endpoint belongs to: Buckets,
	// the zero value, for the table's endpoints, or one of the other
	// families (access points, OSS-HDFS, vector buckets), whose Host is
	// that family's host of the region and whose Bucket is the label in
	// front of it.
	Family Family
	// CloudBox is the CloudBox ID of an OSS on CloudBox host ("cb-123" of
	// cb-123.cn-hangzhou.oss-cloudbox.aliyuncs.com), or "". V4 signatures
	// of such hosts take it as their region (SigningRegion).
	CloudBox string
}

// SigningRegion returns the region to sign requests to this endpoint with
// (the cloud region ID of V4 signatures, "cn-hangzhou"), and false when
// the host names no region: sign a request through an accelerate endpoint
// for the bucket's own region, which the caller must know; for
// RegionlessEndpoint, no source this table rests on says what its buckets
// sign with.
//
// For a family whose hosts carry a CloudBox ID (OSS on CloudBox), it is
// that ID, as regions.yaml says of the family.
func (e Endpoint) SigningRegion() (string, bool) {
	switch {
	case e.CloudBox != "" && genSignsByCloudBox(e.Family):
		return e.CloudBox, true
	case e.Region == "":
		return "", false
	}
	return e.Region.CloudRegion(), true
}

// SigningProduct returns the product that OSS V4 signatures of requests
// to this endpoint name: "oss", or the product of the endpoint's family,
// such as "oss-cloudbox" for OSS on CloudBox. (S3Compatible hosts are
// signed as AWS's service "s3" instead.)
func (e Endpoint) SigningProduct() string {
	if int(e.Family) < len(genFamilyProducts) {
		return genFamilyProducts[e.Family]
	}
	return ""
}

// Hosts longer than a DNS name can be are refused before any other work.
const maxHostLen = 253

// maxLabelLen is the longest a label of a host name can be.
const maxLabelLen = 63

// maxHostPortLen bounds how far ParseEndpoint looks for the end of the host
// and port: whatever follows, a path, a query of any length, is not read
// beyond its first segment.
const maxHostPortLen = maxHostLen + len(":65535")

// ParseEndpoint finds the region and kind of an OSS endpoint given as a
// host ("oss-cn-shanghai.aliyuncs.com"), host:port, or an http, https, oss
// or rtmp (a live channel's) URL, with or without a bucket label in front. A Buckets URL without a
// bucket label takes it from the first path segment (PathStyle). It reads
// at most the scheme, 259 bytes of host and port, and 64 of the path, so a
// long presigned URL costs no more; one trailing dot is the same host.
//
// It reads every host of the table (dual-stack, S3-compatible, extra
// internal hosts, the accelerate and regionless endpoints, whose Region is
// empty), the hosts of the other families (Family), and the hosts of a
// region newer than the table (Known false) as the package documentation
// says under "Slips and regions newer than the table". On
// oss.aliyuncs.com a label in front is a bucket unless it names a region:
// a cloud ID of the table or the full shape of a newer one (ap-southeast-99);
// a known ID with a part more (cn-hangzhou-logs) stays a bucket.
//
// Every error is an *Error matching ErrInvalidEndpoint (a bad bucket label
// matches ErrInvalidBucket as well); where the host was meant for a region
// of the table (a misspelt -internal, user info in front, or up to three of
// the slips that REGIONS.md lists: oss- twice, a legacy vpc100- host,
// restic's s3: prefix, quotes, a setting's name, ...) its Suggestion
// names it.
//
// The table's hosts, in any case, and the other families' hosts in lower
// case, are read without allocating; a result that needs a string the
// input does not hold (a lower-case copy, a newer region's ID) costs one.
func ParseEndpoint(s string) (Endpoint, error) {
	var e Endpoint
	reason, meant, sentinel := parseEndpoint(&e, s)
	// A label on oss.aliyuncs.com may be a slip rather than a bucket
	// (oss-cn-hangzhou.oss.aliyuncs.com, built from Region.String()).
	if sentinel == nil && (e.Host != DefaultEndpoint || !hasSlip(e.Bucket)) {
		return e, nil
	}
	var b [maxUnmarshalInput]byte
	tries := 0
	if r, why := slipOf(b[:lowerASCII(b[:], s[:min(len(s), len(b))])], true, maxSlipDepth, &tries); r != "" {
		reason, meant, sentinel = why, r, ErrInvalidEndpoint
	}
	if sentinel == nil {
		return e, nil
	}
	err := newError("ParseEndpoint", s, sentinel, reason)
	err.Suggestion = meant
	return Endpoint{}, err
}

// endpointOf returns the region of s, a host or URL with a slip mended at
// i (-1: before it), where n bytes now stand: the region where parseEndpoint reads s as an
// endpoint of the table and the mend is not in its bucket label (a bucket
// may be named oss-data), or where refusal says s names it exactly.
func endpointOf(s []byte, i, n int) Region {
	var e Endpoint
	reason, meant, err := parseEndpoint(&e, string(s))
	switch {
	case reason == hostLacks || reason == aliasNoHost || reason == noDualStack || reason == notDualStack:
		return meant
	case err != nil || !e.Region.Known():
		return ""
	case e.Bucket != "" && !e.PathStyle:
		// s is in lower case, as the bucket label in it.
		if b := indexOf(s, e.Bucket); i < b+len(e.Bucket) && i+n >= b {
			return ""
		}
	}
	return e.Region
}

// parseEndpoint sets e to what s is, or says why s is none: the reason, the
// region meant and the sentinel of the error. It tries the exact host, then
// the host after its first label (a bucket), then the families' forms, then
// the pattern of a region newer than the table; what matches none of these
// goes to refusal, once.
func parseEndpoint(e *Endpoint, s string) (reason string, meant Region, sentinel error) {
	in := s
	if len(in) > 0 && (isSpace(in[0]) || isSpace(in[len(in)-1])) {
		in = trimSpace(in) // rare: kept off the path of the usual input
	}
	// Host names are case-insensitive: hostOf makes a lower-case copy of
	// the host as it reads it, on the stack, to match.
	var buf [maxHostPortLen + 1]byte
	host, lower, path, badChar, reason := hostOf(in, buf[:])
	if reason != "" {
		// What follows the last @ within a host's reach names the region
		// meant, read only that far: no other @ is read again.
		if w := in[:min(len(in), maxUnmarshalInput)]; reason == userInfo {
			meant = endpointRegion(w[strings.LastIndexByte(w, '@')+1:])
		}
		return reason, meant, ErrInvalidEndpoint
	}
	start := 0
	if !tableHost(e, lower, host) {
		start = bucketHost(e, lower, host)
	}
	if start == 0 && e.Host == "" {
		if f, ok := baseDomainOf(lower); ok {
			return "the base domain of the " + f.String() + " family, not an endpoint", "", ErrInvalidEndpoint
		}
		if form, label := formOf(lower); form != nil {
			if start, reason, meant = matchForm(e, form, lower, host, label); reason != "" {
				return reason, meant, ErrInvalidEndpoint
			}
		} else if start = endpointStart(lower); !matchEndpoint(e, lower[start:], host[start:]) {
			reason, meant = refusal(lower[start:], badChar)
			return reason, meant, ErrInvalidEndpoint
		}
	}
	if start > 0 {
		front := lower[:start-1]
		// Only these fronts can be a problem; the usual bucket is not.
		if e.Host == DefaultEndpoint || len(front) == len("s3") || bytes.IndexByte(front, '.') >= 0 {
			if reason, meant = frontProblem(e, lower, front); reason != "" {
				return reason, meant, ErrInvalidEndpoint
			}
		}
		if reason = bucketProblem(host[:start-1], true); reason != "" {
			if bytes.IndexByte(front, '*') >= 0 {
				meant = e.Region // a wildcard or a masked name: the host still names its region
			}
			return reason, meant, ErrInvalidBucket
		}
		e.Bucket = lowerOf(front, host[:start-1])
	} else if bucket := pathBucket(path); bucket != "" && e.Family == Buckets {
		if reason = bucketProblem(bucket, false); reason != "" {
			return "path-style bucket: " + reason, "", ErrInvalidBucket
		}
		e.Bucket, e.PathStyle = bucket, true
	}
	return "", "", nil
}

// endpointStart returns where the endpoint begins in a host that may have a
// bucket label in front: 0, or just after that label's dot.
func endpointStart(h []byte) int {
	rest, ok := bytes.CutSuffix(h, []byte(genOSSDomain))
	last := bytes.LastIndexByte(rest, '.') // before the label in front of aliyuncs.com
	if !ok || last < 0 {
		return 0 // no endpoint: it is the whole host that matches nothing
	}
	prev := bytes.LastIndexByte(rest[:last], '.')
	if label := rest[prev+1 : last]; string(label) == "s3" || string(rest[last+1:]) == "oss" && dualStackLabel(label) {
		return prev + 1
	}
	return last + 1
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
	end := min(len(path), 1+maxLabelLen+1)
	for i := 1; i < end; i++ {
		if c := path[i]; c == '/' || c == '?' || c == '#' {
			return path[1:i]
		}
	}
	return path[1:end]
}

// hostEntry is one host of the table in genHosts: the row it belongs to (nil
// for the hosts that name no region), its kind, and whether OSS serves its
// S3-compatible form s3.<host>.
type hostEntry struct {
	host string
	in   *regionInfo
	kind Kind
	s3   bool
}

// lookupHost returns the entry of a lower-case host in genHosts, or nil: a
// binary search in their order, by length and then bytes. Hosts as long as
// h are compared up to the first byte that differs, most often within
// "oss-<area>", and the search stops at the one that is h.
//
//go:noinline
func lookupHost(h []byte) *hostEntry {
	lo, hi := 0, len(genHosts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		k := genHosts[m].host
		less := len(k) < len(h)
		if len(k) == len(h) {
			i := 0
			for i < len(k) && k[i] == h[i] {
				i++
			}
			if i == len(k) {
				return &genHosts[m]
			}
			less = k[i] < h[i]
		}
		if less {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return nil
}

// set sets e to the endpoint of the entry.
func (h *hostEntry) set(e *Endpoint) {
	e.Kind, e.Host = h.kind, h.host
	if h.in != nil {
		e.Region = h.in.id
	}
}

// tableHost sets e if the lower-case host h, as written host, is a host of
// the table or the S3-compatible form of one.
func tableHost(e *Endpoint, h []byte, host string) bool {
	if in := lookupHost(h); in != nil {
		in.set(e)
		return true
	}
	rest, ok := cutS3(h)
	in := (*hostEntry)(nil)
	if ok {
		in = lookupHost(rest)
	}
	if in == nil || !in.s3 {
		return false
	}
	in.set(e)
	e.S3Compatible = true
	switch {
	case in.in == nil:
		e.Host = s3GlobalAccelerate
	case in.host == in.in.public():
		e.Host = in.in.s3Public
	case in.host == in.in.internal():
		e.Host = in.in.s3Internal
	default:
		e.Host = lowerOf(h, host)
	}
	return true
}

const s3GlobalAccelerate = "s3." + GlobalAccelerateEndpoint

// bucketHost sets e when the host after the first label of the lower-case
// host h (as written: host) is one of the table and that label is a bucket,
// and returns where that host begins, or 0.
func bucketHost(e *Endpoint, h []byte, host string) int {
	dot := bytes.IndexByte(h, '.')
	if dot <= 0 {
		return 0
	}
	if !tableHost(e, h[dot+1:], host[dot+1:]) {
		return 0
	}
	if e.Host == DefaultEndpoint && dualStackLabel(h[:dot]) {
		*e = Endpoint{}
		return 0
	}
	return dot + 1
}

// matchEndpoint sets e to the endpoint that lower, a host without bucket
// label in lower case (as written: host), is: a host of the table, or one of
// a region newer than the table, also in its S3-compatible form.
func matchEndpoint(e *Endpoint, lower []byte, host string) bool {
	if tableHost(e, lower, host) {
		return true
	}
	rest, s3 := cutS3(lower)
	if !newerRegion(e, rest, host[len(lower)-len(rest):]) {
		return false
	}
	if s3 {
		if e.Kind == DualStack {
			*e = Endpoint{}
			return false
		}
		e.Host, e.S3Compatible = lowerOf(lower, host), true
	}
	return true
}

// hostOf returns the host name of a host, host:port or URL, as written and
// in lower case (in buf, of at least maxHostPortLen+1 bytes), whether it
// holds a character that no host name may (badChar), and what follows host
// and port (path, query, fragment), or why there is no host.
func hostOf(s string, buf []byte) (host string, lower []byte, path string, badChar bool, reason string) {
	rest, reason := cutScheme(s)
	if reason != "" {
		return "", nil, "", false, reason
	}
	host, port, badChar, reason := splitHostPort(rest, buf)
	if reason == "" && len(rest) != len(s) && equalFoldASCII(s[:len("oss")], "oss") && strings.IndexByte(host, '.') < 0 {
		reason = "oss://bucket/key names no region"
	}
	path = rest[len(host)+len(port):]
	if reason == "" && port != "" {
		reason = portProblem(port[1:])
	}
	// An absolute name (net.LookupCNAME returns them) is the same host:
	// one trailing dot is read, and left out of Host.
	if len(host) > 1 && host[len(host)-1] == '.' {
		host = host[:len(host)-1]
	}
	if reason == "" {
		reason = labelsProblem(host)
	}
	if reason != "" {
		return "", nil, "", false, reason
	}
	return host, buf[:len(host)], path, badChar, ""
}

// cutScheme removes a scheme of genSchemes (http, https, oss for OSS's own
// URIs, ...), in any case, and refuses any other, one without "//" (before
// a path or anything but a port), and one written twice (https://https://host).
func cutScheme(s string) (rest, reason string) {
	colon := strings.IndexByte(s[:min(len(s), maxHostPortLen+1)], ':')
	if colon < 0 {
		return s, ""
	}
	scheme, rest, slashes := s[:colon], s[colon+1:], strings.HasPrefix(s[colon:], "://")
	known := false
	for _, w := range genSchemes {
		known = known || equalFoldASCII(scheme, w)
	}
	switch {
	case slashes && !known:
		return "", "scheme " + quote(scheme) + ": " + wantOneOf(genSchemes[:])
	case !slashes && known && rest != "" && !isDigit(rest[0]):
		return "", "scheme " + quote(scheme) + " must be followed by \"://\""
	case !slashes:
		return s, ""
	}
	rest = rest[len("//"):]
	if r, why := cutScheme(rest); why == "" && len(r) < len(rest) {
		return "", "the scheme is written twice"
	}
	return rest, ""
}

// splitHostPort reads the host and the port (with its colon, or "") that
// come before any path, query or fragment, and reports whether the host
// holds anything but the letters, digits, hyphens and dots of a host name
// (ParseEndpoint then says whether that is in a bucket label or in the
// endpoint).
func splitHostPort(s string, lower []byte) (host, port string, badChar bool, reason string) {
	end, colon := -1, -1
	n := min(len(s), maxHostPortLen+1)
	lower = lower[:n] // no bounds check per byte
scan:
	for i := range lower {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == ':' && colon < 0:
			colon = i
		case c == ':' && ipv6Literal(s[:min(len(s), n)]):
			// A second colon: an IPv6 address written without brackets.
			return "", "", false, "an IP address is not an OSS endpoint"
		case c == '/', c == '?', c == '#':
			end = i
			break scan
		case c == '@':
			return "", "", false, userInfo
		case c == '[' && i == 0:
			return "", "", false, "an IP address is not an OSS endpoint"
		default:
			badChar = badChar || colon < 0 // in the port, portProblem says it
		}
		lower[i] = c
	}
	if end < 0 {
		if len(s) > maxHostPortLen {
			return "", "", false, "host too long"
		}
		end = len(s)
	}
	host = s[:end]
	if colon >= 0 {
		host, port = s[:colon], s[colon:end]
	}
	return host, port, badChar, ""
}

const userInfo = "user info is not allowed"

// ipv6Literal reports whether s, up to any path, query or fragment, is an
// IPv6 address (with or without a zone) written without brackets.
func ipv6Literal(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '/' || c == '?' || c == '#' {
			s = s[:i]
			break
		}
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6()
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

// labelsProblem says why a host of allowed characters cannot be an OSS host
// name, or "".
func labelsProblem(host string) string {
	switch {
	case host == "":
		return "no host"
	case len(host) > maxHostLen:
		return "host too long"
	case host[len(host)-1] == '.':
		return "host ends in more than one dot"
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

// newerRegion sets e for a host of a region newer than the table, in lower
// case and as written (host): oss-<id>[-internal].aliyuncs.com with an ID
// that the rule for doubt calls a newer region, or <id>.oss.aliyuncs.com
// with such an ID that ends in a number.
func newerRegion(e *Endpoint, lower []byte, host string) bool {
	if id, ok := genDualStackID(lower); ok {
		if lookupCloudID(id) != nil || !newRegionShaped(id) || !doubt(id).newer() {
			return false
		}
		e.Kind, e.Host = DualStack, lowerOf(lower, host)
		e.Region = Region("oss-" + e.Host[:len(id)])
		return true
	}
	id, internal, ok := genRegionHostID(lower)
	if !ok || lookupCloudID(id) != nil || len(lower)-len(genOSSDomain) > maxLabelLen ||
		isFamilyHost(lower) || !doubt(id).newer() { // oss-cache-<zone>.aliyuncs.com is a family's host
		return false
	}
	e.Kind, e.Host = Public, lowerOf(lower, host)
	if internal {
		e.Kind = Internal
	}
	e.Region = Region(e.Host[:len("oss-")+len(id)])
	return true
}

// dualStackLabel reports whether the label in front of oss.aliyuncs.com
// names a region rather than a bucket on the legacy default endpoint: it is
// the cloud region ID of a region of the table, or it is shaped like the ID
// of a region newer than the table (newRegionShaped).
func dualStackLabel(label []byte) bool {
	return lookupCloudID(label) != nil || newRegionShaped(label)
}

// newRegionShaped reports whether id has the full shape of a region ID that
// the table may not have yet: area-name-...-number, a cloud region ID of at
// least three parts whose first is an area of the table (cn, ap, ...:
// genIsArea), whose second begins with a letter and whose last is a number,
// as in ap-southeast-99.
func newRegionShaped(id []byte) bool {
	if !genIsCloudID(id) {
		return false
	}
	first, last := bytes.IndexByte(id, '-'), bytes.LastIndexByte(id, '-')
	return first < last && genIsArea(id[:first]) && 'a' <= id[first+1] && id[first+1] <= 'z' && allDigits(string(id[last+1:]))
}

// regionlessID reports whether id is the label of RegionlessEndpoint without
// oss- (rg-china-mainland): it names no region, and the table lists no other
// host for it.
func regionlessID(id []byte) bool {
	label, _ := strings.CutSuffix(RegionlessEndpoint, genOSSDomain)
	return len(label) > len("oss-") && string(id) == label[len("oss-"):]
}

// lookupCloudID returns the row of a lower-case cloud region ID, or nil.
//
//go:noinline
func lookupCloudID(id []byte) *regionInfo {
	if len(id) > genMaxCloudIDLen {
		return nil
	}
	return genLookupCloudID(string(id))
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
// or digit.
func bucketProblem(b string, inHost bool) string {
	stars, other := 0, false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', inHost && 'A' <= c && c <= 'Z':
		case c == '*':
			stars++
		default:
			other = true
		}
	}
	switch {
	case stars > 0 && stars == len(b):
		return "* is a wildcard, not a bucket"
	case stars > 0:
		return "a masked name (*), not a bucket"
	case len(b) < 3 || len(b) > 63:
		return "must be 3 to 63 characters long"
	case other:
		return "only lower-case letters, digits and hyphens"
	case b[0] == '-' || b[len(b)-1] == '-':
		return "must start and end with a letter or digit"
	}
	return ""
}

// URL returns the https URL of the region's endpoint of kind k, with the
// bucket as its first label ("https://bucket.oss-cn-hangzhou.aliyuncs.com").
// An empty bucket gives the endpoint's own URL. An unknown region
// (ErrUnknownRegion), a kind the region lacks (ErrNoEndpoint) or a bucket
// name that breaks the OSS naming rules (ErrInvalidBucket) is an *Error, and
// so is a Kind that is not one of the declared kinds (ErrInvalidKind).
func (r Region) URL(k Kind, bucket string) (string, error) {
	host, ok := r.Endpoint(k)
	switch {
	case !r.Known():
		return "", newError("Region.URL", string(r), ErrUnknownRegion, "")
	case !k.Valid():
		return "", newError("Region.URL", k.String(), ErrInvalidKind, "")
	case !ok && (k == Accelerate || k == AccelerateOverseas) && lookupInfo(r).accelUnstated:
		return "", newError("Region.URL", string(r), ErrNoEndpoint, "no source says whether the region has transfer acceleration (Region.Acceleration)")
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
