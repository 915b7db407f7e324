package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestChangeReports runs the change report on every fixture pair under
// testdata/changes and compares report and version verdict with the
// .report golden file.
func TestChangeReports(t *testing.T) {
	olds, err := filepath.Glob("testdata/changes/*.old.yaml")
	if err != nil || len(olds) == 0 {
		t.Fatalf("no fixture pairs: %v", err)
	}
	for _, oldPath := range olds {
		base := strings.TrimSuffix(oldPath, ".old.yaml")
		t.Run(filepath.Base(base), func(t *testing.T) {
			var out bytes.Buffer
			err := run([]string{"-in", base + ".new.yaml", "-changes-from", oldPath}, &out)
			verdict := "version check: ok\n"
			if err != nil {
				if !errors.Is(err, errVersionPolicy) {
					t.Fatalf("unexpected error: %v", err)
				}
				verdict = "version check: " + err.Error() + "\n"
			}
			compareGolden(t, base+".report", []byte(out.String()+"\n"+verdict))
		})
	}
}

// TestModulePathForMajorVersions: from v2 on, the release gate refuses a
// module path without the /vN suffix and says how to add it.
func TestModulePathForMajorVersions(t *testing.T) {
	dir := t.TempDir()
	goMod := filepath.Join(dir, "go.mod")
	writeFile(t, goMod, []byte("module github.com/ossregions/ossregions/regions\n\ngo 1.23\n"))
	for _, v := range []string{"0.3.0", "1.0.0", "1.9.2"} {
		if msg := modulePathProblem(goMod, v); msg != "" {
			t.Errorf("%s: %s", v, msg)
		}
	}
	msg := modulePathProblem(goMod, "2.0.0")
	for _, want := range []string{"major version v2", `"github.com/ossregions/ossregions/regions/v2"`, "Run make major N=2"} {
		if !strings.Contains(msg, want) {
			t.Errorf("2.0.0 without /v2: %q lacks %q", msg, want)
		}
	}
	writeFile(t, goMod, []byte("module github.com/ossregions/ossregions/regions/v2\n\ngo 1.23\n"))
	if msg := modulePathProblem(goMod, "2.1.0"); msg != "" {
		t.Errorf("2.1.0 with /v2: %s", msg)
	}
	if msg := modulePathProblem(goMod, "3.0.0"); !strings.Contains(msg, `"github.com/ossregions/ossregions/regions/v3"`) {
		t.Errorf("3.0.0 with /v2: %s", msg)
	}
}
