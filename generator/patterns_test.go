package main

import (
	"regexp"
	"testing"
)

// The validator's hand-written matchers are held to the regular
// expressions they replace, over every string of up to six bytes of an
// alphabet that reaches each branch, with and without the "oss-" prefix.

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

func TestIsRegionIDMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^oss-[a-z]+(-[a-z0-9]+)+$`)
	check := func(s string) {
		if got, want := isRegionID(s), re.MatchString(s); got != want {
			t.Errorf("isRegionID(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	enumerate("az09-A.", 6, func(s string) { check(s); check("oss-" + s) })
	for _, s := range []string{"oss-cn-hangzhou", "oss-us-west-1", "oss-1a-b", "oss-cn-", "oss--cn", "OSS-cn-a", "os-cn-a"} {
		check(s)
	}
}

func TestIsHostLabelMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)
	enumerate("az09-A._", 6, func(s string) {
		if got, want := isHostLabel(s), re.MatchString(s); got != want {
			t.Errorf("isHostLabel(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
