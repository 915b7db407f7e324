// Package release holds the release path of the region table: the ledger
// (releases.txt) of what each released version contained, the version
// policy that judges a table against the last recorded release, found in
// the git history by its digest, and the move of the regions module to a
// new major version's path. It reads table.Table values, the ledger and
// git; it writes nothing: the generator's main writes the files it returns.
package release
