package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// TestSaveResponse: -save keeps the body of a live call as it came, and
// the saved file read with -response gives the same verdict and findings.
func TestSaveResponse(t *testing.T) {
	body, err := os.ReadFile("testdata/responses/drifted.xml")
	if err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "response.xml")
	got := live(t, &server{t: t, region: "cn-hangzhou", status: http.StatusOK, body: body}, "-save", saved)
	data, err := os.ReadFile(saved)
	if err != nil || !bytes.Equal(data, body) {
		t.Fatalf("-save wrote %q, %v; want the body served", data, err)
	}
	again := runCmd(t, nil, "-in", "testdata/table.yaml", "-response", saved)
	_, liveFindings, _ := strings.Cut(got.stdout, "\n## ")
	_, savedFindings, _ := strings.Cut(again.stdout, "\n## ")
	if got.code != exitDrifted || again.code != got.code || liveFindings == "" || liveFindings != savedFindings {
		t.Errorf("live %v\nsaved %v", got, again)
	}
	if got := runCmd(t, nil, "-in", "testdata/table.yaml", "-response", saved, "-save", saved); got.code != exitNotCheck || !strings.Contains(got.stderr, "-save saves a live call") {
		t.Errorf("-save with -response: %v", got)
	}
	// A save that cannot be made is an error, and leaves nothing behind.
	dir := t.TempDir()
	if got := live(t, &server{t: t, region: "cn-hangzhou", status: http.StatusOK, body: body}, "-save", dir); got.code != exitNotCheck || !strings.Contains(got.stderr, "saving the response") {
		t.Errorf("-save to a directory: %v", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), table.TempPattern)); len(left) > 0 { // made beside the target
		t.Errorf("a failed save left %v", left)
	}
}
