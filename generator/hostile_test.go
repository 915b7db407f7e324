package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// withName returns the basic fixture with the first region's name replaced
// by a double-quoted YAML scalar holding name (YAML escapes allowed).
func withName(t *testing.T, yamlQuoted string) []byte {
	t.Helper()
	base := validFixture(t, "basic")
	out := bytes.Replace(base, []byte("name: China (Hangzhou)"), []byte("name: "+yamlQuoted), 1)
	if bytes.Equal(out, base) {
		t.Fatal("fixture changed; name not found")
	}
	return out
}

// TestHostileNames feeds names that could break out of a Go comment or
// string, or hide code from a reviewer, and requires the exact rejection.
// Names that are merely awkward (quotes, backslashes, comment markers) are
// accepted and round-trip: see testdata/valid/hostile_names.txt.
func TestHostileNames(t *testing.T) {
	const at = "basic.yaml:21:11: regions[0] (oss-cn-hangzhou): name: "
	tests := []struct{ name, yaml, want string }{
		{"newline", `"China\nconst Evil = 1"`, at + `"China\nconst Evil = 1" contains U+000A, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"carriage return", `"China\r// x"`, at + `"China\r// x" contains U+000D, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"NUL", `"China\0"`, at + `"China\x00" contains U+0000, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"line separator", `"China\u2028func init() {}"`, at + `"China\u2028func init() {}" contains U+2028, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"paragraph separator", `"China\u2029"`, at + `"China\u2029" contains U+2029, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"bidi override (Trojan Source)", `"China \u202Eevil\u202C"`, at + `"China \u202eevil\u202c" contains U+202E, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"bidi isolate", `"\u2066China\u2069"`, at + `"\u2066China\u2069" contains U+2066, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"zero-width joiner", `"Chi\u200Dna"`, at + `"Chi\u200dna" contains U+200D, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"tab", `"China\t(Hangzhou)"`, at + `"China\t(Hangzhou)" contains U+0009, which is not a printable character (newlines, control, bidirectional and line-separator characters are not allowed)`},
		{"empty", `""`, at + `"" is empty; expected text`},
		{"padded", `" China "`, at + `" China " has leading or trailing space`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := table.Parse("basic.yaml", withName(t, tt.yaml))
			if err == nil {
				t.Fatal("accepted")
			}
			if err.Error() != tt.want {
				t.Errorf("\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

// TestBadFiles covers files that are not a table at all.
func TestBadFiles(t *testing.T) {
	valid := validFixture(t, "basic")
	notUTF8 := append(append([]byte{}, valid[:40]...), 0xff, 0xfe)
	notUTF8 = append(notUTF8, valid[40:]...)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not UTF-8", notUTF8, "t.yaml:1:41: the file is not valid UTF-8 (byte 0xff); save it as UTF-8"},
		// Every line with a bad byte is reported, each at its first one.
		{"bad bytes on two lines", []byte("version: \xff\xfe1.0.0\nsource: s\x01\n"),
			"t.yaml:1:10: the file is not valid UTF-8 (byte 0xff); save it as UTF-8\n" +
				"t.yaml:2:10: not valid YAML: the control character U+0001 is not allowed in YAML; remove it"},
		{"UTF-16 with BOM", []byte("\xff\xfev\x00e\x00r\x00"), "t.yaml:1:1: the file is not valid UTF-8 (byte 0xff); save it as UTF-8"},
		{"zero bytes", nil, "t.yaml: the file is empty (only comments or blank lines); expected a mapping with version, regions, ..."},
		{"a scalar", []byte("hello\n"), "t.yaml:1:1: top level: expected a mapping, found the string \"hello\""},
		{"deep nesting", []byte(strings.Repeat("[", 20000) + strings.Repeat("]", 20000)), "t.yaml: not valid YAML: exceeded max depth of 10000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := table.Parse("t.yaml", tt.data)
			if err == nil || err.Error() != tt.want {
				t.Errorf("\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestInputSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	big := make([]byte, table.MaxInputSize+1)
	for i := range big {
		big[i] = '#'
	}
	writeFile(t, path, big)
	_, err := table.Load(path)
	want := path + ": larger than 8388608 bytes (MaxInputSize in internal/table/load.go)"
	if err == nil || err.Error() != want {
		t.Errorf("\n got %v\nwant %s", err, want)
	}
}

// TestTooManyProblems caps the report and counts the rest.
func TestTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1.0.0\nsource: s\ndefault_region: oss-cn-a\ndefault_endpoints: {public: oss.aliyuncs.com, internal: oss-internal.aliyuncs.com}\n")
	b.WriteString("accelerate_endpoints: {global: oss-accelerate.aliyuncs.com, overseas: oss-accelerate-overseas.aliyuncs.com}\n")
	b.WriteString("sources: [{key: S, title: s, date: 2026-01-01}]\nregions:\n")
	for i := 0; i < 60; i++ {
		b.WriteString("  - {bogus: 1}\n")
	}
	b.WriteString("schemes: [{name: http, sources: [S]}, {name: https, sources: [S]}]\n")
	_, err := table.Parse("t.yaml", []byte(b.String()))
	if err == nil {
		t.Fatal("accepted")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != table.MaxReported+1 {
		t.Fatalf("%d lines; want %d problems and a count", len(lines), table.MaxReported)
	}
	if want := "t.yaml: ... and 431 more problems (481 in all)"; lines[table.MaxReported] != want {
		t.Errorf("last line %q, want %q", lines[table.MaxReported], want)
	}
	if want := `t.yaml:3:17: default_region: "oss-cn-a" is not the id of a region in the table`; lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
	if want := `t.yaml:8:5: regions[0]: missing field "id"`; lines[1] != want {
		t.Errorf("second line %q, want %q", lines[1], want)
	}
}

// handWrittenDecls returns the package-level names that the hand-written
// files of package regions declare.
func handWrittenDecls(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../regions/*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var names []string
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") || strings.HasSuffix(p, "_gen.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			names = append(names, declNames(decl)...)
		}
	}
	return names
}

// TestExportedNamesCoverPackage keeps ExportedNames in step with the
// exported names of package regions that do not come from a region.
func TestExportedNamesCoverPackage(t *testing.T) {
	tbl := mustTable(t, "../regions.yaml")
	src, err := render.Go(tbl)
	if err != nil {
		t.Fatal(err)
	}
	names, err := render.Names()
	if err != nil {
		t.Fatal(err)
	}
	declared := handWrittenDecls(t)
	for _, gen := range [][]byte{src, names} {
		f, err := parser.ParseFile(token.NewFileSet(), "gen.go", gen, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			declared = append(declared, declNames(decl)...)
		}
	}
	fromRegions := map[string]bool{}
	for _, r := range tbl.Regions {
		fromRegions[r.GoName] = true
	}
	for _, f := range tbl.Families {
		fromRegions[f.Const] = true // a family's constant comes from the table too
	}
	listed := map[string]bool{}
	for _, n := range table.ExportedNames {
		listed[n] = true
	}
	seen := map[string]bool{}
	var missing []string
	for _, name := range declared {
		seen[name] = true
		if token.IsExported(name) && !fromRegions[name] && !listed[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("package regions declares exported names that ExportedNames lacks: %v", missing)
	}
	for _, n := range table.ExportedNames {
		if !seen[n] {
			t.Errorf("ExportedNames has %s, which package regions does not declare", n)
		}
	}
}

// TestHandWrittenNamesAvoidGenPrefix: the generator's unexported names
// begin with table.GenPrefix, so hand-written code must not, whatever it is
// renamed to.
func TestHandWrittenNamesAvoidGenPrefix(t *testing.T) {
	for _, name := range handWrittenDecls(t) {
		if strings.HasPrefix(name, table.GenPrefix) {
			t.Errorf("package regions declares %s by hand; the prefix %q is the generator's", name, table.GenPrefix)
		}
	}
}

// declNames lists the package-level names a declaration introduces
// (methods excluded: they cannot collide with a constant).
func declNames(decl ast.Decl) []string {
	var names []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			}
		}
	}
	return names
}

// TestDiagnosticsArePrintable: no character from the input, file names
// included, reaches the terminal as a control: escape sequences, newlines
// that would forge a diagnostic line, bidirectional overrides.
func TestDiagnosticsArePrintable(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "t\x1b[2J\nregions.yaml:1:1: ok\u202e.yaml")
	data := []byte("version: !<%1B]0;pwned%07> 1.0.0\nsource: \"\\x1b[31mred\"\n")
	writeFile(t, name, data)
	_, err := table.Load(name)
	if err == nil {
		t.Fatal("accepted")
	}
	msg := err.Error()
	for _, bad := range []string{"\x1b", "\a", "\u202e", "\r"} {
		if strings.Contains(msg, bad) {
			t.Errorf("message holds %q:\n%s", bad, msg)
		}
	}
	for _, line := range strings.Split(msg, "\n") {
		if !strings.HasPrefix(line, dir) {
			t.Errorf("a line that does not begin with the file's path: %q", line)
		}
	}
}
