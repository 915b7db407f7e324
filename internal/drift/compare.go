package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// findings is what a comparison of the table with the service found, each
// list in table order or, for what the table lacks, in response order.
type findings struct {
	listed         int // distinct valid region IDs in the response
	public, inUse  int // the table's public-cloud rows, and those in service
	missing        []newRegion
	gone           []*table.Region // public, in service, not listed
	listedClosed   []*table.Region // decommissioned, listed
	differ         []endpointDiff
	refused        []refusal
	accelNotStated []string // listed with an accelerate endpoint; the table says not stated
	accelOther     []string // an accelerate endpoint other than the table's
	otherClouds    []otherCloud
	regionless     bool // the service lists the table's regionless endpoint as a region
}

// newRegion is a region the service lists that the table lacks.
type newRegion struct {
	id, public, internal string
}

type endpointDiff struct {
	id, kind, table, service string
}

// refusal is a value of the response that the check does not take.
type refusal struct {
	line int
	what string // "Region", "InternetEndpoint of oss-x", ...
	val  string
	why  string
}

type otherCloud struct {
	r      *table.Region
	listed bool
}

// count is the number of findings that call for a change to the table or
// a look at the response; the information sections do not count.
func (f *findings) count() int {
	return len(f.missing) + len(f.gone) + len(f.listedClosed) + len(f.differ) + len(f.refused)
}

func (f *findings) drifted() bool { return f.count() > 0 }

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
			f.listedClosed = append(f.listedClosed, r)
		default:
			listedInUse++
			if publicOK && public != r.Public {
				f.differ = append(f.differ, endpointDiff{r.ID, "public", r.Public, public})
			}
			if internalOK && internal != r.Internal {
				f.differ = append(f.differ, endpointDiff{r.ID, "internal", r.Internal, internal})
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
			f.otherClouds = append(f.otherClouds, otherCloud{r, listed})
		case !listed && !unread[r.ID] && r.Status != table.StatusDecommissioned:
			f.gone = append(f.gone, r)
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
