// Command dumper prints, as JSON, everything the regions package it is built
// against says about its table. The generator's tests build it against
// generated packages and compare its output with the YAML they came from.
package main

import (
	"encoding/json"
	"errors"
	"net/netip"
	"os"
	"strings"

	"github.com/ossregions/ossregions/regions"
)

type region struct {
	ID, Name, Cloud, Status string
	Partition               string // Region.Cloud(): public, finance or government
	StatusDate              string
	Active                  bool     // listed by AllActive
	Hosts                   []string // every host of the region
	Mainland, Known         bool
	Public, Internal, VPC   string
	DualStack               string // "" where the region has none
	Accelerate, Overseas    string // "" where the region has none
	VIPByTicket             bool
	VIP                     []string
	ParsedID, ParsedCloud   string            // Parse of the ID and the cloud ID
	ParsedHosts             map[string]string // ParseEndpoint of each endpoint, bare and with a bucket
	PatternHost             string            // ParseEndpoint of oss-<id>.aliyuncs.com
	LookupFirst, LookupLast []string          // LookupIP of each range's first and last address
	Aliases                 map[string]string // Parse of each alias that Region.Aliases lists
	AccelerateStated        bool              // Region.Acceleration: whether the table knows
}

type dump struct {
	Version, Source, DataSHA256          string
	DefaultRegion, DefaultEndpoint       string
	DefaultInternalEndpoint              string
	GlobalAccelerate, OverseasAccelerate string
	Regionless                           string
	ParsedTop                            map[string]string // ParseEndpoint of the default and accelerate hosts, bare and with a bucket
	UnknownRefused                       bool              // Parse of an ID no table lists returns ErrUnknownRegion
	Regions                              []region
}

func main() {
	d := dump{
		Version: regions.Version, Source: regions.Source, DataSHA256: regions.DataSHA256,
		DefaultRegion: string(regions.DefaultRegion), DefaultEndpoint: regions.DefaultEndpoint,
		DefaultInternalEndpoint: regions.DefaultInternalEndpoint,
		GlobalAccelerate:        regions.GlobalAccelerateEndpoint, OverseasAccelerate: regions.OverseasAccelerateEndpoint,
		Regionless: regions.RegionlessEndpoint,
		ParsedTop:  map[string]string{},
	}
	top := []string{d.DefaultEndpoint, d.DefaultInternalEndpoint, d.GlobalAccelerate, d.OverseasAccelerate}
	if d.Regionless != "" {
		top = append(top, d.Regionless)
	}
	for _, h := range top {
		d.ParsedTop[h] = parsed(h)
		d.ParsedTop["examplebucket."+h] = parsed("examplebucket." + h)
	}
	_, err := regions.Parse("zz-nowhere-1")
	d.UnknownRefused = errors.Is(err, regions.ErrUnknownRegion)
	for _, r := range regions.All() {
		out := region{
			ID: string(r), Name: r.Name(), Cloud: r.CloudRegion(), Status: r.Status().String(), Partition: r.Cloud().String(),
			Mainland: r.MainlandChina(), Known: r.Known(),
			Public: r.PublicEndpoint(), Internal: r.InternalEndpoint(), VPC: r.VPCEndpoint(),
			ParsedHosts: map[string]string{},
		}
		out.DualStack, _ = r.Endpoint(regions.DualStack)
		out.Accelerate, _ = r.Endpoint(regions.Accelerate)
		out.Overseas, _ = r.Endpoint(regions.AccelerateOverseas)
		ranges, ok := r.VIPRanges()
		out.VIPByTicket = !ok
		for _, p := range ranges {
			out.VIP = append(out.VIP, p.String())
			out.LookupFirst = append(out.LookupFirst, lookup(p.Masked().Addr()))
			out.LookupLast = append(out.LookupLast, lookup(last(p)))
		}
		p1, _ := regions.Parse(string(r))
		p2, _ := regions.Parse(r.CloudRegion())
		out.ParsedID, out.ParsedCloud = string(p1), string(p2)
		out.StatusDate = r.StatusDate()
		for _, a := range regions.AllActive() {
			out.Active = out.Active || a == r
		}
		out.Hosts = r.Hosts()
		for _, h := range out.Hosts {
			if h == "" {
				continue
			}
			out.ParsedHosts[h] = parsed(h)
			out.ParsedHosts["examplebucket."+h] = parsed("examplebucket." + h)
		}
		out.PatternHost = parsed(string(r) + ".aliyuncs.com")
		for _, a := range r.Aliases() {
			if out.Aliases == nil {
				out.Aliases = map[string]string{}
			}
			p, err := regions.Parse(a)
			out.Aliases[a] = string(p)
			if err != nil {
				out.Aliases[a] = err.Error()
			}
		}
		_, out.AccelerateStated = r.Acceleration()
		d.Regions = append(d.Regions, out)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		panic(err)
	}
}

// parsed is what ParseEndpoint says of a host: region and kind, or the error.
func parsed(host string) string {
	e, err := regions.ParseEndpoint(host)
	if err != nil {
		return err.Error()
	}
	return strings.TrimSpace(string(e.Region) + " " + e.Kind.String() + " " + e.Bucket)
}

func lookup(a netip.Addr) string {
	r, _ := regions.LookupIP(a)
	return string(r)
}

func last(p netip.Prefix) netip.Addr {
	b := p.Masked().Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
