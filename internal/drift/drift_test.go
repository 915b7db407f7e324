package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ossregions/ossregions/internal/table"
)

var update = flag.Bool("update", false, "rewrite the golden reports under testdata/reports from what the command prints now")

// result is one run of the command: exit code, stdout, stderr.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// runCmd runs the command with args and the environment env.
func runCmd(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut, func(k string) string { return env[k] })
	return result{code, out.String(), errOut.String()}
}

// TestReports runs the command on every saved response under
// testdata/responses against the small table testdata/table.yaml, and
// compares exit code and output with testdata/reports/NAME.txt.
func TestReports(t *testing.T) {
	paths, err := filepath.Glob("testdata/responses/*.xml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no responses: %v", err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".xml")
		t.Run(name, func(t *testing.T) {
			got := runCmd(t, nil, "-in", "testdata/table.yaml", "-response", p).String()
			golden := filepath.Join("testdata", "reports", name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// responseFor is the DescribeRegions body that agrees with t: every
// public-cloud region in service, with its endpoints and the accelerate
// endpoint, as the service lists them.
func responseFor(t *table.Table, skip func(*table.Region) bool) []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<RegionInfoList>\n")
	for i := range t.Regions {
		r := &t.Regions[i]
		if r.Cloud != table.CloudPublic || r.Status == table.StatusDecommissioned || skip != nil && skip(r) {
			continue
		}
		fmt.Fprintf(&b, "  <RegionInfo>\n    <Region>%s</Region>\n    <InternetEndpoint>%s</InternetEndpoint>\n    <InternalEndpoint>%s</InternalEndpoint>\n    <AccelerateEndpoint>%s</AccelerateEndpoint>\n  </RegionInfo>\n",
			r.ID, r.Public, r.Internal, t.GlobalAccelerate)
	}
	b.WriteString("</RegionInfoList>\n")
	return []byte(b.String())
}

func realTable(t *testing.T) *table.Table {
	t.Helper()
	tbl, err := table.Load("../../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRealTableAgrees: the response that the real table describes agrees
// with it, whatever regions it holds; dropping one region in service
// makes it a closure candidate, and nothing else.
func TestRealTableAgrees(t *testing.T) {
	tbl := realTable(t)
	got := runCmd(t, nil, "-in", "../../regions.yaml", "-response", writeTemp(t, "r.xml", responseFor(tbl, nil)))
	if got.code != exitAgrees || !strings.Contains(got.stdout, "**The table agrees with the service.**") {
		t.Fatalf("%v", got)
	}
	dropped := ""
	for i := range tbl.Regions {
		if r := &tbl.Regions[i]; r.Cloud == table.CloudPublic && r.Status != table.StatusDecommissioned {
			dropped = r.ID
		}
	}
	got = runCmd(t, nil, "-in", "../../regions.yaml", "-response", writeTemp(t, "r.xml", responseFor(tbl, func(r *table.Region) bool { return r.ID == dropped })))
	if got.code != exitDrifted || !strings.Contains(got.stdout, "**The table has drifted: 1 finding.**") || !strings.Contains(got.stdout, "- `"+dropped+"` ") {
		t.Fatalf("without %s: %v", dropped, got)
	}
}

// TestProposedBlockNeedsAPerson: the YAML block proposed for a new region
// is refused by the generator's checks until its missing facts are filled
// in, and then accepted.
func TestProposedBlockNeedsAPerson(t *testing.T) {
	tbl := realTable(t)
	body := responseFor(tbl, nil)
	area, _, _ := strings.Cut(tbl.Default.CloudID, "-")
	id := "oss-" + area + "-newtown-9"
	extra := fmt.Sprintf("  <RegionInfo><Region>%s</Region><InternetEndpoint>%s.aliyuncs.com</InternetEndpoint><InternalEndpoint>%s-internal.aliyuncs.com</InternalEndpoint></RegionInfo>\n</RegionInfoList>", id, id, id)
	body = bytes.Replace(body, []byte("</RegionInfoList>"), []byte(extra), 1)
	got := runCmd(t, nil, "-in", "../../regions.yaml", "-response", writeTemp(t, "r.xml", body))
	_, block, ok := strings.Cut(got.stdout, "```yaml\n")
	block, _, ok2 := strings.Cut(block, "```")
	if got.code != exitDrifted || !ok || !ok2 {
		t.Fatalf("no YAML block for %s: %v", id, got)
	}
	yamlData, err := os.ReadFile("../../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	withBlock := strings.TrimRight(string(yamlData), "\n") + "\n" + block
	_, err = table.Parse("regions.yaml", []byte(withBlock))
	for _, field := range []string{`missing field "name"`, `missing field "mainland_china"`, `missing field "vip_ranges"`, `missing field "sources"`} {
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("the proposed block is not refused for %s: %v", field, err)
		}
	}
	filled := strings.NewReplacer(
		"    # name: the display name, from the documentation\n", "    name: Newtown\n",
		"    # mainland_china: true or false\n", "    mainland_china: true\n",
		"    # vip_ranges: the published VIP ranges, or ticket\n", "    vip_ranges: ticket\n",
		"    # sources: [the keys of the documents that list it]\n", "    sources: [D-cn]\n",
		"    # confidence: high, medium or low, where one document does\n", "    confidence: medium\n",
	).Replace(withBlock)
	if _, err := table.Parse("regions.yaml", []byte(filled)); err != nil {
		t.Errorf("the filled-in block is refused: %v", err)
	}
}

// TestOversizedResponse: a body over the limit is refused before it is
// parsed.
func TestOversizedResponse(t *testing.T) {
	body := append([]byte("<RegionInfoList>"), bytes.Repeat([]byte(" "), maxResponseSize)...)
	got := runCmd(t, nil, "-in", "testdata/table.yaml", "-response", writeTemp(t, "big.xml", body))
	if got.code != exitNotCheck || !strings.Contains(got.stderr, "larger than 1048576 bytes") || got.stdout != "" {
		t.Errorf("%v", got)
	}
}

// server is a stand-in for OSS: it checks that the request is
// DescribeRegions signed with V4 for the default region, and answers.
type server struct {
	t       *testing.T
	region  string // the cloud region ID the signature must be for
	status  int
	body    []byte
	hang    bool
	header  map[string]string
	calls   atomic.Int32
	badReqs atomic.Int32
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	if problem := s.requestProblem(r); problem != "" {
		s.badReqs.Add(1)
		s.t.Errorf("request %s %s: %s", r.Method, r.URL, problem)
	}
	if s.hang {
		<-r.Context().Done()
		return
	}
	for k, v := range s.header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Set("x-oss-request-id", "5C3D9175B6FC201293AD0000")
	w.WriteHeader(s.status)
	w.Write(s.body)
}

func (s *server) requestProblem(r *http.Request) string {
	if r.Method != http.MethodGet || r.URL.Path != "/" || r.URL.RawQuery != "regions" {
		return "not GET /?regions"
	}
	auth := r.Header.Get("Authorization")
	_, cred, ok := strings.Cut(auth, "Credential=")
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(cred, "/")
	switch {
	case !ok || !strings.HasPrefix(auth, "OSS4-HMAC-SHA256 "):
		return fmt.Sprintf("Authorization %q is not a V4 signature", auth)
	case len(parts) != 5 || parts[0] != "test-id" || parts[2] != s.region || parts[3] != "oss" || parts[4] != "aliyun_v4_request":
		return fmt.Sprintf("credential scope %q is not test-id/<date>/%s/oss/aliyun_v4_request", cred, s.region)
	}
	if tok := r.Header.Get("x-oss-security-token"); tok != "test-token" {
		return fmt.Sprintf("security token %q", tok)
	}
	return ""
}

var testCreds = map[string]string{"OSS_ACCESS_KEY_ID": "test-id", "OSS_ACCESS_KEY_SECRET": "test-secret", "OSS_SESSION_TOKEN": "test-token"}

// live runs the command against a local server through the real SDK.
func live(t *testing.T, s *server, extra ...string) result {
	t.Helper()
	ts := httptest.NewServer(s)
	defer ts.Close()
	args := append([]string{"-in", "testdata/table.yaml", "-endpoint", ts.URL}, extra...)
	return runCmd(t, testCreds, args...)
}

// TestLive calls DescribeRegions through the OSS Go SDK v2 against a local
// server that serves the saved responses, and holds each outcome to the
// report of the same response read from its file.
func TestLive(t *testing.T) {
	tbl, err := table.Load("testdata/table.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"agrees", "drifted", "hostile"} {
		body, err := os.ReadFile("testdata/responses/" + name + ".xml")
		if err != nil {
			t.Fatal(err)
		}
		s := &server{t: t, region: tbl.Default.CloudID, status: http.StatusOK, body: body}
		got := live(t, s)
		saved := runCmd(t, nil, "-in", "testdata/table.yaml", "-response", "testdata/responses/"+name+".xml")
		_, gotReport, _ := strings.Cut(got.stdout, "\n\nAgainst: ")
		_, savedReport, _ := strings.Cut(saved.stdout, "\n\nAgainst: ")
		_, gotReport, _ = strings.Cut(gotReport, ". ")
		_, savedReport, _ = strings.Cut(savedReport, ". ")
		if got.code != saved.code || gotReport != savedReport || s.calls.Load() != 1 {
			t.Errorf("%s: live run %v\ndiffers from the saved response's %v (%d calls)", name, got, saved, s.calls.Load())
		}
		if !strings.Contains(got.stdout, "Against: DescribeRegions at \"http://127.0.0.1:") {
			t.Errorf("%s: the report does not name the endpoint:\n%s", name, got.stdout)
		}
	}
}

// TestLiveFailures: access denied names the permission, another service
// error and an oversized body are errors, a server that never answers is
// bounded by the timeout; each exits 2 with nothing on stdout.
func TestLiveFailures(t *testing.T) {
	denied, err := os.ReadFile("testdata/responses/access_denied.xml")
	if err != nil {
		t.Fatal(err)
	}
	region := "cn-hangzhou" // testdata/table.yaml's default region
	tests := []struct {
		name string
		s    *server
		args []string
		want string
	}{
		{"denied", &server{status: http.StatusForbidden, body: denied}, nil,
			`drift: access denied ("AccessDenied" "You have no right to access this object because of bucket acl."): the credentials need the RAM permission oss:DescribeRegions`},
		{"key refused", &server{status: http.StatusForbidden, body: []byte("<Error><Code>InvalidAccessKeyId</Code><Message>The OSS Access Key Id you provided does not exist in our records.</Message></Error>")}, nil,
			`drift: the credentials were refused ("InvalidAccessKeyId" "The OSS Access Key Id you provided does not exist in our records."): a wrong or rotated key`},
		{"redirect", &server{status: http.StatusFound, header: map[string]string{"Location": "http://127.0.0.2:9/?regions"}}, nil,
			`redirects to "127.0.0.2:9"; not followed`},
		{"service error", &server{status: http.StatusServiceUnavailable, body: []byte("<Error><Code>ServiceUnavailable</Code><Message>try later</Message></Error>")}, nil,
			`failed: HTTP 503, "ServiceUnavailable": "try later"`},
		{"oversized", &server{status: http.StatusOK, body: append([]byte("<RegionInfoList>"), bytes.Repeat([]byte(" "), maxResponseSize+1)...)}, nil,
			"larger than 1048576 bytes"},
		{"never answers", &server{hang: true}, []string{"-timeout", "500ms"},
			"did not answer within 500ms"},
		{"not XML", &server{status: http.StatusOK, body: []byte("<html>bad gateway</html>")}, nil,
			"drift: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.s.t, tt.s.region = t, region
			start := time.Now()
			got := live(t, tt.s, tt.args...)
			if got.code != exitNotCheck || got.stdout != "" || !strings.Contains(got.stderr, tt.want) || strings.Contains(got.stderr, "goroutine ") {
				t.Errorf("%v\nwant exit 2 and stderr with %q", got, tt.want)
			}
			if elapsed := time.Since(start); tt.s.hang && elapsed > 10*time.Second {
				t.Errorf("a server that never answers held the command for %v", elapsed)
			}
		})
	}
}

// TestNoCredentials: without credentials the command says which variables
// to set and touches no network.
func TestNoCredentials(t *testing.T) {
	for _, env := range []map[string]string{nil, {"OSS_ACCESS_KEY_ID": "id"}, {"OSS_ACCESS_KEY_SECRET": "secret"}} {
		s := &server{t: t, status: http.StatusOK}
		ts := httptest.NewServer(s)
		var out, errOut bytes.Buffer
		code := run(context.Background(), []string{"-in", "testdata/table.yaml", "-endpoint", ts.URL}, &out, &errOut, func(k string) string { return env[k] })
		ts.Close()
		if code != exitNotCheck || out.Len() != 0 || !strings.Contains(errOut.String(), "no credentials: set OSS_ACCESS_KEY_") || s.calls.Load() != 0 {
			t.Errorf("env %v: exit %d, stderr %q, %d calls", env, code, errOut.String(), s.calls.Load())
		}
	}
}

// TestUsage: -h prints the usage and exits 0; a bad flag is one error
// with the usage, exit 2.
func TestUsage(t *testing.T) {
	if got := runCmd(t, nil, "-h"); got.code != 0 || !strings.HasPrefix(got.stdout, "usage: drift") || got.stderr != "" {
		t.Errorf("-h: %v", got)
	}
	got := runCmd(t, nil, "-bogus")
	if got.code != exitNotCheck || strings.Count(got.stderr, "-bogus") != 1 || !strings.Contains(got.stderr, "usage: drift") {
		t.Errorf("-bogus: %v", got)
	}
}
