// Command generator turns regions.yaml into the Go package regions and the
// document REGIONS.md. It is run by go generate from the repository root:
//
//	go run ./generator [-check] [-in regions.yaml -out regions/data_gen.go -md REGIONS.md]
//	go run ./generator -changes-from OLD.yaml
//
// It reads and validates the whole table first and reports every problem it
// finds; only a valid table produces output, written atomically. With
// -check it writes nothing and fails with a diff if an output is stale.
// With -changes-from it prints a Markdown report of what changed since an
// earlier table and checks that the version was bumped enough.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

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
	check       bool
	changesFrom string
}

func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("generator", flag.ContinueOnError)
	fs.StringVar(&c.in, "in", "regions.yaml", "the region table to read")
	fs.StringVar(&c.out, "out", filepath.Join("regions", "data_gen.go"), "the Go file to generate")
	fs.StringVar(&c.md, "md", "REGIONS.md", "the Markdown region document to generate")
	fs.BoolVar(&c.check, "check", false, "write nothing; fail with a diff if an output is stale")
	fs.StringVar(&c.changesFrom, "changes-from", "", "print the changes since this earlier table, and check the version bump")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
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
	if c.changesFrom == "" && given != 0 && given != 3 {
		return errors.New(`-in, -out and -md go together: give all three, or none for the repository's files (-md "" writes no Markdown)`)
	}
	if samePath(c.out, c.in) || samePath(c.md, c.in) || samePath(c.out, c.md) {
		return errors.New("-in, -out and -md must name three different files")
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
	t, err := table.Load(c.in)
	if err != nil {
		return err
	}
	if c.changesFrom != "" {
		return reportChanges(c.changesFrom, c.in, filepath.Join(filepath.Dir(c.out), "go.mod"), t, stdout)
	}
	outs, err := render(t, c.out, c.md)
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

// render produces the bytes of the Go file at goPath and, unless mdPath is
// "", of the Markdown file at mdPath; nothing is written.
func render(t *table.Table, goPath, mdPath string) ([]output, error) {
	goSrc, err := genGo(t)
	if err != nil {
		return nil, err
	}
	outs := []output{{goPath, goSrc}}
	if mdPath != "" {
		outs = append(outs, output{mdPath, genMarkdown(t)})
	}
	return outs, nil
}
