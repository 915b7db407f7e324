package main

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// TestREADMEExamplesAreTested requires every Go snippet in the README to be
// the body of an Example in package regions, so that the README shows code
// that compiles and prints what it says.
func TestREADMEExamplesAreTested(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadFile("../regions/example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) == 0 {
		t.Fatal("the README has no Go examples")
	}
	for _, b := range blocks {
		body := string(b[1])
		if !strings.Contains(string(examples), "() {\n"+body+"}\n") {
			t.Errorf("README snippet is not the body of an Example in regions/example_test.go:\n%s", body)
		}
	}
}

// TestLicenseCoversModule: the regions module, which is what users
// download, carries the repository's license.
func TestLicenseCoversModule(t *testing.T) {
	top, err1 := os.ReadFile("../LICENSE")
	mod, err2 := os.ReadFile("../regions/LICENSE")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !bytes.Equal(top, mod) || !bytes.Contains(top, []byte("Apache License\n                           Version 2.0")) {
		t.Error("regions/LICENSE must be the repository's Apache License 2.0")
	}
}

// TestREADMEJQExample runs the README's jq one-liner on regions.json and
// compares its output with the same selection made from the table. CI's
// machine has no jq unless the project installs it; the test is skipped
// without it (the JSON it reads is held to the package by
// TestJSONEditionMatchesAPI).
func TestREADMEJQExample(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?m)^jq -r '([^']+)' regions.json$").FindSubmatch(readme)
	if m == nil {
		t.Fatal("the README has no jq example")
	}
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq is not installed")
	}
	out, err := exec.Command(jq, "-r", string(m[1]), "../regions.json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	for _, r := range mustTable(t, "../regions.yaml").Regions {
		if r.Cloud == table.CloudPublic && r.Status == table.StatusActive {
			want.WriteString(r.Public + "\n")
		}
	}
	if string(out) != want.String() {
		t.Errorf("jq prints:\n%s\nwant:\n%s", out, want.String())
	}
}
