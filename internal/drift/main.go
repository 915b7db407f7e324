// Command drift holds regions.yaml against the live service and prints
// one Markdown report; it writes nothing:
//
//	drift [-in regions.yaml] [-save FILE]     # calls DescribeRegions
//	drift [-in regions.yaml] -response FILE   # reads a saved response body
//	drift probe [-in regions.yaml] [-resolver IP:PORT]
//
// drift calls DescribeRegions through the OSS Go SDK v2, with credentials
// from OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET and, for STS credentials,
// OSS_SESSION_TOKEN, at the public endpoint of the table's default region,
// within -timeout. drift probe needs no keys: it asks DNS for every host
// of the table, for oss-<id>.aliyuncs.com of each of its other_region_ids,
// and for control names under aliyuncs.com that cannot exist, and judges
// the answers by what the table's public_dns says public DNS shows of each
// cloud. Both exit 0 when the table agrees (information aside), 1 when it
// has drifted, and 2 when they could not check: the probe also when a
// control name resolves (a wildcard zone or a hijacking resolver) or a
// query is not answered.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/ossregions/ossregions/internal/table"
)

// Exit codes.
const (
	exitAgrees   = 0
	exitDrifted  = 1
	exitNotCheck = 2
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "probe" { // the keyless check, probe.go
		os.Exit(runProbe(context.Background(), os.Args[2:], os.Stdout, os.Stderr, rand.Reader))
	}
	if len(os.Args) > 1 && os.Args[1] == "docs" { // the table against its page, docs.go
		os.Exit(runDocs(context.Background(), os.Args[2:], os.Stdout, os.Stderr, http.DefaultClient))
	}
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

// config is what the flags ask for.
type config struct {
	in, response, endpoint string
	save                   string // where to save the body of a live call
	timeout                time.Duration
}

func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("drift", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // run prints the one error
	fs.StringVar(&c.in, "in", "regions.yaml", "the region table to check")
	fs.StringVar(&c.response, "response", "", "read this saved DescribeRegions response body instead of calling the API")
	fs.StringVar(&c.save, "save", "", "save the body of the live call to this file, to read later with -response")
	fs.StringVar(&c.endpoint, "endpoint", "", "call this endpoint (host, or http:// or https:// URL) instead of the default region's public endpoint")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "how long the call may take, retries included")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.timeout <= 0 {
		return c, errors.New("-timeout must be positive")
	}
	if c.save != "" && c.response != "" {
		return c, errors.New("-save saves a live call's response; with -response there is none")
	}
	return c, nil
}

// run is the command; it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fail := func(err error) int {
		fmt.Fprintln(stderr, "drift: "+table.PrintableLines(err.Error()))
		return exitNotCheck
	}
	c, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return exitAgrees
	}
	if err != nil {
		return fail(fmt.Errorf("%v\n%s", err, usage))
	}
	t, err := table.Load(c.in)
	if err != nil {
		return fail(err)
	}
	var body []byte
	var source string
	if c.response != "" {
		body, err = table.ReadRegular(c.response, maxResponseSize, "maxResponseSize in internal/drift/response.go", os.Stat)
		source = "the saved response " + quote(filepath.Base(c.response))
	} else {
		var creds credentials
		if creds, err = credentialsFrom(getenv); err != nil {
			return fail(err)
		}
		endpoint := c.endpoint
		if endpoint == "" {
			endpoint = t.Default.Public
		}
		body, err = describeRegions(ctx, endpoint, t.Default.CloudID, creds, c.timeout)
		source = "DescribeRegions at " + quote(endpoint)
		if err == nil && c.save != "" {
			err = saveBody(c.save, body) // before it is read: a body it refuses is worth keeping too
		}
	}
	if err != nil {
		return fail(err)
	}
	entries, err := parseResponse(body)
	if err != nil {
		return fail(err)
	}
	f, err := compare(t, entries)
	if err != nil {
		return fail(err)
	}
	fmt.Fprint(stdout, f.markdown(t, source))
	if f.drifted() {
		return exitDrifted
	}
	return exitAgrees
}

const usage = `usage: drift [-in regions.yaml] [-response FILE | -save FILE] [-endpoint HOST] [-timeout 30s]
  -in FILE        the region table to check (default regions.yaml)
  -response FILE  read this saved DescribeRegions response body instead of calling the API
  -save FILE      save the body of the live call to FILE, to read later with -response
  -endpoint HOST  call this endpoint (host, or http:// or https:// URL) instead of the default region's public one
  -timeout D      how long the call may take, retries included (default 30s)
exit status: 0 the table agrees, 1 it has drifted, 2 it could not check
`

// saveBody writes a response body to path through a temporary file beside
// it, so that a failed save leaves what was there.
func saveBody(path string, body []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".drift-save-*")
	if err != nil {
		return fmt.Errorf("saving the response: %w", err)
	}
	_, err = f.Write(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("saving the response: %w", err)
	}
	return nil
}
