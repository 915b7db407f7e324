package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/ossregions/ossregions/internal/render"

	"github.com/ossregions/ossregions/internal/table"
)

// The generated files are read in review, so a small change to the table
// must be a small diff. These tests generate before and after and read the
// diff line by line.

// lineChanges returns the deleted and inserted lines from before to after,
// and the inserted text of each hunk.
func lineChanges(t *testing.T, before, after []byte) (deleted, inserted, hunks []string) {
	t.Helper()
	d, err := udiff.ToUnifiedDiff("before", "after", string(before), udiff.Lines(string(before), string(after)), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range d.Hunks {
		var text strings.Builder
		for _, l := range h.Lines {
			line := strings.TrimSuffix(l.Content, "\n")
			switch l.Kind {
			case udiff.Delete:
				deleted = append(deleted, line)
			case udiff.Insert:
				inserted = append(inserted, line)
				if !provenance(line) {
					text.WriteString(line + "\n")
				}
			}
		}
		hunks = append(hunks, text.String())
	}
	return deleted, inserted, hunks
}

// provenance reports whether a line carries the data version or checksum,
// which every change to the table changes.
func provenance(line string) bool {
	return strings.HasPrefix(line, "const Version = ") || strings.HasPrefix(line, "const DataSHA256 = ") ||
		strings.HasPrefix(line, "Region data version ") || strings.HasPrefix(line, `  "version": `)
}

func withoutProvenance(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !provenance(l) {
			out = append(out, l)
		}
	}
	return out
}

func generateBytes(t *testing.T, name string, data []byte) []output {
	t.Helper()
	tbl, err := table.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	outs, err := renderOutputs(tbl, "data_gen.go", "REGIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	// The names and grammar files do not depend on the table.
	outs = slices.DeleteFunc(outs, func(o output) bool { return o.Path == namesFile || o.Path == grammarFile })
	return append(outs, output{Path: "regions.json", Data: render.JSON(tbl)})
}

// TestAddingARegionOnlyInserts adds a region in the middle of the real
// table: every generated file may only gain lines about that region, and
// lose none but the provenance lines.
func TestAddingARegionOnlyInserts(t *testing.T) {
	before, err := os.ReadFile("../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// A region inserted before the table's second one, with ranges from a
	// block no table uses (198.18.0.0/15 is for benchmarking, RFC 2544).
	const newRegion = `  - id: oss-xx-newtown-1
    name: Newtown (Testland)
    sources: [D-cn]
    confidence: medium
    mainland_china: true
    endpoints:
      public: oss-xx-newtown-1.aliyuncs.com
      internal: oss-xx-newtown-1-internal.aliyuncs.com
      vpc: oss-xx-newtown-1-internal.aliyuncs.com
    accelerate: false
    vip_ranges:
      - 198.18.240.0/24
      - 198.18.200.0/24
`
	second := mustTable(t, "../regions.yaml").Regions[1].ID
	after := strings.Replace(string(before), "  - id: "+second+"\n", newRegion+"  - id: "+second+"\n", 1)
	after = versionLine.ReplaceAllString(after, "version: 99.0.0")
	if after == string(before) {
		t.Fatal("regions.yaml changed shape; update the test's anchors")
	}
	outsBefore := generateBytes(t, "regions.yaml", before)
	outsAfter := generateBytes(t, "regions.yaml", []byte(after))
	// "xx" is the region's area, new to the table (genIsArea, and the slip of the area written twice).
	mentions := []string{"XXNewtown1", "oss-xx-newtown-1", "xx-newtown-1", "198.18.240.0/24", "198.18.200.0/24", "Newtown (Testland)", `"xx"`, `"xx-xx-"`}
	for i := range outsBefore {
		deleted, inserted, hunks := lineChanges(t, outsBefore[i].Data, outsAfter[i].Data)
		if d := withoutProvenance(deleted); len(d) > 0 {
			t.Errorf("%s: adding a region removed or changed lines:\n%s", outsBefore[i].Path, strings.Join(d, "\n"))
		}
		ins := withoutProvenance(inserted)
		if len(ins) == 0 {
			t.Errorf("%s: adding a region inserted nothing", outsBefore[i].Path)
		}
		// Every hunk of inserted lines must name the region.
		for _, h := range hunks {
			if strings.TrimSpace(h) != "" && !containsAny(h, mentions) {
				t.Errorf("%s: inserted lines that are not about the new region:\n%s", outsBefore[i].Path, h)
			}
		}
		t.Logf("%s: %d lines inserted, %d provenance lines changed", outsBefore[i].Path, len(ins), len(deleted))
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestChangingAnEndpointChangesOneLine changes one endpoint of the
// irregular fixture's finance region: one line of Go and one row of
// Markdown change, besides provenance.
func TestChangingAnEndpointChangesOneLine(t *testing.T) {
	before := validFixture(t, "irregular")
	after := strings.Replace(string(before), "vpc: oss-cn-hzfinance-vpc.aliyuncs.com", "vpc: oss-cn-hzfinance-vpc2.aliyuncs.com", 1)
	if after == string(before) {
		t.Fatal("fixture changed shape; update the test's anchor")
	}
	outsBefore := generateBytes(t, "irregular.yaml", before)
	outsAfter := generateBytes(t, "irregular.yaml", []byte(after))
	for i := range outsBefore {
		deleted, inserted, _ := lineChanges(t, outsBefore[i].Data, outsAfter[i].Data)
		d, ins := withoutProvenance(deleted), withoutProvenance(inserted)
		// regions.json names the host twice, in endpoints and in hosts,
		// and data_gen.go too, in the row and in the host lookup.
		want := 1
		if outsBefore[i].Path == "regions.json" || outsBefore[i].Path == "data_gen.go" {
			want = 2
		}
		if len(d) != want || len(ins) != want || !strings.Contains(strings.Join(ins, "\n"), "oss-cn-hzfinance-vpc2.aliyuncs.com") {
			t.Errorf("%s: want %d lines changed; deleted:\n%s\ninserted:\n%s", outsBefore[i].Path, want, strings.Join(d, "\n"), strings.Join(ins, "\n"))
		}
	}
}
