package table

import (
	"strings"
)

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
	for i := range t.PublicDNS {
		if t.PublicDNS[i].Cloud == c {
			return &t.PublicDNS[i]
		}
	}
	return nil
}

// publicDNS checks the public_dns list, which, where written, covers every cloud.
func (v *validator) publicDNS(list *node) []CloudDNS {
	var out []CloudDNS
	seen := map[Cloud]int{} // cloud -> line
	for _, n := range list.items {
		cloud := n.get("cloud")
		e := CloudDNS{Line: cloud.pos.line, Sources: v.sourceRefs(n.get("sources"), "empty; list the keys of the sources the entry rests on", false)}
		i := v.word(cloud, "cloud", nameWords(Clouds))
		line, dup := seen[Cloud(i)]
		if dup {
			v.ps.addf(cloud.pos, "%s: the %s cloud has an entry already, at line %d; keep one", cloud.what, Cloud(i), line)
		} else if i >= 0 {
			e.Cloud, seen[Cloud(i)] = Cloud(i), cloud.pos.line
		}
		e.InternalPublished = v.word(n.get("internal"), "word public_dns knows", published) == 0
		e.AAAAPublished = v.word(n.get("aaaa"), "word public_dns knows", published) == 0
		if i >= 0 && !dup {
			out = append(out, e)
		}
	}
	for i, w := range nameWords(Clouds) {
		if _, ok := seen[Cloud(i)]; !ok && list.set() {
			v.ps.addf(list.pos, "public_dns: no entry for the %s cloud; every cloud (%s) needs one", w, orList(nameWords(Clouds)))
		}
	}
	return out
}

// published are the words of whether public DNS has the records.
var published = []string{"published", "unpublished"}

// otherRegions checks the other_region_ids list against the table's regions and hosts.
func (v *validator) otherRegions(list *node, t *Table) []OtherRegion {
	var out []OtherRegion
	regionIDs := map[string]*Region{} // cloud ID or alias without oss- -> region
	for i := range t.Regions {
		r := &t.Regions[i]
		for _, a := range r.Aliases {
			regionIDs[strings.TrimPrefix(a.ID, "oss-")] = r
		}
		if r.CloudID != "" {
			regionIDs[r.CloudID] = r
		}
	}
	first := map[string]int{} // ID -> line
	for _, n := range list.items {
		idn := n.get("id")
		e := OtherRegion{Line: idn.pos.line, Sources: v.sourceRefs(n.get("sources"), "empty; list the keys of the sources the entry rests on", false)}
		e.Name = v.name(n.get("name"), nil, "", "")
		if !idn.ok {
			continue
		}
		id, what, pos := idn.s, idn.what, idn.pos
		host := "oss-" + id + ".aliyuncs.com"
		problem := regionIDProblem("oss-" + id)
		r, ofRegion := regionIDs[id]
		line, dup := first[id]
		use, taken := v.hosts[host]
		switch {
		case strings.HasPrefix(id, "oss-"):
			v.ps.addf(pos, "%s: %q: write the cloud region ID, without oss- (%s)", what, clip(id), clip(strings.TrimPrefix(id, "oss-")))
		case strings.HasPrefix(problem, "is not a region ID"):
			v.ps.addf(pos, "%s: %q is not a cloud region ID; expected lower-case parts joined by hyphens, the first of letters, such as us-southeast-1", what, clip(id))
		case problem != "":
			v.ps.addf(pos, "%s: %q: oss-%s %s", what, clip(id), clip(id), problem)
		case len("oss-"+id) > maxIDLen:
			v.ps.addf(pos, "%s: %q is longer than %d characters with oss- (maxIDLen in internal/table/naming.go)", what, clip(id), maxIDLen)
		case ofRegion && r.CloudID == id:
			v.ps.addf(pos, "%s: %s is the ID of %s, a region of the table; remove it here", what, id, r.ID)
		case ofRegion:
			v.ps.addf(pos, "%s: %s is an alias of %s, a region of the table; remove it here", what, id, r.ID)
		case taken:
			v.ps.addf(pos, "%s: %s is the table's %s (line %d); an ID here must name no host of the table", what, host, use.what, use.pos.line)
		case dup:
			v.ps.addf(pos, "%s: %s is listed already, at line %d", what, id, line)
		default:
			e.CloudID, first[id] = id, pos.line
			out = append(out, e)
		}
	}
	return out
}
