// Package ossregions holds the authoritative table of Alibaba Cloud OSS
// regions and endpoints (regions.yaml) and the generator that turns it into
// the Go package github.com/ossregions/ossregions/regions, REGIONS.md and
// regions.json.
// Import the regions package; this one only carries the go:generate line.
package ossregions

//go:generate go run ./generator -in regions.yaml -out regions/data_gen.go -md REGIONS.md -json regions.json
