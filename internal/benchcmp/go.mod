module github.com/ossregions/ossregions/internal/benchcmp

go 1.23

require (
	github.com/aws/aws-sdk-go v1.55.8
	github.com/ossregions/ossregions/regions v0.0.0
)

replace github.com/ossregions/ossregions/regions => ../../regions
