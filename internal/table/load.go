package table

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxInputSize bounds the YAML file: room for ten thousand regions.
const MaxInputSize = 8 << 20

// MaxOutputSize bounds an existing output read to compare (ten thousand regions: 4 MiB).
const MaxOutputSize = 64 << 20

// File is a file to write and the bytes it should hold.
type File struct {
	Path string
	Data []byte
}

// TempPattern names WriteFiles' temporary files (os.CreateTemp); .gitignore covers it.
const TempPattern = ".ossregions-tmp-*"

// WriteFiles replaces files, all or none: each is synced to a temporary
// file beside it, then all are renamed.
func WriteFiles(files []File) error {
	var temps []string
	defer func() {
		for _, t := range temps {
			os.Remove(t) // renamed ones are gone already
		}
	}()
	for _, o := range files {
		f, err := os.CreateTemp(filepath.Dir(o.Path), TempPattern)
		if err == nil {
			temps = append(temps, f.Name())
			_, err = f.Write(o.Data)
			err = errors.Join(err, f.Chmod(0o644), f.Sync(), f.Close())
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w; nothing was written", o.Path, err)
		}
	}
	for i, o := range files {
		if err := os.Rename(temps[i], o.Path); err != nil {
			return fmt.Errorf("%w (%d of %d files were replaced)", err, i, len(files))
		}
	}
	return nil
}

// ReadRegular reads a regular file of at most limit bytes (knob names the
// limit) as stat (os.Stat or os.Lstat) sees it; a FIFO or device is not opened.
func ReadRegular(path string, limit int64, knob string, stat func(string) (os.FileInfo, error)) ([]byte, error) {
	fi, err := stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (its mode is %s)", path, fi.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("larger than %d bytes (%s)", limit, knob)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return data, nil
}

// decode parses a file into a tree of nodes, recording every shape and
// type problem; it returns nil where there is no top-level mapping.
func decode(data []byte, ps *problems, earlier bool) *node {
	if badChars(data, ps) {
		return nil
	}
	var doc, extra yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) || err == nil && len(doc.Content) != 1 {
		ps.addf(position{}, "the file is empty (only comments or blank lines); expected a mapping with version, regions, ...")
		return nil
	}
	if err == nil {
		if err = dec.Decode(&extra); err == nil {
			ps.addf(at(&extra), "a second YAML document; expected exactly one")
			return nil
		}
	}
	if !errors.Is(err, io.EOF) {
		addYAMLError(ps, data, err)
		return nil
	}
	if rejectAliases(doc.Content[0], ps) {
		return nil
	}
	d := &decoder{ps: ps, earlier: earlier}
	root := &node{what: "top level", pos: at(doc.Content[0])}
	if !d.mapping(doc.Content[0], root, "", tableFields) {
		return nil
	}
	return root
}

// badChars reports each line's first byte that is not UTF-8 or begins a
// character YAML does not allow, which yaml.v3 reports without a position.
func badChars(data []byte, ps *problems) bool {
	found, line, col, lineDone := false, 1, 1, false
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		msg := ""
		switch {
		case r == utf8.RuneError && size == 1:
			msg = fmt.Sprintf("the file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", data[i])
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f && r != 0x85 || r == 0xfffe || r == 0xffff:
			msg = fmt.Sprintf("not valid YAML: the control character %U is not allowed in YAML; remove it", r)
		}
		if msg != "" && !lineDone {
			ps.addf(position{line, col}, "%s", msg)
			found, lineDone = true, true
		}
		if col++; r == '\n' {
			line, col, lineDone = line+1, 1, false
		}
		i += size
	}
	return found
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// addYAMLError turns a yaml.v3 syntax error, which has a line near the
// problem but no column, into a problem.
func addYAMLError(ps *problems, data []byte, err error) {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		ps.addf(position{}, "not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	line, _ := strconv.Atoi(m[1])
	lines := bytes.Split(data, []byte("\n"))
	// yaml.v3 names the line of a tab that indents, or the one before it.
	for l := max(line, 1); strings.Contains(m[2], "tab character") && l <= line+1 && l <= len(lines); l++ {
		if i := bytes.IndexByte(lines[l-1], '\t'); i >= 0 {
			ps.addf(position{l, 1 + utf8.RuneCount(lines[l-1][:i])}, "not valid YAML: a tab character indents this line; YAML indents with spaces only")
			return
		}
	}
	ps.addf(position{line: line}, "not valid YAML near here: %s", m[2])
}

// rejectAliases reports the first alias and counts the rest: refusing
// them rules out exponential expansion ("billion laughs").
func rejectAliases(root *yaml.Node, ps *problems) bool {
	var aliases []*yaml.Node
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			aliases = append(aliases, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	if len(aliases) == 0 {
		return false
	}
	more := ""
	if len(aliases) > 1 {
		more = fmt.Sprintf(" (and %d more aliases)", len(aliases)-1)
	}
	ps.addf(at(aliases[0]), "YAML alias %q: aliases are not allowed in the table; write the value out%s", "*"+aliases[0].Value, more)
	return true
}

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
	slices.SortStableFunc(ps.list, func(a, b Problem) int { return cmp.Or(a.Line-b.Line, a.Col-b.Col) })
	return &InputError{file: ps.file, list: ps.list}
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
	var lines []string
	for _, p := range e.list[:min(len(e.list), MaxReported)] {
		where := Printable(e.file)
		for _, n := range []int{p.Line, p.Col} {
			if n > 0 {
				where += ":" + strconv.Itoa(n)
			}
		}
		lines = append(lines, where+": "+Printable(p.Msg))
	}
	if len(e.list) > MaxReported {
		lines = append(lines, fmt.Sprintf("%s: ... and %d more problems (%d in all)", Printable(e.file), len(e.list)-MaxReported, len(e.list)))
	}
	return strings.Join(lines, "\n")
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
