// Package table loads and validates regions.yaml into the model that
// everything else reads: the generator's emitters, its change report and
// the drift check. It reads the YAML into raw values with their
// positions (load.go), checks them and builds the Table with every
// derived value computed once (validate.go, model.go), and reports every
// problem with file:line:col (diag.go). It writes no output.
package table
