package regions

import "strconv"

// Cloud is the cloud a region belongs to, what AWS calls a partition: the
// public cloud, or the finance or government cloud, which have networks
// and hosts of their own. The zero value is not a valid Cloud.
type Cloud uint8

// The clouds a region can belong to.
const (
	// CloudPublic is Alibaba Cloud's public cloud, whose regions the
	// DescribeRegions API lists.
	CloudPublic Cloud = iota + 1
	// CloudFinance is the finance cloud, for financial institutions in
	// mainland China.
	CloudFinance
	// CloudGovernment is the government cloud.
	CloudGovernment
)

// cloudNames is indexed by Cloud; index 0 is the invalid zero value.
var cloudNames = [...]string{"", "public", "finance", "government"}

// String returns "public", "finance" or "government", or "Cloud(N)" for an
// invalid cloud.
func (c Cloud) String() string {
	if c < CloudPublic || c > CloudGovernment {
		return "Cloud(" + strconv.Itoa(int(c)) + ")"
	}
	return cloudNames[c]
}

// MarshalText encodes c as its String form, and the zero Cloud as "", so
// that a zero-valued field can be written; any other invalid cloud is an
// error.
func (c Cloud) MarshalText() ([]byte, error) {
	if c > CloudGovernment {
		return nil, newError("Cloud.MarshalText", c.String(), ErrInvalidCloud, "")
	}
	return []byte(cloudNames[c]), nil
}

// UnmarshalText decodes a cloud's String form, in any case, ignoring
// surrounding ASCII white space; empty text is the zero Cloud.
func (c *Cloud) UnmarshalText(text []byte) error {
	if i, ok := indexFold(cloudNames[:], text); ok {
		*c = Cloud(i)
		return nil
	}
	return newError("Cloud.UnmarshalText", string(text[:min(len(text), maxErrorInput+1)]), ErrInvalidCloud,
		"want one of public, finance, government")
}

// Cloud returns the cloud the region belongs to, or 0 for an unknown
// region.
func (r Region) Cloud() Cloud {
	if in := lookupInfo(r); in != nil {
		return in.cloud
	}
	return 0
}
