package main

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aymanbagabas/go-udiff"
)

// output is one generated file and the bytes it should hold.
type output struct {
	path string
	data []byte
}

// staleDiff returns a unified diff for every output whose file does not
// hold exactly the expected bytes; "" means all are up to date.
func staleDiff(outs []output) string {
	var b strings.Builder
	for _, o := range outs {
		old, err := os.ReadFile(o.path)
		if err != nil && !os.IsNotExist(err) {
			fmt.Fprintf(&b, "%s: %v\n", o.path, err)
			continue
		}
		if bytes.Equal(old, o.data) {
			continue
		}
		if os.IsNotExist(err) {
			fmt.Fprintf(&b, "%s: missing\n", o.path)
		}
		b.WriteString(udiff.Unified(o.path+" (committed)", o.path+" (generated)", string(old), string(o.data)))
	}
	return b.String()
}

// tempPrefix marks the generator's temporary files, so that a later run can
// remove any left by a run that was killed before it could clean up.
const tempPrefix = ".ossregions-tmp-"

// writeOutputs writes every output atomically: each goes to a temporary
// file in its own directory, and only when all are written and synced are
// they renamed over their targets. A file that already holds the right
// bytes is left alone.
func writeOutputs(outs []output) (err error) {
	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, o := range outs {
		removeStaleTemps(filepath.Dir(o.path))
	}
	var pending []output
	for _, o := range outs {
		if old, err := os.ReadFile(o.path); err == nil && bytes.Equal(old, o.data) {
			continue
		}
		tmp, err := writeTemp(o)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
		liveTemps.add(tmp)
		pending = append(pending, o)
	}
	testHookBeforeRename(temps)
	for i, o := range pending {
		if err := os.Rename(temps[i], o.path); err != nil {
			return err
		}
		liveTemps.remove(temps[i])
	}
	return nil
}

// liveTemps are the temporary files not yet renamed, for removal when the
// process is interrupted. A run killed outright (SIGKILL) cannot clean up;
// the next run removes what it left (removeStaleTemps).
var liveTemps = tempSet{paths: map[string]bool{}}

type tempSet struct {
	mu    sync.Mutex
	paths map[string]bool
}

func (s *tempSet) add(p string) {
	s.mu.Lock()
	s.paths[p] = true
	s.mu.Unlock()
}

func (s *tempSet) remove(p string) {
	s.mu.Lock()
	delete(s.paths, p)
	s.mu.Unlock()
}

// removeTempsOnSignal makes SIGINT and SIGTERM remove the temporary files
// before the process exits, leaving the outputs as they were.
func removeTempsOnSignal() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-c
		liveTemps.mu.Lock()
		for p := range liveTemps.paths {
			os.Remove(p)
		}
		fmt.Fprintf(os.Stderr, "generator: %v: stopped; nothing was written\n", sig)
		os.Exit(1)
	}()
}

// writeTemp writes o's bytes to a synced temporary file beside o.path.
func writeTemp(o output) (string, error) {
	dir := filepath.Dir(o.path)
	f, err := os.CreateTemp(dir, tempPrefix+filepath.Base(o.path)+"-*")
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", o.path, err)
	}
	_, err = f.Write(o.data)
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Chmod(0o644)
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

// removeStaleTemps deletes temporary files that a killed run left in dir.
func removeStaleTemps(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// testHookBeforeRename lets the kill tests stop the generator between
// writing its temporary files and renaming them. It does nothing unless
// OSSREGIONS_TEST_PAUSE_BEFORE_RENAME is set.
func testHookBeforeRename(temps []string) {
	if os.Getenv("OSSREGIONS_TEST_PAUSE_BEFORE_RENAME") == "" {
		return
	}
	fmt.Fprintf(os.Stderr, "paused before rename: %s\n", strings.Join(temps, " "))
	time.Sleep(time.Hour)
}
