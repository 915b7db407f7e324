package sdktest

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	ossv2 "github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"
	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/credentials"
	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/vectors"

	"github.com/ossregions/ossregions/regions"
)

const (
	accessPoint = "ap-01"            // as in the SDK's own GetAccessPoint tests
	accountID   = "1119335441650000" // an account ID is digits only (SDK v2 resolveAccountId)
)

// wantFamily holds ParseEndpoint of an SDK's host to region r, family f
// and kind k, with label, the first label of the host, as Bucket and the
// rest as Host, as the package documents for the other families.
func wantFamily(t *testing.T, host string, r regions.Region, f regions.Family, k regions.Kind, label string) regions.Endpoint {
	t.Helper()
	e, err := regions.ParseEndpoint(host)
	if err != nil {
		t.Fatalf("ParseEndpoint(%q): %v", host, err)
	}
	wantHost := strings.TrimPrefix(host, label+".")
	if e.Region != r || e.Family != f || e.Kind != k || e.Bucket != label || e.Host != wantHost || e.S3Compatible || e.PathStyle {
		t.Errorf("ParseEndpoint(%q) = %+v; want region %q, family %v, kind %v, bucket %q, host %q",
			host, e, r, f, k, label, wantHost)
	}
	if sr, ok := e.SigningRegion(); !ok || sr != r.CloudRegion() {
		t.Errorf("SigningRegion of %q = %q, %v; want %q, true", host, sr, ok, r.CloudRegion())
	}
	return e
}

// getAccessPointBody is the answer of the OSS of one region to
// GetAccessPoint, shaped as the SDK's own tests give it
// (oss/api_op_accesspoint_test.go, TestUnmarshalOutput_GetAccessPoint):
// the endpoints are <access point name>.oss-<cloud region
// ID>[-internal].oss-accesspoint.aliyuncs.com.
func getAccessPointBody(cloudRegion, bucketName, name string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<GetAccessPointResult>
  <AccessPointName>` + name + `</AccessPointName>
  <Bucket>` + bucketName + `</Bucket>
  <AccountId>` + accountID + `</AccountId>
  <NetworkOrigin>internet</NetworkOrigin>
  <AccessPointArn>arn:acs:oss:` + cloudRegion + `:` + accountID + `:accesspoint/` + name + `</AccessPointArn>
  <CreationDate>1626769503</CreationDate>
  <Alias>` + name + `-ossalias</Alias>
  <Status>enable</Status>
  <Endpoints>
    <PublicEndpoint>` + name + `.oss-` + cloudRegion + `.oss-accesspoint.aliyuncs.com</PublicEndpoint>
    <InternalEndpoint>` + name + `.oss-` + cloudRegion + `-internal.oss-accesspoint.aliyuncs.com</InternalEndpoint>
  </Endpoints>
</GetAccessPointResult>`
}

// TestSDKv2AccessPoints asks the OSS of every region of the table for an
// access point (GetAccessPoint, answered offline as the SDK's tests show),
// reads the endpoints it returns with ParseEndpoint, and then sends a
// request through each of them as a user would: SDK v2 has no access-point
// addressing of its own, so the endpoint is given as a CNAME (the host
// as it is), and the alias, which OSS takes wherever a bucket name goes,
// as a bucket on the region's own endpoint.
func TestSDKv2AccessPoints(t *testing.T) {
	for _, r := range regions.All() {
		t.Run(string(r), func(t *testing.T) {
			rec := &recorder{body: func(req *http.Request) (string, string) {
				return "application/xml", getAccessPointBody(r.CloudRegion(), bucket, req.Header.Get("x-oss-access-point-name"))
			}}
			client := ossv2.NewClient(v2Config(r.CloudRegion(), r.PublicEndpoint(), rec))
			res, err := client.GetAccessPoint(context.Background(), &ossv2.GetAccessPointRequest{
				Bucket: ossv2.Ptr(bucket), AccessPointName: ossv2.Ptr(accessPoint),
			})
			if err != nil {
				t.Fatal(err)
			}
			if q := rec.only(t).URL.Query(); !q.Has("accessPoint") {
				t.Fatalf("GetAccessPoint sent query %v, without accessPoint", q)
			}
			name := ossv2.ToString(res.AccessPointName)
			wantFamily(t, ossv2.ToString(res.PublicEndpoint), r, regions.AccessPoints, regions.Public, name)
			wantFamily(t, ossv2.ToString(res.InternalEndpoint), r, regions.AccessPoints, regions.Internal, name)

			// Through each endpoint, signed for the region asked: the scope
			// is what ParseEndpoint of the host sent says to sign for.
			for k, ep := range map[regions.Kind]string{regions.Public: ossv2.ToString(res.PublicEndpoint), regions.Internal: ossv2.ToString(res.InternalEndpoint)} {
				rec := &recorder{}
				sentURL, signed := getObject(t, v2Config(r.CloudRegion(), ep, rec).WithUseCName(true), rec, ossv2.ToString(res.Alias))
				u, _ := url.Parse(sentURL)
				if u.Hostname() != ep {
					t.Errorf("request through the access point went to %q, want %q", u.Hostname(), ep)
				}
				e := wantFamily(t, u.Hostname(), r, regions.AccessPoints, k, name)
				if sr, _ := e.SigningRegion(); signed != sr {
					t.Errorf("request to %q signed for region %q; ParseEndpoint says %q", ep, signed, sr)
				}
			}

			// The alias in place of the bucket name, on the region's endpoint.
			rec = &recorder{}
			sentURL, signed := getObject(t, v2Config(r.CloudRegion(), r.PublicEndpoint(), rec), rec, ossv2.ToString(res.Alias))
			e, err := regions.ParseEndpoint(sentURL)
			if err != nil {
				t.Fatalf("ParseEndpoint(%q): %v", sentURL, err)
			}
			if e.Region != r || e.Family != regions.Buckets || e.Kind != regions.Public || e.Bucket != ossv2.ToString(res.Alias) || e.Host != r.PublicEndpoint() {
				t.Errorf("ParseEndpoint(%q) = %+v; want region %q, family buckets, kind public, bucket %q", sentURL, e, r, ossv2.ToString(res.Alias))
			}
			if signed != r.CloudRegion() {
				t.Errorf("request with the alias signed for %q, want %q", signed, r.CloudRegion())
			}
		})
	}
}

// v2Config is an SDK v2 configuration signing V4 for cloudRegion,
// connecting to endpoint through rec.
func v2Config(cloudRegion, endpoint string, rec *recorder) *ossv2.Config {
	cfg := ossv2.LoadDefaultConfig().
		WithCredentialsProvider(credentials.NewStaticCredentialsProvider("ak", "sk")).
		WithRegion(cloudRegion).WithSignatureVersion(ossv2.SignatureVersionV4).
		WithHttpClient(rec.client())
	if endpoint != "" {
		cfg = cfg.WithEndpoint(endpoint)
	}
	return cfg
}

// TestSDKv2Vectors builds the SDK's vector bucket client for every region
// of the table, public and internal, from the region alone: the client
// makes up the endpoint itself (oss/vectors/client.go) and puts
// <bucket>-<account ID> in front of it (oss/vectors/endpoints.go). The
// table does not say which regions offer vector buckets; the package reads
// the form for every region, and so every region is tried.
func TestSDKv2Vectors(t *testing.T) {
	for _, r := range regions.All() {
		for _, k := range []regions.Kind{regions.Public, regions.Internal} {
			t.Run(fmt.Sprintf("%s/%v", r, k), func(t *testing.T) {
				rec := &recorder{body: func(*http.Request) (string, string) {
					return "application/json", `{"BucketInfo":{"Name":"` + bucket + `","Region":"` + r.CloudRegion() + `"}}`
				}}
				cfg := v2Config(r.CloudRegion(), "", rec).WithAccountId(accountID).WithUseInternalEndpoint(k == regions.Internal)
				client := vectors.NewVectorsClient(cfg)
				if _, err := client.GetVectorBucket(context.Background(), &vectors.GetVectorBucketRequest{Bucket: ossv2.Ptr(bucket)}); err != nil {
					t.Fatal(err)
				}
				req := rec.only(t)
				e := wantFamily(t, req.URL.Hostname(), r, regions.Vectors, k, bucket+"-"+accountID)
				sr, _ := e.SigningRegion()
				if got, service := scope(t, req.Header, req.URL); got != sr || service != "oss" {
					t.Errorf("request to %q signed for region %q, service %q; want %q, \"oss\"", req.URL.Hostname(), got, service, sr)
				}
			})
		}
	}
}
