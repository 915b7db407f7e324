package render

import (
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
	RegionAdded
	AliasAdded
	StatusChanged
	CloudChanged
	DefaultChanged // the default region, a default or accelerate endpoint
	RegionlessAdded
	RegionlessChanged
	FamilyAdded // a host family, or a form or base domain of one
	FamilyData  // a family's title, signing product or sources
	OtherIDs    // the Alibaba Cloud region IDs that OSS does not list
	RegionData  // any other change to a region kept under its ID
	RegionOrder // of the regions both tables have
	NotesOrSource
	SourceList
	NumKinds // the number of kinds
)

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

// Changes lists every difference from old to new, regions in table order.
func Changes(old, new *table.Table) *ChangeReport {
	c := &ChangeReport{Old: old.Version, New: new.Version}
	oldByID, newByID := byID(old), byID(new)
	newByName := map[string]*table.Region{}
	for i := range new.Regions {
		newByName[new.Regions[i].Name] = &new.Regions[i]
	}
	idChanged := map[string]bool{} // the old and the new ID of a region whose ID changed
	for _, o := range old.Regions {
		if n := newByName[o.Name]; newByID[o.ID] == nil && n != nil && oldByID[n.ID] == nil {
			idChanged[o.ID], idChanged[n.ID] = true, true
			c.add("Region IDs changed", RegionIDChanged, "%s: `%s` → `%s` (constant `%s` → `%s`)", mdEscape(o.Name), o.ID, n.ID, o.GoName, n.GoName)
		}
	}
	for _, o := range old.Regions {
		if newByID[o.ID] == nil && !idChanged[o.ID] {
			c.add("Removed", RegionRemoved, "`%s` %s (constant `%s`)", o.ID, mdEscape(o.Name), o.GoName)
		}
	}
	for _, n := range new.Regions {
		if oldByID[n.ID] == nil && !idChanged[n.ID] {
			c.add("Added", RegionAdded, "`%s` %s (constant `%s`; sources: %s)", n.ID, mdEscape(n.Name), n.GoName, sourcesText(n))
		}
	}
	for i, n := range new.Regions {
		if o := oldByID[n.ID]; o != nil {
			compareRegion(c, o, &new.Regions[i])
		}
	}
	if order := commonOrder(new, oldByID); !slices.Equal(commonOrder(old, newByID), order) {
		c.add("Table", RegionOrder, "regions reordered: %s", strings.Join(order, ", "))
	}
	compareTop(c, old, new)
	compareFamilies(c, old, new)
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
	// differ adds a change of one value, shown as "old → new".
	differ := func(title string, k Kind, named bool, ov, nv string) {
		if ov == nv {
			return
		}
		who := "`" + n.ID + "`"
		if named {
			who += " " + mdEscape(n.Name)
		}
		c.add(title, k, "%s: %s → %s", who, ov, nv)
	}
	differ("Renamed", RegionData, false, mdEscape(o.Name), mdEscape(n.Name))
	differ("Chinese names", RegionData, false, orNone(mdEscape(o.NameZh)), orNone(mdEscape(n.NameZh)))
	status := RegionData
	if o.Status != n.Status {
		status = StatusChanged
	}
	differ("Lifecycle", status, true, statusText(*o), statusText(*n))
	for _, e := range []struct{ kind, old, new string }{
		{"public", o.Public, n.Public}, {"internal", o.Internal, n.Internal}, {"VPC", o.VPC, n.VPC},
		{"dual-stack", o.DualStack, n.DualStack},
		{"extra internal", strings.Join(o.InternalExtra, "`, `"), strings.Join(n.InternalExtra, "`, `")},
	} {
		switch {
		case e.old == e.new:
		case e.old == "":
			c.add("Endpoints", RegionData, "`%s` %s: added `%s`", n.ID, e.kind, e.new)
		case e.new == "":
			c.add("Endpoints", RegionData, "`%s` %s: removed `%s`", n.ID, e.kind, e.old)
		default:
			c.add("Endpoints", RegionData, "`%s` %s: `%s` → `%s`", n.ID, e.kind, e.old, e.new)
		}
	}
	differ("Transfer acceleration", RegionData, false, acceleration(*o), acceleration(*n))
	differ("Cloud", CloudChanged, true, o.Cloud.String(), n.Cloud.String())
	differ("Mainland China", RegionData, false, yesNo(o.MainlandChina), yesNo(n.MainlandChina))
	differ("Sources", RegionData, false, sourcesText(*o), sourcesText(*n))
	if vip := compareVIP(o, n); vip != "" {
		c.add("VIP ranges", RegionData, "`%s`: %s", n.ID, vip)
	}
	compareAliases(c, o, n)
	for _, d := range added(o.Deviations, n.Deviations, table.DeviationText) {
		c.add("Deviations", RegionData, "`%s`: added %s", n.ID, mdEscape(d))
	}
	for _, d := range added(n.Deviations, o.Deviations, table.DeviationText) {
		c.add("Deviations", RegionData, "`%s`: removed %s", n.ID, mdEscape(d))
	}
}

// added lists the texts of the items of b that a lacks, in b's order.
func added[T any](a, b []T, text func(T) string) []string {
	var in []string
	for _, x := range a {
		in = append(in, text(x))
	}
	var out []string
	for _, x := range b {
		if t := text(x); !slices.Contains(in, t) {
			out = append(out, t)
		}
	}
	return out
}

// familyParts are the texts of a family whose loss makes ParseEndpoint
// refuse or read otherwise a host it read: its forms and base domains.
func familyParts(f table.Family) []string {
	parts := []string{"family " + f.Name}
	for _, form := range f.Forms {
		parts = append(parts, f.Name+" form `"+form.Text+"`")
	}
	for _, d := range f.BaseDomains {
		parts = append(parts, f.Name+" base domain `"+d+"`")
	}
	if f.ByCloudBox {
		parts = append(parts, f.Name+" signs with the CloudBox ID")
	}
	return parts
}

// compareFamilies lists the host families' forms removed and added, and
// their other changes.
func compareFamilies(c *ChangeReport, old, new *table.Table) {
	parts := func(t *table.Table) []string {
		var out []string
		for _, f := range t.Families {
			out = append(out, familyParts(f)...)
		}
		return out
	}
	for _, p := range added(parts(new), parts(old), func(s string) string { return s }) {
		c.add("Host families", FamilyRemoved, "removed: %s", p)
	}
	for _, p := range added(parts(old), parts(new), func(s string) string { return s }) {
		c.add("Host families", FamilyAdded, "added: %s", p)
	}
	data := func(f table.Family) string {
		return fmt.Sprintf("%s: %s; product %s; sources %s", f.Name, mdEscape(f.Title), f.Product, strings.Join(f.Sources, ", "))
	}
	for _, n := range new.Families {
		i := slices.IndexFunc(old.Families, func(o table.Family) bool { return o.Name == n.Name })
		if i >= 0 && data(old.Families[i]) != data(n) {
			c.add("Host families", FamilyData, "%s → %s", data(old.Families[i]), data(n))
		}
	}
	other := func(o table.OtherRegion) string {
		return fmt.Sprintf("`%s` %s (%s)", o.CloudID, mdEscape(o.Name), strings.Join(o.Sources, ", "))
	}
	for _, o := range added(new.OtherRegions, old.OtherRegions, other) {
		c.add("Other Alibaba Cloud regions", OtherIDs, "removed %s", o)
	}
	for _, o := range added(old.OtherRegions, new.OtherRegions, other) {
		c.add("Other Alibaba Cloud regions", OtherIDs, "added %s", o)
	}
}

// compareAliases lists a region's aliases removed, re-sourced and added.
func compareAliases(c *ChangeReport, o, n *table.Region) {
	source := func(r *table.Region, id string) (string, bool) {
		i := slices.IndexFunc(r.Aliases, func(a table.Alias) bool { return a.ID == id })
		if i < 0 {
			return "", false
		}
		return r.Aliases[i].Source, true
	}
	for _, a := range o.Aliases {
		if s, ok := source(n, a.ID); !ok {
			c.add("Aliases", AliasRemoved, "`%s`: removed `%s`", n.ID, a.ID)
		} else if s != a.Source {
			c.add("Aliases", RegionData, "`%s`: `%s` source %s → %s", n.ID, a.ID, a.Source, s)
		}
	}
	for _, a := range n.Aliases {
		if _, ok := source(o, a.ID); !ok {
			c.add("Aliases", AliasAdded, "`%s`: added `%s` (%s)", n.ID, a.ID, a.Source)
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
	var parts []string
	if added := prefixDiff(n.VIP, o.VIP); len(added) > 0 {
		parts = append(parts, "added "+prefixList(added))
	}
	if removed := prefixDiff(o.VIP, n.VIP); len(removed) > 0 {
		parts = append(parts, "removed "+prefixList(removed))
	}
	if len(parts) == 0 && !slices.Equal(o.VIP, n.VIP) {
		parts = append(parts, "reordered: "+prefixList(n.VIP))
	}
	return strings.Join(parts, "; ")
}

// prefixDiff returns the prefixes of a that b lacks, in a's order.
func prefixDiff(a, b []netip.Prefix) []netip.Prefix {
	return slices.DeleteFunc(slices.Clone(a), func(p netip.Prefix) bool { return slices.Contains(b, p) })
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
		kind           Kind
	}{
		{"default region", old.Default.ID, new.Default.ID, DefaultChanged},
		{"default public endpoint", old.DefaultPublic, new.DefaultPublic, DefaultChanged},
		{"default internal endpoint", old.DefaultInternal, new.DefaultInternal, DefaultChanged},
		{"global accelerate endpoint", old.GlobalAccelerate, new.GlobalAccelerate, DefaultChanged},
		{"overseas accelerate endpoint", old.OverseasAccelerate, new.OverseasAccelerate, DefaultChanged},
		{"source", old.Source, new.Source, NotesOrSource},
	} {
		if e.old != e.new {
			c.add("Table", e.kind, "%s: `%s` → `%s`", e.what, e.old, e.new)
		}
	}
	switch o, n := old.Regionless, new.Regionless; {
	case o == n:
	case o == "":
		c.add("Table", RegionlessAdded, "regionless endpoint added: `%s`", n)
	case n == "":
		c.add("Table", RegionlessRemoved, "regionless endpoint removed: `%s`", o)
	default:
		c.add("Table", RegionlessChanged, "regionless endpoint: `%s` → `%s`", o, n)
	}
	if fmt.Sprint(old.Sources) != fmt.Sprint(new.Sources) {
		c.add("Table", SourceList, "sources: %s → %s", sourceKeys(old.Sources), sourceKeys(new.Sources))
	}
	if !slices.Equal(old.Notes, new.Notes) {
		c.add("Table", NotesOrSource, "notes changed")
	}
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

// orNone is s, or "none" where it is empty.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
