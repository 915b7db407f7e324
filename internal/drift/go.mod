module github.com/ossregions/ossregions/internal/drift

go 1.26.0

require (
	github.com/aliyun/alibabacloud-oss-go-sdk-v2 v1.6.1
	github.com/miekg/dns v1.1.73
	github.com/ossregions/ossregions v0.0.0
	golang.org/x/net v0.57.0
)

require (
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/time v0.4.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

// The drift check reads the table with the repository's own loader.
replace (
	github.com/ossregions/ossregions => ../..
	github.com/ossregions/ossregions/regions => ../../regions
)
