package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/ossregions/ossregions/internal/table"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ from what the generator produces now")

// compareGolden fails with a diff if got differs from the golden file; with
// -update it rewrites the file instead.
func compareGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, udiff.Unified(golden, "got", string(want), string(got)))
	}
}

func fixtures(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/%s: %v", dir, err)
	}
	return files
}

func mustTable(t *testing.T, path string) *table.Table {
	t.Helper()
	tbl, err := table.Load(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tbl
}

// TestGolden generates every valid fixture and compares the Go and
// Markdown output with the golden files beside it.
func TestGolden(t *testing.T) {
	for _, path := range fixtures(t, "valid") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			tbl := mustTable(t, path)
			outs, err := renderOutputs(tbl, "data_gen.go", "REGIONS.md")
			if err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(path, ".yaml")
			compareGolden(t, base+".go.golden", outs[0].data)
			compareGolden(t, base+".md.golden", outs[1].data)
		})
	}
}

// TestErrors runs every error fixture (testdata/errors/*.txt) and compares
// the complete error output, positions included, with its want section.
// The table is named NAME.yaml in the output; positions are in the table
// as patched.
func TestErrors(t *testing.T) {
	for _, path := range archives(t, "errors") {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			a := readArchive(t, path)
			a.checkSections(t, "patch", "table.yaml", "want")
			_, err := table.Parse(name+".yaml", []byte(a.errorTable(t)))
			if err == nil {
				t.Fatal("accepted; want an error")
			}
			var ie *table.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error is not an input error: %v", err)
			}
			for _, p := range ie.Problems() {
				if p.Line == 0 && !strings.HasPrefix(p.Msg, "the file is empty") && !strings.HasPrefix(p.Msg, "regions: the table has no regions") {
					t.Errorf("problem without a position: %s", p.Msg)
				}
			}
			compareSection(t, a, "want", []byte(err.Error()+"\n"))
		})
	}
}

// TestCommittedOutputIsCurrent regenerates from the repository's table and
// compares with the committed files.
func TestCommittedOutputIsCurrent(t *testing.T) {
	tbl := mustTable(t, "../regions.yaml")
	outs, err := renderOutputs(tbl, "../regions/data_gen.go", "../REGIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := staleDiff(outs)
	if err != nil {
		t.Fatal(err)
	}
	if d != "" {
		t.Errorf("committed output is stale; run make generate:\n%s", d)
	}
}

// TestDeterministic generates the real table twice, from two separate
// parses, and requires identical bytes.
func TestDeterministic(t *testing.T) {
	var prev [][]byte
	for i := 0; i < 2; i++ {
		outs, err := renderOutputs(mustTable(t, "../regions.yaml"), "x.go", "x.md")
		if err != nil {
			t.Fatal(err)
		}
		for j, o := range outs {
			if i > 0 && !bytes.Equal(o.data, prev[j]) {
				t.Errorf("output %d differs between runs", j)
			}
			prev = append(prev, o.data)
		}
	}
}
