package regions

import (
	"bytes"
	"strings"
)

// verdict is what the rule for doubt (the package doc, "Slips and regions
// newer than the table") says of a cloud ID that no row has.
type verdict struct {
	slip     bool        // a slip of the keyboard: an error, not a region
	meant    *regionInfo // the region the slip was meant for, or nil
	internal bool        // the slip is a misplaced or misspelt -internal
	byPart   bool        // the slip is a known ID with parts more or fewer
	other    string      // the name of an Alibaba Cloud region OSS does not list
}

// doubt applies the rule for doubt to a lower-case cloud ID without oss-
// that no row has. It is the package's one definition of "close": one
// edit, or whole parts more or fewer.
func doubt(id []byte) verdict {
	if name := otherRegion(id); name != "" {
		return verdict{other: name}
	}
	if in := lookupAlias(id); in != nil {
		return verdict{slip: true, meant: in} // an alias, which names no host
	}
	if in := lookupName(id); in != nil {
		return verdict{slip: true, meant: in} // a known ID without its area, or a name
	}
	if rest, ok := cutInternal(id); ok {
		in := lookupCloudID(rest)
		if in == nil {
			in = lookupAlias(rest)
		}
		return verdict{slip: true, meant: in, internal: true}
	}
	dash := bytes.IndexByte(id, '-')
	knownArea := dash > 0 && genIsArea(id[:dash])
	name, num := splitNumber(id)
	var near, part *regionInfo
	nearSlip := false
	for i := 0; i < len(genAllRegions)+len(genAliases); i++ {
		known, in := candidate(i)
		kname, knum := splitNumber(known)
		pos, edit := editAt(id, known)
		switch {
		case len(num) > 0 && len(knum) > 0 && string(name) == kname && string(num) != knum,
			edit == 's' && isDigit(id[pos]) && isDigit(known[pos]):
			return verdict{} // a known name with a new number: a newer region
		case edit != 0 && (knownArea && pos > dash || !knownArea && edit != 's' && pos <= strings.IndexByte(known, '-')):
			nearSlip, near = true, better(near, in)
		case knownArea && string(num) != knum && afterArea(editAt(name, kname)) > dash:
			nearSlip = true // a slip of a name whose number is unknown: ap-southest-9
		case knownArea && hasPartPrefix(id, known) && !namesCloud(id[len(known)+1:]):
			if part == nil || len(known) > len(part.id)-len("oss-") {
				part = in // the longest ID it extends
			}
		case knownArea && hasPartPrefix(known, string(id)) && !namesCloud([]byte(known[len(id)+1:])):
			part = better(part, in)
		}
	}
	switch {
	case nearSlip:
		return verdict{slip: true, meant: near}
	case part != nil:
		return verdict{slip: true, meant: part, byPart: true}
	}
	return verdict{}
}

// better returns the region to suggest of two slips' regions: in service
// before closed, Active before Decommissioning, else the first.
func better(a, b *regionInfo) *regionInfo {
	if a == nil || b.status < a.status {
		return b
	}
	return a
}

// candidate returns the i-th known name: the cloud IDs of the table, then
// its aliases without oss-.
func candidate(i int) (string, *regionInfo) {
	if i < len(genAllRegions) {
		r := genAllRegions[i]
		return string(r)[len("oss-"):], lookupInfo(r)
	}
	a := &genAliases[i-len(genAllRegions)]
	if len(a.alias) > len("oss-") && a.alias[:len("oss-")] == "oss-" {
		return a.alias[len("oss-"):], a.in
	}
	return a.alias, a.in
}

// editAt returns where a and b differ by exactly one edit and which: 'i'
// (a has a byte more), 'd' (a byte less), 's' (a byte changed), 'w' (two
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

// afterArea returns the position of an edit, or -1 where there is none.
func afterArea(pos int, edit byte) int {
	if edit == 0 {
		return -1
	}
	return pos
}

// oneEditBytes reports whether a and b are one edit apart.
func oneEditBytes(a []byte, b string) bool {
	_, e := editAt(a, b)
	return e != 0
}

// namesCloud reports whether parts name a cloud other than the public one
// ("finance", "gov"): parts more or fewer of that kind change the cloud.
func namesCloud(parts []byte) bool {
	for len(parts) > 0 {
		p := parts
		if i := bytes.IndexByte(parts, '-'); i >= 0 {
			p, parts = parts[:i], parts[i+1:]
		} else {
			parts = nil
		}
		for _, c := range genCloudNames[2:] {
			if len(p) >= 3 && len(p) <= len(c) && c[:len(p)] == string(p) {
				return true
			}
		}
	}
	return false
}

// cutInternal returns id without a part that is "internal" or one edit
// from it, where the rest is a known cloud ID or the part is last:
// us-west-internal-1, cn-hangzhou-interal.
func cutInternal(id []byte) ([]byte, bool) {
	for start := 0; start < len(id); {
		end := bytes.IndexByte(id[start:], '-')
		if end < 0 {
			end = len(id)
		} else {
			end += start
		}
		if p := id[start:end]; start > 0 && (string(p) == "internal" || oneEditBytes(p, "internal")) {
			rest := append(append([]byte(nil), id[:start-1]...), id[min(end, len(id)):]...)
			if lookupCloudID(rest) != nil || lookupAlias(rest) != nil || end == len(id) {
				return rest, true
			}
		}
		start = end + 1
	}
	return nil, false
}

// hasPartPrefix reports whether s is p followed by one or more parts.
func hasPartPrefix[T string | []byte](s T, p string) bool {
	return len(s) > len(p)+1 && s[len(p)] == '-' && string(s[:len(p)]) == p
}

// splitNumber splits a cloud region ID into what comes before its number
// and its number, the last part if that is all digits
// ("ap-southeast", "1"; "cn-hangzhou", "").
func splitNumber[T string | []byte](id T) (T, T) {
	dash := -1
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '-' {
			dash = i
			break
		}
	}
	if dash < 0 || dash == len(id)-1 || !allDigits(string(id[dash+1:])) {
		return id, id[len(id):]
	}
	return id[:dash], id[dash+1:]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
