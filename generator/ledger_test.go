package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// TestForgottenBumpIsRefused: a region added as docs/maintaining.md says, with the
// version left as released, is refused whatever FROM says, and the report
// is not printed.
func TestForgottenBumpIsRefused(t *testing.T) {
	data, err := os.ReadFile("../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "regions.yaml")
	added := string(data) + `  - id: oss-xx-forgot-1
    name: "Forgotland (Capital)"
    sources: [D-cn]
    confidence: medium
    mainland_china: false
    endpoints:
      public: oss-xx-forgot-1.aliyuncs.com
      internal: oss-xx-forgot-1-internal.aliyuncs.com
      vpc: oss-xx-forgot-1-internal.aliyuncs.com
    accelerate: false
    vip_ranges: ticket
`
	writeFile(t, in, []byte(added))
	// ../regions.yaml as released: between a version bump and make record
	// its version is not in the ledger yet, so record it in a copy.
	ledger := filepath.Join(dir, "releases.txt")
	writeFile(t, ledger, mustRead(t, "../releases.txt"))
	recordTable(t, ledger, mustTable(t, "../regions.yaml"))
	// The released table, and the changed one itself, as FROM.
	for _, from := range []string{"../regions.yaml", in} {
		var out bytes.Buffer
		err := run([]string{"-in", in, "-out", filepath.Join(dir, "x.go"), "-md", "", "-changes-from", from, "-releases", ledger}, &out)
		if !errors.Is(err, errVersionPolicy) || !strings.Contains(err.Error(), "was released with other data ("+ledger+":") || out.Len() != 0 {
			t.Errorf("FROM %s: %v; printed %q", from, err, out.String())
		}
	}
}

// TestFromMustBeTheLastRelease: a FROM that is not the last release the
// ledger records is refused, so that a hand-picked table cannot hide a
// change.
func TestFromMustBeTheLastRelease(t *testing.T) {
	var out bytes.Buffer
	err := run([]string{"-in", "../regions.yaml", "-out", filepath.Join(t.TempDir(), "x.go"), "-md", "", "-changes-from", "testdata/valid/basic.yaml", "-releases", "../releases.txt"}, &out)
	if !errors.Is(err, errVersionPolicy) || !strings.Contains(err.Error(), "the last release before") || out.Len() != 0 {
		t.Errorf("FROM a fixture: %v; printed %q", err, out.String())
	}
}

// TestLedgerHoldsTheTable: the ledger does not record the table's version
// with other data. (Whether the release is recorded is release-check's
// gate, not a test's: between a bump and make record the tests pass.)
func TestLedgerHoldsTheTable(t *testing.T) {
	tbl := mustTable(t, "../regions.yaml")
	rels, err := readLedger("../releases.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkLedger("releases.txt", "regions.yaml", tbl, rels); err != nil {
		t.Error(err)
	}
}

// TestLedgerRecordsHistory: every release the ledger records is the data
// of a commit of this repository, as released.
func TestLedgerRecordsHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole history of the repository; skipped with -short")
	}
	if err := exec.Command("git", "-C", "..", "rev-parse", "--git-dir").Run(); err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	if out, _ := exec.Command("git", "-C", "..", "rev-parse", "--is-shallow-repository").Output(); strings.TrimSpace(string(out)) == "true" {
		t.Skip("a shallow clone holds no history to find the releases in (git fetch --unshallow)")
	}
	rels, err := readLedger("../releases.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("git", "-C", "..", "log", "--format=%H", "--", "regions.yaml").Output()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, commit := range strings.Fields(string(out)) {
		blob, err := exec.Command("git", "-C", "..", "show", commit+":regions.yaml").Output()
		if err != nil {
			continue
		}
		if tbl, err := table.ParseEarlier("regions.yaml", blob); err == nil {
			found[tbl.Version+" "+tbl.DataDigest()] = true
		}
	}
	for _, r := range rels {
		if !found[r.version+" "+r.digest] {
			t.Errorf("releases.txt:%d: no commit holds %s with digest %s", r.line, r.version, r.digest)
		}
	}
}

// TestRecordRelease records a new version, keeps a recorded one, and
// refuses a recorded version with other data.
func TestRecordRelease(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "releases.txt")
	writeFile(t, ledger, []byte("# a ledger with no release yet\n"))
	tbl := mustTable(t, "testdata/valid/basic.yaml")
	msg, err := recordRelease(ledger, "basic.yaml", tbl)
	if err != nil || !strings.HasPrefix(msg, "recorded "+tbl.Version+" ") {
		t.Fatalf("record: %q, %v", msg, err)
	}
	if msg, err := recordRelease(ledger, "basic.yaml", tbl); err != nil || !strings.Contains(msg, "recorded already") {
		t.Errorf("record again: %q, %v", msg, err)
	}
	data, _ := os.ReadFile(ledger)
	if !strings.HasSuffix(string(data), tbl.Version+" "+tbl.DataDigest()+"\n") || strings.Count(string(data), tbl.Version+" ") != 1 {
		t.Errorf("ledger:\n%s", data)
	}
	other := mustTable(t, "testdata/valid/irregular.yaml")
	other.Version = tbl.Version
	if _, err := recordRelease(ledger, "irregular.yaml", other); err == nil || !strings.Contains(err.Error(), "was released with other data") {
		t.Errorf("recording other data under %s: %v", tbl.Version, err)
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
		dir := t.TempDir()
		p := filepath.Join(dir, "releases.txt")
		writeFile(t, p, []byte(body))
		_, err := readLedger(p)
		if err == nil || !strings.Contains(err.Error(), strings.Replace(want, "releases.txt", p, 1)) {
			t.Errorf("%q: %v; want %q", body, err, want)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
