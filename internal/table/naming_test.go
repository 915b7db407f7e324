package table

import (
	"slices"
	"testing"
)

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

// TestNamedConstants holds the constants that code tells states and clouds
// apart by to their places in Statuses and Clouds.
func TestNamedConstants(t *testing.T) {
	for s, word := range map[Status]string{StatusActive: "active", StatusDecommissioning: "decommissioning", StatusDecommissioned: "decommissioned", StatusPreview: "preview"} {
		if got := slices.Index(nameWords(Statuses), word); got != int(s) || s.String() != word {
			t.Errorf("status %d: %q is at %d of Statuses; String() = %q", s, word, got, s.String())
		}
	}
	for c, word := range map[Cloud]string{CloudPublic: "public", CloudFinance: "finance", CloudGovernment: "government"} {
		if got := slices.Index(nameWords(Clouds), word); got != int(c) || c.String() != word {
			t.Errorf("cloud %d: %q is at %d of Clouds; String() = %q", c, word, got, c.String())
		}
	}
	if len(Statuses) != 4 || len(Clouds) != 3 {
		t.Errorf("%d statuses and %d clouds; give each a constant here and in model.go", len(Statuses), len(Clouds))
	}
}
