package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/release"
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
				if !errors.Is(err, release.ErrPolicy) {
					t.Fatalf("unexpected error: %v", err)
				}
				verdict = "version check: " + err.Error() + "\n"
			}
			compareGolden(t, base+".report", []byte(out.String()+"\n"+verdict))
		})
	}
}
