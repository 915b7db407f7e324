package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"
	osscreds "github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/credentials"

	"github.com/ossregions/ossregions/internal/table"
)

// run is drift: the table against DescribeRegions, called through the OSS
// Go SDK v2 with credentials from the environment, or a saved body.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	c := newCommand("drift", "", stdout, stderr)
	response := c.fs.String("response", "", "read this saved DescribeRegions response body `FILE` instead of calling the API")
	save := c.fs.String("save", "", "save the body of the live call to `FILE`, to read later with -response")
	endpoint := c.fs.String("endpoint", "", "call this endpoint (`HOST`, or http:// or https:// URL) instead of the default region's public one")
	timeout := c.fs.Duration("timeout", 30*time.Second, "how long the call may take, retries included")
	t, code := c.load(args, func() (errs []error) {
		if *timeout <= 0 {
			errs = append(errs, errors.New("-timeout must be positive"))
		}
		if *save != "" && *response != "" {
			errs = append(errs, errors.New("-save saves a live call's response; with -response there is none"))
		}
		return errs
	})
	if t == nil {
		return code
	}
	var body []byte
	var err error
	source := "the saved response " + quote(filepath.Base(*response))
	if *response != "" {
		body, err = table.ReadRegular(*response, maxResponseSize, "maxResponseSize in internal/drift/response.go", os.Stat)
	} else if creds, cerr := credentialsFrom(getenv); cerr != nil {
		return c.fail(cerr)
	} else {
		if *endpoint == "" {
			*endpoint = t.Default.Public
		}
		body, err = describeRegions(ctx, *endpoint, t.Default.CloudID, creds, *timeout)
		source = "DescribeRegions at " + quote(*endpoint)
		if err == nil && *save != "" {
			// Before it is read: a body it refuses is worth keeping too.
			if err = table.WriteFiles([]table.File{{Path: *save, Data: body}}); err != nil {
				err = fmt.Errorf("saving the response: %w", err)
			}
		}
	}
	var f *driftFindings
	if err == nil {
		var entries []entry
		if entries, err = parseResponse(body); err == nil {
			f, err = compare(t, entries)
		}
	}
	if err != nil {
		return c.fail(err)
	}
	n := findings(f.sections())
	fmt.Fprint(stdout, report(t, "Drift check", fmt.Sprintf("%s. The service lists %d regions; the table has %d public-cloud regions, %d of them in service.", source, f.listed, f.public, f.inUse),
		verdict(n, "The table agrees with the service.", "The table has drifted"), 0, f.sections()))
	return exitFor(n)
}

type credentials struct{ id, secret, token string }

// credentialsFrom reads the credentials, or says which variables to set.
func credentialsFrom(getenv func(string) string) (credentials, error) {
	var missing []string
	for _, v := range []string{"OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET"} {
		if getenv(v) == "" {
			missing = append(missing, v)
		}
	}
	if len(missing) > 0 {
		return credentials{}, fmt.Errorf("no credentials: set %s (and OSS_SESSION_TOKEN for STS credentials), or check a saved response: make drift RESPONSE=FILE",
			strings.Join(missing, " and "))
	}
	return credentials{getenv("OSS_ACCESS_KEY_ID"), getenv("OSS_ACCESS_KEY_SECRET"), getenv("OSS_SESSION_TOKEN")}, nil
}

// describeRegions calls DescribeRegions at endpoint, signed for region (a
// cloud region ID), within timeout, and returns the raw body.
func describeRegions(ctx context.Context, endpoint, region string, c credentials, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	limit := &capped{}
	cfg := oss.LoadDefaultConfig().
		WithRegion(region).
		WithCredentialsProvider(osscreds.NewStaticCredentialsProvider(c.id, c.secret, c.token)).
		WithHttpClient(&http.Client{Transport: limit, CheckRedirect: noRedirects}).
		WithRetryMaxAttempts(1)
	if host, ok := strings.CutPrefix(endpoint, "http://"); ok {
		cfg = cfg.WithEndpoint(host).WithDisableSSL(true)
	} else {
		cfg = cfg.WithEndpoint(strings.TrimPrefix(endpoint, "https://"))
	}
	out, err := oss.NewClient(cfg).InvokeOperation(ctx, &oss.OperationInput{
		OpName: "DescribeRegions", Method: "GET", Parameters: map[string]string{"regions": ""},
		Headers: map[string]string{"Content-Type": "application/xml"},
	})
	var body []byte
	if err == nil {
		body, err = io.ReadAll(out.Body)
		out.Body.Close()
	}
	switch {
	case limit.tooLarge:
		return nil, errTooLarge
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, fmt.Errorf("DescribeRegions at %s did not answer within %v", quote(endpoint), timeout)
	case err != nil:
		return nil, callError(endpoint, err)
	}
	return body, nil
}

// noRedirects refuses to follow a redirect: the signed request goes to the
// endpoint asked for, or nowhere.
func noRedirects(req *http.Request, _ []*http.Request) error {
	return fmt.Errorf("the endpoint redirects to %s; not followed", quote(req.URL.Host))
}

// callError says why the call failed: access denied names the permission.
func callError(endpoint string, err error) error {
	var se *oss.ServiceError
	switch {
	case !errors.As(err, &se):
		return fmt.Errorf("DescribeRegions at %s failed: %s", quote(endpoint), quoteText(err.Error()))
	case se.Code == "AccessDenied":
		return fmt.Errorf("access denied (%s %s): the credentials need the RAM permission oss:DescribeRegions", quote(se.Code), quote(se.Message))
	case se.StatusCode == http.StatusForbidden:
		return fmt.Errorf("the credentials were refused (%s %s): a wrong or rotated key, an expired STS token, or a clock far off", quote(se.Code), quote(se.Message))
	}
	return fmt.Errorf("DescribeRegions at %s failed: HTTP %d, %s: %s", quote(endpoint), se.StatusCode, quote(se.Code), quote(se.Message))
}

// capped is an http.RoundTripper whose response bodies, the SDK's error
// bodies included, fail past maxResponseSize.
type capped struct{ tooLarge bool }

func (c *capped) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil {
		resp.Body = &cappedBody{ReadCloser: resp.Body, c: c}
	}
	return resp, err
}

type cappedBody struct {
	io.ReadCloser
	c    *capped
	read int
}

func (b *cappedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if b.read += n; b.read > maxResponseSize {
		b.c.tooLarge = true
		return n, errTooLarge
	}
	return n, err
}
