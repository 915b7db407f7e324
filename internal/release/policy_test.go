package release

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/render"
)

func TestActualBump(t *testing.T) {
	tests := []struct {
		old, new string
		want     render.Bump
		err      bool
	}{
		{"1.0.0", "1.0.0", render.BumpNone, false},
		{"1.0.0", "1.0.1", render.BumpPatch, false},
		{"1.0.9", "1.1.0", render.BumpMinor, false},
		{"1.4.2", "2.0.0", render.BumpMajor, false},
		{"1.0.0", "1.0.0-rc.1", render.BumpNone, true},
		{"1.0.0-rc.1", "1.0.0", render.BumpPatch, false},
		{"2.0.0", "1.9.9", render.BumpNone, true},
	}
	for _, tt := range tests {
		got, err := actualBump(tt.old, tt.new)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("actualBump(%s, %s) = %v, %v; want %v, error %v", tt.old, tt.new, got, err, tt.want, tt.err)
		}
	}
	for _, tt := range []struct {
		v    string
		b    render.Bump
		want string
	}{{"1.2.3", render.BumpMajor, "2.0.0"}, {"1.2.3", render.BumpMinor, "1.3.0"}, {"1.2.3", render.BumpPatch, "1.2.4"}, {"0.9.0-rc.1", render.BumpPatch, "0.9.1"}, {"1.2.3", render.BumpNone, "1.2.3"}} {
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
		if msg := ModulePathProblem(goMod, v); msg != "" {
			t.Errorf("%s: %s", v, msg)
		}
	}
	msg := ModulePathProblem(goMod, "2.0.0")
	for _, want := range []string{"major version v2", `"example.com/x/regions/v2"`, "Run make major N=2"} {
		if !strings.Contains(msg, want) {
			t.Errorf("2.0.0 without /v2: %q lacks %q", msg, want)
		}
	}
	write("module example.com/x/regions/v2\n\ngo 1.23\n")
	if msg := ModulePathProblem(goMod, "2.1.0"); msg != "" {
		t.Errorf("2.1.0 with /v2: %s", msg)
	}
	if msg := ModulePathProblem(goMod, "3.0.0"); !strings.Contains(msg, `"example.com/x/regions/v3"`) || !strings.Contains(msg, "make major N=3") {
		t.Errorf("3.0.0 with /v2: %s", msg)
	}
}
