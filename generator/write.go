package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/ossregions/ossregions/internal/release"
	"github.com/ossregions/ossregions/internal/table"
)

// output is one generated file and the bytes it should hold.
type output = release.File

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

// tempPattern names the temporary files (os.CreateTemp); .gitignore covers it.
const tempPattern = ".ossregions-tmp-*"

// writeOutputs replaces the outputs that differ from their files, all or
// none: each is synced to a temporary file beside it, then all are renamed.
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
	var temps []string
	defer func() {
		for _, t := range temps {
			os.Remove(t) // renamed ones are gone already
		}
	}()
	for _, o := range pending {
		f, err := os.CreateTemp(filepath.Dir(o.Path), tempPattern)
		if err == nil {
			temps = append(temps, f.Name())
			_, err = f.Write(o.Data)
			if err == nil {
				err = f.Chmod(0o644)
			}
			if err == nil {
				err = f.Sync()
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w; nothing was written", o.Path, err)
		}
	}
	for i, o := range pending {
		if err := os.Rename(temps[i], o.Path); err != nil {
			return fmt.Errorf("%w (%d of %d outputs were replaced)", err, i, len(pending))
		}
	}
	return nil
}
