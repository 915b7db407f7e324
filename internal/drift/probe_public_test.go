package main

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ossregions/ossregions/internal/table"
)

// The probe against a zone that answers as public DNS does (the sources'
// section 6, "What public DNS shows"), built from the real table: it must
// say the table agrees, and name exactly the one change made to it.

// inRange is an address in p: p's own for a /32 or /128, else the one
// after p's first.
func inRange(p netip.Prefix) netip.Addr {
	if p.IsSingleIP() {
		return p.Addr()
	}
	return p.Addr().Next()
}

// publicZone answers as public DNS does:
//   - public hosts (and the table's own) have plain A records;
//   - every name under a host has a CNAME into gds.alibabadns.com, then an
//     A record: a wildcard under every endpoint;
//   - every name under oss.aliyuncs.com has an A record, the dual-stack
//     hosts among them; AAAA records only for the dual-stack hosts of
//     clouds whose AAAA records public_dns says are published, and for
//     aaaaHost;
//   - internal hosts of clouds whose internal hosts public_dns says are
//     published resolve into their region's ranges; the other clouds'
//     have no answer, nor any name under them;
//   - hosts of decommissioned regions, the other_region_ids and every
//     other oss-* name do not exist.
func publicZone(tbl *table.Table, aaaaHost string) *zone {
	z := newZone()
	for i, h := range probeHosts(tbl) {
		if h.Region != nil && h.Region.Status == table.StatusDecommissioned || h.vipOf != nil && !h.dns.InternalPublished {
			continue
		}
		if h.Kind == "dual-stack" { // the wildcard of oss.aliyuncs.com answers A
			if h.dns.AAAAPublished || h.Name == aaaaHost {
				z.a[h.Name] = []string{fmt.Sprintf("192.0.2.%d", i+1)}
				z.aaaa[h.Name] = []string{fmt.Sprintf("2001:db8::%x", i+1)}
			}
			continue
		}
		addr := netip.AddrFrom4([4]byte{192, 0, 2, byte(i + 1)})
		if h.vipOf != nil && len(h.vipOf.VIP) > 0 {
			addr = inRange(h.vipOf.VIP[0])
		}
		if addr.Is4() {
			z.a[h.Name] = []string{addr.String()}
		} else {
			z.aaaa[h.Name] = []string{addr.String()}
		}
		if addr.Is4() { // bucket hosts: CNAME into gds, then A
			z.under[h.Name] = wildcard{a: []string{addr.String()}, gds: true}
		}
	}
	z.under[tbl.DefaultPublic] = wildcard{a: []string{"192.0.2.250"}}
	return z
}

// firstDualStack is the first dual-stack host of a region in service
// whose cloud's AAAA records public_dns says are not published, or "":
// the one the zone gives AAAA records all the same, as Alibaba documents
// for one host.
func firstDualStack(tbl *table.Table) string {
	for _, r := range tbl.Regions {
		if r.DualStack != "" && r.Status != table.StatusDecommissioned && !tbl.PublicDNSOf(r.Cloud).AAAAPublished {
			return r.DualStack
		}
	}
	return ""
}

func probeReal(t *testing.T, z *zone) result {
	t.Helper()
	return probeRun(t, serve(t, z), "-in", "../../regions.yaml", "-inflight", "16")
}

// TestPublicZoneIsPublicDNS: the test zone has the wildcards public DNS
// has, so that a probe that asked there would be caught.
func TestPublicZoneIsPublicDNS(t *testing.T) {
	tbl := realTable(t)
	a := &asker{r: newResolver(serve(t, publicZone(tbl, firstDualStack(tbl)))), timeout: 2 * time.Second, inflight: 1}
	var public, internal string
	for _, r := range tbl.Regions {
		if r.Cloud == table.CloudPublic && r.Status == table.StatusActive && len(r.VIP) > 0 && public == "" {
			public, internal = r.Public, r.Internal
		}
	}
	for name, resolves := range map[string]bool{
		"q-no-such-bucket.oss.aliyuncs.com":                 true, // under oss.aliyuncs.com
		"no_bucket_has_this." + public:                      true, // under an endpoint, through gds
		"b." + internal:                                     true,
		"oss-" + tbl.Regions[0].CloudID + "-1.aliyuncs.com": false, // an oss-* name no region has
		"oss-us-east1.aliyuncs.com":                         false,
	} {
		got := a.ask(context.Background(), query{name, false})
		if got.failed != "" || (len(got.addrs) > 0) != resolves {
			t.Errorf("%s: %+v; want resolves %v", name, got, resolves)
		}
	}
}

// TestProbePublicDNSAgrees: against public DNS, the real table agrees;
// what the table does not count on public DNS to show is listed as
// information, each host once under its reason.
func TestProbePublicDNSAgrees(t *testing.T) {
	tbl := realTable(t)
	aaaaHost := firstDualStack(tbl)
	got := probeReal(t, publicZone(tbl, aaaaHost))
	if got.code != exitAgrees || !strings.Contains(got.stdout, "\n**The table agrees with DNS.**\n") {
		t.Fatalf("%v", got)
	}
	printable(t, got.stdout)
	// What the report must list, from the table.
	want := map[string][]string{} // "<label> <cloud> <field>" -> hosts
	for _, r := range tbl.Regions {
		if r.Status == table.StatusDecommissioned {
			continue
		}
		dns := tbl.PublicDNSOf(r.Cloud)
		for _, h := range r.Hosts() {
			switch {
			case h.Kind == "dual-stack" && !dns.AAAAPublished && h.Name == aaaaHost:
				want["AAAA records "+r.Cloud.String()+" aaaa"] = append(want["AAAA records "+r.Cloud.String()+" aaaa"], h.Name)
			case h.Kind == "dual-stack" && !dns.AAAAPublished:
				want["No AAAA record "+r.Cloud.String()+" aaaa"] = append(want["No AAAA record "+r.Cloud.String()+" aaaa"], h.Name)
			case (h.Kind == "internal" || h.Kind == "vpc") && !dns.InternalPublished:
				want["No address "+r.Cloud.String()+" internal"] = append(want["No address "+r.Cloud.String()+" internal"], h.Name)
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the table expects public DNS to show everything: nothing to hold the report to")
	}
	line := regexp.MustCompile(`(?m)^- ([A-Za-z ]+) \((\d+)\): (.*): the table does not count on public DNS .* the (\w+) cloud's .*\(public_dns, line \d+: (\w+): unpublished; sources? ([A-Za-z0-9, -]+)\)\.$`)
	_, info, _ := strings.Cut(got.stdout, "## What the table does not count on public DNS to show (information, not drift)\n\n")
	info, _, _ = strings.Cut(info, "\n\n")
	gotNotes := map[string][]string{}
	for _, m := range line.FindAllStringSubmatch(info, -1) {
		key := m[1] + " " + m[4] + " " + m[5]
		c := slices.IndexFunc(table.Clouds, func(n table.Name) bool { return n.Word == m[4] })
		if c < 0 || m[6] != strings.Join(tbl.PublicDNSOf(table.Cloud(c)).Sources, ", ") {
			t.Errorf("%s: the reason cites %s, not the sources of the table's entry", key, m[6])
		}
		for _, c := range strings.Split(m[3], ", ") {
			gotNotes[key] = append(gotNotes[key], strings.Trim(c, "`"))
		}
		if fmt.Sprint(len(gotNotes[key])) != m[2] && len(gotNotes[key]) <= maxListed {
			t.Errorf("%s: %s counted, %d listed", key, m[2], len(gotNotes[key]))
		}
	}
	if strings.Count("\n"+info, "\n- ") != len(gotNotes) || len(gotNotes) != len(want) {
		t.Errorf("information lines:\n%s\nwant %d groups: %v", info, len(want), want)
	}
	for k, hosts := range want {
		if !slices.Equal(gotNotes[k], bound(hosts, maxListed)) {
			t.Errorf("%s: listed %v, want %v", k, gotNotes[k], hosts)
		}
	}
}

// TestProbePublicDNSOneChange: one change to public DNS, and the report
// names exactly it: each public host of a region in service gone in turn,
// each internal host answering outside its region's ranges (information
// where the region has none published), each of other_region_ids
// resolving.
func TestProbePublicDNSOneChange(t *testing.T) {
	tbl := realTable(t)
	aaaaHost := firstDualStack(tbl)
	type change struct {
		name, heading, host string
		edit                func(z *zone)
		info                bool // information, not drift
	}
	var changes []change
	clouds := map[table.Cloud]bool{}
	for _, r := range tbl.Regions {
		if r.Status == table.StatusDecommissioned {
			continue
		}
		changes = append(changes, change{"gone " + r.Public, "Hosts that do not resolve (1)", r.Public, func(z *zone) { delete(z.a, r.Public) }, false})
		clouds[r.Cloud] = true
		outside := func(z *zone) { z.a[r.Internal] = []string{"198.18.0.1"} } // a benchmarking range: no region's
		if len(r.VIP) > 0 {
			changes = append(changes, change{"outside " + r.Internal, "Internal hosts outside their VIP ranges (1)", r.Internal, outside, false})
		} else {
			changes = append(changes, change{"no ranges " + r.Internal, "Internal hosts of regions without published VIP ranges (information, not drift)", r.Internal, outside, true})
		}

	}
	for _, o := range tbl.OtherRegions {
		host := "oss-" + o.CloudID + ".aliyuncs.com"
		changes = append(changes, change{"candidate " + host, "Candidate regions that resolve (1)", "oss-" + o.CloudID, func(z *zone) { z.a[host] = []string{"47.0.0.1"} }, false})
	}
	if len(clouds) != len(tbl.PublicDNS) {
		t.Errorf("%d clouds with a region in service, want %d: every cloud's hosts tried", len(clouds), len(tbl.PublicDNS))
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			z := publicZone(tbl, aaaaHost)
			c.edit(z)
			got := probeReal(t, z)
			switch {
			case c.info && (got.code != exitAgrees || !strings.Contains(got.stdout, "\n**The table agrees with DNS.**\n")):
				t.Fatalf("%v", got)
			case !c.info && (got.code != exitDrifted || !strings.Contains(got.stdout, "\n**The table has drifted: 1 finding.**\n")):
				t.Fatalf("%v", got)
			}
			_, section, ok := strings.Cut(got.stdout, "\n## "+c.heading+"\n")
			section, _, _ = strings.Cut(section, "\n## ")
			if !ok || !strings.Contains(section, "`"+c.host+"`") {
				t.Errorf("the report does not name %s under %q:\n%s", c.host, c.heading, got.stdout)
			}
		})
	}
}
