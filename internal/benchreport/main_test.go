package main

import (
	"strings"
	"testing"
)

func TestReadAndMedian(t *testing.T) {
	in := `goos: linux
BenchmarkParse-2   	 1000	 30.0 ns/op	 0 B/op	 0 allocs/op
BenchmarkParse-2   	 1000	 10.0 ns/op	 0 B/op	 0 allocs/op
BenchmarkParse-2   	 1000	 20.0 ns/op	 8 B/op	 1 allocs/op
BenchmarkGenerate/regions=100-2 	 3	 39749355 ns/op
BenchmarkLarge:Parse-2   	 1000	 25.0 ns/op	 0 B/op	 0 allocs/op
PASS
`
	runs, err := read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if p := runs["Parse"]; p == nil || median(p.ns) != 20 || median(p.bytes) != 0 || median(p.allocs) != 0 {
		t.Errorf("Parse: %+v", p)
	}
	if g := runs["Generate/regions=100"]; g == nil || median(g.ns) != 39749355 || len(g.bytes) != 0 {
		t.Errorf("Generate: %+v", g)
	}
	if l := runs["Large:Parse"]; l == nil || median(l.ns) != 25 {
		t.Errorf("Large:Parse: %+v", l)
	}
	if m := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median of four = %v", m)
	}
}

func TestAbsoluteLine(t *testing.T) {
	a := absolute{"Generate/regions=10000", "Generating 10,000 regions", 1, "s", 1e9}
	fast := &stats{ns: []float64{0.7e9, 0.8e9, 1.2e9}, bytes: []float64{433e6, 433e6, 433e6}, allocs: []float64{5, 5, 5}}
	if got, want := absoluteLine(a, fast), "Generating 10,000 regions: 0.8 s per run (median), 433000000 B/op, 5.0 allocs/op; target under 1 s: met."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	slow := &stats{ns: []float64{1.0e9}}
	if got := absoluteLine(a, slow); !strings.HasSuffix(got, "target under 1 s: **not met**.") {
		t.Errorf("a median of exactly the limit: %s", got)
	}
}

// TestParseEndpointNextToURLParse: make bench reports ParseEndpoint against
// both of its baselines, a map of the inputs and url.Parse with a map.
func TestParseEndpointNextToURLParse(t *testing.T) {
	in := `BenchmarkBaselineMapEndpoint-2 	 1000	 20.0 ns/op	 0 B/op	 0 allocs/op
BenchmarkParseEndpoint-2 	 1000	 150 ns/op	 0 B/op	 0 allocs/op
BenchmarkBaselineURLParseMap-2 	 1000	 900 ns/op	 181 B/op	 1 allocs/op
`
	runs, err := read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	writeTargets(&out, runs)
	for _, want := range []string{
		"| ParseEndpoint | 150 | 0 | 0 | BaselineMapEndpoint (20.0 ns) | 7.50 | ≤ 6× ",
		"| ParseEndpoint | 150 | 0 | 0 | BaselineURLParseMap (900 ns) | 0.17 | ≤ 1× ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no line with %q in\n%s", want, out.String())
		}
	}
}
