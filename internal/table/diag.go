package table

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// MaxReported caps how many problems one run prints; the rest are counted.
const MaxReported = 50

// position is a 1-based line and column; the zero position is the whole file.
type position struct{ line, col int }

func (p position) compare(q position) int { return cmp.Or(p.line-q.line, p.col-q.col) }

// Problem is one thing wrong with the input; Line and Col are 0 where there is none.
type Problem struct {
	Line, Col int
	Msg       string
}

// problems collects every problem of one input file, to report all at once.
type problems struct {
	file string
	list []Problem
}

func (ps *problems) addf(p position, format string, args ...any) {
	ps.list = append(ps.list, Problem{p.line, p.col, fmt.Sprintf(format, args...)})
}

// err returns the collected problems as one error, or nil if there are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := slices.Clone(ps.list)
	slices.SortStableFunc(list, func(a, b Problem) int { return cmp.Or(a.Line-b.Line, a.Col-b.Col) })
	return &InputError{file: ps.file, list: list}
}

// InputError is the error of a run that found problems in its input.
type InputError struct {
	file string
	list []Problem // sorted by position
}

// Problems returns the problems, sorted by position.
func (e *InputError) Problems() []Problem { return slices.Clone(e.list) }

// Error lists the problems, one a line, each with its position (file:line:col,
// or file:line for a YAML syntax error), at most MaxReported and a count of the rest.
func (e *InputError) Error() string {
	var b strings.Builder
	file := Printable(e.file)
	for i, p := range e.list {
		switch msg := Printable(p.Msg); {
		case i == MaxReported:
			fmt.Fprintf(&b, "%s: ... and %d more problems (%d in all)\n", e.file, len(e.list)-MaxReported, len(e.list))
			return strings.TrimSuffix(b.String(), "\n")
		case p.Line == 0:
			fmt.Fprintf(&b, "%s: %s\n", file, msg)
		case p.Col == 0:
			fmt.Fprintf(&b, "%s:%d: %s\n", file, p.Line, msg)
		default:
			fmt.Fprintf(&b, "%s:%d:%d: %s\n", file, p.Line, p.Col, msg)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Printable replaces every character of s that is not printable by its Go
// escape, so that input can neither act on a terminal nor forge a line of output.
func Printable(s string) string { return printable(s, "") }

// PrintableLines is Printable that keeps newlines and tabs, for text such as a diff.
func PrintableLines(s string) string { return printable(s, "\n\t") }

func printable(s, keep string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsPrint(r) || strings.ContainsRune(keep, r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}
