// Package render turns a validated table (internal/table) into the
// generator's outputs: the regions package's data file (Go), REGIONS.md
// (Markdown) and the change report between two tables, each change of a
// Kind (Changes). It reads the model only and writes nothing.
package render
