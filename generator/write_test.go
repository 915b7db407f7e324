package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// workspace copies the table of a valid fixture (testdata/valid/NAME.txt)
// into a fresh directory with committed outputs holding known bytes, and
// returns the config that generates into it.
func workspace(t *testing.T, name string) config {
	t.Helper()
	return workspaceWith(t, validFixture(t, name))
}

// workspaceWith is workspace for a table given as bytes.
func workspaceWith(t *testing.T, data []byte) config {
	t.Helper()
	dir := t.TempDir()
	c := config{in: filepath.Join(dir, "regions.yaml"), out: filepath.Join(dir, "pkg", "data_gen.go"), md: filepath.Join(dir, "REGIONS.md")}
	writeFile(t, c.in, data)
	if err := os.Mkdir(filepath.Join(dir, "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, c.out, []byte("committed go\n"))
	writeFile(t, c.md, []byte("committed md\n"))
	return c
}

func (c config) args() []string {
	return []string{"-in", c.in, "-out", c.out, "-md", c.md}
}

// assertUntouched checks that both outputs still hold their committed bytes
// and that no temporary file is left in their directories.
func assertUntouched(t *testing.T, c config) {
	t.Helper()
	for path, want := range map[string]string{c.out: "committed go\n", c.md: "committed md\n"} {
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s now holds %q (%v); want it untouched", path, got, err)
		}
	}
	assertNoTemps(t, c)
}

func assertNoTemps(t *testing.T, c config) {
	t.Helper()
	for _, dir := range []string{filepath.Dir(c.out), filepath.Dir(c.md)} {
		left, _ := filepath.Glob(filepath.Join(dir, table.TempPattern))
		if len(left) > 0 {
			t.Errorf("temporary files left behind: %v", left)
		}
	}
}

func TestWriteGeneratesBothOutputs(t *testing.T) {
	c := workspace(t, "basic")
	if err := run(c.args(), nil); err != nil {
		t.Fatal(err)
	}
	a := readArchive(t, "testdata/valid/basic.txt")
	for section, path := range map[string]string{"data_gen.go": c.out, "REGIONS.md": c.md} {
		want := a.get(t, section)
		got, _ := os.ReadFile(path)
		// The goldens name the input "basic.yaml"; the workspace calls it regions.yaml.
		if string(got) != strings.ReplaceAll(want, "from basic.yaml;", "from regions.yaml;") {
			t.Errorf("%s does not match section %s of %s", path, section, a.path)
		}
	}
	assertNoTemps(t, c)
	if err := run(append(c.args(), "-check"), nil); err != nil {
		t.Errorf("-check right after generating: %v", err)
	}
}

func TestFailedRunWritesNothing(t *testing.T) {
	c := workspaceWith(t, errorFixture(t, "many_problems"))
	err := run(c.args(), nil)
	var ie *table.InputError
	if !errors.As(err, &ie) || len(ie.Problems()) != 5 {
		t.Fatalf("want all 5 problems, got %v", err)
	}
	assertUntouched(t, c)
}

func TestCheckModeReportsStaleOutput(t *testing.T) {
	c := workspace(t, "basic")
	err := run(append(c.args(), "-check"), nil)
	if !errors.Is(err, errStale) {
		t.Fatalf("-check on stale output: %v", err)
	}
	for _, want := range []string{"--- " + c.out + " (committed)", "+++ " + c.out + " (generated)", "-committed go", "+const Version = \"0.1.0\"", "-committed md"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("-check output lacks %q:\n%s", want, err)
		}
	}
	assertUntouched(t, c)
}

// TestPathFlagsGoTogether: a run that names some outputs but not all
// would write the others' defaults, the repository's files.
func TestPathFlagsGoTogether(t *testing.T) {
	c := workspace(t, "basic")
	for _, args := range [][]string{
		{"-in", c.in},
		{"-in", c.in, "-out", c.out},
		{"-out", c.out, "-md", c.md},
		{"-check", "-md", ""},
	} {
		err := run(args, nil)
		if err == nil || !strings.Contains(err.Error(), "-in, -out and -md go together") {
			t.Errorf("run %q: %v; want the flags refused", args, err)
		}
	}
	assertUntouched(t, c)
	if err := run(append(c.args()[:4], "-md", ""), nil); err != nil {
		t.Errorf(`-md "" with -in and -out: %v`, err)
	}
	if got, err := os.ReadFile(c.md); string(got) != "committed md\n" {
		t.Errorf(`-md "" wrote %s: %q, %v`, c.md, got, err)
	}
}

func TestMissingInputFile(t *testing.T) {
	c := workspace(t, "basic")
	c.in = filepath.Join(t.TempDir(), "nope.yaml")
	err := run(c.args(), nil)
	if err == nil || !strings.Contains(err.Error(), "nope.yaml: no such file or directory") {
		t.Errorf("missing input: %v", err)
	}
	assertUntouched(t, c)
}

func TestOutputDirectoryMissing(t *testing.T) {
	c := workspace(t, "basic")
	goodOut := c.out
	c.out = filepath.Join(filepath.Dir(c.out), "missing", "data_gen.go")
	err := run(c.args(), nil)
	if err == nil || !strings.Contains(err.Error(), "writing "+c.out) {
		t.Errorf("output directory missing: %v", err)
	}
	c.out = goodOut
	assertUntouched(t, c)
}

// TestOutputDirectoryNotWritable uses a regular file where the directory
// should be: tests run as root here, where permission bits stop nothing.
func TestOutputDirectoryNotWritable(t *testing.T) {
	c := workspace(t, "basic")
	goodOut := c.out
	c.out = filepath.Join(c.md, "data_gen.go")
	err := run(c.args(), nil)
	if err == nil || !strings.Contains(err.Error(), c.out+": not a directory") {
		t.Errorf("output under a file: %v", err)
	}
	c.out = goodOut
	assertUntouched(t, c)
}

// TestBothOutputsInOneDirectory writes the Go and Markdown outputs side by
// side.
func TestBothOutputsInOneDirectory(t *testing.T) {
	c := workspace(t, "basic")
	c.md = filepath.Join(filepath.Dir(c.out), "REGIONS.md")
	if err := run(c.args(), nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{c.out, c.md} {
		if data, err := os.ReadFile(p); err != nil || len(data) == 0 {
			t.Errorf("%s: %v (%d bytes)", p, err, len(data))
		}
	}
	assertNoTemps(t, c)
}

// TestSecondOutputFailureReplacesNothing: an output that cannot be
// replaced (here a directory where REGIONS.md goes) fails the run before
// any output is, the first included.
func TestSecondOutputFailureReplacesNothing(t *testing.T) {
	c := workspace(t, "basic")
	if err := os.Remove(c.md); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(c.md, 0o755); err != nil {
		t.Fatal(err)
	}
	err := run(c.args(), nil)
	if err == nil || !strings.Contains(err.Error(), c.md+": not a regular file") || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("REGIONS.md a directory: %v", err)
	}
	if got, _ := os.ReadFile(c.out); string(got) != "committed go\n" {
		t.Errorf("%s was replaced: %q", c.out, got)
	}
	assertNoTemps(t, c)
}

// TestConcurrentRuns starts two runs on the same outputs at once, many
// times over: both must succeed and leave the right bytes.
func TestConcurrentRuns(t *testing.T) {
	c := workspace(t, "basic")
	want := readArchive(t, "testdata/valid/basic.txt").get(t, "data_gen.go")
	wantGo := strings.ReplaceAll(want, "from basic.yaml;", "from regions.yaml;")
	for round := 0; round < 50; round++ {
		writeFile(t, c.out, []byte("stale go\n"))
		writeFile(t, c.md, []byte("stale md\n"))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = run(c.args(), nil)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, run %d: %v", round, i, err)
			}
		}
		if got, _ := os.ReadFile(c.out); string(got) != wantGo {
			t.Fatalf("round %d: %s holds %.60q", round, c.out, got)
		}
	}
	assertNoTemps(t, c)
}

// runWithin runs the generator and fails the test if it takes longer than
// a few seconds: reading a FIFO or a device must not hang it.
func runWithin(t *testing.T, args []string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- run(args, nil) }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("run %q did not return within 10 s", args)
		return nil
	}
}

// TestOnlyRegularFilesAreRead puts a symbolic link to /dev/zero and a FIFO
// where an output or the input should be: each run fails at once, naming
// the file, and writes nothing.
func TestOnlyRegularFilesAreRead(t *testing.T) {
	special := map[string]func(path string) error{
		"symlink to /dev/zero": func(path string) error { return os.Symlink("/dev/zero", path) },
		"FIFO":                 func(path string) error { return syscall.Mkfifo(path, 0o644) },
	}
	for what, make := range special {
		for _, role := range []string{"out", "in"} {
			for _, check := range []bool{false, true} {
				c := workspace(t, "basic")
				path := map[string]string{"out": c.out, "in": c.in}[role]
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
				if err := make(path); err != nil {
					t.Fatal(err)
				}
				args := c.args()
				if check {
					args = append(args, "-check")
				}
				err := runWithin(t, args)
				if err == nil || !strings.Contains(err.Error(), path+": not a regular file") {
					t.Errorf("%s as -%s (check %v): %v", what, role, check, err)
				}
				if got, _ := os.ReadFile(c.md); string(got) != "committed md\n" {
					t.Errorf("%s as -%s: %s was replaced", what, role, c.md)
				}
				assertNoTemps(t, c)
			}
		}
	}
}

// TestPathsMustDiffer: an output on top of the input, or both outputs in
// one file, is refused before anything is read.
func TestPathsMustDiffer(t *testing.T) {
	c := workspace(t, "basic")
	for _, args := range [][]string{
		{"-in", c.in, "-out", c.in, "-md", c.md},
		{"-in", c.in, "-out", c.out, "-md", c.in},
		{"-in", c.in, "-out", c.out, "-md", c.out},
		{"-in", c.in, "-out", filepath.Join(filepath.Dir(c.out), ".", filepath.Base(c.out)), "-md", c.out},
	} {
		err := run(args, nil)
		if err == nil || !strings.Contains(err.Error(), "must name different files") {
			t.Errorf("run %q: %v; want the paths refused", args, err)
		}
	}
	assertUntouched(t, c)
}

// TestInputNameIsSanitised names the input so that, printed raw, it would
// end the header comment of either output and start a line of code.
func TestInputNameIsSanitised(t *testing.T) {
	c := workspace(t, "basic")
	evil := filepath.Join(filepath.Dir(c.in), "x -->\nconst Evil = 1 .yaml")
	if err := os.Rename(c.in, evil); err != nil {
		t.Fatal(err)
	}
	c.in = evil
	if err := run(c.args(), nil); err != nil {
		t.Fatal(err)
	}
	const shown = "x_--__const_Evil___1_.yaml"
	goSrc, _ := os.ReadFile(c.out)
	md, _ := os.ReadFile(c.md)
	if first, _, _ := strings.Cut(string(goSrc), "\n"); first != "// Code generated by "+render.GeneratorPath+" from "+shown+"; DO NOT EDIT." {
		t.Errorf("Go header: %q", first)
	}
	if first, _, _ := strings.Cut(string(md), "\n"); first != "<!-- Code generated by "+render.GeneratorPath+" from "+shown+"; DO NOT EDIT. -->" {
		t.Errorf("Markdown header: %q", first)
	}
	if strings.Contains(string(goSrc), "Evil =") {
		t.Error("the file name reached the Go source as code")
	}
}

// TestOtherPathsWriteNoJSON: with -in, -out or -md and no -json, the run
// writes no regions.json, as the flag's help says; with -json it does.
func TestOtherPathsWriteNoJSON(t *testing.T) {
	data := validFixture(t, "basic")
	dir := t.TempDir()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	// Named like the repository's table, in a directory of its own.
	in := "regions.yaml"
	writeFile(t, in, data)
	if err := run([]string{"-in", in, "-out", "x.go", "-md", ""}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("regions.json"); !os.IsNotExist(err) {
		t.Errorf("regions.json written without -json: %v", err)
	}
	if err := run([]string{"-in", in, "-out", "x.go", "-md", "", "-json", "t.json"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("t.json"); err != nil {
		t.Errorf("-json t.json: %v", err)
	}
}
