package release

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// TestRuleDocumented holds the list of docs/maintaining.md, "The version
// rule", to Rules: one line a kind of change, in the order of the kinds.
func TestRuleDocumented(t *testing.T) {
	var want strings.Builder
	for k, r := range Rules {
		if r.Reason == "" || r.Doc == "" {
			t.Errorf("kind %d of render.Kind has no rule", k)
		}
		fmt.Fprintf(&want, "- **%s**: %s.\n", r.Bump, r.Doc)
	}
	const doc = "../../docs/maintaining.md"
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(data), "\n## The version rule\n")
	_, list, ok := strings.Cut(section, "What each change needs:\n\n")
	list, _, _ = strings.Cut(list, "\n\n")
	if !ok || list+"\n" != want.String() {
		t.Errorf("%s, The version rule: the list after \"What each change needs:\" is\n%s\nwant (from Rules in policy.go)\n%s", doc, list, want.String())
	}
	if n := render.NumKinds; len(Rules) != int(n) {
		t.Errorf("%d rules for %d kinds", len(Rules), n)
	}
}

func TestActualBump(t *testing.T) {
	tests := []struct {
		old, new string
		want     Bump
		err      bool
	}{
		{"1.0.0", "1.0.0", BumpNone, false},
		{"1.0.0", "1.0.1", BumpPatch, false},
		{"1.0.9", "1.1.0", BumpMinor, false},
		{"1.4.2", "2.0.0", BumpMajor, false},
		{"1.0.0", "1.0.0-rc.1", BumpNone, true},
		{"1.0.0-rc.1", "1.0.0", BumpPatch, false},
		{"2.0.0", "1.9.9", BumpNone, true},
	}
	for _, tt := range tests {
		if got := actualBump(tt.old, tt.new); got != tt.want {
			t.Errorf("actualBump(%s, %s) = %v; want %v", tt.old, tt.new, got, tt.want)
		}
		err := Check(&render.ChangeReport{Old: tt.old, New: tt.new}, "t.yaml", 1)
		if down := err != nil && strings.Contains(err.Error(), "goes down"); down != tt.err {
			t.Errorf("Check(%s → %s) = %v; want a version going down: %v", tt.old, tt.new, err, tt.err)
		}
	}
	for _, tt := range []struct {
		v    string
		b    Bump
		want string
	}{{"1.2.3", BumpMajor, "2.0.0"}, {"1.2.3", BumpMinor, "1.3.0"}, {"1.2.3", BumpPatch, "1.2.4"}, {"0.9.0-rc.1", BumpPatch, "0.9.1"}, {"1.2.3", BumpNone, "1.2.3"}} {
		if got := MinVersion(tt.v, tt.b); got != tt.want {
			t.Errorf("MinVersion(%s, %v) = %s, want %s", tt.v, tt.b, got, tt.want)
		}
	}
}

// TestModulePathForMajorVersions: from v2 on, the gate refuses a module
// path without the /vN suffix and names the command that adds it.
func TestModulePathForMajorVersions(t *testing.T) {
	goMod := filepath.Join(t.TempDir(), "go.mod")
	write := func(s string) {
		if err := os.WriteFile(goMod, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("module example.com/x/regions\n\ngo 1.23\n")
	for _, v := range []string{"0.3.0", "1.0.0", "1.9.2"} {
		if err := modulePath(goMod, "t.yaml", &table.Table{Version: v, VersionLine: 1}); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	err := modulePath(goMod, "t.yaml", &table.Table{Version: "2.0.0", VersionLine: 1})
	for _, want := range []string{"t.yaml:1: ", "major version v2", `"example.com/x/regions/v2"`, "Run make major N=2"} {
		if !errors.Is(err, ErrPolicy) || !strings.Contains(err.Error(), want) {
			t.Errorf("2.0.0 without /v2: %v lacks %q", err, want)
		}
	}
	write("module example.com/x/regions/v2\n\ngo 1.23\n")
	if err := modulePath(goMod, "t.yaml", &table.Table{Version: "2.1.0", VersionLine: 1}); err != nil {
		t.Errorf("2.1.0 with /v2: %v", err)
	}
	if err := modulePath(goMod, "t.yaml", &table.Table{Version: "3.0.0", VersionLine: 1}); err == nil || !strings.Contains(err.Error(), `"example.com/x/regions/v3"`) || !strings.Contains(err.Error(), "make major N=3") {
		t.Errorf("3.0.0 with /v2: %v", err)
	}
}
