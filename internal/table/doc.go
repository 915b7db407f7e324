// Package table loads regions.yaml, reports every problem with its
// file:line:col, and builds the validated model everything else reads.
package table
