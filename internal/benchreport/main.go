// Command benchreport reads `go test -bench` output on standard input and
// prints each performance target, its median ratio to a baseline and whether it is met.
package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// target is one row of the report: bench divided by base must be at most
// limit (or, with atLeast, base divided by bench at least limit).
type target struct {
	bench, base string
	limit       float64
	atLeast     bool
	note        string
}

var targets = []target{
	{"Parse", "BaselineMapParseKeys", 1, false, "both ID forms, upper-case variants"},
	{"Name", "BaselineMapRegion", 1.0, false, ""},
	{"MainlandChina", "BaselineMapRegion", 1.0, false, ""},
	{"Endpoint", "BaselineMapRegion", 1.0, false, ""},
	{"Known", "BaselineMapRegion", 1.0, false, ""},
	{"LookupIP", "BaselineMapAddr", 1.5, false, ""},
	{"ParseEndpoint", "BaselineMapEndpoint", 6, false, "bucket URLs, bare hosts, upper-case hosts, path style, dual-stack, legacy buckets, other families, S3 hosts, absolute names"},
	// How programs find the region without the package: ParseEndpoint must not be slower.
	{"ParseEndpoint", "BaselineURLParseMap", 1, false, "url.Parse and a map of the hosts, the same inputs"},
	{"ParseEndpointPresigned", "BaselineMapEndpoint", 6, false, "presigned URLs of 2.4 KB with an STS token"},
	{"LookupIPLarge/binary", "LookupIPLarge/linear", 0.1, false, "10,000 prefixes: binary search vs linear scan"},
	{"ParsePublicEndpoint", "AWSEndpointFor", 50, true, "speed-up over the AWS SDK v1 resolver"},
	{"Generate/regions=1000", "Generate/regions=100", 12, false, "10x the regions"},
	{"Generate/regions=10000", "Generate/regions=1000", 12, false, "10x the regions"},
	// make bench-large: the package generated for 10,000 regions against the real one.
	{"Large:Parse", "Parse", 2, false, large},
	{"Large:Name", "Name", 2, false, large},
	{"Large:MainlandChina", "MainlandChina", 2, false, large},
	{"Large:Endpoint", "Endpoint", 2, false, large},
	{"Large:Known", "Known", 2, false, large},
	{"Large:LookupIP", "LookupIP", 2, false, large},
	{"Large:ParseEndpoint", "ParseEndpoint", 2, false, large},
	{"Large:NameSweep", "NameSweep", 2, false, "10,000 regions, each in turn, vs the real table"},
	{"Large:BaselineMapRegionSweep", "BaselineMapRegionSweep", 2, false, "a Go map, the same sweep, for comparison"},
}

const large = "10,000 regions vs the real table, same working set"

type stats struct{ ns, bytes, allocs []float64 }

var line = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+([\d.]+) B/op\s+([\d.]+) allocs/op)?`)

func main() {
	log.SetFlags(0)
	log.SetPrefix("benchreport: ")
	runs, err := read(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	if len(runs) == 0 {
		log.Fatal("no benchmark results on standard input")
	}
	writeTargets(os.Stdout, runs)
	fmt.Println()
	for _, a := range absolutes {
		if s := runs[a.bench]; s != nil {
			fmt.Println(absoluteLine(a, s))
		}
	}
}

// writeTargets writes the ratio targets whose benchmark and baseline are both in runs.
func writeTargets(w io.Writer, runs map[string]*stats) {
	fmt.Fprintln(w, "| benchmark | median ns/op | B/op | allocs/op | baseline | ratio | target | met |")
	fmt.Fprintln(w, "|:--|--:|--:|--:|:--|--:|:--|:--|")
	for _, t := range targets {
		b, base := runs[t.bench], runs[t.base]
		if b == nil || base == nil {
			continue
		}
		ratio := median(b.ns) / median(base.ns)
		cmp, met := "≤", ratio <= t.limit
		if t.atLeast {
			ratio = 1 / ratio
			cmp, met = "≥", ratio >= t.limit
		}
		verdict := "yes"
		if !met {
			verdict = "**no**"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s (%s ns) | %.2f | %s %g× %s | %s |\n",
			t.bench, num(median(b.ns)), num(median(b.bytes)), num(median(b.allocs)), t.base, num(median(base.ns)),
			ratio, cmp, t.limit, t.note, verdict)
	}
}

// absolute is a target on a benchmark's own time: under limit units of scale ns.
type absolute struct {
	bench, what string
	limit       float64
	unit        string
	scale       float64
}

var absolutes = []absolute{
	{"GenerateRealTable", "Generating the real table in process", 5, "ms", 1e6},
	{"Generate/regions=10000", "Generating 10,000 regions (one render, one processor's work)", 2, "s", 1e9},
	{"ParseUnknown", "Parse of an unknown ID (typos of every region and garbage), with its suggestion", 1, "µs", 1e3},
}

// absoluteLine reports one absolute target as a sentence.
func absoluteLine(a absolute, s *stats) string {
	t := median(s.ns) / a.scale
	met := "met"
	if t >= a.limit {
		met = "**not met**"
	}
	return fmt.Sprintf("%s: %s %s per run (median), %s B/op, %s allocs/op; target under %g %s: %s.",
		a.what, num(t), a.unit, num(median(s.bytes)), num(median(s.allocs)), a.limit, a.unit, met)
}

// read collects every benchmark line of the input, by name.
func read(r io.Reader) (map[string]*stats, error) {
	runs := map[string]*stats{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if runs[m[1]] == nil {
			runs[m[1]] = &stats{}
		}
		s := runs[m[1]]
		ns, _ := strconv.ParseFloat(m[2], 64)
		s.ns = append(s.ns, ns)
		if m[3] != "" {
			b, _ := strconv.ParseFloat(m[3], 64)
			a, _ := strconv.ParseFloat(m[4], 64)
			s.bytes, s.allocs = append(s.bytes, b), append(s.allocs, a)
		}
	}
	return runs, sc.Err()
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func num(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 1:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 3, 64), "0"), ".")
}
