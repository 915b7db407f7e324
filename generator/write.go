package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/ossregions/ossregions/internal/table"
)

// output is one generated file and the bytes it should hold.
type output = table.File

// readOutput reads an output's bytes: nil if it does not exist, an error
// if it is not a regular file of bounded size.
func readOutput(path string) ([]byte, error) {
	data, err := table.ReadRegular(path, table.MaxOutputSize, "MaxOutputSize in internal/table/load.go", os.Lstat)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// staleDiff returns a unified diff of every stale output, or "".
func staleDiff(outs []output) (string, error) {
	var b strings.Builder
	for _, o := range outs {
		old, err := readOutput(o.Path)
		switch {
		case err != nil:
			return "", err
		case bytes.Equal(old, o.Data):
			continue
		case old == nil:
			fmt.Fprintf(&b, "%s: missing\n", o.Path)
		}
		b.WriteString(udiff.Unified(o.Path+" (committed)", o.Path+" (generated)", string(old), string(o.Data)))
	}
	return b.String(), nil
}

// writeOutputs replaces the outputs that differ from their files, all or none.
func writeOutputs(outs []output) error {
	var pending []output
	for _, o := range outs {
		old, err := readOutput(o.Path)
		if err != nil {
			return fmt.Errorf("%w; nothing was written", err)
		}
		if old == nil || !bytes.Equal(old, o.Data) {
			pending = append(pending, o)
		}
	}
	return table.WriteFiles(pending)
}
