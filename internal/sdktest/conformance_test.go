package sdktest

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	ossv2 "github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"
	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/credentials"
	ossv1 "github.com/aliyun/aliyun-oss-go-sdk/oss"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/ossregions/ossregions/regions"
)

const (
	bucket = "examplebucket"
	key    = "dir/object.txt"
)

// target is one endpoint of one region, as an SDK is configured with it.
type target struct {
	region regions.Region
	kind   regions.Kind
	host   string
}

// targets lists every kind of endpoint every region of the table has.
func targets() []target {
	var out []target
	for _, r := range regions.All() {
		for _, k := range []regions.Kind{regions.Public, regions.Internal, regions.VPC, regions.DualStack, regions.Accelerate, regions.AccelerateOverseas} {
			if h, ok := r.Endpoint(k); ok {
				out = append(out, target{r, k, h})
			}
		}
	}
	return out
}

// sent is what one SDK call put on the wire.
type sent struct {
	url       *url.URL
	header    http.Header
	pathStyle bool
	service   string // the V4 signing service the SDK uses
}

// check holds a request to the three promises: the host is ours, the V4
// scope names the region's CloudRegion, and ParseEndpoint of the URL gives
// back region, kind and bucket.
func check(t *testing.T, tg target, s sent) {
	t.Helper()
	wantHost := bucket + "." + tg.host
	if s.pathStyle {
		wantHost = tg.host
	}
	if s.url.Hostname() != wantHost {
		t.Errorf("host %q, want %q", s.url.Hostname(), wantHost)
	}
	region, service := scope(t, s.header, s.url)
	if region != tg.region.CloudRegion() || service != s.service {
		t.Errorf("signed for region %q, service %q; want %q, %q", region, service, tg.region.CloudRegion(), s.service)
	}
	e, err := regions.ParseEndpoint(s.url.String())
	if err != nil {
		t.Fatalf("ParseEndpoint(%q): %v", s.url, err)
	}
	wantKind, wantRegion := tg.kind, tg.region
	if tg.kind == regions.VPC && tg.host == tg.region.InternalEndpoint() {
		wantKind = regions.Internal // one host, read as Internal
	}
	if tg.kind == regions.Accelerate || tg.kind == regions.AccelerateOverseas {
		wantRegion = "" // an accelerate host names no region
		if _, ok := e.SigningRegion(); ok {
			t.Errorf("SigningRegion of an accelerate host reports a region")
		}
	}
	if e.Region != wantRegion || e.Kind != wantKind || e.Bucket != bucket || e.PathStyle != s.pathStyle || e.Host != tg.host {
		t.Errorf("ParseEndpoint(%q) = %+v; want region %q, kind %v, bucket %q, path style %v, host %q",
			s.url, e, wantRegion, wantKind, bucket, s.pathStyle, tg.host)
	}
}

// styles are the ways a request names its bucket.
var styles = []struct {
	name            string
	pathStyle, sign bool // sign: a presigned URL, not a request
}{{"virtual-hosted", false, false}, {"path-style", true, false}, {"presigned", false, true}}

func TestSDKv2(t *testing.T) {
	for _, tg := range targets() {
		for _, st := range styles {
			t.Run(string(tg.region)+"/"+tg.kind.String()+"/"+st.name, func(t *testing.T) {
				rec := &recorder{}
				cfg := ossv2.LoadDefaultConfig().
					WithCredentialsProvider(credentials.NewStaticCredentialsProvider("ak", "sk")).
					WithRegion(tg.region.CloudRegion()).WithEndpoint(tg.host).
					WithSignatureVersion(ossv2.SignatureVersionV4).
					WithUsePathStyle(st.pathStyle).WithHttpClient(rec.client())
				client := ossv2.NewClient(cfg)
				req := &ossv2.GetObjectRequest{Bucket: ossv2.Ptr(bucket), Key: ossv2.Ptr(key)}
				if st.sign {
					res, err := client.Presign(context.Background(), req)
					if err != nil {
						t.Fatal(err)
					}
					u, _ := url.Parse(res.URL)
					check(t, tg, sent{u, http.Header{}, false, "oss"})
					return
				}
				res, err := client.GetObject(context.Background(), req)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				r := rec.only(t)
				check(t, tg, sent{r.URL, r.Header, st.pathStyle, "oss"})
			})
		}
	}
}

func TestSDKv1(t *testing.T) {
	for _, tg := range targets() {
		for _, st := range styles {
			t.Run(string(tg.region)+"/"+tg.kind.String()+"/"+st.name, func(t *testing.T) {
				rec := &recorder{}
				client, err := ossv1.New("https://"+tg.host, "ak", "sk",
					ossv1.HTTPClient(rec.client()), ossv1.AuthVersion(ossv1.AuthV4),
					ossv1.Region(tg.region.CloudRegion()), ossv1.ForcePathStyle(st.pathStyle))
				if err != nil {
					t.Fatal(err)
				}
				b, err := client.Bucket(bucket)
				if err != nil {
					t.Fatal(err)
				}
				if st.sign {
					signed, err := b.SignURL(key, ossv1.HTTPGet, 60)
					if err != nil {
						t.Fatal(err)
					}
					u, _ := url.Parse(signed)
					check(t, tg, sent{u, http.Header{}, false, "oss"})
					return
				}
				body, err := b.GetObject(key)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, body)
				body.Close()
				r := rec.only(t)
				check(t, tg, sent{r.URL, r.Header, st.pathStyle, "oss"})
			})
		}
	}
}

func TestMinio(t *testing.T) {
	for _, tg := range targets() {
		for _, st := range styles {
			t.Run(string(tg.region)+"/"+tg.kind.String()+"/"+st.name, func(t *testing.T) {
				rec := &recorder{}
				lookup := minio.BucketLookupDNS
				if st.pathStyle {
					lookup = minio.BucketLookupPath
				}
				client, err := minio.New(tg.host, &minio.Options{
					Creds: miniocreds.NewStaticV4("ak", "sk", ""), Secure: true,
					Region: tg.region.CloudRegion(), Transport: rec, BucketLookup: lookup,
				})
				if err != nil {
					t.Fatal(err)
				}
				if st.sign {
					u, err := client.PresignedGetObject(context.Background(), bucket, key, time.Minute, nil)
					if err != nil {
						t.Fatal(err)
					}
					check(t, tg, sent{u, http.Header{}, false, "s3"})
					return
				}
				if _, err := client.StatObject(context.Background(), bucket, key, minio.StatObjectOptions{}); err != nil {
					t.Fatal(err)
				}
				r := rec.only(t)
				check(t, tg, sent{r.URL, r.Header, st.pathStyle, "s3"})
			})
		}
	}
}
