package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/ossregions/ossregions/internal/table"
)

// The fixtures under testdata/errors, testdata/changes and testdata/valid
// are txtar archives: a comment saying what the fixture tests, then sections, each
// begun by a line "-- NAME --". A table in a fixture is stated as a patch
// of testdata/base.yaml, so that a fixture holds only its difference.
//
// A patch is a list of hunks separated by "@@" lines. A hunk's lines start
// with ' ' (context), '-' (removed) or '+' (added); an empty line is an
// empty context line. The old side of a hunk (context and '-' lines) must
// occur exactly once in the table patched, and hunks must not overlap;
// each old side is then replaced by its new side (context and '+' lines).
// A hunk after a line "@@ @region ID" is placed within the block of region
// ID (see below), so that it needs no context to tell the regions apart.
//
// A hunk line whose text begins with '@' is a directive. The one
// directive, @region, stands for a whole region, so that no fixture writes
// out or deletes a region line by line, and a field added to every region
// of the base table reaches every fixture's table:
//
//	-@region ID       the block of region ID: its line "  - id: ID" and the
//	 @region ID       lines after it indented four spaces or more, removed
//	                  or as context
//	+@region ID NAME  a copy of the block of the last region of the table
//	                  patched, with that region's cloud ID (its ID without
//	                  oss-) replaced by ID's wherever it occurs, and its
//	                  name by NAME (YAML, as written after "name: ")
//
// The '+' lines indented four spaces or more right after "+@region"
// override lines of the copy. A line "key: value", or a line "key:" with
// the lines after it indented deeper, replaces the copy's line of that key
// at that indentation with its value; a key the copy lacks goes after the
// override line above it, or after the name line if none is (to put it
// after another key, override that key first, with its own value if need
// be). A comment line goes with the key line after it.

// baseTable is the table the fixtures' patches apply to.
const baseTable = "testdata/base.yaml"

// archive is a parsed txtar file.
type archive struct {
	path     string
	data     []byte
	comment  string
	sections []section
}

// section is one "-- name --" section; start and end are the offsets of
// its content in the file, so that -update can replace it alone.
type section struct {
	name       string
	start, end int
}

// readArchive reads and splits the txtar file at path.
func readArchive(t testing.TB, path string) *archive {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := parseArchive(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// parseArchive splits data into its comment and sections. A header line
// is "-- " NAME " --"; a section's content runs to the next header.
func parseArchive(path string, data []byte) (*archive, error) {
	a := &archive{path: path, data: data}
	var cur *section
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		line := strings.TrimSuffix(string(data[off:next]), "\n")
		if name, ok := headerName(line); ok {
			if cur != nil {
				cur.end = off
			} else {
				a.comment = string(data[:off])
			}
			if a.section(name) != nil {
				return nil, fmt.Errorf("%s: section %q appears twice", path, name)
			}
			a.sections = append(a.sections, section{name: name, start: next})
			cur = &a.sections[len(a.sections)-1]
		}
		off = next
	}
	if cur == nil {
		return nil, fmt.Errorf("%s: no sections (a section begins with a line \"-- NAME --\")", path)
	}
	cur.end = len(data)
	return a, nil
}

func headerName(line string) (string, bool) {
	if !strings.HasPrefix(line, "-- ") || !strings.HasSuffix(line, " --") || len(line) < len("-- x --") {
		return "", false
	}
	name := strings.TrimSpace(line[3 : len(line)-3])
	return name, name != ""
}

func (a *archive) section(name string) *section {
	for i := range a.sections {
		if a.sections[i].name == name {
			return &a.sections[i]
		}
	}
	return nil
}

// has reports whether the archive has a section of that name.
func (a *archive) has(name string) bool { return a.section(name) != nil }

// get returns the content of the named section; the fixture must have it.
func (a *archive) get(t testing.TB, name string) string {
	t.Helper()
	s := a.section(name)
	if s == nil {
		t.Fatalf("%s: no section %q", a.path, name)
	}
	return string(a.data[s.start:s.end])
}

// checkSections fails unless the archive's comment is one line saying
// what the fixture tests and its sections are among allowed.
func (a *archive) checkSections(t testing.TB, allowed ...string) {
	t.Helper()
	if strings.Count(a.comment, "\n") != 1 || strings.TrimSpace(a.comment) == "" {
		t.Errorf("%s: the comment before the first section must be one line saying what the fixture tests", a.path)
	}
	for _, s := range a.sections {
		if !slices.Contains(allowed, s.name) {
			t.Fatalf("%s: unknown section %q; expected one of %s", a.path, s.name, strings.Join(allowed, ", "))
		}
	}
}

// compareSection fails with a diff if got differs from the named section;
// with -update it rewrites that section, and nothing else of the file.
func compareSection(t *testing.T, a *archive, name string, got []byte) {
	t.Helper()
	s := a.section(name)
	if *update {
		data := a.withSection(name, got)
		if err := os.WriteFile(a.path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// The next section rewritten is then placed in the new bytes.
		b, err := parseArchive(a.path, data)
		if err != nil {
			t.Fatal(err)
		}
		*a = *b
		return
	}
	if s == nil {
		t.Fatalf("%s: no section %q (go test -update writes it)", a.path, name)
	}
	want := a.data[s.start:s.end]
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from section %q of %s (go test -update rewrites it):\n%s", name, a.path, udiff.Unified(name, "got", string(want), string(got)))
	}
}

// withSection returns the file with the named section's content replaced
// by content, or added at the end if it has no such section.
func (a *archive) withSection(name string, content []byte) []byte {
	var b bytes.Buffer
	if s := a.section(name); s != nil {
		b.Write(a.data[:s.start])
		b.Write(content)
		b.Write(a.data[s.end:])
		return b.Bytes()
	}
	b.Write(a.data)
	if len(a.data) > 0 && a.data[len(a.data)-1] != '\n' {
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "-- %s --\n", name)
	b.Write(content)
	return b.Bytes()
}

// readBase returns the base table.
func readBase(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(baseTable)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// patched returns tbl with the patch in the named section of a applied;
// without that section, the table unchanged.
func (a *archive) patched(t testing.TB, tbl, name string) string {
	t.Helper()
	out, err := a.patch(tbl, name)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// patch is patched, with a failure returned as an error that names the
// fixture and the section.
func (a *archive) patch(tbl, name string) (string, error) {
	s := a.section(name)
	if s == nil {
		return tbl, nil
	}
	out, err := applyPatch(tbl, string(a.data[s.start:s.end]))
	if err != nil {
		return "", fmt.Errorf("%s: section %q: %v", a.path, name, err)
	}
	return out, nil
}

// patchLine is one line of a patch: its kind (' ', '-' or '+'), its text
// without the kind, and its line number in the section.
type patchLine struct {
	kind byte
	text string
	line int
}

// hunk is one hunk of a patch, the line of its section it begins at and
// the region it is placed in ("" for anywhere in the table).
type hunk struct {
	lines  []patchLine
	line   int
	region string
}

// parsePatch splits a patch into its hunks.
func parsePatch(patch string) ([]hunk, error) {
	var hunks []hunk
	cur := hunk{line: 1}
	for i, line := range splitLines(patch) {
		switch {
		case strings.HasPrefix(line, "@@"):
			if len(cur.lines) > 0 {
				hunks = append(hunks, cur)
			}
			cur = hunk{line: i + 2}
			if rest := strings.TrimSpace(line[2:]); rest != "" {
				id, ok := strings.CutPrefix(rest, "@region ")
				if !ok || strings.Contains(strings.TrimSpace(id), " ") {
					return nil, fmt.Errorf("line %d: %q: expected @@ or @@ @region ID", i+1, line)
				}
				cur.region = strings.TrimSpace(id)
			}
		case line == "":
			cur.lines = append(cur.lines, patchLine{' ', "", i + 1})
		case line[0] == ' ' || line[0] == '-' || line[0] == '+':
			cur.lines = append(cur.lines, patchLine{line[0], line[1:], i + 1})
		default:
			return nil, fmt.Errorf("line %d: %q starts with none of ' ', '-', '+' or @@", i+1, line)
		}
	}
	if len(cur.lines) > 0 {
		hunks = append(hunks, cur)
	}
	if len(hunks) == 0 {
		return nil, fmt.Errorf("no hunks")
	}
	return hunks, nil
}

// sides returns the lines h replaces in tbl and their replacement, with
// its @region directives expanded.
func (h hunk) sides(tbl []string) (old, repl []string, err error) {
	for i := 0; i < len(h.lines); i++ {
		l := h.lines[i]
		if !strings.HasPrefix(l.text, "@") {
			if l.kind != '+' {
				old = append(old, l.text)
			}
			if l.kind != '-' {
				repl = append(repl, l.text)
			}
			continue
		}
		rest, ok := strings.CutPrefix(l.text, "@region")
		if !ok || rest != "" && rest[0] != ' ' {
			return nil, nil, fmt.Errorf("line %d: unknown directive %q; the one directive is @region", l.line, l.text)
		}
		id, name, _ := strings.Cut(strings.TrimSpace(rest), " ")
		name = strings.TrimSpace(name)
		if l.kind != '+' {
			if id == "" || name != "" {
				return nil, nil, fmt.Errorf("line %d: %q: expected %c@region ID", l.line, l.text, l.kind)
			}
			start, end, err := regionBlock(tbl, id)
			if err != nil {
				return nil, nil, fmt.Errorf("line %d: %v", l.line, err)
			}
			old = append(old, tbl[start:end]...)
			if l.kind == ' ' {
				repl = append(repl, tbl[start:end]...)
			}
			continue
		}
		if !strings.HasPrefix(id, "oss-") || name == "" {
			return nil, nil, fmt.Errorf("line %d: %q: expected +@region ID NAME, the ID beginning with oss-", l.line, l.text)
		}
		var overrides []patchLine
		for i+1 < len(h.lines) && h.lines[i+1].kind == '+' && strings.HasPrefix(h.lines[i+1].text, "    ") {
			i++
			overrides = append(overrides, h.lines[i])
		}
		block, err := newRegion(tbl, id, name, overrides)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %v", l.line, err)
		}
		repl = append(repl, block...)
	}
	return old, repl, nil
}

// regionItem begins the block of a region in the table's regions list.
const regionItem = "  - id: "

// regionBlock returns where the block of region id is in tbl: its line
// "  - id: ID" and the lines after it indented four spaces or more.
func regionBlock(tbl []string, id string) (start, end int, err error) {
	start = -1
	for i, line := range tbl {
		if line == regionItem+id {
			if start >= 0 {
				return 0, 0, fmt.Errorf("region %s appears twice in the table", id)
			}
			start = i
		}
	}
	if start < 0 {
		return 0, 0, fmt.Errorf("no region %s in the table", id)
	}
	end = start + 1
	for end < len(tbl) && strings.HasPrefix(tbl[end], "    ") {
		end++
	}
	return start, end, nil
}

// newRegion returns a copy of the last region of tbl with its cloud ID
// replaced by that of id, wherever it occurs, its name by name, and then
// the overrides applied.
func newRegion(tbl []string, id, name string, overrides []patchLine) ([]string, error) {
	last := -1
	for i, line := range tbl {
		if strings.HasPrefix(line, regionItem) {
			last = i
		}
	}
	if last < 0 {
		return nil, fmt.Errorf("the table has no region to copy")
	}
	tmplID := strings.TrimPrefix(tbl[last], regionItem)
	if !strings.HasPrefix(tmplID, "oss-") {
		return nil, fmt.Errorf("the region to copy, %s, has no ID beginning with oss-", tmplID)
	}
	start, end, err := regionBlock(tbl, tmplID)
	if err != nil {
		return nil, err
	}
	var block []string
	named := -1
	for _, line := range tbl[start:end] {
		if strings.HasPrefix(line, "    name: ") {
			line, named = "    name: "+name, len(block)
		} else {
			line = strings.ReplaceAll(line, tmplID[len("oss-"):], id[len("oss-"):])
		}
		block = append(block, line)
	}
	if named < 0 {
		return nil, fmt.Errorf("the region to copy, %s, has no name line", tmplID)
	}
	return override(block, named+1, overrides)
}

// override applies override lines to a region block. Each "key: value"
// line, with its value (see valueEnd), replaces the line of that key and
// indentation in block and its value; a key block lacks goes after the
// override line before it, or at after if none is. Comment lines go with
// the key line after them.
func override(block []string, after int, lines []patchLine) ([]string, error) {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	var comments []string
	for i := 0; i < len(texts); {
		if strings.HasPrefix(strings.TrimSpace(texts[i]), "#") {
			comments = append(comments, texts[i])
			i++
			continue
		}
		key, ind := yamlKey(texts[i])
		if key == "" {
			return nil, fmt.Errorf("line %d: %q: an override line after +@region is \"key: value\", indented as in the region", lines[i].line, texts[i])
		}
		end := valueEnd(texts, i)
		group := append(comments, texts[i:end]...)
		comments = nil
		var at []int
		for j, line := range block {
			if k, n := yamlKey(line); k == key && n == ind {
				at = append(at, j)
			}
		}
		switch len(at) {
		case 0:
			block = slices.Insert(block, after, group...)
			after += len(group)
		case 1:
			block = slices.Replace(block, at[0], valueEnd(block, at[0]), group...)
			after = at[0] + len(group)
		default:
			return nil, fmt.Errorf("line %d: the region copied has %d lines of key %s at this indentation; override which?", lines[i].line, len(at), key)
		}
		i = end
	}
	return slices.Insert(block, after, comments...), nil
}

// valueEnd returns where the key line lines[i] and its value end: a line
// "key: value" holds its value; after a line "key:" it is the lines
// indented deeper.
func valueEnd(lines []string, i int) int {
	end := i + 1
	if _, v, _ := strings.Cut(lines[i], ":"); strings.TrimSpace(v) != "" {
		return end
	}
	for end < len(lines) && indent(lines[end]) > indent(lines[i]) {
		end++
	}
	return end
}

// yamlKey returns the key of a line "key: value" or "key:", and its
// indentation; "" if the line is not of that form.
func yamlKey(line string) (key string, ind int) {
	k, _, ok := strings.Cut(strings.TrimSpace(line), ":")
	if !ok || k == "" || k[0] == '-' || k[0] == '#' || strings.Contains(k, " ") {
		return "", 0
	}
	return k, indent(line)
}

// indent returns the number of spaces line begins with.
func indent(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}

// applyPatch applies patch to tbl. Each hunk is placed in tbl as given,
// never in the output of another hunk.
func applyPatch(tbl, patch string) (string, error) {
	hunks, err := parsePatch(patch)
	if err != nil {
		return "", err
	}
	lines := splitLines(tbl)
	olds := make([][]string, len(hunks))
	news := make([][]string, len(hunks))
	at := make([]int, len(hunks))
	for i, h := range hunks {
		old, repl, err := h.sides(lines)
		if err != nil {
			return "", err
		}
		olds[i], news[i] = old, repl
		if len(old) == 0 {
			return "", fmt.Errorf("hunk at line %d has no context or '-' line to place it by", h.line)
		}
		lo, hi, where := 0, len(lines), "the table"
		if h.region != "" {
			if lo, hi, err = regionBlock(lines, h.region); err != nil {
				return "", fmt.Errorf("hunk at line %d: %v", h.line, err)
			}
			where = "region " + h.region
		}
		var found []int
		for j := lo; j+len(old) <= hi; j++ {
			if slices.Equal(lines[j:j+len(old)], old) {
				found = append(found, j)
			}
		}
		if len(found) != 1 {
			return "", fmt.Errorf("hunk at line %d: its old side occurs %d times in %s; want exactly once (add context lines)", h.line, len(found), where)
		}
		at[i] = found[0]
	}
	// Replace from the end of the table, so that earlier places hold.
	order := make([]int, len(hunks))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return at[j] - at[i] })
	for k, i := range order {
		if k > 0 {
			prev := order[k-1]
			if at[i]+len(olds[i]) > at[prev] {
				return "", fmt.Errorf("hunks at lines %d and %d overlap in the table", hunks[i].line, hunks[prev].line)
			}
		}
		lines = slices.Replace(lines, at[i], at[i]+len(olds[i]), news[i]...)
	}
	if len(lines) == 0 {
		return "", nil
	}
	return strings.Join(lines, "\n") + "\n", nil
}

// splitLines returns the lines of s, without their newlines.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// fixtureName is the name of the fixture at path: its file name without
// the extension.
func fixtureName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// archives returns the txtar fixtures under testdata/dir.
func archives(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/%s: %v", dir, err)
	}
	return files
}

// errorTable returns the table of the error fixture at path: its
// table.yaml section, or the base table with its patch applied.
func errorTable(t testing.TB, path string) []byte {
	t.Helper()
	a := readArchive(t, path)
	a.checkSections(t, "patch", "table.yaml", "want")
	return []byte(a.errorTable(t))
}

func (a *archive) errorTable(t testing.TB) string {
	t.Helper()
	if a.has("table.yaml") == a.has("patch") {
		t.Fatalf("%s: want exactly one of the sections patch and table.yaml", a.path)
	}
	if a.has("table.yaml") {
		return a.get(t, "table.yaml")
	}
	return a.patched(t, readBase(t), "patch")
}

// The sections of a valid fixture (testdata/valid): its table as a patch
// of the base, and the Go and Markdown the generator makes of it, which
// TestGolden compares and -update rewrites.
var validSections = []string{"patch", "data_gen.go", "REGIONS.md"}

// validTable returns the table of the valid fixture at path: the base
// table with its patch applied.
func validTable(t testing.TB, path string) []byte {
	t.Helper()
	a := readArchive(t, path)
	a.checkSections(t, validSections...)
	if !a.has("patch") {
		t.Fatalf("%s: no section \"patch\"", path)
	}
	return []byte(a.patched(t, readBase(t), "patch"))
}

// validFixture returns the table of testdata/valid/NAME.txt.
func validFixture(t testing.TB, name string) []byte {
	t.Helper()
	return validTable(t, filepath.Join("testdata", "valid", name+".txt"))
}

// parseValid parses the table of the valid fixture at path, named
// NAME.yaml as the goldens name it.
func parseValid(t testing.TB, path string) *table.Table {
	t.Helper()
	name := fixtureName(path) + ".yaml"
	tbl, err := table.Parse(name, validTable(t, path))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tbl
}

// TestBaseTableIsValid holds the base table to the generator: every
// problem an error fixture reports then comes from its patch.
func TestBaseTableIsValid(t *testing.T) {
	if _, err := table.Parse("base.yaml", []byte(readBase(t))); err != nil {
		t.Fatal(err)
	}
}

// TestApplyPatch holds the patch format to its rules, failures included.
func TestApplyPatch(t *testing.T) {
	check := func(name, got string, err error, want, wantErr string) {
		t.Helper()
		switch {
		case wantErr == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case wantErr == "" && got != want:
			t.Errorf("%s: got %q, want %q", name, got, want)
		case wantErr != "" && (err == nil || !strings.Contains(err.Error(), wantErr)):
			t.Errorf("%s: got error %v, want one containing %q", name, err, wantErr)
		}
	}
	const tbl = "a\nb\nc\nb\nd\n"
	tests := []struct{ name, patch, want, err string }{
		{"replace", "-a\n+A\n", "A\nb\nc\nb\nd\n", ""},
		{"insert after context", " c\n+x\n+y\n", "a\nb\nc\nx\ny\nb\nd\n", ""},
		{"remove with context", " c\n-b\n", "a\nb\nc\nd\n", ""},
		{"two hunks", "-a\n+A\n@@\n-d\n+D\n", "A\nb\nc\nb\nD\n", ""},
		{"hunks out of order", "-d\n@@\n-a\n", "b\nc\nb\n", ""},
		{"ambiguous", "-b\n+B\n", "", "hunk at line 1: its old side occurs 2 times"},
		{"absent", "@@\n-z\n", "", "hunk at line 2: its old side occurs 0 times"},
		{"no place", "+x\n", "", "no context or '-' line"},
		{"overlap", " a\n-b\n@@\n-b\n c\n", "", "overlap"},
		{"bad line", "-a\nx\n", "", `line 2: "x" starts with none`},
		{"empty", "", "", "no hunks"},
	}
	for _, tt := range tests {
		got, err := applyPatch(tbl, tt.patch)
		check(tt.name, got, err, tt.want, tt.err)
	}
	// An empty patch line is an empty context line.
	got, err := applyPatch("x\n\ny\n", "-x\n\n+z\n")
	check("empty context", got, err, "\nz\ny\n", "")
}

// TestRegionDirectives holds @region and "@@ @region" to their rules,
// failures included, and a failure to name the fixture and the line.
func TestRegionDirectives(t *testing.T) {
	const (
		a1  = "  - id: oss-a-1\n    name: A\n    vip_ranges: ticket\n"
		b1  = "  - id: oss-b-1\n    name: B\n    endpoints:\n      public: oss-b-1.aliyuncs.com\n      vpc: oss-b-1-internal.aliyuncs.com\n    vip_ranges: ticket\n"
		c2  = "  - id: oss-c-2\n    name: C (2)\n    endpoints:\n      public: oss-c-2.aliyuncs.com\n      vpc: oss-c-2-internal.aliyuncs.com\n    vip_ranges: ticket\n"
		tbl = "regions:\n" + a1 + b1
	)
	overridden := "  - id: oss-c-2\n    name: C\n    status: gone\n    endpoints:\n      public: oss-c-2.aliyuncs.com\n" +
		"      vpc: v.aliyuncs.com\n      dual_stack: d.aliyuncs.com\n    # ranges\n    vip_ranges:\n      - 10.0.0.0/8\n" +
		"    aliases:\n      - {id: x}\n  - id: literal\n"
	tests := []struct{ name, patch, want, err string }{
		{"remove", "-@region oss-a-1\n", "regions:\n" + b1, ""},
		{"context", " @region oss-a-1\n-@region oss-b-1\n", "regions:\n" + a1, ""},
		{"copy the last region", " @region oss-b-1\n+@region oss-c-2 C (2)\n", tbl + c2, ""},
		{"move", " regions:\n+@region oss-b-1 B\n@@\n-@region oss-b-1\n", "regions:\n" + b1 + a1, ""},
		{"override", " regions:\n+@region oss-c-2 C\n+    status: gone\n+      vpc: v.aliyuncs.com\n+      dual_stack: d.aliyuncs.com\n" +
			"+    # ranges\n+    vip_ranges:\n+      - 10.0.0.0/8\n+    aliases:\n+      - {id: x}\n+  - id: literal\n", "regions:\n" + overridden + a1 + b1, ""},
		{"hunk within a region", "@@ @region oss-b-1\n-    vip_ranges: ticket\n+    vip_ranges: []\n", "regions:\n" + a1 + strings.Replace(b1, "ticket", "[]", 1), ""},
		{"unknown region", "@@\n-@region oss-z-9\n", "", "line 2: no region oss-z-9 in the table"},
		{"unknown region of a hunk", "@@ @region oss-z-9\n-x\n", "", "hunk at line 2: no region oss-z-9 in the table"},
		{"not within the region", "@@ @region oss-a-1\n-      vpc: oss-b-1-internal.aliyuncs.com\n", "", "occurs 0 times in region oss-a-1"},
		{"no ID", "-@region\n", "", `line 1: "@region": expected -@region ID`},
		{"two IDs", " @region oss-a-1 oss-b-1\n", "", `line 1: "@region oss-a-1 oss-b-1": expected  @region ID`},
		{"no name", " @region oss-a-1\n+@region oss-c-2\n", "", `line 2: "@region oss-c-2": expected +@region ID NAME`},
		{"ID without oss-", " @region oss-a-1\n+@region c-2 C\n", "", `line 2: "@region c-2 C": expected +@region ID NAME, the ID beginning with oss-`},
		{"unknown directive", "-@regions oss-a-1\n", "", `line 1: unknown directive "@regions oss-a-1"`},
		{"override not a key", " @region oss-a-1\n+@region oss-c-2 C\n+    - x\n", "", `line 3: "    - x": an override line after +@region is "key: value"`},
		{"bad hunk header", "@@ oss-a-1\n-x\n", "", `line 1: "@@ oss-a-1": expected @@ or @@ @region ID`},
	}
	for _, tt := range tests {
		got, err := applyPatch(tbl, tt.patch)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err == "" && got != tt.want:
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.err)
		}
	}
	if _, err := applyPatch(tbl+a1, "-@region oss-a-1\n"); err == nil || !strings.Contains(err.Error(), "region oss-a-1 appears twice") {
		t.Errorf("a region twice in the table: got error %v", err)
	}
	a, err := parseArchive("errors/x.txt", []byte("A fixture.\n-- patch --\n regions:\n+x: 1\n@@\n+@region oss-x-1\n"))
	if err != nil {
		t.Fatal(err)
	}
	const want = `errors/x.txt: section "patch": line 4: "@region oss-x-1": expected +@region ID NAME`
	if _, err := a.patch(tbl, "patch"); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got error %v, want one beginning %q", err, want)
	}
}

// TestNewRegionFieldReachesFixtures holds the fixtures to the rule that a
// field added to every region of the base table needs no fixture edited:
// with a line added to each region of the base, at each place in the
// region, every region of every fixture's tables (under errors, changes
// and valid) has that line once.
func TestNewRegionFieldReachesFixtures(t *testing.T) {
	const field = "    added_field: x"
	base := splitLines(readBase(t))
	for place := 1; ; place++ {
		tbl, more := withField(base, field, place)
		for _, dir := range []string{"errors", "changes", "valid"} {
			for _, path := range archives(t, dir) {
				a := readArchive(t, path)
				if a.has("table.yaml") {
					continue
				}
				out := tbl
				for _, name := range []string{"patch", "before", "after"} {
					var err error
					if out, err = a.patch(out, name); err != nil {
						t.Errorf("field after the region's key line %d: %v", place, err)
						break
					}
					if id := regionWithout(splitLines(out), field); id != "" && a.has(name) {
						t.Errorf("field after the region's key line %d: %s: section %q: region %s has not the field once", place, path, name, id)
					}
				}
			}
		}
		if !more {
			return
		}
	}
}

// withField returns tbl with field added to every region's block, after
// its place-th line holding a key of the region ("  - id:" is the first),
// or at its end; more reports whether a region has more key lines.
func withField(tbl []string, field string, place int) (out string, more bool) {
	var lines []string
	for i := 0; i < len(tbl); i++ {
		if !strings.HasPrefix(tbl[i], regionItem) {
			lines = append(lines, tbl[i])
			continue
		}
		_, end, _ := regionBlock(tbl, strings.TrimPrefix(tbl[i], regionItem))
		keys := 0
		for j := i; j < end; j++ {
			if j == i || indent(tbl[j]) == 4 {
				if keys == place {
					lines = append(lines, field)
				}
				keys++
			}
			lines = append(lines, tbl[j])
		}
		if keys <= place {
			lines = append(lines, field)
		}
		more = more || keys > place
		i = end - 1
	}
	return strings.Join(lines, "\n") + "\n", more
}

// regionWithout returns the ID of a region of tbl whose block (tab-indented
// lines included) has not the line field exactly once; "" if none.
func regionWithout(tbl []string, field string) string {
	for i, line := range tbl {
		if !strings.HasPrefix(line, regionItem) {
			continue
		}
		n := 0
		for _, l := range tbl[i+1:] {
			if !strings.HasPrefix(l, "    ") && !strings.HasPrefix(l, "\t") {
				break
			}
			if l == field {
				n++
			}
		}
		if n != 1 {
			return strings.TrimPrefix(line, regionItem)
		}
	}
	return ""
}

// TestParseArchive checks the splitter and that -update's rewrite of one
// section keeps every other byte.
func TestParseArchive(t *testing.T) {
	data := "What it tests.\n-- patch --\n-a\n+b\n-- want --\nold\n"
	a, err := parseArchive("x.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if a.comment != "What it tests.\n" || a.get(t, "patch") != "-a\n+b\n" || a.get(t, "want") != "old\n" {
		t.Errorf("parsed %q: comment %q, sections %+v", data, a.comment, a.sections)
	}
	if got := string(a.withSection("patch", []byte("X\n"))); got != "What it tests.\n-- patch --\nX\n-- want --\nold\n" {
		t.Errorf("replacing a section gives %q", got)
	}
	if got := string(a.withSection("report", []byte("new\n"))); got != data+"-- report --\nnew\n" {
		t.Errorf("adding a section gives %q", got)
	}
	for _, bad := range []string{"no sections\n", "-- a --\n-- a --\n"} {
		if _, err := parseArchive("x.txt", []byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// errorFixture returns the table of testdata/errors/NAME.txt.
func errorFixture(t testing.TB, name string) []byte {
	t.Helper()
	return errorTable(t, filepath.Join("testdata", "errors", name+".txt"))
}

// TestDocsQuoteFixture holds the error line docs/maintaining.md quotes to
// the output of the fixture it names.
func TestDocsQuoteFixture(t *testing.T) {
	const name = "cidr_printed_form"
	doc, err := os.ReadFile("../docs/maintaining.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "generator/testdata/errors/"+name+".txt") {
		t.Errorf("docs/maintaining.md no longer names the fixture %s.txt; update this test", name)
	}
	want := readArchive(t, filepath.Join("testdata", "errors", name+".txt")).get(t, "want")
	for _, line := range splitLines(want) {
		if !strings.Contains(string(doc), "\n"+line+"\n") {
			t.Errorf("docs/maintaining.md does not quote the output of %s.txt:\n%s", name, line)
		}
	}
}
