package regions

import (
	"errors"
	"strings"
)

// Endpoint is what ParseEndpoint found in a host or URL.
type Endpoint struct {
	// Region is the endpoint's region. It is empty for the accelerate
	// endpoints, which serve every region; it may be a region that is not in
	// the table (Known reports false) for a well-formed regional host.
	Region Region
	// Kind is the kind of endpoint. A host that is both the internal and the
	// VPC endpoint of its region, as most are, is reported as Internal.
	Kind Kind
	// Bucket is the bucket label in front of the endpoint, or "".
	Bucket string
	// Host is the endpoint host, lower-case, without bucket and port.
	Host string
}

// ErrInvalidEndpoint is wrapped by every error of ParseEndpoint.
var ErrInvalidEndpoint = errors.New("not an OSS endpoint")

// ErrInvalidBucket is wrapped by the errors for bad bucket names.
var ErrInvalidBucket = errors.New("invalid bucket name")

// Hosts longer than a DNS name can be are rejected before any other work.
const maxHostLen = 253

const ossDomain = ".aliyuncs.com"

// ParseEndpoint finds the region and kind of an OSS endpoint given as a host
// ("oss-cn-shanghai.aliyuncs.com"), host:port, or an http or https URL, with
// or without a bucket label in front ("bucket.oss-cn-shanghai.aliyuncs.com").
//
// The default endpoints map to DefaultRegion; the accelerate endpoints have
// Kind Accelerate or AccelerateOverseas and no region. A well-formed host
// oss-<id>.aliyuncs.com or oss-<id>-internal.aliyuncs.com whose region is
// not in the table yet is accepted with that region (Known reports false).
// Anything else, such as user info, an IP address, or a host that only ends
// like an endpoint, is an error wrapping ErrInvalidEndpoint.
func ParseEndpoint(s string) (Endpoint, error) {
	host, err := hostOf(s)
	if err != nil {
		return Endpoint{}, endpointError(s, err.Error())
	}
	if e, ok := matchHost(host); ok {
		return e, nil
	}
	if dot := strings.IndexByte(host, '.'); dot >= 0 {
		label, rest := host[:dot], host[dot+1:]
		if e, ok := matchHost(rest); ok {
			if err := checkBucket(label); err != nil {
				return Endpoint{}, endpointError(s, err.Error())
			}
			e.Bucket = label
			return e, nil
		}
	}
	if r, ok := patternRegion(host); ok && r.Known() {
		return Endpoint{}, endpointError(s, host+" is not an endpoint of region "+string(r)+"; its public endpoint is "+r.PublicEndpoint())
	}
	return Endpoint{}, endpointError(s, "host "+quote(host)+" is not an OSS endpoint")
}

func endpointError(s, why string) error {
	return &wrapped{"regions: " + ErrInvalidEndpoint.Error() + ": " + quote(s) + ": " + why, ErrInvalidEndpoint}
}

// hostOf returns the lower-case host of a host, host:port or URL. It reads
// the input once, left to right, and allocates only to lower-case a host
// that has upper-case letters.
func hostOf(s string) (string, error) {
	if len(s) > 2048 {
		return "", errors.New("input too long")
	}
	switch {
	case len(s) >= len("https://") && equalFoldASCII(s[:len("https://")], "https://"):
		s = s[len("https://"):]
	case len(s) >= len("http://") && equalFoldASCII(s[:len("http://")], "http://"):
		s = s[len("http://"):]
	default:
		if i := strings.Index(s, "://"); i >= 0 {
			return "", errors.New("scheme " + quote(s[:i]) + " is not http or https")
		}
	}
	end, colon, colons, bad, lower := len(s), -1, 0, false, true
scan:
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.':
		case 'A' <= c && c <= 'Z':
			lower = false
		case c == ':':
			colon = i
			colons++
		case c == '/', c == '?', c == '#':
			end = i
			break scan
		case c == '@':
			return "", errors.New("user info is not allowed")
		case c == '[' && i == 0:
			return "", errors.New("an IP address is not an OSS endpoint")
		default:
			bad = true
		}
	}
	s = s[:end]
	if colon >= 0 {
		if err := checkPort(s[colon+1:]); err != nil {
			return "", err
		}
		s = s[:colon]
	}
	switch {
	case bad || colons > 1:
		return "", errors.New("host " + quote(s) + " has a character that is not allowed in an OSS host name")
	case s == "":
		return "", errors.New("no host")
	case len(s) > maxHostLen:
		return "", errors.New("host too long")
	case s[len(s)-1] == '.':
		return "", errors.New("host ends in a dot")
	case numericLabel(s[strings.LastIndexByte(s, '.')+1:]):
		// A host name's last label is never all digits; an IPv4 address's
		// is. IPv6 literals were refused above, by bracket or colon.
		return "", errors.New("an IP address is not an OSS endpoint")
	}
	if !lower {
		s = strings.ToLower(s)
	}
	return s, nil
}

func numericLabel(l string) bool {
	for i := 0; i < len(l); i++ {
		if l[i] < '0' || l[i] > '9' {
			return false
		}
	}
	return true
}

func checkPort(p string) error {
	if p == "" || len(p) > 5 {
		return errors.New("port " + quote(p) + " is not a number from 1 to 65535")
	}
	n := 0
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return errors.New("port " + quote(p) + " is not a number from 1 to 65535")
		}
		n = n*10 + int(p[i]-'0')
	}
	if n < 1 || n > 65535 {
		return errors.New("port " + quote(p) + " is not a number from 1 to 65535")
	}
	return nil
}

// matchHost reports the region and kind of a host without a bucket label.
func matchHost(host string) (Endpoint, bool) {
	r, k := lookupSpecialHost(host)
	if k == 0 {
		r, k = patternHost(host)
	}
	return Endpoint{Region: r, Kind: k, Host: host}, k != 0
}

// patternHost maps a host of the usual form to its region and kind. A
// region newer than the table is taken on trust; a known region's host must
// be one of its endpoints.
func patternHost(host string) (Region, Kind) {
	r, ok := patternRegion(host)
	if !ok {
		return "", 0
	}
	in := lookupInfo(r)
	switch {
	case in == nil && strings.HasSuffix(host, "-internal"+ossDomain):
		return r, Internal
	case in == nil:
		return r, Public
	case host == in.public:
		return r, Public
	case host == in.internal:
		return r, Internal
	case host == in.vpc:
		return r, VPC
	}
	return "", 0 // a known region whose endpoints are irregular
}

// patternRegion reads the region ID out of a host of the usual form
// oss-<id>.aliyuncs.com or oss-<id>-internal.aliyuncs.com, where <id> has at
// least two hyphen-separated parts, the first of letters ("cn-hangzhou").
// The Region is a substring of host.
func patternRegion(host string) (Region, bool) {
	if !strings.HasPrefix(host, "oss-") || !strings.HasSuffix(host, ossDomain) {
		return "", false
	}
	id := strings.TrimSuffix(host[:len(host)-len(ossDomain)], "-internal")
	cloud := id[len("oss-"):]
	dash := strings.IndexByte(cloud, '-')
	if dash < 0 {
		return "", false
	}
	first := cloud[:dash]
	if first == "" || first == "accelerate" {
		return "", false
	}
	for i := 0; i < len(first); i++ {
		if first[i] < 'a' || first[i] > 'z' {
			return "", false
		}
	}
	prev := byte('-')
	for i := len(first) + 1; i < len(cloud); i++ {
		c := cloud[i]
		if c == '-' && prev == '-' || !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return "", false
		}
		prev = c
	}
	if prev == '-' {
		return "", false
	}
	return Region(id), true
}

// checkBucket applies the OSS bucket naming rules: 3 to 63 characters of
// lower-case letters, digits and hyphens, starting and ending with a letter
// or digit.
func checkBucket(b string) error {
	if len(b) < 3 || len(b) > 63 {
		return bucketError(b, "must be 3 to 63 characters long")
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return bucketError(b, "only lower-case letters, digits and hyphens are allowed")
		}
	}
	if b[0] == '-' || b[len(b)-1] == '-' {
		return bucketError(b, "must start and end with a letter or digit")
	}
	return nil
}

func bucketError(b, why string) error {
	return &wrapped{ErrInvalidBucket.Error() + " " + quote(b) + ": " + why, ErrInvalidBucket}
}

// URL returns the https URL of the region's endpoint of kind k, with the
// bucket as its first label ("https://bucket.oss-cn-hangzhou.aliyuncs.com").
// An empty bucket gives the endpoint's own URL. A bucket name that breaks
// the OSS naming rules, an unknown region, or a kind the region lacks is an
// error.
func (r Region) URL(k Kind, bucket string) (string, error) {
	host, ok := r.Endpoint(k)
	if !ok {
		if !r.Known() {
			return "", &wrapped{"regions: " + ErrUnknownRegion.Error() + " " + quote(string(r)), ErrUnknownRegion}
		}
		return "", errors.New("regions: region " + string(r) + " has no " + k.String() + " endpoint")
	}
	if bucket == "" {
		return "https://" + host, nil
	}
	if err := checkBucket(bucket); err != nil {
		return "", &wrapped{"regions: " + err.Error(), ErrInvalidBucket}
	}
	return "https://" + bucket + "." + host, nil
}
