package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// findings is what the comparison found, in table order or, for what the
// table lacks, in response order; most lists hold report lines.
type findings struct {
	listed                     int // distinct valid region IDs in the response
	public, inUse              int // the table's public-cloud rows, and those in service
	missing                    []newRegion
	gone, listedClosed         []string // in service and not listed; decommissioned and listed
	differ, otherClouds        []string
	refused                    []refusal
	accelNotStated, accelOther []string // information: acceleration "not stated", another endpoint
	regionless                 bool     // the service lists the regionless endpoint as a region
}

type newRegion struct{ id, public, internal string }

// refusal is a value of the response that the check does not take.
type refusal struct {
	line           int
	what, val, why string // what: "Region", "InternetEndpoint of oss-x", ...
}

// count is the findings that call for a change to the table or a look at
// the response; information does not count.
func (f *findings) count() int {
	return len(f.missing) + len(f.gone) + len(f.listedClosed) + len(f.differ) + len(f.refused)
}

// compare holds the table against the entries of a response. It refuses
// a list far shorter than the table's public cloud, which would otherwise
// read as every region closed.
func compare(t *table.Table, entries []entry) (*findings, error) {
	f := &findings{}
	hosts := tableHosts(t)
	byID := map[string]*table.Region{}
	for i := range t.Regions {
		r := &t.Regions[i]
		byID[r.ID] = r
		if r.Cloud == table.CloudPublic {
			f.public++
			if r.Status != table.StatusDecommissioned {
				f.inUse++
			}
		}
	}
	seen := map[string]int{} // ID -> line
	listedInUse := 0         // table regions in service that the response lists
	unread := map[string]bool{}
	for _, e := range entries {
		if len(e.repeated) > 0 {
			f.refused = append(f.refused, refusal{e.line, "RegionInfo", e.Region, "gives " + strings.Join(e.repeated, ", ") + " more than once, so it is ambiguous"})
			for _, id := range e.regions {
				unread[id] = true // listed, perhaps: not a closure candidate
			}
			continue
		}
		if e.Region == "" {
			f.refused = append(f.refused, refusal{e.line, "Region", "", "is missing"})
			continue
		}
		if t.Regionless != "" && e.Region+".aliyuncs.com" == t.Regionless {
			f.regionless = true
			continue
		}
		if msg := table.RegionIDProblem(e.Region); msg != "" {
			f.refused = append(f.refused, refusal{e.line, "Region", e.Region, msg})
			continue
		}
		if first, dup := seen[e.Region]; dup {
			f.refused = append(f.refused, refusal{e.line, "Region", e.Region, fmt.Sprintf("is listed twice; first at line %d", first)})
			continue
		}
		seen[e.Region] = e.line
		r, known := byID[e.Region]
		own := ""
		if known {
			own = r.ID
		}
		public, publicOK := f.host(e, "InternetEndpoint", e.InternetEndpoint, hosts, own)
		internal, internalOK := f.host(e, "InternalEndpoint", e.InternalEndpoint, hosts, own)
		f.accelerate(t, e)
		switch {
		case !known:
			if publicOK && internalOK {
				if msg := patternProblem(e.Region, public, internal); msg != "" {
					f.refused = append(f.refused, refusal{e.line, "RegionInfo of " + e.Region, e.Region, msg})
					continue
				}
				f.missing = append(f.missing, newRegion{e.Region, public, internal})
			}
		case r.Cloud != table.CloudPublic:
			// Reported with the other clouds below.
		case r.Status == table.StatusDecommissioned:
			since := ""
			if r.StatusDate != "" {
				since = " since " + r.StatusDate
			}
			f.listedClosed = append(f.listedClosed, fmt.Sprintf("`%s` %s, decommissioned%s: the service lists it again; check the documentation before changing `status`.", r.ID, r.Name, since))
		default:
			listedInUse++
			for _, d := range [][3]string{{"public", r.Public, public}, {"internal", r.Internal, internal}} {
				if d[2] != "" && d[1] != d[2] {
					f.differ = append(f.differ, fmt.Sprintf("`%s` %s: `%s` (table) → `%s` (service)", r.ID, d[0], d[1], d[2]))
				}
			}
		}
	}
	f.listed = len(seen)
	// Judged by the regions of the table that it lists, so that a list of
	// made-up regions does not pass for the service's.
	if listedInUse*2 <= f.inUse && f.inUse > 0 {
		return nil, fmt.Errorf("the response lists %d of the table's %d public-cloud regions in service: too few to be the whole list (a response for one region, a cut one, or not the service's?); nothing is taken as closed",
			listedInUse, f.inUse)
	}
	for i := range t.Regions {
		r := &t.Regions[i]
		_, listed := seen[r.ID]
		switch {
		case r.Cloud != table.CloudPublic:
			f.otherClouds = append(f.otherClouds, fmt.Sprintf("`%s` %s (%s cloud), %s", r.ID, r.Name, r.Cloud, map[bool]string{false: "not listed by the service", true: "listed by the service"}[listed]))
		case !listed && !unread[r.ID] && r.Status != table.StatusDecommissioned:
			next := " (or `status: decommissioning` with the day it began, while it still serves)"
			if r.Status == table.StatusDecommissioning {
				next = ""
			}
			f.gone = append(f.gone, fmt.Sprintf("`%s` %s, %s: a closure candidate. When the documentation confirms it, set `status: decommissioned` and `status_date:` the day OSS closed it%s.", r.ID, r.Name, r.Status, next))
		}
	}
	sort.Slice(f.refused, func(i, j int) bool { return f.refused[i].line < f.refused[j].line })
	return f, nil
}

// tableHosts maps every host of the table to what it is, for the check
// that a response does not give one region's host to another.
func tableHosts(t *table.Table) map[string]string {
	m := map[string]string{
		t.DefaultPublic: "the default endpoint", t.DefaultInternal: "the default internal endpoint",
		t.GlobalAccelerate: "the global accelerate endpoint", t.OverseasAccelerate: "the overseas accelerate endpoint",
	}
	if t.Regionless != "" {
		m[t.Regionless] = "the regionless endpoint"
	}
	for _, r := range t.Regions {
		for _, h := range r.Hosts() {
			m[h.Name] = r.ID
		}
	}
	return m
}

// patternProblem says why a new region's endpoints are not the usual
// oss-<id>.aliyuncs.com and oss-<id>-internal.aliyuncs.com, or "": a block
// is proposed only for those; anything else is a matter for the
// documentation.
func patternProblem(id, public, internal string) string {
	if public != id+".aliyuncs.com" || internal != id+"-internal.aliyuncs.com" {
		return fmt.Sprintf("lists endpoints %s and %s, not the usual %s.aliyuncs.com and %s-internal.aliyuncs.com; check them against the documentation before adding the region", public, internal, id, id)
	}
	return ""
}

// host checks one endpoint of an entry with the table's own host rules,
// and that the table does not give it to another region or to no region
// (own is the entry's region where the table has it). A host that fails
// is refused, never compared or proposed.
func (f *findings) host(e entry, field, h string, hosts map[string]string, own string) (string, bool) {
	owner, used := hosts[h]
	why := table.EndpointProblem(h)
	switch {
	case h == "":
		why = "is missing"
	case why == "" && used && owner != own:
		why = "is already " + owner + " in the table"
	case why == "":
		return h, true
	}
	f.refused = append(f.refused, refusal{e.line, field + " of " + e.Region, h, why})
	return "", false
}

// accelerate notes what an entry says of transfer acceleration. The API
// documents AccelerateEndpoint as the same for every region, so it is
// information, never drift.
func (f *findings) accelerate(t *table.Table, e entry) {
	switch {
	case e.AccelerateEndpoint == "":
	case e.AccelerateEndpoint != t.GlobalAccelerate:
		if table.EndpointProblem(e.AccelerateEndpoint) != "" {
			f.refused = append(f.refused, refusal{e.line, "AccelerateEndpoint of " + e.Region, e.AccelerateEndpoint, table.EndpointProblem(e.AccelerateEndpoint)})
			return
		}
		f.accelOther = append(f.accelOther, fmt.Sprintf("`%s`: `%s`", e.Region, e.AccelerateEndpoint))
	default:
		for i := range t.Regions {
			if r := &t.Regions[i]; r.ID == e.Region && r.AccelerateNotStated {
				f.accelNotStated = append(f.accelNotStated, r.ID)
			}
		}
	}
}

// markdown is the report: the verdict, a section per kind of drift, then
// the information. Response values pass the table's checks or are quoted.
func (f *findings) markdown(t *table.Table, source string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	verdict := "The table agrees with the service."
	if n := f.count(); n > 0 {
		verdict = "The table has drifted: " + count(n, "finding", "findings") + "."
	}
	head(&b, "Drift check", t, fmt.Sprintf("%s. The service lists %d regions; the table has %d public-cloud regions, %d of them in service.",
		source, f.listed, f.public, f.inUse), verdict)
	if len(f.missing) > 0 {
		p("\n## Regions the service lists that the table lacks (%d)\n", len(f.missing))
		p("\nAdd each block to `regions.yaml` and fill in what DescribeRegions does not give, from the documentation (\"Regions and endpoints\"); the generator refuses a block until then.\n")
		for _, n := range f.missing {
			p("\n### `%s`\n\n```yaml\n%s```\n", n.id, yamlBlock(n))
		}
	}
	section(&b, fmt.Sprintf("Regions in service that the service no longer lists (%d)", len(f.gone)), "", f.gone)
	section(&b, fmt.Sprintf("Regions the table calls decommissioned that the service lists (%d)", len(f.listedClosed)), "", f.listedClosed)
	section(&b, fmt.Sprintf("Endpoints that differ (%d)", len(f.differ)), "", f.differ)
	section(&b, fmt.Sprintf("Entries not taken (%d)", len(f.refused)), "Values of the response that break the table's own rules; they are neither compared nor proposed.\n\n", mapList(f.refused, func(r refusal) string {
		// Everything here may come from the response: made inert, so that
		// no Markdown or HTML in it renders.
		return fmt.Sprintf("response line %d: %s", r.line, inert(r.what+" "+quote(r.val)+" "+r.why))
	}))
	if len(f.accelNotStated)+len(f.accelOther) > 0 {
		p("\n## Transfer acceleration (information, not drift)\n\n")
		if n := len(f.accelNotStated); n > 0 {
			p("- The service gives `%s` for %d %s whose acceleration the table marks \"not stated\": `%s`. DescribeRegions documents this value as the same for every region, so it does not show whether a region offers acceleration.\n",
				t.GlobalAccelerate, n, plural(n, "region", "regions"), strings.Join(f.accelNotStated, "`, `"))
		}
		for _, a := range f.accelOther {
			p("- An accelerate endpoint other than the table's `%s`: %s.\n", t.GlobalAccelerate, a)
		}
	}
	if f.regionless {
		p("\n## The regionless endpoint (information, not drift)\n\n- The service lists `%s`, which the table has as the endpoint of buckets without a region attribute, not as a region.\n", t.Regionless)
	}
	section(&b, fmt.Sprintf("Not checked (%d)", len(f.otherClouds)), "DescribeRegions covers the public cloud; these rows rest on the documentation alone.\n\n", f.otherClouds)
	return b.String()
}

// yamlBlock is the regions.yaml entry for a region the table lacks: the
// values DescribeRegions gives, and every required field it cannot give
// left as a comment, so that the generator refuses the block as it is.
func yamlBlock(n newRegion) string {
	return fmt.Sprintf(`  # Sources: DescribeRegions (ID and endpoints); name, mainland flag and VIP ranges from the documentation.
  - id: %s
    # name: the display name, from the documentation
    # mainland_china: true or false
    endpoints:
      public: %s
      internal: %s
      # The internal endpoint serves VPCs as well (OSS SDK documentation).
      vpc: %s
    accelerate: not stated
    # vip_ranges: the published VIP ranges, or ticket
    # sources: [the keys of the documents that list it]
    # confidence: high, medium or low, where one document does
`, n.id, n.public, n.internal, n.internal)
}
