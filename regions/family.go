package regions

import "bytes"

// Family is a family of OSS hosts. Buckets, the zero value, is the family
// of the table's endpoints; the others, generated from the families of
// regions.yaml, are named by their host forms, and ParseEndpoint reads the
// region in them as it does in a regional endpoint. Bucket holds the label
// in front of such a host as it is (an access point's name, a vector
// bucket's bucket-account label).
type Family uint8

// Buckets is the zero Family: the family of the table's endpoints:
// public, internal, VPC, dual-stack, accelerate, S3-compatible.
const Buckets Family = 0

// String returns the family's name ("buckets", "access-points", ...), or
// "" for an invalid one.
func (f Family) String() string {
	if int(f) < len(genFamilyNames) {
		return genFamilyNames[f]
	}
	return ""
}

// hostForm is one host form of a family, split by the generator from its
// template in regions.yaml: [bucket.][cloudbox.]<prefix><id>[-internal]<domain>.
type hostForm struct {
	family   Family
	domain   string // what follows the region label, with its dot: ".oss-dls.aliyuncs.com"
	prefix   string // what the region label holds before the ID: "oss-" or ""
	bucket   bool   // a bucket label may stand in front
	cloudBox bool   // a CloudBox ID label stands before the region label
	zone     bool   // the region label holds a zone ID (cn-beijing-h), not a region ID
	internal bool   // the region label may end in -internal
}

// baseDomain is a family's domain that is no endpoint, such as
// oss-data-acc.aliyuncs.com.
type baseDomain struct {
	host   string
	family Family
}

// formOf returns the form whose domain and region-label prefix the
// lower-case host h has, and where its region label begins, or else a form
// whose domain, of its own, h has (its region label then lacks the prefix),
// or nil.
func formOf(h []byte) (*hostForm, int) {
	var near *hostForm
	for i := range genHostForms {
		f := &genHostForms[i]
		rest, ok := bytes.CutSuffix(h, []byte(f.domain))
		label := bytes.LastIndexByte(rest, '.') + 1
		switch {
		case !ok || len(rest) == 0:
		case len(rest) > label+len(f.prefix) && bytes.HasPrefix(rest[label:], []byte(f.prefix)):
			return f, label
		case near == nil && f.domain != genOSSDomain:
			near = f
		}
	}
	return near, -1
}

// baseDomainOf returns the family whose base domain, or the domain of
// one of whose forms, h is.
func baseDomainOf(h []byte) (Family, bool) {
	for _, b := range genBaseDomains {
		if string(h) == b.host {
			return b.family, true
		}
	}
	for i := range genHostForms {
		if f := &genHostForms[i]; string(h) == f.domain[1:] {
			return f.family, true
		}
	}
	return Buckets, false
}

// matchForm sets e for the host of form f, given in lower case and as
// written (host), whose region label begins at label (-1: it lacks the
// form's prefix).
func matchForm(e *Endpoint, f *hostForm, lower []byte, host string, label int) (int, string, Region) {
	if label < 0 {
		return 0, "its form is not that of the " + f.family.String() + " family", ""
	}
	id := lower[label+len(f.prefix) : len(lower)-len(f.domain)]
	internal := false
	if f.internal {
		id, internal = bytes.CutSuffix(id, []byte("-internal"))
	}
	start, why := label, ""
	if n := len(id); f.zone {
		// A zone ID is its region's ID and a letter: cn-beijing-h.
		if n < 3 || id[n-2] != '-' || id[n-1] < 'a' || id[n-1] > 'z' {
			why = "no zone ID"
		}
		id = id[:max(n-2, 0)]
	}
	masked := Region("")
	if f.cloudBox {
		before := lower[:max(label-1, 0)]
		start = bytes.LastIndexByte(before, '.') + 1
		switch cb := before[start:]; {
		case bytes.IndexByte(cb, '*') >= 0:
			why = "a masked CloudBox ID (*)"
			if in := lookupCloudID(id); in != nil {
				masked = in.id
			}
		case cloudBoxID(id):
			why = "no region label"
		case !cloudBoxID(cb):
			why = "no CloudBox ID (cb-...)"
		}
	}
	if start > 0 && !f.bucket {
		why = "a label its form lacks"
	}
	in := lookupCloudID(id)
	if why == "" && in == nil {
		if v := doubt(id); !v.newer() {
			reason, r := doubtReason(v, 0)
			return 0, reason, r
		}
	}
	if why != "" {
		return 0, f.family.String() + " host with " + why, masked
	}
	e.Family, e.Kind, e.Host = f.family, Public, lowerOf(lower[start:], host[start:])
	if internal {
		e.Kind = Internal
	}
	if f.cloudBox {
		e.CloudBox = e.Host[:label-1-start]
	}
	if in != nil {
		e.Region = in.id
	} else {
		e.Region = Region("oss-" + string(id)) // a region newer than the table, taken on trust
	}
	return start, "", ""
}

// cloudBoxID reports whether label is a CloudBox ID: cb- and lower-case
// letters and digits.
func cloudBoxID(label []byte) bool {
	rest, ok := bytes.CutPrefix(label, []byte("cb-"))
	if !ok || len(rest) == 0 {
		return false
	}
	for _, c := range rest {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// isFamilyHost reports whether the lower-case host h is a family's base
// domain, the domain of one of its forms, or a host of one of its forms:
// none of these is a region newer than the table.
func isFamilyHost(h []byte) bool {
	if _, ok := baseDomainOf(h); ok {
		return true
	}
	f, _ := formOf(h)
	return f != nil
}
