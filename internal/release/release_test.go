package release

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// The gates are tested in small repositories of their own, made here, so
// that no test depends on the state of the project's own ledger.

// tableText is a valid table of the given version: Hangzhou and one
// region for each of ids, each "ID" or "ID status".
func tableText(version string, ids ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `version: %s
source: test
default_region: oss-cn-hangzhou
default_endpoints:
  public: oss.aliyuncs.com
  internal: oss-internal.aliyuncs.com
accelerate_endpoints:
  global: oss-accelerate.aliyuncs.com
  overseas: oss-accelerate-overseas.aliyuncs.com
sources:
  - key: T
    title: test
    date: 2026-01-01
regions:
`, version)
	for _, id := range append([]string{"oss-cn-hangzhou"}, ids...) {
		id, status, _ := strings.Cut(id, " ")
		fmt.Fprintf(&b, "  - id: %s\n    name: \"Place %s\"\n", id, id)
		if status != "" {
			fmt.Fprintf(&b, "    status: %s\n", status)
		}
		fmt.Fprintf(&b, `    sources: [T]
    confidence: high
    mainland_china: false
    endpoints:
      public: %[1]s.aliyuncs.com
      internal: %[1]s-internal.aliyuncs.com
      vpc: %[1]s-internal.aliyuncs.com
    accelerate: false
    vip_ranges: ticket
`, id)
	}
	b.WriteString("schemes: [{name: http, sources: [T]}, {name: https, sources: [T]}]\n")
	return b.String()
}

// repo is a git repository with a table, a ledger, a changelog and the
// regions module's go.mod.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	r := &repo{t, t.TempDir()}
	r.git("init", "-q")
	r.write("releases.txt", "# the ledger\n")
	r.write("CHANGELOG.md", "# Changelog\n")
	r.write("regions/go.mod", "module example.com/x/regions\n\ngo 1.23\n")
	return r
}

func (r *repo) git(args ...string) {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
	cmd.Dir = r.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func (r *repo) write(name, content string) {
	r.t.Helper()
	path := filepath.Join(r.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) read(name string) string {
	r.t.Helper()
	data, err := os.ReadFile(filepath.Join(r.dir, name))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(data)
}

func (r *repo) paths() Paths {
	return Paths{Ledger: filepath.Join(r.dir, "releases.txt"), Table: filepath.Join(r.dir, "regions.yaml"), GoMod: filepath.Join(r.dir, "regions", "go.mod")}
}

// table writes regions.yaml and returns it loaded.
func (r *repo) table(text string) *table.Table {
	r.t.Helper()
	r.write("regions.yaml", text)
	tbl, err := table.Load(r.paths().Table)
	if err != nil {
		r.t.Fatal(err)
	}
	return tbl
}

// release records the table, adds its changelog section and commits, as
// docs/maintaining.md says.
func (r *repo) release(text string) {
	r.t.Helper()
	tbl := r.table(text)
	data, _, err := Record(r.paths(), tbl)
	if err != nil {
		r.t.Fatalf("recording %s: %v", tbl.Version, err)
	}
	if data != nil {
		r.write("releases.txt", string(data))
	}
	r.write("CHANGELOG.md", strings.Replace(r.read("CHANGELOG.md"), "# Changelog\n", "# Changelog\n\n# Region data "+tbl.Version+" (from x)\n", 1))
	if err := ReadyToRelease(r.paths(), tbl); err != nil {
		r.t.Fatalf("release gate of %s before the commit: %v", tbl.Version, err)
	}
	r.git("add", "-A")
	r.git("commit", "-qm", "release "+tbl.Version)
	if err := ReadyToRelease(r.paths(), tbl); err != nil {
		r.t.Fatalf("release gate of %s after the commit: %v", tbl.Version, err)
	}
}

// gates runs each gate on the working table and returns their errors.
func gates(r *repo, tbl *table.Table) map[string]error {
	_, errJudge := Judge(r.paths(), tbl, nil)
	_, _, errRecord := Record(r.paths(), tbl)
	return map[string]error{"changes": errJudge, "record": errRecord, "release-check": ReadyToRelease(r.paths(), tbl)}
}

// TestEveryGateNamesTheVersion: a wrong version, whatever is wrong with
// it, is refused by every gate with the version to set.
func TestEveryGateNamesTheVersion(t *testing.T) {
	r := newRepo(t)
	r.release(tableText("1.0.0", "oss-xx-a-1", "oss-xx-b-1"))
	for _, tt := range []struct {
		name, text, want string
	}{
		{"added, major bump", tableText("9.0.0", "oss-xx-a-1", "oss-xx-b-1", "oss-xx-c-1"), "larger than the minor bump the changes need (a region was added); set version: 1.1.0"},
		{"added, forgotten bump", tableText("1.0.0", "oss-xx-a-1", "oss-xx-b-1", "oss-xx-c-1"), "version 1.0.0 was released with other data"},
		{"bump without changes", tableText("1.0.1", "oss-xx-a-1", "oss-xx-b-1"), "but nothing changed since 1.0.0; set version: 1.0.0"},
		{"removed, minor bump", tableText("1.1.0", "oss-xx-a-1"), "need a major bump (a region was removed); set version: 2.0.0"},
		{"deprecated, patch bump", tableText("1.0.1", "oss-xx-a-1 decommissioning", "oss-xx-b-1"), "set version: 1.1.0"},
		{"version down", tableText("0.9.0", "oss-xx-a-1", "oss-xx-b-1"), "goes down; a release version never does; set version: 1.0.0"},
	} {
		tbl := r.table(tt.text)
		for gate, err := range gates(r, tbl) {
			if !errors.Is(err, ErrPolicy) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "set version: ") {
				t.Errorf("%s, %s: %v; want %q", tt.name, gate, err, tt.want)
			}
		}
	}
	if got := r.read("releases.txt"); strings.Count(got, "\n1.") != 1 {
		t.Errorf("a refused gate changed the ledger:\n%s", got)
	}
}

// TestGatesAtEveryStep: the procedure's steps in order, each gate as it
// should answer: a bumped version passes the version gates but not the
// release gate until recorded; recorded and committed, all pass.
func TestGatesAtEveryStep(t *testing.T) {
	r := newRepo(t)
	r.release(tableText("1.0.0", "oss-xx-a-1"))
	steps := []string{
		tableText("1.1.0", "oss-xx-a-1", "oss-xx-b-1"),                 // add
		tableText("1.2.0", "oss-xx-a-1 decommissioning", "oss-xx-b-1"), // deprecate
		tableText("1.3.0", "oss-xx-a-1 decommissioned", "oss-xx-b-1"),  // closed
	}
	for _, text := range steps {
		tbl := r.table(text)
		v, err := Judge(r.paths(), tbl, nil)
		if err != nil || !strings.HasPrefix(v.Against, "release ") {
			t.Fatalf("%s after the edit: %v (%+v)", tbl.Version, err, v)
		}
		if err := ReadyToRelease(r.paths(), tbl); err == nil || !strings.Contains(err.Error(), "not recorded in") {
			t.Errorf("release gate of %s before make record: %v", tbl.Version, err)
		}
		r.release(text) // record, changelog, commit, each checked
	}
	// Removing a region at 2.0.0 wants the module path to move first.
	tbl := r.table(tableText("2.0.0", "oss-xx-b-1"))
	if _, err := Judge(r.paths(), tbl, nil); err == nil || !strings.Contains(err.Error(), "Run make major N=2") {
		t.Errorf("2.0.0 at a v1 path: %v", err)
	}
	r.write("regions/go.mod", "module example.com/x/regions/v2\n\ngo 1.23\n")
	r.release(tableText("2.0.0", "oss-xx-b-1"))
}

// TestReportFromAnyTable: the earlier table may be any; the verdict is
// still against the last recorded release, and the note says so.
func TestReportFromAnyTable(t *testing.T) {
	r := newRepo(t)
	first := tableText("1.0.0", "oss-xx-a-1")
	r.release(first)
	r.release(tableText("1.1.0", "oss-xx-a-1", "oss-xx-b-1"))
	old, err := table.Parse("old.yaml", []byte(first))
	if err != nil {
		t.Fatal(err)
	}
	tbl := r.table(tableText("1.2.0", "oss-xx-a-1", "oss-xx-b-1", "oss-xx-c-1"))
	v, err := Judge(r.paths(), tbl, old)
	if err != nil {
		t.Fatal(err)
	}
	if note := v.Note(old); !strings.Contains(note, "runs from 1.0.0 (FROM)") || !strings.Contains(note, "release 1.1.0 at commit") {
		t.Errorf("note for a report from 1.0.0: %q", note)
	}
	if note := v.Note(v.Base); note != "" {
		t.Errorf("note for a report from the release itself: %q", note)
	}
	// A FROM that would let a wrong version pass does not.
	tbl = r.table(tableText("1.1.0", "oss-xx-a-1", "oss-xx-b-1", "oss-xx-c-1"))
	if _, err := Judge(r.paths(), tbl, old); err == nil || !strings.Contains(err.Error(), "set version: 1.2.0") {
		t.Errorf("1.1.0 with a region added, from 1.0.0: %v", err)
	}
}

// TestLedgerGrows: a committed line may not go away or change.
func TestLedgerGrows(t *testing.T) {
	r := newRepo(t)
	r.release(tableText("1.0.0", "oss-xx-a-1"))
	tbl := r.table(tableText("1.1.0", "oss-xx-a-1", "oss-xx-b-1"))
	r.write("releases.txt", "# the ledger, emptied\n")
	for gate, err := range gates(r, tbl) {
		if err == nil || !strings.Contains(err.Error(), "never changes or goes away") {
			t.Errorf("%s with a line of the committed ledger gone: %v", gate, err)
		}
	}
}

// TestReleaseMissingFromHistory: a recorded release that no commit holds
// is named, with the hint for a shallow clone where it applies.
func TestReleaseMissingFromHistory(t *testing.T) {
	r := newRepo(t)
	r.release(tableText("1.0.0", "oss-xx-a-1"))
	r.write("releases.txt", r.read("releases.txt")+"1.0.5 "+strings.Repeat("a", 64)+"\n")
	tbl := r.table(tableText("1.1.0", "oss-xx-a-1", "oss-xx-b-1"))
	if _, err := Judge(r.paths(), tbl, nil); err == nil || !strings.Contains(err.Error(), "no commit of") || strings.Contains(err.Error(), "another data digest") {
		t.Errorf("judged against a release no commit holds: %v", err)
	}
	// A commit holds the version, with another digest, as after a change
	// of the digest: the message names that cause.
	r.table(tableText("1.0.5", "oss-xx-a-1"))
	r.git("add", "regions.yaml")
	r.git("commit", "-q", "-m", "1.0.5")
	tbl = r.table(tableText("1.1.0", "oss-xx-a-1", "oss-xx-b-1"))
	for gate, err := range map[string]error{"changes": second(Judge(r.paths(), tbl, nil)), "release-check": ReadyToRelease(r.paths(), tbl)} {
		if err == nil || !strings.Contains(err.Error(), "another data digest: did the digest change") {
			t.Errorf("%s, a commit holding the release's version with other data: %v", gate, err)
		}
	}
}

func second[T any](_ T, err error) error { return err }

// TestFirstRelease: an empty ledger takes any version, once.
func TestFirstRelease(t *testing.T) {
	dir := t.TempDir() // not a git repository: nothing to hold the ledger to
	p := Paths{Ledger: filepath.Join(dir, "releases.txt"), Table: filepath.Join(dir, "regions.yaml"), GoMod: filepath.Join(dir, "go.mod")}
	if err := os.WriteFile(p.Ledger, []byte("# none yet"), 0o644); err != nil {
		t.Fatal(err)
	}
	tbl, err := table.Parse(p.Table, []byte(tableText("0.3.0")))
	if err != nil {
		t.Fatal(err)
	}
	data, msg, err := Record(p, tbl)
	if err != nil || string(data) != "# none yet\n0.3.0 "+tbl.DataDigest()+"\n" || !strings.HasPrefix(msg, "recorded 0.3.0 ") {
		t.Fatalf("first record: %q, %q, %v", data, msg, err)
	}
	if err := os.WriteFile(p.Ledger, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if data, msg, err := Record(p, tbl); data != nil || err != nil || !strings.Contains(msg, "recorded already") {
		t.Errorf("record again: %q, %q, %v", data, msg, err)
	}
}

// TestLedgerErrors: a malformed ledger is refused with its line.
func TestLedgerErrors(t *testing.T) {
	d := strings.Repeat("a", 64)
	for body, want := range map[string]string{
		"1.0.0 " + d + "\n1.0\n":                                 `releases.txt:2: "1.0" is not a line VERSION DIGEST`,
		"1.1.0 " + d + "\n1.0.0 " + d + "\n":                     "releases.txt:2: version 1.0.0 does not follow 1.1.0 (line 1)",
		"1.0.0 " + strings.ToUpper(d) + "\n":                     "releases.txt:1: ",
		"1.0.0 " + d + " trailing\n":                             "releases.txt:1: ",
		"# only a comment\n\n1.0.0 " + d + "\n1.0.0 " + d + "\n": "releases.txt:4: version 1.0.0 does not follow 1.0.0 (line 3)",
	} {
		if _, err := ParseLedger("releases.txt", []byte(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v; want %q", body, err, want)
		}
	}
}
