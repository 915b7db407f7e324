package regions

import "strconv"

// Status is where a region is in its lifecycle.
type Status uint8

// The lifecycle states of a region. Constants of regions that are not
// Active carry a Deprecated notice.
const (
	// Active regions are in service.
	Active Status = iota + 1
	// Decommissioning regions still serve requests but are being retired.
	Decommissioning
	// Decommissioned regions no longer serve requests.
	Decommissioned
)

// statusNames is indexed by Status; index 0 is the invalid zero value.
var statusNames = [...]string{"", "active", "decommissioning", "decommissioned"}

// String returns "active", "decommissioning" or "decommissioned", or
// "Status(N)" for an invalid status.
func (s Status) String() string {
	if s < Active || s > Decommissioned {
		return "Status(" + strconv.Itoa(int(s)) + ")"
	}
	return statusNames[s]
}

// MarshalText encodes s as its String form, and the zero Status as "", so
// that a zero-valued field can be written; any other invalid status is an
// error.
func (s Status) MarshalText() ([]byte, error) {
	if s > Decommissioned {
		return nil, newError("Status.MarshalText", s.String(), ErrInvalidStatus, "")
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText decodes a status's String form, in any case, ignoring
// surrounding ASCII white space; empty text is the zero Status.
func (s *Status) UnmarshalText(text []byte) error {
	if i, ok := indexFold(statusNames[:], text); ok {
		*s = Status(i)
		return nil
	}
	return newError("Status.UnmarshalText", string(text[:min(len(text), maxErrorInput+1)]), ErrInvalidStatus,
		"want one of active, decommissioning, decommissioned")
}
