package table

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestRegionIDSharedCases holds regionIDProblem to the cases that the
// regions package's host matcher is held to as well.
func TestRegionIDSharedCases(t *testing.T) {
	f, err := os.Open("../../regions/testdata/region_ids.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want, id, ok := strings.Cut(line, " ")
		if !ok || want != "yes" && want != "no" {
			t.Fatalf("bad line %q", line)
		}
		if got := regionIDProblem(id) == ""; got != (want == "yes") {
			t.Errorf("%s: regionIDProblem says %q, the shared cases say %s", id, regionIDProblem(id), want)
		}
		n++
	}
	if err := sc.Err(); err != nil || n == 0 {
		t.Fatalf("read %d cases: %v", n, err)
	}
}

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

func TestIsHostLabel(t *testing.T) {
	for l, want := range map[string]bool{
		"a": true, "oss": true, "0": true, "oss-cn-hangzhou": true, "a--b": true, "9x": true,
		"": false, "-a": false, "a-": false, "-": false, "A": false, "a_b": false, "a.b": false, "a b": false, "é": false,
	} {
		if got := isHostLabel(l); got != want {
			t.Errorf("isHostLabel(%q) = %v, want %v", l, got, want)
		}
	}
}
