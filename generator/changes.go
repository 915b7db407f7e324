package main

import (
	"fmt"
	"io"
)

// reportChanges prints what changed since the table at oldPath.
func reportChanges(oldPath string, t *Table, w io.Writer) error {
	return fmt.Errorf("-changes-from %s: not implemented yet", oldPath)
}
