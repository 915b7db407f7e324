package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"
	osscreds "github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/credentials"
)

// credentials are the ones the environment gives.
type credentials struct{ id, secret, token string }

// credentialsFrom reads the credentials, or says which variables to set.
func credentialsFrom(getenv func(string) string) (credentials, error) {
	c := credentials{getenv("OSS_ACCESS_KEY_ID"), getenv("OSS_ACCESS_KEY_SECRET"), getenv("OSS_SESSION_TOKEN")}
	var missing []string
	if c.id == "" {
		missing = append(missing, "OSS_ACCESS_KEY_ID")
	}
	if c.secret == "" {
		missing = append(missing, "OSS_ACCESS_KEY_SECRET")
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("no credentials: set %s (and OSS_SESSION_TOKEN for STS credentials), or check a saved response: make drift RESPONSE=FILE",
			strings.Join(missing, " and "))
	}
	return c, nil
}

// describeRegions calls DescribeRegions through the OSS Go SDK v2 at
// endpoint, signed for region (a cloud region ID), within timeout, and
// returns the raw body, which is then read like a saved one.
func describeRegions(ctx context.Context, endpoint, region string, c credentials, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	limit := &capped{}
	cfg := oss.LoadDefaultConfig().
		WithRegion(region).
		WithCredentialsProvider(osscreds.NewStaticCredentialsProvider(c.id, c.secret, c.token)).
		WithHttpClient(&http.Client{Transport: limit, CheckRedirect: noRedirects}).
		WithRetryMaxAttempts(1)
	switch {
	case strings.HasPrefix(endpoint, "http://"):
		cfg = cfg.WithEndpoint(strings.TrimPrefix(endpoint, "http://")).WithDisableSSL(true)
	default:
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
	if errors.As(err, &se) {
		switch {
		case se.Code == "AccessDenied":
			return fmt.Errorf("access denied (%s %s): the credentials need the RAM permission oss:DescribeRegions", quote(se.Code), quote(se.Message))
		case se.StatusCode == http.StatusForbidden:
			return fmt.Errorf("the credentials were refused (%s %s): a wrong or rotated key, an expired STS token, or a clock far off", quote(se.Code), quote(se.Message))
		}
		return fmt.Errorf("DescribeRegions at %s failed: HTTP %d, %s: %s", quote(endpoint), se.StatusCode, quote(se.Code), quote(se.Message))
	}
	return fmt.Errorf("DescribeRegions at %s failed: %s", quote(endpoint), quoteText(err.Error()))
}

// capped is an http.RoundTripper whose response bodies, error bodies the
// SDK reads included, fail past maxResponseSize: nothing is read without
// bound.
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
