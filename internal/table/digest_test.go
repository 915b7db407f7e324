package table

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDataDigestIgnoresLayout: comments, quoting, key order and the
// version do not change the digest; a value does.
func TestDataDigestIgnoresLayout(t *testing.T) {
	data, err := os.ReadFile("../../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	digest := func(s string) string {
		t.Helper()
		tbl, err := Parse("regions.yaml", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return tbl.DataDigest()
	}
	want := digest(string(data))
	relaid := strings.ReplaceAll(string(data), "\n  - id: ", "\n  # a comment\n  - id: ")
	relaid = regexp.MustCompile(`name: "([^"\\]*)"`).ReplaceAllString(relaid, "name: '$1'")
	relaid = regexp.MustCompile(`(?m)^version: .*$`).ReplaceAllString(relaid, "version: 99.0.0")
	if relaid == string(data) || digest(relaid) != want {
		t.Errorf("layout or version changed the digest")
	}
	changed := strings.Replace(string(data), "mainland_china: true", "mainland_china: false", 1)
	if digest(changed) == want {
		t.Errorf("a changed value kept the digest")
	}
	// An alias is data too.
	if alias := regexp.MustCompile(`\{id: ([a-z0-9-]+),`).FindStringSubmatchIndex(string(data)); alias != nil {
		changed := string(data[:alias[3]]) + "-x" + string(data[alias[3]:])
		if digest(changed) == want {
			t.Errorf("a changed alias kept the digest")
		}
	}
}
