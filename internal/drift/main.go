// Command drift holds regions.yaml against OSS and prints one Markdown
// report; it writes nothing:
//
//	drift [-in regions.yaml] [-save FILE | -response FILE]  # DescribeRegions, or a saved body
//	drift probe [-in regions.yaml] [-resolver IP:PORT]      # DNS, keyless
//	drift docs [-in regions.yaml] [-page URL|FILE] [-source KEY]  # the "Regions and endpoints" page
//
// Each exits 0 when the table agrees (information aside), 1 when it has
// drifted, and 2 when it could not check.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ossregions/ossregions/internal/table"
)

// Exit codes.
const (
	exitAgrees   = 0
	exitDrifted  = 1
	exitNotCheck = 2
)

func main() {
	args := os.Args[1:]
	switch {
	case len(args) > 0 && args[0] == "probe":
		os.Exit(runProbe(context.Background(), args[1:], os.Stdout, os.Stderr, rand.Reader))
	case len(args) > 0 && args[0] == "docs":
		os.Exit(runDocs(context.Background(), args[1:], os.Stdout, os.Stderr, http.DefaultClient))
	}
	os.Exit(run(context.Background(), args, os.Stdout, os.Stderr, os.Getenv))
}

// command is what the three checks share: flags, -in, usage and errors;
// notes are what the usage says after the flags.
type command struct {
	name, notes    string
	fs             *flag.FlagSet
	in             *string
	stdout, stderr io.Writer
}

func newCommand(name, notes string, stdout, stderr io.Writer) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // fail prints the one error
	return &command{name, notes, fs, fs.String("in", "regions.yaml", "the `FILE` of the region table"), stdout, stderr}
}

// usage prints each flag with its meaning and default, then the notes.
func (c *command) usage(w io.Writer) {
	fmt.Fprintf(w, "usage: %s [flags]\n", c.name)
	c.fs.SetOutput(w)
	c.fs.PrintDefaults()
	c.fs.SetOutput(io.Discard)
	fmt.Fprint(w, c.notes+"exit status: 0 the table agrees, 1 it has drifted, 2 it could not check\n")
}

// fail prints err, each line named for the command, and returns exitNotCheck.
func (c *command) fail(err error) int {
	for _, l := range strings.Split(err.Error(), "\n") {
		fmt.Fprintln(c.stderr, c.name+": "+table.Printable(l))
	}
	return exitNotCheck
}

// load parses args, with the problems check finds in the flags' values,
// and loads the table at -in. Without a table it returns the exit code:
// -h prints the usage and exits 0, a bad flag prints it after the error.
func (c *command) load(args []string, check func() []error) (*table.Table, int) {
	err := c.fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		c.usage(c.stdout)
		return nil, exitAgrees
	}
	if err == nil && c.fs.NArg() > 0 {
		err = fmt.Errorf("unexpected arguments %s", quote(strings.Join(c.fs.Args(), " ")))
	}
	if err == nil {
		err = errors.Join(check()...)
	}
	if err != nil {
		c.fail(err)
		c.usage(c.stderr)
		return nil, exitNotCheck
	}
	t, err := table.Load(*c.in)
	if err != nil {
		return nil, c.fail(err)
	}
	return t, exitAgrees
}

// section is one part of a report. The items of drift sections are the
// findings; items are list lines, or, with blocks, sub-sections whose
// first line is their heading.
type section struct {
	heading, intro string // heading may hold %d, the number of items
	drift, blocks  bool
	items          []string
}

func (s *section) add(format string, args ...any) {
	s.items = append(s.items, fmt.Sprintf(format, args...))
}

// findings counts the items of the drift sections.
func findings(secs []*section) (n int) {
	for _, s := range secs {
		if s.drift {
			n += len(s.items)
		}
	}
	return n
}

// report is a check's report: what it checked against, the verdict, then
// each section with items, at most limit of them (0: all) and a count of
// the rest.
func report(t *table.Table, title, against, verdict string, limit int, secs []*section) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s of %s %s\n\nAgainst: %s\n\n**%s**\n", title, t.Input, t.Version, against, verdict)
	for _, s := range secs {
		if len(s.items) == 0 {
			continue
		}
		heading := s.heading
		if strings.Contains(heading, "%d") {
			heading = fmt.Sprintf(heading, len(s.items))
		}
		fmt.Fprintf(&b, "\n## %s\n\n%s", heading, s.intro)
		items := s.items
		if limit > 0 && len(items) > limit {
			items = items[:limit]
		}
		for _, it := range items {
			if s.blocks {
				fmt.Fprintf(&b, "\n### %s", it)
			} else {
				fmt.Fprintf(&b, "- %s\n", it)
			}
		}
		if rest := s.items[len(items):]; len(rest) > 0 && s.blocks {
			heads := table.Mapped(rest, func(it string) string { h, _, _ := strings.Cut(it, "\n"); return h })
			fmt.Fprintf(&b, "\nAnd %d more: %s.\n", len(rest), strings.Join(bound(heads, limit), ", "))
		} else if len(rest) > 0 {
			fmt.Fprintf(&b, "- and %d more\n", len(rest))
		}
	}
	return b.String()
}

// exitFor is the exit code of a run with n findings it can vouch for.
func exitFor(n int) int { return min(n, exitDrifted) }

// verdict is "agrees" without findings, else "differs: N findings.".
func verdict(n int, agrees, differs string) string {
	if n == 0 {
		return agrees
	}
	return differs + ": " + count(n, "finding", "findings") + "."
}

// bound cuts a list to its first limit items, then "and N more".
func bound(items []string, limit int) []string {
	if len(items) <= limit {
		return items
	}
	return append(items[:limit:limit], fmt.Sprintf("and %d more", len(items)-limit))
}

// codes is each of names as Markdown code: checked names only.
func codes(names []string) []string {
	return table.Mapped(names, func(n string) string { return "`" + n + "`" })
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func count(n int, one, many string) string { return strconv.Itoa(n) + " " + plural(n, one, many) }

// escape makes text inert in Markdown: the characters Markdown or HTML
// give a meaning to get a backslash; those keep refuses, and bidi
// controls, become Go escapes.
func escape(s string, keep func(rune) bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x7f && strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&:", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case !keep(r) || unicode.Is(unicode.Bidi_Control, r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// inert is text made inert with printable ASCII only, so that no
// homoglyph passes; text, for a page's text, with any printable character.
func inert(s string) string { return escape(s, func(r rune) bool { return r >= 0x20 && r < 0x7f }) }
func text(s string) string  { return escape(s, unicode.IsPrint) }

// plainOrInert is a checked region name as REGIONS.md shows it: as it is
// where it holds only letters, digits and " (),'-", else inert but for
// the letters and digits of any script.
func plainOrInert(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !unicode.In(r, unicode.L, unicode.M, unicode.N) && !strings.ContainsRune(" (),'-", r)
	}) < 0 {
		return s
	}
	return escape(s, letterOrDigit)
}

// letterOrDigit is printable ASCII, or a letter, mark or digit of any script.
func letterOrDigit(r rune) bool {
	return r >= 0x20 && r < 0x7f || unicode.In(r, unicode.L, unicode.M, unicode.N)
}

// quote quotes an untrusted value for a message or report: ASCII only, at
// most maxValueLen bytes of it, cut on a character boundary.
func quote(s string) string {
	if len(s) > maxValueLen {
		n := maxValueLen
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		return fmt.Sprintf("%+q...", s[:n])
	}
	return fmt.Sprintf("%+q", s)
}

// quoteText is quote without the quotation marks, for the XML parser's
// messages, which may repeat parts of the input.
func quoteText(s string) string {
	q := strings.TrimSuffix(strings.TrimPrefix(quote(s), `"`), `"`)
	return strings.ReplaceAll(q, `\"`, `"`)
}
