// Package render turns a validated table into the generator's outputs and
// the change report between two tables:
//
//   - emit.go: Go, package regions' data_gen.go (families.go its host
//     families, names.go genNameKeys, genOtherRegions and genSlipNames), and Names, its
//     names_gen.go (the Status and Cloud constants, from internal/table
//     alone);
//   - markdown.go: Markdown, REGIONS.md;
//   - json.go: JSON, regions.json;
//   - changes.go: Changes, the change report the version rule reads.
package render
