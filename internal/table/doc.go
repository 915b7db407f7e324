// Package table loads regions.yaml, reports its problems in one error
// (at most MaxReported shown, with a count of the rest), each with its
// file:line:col (a YAML syntax error with its line alone, an empty file
// with neither), and builds the validated model everything else reads.
package table
