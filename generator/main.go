// Command generator turns regions.yaml into package regions, REGIONS.md and
// regions.json, all or none, and runs the release path (-h lists it).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/ossregions/ossregions/internal/release"
	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("generator: ")
	var ie *table.InputError
	switch err := run(os.Args[1:], os.Stdout); {
	case err == nil || errors.Is(err, flag.ErrHelp): // asking for the usage is no failure
	case errors.As(err, &ie) || errors.Is(err, errStale) || errors.Is(err, release.ErrPolicy):
		fmt.Fprintln(os.Stderr, table.PrintableLines(err.Error()))
		os.Exit(1)
	default:
		log.Fatal(table.PrintableLines(err.Error()))
	}
}

var errStale = errors.New("generated files are stale; run make generate")

// config is what the flags ask for; json and releases are "" for none.
type config struct {
	in, out, md, json, changesFrom, releases             string
	check, sinceRelease, requireRecorded, record, digest bool
	major                                                int
}

func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("generator", flag.ContinueOnError)
	fs.StringVar(&c.in, "in", "regions.yaml", "the region table to read")
	fs.StringVar(&c.out, "out", filepath.Join("regions", "data_gen.go"), "the Go data file to generate, and "+namesFile+" and "+grammarFile+" beside it")
	fs.StringVar(&c.md, "md", "REGIONS.md", "the Markdown document to generate")
	fs.StringVar(&c.json, "json", "regions.json", "the JSON edition to generate (with -in, -out and -md: none unless given)")
	fs.BoolVar(&c.check, "check", false, "write nothing; fail with a diff if an output is stale")
	fs.StringVar(&c.changesFrom, "changes-from", "", "print the changes since this earlier table; without -releases, judge the version against it")
	fs.StringVar(&c.releases, "releases", "", "the release ledger: judge the version against its last release, found in the git history")
	fs.BoolVar(&c.sinceRelease, "changes-since-release", false, "with -releases: print the changes since the last release")
	fs.BoolVar(&c.requireRecorded, "require-recorded", false, "with -releases: the release gate: the version judged and recorded with this data, every release in the history, its CHANGELOG.md section")
	fs.BoolVar(&c.record, "record", false, "with -releases: judge the version and record it with the data's digest")
	fs.BoolVar(&c.digest, "digest", false, "print the table's version and data digest")
	fs.IntVar(&c.major, "major", 0, "move the regions module to major version N's path (/vN) in every go.mod, import and user document")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	paths, json := 0, false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "in", "out", "md":
			paths++
		case "json":
			json = true
		}
	})
	if paths > 0 && !json {
		c.json = "" // other paths write no regions.json unless asked
	}
	switch files := []string{c.in, c.out, c.md, c.json}; {
	case fs.NArg() > 0:
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	case (c.record || c.sinceRelease || c.requireRecorded) && c.releases == "":
		return c, errors.New("-record, -changes-since-release and -require-recorded need -releases, the ledger")
	case c.changesFrom == "" && paths != 0 && paths != 3:
		// Else "-in other.yaml -out /tmp/x.go" would overwrite the repository's REGIONS.md.
		return c, errors.New(`-in, -out and -md go together: give all three, or none for the repository's files (-md "" writes no Markdown)`)
	default:
		for i, a := range files {
			for _, b := range files[i+1:] {
				if samePath(a, b) {
					return c, errors.New("-in, -out, -md and -json must name different files")
				}
			}
		}
	}
	return c, nil
}

// samePath reports whether two non-empty paths name the same file.
func samePath(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return filepath.Clean(a) == filepath.Clean(b) || errA == nil && errB == nil && os.SameFile(fa, fb)
}

func run(args []string, stdout io.Writer) error {
	c, err := parseFlags(args)
	if err != nil {
		return err
	}
	if c.major != 0 {
		return moveMajor(c.major, stdout)
	}
	t, err := table.Load(c.in)
	if err != nil {
		return err
	}
	paths := release.Paths{Ledger: c.releases, Table: c.in, GoMod: filepath.Join(filepath.Dir(c.out), "go.mod")}
	switch {
	case c.digest:
		_, err := fmt.Fprintf(stdout, "%s %s\n", t.Version, t.DataDigest())
		return err
	case c.record:
		data, msg, err := release.Record(paths, t)
		if err == nil && data != nil {
			err = writeOutputs([]output{{Path: paths.Ledger, Data: data}})
		}
		if err == nil {
			_, err = io.WriteString(stdout, msg)
		}
		return err
	case c.requireRecorded:
		return release.ReadyToRelease(paths, t)
	case c.changesFrom != "" || c.sinceRelease:
		return changes(c, paths, t, stdout)
	}
	outs, err := renderOutputs(t, c.out, c.md)
	if err != nil {
		return err
	}
	if c.json != "" {
		outs = append(outs, output{Path: c.json, Data: render.JSON(t)})
	}
	if !c.check {
		return writeOutputs(outs)
	}
	d, err := staleDiff(outs)
	if err == nil && d != "" {
		err = fmt.Errorf("%s\n%w", d, errStale)
	}
	return err
}

// changes prints the change report since -changes-from or the last
// release once the version is judged, so a refused report never reaches release notes.
func changes(c config, paths release.Paths, t *table.Table, stdout io.Writer) error {
	var from *table.Table
	if c.changesFrom != "" {
		var err error
		if from, err = table.LoadEarlier(c.changesFrom); err != nil {
			return fmt.Errorf("the earlier table: %w", err)
		}
	}
	note := ""
	if c.releases == "" {
		if err := release.Against(from, t, c.in, paths.GoMod); err != nil {
			return err
		}
	} else {
		v, err := release.Judge(paths, t, from)
		if err != nil {
			return err
		}
		if from == nil && v.Base == nil {
			return fmt.Errorf("%s records no release before %s; give the earlier table with FROM", c.releases, t.Version)
		}
		if from == nil {
			from = v.Base
		}
		note = v.Note(from)
		fmt.Fprintf(os.Stderr, "generator: version judged against %s\n", v.Against)
	}
	_, err := io.WriteString(stdout, release.Notes(render.Changes(from, t))+note)
	return err
}

// moveMajor moves the regions module in the current directory to major version n's path.
func moveMajor(n int, stdout io.Writer) error {
	outs, err := release.MoveMajor(".", n)
	if err != nil {
		return err
	}
	if err := writeOutputs(outs); err != nil {
		return err
	}
	for _, o := range outs {
		fmt.Fprintln(stdout, "rewrote", o.Path)
	}
	return nil
}

// namesFile and grammarFile are the files beside the Go data file that
// render.Names and render.Grammar fill.
const namesFile, grammarFile = "names_gen.go", "grammar_gen.go"

// renderOutputs renders the Go file, the names file beside it and, unless
// mdPath is "", the Markdown file.
func renderOutputs(t *table.Table, goPath, mdPath string) ([]output, error) {
	goSrc, err := render.Go(t)
	if err != nil {
		return nil, err
	}
	names, err := render.Names()
	if err != nil {
		return nil, err
	}
	outs := []output{{Path: goPath, Data: goSrc}}
	if mdPath != "" {
		outs = append(outs, output{Path: mdPath, Data: render.Markdown(t)})
	}
	gram, err := render.Grammar()
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(goPath)
	return append(outs, output{Path: filepath.Join(dir, namesFile), Data: names}, output{Path: filepath.Join(dir, grammarFile), Data: gram}), nil
}
