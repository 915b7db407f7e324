package render

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// The change report compares two validated tables, prints what changed for
// release notes and review, and classifies each change by the bump it
// needs (internal/release judges the version with it; docs/maintaining.md,
// "The version rule", states the rule):
//
//   - major: a region removed or its ID changed (its Go constant goes away,
//     which breaks importers), or the regionless endpoint removed.
//   - minor: a region added, a region's status or cloud changed, the
//     default region or a default or accelerate endpoint changed, the
//     regionless endpoint added or changed.
//   - patch: anything else in existing regions (names, endpoints, VIP
//     ranges, flags, sources, order); notes, source and the list of sources.

// Bump is a semantic-version increment, ordered by size.
type Bump int

const (
	BumpNone Bump = iota
	BumpPatch
	BumpMinor
	BumpMajor
)

func (b Bump) String() string {
	return [...]string{"none", "patch", "minor", "major"}[b]
}

// ChangeReport is what changed between two tables, section by section.
type ChangeReport struct {
	oldVersion, newVersion string
	sections               []section
	required               Bump
	reasons                map[Bump][]string // the rules each bump was needed by
}

type section struct {
	title string
	items []string
}

func (c *ChangeReport) add(title string, need Bump, reason, item string) {
	for i := range c.sections {
		if c.sections[i].title == title {
			c.sections[i].items = append(c.sections[i].items, item)
			c.need(need, reason)
			return
		}
	}
	c.sections = append(c.sections, section{title, []string{item}})
	c.need(need, reason)
}

func (c *ChangeReport) need(b Bump, reason string) {
	if b > c.required {
		c.required = b
	}
	for _, r := range c.reasons[b] {
		if r == reason {
			return
		}
	}
	c.reasons[b] = append(c.reasons[b], reason)
}

// Required is the bump the changes need.
func (c *ChangeReport) Required() Bump { return c.required }

// Why says which rules made the required bump necessary.
func (c *ChangeReport) Why() string { return strings.Join(c.reasons[c.required], "; ") }

// Versions are the versions of the earlier and the later table.
func (c *ChangeReport) Versions() (old, new string) { return c.oldVersion, c.newVersion }

// Changes lists every difference from old to new, in a fixed order:
// sections in the order below, regions in table order.
func Changes(old, new *table.Table) *ChangeReport {
	c := &ChangeReport{oldVersion: old.Version, newVersion: new.Version, reasons: map[Bump][]string{}}
	oldByID, newByID := byID(old), byID(new)
	newByName := map[string]*table.Region{}
	for i := range new.Regions {
		newByName[new.Regions[i].Name] = &new.Regions[i]
	}
	renamedTo := map[string]*table.Region{} // old ID -> region under a new ID
	for _, o := range old.Regions {
		if _, kept := newByID[o.ID]; kept {
			continue
		}
		if n := newByName[o.Name]; n != nil && oldByID[n.ID] == nil {
			renamedTo[o.ID] = n
			c.add("Region IDs changed", BumpMajor, "a region ID changed",
				fmt.Sprintf("%s: `%s` → `%s` (constant `%s` → `%s`)", mdEscape(o.Name), o.ID, n.ID, o.GoName, n.GoName))
		}
	}
	for _, o := range old.Regions {
		if newByID[o.ID] == nil && renamedTo[o.ID] == nil {
			c.add("Removed", BumpMajor, "a region was removed", fmt.Sprintf("`%s` %s (constant `%s`)", o.ID, mdEscape(o.Name), o.GoName))
		}
	}
	renamedFrom := map[string]bool{}
	for _, n := range renamedTo {
		renamedFrom[n.ID] = true
	}
	for _, n := range new.Regions {
		if oldByID[n.ID] == nil && !renamedFrom[n.ID] {
			c.add("Added", BumpMinor, "a region was added", fmt.Sprintf("`%s` %s (constant `%s`; sources: %s)", n.ID, mdEscape(n.Name), n.GoName, sourcesOf(&n)))
		}
	}
	for _, n := range new.Regions {
		o := oldByID[n.ID]
		if o == nil {
			continue
		}
		compareRegion(c, o, &n)
	}
	// All() returns the regions in table order, so an order change is a
	// change, if a small one.
	if !slices.Equal(commonOrder(old, newByID), commonOrder(new, oldByID)) {
		c.add("Table", BumpPatch, "the order of the regions changed", "regions reordered: "+strings.Join(commonOrder(new, oldByID), ", "))
	}
	compareTop(c, old, new)
	return c
}

// commonOrder lists the IDs of t that other also has, in t's order.
func commonOrder(t *table.Table, other map[string]*table.Region) []string {
	var ids []string
	for _, r := range t.Regions {
		if other[r.ID] != nil {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

func byID(t *table.Table) map[string]*table.Region {
	m := map[string]*table.Region{}
	for i := range t.Regions {
		m[t.Regions[i].ID] = &t.Regions[i]
	}
	return m
}

// compareRegion lists the changes to one region kept under its ID.
func compareRegion(c *ChangeReport, o, n *table.Region) {
	if o.Name != n.Name {
		c.add("Renamed", BumpPatch, "region data changed", fmt.Sprintf("`%s`: %s → %s", n.ID, mdEscape(o.Name), mdEscape(n.Name)))
	}
	switch {
	case o.Status != n.Status:
		c.add("Lifecycle", BumpMinor, "a region's lifecycle status changed", fmt.Sprintf("`%s` %s: %s → %s", n.ID, mdEscape(n.Name), statusText(*o), statusText(*n)))
	case o.StatusDate != n.StatusDate:
		c.add("Lifecycle", BumpPatch, "region data changed", fmt.Sprintf("`%s` %s: %s → %s", n.ID, mdEscape(n.Name), statusText(*o), statusText(*n)))
	}
	for _, e := range []struct{ kind, old, new string }{
		{"public", o.Public, n.Public}, {"internal", o.Internal, n.Internal}, {"VPC", o.VPC, n.VPC},
		{"dual-stack", o.DualStack, n.DualStack},
		{"extra internal", strings.Join(o.InternalExtra, "`, `"), strings.Join(n.InternalExtra, "`, `")},
	} {
		switch {
		case e.old == e.new:
		case e.old == "":
			c.add("Endpoints", BumpPatch, "region data changed", fmt.Sprintf("`%s` %s: added `%s`", n.ID, e.kind, e.new))
		case e.new == "":
			c.add("Endpoints", BumpPatch, "region data changed", fmt.Sprintf("`%s` %s: removed `%s`", n.ID, e.kind, e.old))
		default:
			c.add("Endpoints", BumpPatch, "region data changed", fmt.Sprintf("`%s` %s: `%s` → `%s`", n.ID, e.kind, e.old, e.new))
		}
	}
	if acceleration(*o) != acceleration(*n) {
		c.add("Transfer acceleration", BumpPatch, "region data changed", fmt.Sprintf("`%s`: %s → %s", n.ID, acceleration(*o), acceleration(*n)))
	}
	if o.Cloud != n.Cloud {
		// Programs choose regions by cloud (Region.Cloud), as by status.
		c.add("Cloud", BumpMinor, "a region's cloud changed", fmt.Sprintf("`%s` %s: %s → %s", n.ID, mdEscape(n.Name), o.Cloud, n.Cloud))
	}
	if o.MainlandChina != n.MainlandChina {
		c.add("Mainland China", BumpPatch, "region data changed", fmt.Sprintf("`%s`: %s → %s", n.ID, yesNo(o.MainlandChina), yesNo(n.MainlandChina)))
	}
	if os, ns := sourcesOf(o), sourcesOf(n); os != ns {
		c.add("Sources", BumpPatch, "region data changed", fmt.Sprintf("`%s`: %s → %s", n.ID, os, ns))
	}
	if vip := compareVIP(o, n); vip != "" {
		c.add("VIP ranges", BumpPatch, "region data changed", fmt.Sprintf("`%s`: %s", n.ID, vip))
	}
	compareAliases(c, o, n)
}

// compareAliases reports a region's aliases added and removed. Adding one
// makes Parse accept a value it refused, as adding a region does: minor.
// Removing one makes Parse refuse a value it accepted, which breaks the
// configurations that hold it, as removing a region does: major. A
// changed source is a patch, like a row's sources.
func compareAliases(c *ChangeReport, o, n *table.Region) {
	source := func(r *table.Region, id string) (string, bool) {
		for _, a := range r.Aliases {
			if a.ID == id {
				return a.Source, true
			}
		}
		return "", false
	}
	for _, a := range o.Aliases {
		if s, ok := source(n, a.ID); !ok {
			c.add("Aliases", BumpMajor, "an alias was removed", fmt.Sprintf("`%s`: removed `%s`", n.ID, a.ID))
		} else if s != a.Source {
			c.add("Aliases", BumpPatch, "region data changed", fmt.Sprintf("`%s`: `%s` source %s → %s", n.ID, a.ID, a.Source, s))
		}
	}
	for _, a := range n.Aliases {
		if _, ok := source(o, a.ID); !ok {
			c.add("Aliases", BumpMinor, "an alias was added", fmt.Sprintf("`%s`: added `%s` (%s)", n.ID, a.ID, a.Source))
		}
	}
}

// sourceKeys lists the keys of a table's sources, or "none".
func sourceKeys(ss []table.Source) string {
	if len(ss) == 0 {
		return "none"
	}
	keys := make([]string, len(ss))
	for i, s := range ss {
		keys[i] = s.Key
	}
	return strings.Join(keys, ", ")
}

// sourcesOf shows a region's sources for the report, or "none".
func sourcesOf(r *table.Region) string {
	if len(r.Sources) == 0 {
		return "none"
	}
	return sourcesText(*r)
}

// compareVIP describes how a region's VIP ranges changed, or "".
func compareVIP(o, n *table.Region) string {
	switch {
	case o.VIPByTicket && n.VIPByTicket:
		return ""
	case o.VIPByTicket:
		return "published now (by ticket before): " + prefixList(n.VIP)
	case n.VIPByTicket:
		return "now only by ticket (were " + prefixList(o.VIP) + ")"
	}
	added, removed := prefixDiff(n.VIP, o.VIP), prefixDiff(o.VIP, n.VIP)
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "added "+prefixList(added))
	}
	if len(removed) > 0 {
		parts = append(parts, "removed "+prefixList(removed))
	}
	if len(parts) == 0 && !slices.Equal(o.VIP, n.VIP) {
		// VIPRanges returns them in table order.
		parts = append(parts, "reordered: "+prefixList(n.VIP))
	}
	return strings.Join(parts, "; ")
}

// prefixDiff returns the prefixes of a that b lacks, in a's order.
func prefixDiff(a, b []netip.Prefix) []netip.Prefix {
	var out []netip.Prefix
	for _, p := range a {
		found := false
		for _, q := range b {
			found = found || p == q
		}
		if !found {
			out = append(out, p)
		}
	}
	return out
}

func prefixList(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = "`" + p.String() + "`"
	}
	return strings.Join(s, ", ")
}

// compareTop lists changes outside the regions.
func compareTop(c *ChangeReport, old, new *table.Table) {
	for _, e := range []struct {
		what, old, new string
		need           Bump
	}{
		{"default region", old.Default.ID, new.Default.ID, BumpMinor},
		{"default public endpoint", old.DefaultPublic, new.DefaultPublic, BumpMinor},
		{"default internal endpoint", old.DefaultInternal, new.DefaultInternal, BumpMinor},
		{"global accelerate endpoint", old.GlobalAccelerate, new.GlobalAccelerate, BumpMinor},
		{"overseas accelerate endpoint", old.OverseasAccelerate, new.OverseasAccelerate, BumpMinor},
		{"source", old.Source, new.Source, BumpPatch},
	} {
		if e.old != e.new {
			reason := "a default or accelerate endpoint changed"
			if e.need == BumpPatch {
				reason = "notes or source changed"
			}
			c.add("Table", e.need, reason, fmt.Sprintf("%s: `%s` → `%s`", e.what, e.old, e.new))
		}
	}
	compareRegionless(c, old.Regionless, new.Regionless)
	if fmt.Sprint(old.Sources) != fmt.Sprint(new.Sources) {
		c.add("Table", BumpPatch, "the list of sources changed", "sources: "+sourceKeys(old.Sources)+" → "+sourceKeys(new.Sources))
	}
	if strings.Join(old.Notes, "\n") != strings.Join(new.Notes, "\n") {
		c.add("Table", BumpPatch, "notes or source changed", "notes changed")
	}
}

// compareRegionless reports the optional regionless endpoint: taking it
// away makes ParseEndpoint refuse a host it read, so that is major.
func compareRegionless(c *ChangeReport, old, new string) {
	switch {
	case old == new:
	case old == "":
		c.add("Table", BumpMinor, "an endpoint was added", fmt.Sprintf("regionless endpoint added: `%s`", new))
	case new == "":
		c.add("Table", BumpMajor, "an endpoint was removed", fmt.Sprintf("regionless endpoint removed: `%s`", old))
	default:
		c.add("Table", BumpMinor, "the regionless endpoint changed", fmt.Sprintf("regionless endpoint: `%s` → `%s`", old, new))
	}
}

// Markdown renders the report for release notes.
func (c *ChangeReport) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Region data %s (from %s)\n\n", c.newVersion, c.oldVersion)
	if len(c.sections) == 0 {
		b.WriteString("No changes.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "Required version bump: %s (%s).\n", c.required, c.Why())
	for _, s := range c.sections {
		fmt.Fprintf(&b, "\n## %s\n\n", s.title)
		for _, item := range s.items {
			fmt.Fprintf(&b, "- %s\n", item)
		}
	}
	return b.String()
}
