package regions

import (
	"bytes"
	"strings"
)

// verdict is what the rule for doubt (the package doc, "Slips and regions
// newer than the table") says of a cloud ID that no row has. A note says
// more: 'i', the slip is a misplaced or misspelt -internal; 'z', its part
// more is one letter, a zone (cn-beijing-h); 'o', the ID is an Alibaba
// Cloud region that OSS does not list, and why is that region's name.
type verdict struct {
	slip   bool        // a slip of the keyboard: an error, not a region
	byPart bool        // the slip is a known ID with parts more or fewer
	note   byte        // 'i', 'z', 'o' or 0
	meant  *regionInfo // the region the slip was meant for, or nil
	why    string      // why an ID that is no slip is no region either
}

// newer reports whether the verdict is a region newer than the table.
func (v verdict) newer() bool { return !v.slip && v.why == "" }

// slipName is a name of genSlipNames: a region's ID or an alias, the
// length of its oss- prefix, and that of the rest before its number.
type slipName struct {
	id         string
	skip, base uint8
}

// doubt applies the rule for doubt to a lower-case cloud ID without oss-
// that no row has.
func doubt(id []byte) verdict {
	switch {
	case placeholder(id):
		return verdict{why: "a placeholder, not a region"}
	case regionlessID(id):
		return verdict{why: "no such regionless host"}
	case otherRegion(id) != "":
		return verdict{note: 'o', why: otherRegion(id)}
	}
	dash := bytes.IndexByte(id, '-')
	area, from := dash > 0 && genIsArea(id[:dash]), 0 // from: where a slip may begin
	if area {
		from = dash + 1
	}
	in := lookupAlias(id) // an alias, which names no host
	if in == nil && !area {
		in = lookupName(id) // a known ID without its area, or a name; no key has an area
	}
	if in != nil {
		return verdict{slip: true, meant: in}
	}
	if rest, ok := cutInternal(id); ok {
		if in = lookupCloudID(rest); in == nil {
			in = lookupAlias(rest)
		}
		return verdict{slip: true, meant: in, note: 'i'}
	}
	base, num := splitNumber(id)
	var near, part *regionInfo
	nearSlip := false
	for g := range genSlipNames {
		names := genSlipNames[g]
		if area && !hasPartPrefix(names[0].id[names[0].skip:], id[:dash]) {
			continue // in a known area, only its own names are weighed
		}
		for i := range names {
			known, n := names[i].id[names[i].skip:], int(names[i].base)
			pos, edit := 0, byte(0)
			if d := len(id) - len(known); d >= -1 && d <= 1 && mayBeOneEdit(id, known, from) {
				pos, edit = editAt(id, known)
			}
			switch {
			case !area: // only a letter added, dropped or swapped in the area
				if edit != 0 && edit != 's' && pos <= strings.IndexByte(known, '-') {
					nearSlip, near = true, better(near, names[i].info())
				}
			case len(num) > 0 && n == len(base) && n < len(known) && known[:n] == string(base) && known[n:] != string(num),
				edit == 's' && isDigit(id[pos]) && isDigit(known[pos]):
				return verdict{} // a known name with a new number: a newer region
			case edit != 0:
				nearSlip, near = true, better(near, names[i].info())
			case len(base)-n <= 1 && n-len(base) <= 1 && string(num) != known[n:] && oneEdit(base, known[:n]):
				nearSlip = true // a slip of a name whose number is unknown: ap-southest-9
			case hasPartPrefix(id, known) && !namesCloud(id[len(known)+1:]):
				if part == nil || len(known) > len(part.id)-len("oss-") {
					part = names[i].info() // the longest ID it extends
				}
			case hasPartPrefix(known, id) && !namesCloud([]byte(known[len(id)+1:])):
				part = better(part, names[i].info())
			}
		}
	}
	switch {
	case nearSlip:
		return verdict{slip: true, meant: near}
	case part != nil:
		v := verdict{slip: true, meant: part, byPart: true}
		if len(id) == len(part.id)-len("oss-")+2 {
			v.note = 'z'
		}
		return v
	case !genIsCloudID(id) || len(id) > maxLabelLen:
		return verdict{why: "not a region ID"}
	case !area:
		return verdict{why: "an area the table lacks"}
	}
	return verdict{}
}

// info returns the row of the region that k names.
func (k *slipName) info() *regionInfo {
	if in := lookupInfo(Region(k.id)); in != nil {
		return in
	}
	return lookupAlias(k.id)
}

// better returns the region to suggest of two slips' regions: in service
// before closed, Active before Preview before Decommissioning, else the first.
//
//go:noinline
func better(a, b *regionInfo) *regionInfo {
	if a == nil || serviceRank(b.status) < serviceRank(a.status) {
		return b
	}
	return a
}

// editAt returns where a and b differ by exactly one edit and which: 'i' (a
// has a byte more), 'd' (a byte less), 's' (a byte changed), 'w' (two
// neighbours swapped); 0 where they are equal or further apart.
func editAt(a []byte, b string) (int, byte) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	switch len(a) - len(b) {
	case 0:
		switch {
		case i == len(a):
		case string(a[i+1:]) == b[i+1:]:
			return i, 's'
		case i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == b[i+2:]:
			return i, 'w'
		}
	case 1:
		if string(a[i+1:]) == b[i:] {
			return i, 'i'
		}
	case -1:
		if string(a[i:]) == b[i+1:] {
			return i, 'd'
		}
	}
	return 0, 0
}

// mayBeOneEdit reports false where a and b, of lengths within one and
// equal up to i, cannot be one edit apart: one edit at i or after keeps
// a[i] or the last byte where both have three bytes or more from i on.
func mayBeOneEdit(a []byte, b string, i int) bool {
	return len(a) < i+3 || len(b) < i+3 || a[i] == b[i] || a[len(a)-1] == b[len(b)-1]
}

func oneEdit(a []byte, b string) bool {
	_, e := editAt(a, b)
	return e != 0
}

// placeholder reports whether a part of id is two x's or more (cn-xxx,
// xx-xxx): a template's stand-in for a region.
func placeholder(id []byte) bool {
	first := bytes.IndexByte(id, 'x')
	if first < 0 {
		return false
	}
	x := 0 // the x's of the part so far, or -1 once it has another byte
	for i := bytes.LastIndexByte(id[:first], '-') + 1; i <= len(id); i++ {
		if i == len(id) || id[i] == '-' {
			if x >= 2 {
				return true
			}
			x = 0
		} else if x >= 0 && id[i] == 'x' {
			x++
		} else {
			x = -1
		}
	}
	return false
}

// namesCloud reports whether a part of parts begins the name of a cloud
// other than the public one ("fin", "gov"): such parts change the cloud.
//
//go:noinline
func namesCloud(parts []byte) bool {
	for start, i := 0, 0; i <= len(parts); i++ {
		if i == len(parts) || parts[i] == '-' {
			p := parts[start:i]
			for _, c := range genCloudNames[2:] {
				if len(p) >= 3 && len(p) <= len(c) && c[:len(p)] == string(p) {
					return true
				}
			}
			start = i + 1
		}
	}
	return false
}

// cutInternal returns id without a part after the first that is "internal"
// or one edit from it, where the rest is a known cloud ID or alias or the
// part is last: us-west-internal-1, cn-hangzhou-interal.
func cutInternal(id []byte) ([]byte, bool) {
	for start, end := bytes.IndexByte(id, '-')+1, 0; start > 0 && start < len(id); start = end + 1 {
		if end = start + bytes.IndexByte(id[start:], '-'); end < start {
			end = len(id)
		}
		if p := id[start:end]; len(p) >= 7 && (string(p) == "internal" || oneEdit(p, "internal")) {
			rest := append(append([]byte(nil), id[:start-1]...), id[end:]...)
			if lookupCloudID(rest) != nil || lookupAlias(rest) != nil || end == len(id) {
				return rest, true
			}
		}
	}
	return nil, false
}

// hasPartPrefix reports whether s is p followed by one or more parts.
func hasPartPrefix[S, P string | []byte](s S, p P) bool {
	return len(s) > len(p)+1 && s[len(p)] == '-' && string(s[:len(p)]) == string(p)
}

// splitNumber splits a cloud ID before the hyphen of its number, the last
// part if that is all digits: "ap-southeast", "-1"; "cn-hangzhou", "".
func splitNumber(id []byte) (base, num []byte) {
	if i := bytes.LastIndexByte(id, '-'); i >= 0 && i < len(id)-1 && allDigits(string(id[i+1:])) {
		return id[:i], id[i:]
	}
	return id, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// doubtReason says what the rule for doubt found (v), for ParseEndpoint
// (p 0) or Parse (p 1), and the region meant.
//
//go:noinline
func doubtReason(v verdict, p int) (string, Region) {
	r := regionOf(v.meant)
	switch {
	case v.note == 'o':
		return v.why + " is an Alibaba Cloud region the table does not list for OSS", r
	case v.why != "":
		return v.why, r
	case v.note == 'i':
		return [2]string{"a misplaced or misspelt -internal", endpointGiven}[p], r
	case v.note == 'z' && p == 0:
		return "a zone or cluster, not a region", r
	case v.meant != nil && v.meant.status == Decommissioned:
		return [2]string{"a slip of a decommissioned region", "the region meant is decommissioned"}[p], r
	}
	return [2]string{"a slip, not a newer region", ""}[p], r
}

func regionOf(in *regionInfo) Region {
	if in != nil {
		return in.id
	}
	return ""
}

// refusal says why a host that matched nothing, in lower case, is no
// endpoint, and the region meant where the rule for doubt tells; ep is the
// part that endpointStart took for the endpoint.
func refusal(lower, ep []byte, badChar bool) (string, Region) {
	if badChar {
		return "a character that no OSS host name has", ""
	}
	if rest, ok := cutS3(ep); ok {
		if id, _, ok := genRegionHostID(rest); ok && (genIsCloudID(id) || bytes.HasPrefix(id, []byte("oss-"))) {
			ep = rest // s3.<a misspelt or unknown regional host>: say what is wrong with it
		}
	}
	if label, ok := bytes.CutSuffix(ep, []byte(genOSSDomain)); ok && bytes.HasPrefix(label, []byte("vpc100-oss-")) {
		// A legacy VPC host: OSS's documents give the internal endpoint for VPC access.
		id, _ := bytes.CutSuffix(label[len("vpc100-oss-"):], []byte("-internal"))
		return "legacy VPC endpoint", regionOf(lookupCloudID(id))
	}
	if id, ok := genDualStackID(ep); ok {
		if in := lookupCloudID(id); in != nil && in.dualStack == "" {
			return "no dual-stack host in the table", in.id
		} else if in != nil {
			return "not the dual-stack host", in.id
		}
		if v := doubt(id); v.slip {
			return doubtReason(v, 0)
		}
	}
	if id, _, ok := genRegionHostID(ep); ok {
		known, twice := bytes.CutSuffix(id, []byte("-internal"))
		if r, ok := doubledPrefix(id); ok {
			return doubledPrefixReason, r
		} else if in := lookupCloudID(known); twice && in != nil {
			return "-internal twice", in.id
		} else if in := lookupCloudID(id); in != nil {
			return "a host the table lacks", in.id // a finance region's pattern host
		} else if v := doubt(id); !v.newer() {
			return doubtReason(v, 0)
		}
	}
	_, s3 := cutS3(ep)
	if r, what := repaired(lower); r != "" {
		return what, r
	} else if bytes.IndexByte(ep, '.') > maxLabelLen {
		return "a label is longer than 63 characters", ""
	} else if s3 {
		return s3RegionalOnly, ""
	}
	return "", ""
}

const s3RegionalOnly = "s3. serves regional hosts only"

// repaired returns the region of the endpoint that the lower-case host h is
// one slip from, and the slip: a domain within two neighbouring bytes of
// aliyuncs.com (aliyun.com), or a dot for the hyphen after oss.
func repaired(h []byte) (Region, string) {
	word := genOSSDomain[1 : len(genOSSDomain)-len(".com")]
	dom, com := bytes.CutSuffix(h, []byte(".com"))
	d := dom[bytes.LastIndexByte(dom, '.')+1:]
	i, j := 0, 0 // the bytes d and word share at the start and at the end
	for i < len(d) && i < len(word) && d[i] == word[i] {
		i++
	}
	for j < len(d)-i && j < len(word)-i && d[len(d)-1-j] == word[len(word)-1-j] {
		j++
	}
	o := -1 // where the first label oss begins
	for k := 0; o < 0 && k < len(h); k++ {
		if (k == 0 || h[k-1] == '.') && bytes.HasPrefix(h[k:], []byte("oss.")) {
			o = k
		}
	}
	var fixed, what string
	switch {
	case com && string(d) != word && len(d)-i-j <= 2 && len(word)-i-j <= 2:
		fixed, what = string(dom[:len(dom)-len(d)])+genOSSDomain[1:], quote(string(d)+".com")+" for "+genOSSDomain[1:]
	case o >= 0 && string(h[o:]) != DefaultEndpoint:
		fixed, what = string(h[:o])+"oss-"+string(h[o+len("oss."):]), "a dot for the hyphen after oss"
	}
	if fixed == "" || len(fixed) > maxHostLen {
		return "", ""
	}
	if e, err := ParseEndpoint(fixed); err == nil && e.Region.Known() {
		return e.Region, what
	}
	return "", ""
}

// frontProblem says why what is in front of the endpoint e, lower case,
// is not a bucket label, and the region meant where it can tell, or "".
func frontProblem(e *Endpoint, lower, front []byte) (string, Region) {
	label := front[bytes.LastIndexByte(front, '.')+1:]
	if e.Host == DefaultEndpoint {
		// A bucket on oss.aliyuncs.com by its form, but perhaps a
		// dual-stack host built from Region.String(), an alias, or a slip
		// of a region's label; a known ID with parts more stays a bucket
		// (cn-hangzhou-logs).
		if r, ok := doubledPrefix(label); ok {
			return doubledPrefixReason, r
		} else if in := lookupAlias(label); in != nil {
			return "an alias, not a dual-stack label", in.id
		} else if dash := bytes.IndexByte(label, '-'); dash > 0 && genIsArea(label[:dash]) && genIsCloudID(label) {
			if v := doubt(label); v.slip && !v.byPart {
				return doubtReason(v, 0)
			}
		}
	}
	switch {
	case bytes.IndexByte(front, '.') >= 0:
		return "more labels than a bucket in front", ""
	case string(front) == "s3":
		return refusal(lower, lower, false) // s3.<dual-stack or default host>: the S3 form
	}
	return "", ""
}

// doubledPrefix reports an ID with the oss- prefix in front of what names a
// region, and that region where it is known: the host of an SDK given
// Region.String() ("oss-cn-hangzhou") or an alias in its oss- form where it
// wants the cloud region ID.
func doubledPrefix(id []byte) (Region, bool) {
	label, ok := bytes.CutPrefix(id, []byte("oss-"))
	if !ok {
		return "", false
	}
	in := lookupCloudID(label)
	if in == nil {
		in = lookupAlias(id)
	}
	if in == nil && !newRegionShaped(label) {
		// The label of a dual-stack host of the table that is no cloud ID
		// (cn-shanghai-finance): only errors come here, so the copy is no cost.
		h := lookupHost([]byte(string(label) + genDualStackDomain))
		if h == nil || h.kind != DualStack {
			return "", false
		}
		in = h.in
	}
	return regionOf(in), true
}

const doubledPrefixReason = "oss- twice; use CloudRegion()"
