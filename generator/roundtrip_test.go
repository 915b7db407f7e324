package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// The tests in this file compile generated packages and read every value
// back through the public API (testdata/dumper), comparing with the table
// the package was generated from.

type dumpRegion struct {
	ID, Name, Cloud, Status string
	Partition               string // Region.Cloud(): public, finance or government
	StatusDate              string
	Active                  bool
	Hosts                   []string
	Mainland, Known         bool
	Public, Internal, VPC   string
	DualStack               string
	Accelerate, Overseas    string
	VIPByTicket             bool
	VIP                     []string
	ParsedID, ParsedCloud   string
	ParsedHosts             map[string]string
	PatternHost             string
	LookupFirst, LookupLast []string
	Aliases                 map[string]string
	AccelerateStated        bool
}

type dump struct {
	Version, Source, DataSHA256          string
	DefaultRegion, DefaultEndpoint       string
	DefaultInternalEndpoint              string
	GlobalAccelerate, OverseasAccelerate string
	Regionless                           string
	ParsedTop                            map[string]string
	UnknownRefused                       bool
	Regions                              []dumpRegion
}

// expectedDump is what the dumper must print for a package generated from t.
func expectedDump(t *table.Table) dump {
	d := dump{
		Version: t.Version, Source: t.Source, DataSHA256: t.SHA256,
		DefaultRegion: t.Default.ID, DefaultEndpoint: t.DefaultPublic, DefaultInternalEndpoint: t.DefaultInternal,
		GlobalAccelerate: t.GlobalAccelerate, OverseasAccelerate: t.OverseasAccelerate, Regionless: t.Regionless,
		// Every host of the table parses back to exactly its region and kind.
		ParsedTop: map[string]string{
			t.DefaultPublic: t.Default.ID + " public", t.DefaultInternal: t.Default.ID + " internal",
			t.GlobalAccelerate: "accelerate", t.OverseasAccelerate: "accelerate-overseas",
		},
		UnknownRefused: true,
	}
	if t.Regionless != "" {
		d.ParsedTop[t.Regionless] = "regionless"
	}
	withBucket(d.ParsedTop)
	for _, r := range t.Regions {
		e := dumpRegion{
			ID: r.ID, Name: r.Name, Cloud: r.CloudID, Status: r.Status.String(), Partition: r.Cloud.String(), Mainland: r.MainlandChina, Known: true,
			StatusDate: r.StatusDate, Active: r.Status == table.StatusActive,
			Public: r.Public, Internal: r.Internal, VPC: r.VPC, DualStack: r.DualStack, VIPByTicket: r.VIPByTicket,
			ParsedID: r.ID, ParsedCloud: r.ID,
			ParsedHosts: map[string]string{r.Public: r.ID + " public", r.Internal: r.ID + " internal"},
		}
		e.Hosts = append([]string{r.Public, r.Internal}, r.InternalExtra...)
		for _, h := range r.InternalExtra {
			e.ParsedHosts[h] = r.ID + " internal"
		}
		if r.VPC != r.Internal {
			e.ParsedHosts[r.VPC] = r.ID + " vpc"
			e.Hosts = append(e.Hosts, r.VPC)
		}
		if r.DualStack != "" {
			e.Hosts = append(e.Hosts, r.DualStack)
		}
		if r.DualStack != "" {
			e.ParsedHosts[r.DualStack] = r.ID + " dual-stack"
		}
		withBucket(e.ParsedHosts)
		// The host the usual pattern gives is the public endpoint, or, for an
		// irregular region, a host that ParseEndpoint must refuse.
		e.PatternHost = r.ID + " public"
		if pattern := r.ID + ".aliyuncs.com"; r.Irregular && pattern != r.Public {
			e.PatternHost = "ParseEndpoint(\"" + pattern + "\"): a host the table lacks" +
				" (did you mean \"" + r.ID + "\"?)"
		}
		if r.Accelerate {
			e.Accelerate, e.Overseas = t.GlobalAccelerate, t.OverseasAccelerate
		}
		e.AccelerateStated = !r.AccelerateNotStated
		for _, a := range r.Aliases {
			if e.Aliases == nil {
				e.Aliases = map[string]string{}
			}
			e.Aliases[a.ID] = r.ID
		}
		for _, p := range r.VIP {
			e.VIP = append(e.VIP, p.String())
			e.LookupFirst = append(e.LookupFirst, r.ID)
			e.LookupLast = append(e.LookupLast, r.ID)
		}
		d.Regions = append(d.Regions, e)
	}
	return d
}

// withBucket adds to each expected host the same host behind a bucket label.
func withBucket(parsed map[string]string) {
	hosts := make([]string, 0, len(parsed))
	for h := range parsed {
		hosts = append(hosts, h)
	}
	for _, h := range hosts {
		parsed["examplebucket."+h] = parsed[h] + " examplebucket"
	}
}

// runDumper builds testdata/dumper against the regions package in
// regionsDir and returns what it printed.
func runDumper(t *testing.T, regionsDir string) dump {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "dumper", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(regionsDir)
	if err != nil {
		t.Fatal(err)
	}
	path, version := regionsModule(t, abs)
	goMod := "module example.com/dumper\n\ngo 1.23\n\nrequire " + path + " " + version + "\n\nreplace " + path + " => " + abs + "\n"
	writeFile(t, filepath.Join(dir, "go.mod"), []byte(goMod))
	writeFile(t, filepath.Join(dir, "main.go"), src)
	cmd := exec.Command("go", "run", "-trimpath", ".") // the build cache then holds it across temporary directories
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("running the dumper against %s: %v\n%s", regionsDir, err, stderr)
	}
	// A field the dumper prints and dump lacks fails, so that what the
	// dumper learns of a new field is compared with the table too.
	var d dump
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("dumper output: %v (a new field needs its place in dump and in expectedDump)\n%s", err, out)
	}
	return d
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// packageFor writes a copy of the regions package, with its data file
// generated from tbl, and returns its directory.
func packageFor(t *testing.T, tbl *table.Table) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob("../regions/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		base := filepath.Base(f)
		if base == "data_gen.go" || strings.HasSuffix(base, "_test.go") || !strings.HasSuffix(base, ".go") && base != "go.mod" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, base), data)
	}
	src, err := render.Go(tbl)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "data_gen.go"), src)
	return dir
}

func compareDump(t *testing.T, got, want dump) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Errorf("the API does not give back the table:\n got %s\nwant %s", g, w)
}

// TestCrossCheckRealTable reads every value of regions.yaml back through
// the committed regions package.
func TestCrossCheckRealTable(t *testing.T) {
	t.Parallel()
	compareDump(t, runDumper(t, "../regions"), expectedDump(mustTable(t, "../regions.yaml")))
}

// TestFixturesCompileAndRoundTrip generates a package from every valid
// fixture, hostile names included, compiles it and reads it back.
func TestFixturesCompileAndRoundTrip(t *testing.T) {
	for _, path := range archives(t, "valid") {
		t.Run(fixtureName(path), func(t *testing.T) {
			t.Parallel()
			tbl := parseValid(t, path)
			compareDump(t, runDumper(t, packageFor(t, tbl)), expectedDump(tbl))
		})
	}
}

// regionsModule returns the module path of the regions package in dir, as
// its go.mod says (it gains /vN at a major release), and the version a
// program requires of it through a replace: v0.0.0, or for /vN a
// pseudo-version of vN. Packages generated for fixtures have a go.mod of
// their own, with the same path.
func regionsModule(t *testing.T, dir string) (path, version string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		data, err = os.ReadFile("../regions/go.mod")
	}
	if err != nil {
		t.Fatal(err)
	}
	path = modfile.ModulePath(data)
	if _, major, ok := module.SplitPathVersion(path); ok && major != "" {
		return path, strings.TrimPrefix(major, "/") + ".0.0-00010101000000-000000000000"
	}
	return path, "v0.0.0"
}
