package table

import (
	"regexp"
	"testing"
)

// enumerate visits every string of up to maxLen bytes of alphabet.
func enumerate(alphabet string, maxLen int, visit func(string)) {
	var walk func(prefix string)
	walk = func(prefix string) {
		visit(prefix)
		if len(prefix) == maxLen {
			return
		}
		for i := 0; i < len(alphabet); i++ {
			walk(prefix + alphabet[i:i+1])
		}
	}
	walk("")
}

// TestRegionIDMatchesPattern holds the hand-written check to a regular
// expression and the three refused parts, over every string of up to six
// bytes of an alphabet that reaches each branch.
func TestRegionIDMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^oss-[a-z]+(-[a-z0-9]+)+$`)
	refused := regexp.MustCompile(`^oss-(oss|accelerate)-|-internal$`)
	check := func(s string) {
		want := re.MatchString(s) && !refused.MatchString(s)
		if got := regionIDProblem(s) == ""; got != want {
			t.Errorf("regionIDProblem(%q) = %q; the pattern says valid: %v", s, regionIDProblem(s), want)
		}
	}
	enumerate("az09-A.", 6, func(s string) { check(s); check("oss-" + s) })
	for _, s := range []string{"oss-cn-hangzhou", "oss-us-west-1", "oss-oss-a", "oss-accelerate-a", "oss-a-internal", "oss-a-internal1"} {
		check(s)
	}
}
