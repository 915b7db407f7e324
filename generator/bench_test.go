package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/table"
)

// syntheticTable returns the YAML of a valid table with n regions, each
// with two IPv4 VIP ranges of its own.
func syntheticTable(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1.0.0\nsource: synthetic\ndefault_region: oss-xx-r0\n")
	b.WriteString("default_endpoints: {public: oss.aliyuncs.com, internal: oss-internal.aliyuncs.com}\n")
	b.WriteString("accelerate_endpoints: {global: oss-accelerate.aliyuncs.com, overseas: oss-accelerate-overseas.aliyuncs.com}\n")
	b.WriteString("sources:\n  - {key: S, title: synthetic, date: 2026-01-01}\n")
	// The schemes of the benchmarks' URLs: a table without them reads none.
	b.WriteString("schemes:\n  - {name: http, sources: [S]}\n  - {name: https, sources: [S]}\n")
	// The families the benchmarks' inputs use, so that the large package
	// reads them as the real one does.
	b.WriteString("families:\n")
	for _, f := range []struct{ name, cnst, form string }{
		{"access-points", "AccessPoints", "[{bucket}.]oss-{region}[-internal].oss-accesspoint.aliyuncs.com"},
		{"hdfs", "HDFS", "[{bucket}.]{region}.oss-dls.aliyuncs.com"},
		{"vectors", "Vectors", "[{bucket}.]{region}[-internal].oss-vectors.aliyuncs.com"},
	} {
		fmt.Fprintf(&b, "  - {name: %s, const: %s, title: synthetic, forms: [%q], sources: [S]}\n", f.name, f.cnst, f.form)
	}
	b.WriteString("regions:\n")
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("oss-xx-r%d", i)
		fmt.Fprintf(&b, "  - id: %s\n    name: Synthetic %d\n    sources: [S]\n    confidence: high\n    mainland_china: %v\n", id, i, i%2 == 0)
		fmt.Fprintf(&b, "    endpoints:\n      public: %s.aliyuncs.com\n      internal: %s-internal.aliyuncs.com\n      vpc: %s-internal.aliyuncs.com\n", id, id, id)
		fmt.Fprintf(&b, "    accelerate: true\n    vip_ranges:\n      - 10.%d.%d.0/25\n      - 10.%d.%d.128/25\n", i>>8, i&0xff, i>>8, i&0xff)
	}
	return []byte(b.String())
}

// generateAll is one in-process run: parse, validate and render both
// outputs, as the command does before writing.
func generateAll(b *testing.B, data []byte) {
	tbl, err := table.Parse("regions.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := renderOutputs(tbl, "data_gen.go", "REGIONS.md"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGenerateRealTable generates from the repository's regions.yaml.
func BenchmarkGenerateRealTable(b *testing.B) {
	data, err := os.ReadFile("../regions.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		generateAll(b, data)
	}
}

// BenchmarkGenerate generates synthetic tables of growing size; time per
// run should grow linearly with the number of regions.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		data := syntheticTable(n)
		b.Run(fmt.Sprintf("regions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				generateAll(b, data)
			}
		})
	}
}

// BenchmarkAliasBomb measures the refusal of a "billion laughs" file: the
// aliases are reported, never expanded.
func BenchmarkAliasBomb(b *testing.B) {
	data := errorFixture(b, "alias_bomb")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := table.Parse("alias_bomb.yaml", data); err == nil {
			b.Fatal("accepted")
		}
	}
}
