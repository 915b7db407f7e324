package regions

// These tests build small programs against this package with the go
// command, to check the promises that only a build can show: no
// requirements, standard-library imports only, no work at init, small
// binaries. They are skipped with -short.

import (
	"bufio"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// modulePath is this module's path, as go.mod says: it gains /vN at a
// major release (make major).
var modulePath = func() string {
	data, err := os.ReadFile("go.mod")
	if m := regexp.MustCompile(`(?m)^module (\S+)$`).FindSubmatch(data); err == nil && m != nil {
		return string(m[1])
	}
	return "go.mod has no module line"
}()

// requirement is the version a consumer requires of modulePath, which a
// replace supplies: v0.0.0, or for a /vN path a pseudo-version of vN.
func requirement() string {
	if m := regexp.MustCompile(`/v(\d+)$`).FindStringSubmatch(modulePath); m != nil {
		return "v" + m[1] + ".0.0-00010101000000-000000000000"
	}
	return "v0.0.0"
}

// sourcePath is the import path the programs below are written with.
const sourcePath = "github.com/ossregions/ossregions/regions"

// consumer writes a throwaway module that requires this package through a
// replace directive, with main.go as given, and returns its directory.
func consumer(t *testing.T, mainGo string) string {
	t.Helper()
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module example.com/consumer\n\ngo 1.23\n\nrequire " + modulePath + " " + requirement() + "\n\nreplace " + modulePath + " => " + here + "\n"
	write(t, filepath.Join(dir, "go.mod"), goMod)
	write(t, filepath.Join(dir, "main.go"), strings.ReplaceAll(mainGo, `"`+sourcePath+`"`, `"`+modulePath+`"`))
	return dir
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// goCmd runs the go command in dir and returns its standard output.
func goCmd(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

const useEverything = `package main

import (
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/ossregions/ossregions/regions"
)

func main() {
	r, err := regions.Parse(strings.TrimSpace(os.Getenv("REGION") + "cn-hangzhou"))
	e, _ := regions.ParseEndpoint("bucket." + r.PublicEndpoint())
	u, _ := r.URL(regions.VPC, "bucket")
	ip, _ := regions.LookupIP(netip.MustParseAddr("100.118.28.1"))
	h, _ := r.Endpoint(regions.Accelerate)
	v, _ := r.VIPRanges()
	var k regions.Kind
	_ = k.UnmarshalText([]byte("public"))
	fmt.Println(r, err, r.Name(), r.CloudRegion(), r.MainlandChina(), r.Known(), r.Status(), e, u, ip, h, v, k,
		r.InternalEndpoint(), r.VPCEndpoint(), len(regions.All()), regions.Version, strconv.Itoa(1))
}
`

const useStdOnly = `package main

import (
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
)

func main() {
	p, err := netip.ParsePrefix(strings.TrimSpace(os.Getenv("PREFIX") + "100.118.28.0/24"))
	fmt.Println(p, err, p.Contains(netip.MustParseAddr("100.118.28.1")), strconv.Itoa(1), strings.ToLower("X"))
}
`

// TestConsumerSeesNoRequirements checks the zero-dependency promise from a
// consumer's side: one requirement, standard-library packages only.
func TestConsumerSeesNoRequirements(t *testing.T) {
	dir := consumer(t, useEverything)
	mods := strings.Split(strings.TrimSpace(goCmd(t, dir, nil, "list", "-m", "all")), "\n")
	if len(mods) != 2 || mods[0] != "example.com/consumer" || !strings.HasPrefix(mods[1], modulePath+" ") {
		t.Errorf("go list -m all in a consumer module:\n%s\nwant exactly the consumer and %s", strings.Join(mods, "\n"), modulePath)
	}
	deps := goCmd(t, dir, nil, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", modulePath)
	if got := strings.TrimSpace(deps); got != modulePath {
		t.Errorf("non-standard packages among the dependencies of %s:\n%s", modulePath, got)
	}
	goCmd(t, dir, nil, "vet", ".")
}

// TestGoDirective keeps the module importable by older toolchains.
func TestGoDirective(t *testing.T) {
	data, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go 1\.(\d+)(\.\d+)?$`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("go.mod has no go directive:\n%s", data)
	}
	if minor := string(m[1]); len(minor) > 2 || minor > "23" {
		t.Errorf("go.mod says go 1.%s; it must be no newer than 1.23", minor)
	}
	if strings.Contains(string(data), "require") {
		t.Errorf("go.mod has requirements:\n%s", data)
	}
}

// TestInitDoesNoWork runs a program that imports the package with
// GODEBUG=inittrace=1: the package must not appear with any allocation.
func TestInitDoesNoWork(t *testing.T) {
	dir := consumer(t, useEverything)
	goCmd(t, dir, nil, "build", "-o", "prog", ".")
	cmd := exec.Command(filepath.Join(dir, "prog"))
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	traced := 0
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	line := regexp.MustCompile(`^init (\S+) @.* (\d+) bytes, (\d+) allocs$`)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		traced++
		if m[1] == modulePath && (m[2] != "0" || m[3] != "0") {
			t.Errorf("init of %s: %s", modulePath, sc.Text())
		}
	}
	if traced == 0 {
		t.Fatalf("GODEBUG=inittrace=1 printed no init lines; cannot check:\n%s", out)
	}
}

// TestBinarySize bounds the bytes that importing the package adds to a
// program using the same standard packages: a code budget, an allowance
// per region beyond 23, and headroom for the steps of docs/maintaining.md.
// It counts the binary's sections, not the file, whose size steps by pages,
// of the package built at its v1 path, whatever major version it is at.
func TestBinarySize(t *testing.T) {
	if testing.Short() {
		t.Skip("a release figure: make release-check measures it")
	}
	// A region's row and a slip of regions.yaml are data: each adds about
	// what it holds (six slips added 592 bytes).
	const rowAllowance, slipAllowance, headroom = 1200, 100, 2 << 10
	limit := int64(125_498 + headroom + rowAllowance*max(0, len(All())-23) + slipAllowance*max(0, len(genSlips)-16))
	// The package as published at its v1 path: the /vN that make major
	// adds to every symbol's name is not code the package adds.
	v1 := t.TempDir()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if data, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		} else if !strings.HasSuffix(f, "_test.go") {
			write(t, filepath.Join(v1, f), string(data))
		}
	}
	write(t, filepath.Join(v1, "go.mod"), "module "+sourcePath+"\n\ngo 1.23\n")
	with := t.TempDir()
	write(t, filepath.Join(with, "go.mod"), "module example.com/consumer\n\ngo 1.23\n\nrequire "+sourcePath+" v0.0.0\n\nreplace "+sourcePath+" => "+v1+"\n")
	write(t, filepath.Join(with, "main.go"), useEverything)
	without := consumer(t, useStdOnly)
	// The bytes of the file's sections, not the file's size: the linker
	// pads segments to 4 KiB pages, so the file grows in steps of pages
	// that one row can cross, or not.
	// -trimpath and leaving out the build information (which names the
	// replace directive's directory) keep the checkout's path out of it.
	size := func(dir string) int64 {
		goCmd(t, dir, nil, "build", "-trimpath", "-o", "prog", ".")
		f, err := elf.Open(filepath.Join(dir, "prog"))
		if err != nil {
			t.Skipf("cannot read the binary as ELF (%v); the size is measured on ELF platforms", err)
		}
		defer f.Close()
		var n int64
		for _, s := range f.Sections {
			if s.Type != elf.SHT_NOBITS && s.Name != ".go.buildinfo" {
				n += int64(s.FileSize)
			}
		}
		return n
	}
	a, b := size(with), size(without)
	t.Logf("with regions: %d bytes; without: %d bytes; difference %d bytes", a, b, a-b)
	if a-b > limit {
		t.Errorf("importing regions adds %d bytes, more than %d", a-b, limit)
	}
}
