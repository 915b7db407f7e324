package main

import (
	"fmt"
	"sort"

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

// drifted reports whether anything calls for a change to the table or a
// look at the response; the information sections do not.
func (f *findings) drifted() bool {
	return len(f.missing)+len(f.gone)+len(f.listedClosed)+len(f.differ)+len(f.refused) > 0
}

// count is the number of findings that make the table drifted.
func (f *findings) count() int {
	return len(f.missing) + len(f.gone) + len(f.listedClosed) + len(f.differ) + len(f.refused)
}

// compare holds the table against the entries of a response. It refuses
// a list far shorter than the table's public cloud, which would otherwise
// read as every region closed.
func compare(t *table.Table, entries []entry) (*findings, error) {
	f := &findings{}
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
	for _, e := range entries {
		if msg := table.RegionIDProblem(e.Region); msg != "" {
			f.refused = append(f.refused, refusal{e.line, "Region", e.Region, msg})
			continue
		}
		if first, dup := seen[e.Region]; dup {
			f.refused = append(f.refused, refusal{e.line, "Region", e.Region, fmt.Sprintf("is listed twice; first at line %d", first)})
			continue
		}
		seen[e.Region] = e.line
		public, publicOK := f.host(e, "InternetEndpoint", e.InternetEndpoint)
		internal, internalOK := f.host(e, "InternalEndpoint", e.InternalEndpoint)
		f.accelerate(t, e)
		r, known := byID[e.Region]
		switch {
		case !known:
			if publicOK && internalOK {
				f.missing = append(f.missing, newRegion{e.Region, public, internal})
			}
		case r.Cloud != table.CloudPublic:
			// Reported with the other clouds below.
		case r.Status == table.StatusDecommissioned:
			f.listedClosed = append(f.listedClosed, r)
		default:
			if publicOK && public != r.Public {
				f.differ = append(f.differ, endpointDiff{r.ID, "public", r.Public, public})
			}
			if internalOK && internal != r.Internal {
				f.differ = append(f.differ, endpointDiff{r.ID, "internal", r.Internal, internal})
			}
		}
	}
	f.listed = len(seen)
	if f.listed*2 < f.inUse {
		return nil, fmt.Errorf("the response lists %d %s where the table has %d public-cloud regions in service: too few to be the whole list (a response for one region, or a cut one?); nothing is taken as closed",
			f.listed, plural(f.listed, "region", "regions"), f.inUse)
	}
	for i := range t.Regions {
		r := &t.Regions[i]
		_, listed := seen[r.ID]
		switch {
		case r.Cloud != table.CloudPublic:
			f.otherClouds = append(f.otherClouds, otherCloud{r, listed})
		case !listed && r.Status != table.StatusDecommissioned:
			f.gone = append(f.gone, r)
		}
	}
	sort.Slice(f.refused, func(i, j int) bool { return f.refused[i].line < f.refused[j].line })
	return f, nil
}

// host checks one endpoint of an entry with the table's own host rules;
// a host that breaks them is refused, never compared or proposed.
func (f *findings) host(e entry, field, h string) (string, bool) {
	if h == "" {
		f.refused = append(f.refused, refusal{e.line, field + " of " + e.Region, h, "is missing"})
		return "", false
	}
	if msg := table.EndpointProblem(h); msg != "" {
		f.refused = append(f.refused, refusal{e.line, field + " of " + e.Region, h, msg})
		return "", false
	}
	return h, true
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
