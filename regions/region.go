package regions

import (
	"bytes"
	"net/netip"
	"strings"
)

// This file holds the logic over the generated tables in data_gen.go. It
// never names a region: everything that depends on regions.yaml is
// generated, so adding a region never touches this file. Generated names
// that are not exported begin with "gen"; hand-written ones never do.

// Region is an OSS region ID, such as "oss-cn-hangzhou". Its methods answer
// from the generated table; for a Region that is not in it (Known reports
// false) they return zero values.
type Region string

// regionInfo is one row of the table; data_gen.go holds one per region.
type regionInfo struct {
	id            Region
	name          string
	nameZh        string // the China site's name, or ""
	mainland      bool
	cloud         Cloud
	status        Status
	statusDate    string // YYYY-MM-DD the status took effect, or ""
	public        string
	internal      string
	vpc           string
	dualStack     string   // "" where the region has none
	internalExtra []string // more internal hosts, such as inside a finance network
	accelerate    bool
	accelUnstated bool   // no source says whether the region has acceleration
	s3Public      string // "s3." and public: the S3-compatible host, kept so that reading it never copies
	s3Internal    string // "s3." and internal
	vipByTicket   bool
	vip           []string // canonical CIDR prefixes, in table order
}

// aliasInfo is one alias of the table: another value that names a row,
// such as "cn-hzfinance", which tools hand out for Hangzhou Finance.
type aliasInfo struct {
	alias string
	in    *regionInfo
}

// lookupAlias returns the row of a lower-case alias, or nil. The list is
// short (the finance regions' aliases), so it is read in order.
func lookupAlias[T string | []byte](s T) *regionInfo {
	if len(s) > genMaxAliasLen {
		return nil
	}
	for i := range genAliases {
		if genAliases[i].alias == string(s) {
			return genAliases[i].in
		}
	}
	return nil
}

// maxIDInput is the longest ID or alias the table holds.
const maxIDInput = max(len("oss-")+genMaxCloudIDLen, genMaxAliasLen)

// All returns every region in table order, in a new slice, closed ones
// included: their constants remain (removing one is a major release).
// AllActive lists only the Active ones.
func All() []Region {
	out := make([]Region, len(genAllRegions))
	copy(out, genAllRegions[:])
	return out
}

// AllActive returns the regions whose Status is Active, in table order, in
// a new slice: the ones to offer a user choosing a region. Decommissioning
// regions still serve requests but are left out.
func AllActive() []Region {
	var out []Region
	for _, r := range genAllRegions {
		if r.Status() == Active {
			out = append(out, r)
		}
	}
	return out
}

// Parse returns the region for an OSS region ID ("oss-cn-hangzhou"), a
// cloud region ID ("cn-hangzhou") or an alias of the table (see
// Region.Aliases), in any case, ignoring surrounding ASCII white space
// (space, tab, newline, carriage return, vertical tab, form feed). An alias
// returns the region itself: "cn-hzfinance" is oss-cn-hangzhou-finance.
//
// An unknown ID is an *Error wrapping ErrUnknownRegion. Its Suggestion is
// the closest known region of the same area (what comes before the first
// hyphen: cn-, ap-, eu-, ...), never one of another area: cn-east-1
// suggests nothing (not us-east-1), cn-gaungzhou suggests
// oss-cn-guangzhou. Distance is edit distance in which a swap of two
// neighbouring letters is one edit, and a suggestion is at most a third of
// its cloud ID's length away (at least one edit). Where nothing of the
// area is that close, it is a known ID with a part more or less (cn-wuhan
// suggests oss-cn-wuhan-lr), or there is none. An ID with a known name and
// a new number (ap-southeast-9, us-east-2) is a region newer than the
// table and gets no suggestion. Among the close ones, the closest region
// in service is suggested, Active before Decommissioning at the same
// distance; a decommissioned one only where none in service is close, and
// the Reason says when a closer ID is a decommissioned region. Given an
// endpoint host or URL ("oss-cn-hangzhou.aliyuncs.com",
// "oss-cn-hangzhou-internal"), the Suggestion is its region and the Reason
// says that ParseEndpoint reads hosts.
//
// The error costs at most two allocations, three when its Reason names a
// closer decommissioned region, and its search is bounded whatever the
// input.
func Parse(s string) (Region, error) {
	if in := parseID(s); in != nil {
		return in.id, nil
	}
	return "", unknownRegionError("Parse", s)
}

// parseID looks up an ID in either form and any case without allocating.
// Lower case, the usual input, is looked up as it is.
func parseID(s string) *regionInfo {
	s = trimSpace(s)
	if in := genLookupCloudID(strings.TrimPrefix(s, "oss-")); in != nil {
		return in
	}
	var buf [maxIDInput]byte
	if len(s) > len(buf) {
		return nil // longer than any ID in the table
	}
	id := buf[:lowerASCII(buf[:], s)]
	cloud := id
	if len(id) >= len("oss-") && string(id[:len("oss-")]) == "oss-" {
		cloud = id[len("oss-"):]
	}
	if in := lookupCloudID(cloud); in != nil {
		return in
	}
	return lookupAlias(id)
}

// trimSpace removes leading and trailing ASCII white space.
func trimSpace[T string | []byte](s T) T {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// lowerASCII copies s into buf with ASCII letters lower-cased and returns
// the number of bytes copied; buf must be long enough.
func lowerASCII(buf []byte, s string) int {
	// Slicing buf first drops the bounds check per byte (half the loop's
	// time in a micro-benchmark).
	b := buf[:len(s)]
	for i := range b {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return len(s)
}

// lookupInfo returns the table row of r, or nil if r is not in the table.
// Every method calls it; it stays one function out of line, whatever the
// inliner's budget, rather than a copy in each of them.
//
//go:noinline
func lookupInfo(r Region) *regionInfo {
	cloud, ok := strings.CutPrefix(string(r), "oss-")
	if !ok {
		return nil
	}
	// Every row's id is "oss-" and its cloud ID, so a hit is r's own row.
	return genLookupCloudID(cloud)
}

// maxSuggestDistance is how many single-byte edits a suggestion may be
// from the input: a third of the length of the suggested cloud ID, at
// least one. Half would reach from cn-north-1 to the government cloud's
// cn-north-2-gov-1.
func maxSuggestDistance(cloudID string) int { return max(1, len(cloudID)/3) }

// unknownRegionError builds Parse's error, with its suggestion: the
// region of an endpoint given instead of an ID, or the closest region by
// edit distance (suggest).
func unknownRegionError(fn, s string) *Error {
	e := newError(fn, s, ErrUnknownRegion, "")
	// Only the start can matter: a host and port behind a scheme.
	s = trimSpace(s[:min(len(s), maxUnmarshalInput)])
	if hostLike(s) {
		e.Suggestion, e.Reason = endpointRegion(s), endpointGiven
		return e
	}
	var buf [maxIDInput + maxIDInput/3 + len("-internal") + len(ossDomain)]byte
	if len(s)+len(ossDomain) > len(buf) {
		return e
	}
	id := buf[:lowerASCII(buf[:], s)]
	if len(id) >= len("oss-") && string(id[:len("oss-")]) == "oss-" {
		// The first label of an irregular endpoint (oss-cn-szfinance):
		// the others' are oss-<id> and oss-<id>-internal.
		var ep Endpoint
		if specialHost(&ep, append(id, ossDomain...)) && ep.Region != "" {
			e.Suggestion, e.Reason = ep.Region, endpointGiven
			return e
		}
		id = id[len("oss-"):]
	}
	// An internal endpoint's name, perhaps misspelt: the rest is the ID.
	if dash := bytes.LastIndexByte(id, '-'); dash > 0 && (string(id[dash+1:]) == "internal" || misspeltInternal(id)) {
		id, e.Reason = id[:dash], endpointGiven
		if in := lookupCloudID(id); in != nil {
			e.Suggestion = in.id
			return e
		}
	}
	var closer Region
	e.Suggestion, closer = suggest(id)
	if closer != "" {
		e.Reason = "the closer " + string(closer) + " is decommissioned"
	}
	return e
}

const endpointGiven = "an endpoint, not a region ID (ParseEndpoint reads hosts and URLs)"

// endpointRegion returns the known region that a host or URL given to
// Parse names, or the closest one to the region it names, or "".
func endpointRegion(s string) Region {
	if in := parseID(firstLabel(s)); in != nil {
		return in.id // the usual forms, without ParseEndpoint's costs
	}
	ep, err := ParseEndpoint(s)
	switch {
	case err != nil:
		return err.(*Error).Suggestion
	case ep.Region == "" || ep.Region.Known():
		return ep.Region
	}
	// suggest searches nothing longer than the buffer; a copy on the stack
	// keeps the runtime's string-to-slice conversion out of the binary.
	var buf [maxIDInput + maxIDInput/3]byte
	id := ep.Region.CloudRegion()
	if len(id) > len(buf) {
		return ""
	}
	r, _ := suggest(buf[:copy(buf[:], id)])
	return r
}

// hostLike reports whether s reads as a host or URL rather than an ID.
func hostLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == ':' || c == '/' {
			return true
		}
	}
	return false
}

// firstLabel returns the first label of the host in s, after any scheme,
// without an -internal suffix in any case: "oss-cn-hangzhou" of
// "https://OSS-CN-HANGZHOU-INTERNAL.aliyuncs.com/".
func firstLabel(s string) string {
	rest, _ := cutScheme(s)
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c == '.' || c == ':' || c == '/' {
			rest = rest[:i]
			break
		}
	}
	if n := len(rest) - len("-internal"); n > 0 && equalFoldASCII(rest[n:], "-internal") {
		rest = rest[:n]
	}
	return rest
}

// suggest returns the region whose cloud ID or alias is closest to id by
// edit distance (withinDistance), among those of id's area that are at
// most maxSuggestDistance away and do not differ from id in their number
// alone (ap-southeast-9 is a region newer than the table, not a typo of
// ap-southeast-1): among the regions in service, Active before
// Decommissioning and then in table order at the same distance; among the
// decommissioned ones only if none in service is close. It also returns
// the decommissioned region that is closer than the one suggested, if
// there is one. Where none is close, a known ID with a part more or less
// (cn-wuhan for cn-wuhan-lr, typoOf) is suggested. The cost is bounded
// whatever the input: limits are tried from 0 up, so a typo settles after
// a few cells per candidate, and an input longer than any ID plus the
// largest distance is not searched.
func suggest(id []byte) (suggestion, closer Region) {
	dash := bytes.IndexByte(id, '-')
	if len(id) > maxIDInput+maxIDInput/3 {
		return "", ""
	}
	if dash <= 0 {
		return areaTypo(id), "" // cnhangzhou: the hyphen left out
	}
	// The names of id's area, gathered once, on the stack.
	area := id[:dash+1]
	name, num := splitNumber(id)
	var names [len(genAllRegions) + len(genAliases)]string
	var rows [len(names)]Region
	n, maxLimit := 0, 0
	for i := range names {
		known, r := candidate(i)
		if len(known) <= len(area) || known[:len(area)] != string(area) {
			continue
		}
		if numberOnly(id, name, num, known) {
			return "", "" // a known name with a new number: a region newer than the table
		}
		names[n], rows[n], maxLimit = known, r, max(maxLimit, maxSuggestDistance(known))
		n++
	}
	var closed, closedBefore Region // closedBefore: found at a smaller limit
	for limit := 0; limit <= maxLimit; limit++ {
		closedBefore = closed
		if limit == 2 && closed == "" {
			// Past one edit, a known ID with parts more
			// (cn-hangzhou-intranet) is nearer than any distance says;
			// a closed one yields to regions in service, as below.
			if r := partPrefixOf(id); r != "" && r.Status() != Decommissioned {
				return r, ""
			}
		}
		var decommissioning Region
		for j := 0; j < n; j++ {
			if limit > maxSuggestDistance(names[j]) || !withinDistance(id, names[j], limit) {
				continue
			}
			switch r := rows[j]; r.Status() {
			case Active:
				return r, closedBefore
			case Decommissioning:
				if decommissioning == "" {
					decommissioning = r
				}
			default:
				if closed == "" {
					closed = r
				}
			}
		}
		if decommissioning != "" {
			return decommissioning, closedBefore
		}
	}
	if closed == "" {
		closed, _, _ = typoOf(id)
	}
	return closed, ""
}

// partPrefixOf returns the region of the longest known name that id
// extends by whole parts (cn-hangzhou for cn-hangzhou-intranet,
// cn-hangzhou-finance for cn-hangzhou-finance-vpc), or "".
func partPrefixOf(id []byte) Region {
	var best Region
	bestLen := 0
	for i := 0; i < len(genAllRegions)+len(genAliases); i++ {
		if known, r := candidate(i); len(known) > bestLen && hasPartPrefix(id, known) {
			best, bestLen = r, len(known)
		}
	}
	return best
}

// areaTypo returns the region whose known name id is one edit from, an
// edit that can only be in its area or the hyphen after it, as id's area
// is none of the table's: a swap (pa-southeast-1), a letter more or less
// (cnn-hangzhou, c-hangzhou) or the hyphen left out (apsoutheast-1). A
// letter changed is not counted: af-south-1 is a new area, not a typo of
// ap-south-1.
func areaTypo(id []byte) Region {
	for i := 0; i < len(genAllRegions)+len(genAliases); i++ {
		known, r := candidate(i)
		if !oneEdit(id, known) {
			continue
		}
		if len(id) != len(known) {
			return r
		}
		j := 0
		for id[j] == known[j] {
			j++
		}
		if j+1 < len(id) && id[j] == known[j+1] && id[j+1] == known[j] {
			return r // a swap
		}
	}
	return ""
}

// candidate returns the i-th name that suggestions and typoOf weigh: the
// cloud IDs of the table, then its aliases without oss-.
func candidate(i int) (string, Region) {
	if i < len(genAllRegions) {
		r := genAllRegions[i]
		return string(r)[len("oss-"):], r // every ID of the table has the prefix
	}
	a := &genAliases[i-len(genAllRegions)]
	return strings.TrimPrefix(a.alias, "oss-"), a.in.id
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

// numberOnly reports whether id, split into name and num by splitNumber,
// and the known ID differ in their numbers alone: both end in one and what
// comes before it is the same (ap-southeast-9, ap-southeast-1), or one
// digit inside differs (cn-north-3-gov-1, cn-north-2-gov-1).
func numberOnly(id, name, num []byte, known string) bool {
	// known is name, a hyphen and another number (splitNumber of it
	// without splitting it: this runs for every known name of the area).
	if n := len(name); len(num) > 0 && len(known) > n+1 && known[:n] == string(name) && known[n] == '-' {
		if knum := known[n+1:]; allDigits(knum) && knum != string(num) {
			return true
		}
	}
	return len(id) == len(known) && oneEdit(id, known) && !nameTypo(id, known)
}

// typoOf draws the line of "Regions newer than the table" (the package
// doc) for a well-formed cloud region ID id that is not in the table, the
// table's cloud IDs and aliases (without oss-) being the known names. It
// reports whether id is a typo and the region to suggest: none where the
// name is one edit from a known one but the numbers differ too
// (ap-southest-9). bySuffix reports a typo by a part more or less, or a
// known alias itself.
func typoOf(id []byte) (suggestion Region, typo, bySuffix bool) {
	dash := bytes.IndexByte(id, '-')
	if dash <= 0 || !genIsArea(id[:dash]) {
		r := areaTypo(id)
		return r, r != "", false
	}
	fullName, num := splitNumber(id)
	newNumber, near := false, false
	var suffixOf Region
	name := fullName[min(len(fullName), dash+1):] // the name without its area
	for i := 0; i < len(genAllRegions)+len(genAliases); i++ {
		known, r := candidate(i)
		if len(known) <= dash || known[:dash+1] != string(id[:dash+1]) {
			continue // another area
		}
		kname, knum := splitNumber(known)
		kname = kname[min(len(kname), dash+1):]
		switch {
		case string(id) == known: // an alias, which is no host's ID
			return r, true, true
		case string(num) == knum && nameTypo(name, kname):
			return r, true, false
		case numberOnly(id, fullName, num, known):
			newNumber = true
		case nameTypo(name, kname):
			near = true
		case suffixOf == "" && (hasPartPrefix(id, known) || hasPartPrefix(known, string(id))):
			suffixOf = r
		}
	}
	switch {
	case newNumber:
		return "", false, false
	case suffixOf != "":
		if r := partPrefixOf(id); r != "" {
			suffixOf = r // the longest: cn-hangzhou-finance-vpc is Hangzhou Finance's
		}
		return suffixOf, true, true
	}
	return "", near, false
}

// nameTypo reports whether name is one edit from a known name, kname, and
// that edit is not one digit for another: cn-north-3-gov differs from
// cn-north-2-gov in a number, as ap-southeast-9 from ap-southeast-1.
func nameTypo[T string | []byte](name T, kname string) bool {
	if !oneEdit(name, kname) {
		return false
	}
	if len(name) == len(kname) {
		for i := 0; i < len(name); i++ {
			if name[i] != kname[i] {
				return !('0' <= name[i] && name[i] <= '9' && '0' <= kname[i] && kname[i] <= '9')
			}
		}
	}
	return true
}

// hasPartPrefix reports whether s is p followed by one or more parts.
func hasPartPrefix[T string | []byte](s T, p string) bool {
	return len(s) > len(p)+1 && s[len(p)] == '-' && string(s[:len(p)]) == p
}

// oneEdit reports whether a and b differ by exactly one edit: a byte
// inserted, deleted or changed, or two neighbouring bytes swapped.
func oneEdit[T string | []byte](a T, b string) bool {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	switch len(a) - len(b) {
	case 0:
		if i == len(a) {
			return false // equal
		}
		if string(a[i+1:]) == b[i+1:] {
			return true // one byte changed
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == b[i+2:]
	case 1:
		return string(a[i+1:]) == b[i:]
	case -1:
		return string(a[i:]) == b[i+1:]
	}
	return false
}

// withinDistance reports whether the optimal-string-alignment distance
// between a and b, in bytes, is at most limit: the edit distance in which
// swapping two neighbouring bytes is one edit. It computes only the cells
// within limit of the diagonal and stops at the first row whose cells all
// exceed limit. b is a cloud region ID or alias of the table, or
// "internal", so the rows fit on the stack.
func withinDistance(a []byte, b string, limit int) bool {
	switch {
	case len(a)-len(b) > limit || len(b)-len(a) > limit:
		return false
	case limit == 0:
		return string(a) == b
	case limit == 1:
		// The usual typo, told without the table of cells.
		return string(a) == b || oneEdit(a, b)
	}
	// Cells are capped at limit+1, which is small: bytes keep the rows
	// (zeroed on every call) to a few words.
	over := uint8(limit + 1)
	var rows [3][max(maxIDInput, len("internal")) + 2]uint8
	prev2, prev, cur := rows[0][:len(b)+2], rows[1][:len(b)+2], rows[2][:len(b)+2]
	for j := range prev {
		prev[j] = uint8(min(j, int(over)))
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[lo-1] = uint8(min(i, int(over))) // beyond the band a cell is over limit
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			c := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, over)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		cur[hi+1] = over
		if rowMin >= over {
			return false // no later row can come back under it
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)] < over
}

// Aliases returns the other values that name the region and that Parse
// accepts for it, as Alibaba's own tools hand them out for the finance
// regions ("cn-hzfinance" and "cn-hzjbp" for oss-cn-hangzhou-finance), in
// a new slice; nil where there are none.
//
// An alias is no signing region: the OSS Go SDK v2, given cn-hzfinance as
// its region, signs for cn-hzfinance, and given oss-cn-hzfinance it builds
// the host oss-oss-cn-hzfinance.aliyuncs.com. Give an SDK the parsed
// region's CloudRegion and PublicEndpoint instead (a finance region's host
// is not oss-<cloud ID>).
func (r Region) Aliases() []string {
	var out []string
	for _, a := range genAliases {
		if a.in.id == r {
			out = append(out, a.alias)
		}
	}
	return out
}

// Acceleration reports whether the region has transfer acceleration
// (Endpoint reports the accelerate endpoints where it has), and whether
// the table knows: stated is false where no source says, which REGIONS.md
// shows as "not stated", and for an unknown region.
func (r Region) Acceleration() (available, stated bool) {
	in := lookupInfo(r)
	if in == nil {
		return false, false
	}
	return in.accelerate, !in.accelUnstated
}

// Known reports whether r is in the table.
func (r Region) Known() bool { return lookupInfo(r) != nil }

// String returns the region ID.
func (r Region) String() string { return string(r) }

// MarshalText returns the region ID, as net/netip.Addr does its address:
// the zero Region is "", and a well-formed region that the table does not
// know (one that ParseEndpoint read from a host newer than the table) is
// its ID. Only a Region that is no region ID at all, neither "" nor
// "oss-" and a cloud region ID, is an error.
//
// A Region converted from a cloud region ID or an alias,
// Region("cn-hangzhou"), is an error whose Suggestion is the region that
// Parse returns for it: convert text with Parse, not a conversion.
func (r Region) MarshalText() ([]byte, error) {
	if r == "" || r.Known() {
		return []byte(r), nil
	}
	if in := parseID(string(r)); in != nil {
		e := newError("Region.MarshalText", string(r), ErrUnknownRegion, "a Region converted from a cloud region ID or alias; Parse returns the region it names")
		e.Suggestion = in.id
		return nil, e
	}
	if !wellFormed(r) {
		return nil, newError("Region.MarshalText", string(r), ErrUnknownRegion, "not of the form oss-<cloud region ID>")
	}
	return []byte(r), nil
}

// wellFormed reports whether r is "oss-" and a cloud region ID.
func wellFormed(r Region) bool {
	cloud, ok := strings.CutPrefix(string(r), "oss-")
	return ok && isCloudID(cloud)
}

// UnmarshalText sets r from text as Parse reads it, and to the zero Region
// for empty text (or only white space), so that the zero value survives a
// round trip. Non-empty text must name a region of the table.
func (r *Region) UnmarshalText(text []byte) error {
	id := trimSpace(text)
	if len(id) == 0 {
		*r = ""
		return nil
	}
	// Only an ID as long as the table's longest can match; a short string
	// stays on the stack.
	if len(id) <= maxIDInput {
		if in := parseID(string(id)); in != nil {
			*r = in.id
			return nil
		}
	}
	// Only the first bytes can matter to the error and its suggestion (an
	// endpoint URL has its host in them): do not copy more.
	return unknownRegionError("Region.UnmarshalText", string(text[:min(len(text), maxUnmarshalInput)]))
}

// maxUnmarshalInput is how much of a rejected text UnmarshalText reads
// for its error: enough for a host and port behind a scheme.
const maxUnmarshalInput = len("https://") + maxHostPortLen + 1

// Name returns the region's display name, such as "China (Hangzhou)".
func (r Region) Name() string {
	if in := lookupInfo(r); in != nil {
		return in.name
	}
	return ""
}

// ChineseName returns the region's name on OSS's China site, such as
// "华东 1（杭州）" for CNHangzhou, or "" where that page does not list the
// region or the region is not in the table.
func (r Region) ChineseName() string {
	if in := lookupInfo(r); in != nil {
		return in.nameZh
	}
	return ""
}

// CloudRegion returns the region ID without its "oss-" prefix, such as
// "cn-hangzhou": the form that Alibaba Cloud SDKs and V4 signatures use.
func (r Region) CloudRegion() string { return strings.TrimPrefix(string(r), "oss-") }

// MainlandChina reports whether the region is in mainland China (Hong Kong
// is not).
func (r Region) MainlandChina() bool {
	in := lookupInfo(r)
	return in != nil && in.mainland
}

// StatusDate returns the date, YYYY-MM-DD, on which the region's
// lifecycle state took effect (the day OSS closed it, for a Decommissioned
// region), or "" where the table does not say.
func (r Region) StatusDate() string {
	if in := lookupInfo(r); in != nil {
		return in.statusDate
	}
	return ""
}

// Status returns the region's lifecycle state, or 0 for an unknown region.
func (r Region) Status() Status {
	if in := lookupInfo(r); in != nil {
		return in.status
	}
	return 0
}

// Endpoint returns the region's endpoint host of kind k. It reports false
// where the table has none: an unknown region or kind, transfer
// acceleration in a region without it, or a dual-stack endpoint where OSS
// offers none.
func (r Region) Endpoint(k Kind) (string, bool) {
	in := lookupInfo(r)
	if in == nil {
		return "", false
	}
	switch k {
	case Public:
		return in.public, true
	case Internal:
		return in.internal, true
	case VPC:
		return in.vpc, true
	case DualStack:
		return in.dualStack, in.dualStack != ""
	case Accelerate:
		if in.accelerate {
			return GlobalAccelerateEndpoint, true
		}
	case AccelerateOverseas:
		if in.accelerate {
			return OverseasAccelerateEndpoint, true
		}
	}
	return "", false
}

// PublicEndpoint returns the region's Internet endpoint, or "" if unknown.
func (r Region) PublicEndpoint() string {
	h, _ := r.Endpoint(Public)
	return h
}

// InternalEndpoint returns the region's classic-network endpoint, or "".
func (r Region) InternalEndpoint() string {
	h, _ := r.Endpoint(Internal)
	return h
}

// VPCEndpoint returns the region's VPC endpoint as the table's sources
// print it, often the internal endpoint's host, or "".
func (r Region) VPCEndpoint() string {
	h, _ := r.Endpoint(VPC)
	return h
}

// Hosts returns every endpoint host of the region, in a new slice: public,
// internal (with the extra internal hosts some regions have, such as
// inside a finance network), VPC where it differs, and dual-stack where the
// region has one. It is nil for an unknown region.
func (r Region) Hosts() []string {
	in := lookupInfo(r)
	if in == nil {
		return nil
	}
	hosts := append([]string{in.public, in.internal}, in.internalExtra...)
	if in.vpc != in.internal {
		hosts = append(hosts, in.vpc)
	}
	if in.dualStack != "" {
		hosts = append(hosts, in.dualStack)
	}
	return hosts
}

// VIPRanges returns the region's VPC VIP address ranges in a new slice. It
// reports false for an unknown region and for a region whose ranges are
// published only on request (by ticket).
func (r Region) VIPRanges() ([]netip.Prefix, bool) {
	in := lookupInfo(r)
	if in == nil || in.vipByTicket {
		return nil, false
	}
	out := make([]netip.Prefix, len(in.vip))
	for i, s := range in.vip {
		out[i] = netip.MustParsePrefix(s) // the generator checked every prefix
	}
	return out, true
}
