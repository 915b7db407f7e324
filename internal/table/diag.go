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

// position is a 1-based line and column in the input; the zero position
// means the file as a whole.
type position struct{ line, col int }

func (p position) less(q position) bool {
	return p.line < q.line || p.line == q.line && p.col < q.col
}

// Problem is one thing wrong with the input: where (line and column, 0
// where there is none) and what.
type Problem struct {
	Line, Col int
	Msg       string
}

// problems collects every problem of one input file, so that a run reports
// all of them at once.
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

// Error lists the problems, one a line, each with its file:line:col.
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

// Printable replaces every character of s that is not printable, tabs and
// newlines included, by its Go escape: text from the input can then
// neither act on a terminal (escape sequences) nor forge a line of output.
// Messages quote input values already; this holds for whatever reaches
// them, YAML parser messages and file names included.
func Printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// PrintableLines is Printable for text of several lines, such as a diff:
// newlines and tabs are kept, everything else is escaped.
func PrintableLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		parts := strings.Split(l, "\t")
		for j, p := range parts {
			parts[j] = Printable(p)
		}
		lines[i] = strings.Join(parts, "\t")
	}
	return strings.Join(lines, "\n")
}
