package main

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// probeFindings is what a probe found, each list in the order asked.
type probeFindings struct {
	plan            *probePlan
	stopped         bool          // the controls failed, so nothing else was asked
	controlsResolve []resolved    // control names that resolve
	failed          []failedQuery // queries without an answer that can be taken
	missing         []resolved    // hosts of open regions, or of no region, that do not resolve
	outside         []resolved    // internal hosts with addresses outside their ranges
	noIPv6          []resolved    // dual-stack hosts without AAAA
	newRegions      []newCandidate
	closedResolve   []resolved // hosts of decommissioned regions that resolve
	noRanges        []resolved // internal hosts of regions without published ranges
	notes           []dnsNote  // what the table does not count on public DNS to show
	quiet           []candidate
	mustResolve     int  // hosts of open regions, or of no region, that were answered
	blind           bool // most of them do not resolve: the resolver cannot see them
	asked           int  // queries sent to the resolver
	notAsked        int  // queries not sent: the run's deadline passed first
}

// resolved is a host, or a control name, with what it resolves to.
type resolved struct {
	probeHost
	addrs, outside []netip.Addr // outside: those outside the vipOf region's ranges
}

type failedQuery struct{ name, typ, why, detail string }

// dnsNote is hosts whose answers the table's public_dns does not count on,
// by its entry and field and what was seen: information, never drift.
type dnsNote struct {
	dns   *table.CloudDNS
	field string // "internal" or "aaaa"
	seen  string // how the report heads it: "No address", "AAAA records", ...
	hosts []string
}

// note adds h to the note of its cloud's field and what was seen.
func (f *probeFindings) note(h probeHost, field, seen string) {
	for i := range f.notes {
		if n := &f.notes[i]; n.dns == h.dns && n.field == field && n.seen == seen {
			n.hosts = append(n.hosts, h.host)
			return
		}
	}
	f.notes = append(f.notes, dnsNote{h.dns, field, seen, []string{h.host}})
}

// reason is why a note is information: the table's entry and its sources.
func (n dnsNote) reason() string {
	what := fmt.Sprintf("to answer for the %s cloud's internal hosts", n.dns.Cloud)
	if n.field == "aaaa" {
		what = fmt.Sprintf("to show AAAA records of the %s cloud's dual-stack hosts", n.dns.Cloud)
	}
	return fmt.Sprintf("the table does not count on public DNS %s (public_dns, line %d: %s: unpublished; %s %s)",
		what, n.dns.Line, n.field, plural(len(n.dns.Sources), "source", "sources"), strings.Join(n.dns.Sources, ", "))
}

type newCandidate struct {
	c     candidate
	addrs []netip.Addr
}

// untrusted reports whether the run cannot vouch for its answers.
func (f *probeFindings) untrusted() bool {
	return len(f.controlsResolve)+len(f.failed) > 0 || f.blind
}

func (f *probeFindings) count() int {
	return len(f.missing) + len(f.outside) + len(f.noIPv6) + len(f.newRegions)
}

// maxListed bounds one list of the report; maxAddrs one name's addresses.
const (
	maxListed = 50
	maxAddrs  = 8
)

// markdown is the report: checked hosts and IDs, addresses, inert text;
// nothing of an answer but its addresses.
func (f *probeFindings) markdown(t *table.Table, source string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	pl := f.plan
	planned := 2 * len(pl.names())
	against := fmt.Sprintf("%s, through Go's resolver, whose answers the probe trusts as they come (it does not check which name each record is for). The names: %s, %s of the table and %d candidate %s (its other_region_ids), A and AAAA each: %s planned, %d asked (the resolver may retry each, as resolv.conf says).",
		source, count(len(pl.controls), "control name", "control names"), count(len(pl.hosts), "host", "hosts"),
		len(pl.cands), plural(len(pl.cands), "region", "regions"), count(planned, "query", "queries"), f.asked)
	if f.stopped {
		against += " Only the control names were asked."
	} else if len(f.controlsResolve) == 0 {
		against += fmt.Sprintf(" The control names, which cannot exist (%s), do not resolve.", strings.Join(bound(codes(pl.controls), maxListed), ", "))
	}
	const partial = " What the answers that came show is below, partial: a name with a query unanswered is not judged."
	var verdict string
	switch {
	case len(f.controlsResolve) > 0:
		verdict = "Could not check: a name that cannot exist resolves, so this resolver answers for names that do not exist (a wildcard zone or a hijacking resolver); nothing else was asked."
	case f.stopped:
		verdict = "Could not check: the control names got no answer that can be taken; nothing else was asked."
	case f.blind:
		verdict = fmt.Sprintf("Could not check: %d of the %d hosts that must resolve do not: too many for the table to have drifted. This resolver does not see them (it answers NXDOMAIN for everything, or cannot reach the internet?); nothing is taken as gone.",
			len(f.missing)+len(f.noIPv6), f.mustResolve)
	case f.notAsked > 0:
		verdict = fmt.Sprintf("Could not check: the run's deadline passed before every query was asked: %d of %d queries were not asked, and %d of those asked got no answer that can be taken."+partial,
			f.notAsked, planned, len(f.failed)-f.notAsked)
	case len(f.failed) > 0:
		verdict = fmt.Sprintf("Could not check: %d of %d queries got no answer that can be taken."+partial, len(f.failed), planned)
	case f.count() > 0:
		verdict = "The table has drifted: " + count(f.count(), "finding", "findings") + "."
	default:
		verdict = "The table agrees with DNS."
	}
	head(&b, "DNS probe", t, against, verdict)
	bounded := func(heading, intro string, items []string) { section(&b, heading, intro, bound(items, maxListed)) }
	withAddrs := func(r resolved) string { return fmt.Sprintf("`%s`: %s: %s", r.host, describe(r), addrList(r.addrs)) }
	bounded(fmt.Sprintf("Control names that resolve (%d)", len(f.controlsResolve)), "",
		mapList(f.controlsResolve, func(r resolved) string { return fmt.Sprintf("`%s`: %s", r.host, addrList(r.addrs)) }))
	if len(f.controlsResolve) > 0 {
		p("\nAsk another resolver (make probe RESOLVER=IP:PORT), one that answers NXDOMAIN for names that do not exist.\n")
	}
	bounded(fmt.Sprintf("Queries without an answer (%d)", len(f.failed)), "", mapList(f.failed, func(q failedQuery) string {
		why := q.why
		if q.detail != "" {
			why += ": " + inert(q.detail) // the resolver's words: made inert
		}
		return fmt.Sprintf("`%s` %s: %s", q.name, q.typ, why)
	}))
	if !f.blind {
		bounded(fmt.Sprintf("Hosts that do not resolve (%d)", len(f.missing)),
			"Hosts of a region in service, or of no region, that public DNS shows (public hosts; internal hosts where the table's public_dns says so), with neither an A nor an AAAA record: the name does not exist or has no address. A closure candidate, or a host that changed: check the documentation.\n\n",
			mapList(f.missing, func(r resolved) string { return fmt.Sprintf("`%s`: %s", r.host, describe(r)) }))
	}
	bounded(fmt.Sprintf("Internal hosts outside their VIP ranges (%d)", len(f.outside)),
		"The table's `vip_ranges` are the ranges a route to the region's internal hosts must cover: check them against the documentation.\n\n",
		mapList(f.outside, func(r resolved) string {
			ranges := strings.Join(mapList(r.vipOf.VIP, netip.Prefix.String), ", ")
			return fmt.Sprintf("`%s`: %s: %s outside %s's ranges %s", r.host, describe(r), addrList(r.outside), r.vipOf.ID, ranges)
		}))
	if !f.blind {
		bounded(fmt.Sprintf("Dual-stack hosts without IPv6 (%d)", len(f.noIPv6)),
			"Hosts of clouds whose dual-stack hosts have AAAA records, the table's public_dns says (an A record proves nothing: every name under oss.aliyuncs.com has one).\n\n",
			mapList(f.noIPv6, func(r resolved) string {
				return fmt.Sprintf("`%s`: %s: no AAAA record (public_dns, line %d)", r.host, describe(r), r.dns.Line)
			}))
	}
	if n := len(f.newRegions); n > 0 {
		p("\n## Candidate regions that resolve (%d)\n\n", n)
		p("DNS shows only that the public host exists. Before adding a block, find an OSS source that names the region (the documentation's \"Regions and endpoints\", or DescribeRegions through `make drift`) and take every value from it, the internal host too: it follows the usual pattern and was not asked.\n")
		for i, nc := range f.newRegions {
			if i == maxListed {
				p("\nAnd %d more: %s.\n", n-maxListed, strings.Join(bound(mapList(f.newRegions[maxListed:], func(nc newCandidate) string { return "`" + nc.c.id + "`" }), maxListed), ", "))
				break
			}
			block := yamlBlock(newRegion{nc.c.id, nc.c.host, nc.c.id + "-internal.aliyuncs.com"})
			block = strings.Replace(block, "# Sources: DescribeRegions (ID and endpoints);",
				"# Sources: none yet: make probe saw "+nc.c.host+" resolve; find an OSS source that names the region, its ID and endpoints;", 1)
			o := nc.c.other
			block = strings.Replace(block, "    # name: the display name, from the documentation\n",
				"    # name: the display name, from the documentation (other_region_ids says "+strconv.Quote(o.Name)+"; remove the entry there)\n", 1)
			p("\n### `%s`\n\n%s in the table's other_region_ids (line %d; %s %s); resolves to %s.\n\n```yaml\n%s```\n",
				nc.c.id, plainOrInert(o.Name), o.Line, plural(len(o.Sources), "source", "sources"), strings.Join(o.Sources, ", "), addrList(nc.addrs), block)
		}
	}
	if !f.blind { // a blind resolver says nothing of them
		bounded("What the table does not count on public DNS to show (information, not drift)", "", mapList(f.notes, func(n dnsNote) string {
			return fmt.Sprintf("%s (%d): %s: %s.", n.seen, len(n.hosts), strings.Join(bound(codes(n.hosts), maxListed), ", "), n.reason())
		}))
	}
	bounded("Hosts of decommissioned regions that still resolve (information, not drift)", "", mapList(f.closedResolve, withAddrs))
	bounded("Internal hosts of regions without published VIP ranges (information, not drift)", "", mapList(f.noRanges, withAddrs))
	if len(f.quiet) > 0 && !f.blind { // a blind resolver says nothing of them
		ids := codes(mapList(f.quiet, func(c candidate) string { return c.id }))
		p("\n## Candidates (information, not drift)\n\n- Asked, no address (%d): %s.\n", len(ids), strings.Join(bound(ids, maxListed), ", "))
	}
	return b.String()
}

// describe names what a host is: its role and its region's name and status.
func describe(r resolved) string {
	if r.region == nil {
		return r.role // the probe's own words and checked IDs
	}
	return fmt.Sprintf("%s %s, %s", r.role, plainOrInert(r.region.Name), r.region.Status)
}

// addrList shows at most maxAddrs addresses, and how many more there are.
func addrList(addrs []netip.Addr) string {
	return strings.Join(bound(mapList(addrs, netip.Addr.String), maxAddrs), ", ")
}
