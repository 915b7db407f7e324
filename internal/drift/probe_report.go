package main

import (
	"fmt"
	"net/netip"
	"path/filepath"
	"strings"
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
	quiet           []candidate
	mustResolve     int  // hosts of open regions, or of no region, that were answered
	blind           bool // most of them do not resolve: the resolver cannot see them
}

// resolved is a name with what it resolves to.
type resolved struct {
	name, role string
	region     *probeRegion
	addrs      []netip.Addr
	outside    []netip.Addr
	ranges     *probeRegion // whose ranges the addresses were held to
}

type failedQuery struct{ name, typ, why string }

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

func (f *probeFindings) drifted() bool { return f.count() > 0 }

// maxListed bounds the lines of one list in the report; maxAddrs the
// addresses shown for one name.
const (
	maxListed = 50
	maxAddrs  = 8
)

// markdown renders the findings as the report. Every value in it is a
// checked host or region ID, an address, or text made inert; nothing an
// answer carries but its addresses reaches it.
func (f *probeFindings) markdown(in *probeInput, jsonPath, source string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	pl := f.plan
	p("# DNS probe of %s %s\n\n", safeFileName(filepath.Base(jsonPath)), in.version)
	p("Against: %s. The names: %d control %s, %d %s of the table and %d candidate %s, A and AAAA each: %d queries.",
		source, len(pl.controls), plural(len(pl.controls), "name", "names"), len(pl.hosts), plural(len(pl.hosts), "host", "hosts"),
		len(pl.cands), plural(len(pl.cands), "region", "regions"), 2*len(pl.names()))
	if f.stopped {
		p(" Only the control names were asked.")
	} else if len(f.controlsResolve) == 0 {
		p(" The control names, which cannot exist (`%s`), do not resolve.", strings.Join(pl.controls, "`, `"))
	}
	p("\n\n")
	switch {
	case len(f.controlsResolve) > 0:
		p("**Could not check: a name that cannot exist resolves, so this resolver answers for names that do not exist (a wildcard zone or a hijacking resolver); nothing else was asked.**\n")
	case f.stopped:
		p("**Could not check: the control names got no answer that can be taken; nothing else was asked.**\n")
	case f.blind:
		p("**Could not check: %d of the %d hosts that must resolve do not: too many for the table to have drifted. This resolver does not see them (it answers NXDOMAIN for everything, or cannot reach the internet?); nothing is taken as gone.**\n",
			len(f.missing), f.mustResolve)
	case len(f.failed) > 0:
		p("**Could not check: %d of %d queries got no answer that can be taken. The answers that came are below, partial: a name with a query unanswered is not judged.**\n",
			len(f.failed), 2*len(pl.names()))
	case f.drifted():
		p("**The table has drifted: %d %s.**\n", f.count(), plural(f.count(), "finding", "findings"))
	default:
		p("**The table agrees with DNS.**\n")
	}
	if n := len(f.controlsResolve); n > 0 {
		p("\n## Control names that resolve (%d)\n\n", n)
		for _, r := range f.controlsResolve {
			p("- `%s`: %s\n", r.name, addrList(r.addrs))
		}
		p("\nAsk another resolver (make probe RESOLVER=IP:PORT), one that answers NXDOMAIN for names that do not exist.\n")
	}
	if n := len(f.failed); n > 0 {
		p("\n## Queries without an answer (%d)\n\n", n)
		for i, q := range f.failed {
			if i == maxListed {
				p("- and %d more\n", n-maxListed)
				break
			}
			p("- `%s` %s: %s\n", q.name, q.typ, q.why)
		}
	}
	if n := len(f.missing); n > 0 && !f.blind {
		p("\n## Hosts that do not resolve (%d)\n\n", n)
		p("Hosts the table gives to a region in service, or to no region, with neither an A nor an AAAA record: the name does not exist or has no address. A closure candidate, or a host that changed: check the documentation.\n\n")
		for _, r := range f.missing {
			p("- `%s`: %s\n", r.name, describe(r))
		}
	}
	if n := len(f.outside); n > 0 {
		p("\n## Internal hosts outside their VIP ranges (%d)\n\n", n)
		p("The table's `vip_ranges` are the ranges a route to the region's internal hosts must cover: check them against the documentation.\n\n")
		for _, r := range f.outside {
			p("- `%s`: %s: %s outside %s's ranges %s\n", r.name, describe(r), addrList(r.outside), r.ranges.id, r.ranges.vipText)
		}
	}
	if n := len(f.noIPv6); n > 0 {
		p("\n## Dual-stack hosts without IPv6 (%d)\n\n", n)
		for _, r := range f.noIPv6 {
			p("- `%s`: %s: %s, no AAAA record\n", r.name, describe(r), addrList(r.addrs))
		}
	}
	if n := len(f.newRegions); n > 0 {
		p("\n## Candidate regions that resolve (%d)\n\n", n)
		p("DNS shows only that the public host exists. Before adding a block, find an OSS source that names the region (the documentation's \"Regions and endpoints\", or DescribeRegions through `make drift`) and take every value from it, the internal host too: it follows the usual pattern and was not asked.\n")
		for _, nc := range f.newRegions {
			block := yamlBlock(newRegion{nc.c.id, nc.c.host, nc.c.id + "-internal.aliyuncs.com"})
			block = strings.Replace(block, "# Sources: DescribeRegions (ID and endpoints);",
				"# Sources: none yet: make probe saw "+nc.c.host+" resolve; find an OSS source that names the region, its ID and endpoints;", 1)
			p("\n### `%s`\n\nLine %d of the candidates file; resolves to %s.\n\n```yaml\n%s```\n", nc.c.id, nc.c.line, addrList(nc.addrs), block)
		}
	}
	if n := len(f.closedResolve); n > 0 {
		p("\n## Hosts of decommissioned regions that still resolve (information, not drift)\n\n")
		for _, r := range f.closedResolve {
			p("- `%s`: %s: %s\n", r.name, describe(r), addrList(r.addrs))
		}
	}
	if n := len(f.noRanges); n > 0 {
		p("\n## Internal hosts of regions without published VIP ranges (information, not drift)\n\n")
		for _, r := range f.noRanges {
			p("- `%s`: %s: %s\n", r.name, describe(r), addrList(r.addrs))
		}
	}
	if len(pl.skipped)+len(f.quiet) > 0 {
		p("\n## Candidates (information, not drift)\n\n")
		for _, s := range pl.skipped {
			p("- `%s` (line %d): not asked, already %s.\n", s.c.id, s.c.line, s.what)
		}
		if len(f.quiet) > 0 && !f.blind { // a blind resolver says nothing of them
			var ids []string
			for _, c := range f.quiet {
				ids = append(ids, c.id)
			}
			p("- Asked, no address: `%s`.\n", strings.Join(ids, "`, `"))
		}
	}
	return b.String()
}

// safeFileName is name with anything but letters, digits and ._+- as _.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._+-", r)) {
			return r
		}
		return '_'
	}, name)
}

// describe names what a host is: its role and its region's name and status.
func describe(r resolved) string {
	if r.region == nil {
		return r.role // the probe's own words and checked IDs
	}
	return fmt.Sprintf("%s %s, %s", r.role, plainOrInert(r.region.name), r.region.status)
}

// plainOrInert is a region name as it is when it holds only characters
// that mean nothing to Markdown or HTML in mid-line, else made inert.
func plainOrInert(s string) string {
	if strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 (),'-") == "" {
		return s
	}
	return inert(s)
}

// addrList shows at most maxAddrs addresses, and how many more there are.
func addrList(addrs []netip.Addr) string {
	var s []string
	for i, a := range addrs {
		if i == maxAddrs {
			s = append(s, fmt.Sprintf("and %d more", len(addrs)-maxAddrs))
			break
		}
		s = append(s, a.String())
	}
	return strings.Join(s, ", ")
}
