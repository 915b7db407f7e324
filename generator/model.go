package main

import "net/netip"

// Table is the validated region table: everything emission needs, checked.
// Emission reads only a Table, never raw input.
type Table struct {
	Version string // semantic version, without "v"
	Source  string // where the data came from
	SHA256  string // hex SHA-256 of the input file

	DefaultRegion      string // region ID the default endpoints map to
	DefaultPublic      string
	DefaultInternal    string
	GlobalAccelerate   string
	OverseasAccelerate string

	Notes   []string
	Regions []Region // in table order
}

// Region is one checked row of the table.
type Region struct {
	ID      string // "oss-cn-hangzhou"
	CloudID string // "cn-hangzhou"
	GoName  string // "CNHangzhou"
	Name    string // "China (Hangzhou)"

	MainlandChina bool
	Status        string // "active", "decommissioning" or "decommissioned"

	Public, Internal, VPC string
	Irregular             bool // endpoints break the oss-<id>[-internal] pattern
	Accelerate            bool

	VIPByTicket bool           // ranges are published only by ticket
	VIP         []netip.Prefix // canonical, in table order
}

// Lifecycle states, as written in the YAML.
const (
	statusActive          = "active"
	statusDecommissioning = "decommissioning"
	statusDecommissioned  = "decommissioned"
)

// region returns the region with the given ID, or nil.
func (t *Table) region(id string) *Region {
	for i := range t.Regions {
		if t.Regions[i].ID == id {
			return &t.Regions[i]
		}
	}
	return nil
}
