package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadValidate feeds arbitrary bytes to the loader and validator: they
// must not panic, every problem must carry a position (except the few about
// the file as a whole), and an accepted table must render.
func FuzzLoadValidate(f *testing.F) {
	for _, dir := range []string{"valid", "errors"} {
		paths, _ := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tbl, err := parseTable("f.yaml", data)
		if err != nil {
			var ie *inputError
			if !errors.As(err, &ie) || len(ie.list) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			for _, p := range ie.list {
				if p.pos.line == 0 && !fileLevelProblem(p.msg) {
					t.Fatalf("problem without a position: %s", p.msg)
				}
			}
			return
		}
		if _, err := genGo(tbl); err != nil {
			t.Fatalf("accepted table does not render: %v", err)
		}
		genMarkdown(tbl)
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
