package grammar

// The grammar of OSS region IDs and hosts. internal/table checks the
// table with it, and the generator copies this file into package regions
// as grammar_gen.go, which reads hosts with it: one statement of each rule.
// Its names begin with gen, as everything the generator declares there.

// genOSSDomain ends every OSS endpoint host.
const genOSSDomain = ".aliyuncs.com"

// genDualStackDomain follows the cloud region ID in a dual-stack host,
// cn-hangzhou.oss.aliyuncs.com.
const genDualStackDomain = ".oss" + genOSSDomain

// genIsCloudID reports whether id has the form of a cloud region ID, such
// as cn-hangzhou: two or more hyphen-joined parts of lower-case letters and
// digits, the first of letters only and neither oss nor accelerate (whose
// oss- hosts are other endpoints), the last not internal (which would read
// as another region's internal host).
func genIsCloudID[T string | []byte](id T) bool {
	parts, start := 0, 0
	for i := 0; i <= len(id); i++ {
		if i < len(id) && id[i] != '-' {
			if c := id[i]; !('a' <= c && c <= 'z' || parts > 0 && '0' <= c && c <= '9') {
				return false
			}
			continue
		}
		part := string(id[start:i])
		if part == "" || parts == 0 && (part == "oss" || part == "accelerate") || i == len(id) && part == "internal" {
			return false
		}
		parts, start = parts+1, i+1
	}
	return parts >= 2
}

// genIsHostLabel reports whether l is a DNS label as OSS hosts write it:
// 1 to 63 lower-case letters, digits and inner hyphens.
func genIsHostLabel[T string | []byte](l T) bool {
	if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := 0; i < len(l); i++ {
		if c := l[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// genRegionHostID returns what stands for the region in a host of the
// form oss-<id>.aliyuncs.com or oss-<id>-internal.aliyuncs.com, unchecked.
func genRegionHostID[T string | []byte](h T) (id T, internal, ok bool) {
	n := len(h) - len(genOSSDomain)
	if n <= len("oss-") || string(h[:len("oss-")]) != "oss-" || string(h[n:]) != genOSSDomain {
		return id, false, false
	}
	id = h[len("oss-"):n]
	if m := len(id) - len("-internal"); m > 0 && string(id[m:]) == "-internal" {
		return id[:m], true, true
	}
	return id, false, true
}

// genDualStackID returns the one label in front of .oss.aliyuncs.com,
// where a dual-stack host has its cloud region ID, unchecked.
func genDualStackID[T string | []byte](h T) (id T, ok bool) {
	n := len(h) - len(genDualStackDomain)
	if n <= 0 || string(h[n:]) != genDualStackDomain {
		return id, false
	}
	for i := 0; i < n; i++ {
		if h[i] == '.' {
			return id, false
		}
	}
	return h[:n], true
}

// genNameKey appends to dst the form in which region names are compared:
// ASCII letters in lower case, no spaces, full-width brackets as ASCII
// ones, so that "华东1（杭州）" and "china(hangzhou)" are the names
// 华东 1（杭州） and China (Hangzhou).
func genNameKey(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			continue
		case genHasAt(s, i, "\u3000"): // the ideographic space
			i += len("\u3000") - 1
			continue
		case genHasAt(s, i, "（"):
			c, i = '(', i+len("（")-1
		case genHasAt(s, i, "）"):
			c, i = ')', i+len("）")-1
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// genHasAt reports whether s holds p at i.
func genHasAt(s []byte, i int, p string) bool {
	return len(s)-i >= len(p) && string(s[i:i+len(p)]) == p
}
