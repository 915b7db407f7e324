// Package render turns a validated table into the generator's outputs (Go,
// REGIONS.md, regions.json) and the change report between two tables.
package render
