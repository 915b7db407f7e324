package sdktest

import (
	"context"
	"errors"
	"strings"
	"testing"

	ossv2 "github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"

	"github.com/ossregions/ossregions/regions"
)

// getObject sends one GetObject of key in bucketName from SDK v2
// configured with cfg through rec, and returns the URL sent and the region
// of its V4 scope, whose service must be "oss".
func getObject(t *testing.T, cfg *ossv2.Config, rec *recorder, bucketName string) (sentURL string, scopeRegion string) {
	t.Helper()
	out, err := ossv2.NewClient(cfg).GetObject(context.Background(), &ossv2.GetObjectRequest{Bucket: ossv2.Ptr(bucketName), Key: ossv2.Ptr(key)})
	if err != nil {
		t.Fatal(err)
	}
	out.Body.Close()
	req := rec.only(t)
	region, service := scope(t, req.Header, req.URL)
	if service != "oss" {
		t.Errorf("signed for service %q, want oss", service)
	}
	return req.URL.String(), region
}

// TestAliasesSDKv2 takes every alias of the table as a program takes it
// from configuration: Parse gives the region, and SDK v2 configured with
// its CloudRegion and PublicEndpoint signs for CloudRegion on a host that
// ParseEndpoint reads back as the region.
func TestAliasesSDKv2(t *testing.T) {
	aliased := 0
	for _, r := range regions.All() {
		for _, alias := range r.Aliases() {
			aliased++
			t.Run(string(r)+"/"+alias, func(t *testing.T) {
				for _, in := range []string{alias, strings.ToUpper(alias), " " + alias + "\n"} {
					if got, err := regions.Parse(in); err != nil || got != r {
						t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, r)
					}
				}
				var u regions.Region
				if err := u.UnmarshalText([]byte(alias)); err != nil || u != r {
					t.Errorf("UnmarshalText(%q) = %q, %v; want %q", alias, u, err, r)
				}
				if text, err := r.MarshalText(); err != nil || string(text) != string(r) {
					t.Errorf("MarshalText of Parse(%q) = %q, %v; want %q", alias, text, err, r)
				}

				p, _ := regions.Parse(alias)
				rec := &recorder{}
				sentURL, signed := getObject(t, v2Config(p.CloudRegion(), p.PublicEndpoint(), rec), rec, bucket)
				if signed != r.CloudRegion() {
					t.Errorf("SDK v2 configured from %q signed for %q, want %q", alias, signed, r.CloudRegion())
				}
				e, err := regions.ParseEndpoint(sentURL)
				if err != nil {
					t.Fatalf("ParseEndpoint(%q): %v", sentURL, err)
				}
				if sr, ok := e.SigningRegion(); e.Region != r || e.Kind != regions.Public || e.Bucket != bucket || !ok || sr != signed {
					t.Errorf("ParseEndpoint(%q) = %+v, signing region %q, %v; want region %q, public, bucket %q, signing region %q",
						sentURL, e, sr, ok, r, bucket, signed)
				}
			})
		}
	}
	if aliased == 0 {
		t.Skip("no region of the table has aliases: nothing to send")
	}
}

// TestAliasAsSDKRegion documents what SDK v2 does when a program gives it
// an alias itself as its region, without an endpoint: it builds
// oss-<alias>.aliyuncs.com and signs for the alias, which is not the
// region ID V4 signing uses. ParseEndpoint of that host must then name the
// alias's own region, whose SigningRegion is CloudRegion, or refuse it:
// never another region.
func TestAliasAsSDKRegion(t *testing.T) {
	for _, r := range regions.All() {
		for _, alias := range r.Aliases() {
			t.Run(string(r)+"/"+alias, func(t *testing.T) {
				rec := &recorder{}
				sentURL, signed := getObject(t, v2Config(alias, "", rec), rec, bucket)
				if signed != alias {
					t.Errorf("SDK v2 given region %q signed for %q: it no longer signs for what it is given", alias, signed)
				}
				e, err := regions.ParseEndpoint(sentURL)
				switch {
				case err != nil && !errors.Is(err, regions.ErrInvalidEndpoint):
					t.Errorf("ParseEndpoint(%q): %v, not ErrInvalidEndpoint", sentURL, err)
				case err != nil:
					t.Logf("SDK v2 given region %q sent to %s, which ParseEndpoint refuses: %v", alias, sentURL, err)
				case e.Region != r:
					t.Errorf("ParseEndpoint(%q) = %+v; SDK v2 built it from %q, an alias of %q", sentURL, e, alias, r)
				default:
					sr, _ := e.SigningRegion()
					t.Logf("SDK v2 given region %q sent to %s signed for %q; ParseEndpoint reads %s, signing region %q", alias, sentURL, signed, e.Region, sr)
				}
			})
		}
	}
}

// TestCloudRegionAsSDKRegion documents the host SDK v2 makes up from the
// CloudRegion of every region of the table when it is given no endpoint
// (oss/endpoints.go): ParseEndpoint must read it as that region, or refuse
// it, where it is not the table's public endpoint.
func TestCloudRegionAsSDKRegion(t *testing.T) {
	for _, r := range regions.All() {
		t.Run(string(r), func(t *testing.T) {
			rec := &recorder{}
			sentURL, signed := getObject(t, v2Config(r.CloudRegion(), "", rec), rec, bucket)
			if signed != r.CloudRegion() {
				t.Errorf("signed for %q, want %q", signed, r.CloudRegion())
			}
			e, err := regions.ParseEndpoint(sentURL)
			switch {
			case err == nil && (e.Region != r || e.Host != r.PublicEndpoint()):
				t.Errorf("ParseEndpoint(%q) = %+v; want region %q on %q", sentURL, e, r, r.PublicEndpoint())
			case err != nil && !errors.Is(err, regions.ErrInvalidEndpoint):
				t.Errorf("ParseEndpoint(%q): %v, not ErrInvalidEndpoint", sentURL, err)
			case err != nil:
				t.Logf("SDK v2 given region %q alone sent to %s, not the table's public endpoint %s; ParseEndpoint: %v", r.CloudRegion(), sentURL, r.PublicEndpoint(), err)
			}
		})
	}
}
