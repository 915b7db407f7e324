package grammar

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCloudIDCases holds IsCloudID to the cases of testdata/region_ids.txt
// (written as region IDs, oss- and the cloud ID), in both of its forms.
func TestCloudIDCases(t *testing.T) {
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
		if got := hasPrefix && IsCloudID(cloud); got != (want == "yes") {
			t.Errorf("%s: IsCloudID says %v, the cases say %s", id, got, want)
		}
		if genIsCloudID(cloud) != genIsCloudID([]byte(cloud)) {
			t.Errorf("%s: genIsCloudID differs between string and []byte", id)
		}
		n++
	}
	if err := sc.Err(); err != nil || n == 0 {
		t.Fatalf("read %d cases: %v", n, err)
	}
}

// TestCloudIDMatchesPattern holds the hand-written scan to a regular
// expression over every string of up to six bytes of an alphabet that
// reaches each branch.
func TestCloudIDMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)+$`)
	reserved := regexp.MustCompile(`^(oss|accelerate)-|-internal$`)
	check := func(s string) {
		if got, want := IsCloudID(s), re.MatchString(s) && !reserved.MatchString(s); got != want {
			t.Errorf("IsCloudID(%q) = %v; the pattern says %v", s, got, want)
		}
	}
	enumerate("az09-A.", 6, check)
	for _, s := range []string{"cn-hangzhou", "us-west-1", "oss-a", "accelerate-a", "a-internal", "a-internal1", "internal-a"} {
		check(s)
	}
}

func enumerate(alphabet string, maxLen int, visit func(string)) {
	var walk func(prefix string)
	walk = func(prefix string) {
		visit(prefix)
		if len(prefix) < maxLen {
			for i := 0; i < len(alphabet); i++ {
				walk(prefix + alphabet[i:i+1])
			}
		}
	}
	walk("")
}

func TestIsHostLabel(t *testing.T) {
	long := strings.Repeat("a", 63)
	for l, want := range map[string]bool{
		"a": true, "oss": true, "0": true, "oss-cn-hangzhou": true, "a--b": true, "9x": true, long: true,
		"": false, "-a": false, "a-": false, "-": false, "A": false, "a_b": false, "a.b": false, "a b": false, "é": false, long + "a": false,
	} {
		if got := IsHostLabel(l); got != want {
			t.Errorf("IsHostLabel(%q) = %v, want %v", l, got, want)
		}
	}
}

func TestHostForms(t *testing.T) {
	for _, c := range []struct {
		h, id        string
		internal, ok bool
		dual         string
		dualOK       bool
	}{
		{"oss-cn-hangzhou.aliyuncs.com", "cn-hangzhou", false, true, "", false},
		{"oss-cn-hangzhou-internal.aliyuncs.com", "cn-hangzhou", true, true, "", false},
		{"oss-internal.aliyuncs.com", "internal", false, true, "", false},
		{"oss-.aliyuncs.com", "", false, false, "", false},
		{"oss-cn-hangzhou.aliyuncs.com.cn", "", false, false, "", false},
		{"cn-hangzhou.oss.aliyuncs.com", "", false, false, "cn-hangzhou", true},
		{"b.cn-hangzhou.oss.aliyuncs.com", "", false, false, "", false},
		{".oss.aliyuncs.com", "", false, false, "", false},
	} {
		id, internal, ok := RegionHostID(c.h)
		if id != c.id || internal != c.internal || ok != c.ok {
			t.Errorf("RegionHostID(%q) = %q, %v, %v; want %q, %v, %v", c.h, id, internal, ok, c.id, c.internal, c.ok)
		}
		if d, ok := DualStackID(c.h); d != c.dual || ok != c.dualOK {
			t.Errorf("DualStackID(%q) = %q, %v; want %q, %v", c.h, d, ok, c.dual, c.dualOK)
		}
	}
}

func TestNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"China (Hangzhou)": "china(hangzhou)",
		"华东 1（杭州）":         "华东1(杭州)",
		"华东1（杭州）":          "华东1(杭州)",
		"菲律宾 (马尼拉)":        "菲律宾(马尼拉)",
		"US\tWest\u3000 1": "uswest1",
		"\xff（":            "\xff(",
	} {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
}
