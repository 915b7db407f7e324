package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/release"
)

// TestChangeReports runs the change report on every fixture under
// testdata/changes and compares report and version verdict with its report
// section. The earlier table is the base table with the fixture's before
// patch applied (none: the base as it is); the new table is that with its
// after patch applied (none: unchanged). They are written as
// NAME.before.yaml and NAME.after.yaml, the names the report shows.
func TestChangeReports(t *testing.T) {
	for _, path := range archives(t, "changes") {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			a := readArchive(t, path)
			a.checkSections(t, "before", "after", "report")
			before := a.patched(t, readBase(t), "before")
			after := a.patched(t, before, "after")
			dir := t.TempDir()
			oldPath := filepath.Join(dir, name+".before.yaml")
			newPath := filepath.Join(dir, name+".after.yaml")
			writeFile(t, oldPath, []byte(before))
			writeFile(t, newPath, []byte(after))
			var out bytes.Buffer
			err := run([]string{"-in", newPath, "-changes-from", oldPath}, &out)
			verdict := "version check: ok\n"
			if err != nil {
				if !errors.Is(err, release.ErrPolicy) {
					t.Fatalf("unexpected error: %v", err)
				}
				verdict = "version check: " + err.Error() + "\n"
			}
			got := strings.ReplaceAll(out.String()+"\n"+verdict, dir+string(os.PathSeparator), "")
			compareSection(t, a, "report", []byte(got))
		})
	}
}
