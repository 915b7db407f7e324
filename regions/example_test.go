package regions_test

import (
	"encoding/json"
	"fmt"
	"net/netip"

	"github.com/ossregions/ossregions/regions"
)

// The endpoint for a region, from a region ID in a config file.
func ExampleParse() {
	r, err := regions.Parse("cn-shanghai")
	if err != nil {
		panic(err)
	}
	fmt.Println(r, r.Name(), r.PublicEndpoint())

	_, err = regions.Parse("oss-cn-shangai")
	fmt.Println(err)
	// Output:
	// oss-cn-shanghai China (Shanghai) oss-cn-shanghai.aliyuncs.com
	// Parse("oss-cn-shangai"): unknown region (did you mean "oss-cn-shanghai"?)
}

// Every kind of endpoint, including ones a region does not have.
func ExampleRegion_Endpoint() {
	for _, k := range []regions.Kind{regions.Public, regions.VPC, regions.Accelerate} {
		host, ok := regions.CNHeyuan.Endpoint(k)
		fmt.Printf("%s: %q %v\n", k, host, ok)
	}
	// Output:
	// public: "oss-cn-heyuan.aliyuncs.com" true
	// vpc: "oss-cn-heyuan-internal.aliyuncs.com" true
	// accelerate: "" false
}

// The URL of a bucket, with its name checked against the OSS naming rules.
func ExampleRegion_URL() {
	u, err := regions.APSoutheast1.URL(regions.Internal, "my-logs")
	fmt.Println(u, err)
	_, err = regions.APSoutheast1.URL(regions.Public, "My_Logs")
	fmt.Println(err)
	// Output:
	// https://my-logs.oss-ap-southeast-1-internal.aliyuncs.com <nil>
	// Region.URL("My_Logs"): invalid bucket name: only lower-case letters, digits and hyphens
}

// The region of an endpoint URL: what a V4 signature needs.
func ExampleParseEndpoint() {
	e, err := regions.ParseEndpoint("https://oss-sample.oss-cn-shanghai-internal.aliyuncs.com/dir/object.txt")
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Region, e.Region.CloudRegion(), e.Kind, e.Bucket, e.Host)

	// The default endpoint maps to Hangzhou.
	e, _ = regions.ParseEndpoint("oss.aliyuncs.com")
	fmt.Println(e.Region, e.Kind)

	// A region newer than the table is still recognized.
	e, _ = regions.ParseEndpoint("oss-cn-newcity-1.aliyuncs.com")
	fmt.Println(e.Region, e.Region.Known())

	_, err = regions.ParseEndpoint("oss-cn-hangzhou.aliyuncs.com.evil.io")
	fmt.Println(err)
	// Output:
	// oss-cn-shanghai cn-shanghai internal oss-sample oss-cn-shanghai-internal.aliyuncs.com
	// oss-cn-hangzhou public
	// oss-cn-newcity-1 false
	// ParseEndpoint("oss-cn-hangzhou.aliyuncs.com.evil.io"): not an OSS endpoint
}

// A region and an endpoint kind as fields of a JSON config.
func Example_jsonConfig() {
	var cfg struct {
		Region regions.Region `json:"region"`
		Kind   regions.Kind   `json:"endpoint_kind"`
	}
	err := json.Unmarshal([]byte(`{"region": "CN-Beijing", "endpoint_kind": "vpc"}`), &cfg)
	fmt.Println(cfg.Region, cfg.Kind, err)

	host, _ := cfg.Region.Endpoint(cfg.Kind)
	fmt.Println(host)

	out, _ := json.Marshal(cfg)
	fmt.Println(string(out))

	err = json.Unmarshal([]byte(`{"region": "cn-beijng"}`), &cfg)
	fmt.Println(err)
	// Output:
	// oss-cn-beijing vpc <nil>
	// oss-cn-beijing-internal.aliyuncs.com
	// {"region":"oss-cn-beijing","endpoint_kind":"vpc"}
	// Region.UnmarshalText("cn-beijng"): unknown region (did you mean "oss-cn-beijing"?)
}

// Which region a VPC VIP address belongs to, and a region's ranges for routes.
func ExampleLookupIP() {
	r, ok := regions.LookupIP(netip.MustParseAddr("100.114.100.20"))
	fmt.Println(r, ok)

	ranges, ok := regions.CNGuangzhou.VIPRanges()
	fmt.Println(ranges, ok)

	_, ok = regions.CNNorth2Gov1.VIPRanges()
	fmt.Println(ok) // not published
	// Output:
	// oss-cn-wulanchabu true
	// [100.115.33.0/24 100.114.101.0/24] true
	// false
}

// Every region in table order, with its lifecycle state: closed regions
// stay in the table, with their constants, and the date OSS closed them.
func ExampleAll() {
	for _, r := range regions.All()[:3] {
		fmt.Println(r.CloudRegion(), r.MainlandChina(), r.Status())
	}
	fmt.Println(regions.APSouth1.Status(), regions.APSouth1.StatusDate())
	// Output:
	// cn-hangzhou true active
	// cn-shanghai true active
	// cn-nanjing true decommissioning
	// decommissioned 2024-07-15
}

// A host of OSS on CloudBox signs with its CloudBox ID as the region and
// with the product of its family.
func ExampleEndpoint_CloudBox() {
	e, err := regions.ParseEndpoint("https://cb-123.cn-hangzhou.oss-cloudbox.aliyuncs.com/bucket/key")
	if err != nil {
		panic(err)
	}
	region, _ := e.SigningRegion()
	fmt.Println(e.Family, e.Region, e.CloudBox, region, e.SigningProduct())
	// Output:
	// cloudbox oss-cn-hangzhou cb-123 cb-123 oss-cloudbox
}

// The product that V4 signatures of an endpoint name.
func ExampleEndpoint_SigningProduct() {
	for _, host := range []string{"bucket.oss-cn-hangzhou.aliyuncs.com", "cb-1.cn-hangzhou.oss-cloudbox.aliyuncs.com"} {
		e, err := regions.ParseEndpoint(host)
		if err != nil {
			panic(err)
		}
		fmt.Println(e.SigningProduct())
	}
	// Output:
	// oss
	// oss-cloudbox
}

// A region's name on OSS's China site.
func ExampleRegion_ChineseName() {
	fmt.Println(regions.CNHangzhou.ChineseName())
	fmt.Println(regions.APSoutheast1.ChineseName())
	// Output:
	// 华东 1（杭州）
	// 新加坡
}
