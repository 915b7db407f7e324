package render

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// Kind is a kind of change between two tables; release.Rules gives its bump.
type Kind int

// The kinds of change the report tells apart.
const (
	RegionRemoved     Kind = iota
	RegionIDChanged        // the same name under another ID
	AliasRemoved           // from a region kept under its ID
	RegionlessRemoved      // the regionless endpoint
	FamilyRemoved          // a host family, or a form or base domain of one
	SchemeRemoved          // a URL scheme ParseEndpoint reads
	RegionAdded
	AliasAdded
	StatusChanged
	CloudChanged
	DefaultChanged // the default region, a default or accelerate endpoint
	RegionlessAdded
	RegionlessChanged
	FamilyAdded // a host family, or a form or base domain of one
	SchemeAdded
	SlipChanged // a slip added, removed or changed, or the slips reordered
	FamilyData  // a family's title, signing product or sources
	SchemeData  // a scheme's sources, the order of the schemes
	OtherIDs    // the Alibaba Cloud region IDs that OSS does not list
	RegionData  // any other change to a region kept under its ID
	RegionOrder // of the regions both tables have
	NotesOrSource
	SourceList
	NumKinds // the number of kinds
)

// kinds are the kinds of a value added, removed and changed.
type kinds [3]Kind

func same(k Kind) kinds { return kinds{k, k, k} }

// ChangeReport is what changed between two tables, section by section.
type ChangeReport struct {
	Old, New string // the versions of the earlier and the later table
	Kinds    []Kind // the kind of each change, in the order found
	sections []section
}

type section struct {
	title string
	items []string
}

func (c *ChangeReport) add(title string, k Kind, format string, args ...any) {
	c.Kinds = append(c.Kinds, k)
	item := fmt.Sprintf(format, args...)
	for i := range c.sections {
		if c.sections[i].title == title {
			c.sections[i].items = append(c.sections[i].items, item)
			return
		}
	}
	c.sections = append(c.sections, section{title, []string{item}})
}

// value adds the change of one shown value of who, "" where there is none.
func (c *ChangeReport) value(title, who string, k kinds, o, n string) {
	switch {
	case o == n:
	case o == "":
		c.add(title, k[0], "%s: added %s", who, n)
	case n == "":
		c.add(title, k[1], "%s: removed %s", who, o)
	default:
		c.add(title, k[2], "%s: %s → %s", who, o, n)
	}
}

// list adds the changes between two lists of shown values, matched by key
// (nil: the whole value), then a change of order of the values both keep.
func (c *ChangeReport) list(title, who string, k kinds, o, n []string, key func(string) string) {
	if key == nil {
		key = func(s string) string { return s }
	}
	find := func(l []string, s string) string {
		i := slices.IndexFunc(l, func(x string) bool { return key(x) == key(s) })
		if i < 0 {
			return ""
		}
		return l[i]
	}
	for _, x := range o {
		c.value(title, who, k, x, find(n, x))
	}
	for _, x := range n {
		if find(o, x) == "" {
			c.value(title, who, k, "", x)
		}
	}
	if order := kept(n, o); !slices.Equal(kept(o, n), order) {
		c.add(title, k[2], "%s: reordered: %s", who, strings.Join(order, ", "))
	}
}

// kept lists the values of a that b also has, in a's order.
func kept(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(s string) bool { return !slices.Contains(b, s) })
}

// regionFields are the values of a region kept under its ID that the report
// compares: section, what of the region, kinds, whether the region's name is
// shown, and the value as shown.
var regionFields = []struct {
	title, what string
	k           kinds
	named       bool
	text        func(r *table.Region) string
}{
	{"Renamed", "", same(RegionData), false, func(r *table.Region) string { return mdEscape(r.Name) }},
	{"Chinese names", "", same(RegionData), false, func(r *table.Region) string { return mdEscape(r.NameZh) }},
	{"Lifecycle", "", same(StatusChanged), true, func(r *table.Region) string { return r.Status.String() }},
	{"Lifecycle", " status date", same(RegionData), true, func(r *table.Region) string { return r.StatusDate }},
	{"Endpoints", " public", same(RegionData), false, func(r *table.Region) string { return code(r.Public) }},
	{"Endpoints", " internal", same(RegionData), false, func(r *table.Region) string { return code(r.Internal) }},
	{"Endpoints", " VPC", same(RegionData), false, func(r *table.Region) string { return code(r.VPC) }},
	{"Endpoints", " dual-stack", same(RegionData), false, func(r *table.Region) string { return code(r.DualStack) }},
	{"Endpoints", " extra internal", same(RegionData), false, func(r *table.Region) string { return code(r.InternalExtra...) }},
	{"Transfer acceleration", "", same(RegionData), false, acceleration},
	{"Cloud", "", same(CloudChanged), true, func(r *table.Region) string { return r.Cloud.String() }},
	{"Mainland China", "", same(RegionData), false, func(r *table.Region) string { return yesNo(r.MainlandChina) }},
	{"Sources", "", same(RegionData), false, sourcesText},
}

// Changes lists every difference from old to new, regions in table order.
func Changes(old, new *table.Table) *ChangeReport {
	c := &ChangeReport{Old: old.Version, New: new.Version}
	moved := map[string]bool{} // the old and the new ID of a region whose ID changed
	for _, o := range old.Regions {
		i := slices.IndexFunc(new.Regions, func(n table.Region) bool { return n.Name == o.Name })
		if i >= 0 && new.RegionByID(o.ID) == nil && old.RegionByID(new.Regions[i].ID) == nil {
			n := &new.Regions[i]
			moved[o.ID], moved[n.ID] = true, true
			c.add("Region IDs changed", RegionIDChanged, "%s: `%s` → `%s` (constant `%s` → `%s`)", mdEscape(o.Name), o.ID, n.ID, o.GoName, n.GoName)
		}
	}
	var oldIDs, newIDs []string
	for _, o := range old.Regions {
		if oldIDs = append(oldIDs, o.ID); new.RegionByID(o.ID) == nil && !moved[o.ID] {
			c.add("Removed", RegionRemoved, "`%s` %s (constant `%s`)", o.ID, mdEscape(o.Name), o.GoName)
		}
	}
	for i, n := range new.Regions {
		newIDs = append(newIDs, n.ID)
		if o := old.RegionByID(n.ID); o != nil {
			compareRegion(c, o, &new.Regions[i])
		} else if !moved[n.ID] {
			c.add("Added", RegionAdded, "`%s` %s (constant `%s`; sources: %s)", n.ID, mdEscape(n.Name), n.GoName, sourcesText(&n))
		}
	}
	if order := kept(newIDs, oldIDs); !slices.Equal(kept(oldIDs, newIDs), order) {
		c.add("Table", RegionOrder, "regions reordered: %s", strings.Join(order, ", "))
	}
	compareTop(c, old, new)
	return c
}

// compareRegion lists the changes to one region kept under its ID.
func compareRegion(c *ChangeReport, o, n *table.Region) {
	id := "`" + n.ID + "`"
	for _, f := range regionFields {
		who := id + f.what
		if f.named {
			who = id + " " + mdEscape(n.Name) + f.what
		}
		c.value(f.title, who, f.k, f.text(o), f.text(n))
	}
	c.list("VIP ranges", id, same(RegionData), vipTexts(o), vipTexts(n), nil)
	aliases := func(r *table.Region) (out []string) {
		for _, a := range r.Aliases {
			out = append(out, code(a.ID)+" ("+a.Source+")")
		}
		return out
	}
	c.list("Aliases", id+" alias", kinds{AliasAdded, AliasRemoved, RegionData}, aliases(o), aliases(n), firstWord)
	deviation := func(d table.Deviation) string { return mdEscape(table.DeviationText(d)) }
	c.list("Deviations", id, same(RegionData), table.Mapped(o.Deviations, deviation), table.Mapped(n.Deviations, deviation), nil)
}

// vipTexts shows a region's VIP ranges, or that they are given by ticket.
func vipTexts(r *table.Region) []string {
	if r.VIPByTicket {
		return []string{"(by ticket)"}
	}
	return table.Mapped(r.VIP, func(p netip.Prefix) string { return code(p.String()) })
}

// firstWord is the key of a shown value that begins with it.
func firstWord(s string) string { return strings.Fields(s)[0] }

// compareTop lists changes outside the regions.
func compareTop(c *ChangeReport, old, new *table.Table) {
	for _, f := range []struct {
		what string
		k    kinds
		text func(t *table.Table) string
	}{
		{"default region", same(DefaultChanged), func(t *table.Table) string { return code(t.Default.ID) }},
		{"default public endpoint", same(DefaultChanged), func(t *table.Table) string { return code(t.DefaultPublic) }},
		{"default internal endpoint", same(DefaultChanged), func(t *table.Table) string { return code(t.DefaultInternal) }},
		{"global accelerate endpoint", same(DefaultChanged), func(t *table.Table) string { return code(t.GlobalAccelerate) }},
		{"overseas accelerate endpoint", same(DefaultChanged), func(t *table.Table) string { return code(t.OverseasAccelerate) }},
		{"regionless endpoint", kinds{RegionlessAdded, RegionlessRemoved, RegionlessChanged}, func(t *table.Table) string { return code(t.Regionless) }},
		{"source", same(NotesOrSource), func(t *table.Table) string { return code(t.Source) }},
	} {
		c.value("Table", f.what, f.k, f.text(old), f.text(new))
	}
	if !slices.Equal(old.Notes, new.Notes) {
		c.add("Table", NotesOrSource, "notes changed")
	}
	source := func(s table.Source) string {
		return strings.TrimSpace(s.Key + ": " + mdEscape(s.Title+", "+s.Date+" "+s.URL))
	}
	c.list("Table", "source list", same(SourceList), table.Mapped(old.Sources, source), table.Mapped(new.Sources, source), firstWord)
	family := func(f table.Family) string {
		return fmt.Sprintf("%s (%s; product %s; sources %s)", f.Name, mdEscape(f.Title), f.Product, strings.Join(f.Sources, ", "))
	}
	k := kinds{FamilyAdded, FamilyRemoved, FamilyData}
	c.list("Host families", "family", k, table.Mapped(old.Families, family), table.Mapped(new.Families, family), firstWord)
	c.list("Host families", "family", k, familyParts(old), familyParts(new), nil)
	other := func(o table.OtherRegion) string {
		return fmt.Sprintf("%s %s (%s)", code(o.CloudID), mdEscape(o.Name), strings.Join(o.Sources, ", "))
	}
	c.list("Other Alibaba Cloud regions", "region ID", same(OtherIDs), table.Mapped(old.OtherRegions, other), table.Mapped(new.OtherRegions, other), firstWord)
	scheme := func(s table.Scheme) string { return code(s.Name) + " (" + strings.Join(s.Sources, ", ") + ")" }
	c.list("URL schemes", "scheme", kinds{SchemeAdded, SchemeRemoved, SchemeData}, table.Mapped(old.Schemes, scheme), table.Mapped(new.Schemes, scheme), firstWord)
	c.list("Slips", "slip", same(SlipChanged), slipEntries(old), slipEntries(new), nil)
}

// slipEntries shows the slips as regions.yaml writes them, each entry once
// with {area} kept: a new area changes the slips tried, not the entries.
func slipEntries(t *table.Table) []string {
	var out []string
	for i, s := range t.Slips {
		if i == 0 || t.Slips[i-1].Line != s.Line {
			out = append(out, fmt.Sprintf("%s → %s: %s (%s)", inertCode(s.WrittenForm), cmp.Or(inertCode(s.MeantForm), "nothing"), mdEscape(s.Reason), strings.Join(s.Sources, ", ")))
		}
	}
	return out
}

// familyParts are the texts of the families whose loss makes ParseEndpoint
// refuse or read otherwise a host it read: forms, base domains, CloudBox signing.
func familyParts(t *table.Table) []string {
	var parts []string
	for _, f := range t.Families {
		for _, form := range f.Forms {
			parts = append(parts, f.Name+" form "+code(form.Text))
		}
		for _, d := range f.BaseDomains {
			parts = append(parts, f.Name+" base domain "+code(d))
		}
		if f.ByCloudBox {
			parts = append(parts, f.Name+" signs with the CloudBox ID")
		}
	}
	return parts
}

// Markdown renders the report for release notes; required is the bump needed and why.
func (c *ChangeReport) Markdown(required string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Region data %s (from %s)\n\n", c.New, c.Old)
	if len(c.sections) == 0 {
		b.WriteString("No changes.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "Required version bump: %s.\n", required)
	for _, s := range c.sections {
		fmt.Fprintf(&b, "\n## %s\n\n", s.title)
		for _, item := range s.items {
			fmt.Fprintf(&b, "- %s\n", item)
		}
	}
	return b.String()
}
