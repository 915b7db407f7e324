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

	"github.com/ossregions/ossregions/internal/table"
)

// output is one generated file and the bytes it should hold.
type output struct {
	path string
	data []byte
}

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
		old, err := readOutput(o.path)
		if err != nil {
			return "", err
		}
		if bytes.Equal(old, o.data) {
			continue
		}
		if old == nil {
			fmt.Fprintf(&b, "%s: missing\n", o.path)
		}
		b.WriteString(udiff.Unified(o.path+" (committed)", o.path+" (generated)", string(old), string(o.data)))
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
		old, err := readOutput(o.path)
		if err != nil {
			return fmt.Errorf("%w; nothing was written", err)
		}
		if old == nil || !bytes.Equal(old, o.data) {
			pending = append(pending, o)
		}
	}
	temps := make([]string, 0, len(pending))
	defer func() {
		for _, t := range temps {
			os.Remove(t) // renamed ones are gone already
		}
	}()
	for _, o := range pending {
		tmp, err := writeTemp(o)
		if err != nil {
			return fmt.Errorf("%w; nothing was written", err)
		}
		temps = append(temps, tmp)
	}
	for i, o := range pending {
		if err := os.Rename(temps[i], o.path); err != nil {
			return fmt.Errorf("%w (%d of %d outputs were replaced)", err, i, len(pending))
		}
	}
	return nil
}

// writeTemp writes o's bytes to a synced temporary file beside o.path.
func writeTemp(o output) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(o.path), tempPattern)
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", o.path, err)
	}
	_, err = f.Write(o.data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("writing %s: %w", o.path, err)
	}
	return f.Name(), nil
}
