package regions

import "strconv"

// Cloud is the cloud a region belongs to, what AWS calls a partition: the
// public cloud, or the finance or government cloud, which have networks
// and hosts of their own. The zero value is not a valid Cloud.
type Cloud uint8

// String returns the cloud's name, such as "public", or "Cloud(N)" for an
// invalid cloud.
func (c Cloud) String() string {
	if c == 0 || int(c) >= len(genCloudNames) {
		return "Cloud(" + strconv.Itoa(int(c)) + ")"
	}
	return genCloudNames[c]
}

// MarshalText encodes c as its String form, and the zero Cloud as "", so
// that a zero-valued field can be written; any other invalid cloud is an
// error.
func (c Cloud) MarshalText() ([]byte, error) {
	if int(c) >= len(genCloudNames) {
		return nil, newError("Cloud.MarshalText", c.String(), ErrInvalidCloud, "")
	}
	return []byte(genCloudNames[c]), nil
}

// UnmarshalText decodes a cloud's String form, in any case, ignoring
// surrounding ASCII white space; empty text is the zero Cloud.
func (c *Cloud) UnmarshalText(text []byte) error {
	if i, ok := indexFold(genCloudNames[:], text); ok {
		*c = Cloud(i)
		return nil
	}
	return newError("Cloud.UnmarshalText", string(text[:min(len(text), maxErrorInput+1)]), ErrInvalidCloud, wantOneOf(genCloudNames[1:]))
}

// Cloud returns the cloud the region belongs to, or 0 for an unknown
// region.
func (r Region) Cloud() Cloud {
	if in := lookupInfo(r); in != nil {
		return in.cloud
	}
	return 0
}
