package main

import (
	"bytes"
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
	keep := &bodyKeeper{next: http.DefaultTransport}
	cfg := oss.LoadDefaultConfig().
		WithRegion(region).
		WithCredentialsProvider(osscreds.NewStaticCredentialsProvider(c.id, c.secret, c.token)).
		WithHttpClient(&http.Client{Transport: keep, CheckRedirect: noRedirects}).
		WithRetryMaxAttempts(1)
	switch {
	case strings.HasPrefix(endpoint, "http://"):
		cfg = cfg.WithEndpoint(strings.TrimPrefix(endpoint, "http://")).WithDisableSSL(true)
	default:
		cfg = cfg.WithEndpoint(strings.TrimPrefix(endpoint, "https://"))
	}
	_, err := oss.NewClient(cfg).DescribeRegions(ctx, &oss.DescribeRegionsRequest{})
	switch {
	case keep.tooLarge:
		return nil, errTooLarge
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, fmt.Errorf("DescribeRegions at %s did not answer within %v", quote(endpoint), timeout)
	case err != nil:
		return nil, callError(endpoint, err)
	}
	return keep.body, nil
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

// bodyKeeper is an http.RoundTripper that keeps the body of the last
// response as the SDK reads it, up to maxResponseSize: past that the read
// fails, so that no response is read without bound.
type bodyKeeper struct {
	next     http.RoundTripper
	body     []byte
	tooLarge bool
}

func (k *bodyKeeper) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := k.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Body = &keptBody{rc: resp.Body, k: k}
	k.body = nil
	return resp, nil
}

type keptBody struct {
	rc  io.ReadCloser
	k   *bodyKeeper
	buf bytes.Buffer
}

func (b *keptBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	b.buf.Write(p[:n])
	if b.buf.Len() > maxResponseSize {
		b.k.tooLarge = true
		return n, errTooLarge
	}
	if errors.Is(err, io.EOF) {
		b.k.body = b.buf.Bytes()
	}
	return n, err
}

func (b *keptBody) Close() error {
	if b.k.body == nil && !b.k.tooLarge {
		b.k.body = b.buf.Bytes()
	}
	return b.rc.Close()
}
