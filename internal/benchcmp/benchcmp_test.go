package benchcmp

import (
	"testing"

	//lint:ignore SA1019 the deprecated v1 resolver is what this module measures against
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/ossregions/ossregions/regions"
)

var sink string

// awsRegions are the AWS regions the resolver is asked about, as many as
// regions.All has entries.
var awsRegions = []string{
	"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
	"eu-central-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2",
	"ap-south-1", "sa-east-1", "ca-central-1", "eu-north-1", "eu-west-3", "me-south-1",
	"af-south-1", "ap-east-1", "eu-south-1", "ap-northeast-3", "ap-southeast-3", "me-central-1",
}

// BenchmarkAWSEndpointFor is the AWS SDK v1 resolver finding the S3
// endpoint of a region.
func BenchmarkAWSEndpointFor(b *testing.B) {
	r := endpoints.DefaultResolver()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		e, err := r.EndpointFor("s3", awsRegions[i%len(awsRegions)])
		if err != nil {
			b.Fatal(err)
		}
		sink = e.URL
	}
}

// BenchmarkParsePublicEndpoint is the same task with this package: a region
// ID from configuration to its public endpoint.
func BenchmarkParsePublicEndpoint(b *testing.B) {
	all := regions.All()
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.CloudRegion()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := regions.Parse(ids[i%len(ids)])
		if err != nil {
			b.Fatal(err)
		}
		sink = r.PublicEndpoint()
	}
}

func TestBothFindEndpoints(t *testing.T) {
	e, err := endpoints.DefaultResolver().EndpointFor("s3", "eu-central-1")
	if err != nil || e.URL != "https://s3.eu-central-1.amazonaws.com" {
		t.Errorf("AWS: %+v, %v", e, err)
	}
	r, err := regions.Parse("eu-central-1")
	if err != nil || r.PublicEndpoint() != "oss-eu-central-1.aliyuncs.com" {
		t.Errorf("regions: %v, %v", r, err)
	}
}
