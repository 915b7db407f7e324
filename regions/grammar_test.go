package regions

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestCloudIDGrammar holds isCloudID to the shared cases that the
// generator's ID check is held to as well.
func TestCloudIDGrammar(t *testing.T) {
	f, err := os.Open("testdata/region_ids.txt")
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
		cloud, hasPrefix := strings.CutPrefix(id, "oss-")
		got := hasPrefix && isCloudID(cloud)
		if got != (want == "yes") {
			t.Errorf("%s: isCloudID says %v, the shared cases say %s", id, got, want)
		}
		if got != isCloudID([]byte(cloud)) && hasPrefix {
			t.Errorf("%s: isCloudID differs between string and []byte", id)
		}
		n++
	}
	if err := sc.Err(); err != nil || n == 0 {
		t.Fatalf("read %d cases: %v", n, err)
	}
}
