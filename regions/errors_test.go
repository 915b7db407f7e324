package regions

import (
	"encoding/json"
	"errors"
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
		if !strings.HasPrefix(tt.err.Error(), tt.sentinel.Error()+" ") {
			t.Errorf("%s(%q): message %q does not begin with the sentinel's", tt.fn, tt.input, tt.err)
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

// editDistance is the textbook Levenshtein distance, the reference for the
// bounded one.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// referenceSuggestion is the rule without the bounds: of the regions
// within half their cloud ID's length, the closest in service (Active
// before Decommissioning at the same distance, then table order), or, if
// none is in service, the closest decommissioned one; and a
// decommissioned region strictly closer than the suggestion, if any.
func referenceSuggestion(input string) (suggestion, closer Region) {
	id := strings.TrimPrefix(strings.ToLower(strings.Trim(input, " \t\n\v\f\r")), "oss-")
	best, bestDist := Region(""), -1
	closed, closedDist := Region(""), -1
	for _, r := range All() {
		d := editDistance(id, r.CloudRegion())
		switch {
		case d > maxSuggestDistance(r.CloudRegion()):
		case r.Status() == Decommissioned:
			if closedDist < 0 || d < closedDist {
				closed, closedDist = r, d
			}
		case bestDist < 0 || d < bestDist || d == bestDist && r.Status() == Active && best.Status() != Active:
			best, bestDist = r, d
		}
	}
	switch {
	case best == "":
		return closed, ""
	case closed != "" && closedDist < bestDist:
		return best, closed
	}
	return best, ""
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
