package regions

import "strconv"

// Status is where a region is in its lifecycle.
type Status uint8

// String returns the status's name, such as "active", or "Status(N)" for
// an invalid status.
func (s Status) String() string {
	if s == 0 || int(s) >= len(genStatusNames) {
		return "Status(" + strconv.Itoa(int(s)) + ")"
	}
	return genStatusNames[s]
}

// MarshalText encodes s as its String form, and the zero Status as "", so
// that a zero-valued field can be written; any other invalid status is an
// error.
func (s Status) MarshalText() ([]byte, error) {
	if int(s) >= len(genStatusNames) {
		return nil, newError("Status.MarshalText", s.String(), ErrInvalidStatus, "")
	}
	return []byte(genStatusNames[s]), nil
}

// UnmarshalText decodes a status's String form, in any case, ignoring
// surrounding ASCII white space; empty text is the zero Status.
func (s *Status) UnmarshalText(text []byte) error {
	if i, ok := indexFold(genStatusNames[:], text); ok {
		*s = Status(i)
		return nil
	}
	return newError("Status.UnmarshalText", string(text[:min(len(text), maxErrorInput+1)]), ErrInvalidStatus, wantOneOf(genStatusNames[1:]))
}

// wantOneOf is the reason of an error for a name that is none of names;
// it joins them without strings.Join, which would add to every binary.
func wantOneOf(names []string) string {
	want, sep := "want one of", " "
	for _, n := range names {
		want, sep = want+sep+n, ", "
	}
	return want
}

// serviceRank orders the states for suggestions, the most in service
// first; decommissioned and invalid states come last.
func serviceRank(s Status) int {
	if int(s) < len(serviceRanks) {
		return int(serviceRanks[s])
	}
	return 3
}

// serviceRanks is serviceRank's table, indexed by Status.
var serviceRanks = [...]uint8{0: 3, Active: 0, Preview: 1, Decommissioning: 2, Decommissioned: 3}
