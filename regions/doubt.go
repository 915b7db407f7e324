package regions

import (
	"bytes"
	"strings"
)

// verdict is what the rule for doubt (the package doc, "Slips and regions
// newer than the table") says of a cloud ID that no row has. A note says
// more: 'i', the slip is a misplaced or misspelt -internal; 'z', its part
// more is one letter, a zone (cn-beijing-h); 'a', the ID is an alias; 'o',
// the ID is an Alibaba Cloud region that OSS does not list, and why is
// that region's name; 'r', the ID is the regionless endpoint's.
type verdict struct {
	slip   bool        // a slip of the keyboard: an error, not a region
	byPart bool        // the slip is a known ID with parts more or fewer
	note   byte        // 'i', 'z', 'a', 'o', 'r' or 0
	meant  *regionInfo // the region the slip was meant for, or nil
	why    string      // why an ID that is no slip is no region either, or the table's slip it is
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
		return verdict{note: 'r', why: "no such regionless host"}
	case otherRegion(id) != "":
		return verdict{note: 'o', why: otherRegion(id)}
	}
	dash := bytes.IndexByte(id, '-')
	area, from := dash > 0 && genIsArea(id[:dash]), 0 // from: where a slip may begin
	if area {
		from = dash + 1
	}
	if in := lookupAlias(id); in != nil {
		return verdict{slip: true, meant: in, note: 'a'}
	}
	if !area { // a known ID without its area, or a name; no key has an area
		if in := lookupName(id); in != nil {
			return verdict{slip: true, meant: in}
		}
	}
	if rest, ok := cutInternal(id); ok {
		in := lookupCloudID(rest)
		if in == nil {
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
	if nearSlip {
		return verdict{slip: true, meant: near}
	}
	tries := 0
	if r, why := slipOf(id, false, maxSlipDepth, &tries); r != "" {
		return verdict{slip: true, meant: lookupInfo(r), why: why} // cn-cn-hangzhou
	}
	switch {
	case part != nil:
		v := verdict{slip: true, meant: part, byPart: true}
		if len(id) == len(part.id)-len("oss-")+2 && id[len(id)-1] > '9' { // cn-beijing-h, not cn-beijing-1
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
				if n := min(len(p), len(c)); n >= 3 && c[:n] == string(p[:n]) { // fin, finance1
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
	case v.note == 'r' && p == 1:
		return noOneRegion, r // Parse("rg-china-mainland"), as Parse("oss-rg-china-mainland")
	case v.why != "":
		return v.why, r
	case v.note == 'i':
		return [2]string{"a misplaced or misspelt -internal", endpointGiven}[p], r
	case v.note == 'a' && p == 0:
		return aliasNoHost, r
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

// refusal says why ep, a host (or the part of one that endpointStart took
// for the endpoint) in lower case that matched nothing, is no endpoint,
// and the region meant where the rule for doubt tells.
func refusal(ep []byte, badChar bool) (string, Region) {
	if badChar {
		return "a character no host name has", ""
	}
	if rest, ok := cutS3(ep); ok {
		if id, _, ok := genRegionHostID(rest); ok && genIsCloudID(id) {
			ep = rest // s3.<a misspelt or unknown regional host>: say what is wrong with it
		}
	}
	if id, ok := genDualStackID(ep); ok {
		if in := lookupCloudID(id); in != nil && in.dualStack == "" {
			return noDualStack, in.id
		} else if in != nil {
			return notDualStack, in.id
		}
		if v := doubt(id); v.slip {
			return doubtReason(v, 0)
		}
	}
	if id, _, ok := genRegionHostID(ep); ok {
		if in := lookupCloudID(id); in != nil {
			return hostLacks, in.id // a finance region's pattern host
		} else if v := doubt(id); !v.newer() {
			return doubtReason(v, 0)
		}
	}
	_, s3 := cutS3(ep)
	if bytes.IndexByte(ep, '.') > maxLabelLen {
		return "a label over 63 characters", ""
	} else if s3 {
		return s3RegionalOnly, ""
	}
	return "", ""
}

const s3RegionalOnly = "s3. serves regional hosts only"

// The reasons of refusal that name the region meant exactly: the host has
// the form of one of its hosts, or is an alias, but is none of its hosts.
const (
	hostLacks    = "a host the table lacks"
	aliasNoHost  = "an alias, which names no host"
	noDualStack  = "no dual-stack host in the table"
	notDualStack = "not the dual-stack host"
)

// slipOf tries the table's slips (genSlips) on s, a host or URL that
// ParseEndpoint refused (host) or an ID that Parse did: where replacing
// one occurrence of what a slip writes with what it means gives one that
// endpointOf or idOf reads as a region of the table, it returns that region
// and the slip's reason. Up to depth slips more are tried on each mend,
// within a budget of maxSlipTries mends in all (tries). A written form that begins with * stands for a setting's
// name before the rest (*=), at the start of the input only (depth
// maxSlipDepth): see settingName.
func slipOf(s []byte, host bool, depth int, tries *int) (Region, string) {
	s = s[:min(len(s), maxUnmarshalInput)] // a host and port behind a scheme
	var buf [maxUnmarshalInput + 2*maxSlipLen]byte
	for _, sl := range genSlips {
		w, star := sl.written, sl.written[0] == '*'
		if star {
			w = w[1:]
		}
		for i := 0; *tries < maxSlipTries; i++ {
			j := indexOf(s[i:], w)
			if j < 0 || star && (depth < maxSlipDepth || !settingName(s[:i+j])) {
				break
			}
			i += j
			at := i // where the mend is; -1: the setting's name, with the rest, is gone whole
			if star {
				at = -1
			}
			fixed := append(append(append(buf[:0], s[:max(at, 0)]...), sl.meant...), s[i+len(w):]...)
			*tries++
			r := idOf(fixed)
			if host {
				r = endpointOf(fixed, at, len(sl.meant))
			}
			if r == "" && depth > 0 {
				r, _ = slipOf(fixed, host, depth-1, tries)
			}
			if r != "" {
				return r, sl.reason // of the first slip of several
			}
		}
	}
	return "", ""
}

// settingName reports whether s, in lower case, can be a setting's name,
// as a * of a slip stands for: letters, digits, _ . - $ and spaces, no
// scheme, path, query or other setting (no : / ? & =).
func settingName(s []byte) bool {
	for _, c := range s {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-' || c == '$' || c == ' ') {
			return false
		}
	}
	return len(s) > 0
}

// maxSlipTries bounds the mends that slipOf tries for one input; maxSlipLen
// is the longest form that the table's checks let a slip write or mean (a
// longer one would only cost an allocation).
const maxSlipTries, maxSlipLen = 48, 32

// maxSlipDepth is how many slips slipOf mends on one input, less one.
const maxSlipDepth = 2

// hasSlip reports whether s holds what a slip of genSlips writes.
func hasSlip(s string) bool {
	for _, sl := range genSlips {
		for i := 0; i+len(sl.written) <= len(s); i++ {
			if s[i:i+len(sl.written)] == sl.written {
				return true
			}
		}
	}
	return false
}

// indexOf returns where sub first stands in s, or -1: a plain search, as
// s is at most a host and sub a few bytes.
func indexOf(s []byte, sub string) int {
	for i := 0; sub != "" && i < len(s); i++ {
		j := bytes.IndexByte(s[i:], sub[0])
		if j < 0 || len(s)-i-j < len(sub) {
			break
		}
		if i += j; string(s[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}

// frontProblem says why what is in front of the endpoint e, lower case,
// is not a bucket label, and the region meant where it can tell, or "".
func frontProblem(e *Endpoint, lower, front []byte) (string, Region) {
	label := front[bytes.LastIndexByte(front, '.')+1:]
	if e.Host == DefaultEndpoint {
		// A bucket on oss.aliyuncs.com by its form, but perhaps a
		// dual-stack host built from an alias, or a slip of a region's
		// label; a known ID with parts more stays a bucket
		// (cn-hangzhou-logs). ParseEndpoint tries the table's slips.
		if in := lookupAlias(label); in != nil {
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
		return refusal(lower, false) // s3.<dual-stack or default host>: the S3 form
	}
	return "", ""
}
