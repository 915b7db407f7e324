package table

// Host is a region's host and the kind ParseEndpoint reads it as ("public", "vpc", ...).
type Host struct{ Name, Kind string }

// Hosts are the region's hosts, each once, in the order of package regions' Region.Hosts.
func (r *Region) Hosts() []Host {
	hs := []Host{{r.Public, "public"}, {r.Internal, "internal"}}
	for _, h := range r.InternalExtra {
		hs = append(hs, Host{h, "internal"})
	}
	if r.VPC != r.Internal {
		hs = append(hs, Host{r.VPC, "vpc"})
	}
	if r.DualStack != "" {
		hs = append(hs, Host{r.DualStack, "dual-stack"})
	}
	return hs
}
