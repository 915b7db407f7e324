package regions

import "bytes"

// Family is a family of OSS hosts. The table lists the hosts of the
// Buckets family, the usual endpoints; the others are named by their
// form, which their sources give, and ParseEndpoint reads the region in
// them as it does in a regional endpoint.
type Family uint8

// The families of OSS hosts that ParseEndpoint reads.
const (
	// Buckets, the zero value, is the family of the table's endpoints:
	// public, internal, VPC, dual-stack, accelerate, S3-compatible.
	Buckets Family = iota
	// AccessPoints are the hosts of access points, as GetAccessPoint
	// returns them (OSS Go SDK v2, oss/api_op_accesspoint.go):
	// <access point name>.oss-<id>.oss-accesspoint.aliyuncs.com and
	// <name>.oss-<id>-internal.oss-accesspoint.aliyuncs.com (the SDK's
	// GetAccessPoint test: access point ap-01, endpoint
	// ap-01.oss-cn-hangzhou.oss-accesspoint.aliyuncs.com). Kind is Public
	// or Internal; Bucket is the name label.
	AccessPoints
	// ObjectProcess are the hosts of Object FC access points
	// (GetAccessPointForObjectProcess, OSS Go SDK v2,
	// oss/api_op_bucket_objectfcaccesspoint.go):
	// <alias>.oss-<id>[-internal].oss-object-process.aliyuncs.com.
	ObjectProcess
	// HDFS is OSS-HDFS (JindoFS), <id>.oss-dls.aliyuncs.com with a bucket
	// in front (OSS documentation, "OSS-HDFS" endpoints). Kind is Public.
	HDFS
	// Vectors are the hosts of vector buckets, <id>.oss-vectors.aliyuncs.com
	// and <id>-internal.oss-vectors.aliyuncs.com (OSS Go SDK v2,
	// oss/vectors/client.go), with <bucket>-<account ID> in front
	// (oss/vectors/endpoints.go): Bucket holds that label as it is.
	Vectors
)

var familyNames = [...]string{"buckets", "access-points", "object-process", "hdfs", "vectors"}

// String returns the family's name ("buckets", "access-points",
// "object-process", "hdfs", "vectors"), or "" for an invalid one.
func (f Family) String() string {
	if int(f) < len(familyNames) {
		return familyNames[f]
	}
	return ""
}

// familyOf returns the family whose domain label, in front of
// aliyuncs.com, is label, or Buckets.
func familyOf(label []byte) Family {
	switch string(label) {
	case "oss-accesspoint":
		return AccessPoints
	case "oss-object-process":
		return ObjectProcess
	case "oss-dls":
		return HDFS
	case "oss-vectors":
		return Vectors
	}
	return Buckets
}

// matchFamily sets e for the host of family f, given in lower case and as
// written (host), without the label in front that endpointStart found:
// <region label>.<family domain>. It returns why it is not such a host,
// and the region meant where a misspelt ID names one.
func matchFamily(e *Endpoint, f Family, lower []byte, host string) (string, Region) {
	dot := bytes.IndexByte(lower, '.')
	label := lower[:max(dot, 0)]
	id, internal := label, false
	if n := len(id) - len("-internal"); n > 0 && string(id[n:]) == "-internal" {
		id, internal = id[:n], true
	}
	var prefixed bool // the region label is oss-<id>
	if f == AccessPoints || f == ObjectProcess {
		id, prefixed = bytes.CutPrefix(id, []byte("oss-"))
	}
	if (f == AccessPoints || f == ObjectProcess) != prefixed || f == HDFS && internal {
		return "host " + quote(host) + " is not an OSS endpoint: its form is not that of the " + f.String() + " family", ""
	}
	in := lookupCloudID(id)
	if in == nil {
		if !isCloudID(id) || regionlessID(id) || len(label) > maxLabelLen {
			return "host " + quote(host) + " is not an OSS endpoint: " + quote(string(label)) + " names no region", ""
		}
		// A typo, or an alias, which names no host.
		if r, typo, _ := misspelt(id); typo {
			return typoReason(lower, id, r, ""), r
		}
	}
	e.Family, e.Kind, e.Host = f, Public, lowerOf(lower, host)
	if internal {
		e.Kind = Internal
	}
	if in != nil {
		e.Region = in.id
	} else {
		// A region newer than the table, taken on trust.
		e.Region = Region("oss-" + string(id))
	}
	return "", ""
}
