package sdktest

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// recorder is an http.RoundTripper that keeps every request and answers
// with a canned 200, so that an SDK's request can be inspected offline.
// With body set, the 200 carries what it returns for the request instead,
// as a service would answer an operation whose result the SDK reads.
type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
	body func(*http.Request) (contentType, body string)
}

func (rec *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, req)
	rec.mu.Unlock()
	contentType, body := "application/octet-stream", "ok"
	if rec.body != nil {
		contentType, body = rec.body(req)
	}
	h := http.Header{}
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("ETag", `"0123456789abcdef0123456789abcdef"`)
	h.Set("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT")
	h.Set("x-oss-request-id", "0")
	h.Set("x-amz-request-id", "0")
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: req,
	}, nil
}

// only returns the one request recorded, and fails the test otherwise.
func (rec *recorder) only(t *testing.T) *http.Request {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.reqs) != 1 {
		t.Fatalf("%d requests sent, want 1", len(rec.reqs))
	}
	return rec.reqs[0]
}

func (rec *recorder) client() *http.Client { return &http.Client{Transport: rec} }

// scope returns the region and service of a V4 signature's credential
// scope (ak/date/region/service/terminator), from the Authorization header
// or, for a presigned URL, from the query.
func scope(t *testing.T, header http.Header, u *url.URL) (region, service string) {
	t.Helper()
	cred := ""
	if auth := header.Get("Authorization"); auth != "" {
		_, rest, ok := strings.Cut(auth, "Credential=")
		if !ok {
			t.Fatalf("Authorization %q has no V4 credential", auth)
		}
		cred, _, _ = strings.Cut(rest, ",")
	} else {
		q := u.Query()
		for _, k := range []string{"x-oss-credential", "X-Amz-Credential"} {
			if v := q.Get(k); v != "" {
				cred = v
			}
		}
	}
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		t.Fatalf("credential scope %q is not ak/date/region/service/terminator", cred)
	}
	return parts[2], parts[3]
}
