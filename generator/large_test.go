package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// TestLargeTableCompiles generates the package for a synthetic table of
// 10,000 regions and compiles it with the package's own benchmarks. With
// OSSREGIONS_LARGE_OUT set to a directory it leaves the package there, so
// that make bench-large can run those benchmarks against it.
func TestLargeTableCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a 10,000-region package; skipped with -short")
	}
	tbl, err := table.Parse("synthetic.yaml", syntheticTable(10000))
	if err != nil {
		t.Fatal(err)
	}
	dir := packageFor(t, tbl)
	bench, err := os.ReadFile("../regions/bench_test.go")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "bench_test.go"), bench)
	// -trimpath: the build does not depend on the temporary directory, so
	// Go's build cache holds the compiled package from one run to the next
	// (the generated code is the same each time).
	cmd := exec.Command("go", "test", "-trimpath", "-count=1", "-run", "^$", "-bench", "^$", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the 10,000-region package does not build: %v\n%s", err, out)
	}
	if out := os.Getenv("OSSREGIONS_LARGE_OUT"); out != "" {
		if err := os.CopyFS(out, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		t.Logf("10,000-region package written to %s", out)
	}
}
