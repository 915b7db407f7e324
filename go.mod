module github.com/ossregions/ossregions

go 1.26.0

require (
	github.com/aymanbagabas/go-udiff v0.4.1
	github.com/dave/jennifer v1.7.1
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2
	golang.org/x/mod v0.42.0
	gopkg.in/yaml.v3 v3.0.1
)

require golang.org/x/text v0.14.0 // indirect

// The generator and its cross-checks always build against the regions
// package in this repository, never a published copy.
replace github.com/ossregions/ossregions/regions => ./regions
