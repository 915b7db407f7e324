package table

import "testing"

// TestCheckGoName covers the guards that the ID pattern already makes hard
// to reach from YAML: keywords and non-identifiers.
func TestCheckGoName(t *testing.T) {
	for name, want := range map[string]string{
		"CNHangzhou": "",
		"func":       "is a Go keyword",
		"1X":         "is not a Go identifier",
		"X-1":        "is not a Go identifier",
		"cnHangzhou": "is not an exported Go name",
		"PARSE":      "collides with the package's own name Parse",
		"Kind":       "collides with the package's own name Kind",
	} {
		if got := checkGoName(name); got != want {
			t.Errorf("checkGoName(%q) = %q, want %q", name, got, want)
		}
	}
	if got := goName("oss-ap-southeast-1"); got != "APSoutheast1" {
		t.Errorf("goName = %q", got)
	}
}
