package table

// Host is one host of a region with the kind ParseEndpoint reads it as:
// "public", "internal", "vpc" or "dual-stack".
type Host struct{ Name, Kind string }

// Hosts are the region's hosts in the order package regions' Region.Hosts
// lists them, each once: public, internal, the extra internal ones, VPC
// where it is not the internal host (ParseEndpoint reads that one as
// internal), and dual-stack where there is one.
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
