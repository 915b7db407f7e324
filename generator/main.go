// Command generator turns regions.yaml into the Go package regions and the
// document REGIONS.md. It is run by go generate from the repository root:
//
//	go run ./generator [-check] [-in regions.yaml -out regions/data_gen.go -md REGIONS.md]
//	go run ./generator -changes-from OLD.yaml [-releases releases.txt [-require-recorded]]
//	go run ./generator -changes-since-release -releases releases.txt
//	go run ./generator -record -releases releases.txt
//	go run ./generator -digest
//	go run ./generator -major N
//
// It reads and validates the whole table first and reports every problem it
// finds; only a valid table produces output, written atomically. With
// -check it writes nothing and fails with a diff if an output is stale.
// With -changes-from it prints a Markdown report of what changed since an
// earlier table and checks that the version was bumped as the policy says;
// with -releases it also refuses a version the release ledger records with
// other data. -changes-since-release compares with the last release the
// ledger records, found in the git history by its digest; -record adds the
// table's version to the ledger; -digest prints the version and the digest
// of the table's data.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("generator: ")
	if err := run(os.Args[1:], os.Stdout); err != nil {
		var ie *table.InputError
		if errors.As(err, &ie) || errors.Is(err, errStale) || errors.Is(err, errVersionPolicy) {
			fmt.Fprintln(os.Stderr, table.PrintableLines(err.Error()))
			os.Exit(1)
		}
		log.Fatal(table.PrintableLines(err.Error()))
	}
}

var errStale = errors.New("generated files are stale; run make generate")

// config is what the flags ask for.
type config struct {
	in, out, md string
	json        string // regions.json, or "" for none
	check       bool
	changesFrom string

	releases        string // the release ledger, or "" for none
	sinceRelease    bool
	requireRecorded bool
	record, digest  bool
	major           int // move the regions module to major version N's path
}

func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("generator", flag.ContinueOnError)
	fs.StringVar(&c.in, "in", "regions.yaml", "the region table to read")
	fs.StringVar(&c.out, "out", filepath.Join("regions", "data_gen.go"), "the Go file to generate")
	fs.StringVar(&c.md, "md", "REGIONS.md", "the Markdown region document to generate")
	fs.StringVar(&c.json, "json", "regions.json", "the JSON edition of the table to generate (with -in, -out and -md: none unless given)")
	fs.BoolVar(&c.check, "check", false, "write nothing; fail with a diff if an output is stale")
	fs.StringVar(&c.changesFrom, "changes-from", "", "print the changes since this earlier table, and check the version bump")
	fs.StringVar(&c.releases, "releases", "", "the release ledger (releases.txt) to hold the version to")
	fs.BoolVar(&c.sinceRelease, "changes-since-release", false, "print the changes since the last release in the ledger, found in the git history")
	fs.BoolVar(&c.requireRecorded, "require-recorded", false, "with -changes-from: fail unless the ledger records this version with this data")
	fs.BoolVar(&c.record, "record", false, "record the table's version and data digest in the ledger")
	fs.BoolVar(&c.digest, "digest", false, "print the table's version and the digest of its data")
	fs.IntVar(&c.major, "major", 0, "move the regions module to the module path of major version N (/vN) in every go.mod and import, and stop")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if (given["in"] || given["out"] || given["md"]) && !given["json"] {
		c.json = "" // other paths write no regions.json unless asked
	}
	return c, checkPathFlags(fs, c)
}

// checkPathFlags refuses a partial set of -in, -out and -md: the defaults
// are the repository's files, so "-in other.yaml -out /tmp/x.go" alone
// would overwrite the repository's REGIONS.md with other data.
func checkPathFlags(fs *flag.FlagSet, c config) error {
	given := 0
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "in" || f.Name == "out" || f.Name == "md" {
			given++
		}
	})
	if (c.record || c.sinceRelease) && c.releases == "" {
		return errors.New("-record and -changes-since-release need -releases, the ledger")
	}
	if c.changesFrom == "" && given != 0 && given != 3 {
		return errors.New(`-in, -out and -md go together: give all three, or none for the repository's files (-md "" writes no Markdown)`)
	}
	if samePath(c.out, c.in) || samePath(c.md, c.in) || samePath(c.out, c.md) ||
		samePath(c.json, c.in) || samePath(c.json, c.out) || samePath(c.json, c.md) {
		return errors.New("-in, -out, -md and -json must name different files")
	}
	return nil
}

// samePath reports whether two non-empty paths name the same file, as
// written or as they resolve.
func samePath(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

func run(args []string, stdout io.Writer) error {
	c, err := parseFlags(args)
	if err != nil {
		return err
	}
	if c.major != 0 {
		outs, err := moveMajor(".", c.major)
		if err != nil {
			return err
		}
		if err := writeOutputs(outs); err != nil {
			return err
		}
		for _, o := range outs {
			fmt.Fprintln(stdout, "rewrote", o.path)
		}
		return nil
	}
	t, err := table.Load(c.in)
	if err != nil {
		return err
	}
	switch {
	case c.digest:
		_, err := fmt.Fprintf(stdout, "%s %s\n", t.Version, t.DataDigest())
		return err
	case c.record:
		msg, err := recordRelease(c.releases, c.in, t)
		fmt.Fprint(stdout, msg)
		return err
	case c.changesFrom != "" || c.sinceRelease:
		return releaseReport(c, t, stdout)
	}
	outs, err := renderOutputs(t, c.out, c.md)
	if err == nil && c.json != "" {
		outs = append(outs, output{c.json, render.JSON(t)})
	}
	if err != nil {
		return err
	}
	if c.check {
		d, err := staleDiff(outs)
		if err != nil {
			return err
		}
		if d != "" {
			return fmt.Errorf("%s\n%w", d, errStale)
		}
		return nil
	}
	return writeOutputs(outs)
}

// releaseReport runs the ledger's gates, then the change report since
// -changes-from or since the last recorded release.
func releaseReport(c config, t *table.Table, stdout io.Writer) error {
	var rels []releaseEntry
	if c.releases != "" {
		var err error
		if rels, err = readLedger(c.releases); err != nil {
			return err
		}
		if err := ledgerGrows(c.releases, rels); err != nil {
			return err
		}
	}
	oldPath, compared := c.changesFrom, ""
	if c.sinceRelease {
		data, name, err := previousRelease(c.releases, c.in, t, rels)
		if err != nil {
			return err
		}
		dir, err := os.MkdirTemp("", "ossregions-release-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		oldPath = filepath.Join(dir, "regions.yaml")
		if err := os.WriteFile(oldPath, data, 0o600); err != nil {
			return err
		}
		compared = name
	}
	if c.releases != "" {
		if err := ledgerGates(c, t, rels, oldPath); err != nil {
			return err
		}
	}
	if err := reportChanges(oldPath, c.in, filepath.Join(filepath.Dir(c.out), "go.mod"), t, stdout); err != nil {
		return err
	}
	if compared != "" {
		fmt.Fprintf(os.Stderr, "generator: compared with release %s\n", compared)
	}
	return nil
}

// ledgerGates holds the table and the earlier table at oldPath to the
// ledger: the earlier one must be the last release before the table's
// version, so that a hand-picked FROM cannot hide a change; the table's
// version must not be recorded with other data (the error then names the
// version to set); and, for the release gate, it must be recorded.
func ledgerGates(c config, t *table.Table, rels []releaseEntry, oldPath string) error {
	old, err := table.LoadEarlier(oldPath)
	if err != nil {
		return fmt.Errorf("the earlier table: %w", err)
	}
	if err := checkLedger(c.releases, c.in, t, rels); err != nil {
		// Name the version to set: what the changes since the release
		// recorded under this version need.
		for _, r := range rels {
			if r.version != t.Version {
				continue
			}
			if data, _, ferr := findRelease(c.releases, c.in, r); ferr == nil {
				if released, perr := table.ParseEarlier(c.in, data); perr == nil {
					return fmt.Errorf("%w; set version: %s", err, render.MinVersion(t.Version, render.Changes(released, t).Required()))
				}
			}
		}
		return err
	}
	if prev := lastBelow(rels, t.Version); prev != nil && (old.Version != prev.version || old.DataDigest() != prev.digest) {
		return fmt.Errorf("%w: the earlier table (%s) is not release %s as %s:%d records it, the last release before %s; compare with that release: make changes without FROM",
			errVersionPolicy, old.Version, prev.version, c.releases, prev.line, t.Version)
	}
	if c.requireRecorded {
		if err := recorded(c.releases, c.in, t, rels); err != nil {
			return err
		}
		return inChangelog(c.releases, t)
	}
	return nil
}

// renderOutputs produces the bytes of the Go file at goPath and, unless mdPath is
// "", of the Markdown file at mdPath; nothing is written.
func renderOutputs(t *table.Table, goPath, mdPath string) ([]output, error) {
	goSrc, err := render.Go(t)
	if err != nil {
		return nil, err
	}
	outs := []output{{goPath, goSrc}}
	if mdPath != "" {
		outs = append(outs, output{mdPath, render.Markdown(t)})
	}
	return outs, nil
}
