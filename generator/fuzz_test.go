package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// FuzzLoadValidate feeds arbitrary bytes to the loader and validator: they
// must not panic, every problem must carry a position (except the few about
// the file as a whole), and an accepted table must render.
func FuzzLoadValidate(f *testing.F) {
	for _, p := range archives(f, "valid") {
		f.Add(validTable(f, p))
	}
	for _, p := range archives(f, "errors") {
		f.Add(errorTable(f, p))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tbl, err := table.Parse("f.yaml", data)
		if err != nil {
			var ie *table.InputError
			if !errors.As(err, &ie) || len(ie.Problems()) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			for _, p := range ie.Problems() {
				if p.Line == 0 && !fileLevelProblem(p.Msg) {
					t.Fatalf("problem without a position: %s", p.Msg)
				}
			}
			return
		}
		if _, err := render.Go(tbl); err != nil {
			t.Fatalf("accepted table does not render: %v", err)
		}
		render.Markdown(tbl)
	})
}

// fileLevelProblem reports whether msg is about the file as a whole, where
// there is no better position to give.
func fileLevelProblem(msg string) bool {
	for _, prefix := range []string{"the file is empty", "regions: the table has no regions", "not valid YAML: ", "expected one YAML document"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}
