// Package release holds the release path of the table: the ledger of
// released versions, the version policy, and the move to a new major path.
package release
