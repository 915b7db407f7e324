package main

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/dave/jennifer/jen"
)

// wholeFile renders the parts unformatted, joins them and formats the
// result in one piece: what one jennifer file of everything would give.
func wholeFile(t *testing.T, parts []func() *jen.File) []byte {
	t.Helper()
	var src bytes.Buffer
	for i, build := range parts {
		f := build()
		f.NoFormat = true
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			t.Fatal(err)
		}
		body := buf.Bytes()
		if i > 0 {
			body = bytes.TrimPrefix(body, []byte(partPrefix))
		}
		src.Write(body)
		src.WriteByte('\n')
	}
	out, err := format.Source(src.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPartsJoinAsWhole renders tables in parts of several sizes on one to
// three workers: the bytes must depend on neither and must equal
// formatting the whole file at once.
func TestPartsJoinAsWhole(t *testing.T) {
	inputs := map[string][]byte{"synthetic.yaml": syntheticTable(300)}
	files, err := filepath.Glob("testdata/valid/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, "../regions.yaml") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = data
	}
	for name, data := range inputs {
		tbl, err := parseTable(name, data)
		if err != nil {
			t.Fatal(err)
		}
		want := wholeFile(t, goParts(tbl, name, len(tbl.Regions)+1))
		for _, per := range []int{1, 2, 7, 256, len(tbl.Regions) + 1} {
			for workers := 1; workers <= 3; workers++ {
				got, err := renderParts(goParts(tbl, name, per), workers)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s in parts of %d regions on %d workers differs from the whole file formatted at once:\n%s", name, per, workers, udiff.Unified("whole", "parts", string(want), string(got)))
				}
			}
		}
	}
}
