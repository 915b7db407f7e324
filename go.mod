module github.com/ossregions/ossregions

go 1.26.0

require (
	github.com/aymanbagabas/go-udiff v0.4.1
	github.com/dave/jennifer v1.7.1
	golang.org/x/mod v0.42.0
	gopkg.in/yaml.v3 v3.0.1
)

// The generator and its cross-checks always build against the regions
// package in this repository, never a published copy.
replace github.com/ossregions/ossregions/regions => ./regions
