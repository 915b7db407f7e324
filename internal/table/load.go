package table

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxInputSize bounds the YAML file: room for ten thousand regions.
const MaxInputSize = 8 << 20

// MaxOutputSize bounds an existing output read to compare (ten thousand regions: 4 MiB).
const MaxOutputSize = 64 << 20

// ReadRegular reads a regular file of at most limit bytes (knob names the
// limit) as stat (os.Stat or os.Lstat) sees it; a FIFO or device is not opened.
func ReadRegular(path string, limit int64, knob string, stat func(string) (os.FileInfo, error)) ([]byte, error) {
	fi, err := stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file but %s", path, fileKind(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes (%s)", path, limit, knob)
	}
	return data, nil
}

// fileKind names the kind of a file that is not a regular one.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// decode parses a file into a tree of nodes, recording every shape and
// type problem; it returns nil where there is no top-level mapping.
func decode(data []byte, ps *problems, earlier bool) *node {
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := 1 + off - (bytes.LastIndexByte(data[:off], '\n') + 1)
		ps.addf(position{line, col}, "the file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", data[off])
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		ps.addf(position{}, "the file is empty (only comments or blank lines); expected a mapping with version, regions, ...")
		return nil
	} else if err != nil {
		addYAMLError(ps, data, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		ps.addf(position{extra.Line, extra.Column}, "a second YAML document; expected exactly one")
		return nil
	} else if !errors.Is(err, io.EOF) {
		addYAMLError(ps, data, err)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		ps.addf(position{}, "expected one YAML document")
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

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// addYAMLError turns a yaml.v3 syntax error, which has a line near the
// problem but no column, into a problem.
func addYAMLError(ps *problems, data []byte, err error) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if strings.Contains(m[2], "tab character") {
			// yaml.v3 names the line or the one before it.
			for l := line; l <= line+1; l++ {
				if col := tabColumn(data, l); col > 0 {
					ps.addf(position{l, col}, "not valid YAML: a tab character indents this line; YAML indents with spaces only")
					return
				}
			}
		}
		ps.addf(position{line: line}, "not valid YAML near here: %s", m[2])
		return
	}
	if off := controlOffset(data); off >= 0 {
		// yaml.v3 gives no position for these; find the first one.
		r, _ := utf8.DecodeRune(data[off:])
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
		ps.addf(position{line, col}, "not valid YAML: the control character %U is not allowed in YAML; remove it", r)
		return
	}
	ps.addf(position{}, "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// tabColumn returns the column of the first tab on line (1-based), or 0.
func tabColumn(data []byte, line int) int {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	if i := bytes.IndexByte(l, '\t'); i >= 0 {
		return 1 + utf8.RuneCount(l[:i])
	}
	return 0
}

// controlOffset returns the offset of the first control character YAML does not allow, or -1.
func controlOffset(data []byte) int {
	for i, r := range string(data) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f && r != 0x85 {
			return i
		}
	}
	return -1
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
	first, more := aliases[0], ""
	if len(aliases) > 1 {
		more = fmt.Sprintf(" (and %d more aliases)", len(aliases)-1)
	}
	ps.addf(position{first.Line, first.Column}, "YAML alias %q: aliases are not allowed in the table; write the value out%s", "*"+first.Value, more)
	return true
}
