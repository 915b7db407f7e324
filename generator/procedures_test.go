package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// The maintainer procedures of docs/maintaining.md, followed in a temporary copy of the
// repository with the commands it names: add a region, deprecate one,
// remove one. The regions are picked from the table, not named.

// repoCopy copies the repository, every module of it, without its git
// data and installed tools.
func repoCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", path)
		switch {
		case d.IsDir() && (d.Name() == ".git" || rel == "bin"):
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		case !d.Type().IsRegular() || d.Name() == ".git":
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// goIn runs the go command in dir and returns its combined output and error.
func goIn(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// editTable applies edit to the copy's regions.yaml.
func editTable(t *testing.T, dir string, edit func(string) string) {
	t.Helper()
	path := filepath.Join(dir, "regions.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, []byte(edit(string(data))))
}

var versionLine = regexp.MustCompile(`(?m)^version: .*$`)

func setVersion(v string) func(string) string {
	return func(s string) string { return versionLine.ReplaceAllString(s, "version: "+v) }
}

// release regenerates, runs the regions tests and the change report from
// the table at old, and returns the report.
func release(t *testing.T, dir, old string) (string, error) {
	t.Helper()
	if out, err := goIn(dir, "generate", "./..."); err != nil {
		t.Fatalf("go generate: %v\n%s", err, out)
	}
	if out, err := goIn(filepath.Join(dir, "regions"), "test", "-short", "-count=1", "./..."); err != nil {
		t.Fatalf("regions tests after the change: %v\n%s", err, out)
	}
	oldPath := filepath.Join(t.TempDir(), "old.yaml")
	writeFile(t, oldPath, []byte(old))
	report, err := goIn(dir, "run", "./generator", "-changes-from", oldPath, "-releases", "releases.txt")
	t.Logf("change report (%v):\n%s", err, report)
	if err == nil {
		// The report is out: record the release and commit it (docs/maintaining.md,
		// "Making a release").
		if out, err := makeIn(dir, "record"); err != nil {
			t.Fatalf("make record: %v\n%s", err, out)
		}
		if out, err := gitIn(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "release"); err != nil {
			t.Fatalf("git commit: %v\n%s", err, out)
		}
	}
	return report, err
}

func readTable(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "regions.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestMaintainerProcedures(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and tests copies of the repository; skipped with -short")
	}
	tbl := mustTable(t, "../regions.yaml")
	dir := repoCopy(t)
	// A repository of its own: the ledger finds releases in its history.
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "copy"}} {
		if out, err := gitIn(dir, args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	major, minor := semverParts(t, tbl.Version)
	// Between a version bump and make record the table's version is not in
	// the ledger: record it as make record would (version and digest), so
	// that the procedures start from a release.
	if recordTable(t, filepath.Join(dir, "releases.txt"), tbl) {
		if out, err := gitIn(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "record"); err != nil {
			t.Fatalf("git commit: %v\n%s", err, out)
		}
	}

	// Adding a region: an entry, a minor version, make generate, the tests.
	old := readTable(t, dir)
	editTable(t, dir, setVersion(version(major, minor+1, 0)))
	editTable(t, dir, func(s string) string {
		return s + `  - id: oss-xx-test-1
    name: "Testland (Capital)"
    sources: [D-cn]
    confidence: medium
    mainland_china: false
    endpoints:
      public: oss-xx-test-1.aliyuncs.com
      internal: oss-xx-test-1-internal.aliyuncs.com
      vpc: oss-xx-test-1-internal.aliyuncs.com
    accelerate: false
    vip_ranges: ticket
`
	})
	report, err := release(t, dir, old)
	if err != nil || !strings.Contains(report, "## Added\n\n- `oss-xx-test-1` Testland (Capital) (constant `XXTest1`)") {
		t.Fatalf("adding a region: %v\n%s", err, report)
	}

	// Deprecating a region: a status and a minor version. The region is one
	// that no Example names: an Example that names it prints its data and
	// must be updated with it (docs/maintaining.md).
	examples, err := os.ReadFile("../regions/example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var victim *table.Region
	for i := range tbl.Regions {
		r := &tbl.Regions[i]
		if r != tbl.Default && r.Status == table.StatusActive && !strings.Contains(string(examples), "regions."+r.GoName+".") {
			victim = r
		}
	}
	old = readTable(t, dir)
	editTable(t, dir, setVersion(version(major, minor+2, 0)))
	editTable(t, dir, func(s string) string {
		return strings.Replace(s, "  - id: "+victim.ID+"\n", "  - id: "+victim.ID+"\n    status: decommissioning\n", 1)
	})
	report, err = release(t, dir, old)
	if err != nil || !strings.Contains(report, "## Lifecycle\n\n- `"+victim.ID+"`") {
		t.Fatalf("deprecating %s: %v\n%s", victim.ID, err, report)
	}

	// Removing it: refused without a major version, with the version to set;
	// then, at 2.0.0, refused until the module path has /v2; then done.
	old = readTable(t, dir)
	editTable(t, dir, func(s string) string {
		start := strings.Index(s, "  - id: "+victim.ID+"\n")
		end := strings.Index(s[start+1:], "\n  - id: ")
		return s[:start] + s[start+1+end+1:]
	})
	next := version(major+1, 0, 0)
	report, err = release(t, dir, old)
	if err == nil || !strings.Contains(report, "was released with other data (releases.txt:") || !strings.Contains(report, "raise the version; set version: "+next) {
		t.Fatalf("removing %s without a major version: %v\n%s", victim.ID, err, report)
	}
	editTable(t, dir, setVersion(next))
	report, err = release(t, dir, old)
	if major+1 >= 2 {
		if err == nil || !strings.Contains(report, "Go requires its module path to end in /v") {
			t.Fatalf("major version %s without a /vN module path: %v\n%s", next, err, report)
		}
		// The command the message gives, then every module's tests.
		if out, err := makeIn(dir, "major", "N="+strings.Split(next, ".")[0]); err != nil {
			t.Fatalf("make major: %v\n%s", err, out)
		}
		report, err = release(t, dir, old)
	}
	if err != nil || !strings.Contains(report, "## Removed\n\n- `"+victim.ID+"`") {
		t.Fatalf("removing %s at %s: %v\n%s", victim.ID, next, err, report)
	}
	// The ledger cannot be fooled: a recorded release may not go away, and
	// make record refuses a version the rule does not give.
	ledger := readTable(t, dir) // for its version line below
	rels, err := os.ReadFile(filepath.Join(dir, "releases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(rels), "\n"), "\n")
	writeFile(t, filepath.Join(dir, "releases.txt"), []byte(strings.Join(lines[:len(lines)-1], "\n")+"\n"))
	if out, err := goIn(dir, "run", "./generator", "-changes-since-release", "-releases", "releases.txt"); err == nil || !strings.Contains(out, "never changes or goes away") {
		t.Errorf("a ledger without its last line: %v\n%s", err, out)
	}
	writeFile(t, filepath.Join(dir, "releases.txt"), rels)
	editTable(t, dir, setVersion(version(major+3, 0, 0)))
	if out, err := makeIn(dir, "record"); err == nil || !strings.Contains(out, "but nothing changed since") {
		t.Errorf("make record of %s: %v\n%s", version(major+3, 0, 0), err, out)
	}
	writeFile(t, filepath.Join(dir, "regions.yaml"), []byte(ledger))

	// Every module still builds and passes its tests at the new path (the
	// root's with -short: it holds this test).
	for _, m := range []string{".", "regions", "internal/benchcmp", "internal/sdktest", "internal/drift"} {
		args := []string{"test", "-count=1", "./..."}
		if m == "." {
			args = append(args, "-short") // it holds this test
		}
		if out, err := goIn(filepath.Join(dir, m), args...); err != nil {
			t.Errorf("module %s after the release of %s: %v\n%s", m, next, err, out)
		}
	}
}

// gitIn runs git in dir and returns its combined output and error.
func gitIn(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// makeIn runs make in dir and returns its combined output and error.
func makeIn(dir string, args ...string) (string, error) {
	cmd := exec.Command("make", append([]string{"--no-print-directory"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func semverParts(t *testing.T, v string) (major, minor int) {
	t.Helper()
	var patch int
	if _, err := fmt.Sscanf(v, "%d.%d.%d", &major, &minor, &patch); err != nil {
		t.Fatal(err)
	}
	return major, minor
}

func version(major, minor, patch int) string {
	return strconv.Itoa(major) + "." + strconv.Itoa(minor) + "." + strconv.Itoa(patch)
}

// recordTable adds tbl's version and data digest to the ledger at path
// unless its version is there, and reports whether it did.
func recordTable(t *testing.T, path string, tbl *table.Table) bool {
	t.Helper()
	rels, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(rels), "\n") {
		if strings.HasPrefix(line, tbl.Version+" ") {
			return false
		}
	}
	writeFile(t, path, append(rels, []byte(tbl.Version+" "+tbl.DataDigest()+"\n")...))
	return true
}
