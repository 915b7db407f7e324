package table

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
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

// publishedWords are the words public_dns writes, indexed by whether
// public DNS has the records.
var publishedWords = [...]string{"unpublished", "published"}

// rawDNSLists are the two lists as read.
type rawDNSLists struct {
	publicDNS    []rawCloudDNS
	publicDNSPos position // where public_dns is; zero where it is left out
	others       []rawOtherRegion
}

type rawCloudDNS struct {
	cloud, internal, aaaa rawString
	cited                 rawCited
}

type rawOtherRegion struct {
	id, name rawString
	cited    rawCited
}

// rawCited is an entry's sources list as read.
type rawCited struct {
	keys []rawString
	pos  position // zero where the list is missing
}

// dnsLists decodes the field of key (public_dns or other_region_ids) into l.
func (d *decoder) dnsLists(key string, n *yaml.Node, l *rawDNSLists) {
	for i, item := range d.list(n, key) {
		what := fmt.Sprintf("%s[%d]", key, i)
		str := func(dst *rawString, f string) func(*yaml.Node) {
			return func(v *yaml.Node) { *dst = d.str(v, what+"."+f) }
		}
		var c rawCited
		sources := field{"sources", true, func(v *yaml.Node) {
			c.pos = at(v)
			for j, k := range d.list(v, what+".sources") {
				c.keys = append(c.keys, d.str(k, fmt.Sprintf("%s.sources[%d]", what, j)))
			}
		}}
		if key == "public_dns" {
			var e rawCloudDNS
			d.mapping(item, what, []field{{"cloud", true, str(&e.cloud, "cloud")}, {"internal", true, str(&e.internal, "internal")},
				{"aaaa", true, str(&e.aaaa, "aaaa")}, sources})
			e.cited = c
			l.publicDNS = append(l.publicDNS, e)
			continue
		}
		var e rawOtherRegion
		d.mapping(item, what, []field{{"id", true, str(&e.id, "id")}, {"name", true, str(&e.name, "name")}, sources})
		e.cited = c
		l.others = append(l.others, e)
	}
	if key == "public_dns" {
		l.publicDNSPos = at(n)
	}
}

// dnsLists checks the two lists against the table's regions and sources.
func (v *validator) dnsLists(l *rawDNSLists, t *Table) ([]CloudDNS, []OtherRegion) {
	return v.publicDNS(l), v.otherRegions(l.others, t)
}

func (v *validator) publicDNS(l *rawDNSLists) []CloudDNS {
	var out []CloudDNS
	seen := map[Cloud]int{} // cloud -> line
	for i, raw := range l.publicDNS {
		what := fmt.Sprintf("public_dns[%d]", i)
		e := CloudDNS{Line: raw.cloud.pos.line, Sources: v.cited(raw.cited, what)}
		cloudOK := false
		if raw.cloud.set {
			i := slices.Index(nameWords(Clouds), raw.cloud.val)
			c, ok := Cloud(max(i, 0)), i >= 0
			switch line, dup := seen[c]; {
			case !ok:
				v.ps.addf(raw.cloud.pos, "%s.cloud: %q is not a cloud; expected %s", what, clip(raw.cloud.val), words(Clouds))
			case dup:
				v.ps.addf(raw.cloud.pos, "%s.cloud: the %s cloud has an entry already, at line %d; keep one", what, c, line)
			default:
				e.Cloud, cloudOK, seen[c] = c, true, raw.cloud.pos.line
			}
		}
		e.InternalPublished = v.published(raw.internal, what+".internal")
		e.AAAAPublished = v.published(raw.aaaa, what+".aaaa")
		if cloudOK {
			out = append(out, e)
		}
	}
	if l.publicDNSPos != (position{}) {
		for i, w := range nameWords(Clouds) {
			if _, ok := seen[Cloud(i)]; !ok {
				v.ps.addf(l.publicDNSPos, "public_dns: no entry for the %s cloud; every cloud (%s) needs one", w, words(Clouds))
			}
		}
	}
	return out
}

// published reads "published" or "unpublished".
func (v *validator) published(s rawString, what string) bool {
	if s.set && !slices.Contains(publishedWords[:], s.val) {
		v.ps.addf(s.pos, "%s: %q is not a word public_dns knows; expected published or unpublished", what, clip(s.val))
	}
	return s.val == publishedWords[1]
}

func (v *validator) otherRegions(raws []rawOtherRegion, t *Table) []OtherRegion {
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
	for i, raw := range raws {
		what := fmt.Sprintf("other_region_ids[%d]", i)
		e := OtherRegion{Line: raw.id.pos.line, Sources: v.cited(raw.cited, what)}
		if raw.name.set {
			e.Name = v.text(raw.name, what+".name")
			if n := utf8.RuneCountInString(e.Name); n > maxNameLen {
				v.ps.addf(raw.name.pos, "%s.name: %d characters, more than %d (maxNameLen in internal/table/validate.go)", what, n, maxNameLen)
			}
		}
		if !raw.id.set {
			continue
		}
		id := raw.id.val
		host := "oss-" + id + ".aliyuncs.com"
		problem := regionIDProblem("oss-" + id)
		r, ofRegion := regionIDs[id]
		line, dup := first[id]
		use, taken := v.hosts[host]
		switch {
		case strings.HasPrefix(id, "oss-"):
			v.ps.addf(raw.id.pos, "%s.id: %q: write the cloud region ID, without oss- (%s)", what, clip(id), clip(strings.TrimPrefix(id, "oss-")))
		case strings.HasPrefix(problem, "is not a region ID"):
			v.ps.addf(raw.id.pos, "%s.id: %q is not a cloud region ID; expected lower-case parts joined by hyphens, the first of letters, such as us-southeast-1", what, clip(id))
		case problem != "":
			v.ps.addf(raw.id.pos, "%s.id: %q: oss-%s %s", what, clip(id), clip(id), problem)
		case len("oss-"+id) > maxIDLen:
			v.ps.addf(raw.id.pos, "%s.id: %q is longer than %d characters with oss- (maxIDLen in internal/table/naming.go)", what, clip(id), maxIDLen)
		case ofRegion && r.CloudID == id:
			v.ps.addf(raw.id.pos, "%s.id: %s is the ID of %s, a region of the table; remove it here", what, id, r.ID)
		case ofRegion:
			v.ps.addf(raw.id.pos, "%s.id: %s is an alias of %s, a region of the table; remove it here", what, id, r.ID)
		case taken:
			v.ps.addf(raw.id.pos, "%s.id: %s is the table's %s (line %d); an ID here must name no host of the table", what, host, use.what, use.pos.line)
		case dup:
			v.ps.addf(raw.id.pos, "%s.id: %s is listed already, at line %d", what, id, line)
		default:
			e.CloudID, first[id] = id, raw.id.pos.line
			out = append(out, e)
		}
	}
	return out
}

// cited checks the source keys of an entry of the two lists: at least
// one, each a key of the sources list, each once.
func (v *validator) cited(c rawCited, what string) []string {
	var keys []string
	for i, k := range c.keys {
		switch {
		case !k.set:
		case v.sourceKeys[k.val] == (position{}):
			v.ps.addf(k.pos, "%s.sources[%d]: %q is not the key of a source in the top-level sources list", what, i, clip(k.val))
		case slices.Contains(keys, k.val):
			v.ps.addf(k.pos, "%s.sources[%d]: %s is listed twice", what, i, k.val)
		default:
			keys = append(keys, k.val)
			v.sourcesUsed[k.val] = true
		}
	}
	if c.pos != (position{}) && len(c.keys) == 0 {
		v.ps.addf(c.pos, "%s.sources: empty; list the keys of the sources the entry rests on", what)
	}
	return keys
}
