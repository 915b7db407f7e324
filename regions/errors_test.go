package regions

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestEveryErrorIsTyped calls every function that can fail and requires an
// *Error that names the function, keeps the input and wraps its sentinel.
func TestEveryErrorIsTyped(t *testing.T) {
	var k Kind
	var s Status
	var r Region
	unknown := Region("oss-xx-unknown-1")
	long := strings.Repeat("x", 200)
	tests := []struct {
		fn, input string
		sentinel  error
		err       error
	}{
		{"Parse", "cn-nowhere", ErrUnknownRegion, second(Parse("cn-nowhere"))},
		{"Parse", long[:maxErrorInput], ErrUnknownRegion, second(Parse(long))},
		{"ParseEndpoint", "evil.example", ErrInvalidEndpoint, second(ParseEndpoint("evil.example"))},
		{"ParseEndpoint", "ab." + DefaultEndpoint, ErrInvalidBucket, second(ParseEndpoint("ab." + DefaultEndpoint))},
		{"Region.URL", string(unknown), ErrUnknownRegion, second(unknown.URL(Public, ""))},
		{"Region.URL", string(DefaultRegion), ErrNoEndpoint, second(DefaultRegion.URL(Regionless, ""))},
		{"Region.URL", "Kind(0)", ErrInvalidKind, second(DefaultRegion.URL(Kind(0), ""))},
		{"Region.URL", "a_b", ErrInvalidBucket, second(DefaultRegion.URL(Public, "a_b"))},
		{"Region.MarshalText", "cn-nowhere", ErrUnknownRegion, second(Region("cn-nowhere").MarshalText())},
		{"Region.UnmarshalText", "cn-nowhere", ErrUnknownRegion, r.UnmarshalText([]byte("cn-nowhere"))},
		{"Region.UnmarshalText", long[:maxErrorInput], ErrUnknownRegion, r.UnmarshalText([]byte(long))},
		{"Kind.MarshalText", "Kind(9)", ErrInvalidKind, second(Kind(9).MarshalText())},
		{"Kind.UnmarshalText", "intranet", ErrInvalidKind, k.UnmarshalText([]byte("intranet"))},
		{"Status.MarshalText", "Status(9)", ErrInvalidStatus, second(Status(9).MarshalText())},
		{"Status.UnmarshalText", "closed", ErrInvalidStatus, s.UnmarshalText([]byte("closed"))},
	}
	for _, tt := range tests {
		var e *Error
		if !errors.As(tt.err, &e) {
			t.Errorf("%s(%q): %v is not an *Error", tt.fn, tt.input, tt.err)
			continue
		}
		if e.Func != tt.fn || e.Input != tt.input || e.Err != tt.sentinel || !errors.Is(tt.err, tt.sentinel) {
			t.Errorf("%s(%q): got Func %q, Input %q, Err %v", tt.fn, tt.input, e.Func, e.Input, e.Err)
		}
		if errors.Unwrap(tt.err) != tt.sentinel {
			t.Errorf("%s(%q): Unwrap gives %v, want %v", tt.fn, tt.input, errors.Unwrap(tt.err), tt.sentinel)
		}
		// The message names the sentinel's words, but where a reason of
		// Parse's or ParseEndpoint's stands in for them.
		words := strings.TrimPrefix(tt.sentinel.Error(), "regions: ")
		if (tt.sentinel == ErrInvalidEndpoint || tt.sentinel == ErrUnknownRegion) && e.Reason != "" {
			words = e.Reason
		}
		if !strings.HasPrefix(tt.err.Error(), tt.fn+"(") || !strings.Contains(tt.err.Error(), "): "+words) {
			t.Errorf("%s(%q): message %q is not Func(input): and the sentinel's words or the reason", tt.fn, tt.input, tt.err)
		}
		// A bad bucket in ParseEndpoint is still not an OSS endpoint; nothing
		// else matches a sentinel it does not hold.
		wantEndpoint := tt.fn == "ParseEndpoint"
		if errors.Is(tt.err, ErrInvalidEndpoint) != wantEndpoint {
			t.Errorf("%s(%q): errors.Is(err, ErrInvalidEndpoint) = %v", tt.fn, tt.input, !wantEndpoint)
		}
	}
	for _, sentinel := range []error{ErrUnknownRegion, ErrInvalidEndpoint, ErrInvalidBucket, ErrNoEndpoint, ErrInvalidKind, ErrInvalidStatus, ErrInvalidCloud} {
		if !strings.HasPrefix(sentinel.Error(), "regions: ") {
			t.Errorf("sentinel %q lacks the package prefix", sentinel)
		}
	}
}

func second[T any](_ T, err error) error { return err }

// editDistance is the textbook optimal-string-alignment distance (edit
// distance in which a swap of two neighbouring bytes is one edit), the
// reference for the bounded one.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// knownNames are the names suggestions weigh, in order: by area, in the
// order the table first uses each, and in an area every region's cloud
// ID, then every alias without oss-; each with its region.
func knownNames() (names []string, of []Region) {
	var all []string
	var allOf []Region
	for _, r := range All() {
		all, allOf = append(all, r.CloudRegion()), append(allOf, r)
	}
	for _, r := range All() {
		for _, a := range r.Aliases() {
			all, allOf = append(all, strings.TrimPrefix(a, "oss-")), append(allOf, r)
		}
	}
	area := func(n string) string { a, _, _ := strings.Cut(n, "-"); return a }
	var areas []string
	for _, n := range all {
		if !slices.Contains(areas, area(n)) {
			areas = append(areas, area(n))
		}
	}
	for _, a := range areas {
		for i, n := range all {
			if area(n) == a {
				names, of = append(names, n), append(of, allOf[i])
			}
		}
	}
	return names, of
}

// areaOf is what comes before the first hyphen, or "" where there is none.
func areaOf(id string) string {
	area, _, ok := strings.Cut(id, "-")
	if !ok {
		return ""
	}
	return area
}

// newNumber reports whether a and b are the same name with different
// numbers (ap-southeast-9, ap-southeast-1; cn-north-3-gov-1,
// cn-north-2-gov-1).
func newNumber(a, b string) bool {
	i, j := strings.LastIndexByte(a, '-'), strings.LastIndexByte(b, '-')
	if i > 0 && j > 0 && a[:i] == b[:j] && a[i+1:] != b[j+1:] && isNumber(a[i+1:]) && isNumber(b[j+1:]) {
		return true
	}
	// Or one digit for another inside (cn-north-3-gov-1).
	diff := -1
	for k := 0; len(a) == len(b) && k < len(a); k++ {
		if a[k] != b[k] {
			if diff >= 0 {
				return false
			}
			diff = k
		}
	}
	return len(a) == len(b) && diff >= 0 && isNumber(a[diff:diff+1]) && isNumber(b[diff:diff+1])
}

func isNumber(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// referenceSuggestion is the rule for doubt in the test's own words, for
// an ID: nothing for a known name with a new number; else, of the known
// names one edit away in the input's area (or, in an area the table
// lacks, one edit in the area that is no letter changed), the first in
// service (Active before Decommissioning), or a decommissioned one; else
// the longest known name the input extends by parts, or the first it is
// the start of, where those parts name no cloud. The second result is
// always "".
func referenceSuggestion(input string) (suggestion, closer Region) {
	id := strings.TrimPrefix(strings.ToLower(strings.Trim(input, " \t\n\v\f\r")), "oss-")
	names, of := knownNames()
	for _, n := range names {
		if newNumber(id, n) {
			return "", ""
		}
	}
	rank := func(r Region) int {
		return map[Status]int{Active: 0, Decommissioning: 1, Decommissioned: 2}[r.Status()]
	}
	var best Region
	for i, n := range names {
		near := editDistance(id, n) == 1 && areaOf(id) != "" && areaOf(id) == areaOf(n)
		if near && (best == "" || rank(of[i]) < rank(best)) {
			best = of[i]
		}
	}
	if best != "" {
		return best, ""
	}
	if !slices.Contains(areas(), areaOf(id)) {
		return areaTypoReference(id), ""
	}
	cloudWord := func(parts string) bool {
		for _, p := range strings.Split(parts, "-") {
			if len(p) >= 3 && (strings.HasPrefix("finance", p) || strings.HasPrefix("government", p)) {
				return true
			}
		}
		return false
	}
	longest := ""
	for i, n := range names {
		if strings.HasPrefix(id, n+"-") && !cloudWord(id[len(n)+1:]) && len(n) > len(longest) {
			longest, best = n, of[i]
		}
	}
	if best != "" {
		return best, ""
	}
	for i, n := range names {
		if strings.HasPrefix(n, id+"-") && !cloudWord(n[len(id)+1:]) && (best == "" || rank(of[i]) < rank(best)) {
			best = of[i]
		}
	}
	return best, ""
}

// areaTypoReference: in an area the table lacks, the region one edit away
// that is not a letter changed (a swap, a letter more or less, the hyphen
// left out), plainly; one in service first.
func areaTypoReference(id string) Region {
	names, of := knownNames()
	var closed Region
	for i, n := range names {
		if editDistance(id, n) != 1 {
			continue
		}
		diff := 0
		for k := 0; len(id) == len(n) && k < len(id); k++ {
			if id[k] != n[k] {
				diff++
			}
		}
		switch {
		case len(id) != len(n) || diff == 2:
			if of[i].Status() != Decommissioned {
				return of[i]
			}
			if closed == "" {
				closed = of[i]
			}
		}
	}
	return closed
}

// TestSuggestionMatchesReference holds the bounded search to the plain one.
func TestSuggestionMatchesReference(t *testing.T) {
	for _, in := range suggestionInputs() {
		if _, err := Parse(in); err == nil {
			continue // a typo that is another region's ID
		}
		var e *Error
		_, err := Parse(in)
		if !errors.As(err, &e) {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		if hostLike(in) {
			continue // TestParseGivenEndpoint
		}
		if want, _ := referenceSuggestion(in); e.Suggestion != want {
			t.Errorf("Parse(%q) suggests %q, the reference %q", in, e.Suggestion, want)
		}
	}
}

// TestErrorPathsAllocateLittle: an unknown ID, typo or garbage, costs at
// most two allocations, three where the message names a closer
// decommissioned region.
func TestErrorPathsAllocateLittle(t *testing.T) {
	var r Region
	for _, in := range suggestionInputs() {
		b := []byte(in)
		limit := 2.0
		if _, closer := referenceSuggestion(in); closer != "" && !hostLike(in) {
			limit++ // the reason that names the closer, decommissioned, region
		}
		if n := testing.AllocsPerRun(20, func() { _, sinkErr = Parse(in) }); n > limit {
			t.Errorf("Parse(%q): %v allocations", in, n)
		}
		if n := testing.AllocsPerRun(20, func() { sinkErr = r.UnmarshalText(b) }); n > limit {
			t.Errorf("UnmarshalText(%q): %v allocations", in, n)
		}
	}
}

func TestStatusText(t *testing.T) {
	for s := Active; s <= Decommissioned; s++ {
		text, err := s.MarshalText()
		if err != nil || string(text) != s.String() {
			t.Errorf("%v.MarshalText() = %q, %v", s, text, err)
		}
		var got Status
		if err := got.UnmarshalText([]byte(strings.ToUpper(string(text)))); err != nil || got != s {
			t.Errorf("UnmarshalText(%q) = %v, %v", text, got, err)
		}
	}
	var cfg struct{ Status Status }
	if err := json.Unmarshal([]byte(`{"Status":"decommissioned"}`), &cfg); err != nil || cfg.Status != Decommissioned {
		t.Errorf("json: %v, %v", cfg.Status, err)
	}
}
