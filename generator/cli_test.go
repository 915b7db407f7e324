package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestHelpExitsZero: asking for the usage is no failure; it lists every
// flag, the release ones with the ledger they need.
func TestHelpExitsZero(t *testing.T) {
	cmd := exec.Command("go", "run", ".", "-h")
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run ./generator -h: %v\n%s", err, out)
	}
	for _, want := range []string{"-require-recorded\n    \twith -releases: the release gate", "-record\n    \twith -releases:", "-changes-since-release\n    \twith -releases:", "-major int", "-digest", "-check"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the usage lacks %q:\n%s", want, out)
		}
	}
}
