package main

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// workspace copies a fixture into a fresh directory with committed outputs
// holding known bytes, and returns the config that generates into it.
func workspace(t *testing.T, fixture string) config {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
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
		left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
		if len(left) > 0 {
			t.Errorf("temporary files left behind: %v", left)
		}
	}
}

func TestWriteGeneratesBothOutputs(t *testing.T) {
	c := workspace(t, "testdata/valid/basic.yaml")
	if err := run(c.args(), nil); err != nil {
		t.Fatal(err)
	}
	for _, golden := range []string{"testdata/valid/basic.go.golden", "testdata/valid/basic.md.golden"} {
		want, _ := os.ReadFile(golden)
		path := c.out
		if strings.HasSuffix(golden, ".md.golden") {
			path = c.md
		}
		got, _ := os.ReadFile(path)
		// The goldens name the input "basic.yaml"; the workspace calls it regions.yaml.
		if string(got) != strings.ReplaceAll(string(want), "from basic.yaml;", "from regions.yaml;") {
			t.Errorf("%s does not match %s", path, golden)
		}
	}
	assertNoTemps(t, c)
	if err := run(append(c.args(), "-check"), nil); err != nil {
		t.Errorf("-check right after generating: %v", err)
	}
}

func TestFailedRunWritesNothing(t *testing.T) {
	c := workspace(t, "testdata/errors/many_problems.yaml")
	err := run(c.args(), nil)
	var ie *inputError
	if !errors.As(err, &ie) || len(ie.list) != 5 {
		t.Fatalf("want all 5 problems, got %v", err)
	}
	assertUntouched(t, c)
}

func TestCheckModeReportsStaleOutput(t *testing.T) {
	c := workspace(t, "testdata/valid/basic.yaml")
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
	c := workspace(t, "testdata/valid/basic.yaml")
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
	c := workspace(t, "testdata/valid/basic.yaml")
	c.in = filepath.Join(t.TempDir(), "nope.yaml")
	err := run(c.args(), nil)
	if err == nil || !strings.Contains(err.Error(), "nope.yaml: no such file or directory") {
		t.Errorf("missing input: %v", err)
	}
	assertUntouched(t, c)
}

func TestOutputDirectoryMissing(t *testing.T) {
	c := workspace(t, "testdata/valid/basic.yaml")
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
	c := workspace(t, "testdata/valid/basic.yaml")
	goodOut := c.out
	c.out = filepath.Join(c.md, "data_gen.go")
	err := run(c.args(), nil)
	if err == nil || !strings.Contains(err.Error(), "writing "+c.out) {
		t.Errorf("output under a file: %v", err)
	}
	c.out = goodOut
	assertUntouched(t, c)
}

// buildGenerator compiles this command once per test binary.
func buildGenerator(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the generator; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "generator")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startPaused runs the generator until it has written its temporary files
// and stops before renaming them.
func startPaused(t *testing.T, bin string, c config) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, c.args()...)
	cmd.Env = append(os.Environ(), "OSSREGIONS_TEST_PAUSE_BEFORE_RENAME=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	paused := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "paused before rename:") {
				paused <- true
				return
			}
		}
		paused <- false
	}()
	select {
	case ok := <-paused:
		if !ok {
			cmd.Wait()
			t.Fatal("the generator exited without pausing")
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("the generator did not reach the rename within a minute")
	}
	return cmd
}

// TestKilledMidWrite stops the generator between writing and renaming: an
// interrupt cleans up; SIGKILL leaves a temporary file, never a damaged
// output, and the next run removes it.
func TestKilledMidWrite(t *testing.T) {
	bin := buildGenerator(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		c := workspace(t, "testdata/valid/basic.yaml")
		cmd := startPaused(t, bin, c)
		cmd.Process.Signal(sig)
		if err := cmd.Wait(); err == nil {
			t.Errorf("%v: the generator exited 0", sig)
		}
		assertUntouched(t, c)
	}

	c := workspace(t, "testdata/valid/basic.yaml")
	cmd := startPaused(t, bin, c)
	cmd.Process.Kill()
	cmd.Wait()
	for path, want := range map[string]string{c.out: "committed go\n", c.md: "committed md\n"} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("after SIGKILL %s holds %q", path, got)
		}
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(c.out), tempPrefix+"*"))
	if len(left) != 1 {
		t.Errorf("after SIGKILL: temporary files %v; want the one the killed run left", left)
	}
	out, err := exec.Command(bin, c.args()...).CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	assertNoTemps(t, c)
	if got, _ := os.ReadFile(c.out); !strings.HasPrefix(string(got), "// Code generated") {
		t.Errorf("rerun did not write the output: %q", got)
	}
}

// TestBothOutputsInOneDirectory writes the Go and Markdown outputs side by
// side: the sweep of stale temporary files must not remove the other
// output's fresh one.
func TestBothOutputsInOneDirectory(t *testing.T) {
	c := workspace(t, "testdata/valid/basic.yaml")
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
