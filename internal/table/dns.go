package table

import "slices"

// Two top-level lists of the table serve the DNS probe: public_dns, what
// public DNS shows of each cloud's hosts, and other_region_ids, the region
// IDs of Alibaba Cloud that OSS does not list, which the probe asks about.
// Both may be left out; public_dns, where given, covers every cloud.

// CloudDNS is what public DNS shows of one cloud's hosts.
type CloudDNS struct {
	Cloud             Cloud
	InternalPublished bool     // its internal hosts resolve publicly, into their region's VIP ranges
	AAAAPublished     bool     // its dual-stack hosts have AAAA records
	Sources           []string // keys of the sources that say so
	Line              int      // where the entry is written
}

// OtherRegion is a region ID that Alibaba Cloud uses and OSS does not list.
type OtherRegion struct {
	CloudID string   // "us-southeast-1", without oss-
	Name    string   // "US (Atlanta)"
	Sources []string // keys of the sources that name it
	Line    int      // where the entry is written
}

// PublicDNSOf returns what public DNS shows of cloud c, or nil where the
// table has no public_dns list.
func (t *Table) PublicDNSOf(c Cloud) *CloudDNS {
	if i := slices.IndexFunc(t.PublicDNS, func(d CloudDNS) bool { return d.Cloud == c }); i >= 0 {
		return &t.PublicDNS[i]
	}
	return nil
}

// publicDNS checks the public_dns list, which, where written, covers every cloud.
func (v *validator) publicDNS(list *node) []CloudDNS {
	var out []CloudDNS
	seen := map[string]*node{}
	for _, n := range list.items {
		cloud := n.get("cloud")
		e := CloudDNS{Line: cloud.pos.line, Sources: v.sourceRefs(n.get("sources"), "empty; list the keys of the sources the entry rests on", false)}
		e.Cloud = Cloud(slices.Index(nameWords(Clouds), cloud.s))
		e.InternalPublished, e.AAAAPublished = n.get("internal").val() == "published", n.get("aaaa").val() == "published"
		if prev := seen[cloud.s]; cloud.ok && prev != nil {
			v.bad(cloud, "the %s cloud has an entry already, at line %d; keep one", cloud.s, prev.pos.line)
		} else if cloud.ok {
			seen[cloud.s] = cloud
			out = append(out, e)
		}
	}
	for _, w := range nameWords(Clouds) {
		if seen[w] == nil && list.set() {
			v.bad(list, "no entry for the %s cloud; every cloud (%s) needs one", w, orList(nameWords(Clouds)))
		}
	}
	return out
}

// otherRegions checks the other_region_ids list against the table's regions and hosts.
func (v *validator) otherRegions(list *node) []OtherRegion {
	var out []OtherRegion
	seen := map[string]*node{}
	for _, n := range list.items {
		id := n.get("id")
		e := OtherRegion{CloudID: id.s, Name: n.get("name").val(), Line: id.pos.line}
		e.Sources = v.sourceRefs(n.get("sources"), "empty; list the keys of the sources the entry rests on", false)
		alias, host := v.aliases[id.s], v.hosts["oss-"+id.s+".aliyuncs.com"]
		switch {
		case !id.ok:
		case v.ids["oss-"+id.s] != nil:
			v.bad(id, "%s is the ID of oss-%s, a region of the table; remove it here", id.s, id.s)
		case alias.region != "":
			v.bad(id, "%s is an alias of %s, a region of the table; remove it here", id.s, alias.region)
		case host.n != nil:
			v.bad(id, "oss-%s.aliyuncs.com is the table's %s (line %d); an ID here must name no host of the table", id.s, host.n.what, host.n.pos.line)
		case v.once(seen, id.s, id, "listed"):
			out = append(out, e)
		}
	}
	return out
}
