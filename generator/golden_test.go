package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

var update = flag.Bool("update", false, "rewrite the expected output in the fixtures under testdata/ from what the generator produces now")

func mustTable(t *testing.T, path string) *table.Table {
	t.Helper()
	tbl, err := table.Load(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tbl
}

// TestGolden generates every valid fixture (testdata/valid/*.txt) and
// compares the Go and Markdown output with its sections data_gen.go and
// REGIONS.md.
func TestGolden(t *testing.T) {
	for _, path := range archives(t, "valid") {
		t.Run(fixtureName(path), func(t *testing.T) {
			outs, err := renderOutputs(parseValid(t, path), "data_gen.go", "REGIONS.md")
			if err != nil {
				t.Fatal(err)
			}
			a := readArchive(t, path)
			compareSection(t, a, "data_gen.go", outs[0].Data)
			compareSection(t, a, "REGIONS.md", outs[1].Data)
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
			if i > 0 && !bytes.Equal(o.Data, prev[j]) {
				t.Errorf("output %d differs between runs", j)
			}
			prev = append(prev, o.Data)
		}
	}
}
