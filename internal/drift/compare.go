package main

import (
	"fmt"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// driftFindings is what the comparison found: sections of report lines, in
// table order or, for what the table lacks, in response order.
type driftFindings struct {
	listed, public, inUse                                int // valid IDs listed; the table's public-cloud rows, those in service
	missing, gone, closed, differ, refused, info, others section
	accelNotStated                                       []string
}

// compare holds the table against the entries of a response. It refuses
// a list far shorter than the table's public cloud, which would otherwise
// read as every region closed.
func compare(t *table.Table, entries []entry) (*driftFindings, error) {
	f := &driftFindings{
		missing: section{heading: "Regions the service lists that the table lacks (%d)", drift: true, blocks: true,
			intro: "Add each block to `regions.yaml` and fill in what DescribeRegions does not give, from the documentation (\"Regions and endpoints\"); the generator refuses a block until then.\n"},
		gone:   section{heading: "Regions in service that the service no longer lists (%d)", drift: true},
		closed: section{heading: "Regions the table calls decommissioned that the service lists (%d)", drift: true},
		differ: section{heading: "Endpoints that differ (%d)", drift: true},
		refused: section{heading: "Entries not taken (%d)", drift: true,
			intro: "Values of the response that break the table's own rules; they are neither compared nor proposed.\n\n"},
		info:   section{heading: "Information, not drift (%d)"},
		others: section{heading: "Not checked (%d)", intro: "DescribeRegions covers the public cloud; these rows rest on the documentation alone.\n\n"},
	}
	hosts := map[string]table.TableHost{} // for the check that a response does not give one region's host to another
	for _, h := range t.AllHosts() {
		hosts[h.Name] = h
	}
	for _, r := range t.Regions {
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
	regionless := false
	for _, e := range entries {
		// Everything refused may come from the response: made inert, so
		// that no Markdown or HTML in it renders.
		refuse := func(what, val, why string) {
			f.refused.add("response line %d: %s", e.line, inert(what+" "+quote(val)+" "+why))
		}
		r := t.RegionByID(e.Region)
		known := r != nil
		switch {
		case len(e.repeated) > 0:
			refuse("RegionInfo", e.Region, "gives "+strings.Join(e.repeated, ", ")+" more than once, so it is ambiguous")
			for _, id := range e.regions {
				unread[id] = true // listed, perhaps: not a closure candidate
			}
			continue
		case e.Region == "":
			refuse("Region", "", "is missing")
			continue
		case t.Regionless != "" && e.Region+".aliyuncs.com" == t.Regionless:
			if !regionless {
				f.info.add("The service lists `%s`, which the table has as the endpoint of buckets without a region attribute, not as a region.", t.Regionless)
			}
			regionless = true
			continue
		case table.RegionIDProblem(e.Region) != "":
			refuse("Region", e.Region, table.RegionIDProblem(e.Region))
			continue
		case seen[e.Region] > 0:
			refuse("Region", e.Region, fmt.Sprintf("is listed twice; first at line %d", seen[e.Region]))
			continue
		}
		seen[e.Region] = e.line
		// A host that breaks the table's rules, or is another's in the
		// table, is refused, never compared or proposed.
		host := func(field, h string) string {
			owner, used := hosts[h]
			why := table.EndpointProblem(h)
			switch {
			case h == "":
				why = "is missing"
			case why == "" && used && owner.Kind == "":
				why = "is already the " + owner.Role + " in the table"
			case why == "" && used && owner.Region != r:
				why = "is already " + owner.Region.ID + " in the table"
			case why == "":
				return h
			}
			refuse(field+" of "+e.Region, h, why)
			return ""
		}
		public, internal := host("InternetEndpoint", e.InternetEndpoint), host("InternalEndpoint", e.InternalEndpoint)
		// The API documents AccelerateEndpoint as the same for every
		// region: information, never drift.
		switch a := e.AccelerateEndpoint; {
		case a == "":
		case table.EndpointProblem(a) != "":
			refuse("AccelerateEndpoint of "+e.Region, a, table.EndpointProblem(a))
		case a != t.GlobalAccelerate:
			f.info.add("An accelerate endpoint other than the table's `%s`: `%s`: `%s`.", t.GlobalAccelerate, e.Region, a)
		case known && r.AccelerateNotStated:
			f.accelNotStated = append(f.accelNotStated, r.ID)
		}
		switch {
		case !known && public != "" && internal != "":
			// A block is proposed only for the usual pattern; anything
			// else is a matter for the documentation.
			if public != e.Region+".aliyuncs.com" || internal != e.Region+"-internal.aliyuncs.com" {
				refuse("RegionInfo of "+e.Region, e.Region, fmt.Sprintf("lists endpoints %s and %s, not the usual %s.aliyuncs.com and %s-internal.aliyuncs.com; check them against the documentation before adding the region", public, internal, e.Region, e.Region))
				continue
			}
			f.missing.add("`%s`\n\n```yaml\n%s```\n", e.Region, yamlBlock(e.Region, public, internal, "DescribeRegions (ID and endpoints);", ""))
		case !known || r.Cloud != table.CloudPublic: // the other clouds: below
		case r.Status == table.StatusDecommissioned:
			since := ""
			if r.StatusDate != "" {
				since = " since " + r.StatusDate
			}
			f.closed.add("`%s` %s, decommissioned%s: the service lists it again; check the documentation before changing `status`.", r.ID, r.Name, since)
		default:
			listedInUse++
			for _, d := range [][3]string{{"public", r.Public, public}, {"internal", r.Internal, internal}} {
				if d[2] != "" && d[1] != d[2] {
					f.differ.add("`%s` %s: `%s` (table) → `%s` (service)", r.ID, d[0], d[1], d[2])
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
	if n := len(f.accelNotStated); n > 0 {
		f.info.add("The service gives `%s` for %s whose acceleration the table marks \"not stated\": `%s`. DescribeRegions documents this value as the same for every region, so it does not show whether a region offers acceleration.",
			t.GlobalAccelerate, count(n, "region", "regions"), strings.Join(f.accelNotStated, "`, `"))
	}
	for i := range t.Regions {
		r := &t.Regions[i]
		_, listed := seen[r.ID]
		switch {
		case r.Cloud != table.CloudPublic:
			f.others.add("`%s` %s (%s cloud), %s", r.ID, r.Name, r.Cloud, map[bool]string{false: "not listed by the service", true: "listed by the service"}[listed])
		case !listed && !unread[r.ID] && r.Status != table.StatusDecommissioned:
			next := " (or `status: decommissioning` with the day it began, while it still serves)"
			if r.Status == table.StatusDecommissioning {
				next = ""
			}
			f.gone.add("`%s` %s, %s: a closure candidate. When the documentation confirms it, set `status: decommissioned` and `status_date:` the day OSS closed it%s.", r.ID, r.Name, r.Status, next)
		}
	}
	return f, nil
}

func (f *driftFindings) sections() []*section {
	return []*section{&f.missing, &f.gone, &f.closed, &f.differ, &f.refused, &f.info, &f.others}
}

// yamlBlock is the regions.yaml entry for a region the table lacks: the
// values a check saw (from says where), and every required field it
// cannot give left as a comment, so that the generator refuses it as is.
func yamlBlock(id, public, internal, from, nameNote string) string {
	return fmt.Sprintf(`  # Sources: %s name, mainland flag and VIP ranges from the documentation.
  - id: %s
    # name: the display name, from the documentation%s
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
`, from, id, nameNote, public, internal, internal)
}
