package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/ossregions/ossregions/internal/release"
	"github.com/ossregions/ossregions/internal/table"
)

// TestMaintainerProcedures follows the numbered list of "Changing the
// table" in docs/maintaining.md, step by step as written, for each case
// it names (adding, deprecating and removing a region), in a temporary
// clone of the repository with the working tree on top, and runs the tests
// of every module after each step. The regions are picked from the table,
// not named. A step the test does not know fails it, so that the document
// and the test cannot drift apart.
func TestMaintainerProcedures(t *testing.T) {
	if testing.Short() {
		t.Skip("follows the procedures in a copy of the repository; skipped with -short")
	}
	t.Parallel() // mostly waiting for its commands: the other tests run meanwhile
	steps := procedureSteps(t)
	dir := repoClone(t)
	finishRelease(t, dir)
	tbl := mustTable(t, filepath.Join(dir, "regions.yaml"))
	major, minor := semverParts(t, tbl.Version)
	examples, err := os.ReadFile("../regions/example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	// The region to deprecate and then remove: active, not the default, and
	// named by no Example (an Example that names it prints its data, and
	// docs/maintaining.md says to update it).
	var victim *table.Region
	for i := range tbl.Regions {
		r := &tbl.Regions[i]
		if r != tbl.Default && r.Status == table.StatusActive && !strings.Contains(string(examples), "regions."+r.GoName+".") {
			victim = r
		}
	}
	cases := []struct {
		name, version string
		edit          func(string) string
		want          string // in the change report
	}{
		{"adding a region", version(major, minor+1, 0), func(s string) string { return s + testRegion }, "## Added\n\n- `oss-tl-test-1` Testland (Capital) (constant `TLTest1`; sources: D-cn (medium))"},
		{"deprecating a region", version(major, minor+2, 0), func(s string) string {
			return strings.Replace(s, "  - id: "+victim.ID+"\n", "  - id: "+victim.ID+"\n    status: decommissioning\n", 1)
		}, "## Lifecycle\n\n- `" + victim.ID + "`"},
		{"removing a region", version(major+1, 0, 0), func(s string) string {
			start := strings.Index(s, "  - id: "+victim.ID+"\n")
			end := strings.Index(s[start+1:], "\n  - id: ")
			return s[:start] + s[start+1+end+1:]
		}, "## Removed\n\n- `" + victim.ID + "`"},
	}
	for _, c := range cases {
		p := &procedure{t: t, dir: dir, name: c.name}
		for _, step := range steps {
			p.follow(step, c.version, c.edit, c.want)
		}
	}
	// Reviewing a range: the report from the copy's first commit, across
	// the three releases, with the verdict's comparison named.
	first, err := gitIn(dir, "rev-list", "--max-parents=0", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	out, err := makeIn(dir, "changes", "FROM="+strings.Fields(first)[0])
	if err != nil || !strings.Contains(out, "This report runs from ") || !strings.Contains(out, "## Added") {
		t.Errorf("make changes FROM=<the first commit>: %v\n%s", err, out)
	}
}

// finishRelease takes a working tree in the middle of the procedure (a
// version set, recorded or not, the changelog written or not) through its
// remaining steps, make changes, make record, the changelog and the
// commit, so that the procedures start from a release; a finished one
// passes through unchanged.
func finishRelease(t *testing.T, dir string) {
	t.Helper()
	p := &procedure{t: t, dir: dir, name: "the release in progress"}
	report, err := makeIn(dir, "changes")
	if err != nil {
		t.Fatalf("the working tree is not at a step of the procedure: make changes: %v\n%s", err, report)
	}
	p.report = report
	if out, err := makeIn(dir, "record"); err != nil {
		t.Fatalf("%s: make record: %v\n%s", p.name, err, out)
	}
	v := strings.TrimPrefix(versionLine.FindString(readTable(t, dir)), "version: ")
	changelog, err := os.ReadFile(filepath.Join(dir, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(changelog), "\n# Region data "+v+" (from ") {
		p.addToChangelog()
	}
	for _, args := range [][]string{{"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "release " + v}} {
		if out, err := gitIn(dir, args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if out, err := makeIn(dir, "release-gate"); err != nil {
		t.Fatalf("%s: make release-gate: %v\n%s", p.name, err, out)
	}
}

// testRegion is the entry the procedure adds.
const testRegion = `  - id: oss-tl-test-1
    name: "Testland (Capital)"
    sources: [D-cn]
    confidence: medium
    mainland_china: false
    endpoints:
      public: oss-tl-test-1.aliyuncs.com
      internal: oss-tl-test-1-internal.aliyuncs.com
      vpc: oss-tl-test-1-internal.aliyuncs.com
    accelerate: false
    vip_ranges: ticket
`

// procedureSteps returns the first code span of each numbered step of
// "Changing the table" in docs/maintaining.md: the command the step runs,
// or the file it edits.
func procedureSteps(t *testing.T) []string {
	t.Helper()
	doc, err := os.ReadFile("../docs/maintaining.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Changing the table\n")
	if !ok {
		t.Fatal(`docs/maintaining.md has no section "Changing the table"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var steps []string
	for n, m := range regexp.MustCompile("(?m)^(\\d+)\\. [^`]*`([^`]+)`").FindAllStringSubmatch(section, -1) {
		if m[1] != fmt.Sprint(n+1) {
			t.Fatalf("docs/maintaining.md, Changing the table: step %s where %d was expected", m[1], n+1)
		}
		steps = append(steps, m[2])
	}
	if len(steps) < 5 {
		t.Fatalf("docs/maintaining.md, Changing the table: only %d steps found: %q", len(steps), steps)
	}
	return steps
}

// procedure is one case followed through the steps.
type procedure struct {
	t         *testing.T
	dir, name string
	report    string // what make changes printed
}

// follow does one step as the document says, then runs every module's
// tests after each step that changes the tree or its history (the steps
// that only judge change nothing).
func (p *procedure) follow(step, version string, edit func(string) string, want string) {
	t := p.t
	t.Helper()
	start := time.Now()
	defer func() { t.Logf("%s: %s: %v", p.name, step, time.Since(start).Round(time.Millisecond)) }()
	run := func(out string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatalf("%s, %s: %v\n%s", p.name, step, err, out)
		}
		return out
	}
	switch {
	case step == "regions.yaml":
		editTable(t, p.dir, func(s string) string { return versionLine.ReplaceAllString(edit(s), "version: "+version) })
		return // the outputs are stale until make generate: make test says so
	case strings.HasPrefix(step, "make major N="):
		n := strings.Split(version, ".")[0]
		if n == "0" || n == "1" || strings.HasSuffix(p.modulePath(), "/v"+n) {
			return // the step is for a new major version from 2 on
		}
		old := p.modulePath()
		p.wrongVersionsNameTheRightOne(version)
		_, err := makeIn(p.dir, "changes")
		if err == nil {
			t.Fatalf("%s: make changes at %s before make major", p.name, version)
		}
		// Every file the move rewrites, user documents included, must hold
		// the moved text afterwards.
		major, _ := strconv.Atoi(n)
		moved, err := release.MoveMajor(p.dir, major)
		if err != nil || len(moved) == 0 {
			t.Fatalf("%s: the move to /v%s plans %d files: %v", p.name, n, len(moved), err)
		}
		run(makeIn(p.dir, "major", "N="+n))
		for _, f := range moved {
			if got, err := os.ReadFile(f.Path); err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("%s: after make major N=%s, %s does not hold the path moved from %s: %v", p.name, n, f.Path, old, err)
			}
		}
		return // the outputs are stale until make generate
	case step == "make generate":
		run(makeIn(p.dir, "generate"))
		return // make test is the next step
	case step == "make record":
		run(makeIn(p.dir, "record"))
	case step == "make test":
		// make test's lint and fuzzing run in the repository itself: here
		// its tests, below.
	case step == "make changes":
		p.report = run(makeIn(p.dir, "changes"))
		if !strings.Contains(p.report, want) {
			t.Fatalf("%s: make changes:\n%s\nwant %q", p.name, p.report, want)
		}
		return
	case step == "CHANGELOG.md":
		p.addToChangelog()
	case strings.HasPrefix(step, "git add -A && git commit -m "):
		// The message as the step gives it, X.Y.Z the version.
		msg, err := strconv.Unquote(strings.TrimPrefix(step, "git add -A && git commit -m "))
		if err != nil || !strings.Contains(msg, "X.Y.Z") {
			t.Fatalf("docs/maintaining.md, Changing the table: %q: want a quoted commit message naming X.Y.Z", step)
		}
		run(gitIn(p.dir, "add", "-A"))
		run(gitIn(p.dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", strings.ReplaceAll(msg, "X.Y.Z", version)))
	case step == "make release-check":
		// Of release-check, the stale check and the gate are what a step can
		// break; lint runs in the repository itself and the tests below.
		run(makeIn(p.dir, "check", "release-gate"))
		return // it changes nothing: the tests ran after the commit
	case strings.HasPrefix(step, "git tag regions/v"):
		run(gitIn(p.dir, "tag", "regions/v"+version))
		return
	default:
		t.Fatalf("docs/maintaining.md, Changing the table: a step the test does not know: %q", step)
	}
	p.testModules(step)
}

// addToChangelog puts the report of make changes into CHANGELOG.md above
// the newest section.
func (p *procedure) addToChangelog() {
	p.t.Helper()
	path := filepath.Join(p.dir, "CHANGELOG.md")
	data, err := os.ReadFile(path)
	if err != nil {
		p.t.Fatal(err)
	}
	i := strings.Index(string(data), "\n# Region data ")
	report := p.report[strings.Index(p.report, "# Region data "):] // make's own lines go
	writeFile(p.t, path, []byte(string(data[:i+1])+report+"\n"+string(data[i+1:])))
}

// wrongVersionsNameTheRightOne: a minor bump for a removal is refused by
// every gate with the version to set.
func (p *procedure) wrongVersionsNameTheRightOne(want string) {
	t := p.t
	t.Helper()
	table := readTable(t, p.dir)
	major, minor := semverParts(t, strings.TrimPrefix(versionLine.FindString(table), "version: "))
	editTable(t, p.dir, setVersion(version(major-1, minor+1, 0)))
	for _, target := range []string{"changes", "record", "release-gate"} {
		if out, err := makeIn(p.dir, target); err == nil || !strings.Contains(out, "set version: "+want) {
			t.Errorf("%s: make %s with a minor bump: %v\n%s", p.name, target, err, out)
		}
	}
	writeFile(t, filepath.Join(p.dir, "regions.yaml"), []byte(table))
}

func (p *procedure) modulePath() string {
	data, err := os.ReadFile(filepath.Join(p.dir, "regions", "go.mod"))
	if err != nil {
		p.t.Fatal(err)
	}
	return modfile.ModulePath(data)
}

// testModules runs the tests of every module in the copy, all at once:
// the step must leave them all passing. Go's test cache reruns exactly the
// tests whose packages or files read changed, so a step that changes
// little costs little. Left out: this test itself, and
// TestLargeTableCompiles, whose synthetic table no procedure changes (make
// release-check runs it; it skips under -short).
func (p *procedure) testModules(step string) {
	p.t.Helper()
	modules := []string{".", "regions", "internal/benchcmp", "internal/sdktest", "internal/drift"}
	outs, errs := make([]string, len(modules)), make([]error, len(modules))
	var wg sync.WaitGroup
	for i, m := range modules {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = goIn(filepath.Join(p.dir, m), "test", "-skip", "^(TestMaintainerProcedures|TestLargeTableCompiles)$", "./...")
		}()
	}
	wg.Wait()
	for i, m := range modules {
		if errs[i] != nil {
			p.t.Errorf("%s, after %s: the tests of module %s fail: %v\n%s", p.name, step, m, errs[i], outs[i])
		}
	}
}

// repoClone clones the repository with its history, where the ledger's
// releases are, and puts the working tree on top as one commit, so that
// uncommitted work is what the procedures start from.
func repoClone(t *testing.T) string {
	t.Helper()
	if out, err := exec.Command("git", "-C", "..", "rev-parse", "--is-shallow-repository").Output(); err != nil || strings.TrimSpace(string(out)) != "false" {
		t.Skipf("needs a git checkout with its history, where the releases are (git fetch --unshallow): %v %s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "repo")
	if out, err := exec.Command("git", "clone", "-q", "--no-checkout", "..", dir).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
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
	for _, args := range [][]string{{"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "the working tree"}} {
		if out, err := gitIn(dir, args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
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

// editTable applies edit to the copy's regions.yaml.
func editTable(t *testing.T, dir string, edit func(string) string) {
	t.Helper()
	path := filepath.Join(dir, "regions.yaml")
	writeFile(t, path, []byte(edit(readTable(t, dir))))
}

func readTable(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "regions.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var versionLine = regexp.MustCompile(`(?m)^version: .*$`)

func setVersion(v string) func(string) string {
	return func(s string) string { return versionLine.ReplaceAllString(s, "version: "+v) }
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
	return fmt.Sprintf("%d.%d.%d", major, minor, patch)
}
