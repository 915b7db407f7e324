package sdktest

import (
	"fmt"
	"net/url"

	ossv2 "github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"
	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/credentials"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/ossregions/ossregions/regions"
)

// Configuring the Alibaba Cloud OSS Go SDK v2 from a region in your
// configuration and the kind of endpoint your program runs next to: the
// SDK signs with the cloud region ID and connects to the table's host.
func Example_sdkV2() {
	r, err := regions.Parse("cn-shanghai") // from configuration
	if err != nil {
		panic(err)
	}
	host, ok := r.Endpoint(regions.Internal) // on ECS in the same region
	if !ok {
		panic("no internal endpoint in " + r.String())
	}
	cfg := ossv2.LoadDefaultConfig().
		WithCredentialsProvider(credentials.NewEnvironmentVariableCredentialsProvider()).
		WithRegion(r.CloudRegion()).
		WithEndpoint(host)
	client := ossv2.NewClient(cfg)
	_ = client

	fmt.Println(*cfg.Region, *cfg.Endpoint)
	// Output:
	// cn-shanghai oss-cn-shanghai-internal.aliyuncs.com
}

// A minio-go client pointed at OSS signs for the region its endpoint
// names. minio-go cannot read that from an OSS host by itself; a
// CustomRegionViaURL built on ParseEndpoint can. An accelerate host names
// no region, so it gives "" and the Region option must be set instead.
func Example_minioCustomRegion() {
	regionOf := func(u url.URL) string {
		e, err := regions.ParseEndpoint(u.String())
		if err != nil {
			return ""
		}
		region, _ := e.SigningRegion()
		return region
	}
	client, err := minio.New("oss-eu-central-1.aliyuncs.com", &minio.Options{
		Creds:              miniocreds.NewStaticV4("ACCESS_KEY_ID", "ACCESS_KEY_SECRET", ""),
		Secure:             true,
		CustomRegionViaURL: regionOf,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(regionOf(*client.EndpointURL()))
	fmt.Printf("%q\n", regionOf(url.URL{Scheme: "https", Host: regions.GlobalAccelerateEndpoint}))
	// Output:
	// eu-central-1
	// ""
}
