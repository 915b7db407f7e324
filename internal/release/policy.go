package release

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"

	"github.com/ossregions/ossregions/internal/render"
	"github.com/ossregions/ossregions/internal/table"
)

// ErrPolicy marks every refusal of the release gates.
var ErrPolicy = errors.New("release gate")

// Bump is a semantic-version increment, ordered by size.
type Bump int

// The bumps.
const (
	BumpNone Bump = iota
	BumpPatch
	BumpMinor
	BumpMajor
)

func (b Bump) String() string { return [...]string{"none", "patch", "minor", "major"}[b] }

// Rule is the bump one kind of change needs.
type Rule struct {
	Bump   Bump
	Reason string // why the bump is needed, as the report and the gates say it
	Doc    string // what the kind is and why it needs the bump, as docs/maintaining.md says it
}

// Rules gives each kind of change its bump: the next version is the
// largest bump the changes need. docs/maintaining.md lists it (TestRuleDocumented).
var Rules = [render.NumKinds]Rule{
	render.RegionRemoved:     {BumpMajor, "a region was removed", "a region removed: its constant goes away, which breaks importers"},
	render.RegionIDChanged:   {BumpMajor, "a region ID changed", "a region's ID changed: its constant goes away too"},
	render.AliasRemoved:      {BumpMajor, "an alias was removed", "an alias removed or moved to another region: `Parse` refuses a value it accepted"},
	render.RegionlessRemoved: {BumpMajor, "an endpoint was removed", "the regionless endpoint removed: `ParseEndpoint` refuses a host it read"},
	render.FamilyRemoved:     {BumpMajor, "a host family or form was removed", "a host family, or a form or base domain of one, removed: `ParseEndpoint` reads otherwise a host it read"},
	render.SchemeRemoved:     {BumpMajor, "a URL scheme was removed", "a URL scheme removed: `ParseEndpoint` refuses a URL it read"},
	render.RegionAdded:       {BumpMinor, "a region was added", "a region added"},
	render.AliasAdded:        {BumpMinor, "an alias was added", "an alias added: `Parse` accepts a value it refused"},
	render.StatusChanged:     {BumpMinor, "a region's lifecycle status changed", "a region's status changed"},
	render.CloudChanged:      {BumpMinor, "a region's cloud changed", "a region's cloud changed: programs choose regions by cloud as by status"},
	render.DefaultChanged:    {BumpMinor, "a default or accelerate endpoint changed", "the default region or a default or accelerate endpoint changed"},
	render.RegionlessAdded:   {BumpMinor, "an endpoint was added", "the regionless endpoint added"},
	render.RegionlessChanged: {BumpMinor, "the regionless endpoint changed", "the regionless endpoint changed"},
	render.FamilyAdded:       {BumpMinor, "a host family or form was added", "a host family, or a form or base domain of one, added: `ParseEndpoint` reads a host it refused"},
	render.SchemeAdded:       {BumpMinor, "a URL scheme was added", "a URL scheme added: `ParseEndpoint` reads a URL it refused"},
	render.SlipChanged: {BumpMinor, "the slips changed", "a slip added, removed or changed, or the slips reordered: " +
		"what `ParseEndpoint` and `Parse` suggest, and why, for a value they refuse"},
	render.FamilyData: {BumpPatch, "a host family's data changed", "a host family's title, signing product or sources"},
	render.SchemeData: {BumpPatch, "a URL scheme's sources changed", "a URL scheme's sources, or the order of the schemes"},
	render.OtherIDs:   {BumpPatch, "the other Alibaba Cloud region IDs changed", "the Alibaba Cloud region IDs that OSS does not list: what `Parse` says of them"},
	render.RegionData: {BumpPatch, "region data changed", "anything else in a region kept under its ID: name, Chinese name, endpoints, status date, " +
		"transfer acceleration, mainland China, sources, confidence, VIP ranges and their order, an alias's source, deviations"},
	render.RegionOrder:   {BumpPatch, "the order of the regions changed", "the order of the regions"},
	render.NotesOrSource: {BumpPatch, "notes or source changed", "the notes or the table's source"},
	render.SourceList:    {BumpPatch, "the list of sources changed", "the list of sources"},
}

// Required is the bump the changes of c need, and the reasons for it, once each.
func Required(c *render.ChangeReport) (Bump, string) {
	need, why := BumpNone, []string(nil)
	for _, k := range c.Kinds {
		switch r := Rules[k]; {
		case r.Bump > need:
			need, why = r.Bump, []string{r.Reason}
		case r.Bump == need && !slices.Contains(why, r.Reason):
			why = append(why, r.Reason)
		}
	}
	return need, strings.Join(why, "; ")
}

// Notes is the report c for release notes, with the bump it needs.
func Notes(c *render.ChangeReport) string {
	need, why := Required(c)
	return c.Markdown(fmt.Sprintf("%s (%s)", need, why))
}

// Check judges the new version of a change report; a refusal at file:line says why and what to set.
func Check(c *render.ChangeReport, file string, line int) error {
	need, reasons := Required(c)
	want := MinVersion(c.Old, need)
	if c.New == want {
		return nil
	}
	got := actualBump(c.Old, c.New)
	var why string
	switch steps := fmt.Sprintf("version %s → %s", c.Old, c.New); {
	case semver.Compare("v"+c.New, "v"+c.Old) < 0:
		why = steps + " goes down; a release version never does"
	case need == BumpNone:
		why = fmt.Sprintf("%s, but nothing changed since %s", steps, c.Old)
	case got == BumpNone:
		why = fmt.Sprintf("%s is no version change, but the changes need a %s bump (%s)", steps, need, reasons)
	case got < need:
		why = fmt.Sprintf("%s is a %s bump, but the changes need a %s bump (%s)", steps, got, need, reasons)
	case got > need:
		why = fmt.Sprintf("%s is a %s bump, larger than the %s bump the changes need (%s)", steps, got, need, reasons)
	default:
		why = fmt.Sprintf("%s skips versions; the next %s version after %s is %s", steps, need, c.Old, want)
	}
	return fmt.Errorf("%w: %s:%d: %s; set version: %s", ErrPolicy, file, line, why, want)
}

// actualBump is the increment from old to a higher new, else BumpNone.
func actualBump(oldV, newV string) Bump {
	o, n := "v"+oldV, "v"+newV
	switch {
	case semver.Compare(n, o) <= 0:
		return BumpNone
	case semver.Major(n) != semver.Major(o):
		return BumpMajor
	case semver.MajorMinor(n) != semver.MajorMinor(o):
		return BumpMinor
	}
	return BumpPatch
}

// MinVersion is the smallest version after v that makes bump b.
func MinVersion(v string, b Bump) string {
	var major, minor, patch int
	fmt.Sscanf(strings.SplitN(v, "-", 2)[0], "%d.%d.%d", &major, &minor, &patch)
	switch b {
	case BumpMajor:
		return fmt.Sprintf("%d.0.0", major+1)
	case BumpMinor:
		return fmt.Sprintf("%d.%d.0", major, minor+1)
	case BumpPatch:
		return fmt.Sprintf("%d.%d.%d", major, minor, patch+1)
	}
	return v
}

// modulePath refuses, at t's version line, a major version 2 or above
// whose module path in goMod lacks the /vN suffix Go requires, and says how to add it.
func modulePath(goMod, tablePath string, t *table.Table) error {
	major := semver.Major("v" + t.Version)
	if major == "v0" || major == "v1" {
		return nil
	}
	data, err := os.ReadFile(goMod)
	if err != nil {
		return fmt.Errorf("%w: %s:%d: version %s needs the module path to end in /%s, and %v", ErrPolicy, tablePath, t.VersionLine, t.Version, major, err)
	}
	path := modfile.ModulePath(data)
	if base, _, _ := module.SplitPathVersion(path); path != base+"/"+major {
		return fmt.Errorf("%w: %s:%d: version %s is major version %s, and Go requires its module path to end in /%s, but %s says %q. "+
			"Run make major N=%s: it moves the module to %q in every go.mod, import and user document; then make generate, make test, and this again",
			ErrPolicy, tablePath, t.VersionLine, t.Version, major, major, goMod, path, major[1:], base+"/"+major)
	}
	return nil
}
