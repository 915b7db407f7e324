package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ossregions/ossregions/internal/table"
)

// The probe asks Go's own resolver (PreferGo) for every name, rooted so
// that no search domain is tried, sent to -resolver where it is given. It
// judges the answers by what the table's public_dns says public DNS shows
// of each cloud, and cannot check when a control name resolves or a
// query is not answered.

// Bounds: the questions of one run (A and AAAA of each name; Go's resolver
// may retry each), -inflight (one client, not a load test), the hosts
// file, one list of the report, one name's addresses.
const (
	maxQueries   = 2000
	maxInflight  = 16
	maxHostsSize = 4 << 20
	maxListed    = 50
	maxAddrs     = 8
)

const probeNotes = `It asks the table's hosts and other_region_ids (candidate regions), judged by its public_dns
(what public DNS shows of each cloud): at most 2000 questions a run (A and AAAA of each name);
Go's resolver may retry each, as resolv.conf says, all to -resolver where given, and keeps or
drops records for other names.
`

// runProbe is drift probe; random gives the control names' labels.
func runProbe(ctx context.Context, args []string, stdout, stderr io.Writer, random io.Reader) int {
	c := newCommand("drift probe", probeNotes, stdout, stderr)
	resolver := c.fs.String("resolver", "", "ask the DNS server at `IP:PORT` instead of the system's")
	hosts := c.fs.String("hosts", "/etc/hosts", "the hosts `FILE`, which Go's resolver reads before DNS: an entry for a name to ask stops the run, exit 2")
	timeout := c.fs.Duration("timeout", 3*time.Second, "how long one query may take")
	deadline := c.fs.Duration("deadline", 50*time.Second, "how long the whole run may take")
	inflight := c.fs.Int("inflight", 4, "queries in flight at once, 1 to 16")
	t, code := c.load(args, func() (errs []error) {
		if ap, err := netip.ParseAddrPort(*resolver); *resolver != "" && (err != nil || ap.Port() == 0) {
			errs = append(errs, fmt.Errorf("-resolver %s: expected an IP address and port, such as 127.0.0.1:53 or [::1]:53", quote(*resolver)))
		}
		if *timeout <= 0 || *deadline <= 0 {
			errs = append(errs, errors.New("-timeout and -deadline must be positive"))
		}
		if *inflight < 1 || *inflight > maxInflight {
			errs = append(errs, fmt.Errorf("-inflight must be 1 to %d", maxInflight))
		}
		return errs
	})
	if t == nil {
		return code
	}
	if t.PublicDNS == nil {
		return c.fail(fmt.Errorf("%s has no public_dns list: the probe judges each cloud's hosts by what the table says public DNS shows of them", *c.in))
	}
	controls, err := controlNames(random)
	if err != nil {
		return c.fail(err)
	}
	p := plan(t, controls)
	if n := len(p.names()); 2*n > maxQueries {
		return c.fail(fmt.Errorf("the run would ask %d queries (%d names, A and AAAA each), more than %d (maxQueries in internal/drift/probe.go): shorten other_region_ids", 2*n, n, maxQueries))
	}
	if err := hostsOverride(*hosts, p.names()); err != nil {
		return c.fail(err)
	}
	ctx, cancel := context.WithTimeout(ctx, *deadline)
	defer cancel()
	a := &asker{r: newResolver(*resolver), timeout: *timeout, inflight: *inflight}
	f := p.probe(ctx, a)
	source := "the system resolver"
	if *resolver != "" {
		source = "the resolver `" + *resolver + "`" // an IP address and port, checked
	}
	fmt.Fprint(stdout, f.markdown(t, source, int(a.asked.Load())))
	if f.untrusted() {
		return exitNotCheck
	}
	return exitFor(findings(f.sections()))
}

// controlNames are two random oss-*.aliyuncs.com names, one of a region
// host's form: public DNS answers NXDOMAIN for them (its wildcards are
// under oss.aliyuncs.com and the endpoints), an honest resolver too.
func controlNames(random io.Reader) ([]string, error) {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 28)
	if _, err := io.ReadFull(random, b); err != nil {
		return nil, fmt.Errorf("no random labels for the control names: %v", err)
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return []string{"oss-zz-q" + string(b[:14]) + "-1.aliyuncs.com", "oss-q" + string(b[14:]) + ".aliyuncs.com"}, nil
}

// probeHost is one host of the table, with the public_dns entry of its
// cloud (the public cloud's for the table's own hosts) and the region
// whose VIP ranges its addresses must fall in, or nil.
type probeHost struct {
	table.TableHost
	vipOf *table.Region
	dns   *table.CloudDNS
}

// probeHosts is every host of t, in the order of table.AllHosts.
func probeHosts(t *table.Table) []probeHost {
	var hs []probeHost
	for _, h := range t.AllHosts() {
		ph := probeHost{h, nil, t.PublicDNSOf(table.CloudPublic)}
		if h.Region != nil {
			ph.dns = t.PublicDNSOf(h.Region.Cloud)
		}
		if h.Kind == "" || h.Kind == "internal" || h.Kind == "vpc" {
			ph.vipOf = h.Region // the default internal endpoint's are its region's
		}
		hs = append(hs, ph)
	}
	return hs
}

// describe names what a host is: for a region's, its ID, name and status.
func (h probeHost) describe() string {
	switch {
	case h.Region == nil:
		return h.Role
	case h.Kind == "":
		return h.Role + " (that of `" + h.Region.ID + "`)"
	}
	return fmt.Sprintf("%s of `%s` %s, %s", h.Role, h.Region.ID, plainOrInert(h.Region.Name), h.Region.Status)
}

// probePlan is what a run asks: the controls, the table's hosts, and its
// other_region_ids, which its checks keep apart from its regions.
type probePlan struct {
	controls []string
	hosts    []probeHost
	cands    []table.OtherRegion
}

func plan(t *table.Table, controls []string) *probePlan {
	return &probePlan{controls, probeHosts(t), t.OtherRegions}
}

// names is every name the plan asks, controls first.
func (p *probePlan) names() []string {
	out := slices.Clone(p.controls)
	for _, h := range p.hosts {
		out = append(out, h.Name)
	}
	for _, c := range p.cands {
		out = append(out, "oss-"+c.CloudID+".aliyuncs.com")
	}
	return out
}

// probeFindings is what a probe found, as the report's sections, each in
// the order asked.
type probeFindings struct {
	plan                                                  *probePlan
	controls, failed, missing, outside, noIPv6, resolving section
	notes, closed, noRanges, quiet                        section
	noted                                                 []dnsNote
	quietIDs                                              []string
	stopped, blind                                        bool // the controls failed, so nothing else was asked; most hosts that must resolve do not
	mustResolve, notAsked                                 int  // hosts of open regions, or of no region, answered; queries not sent before the deadline
}

// dnsNote is hosts whose answers the table's public_dns does not count on,
// by its entry and field and what was seen: information, never drift.
type dnsNote struct {
	dns         *table.CloudDNS
	field, seen string // "internal" or "aaaa"; how the report heads it: "No address", ...
	hosts       []string
}

// untrusted reports whether the run cannot vouch for its answers.
func (f *probeFindings) untrusted() bool {
	return len(f.controls.items)+len(f.failed.items) > 0 || f.blind
}

// probe asks the controls and, when the resolver is honest, the rest.
func (p *probePlan) probe(ctx context.Context, a *asker) *probeFindings {
	f := &probeFindings{plan: p,
		controls: section{heading: "Control names that resolve (%d)", intro: "Ask another resolver (make probe RESOLVER=IP:PORT), one that answers NXDOMAIN for names that do not exist.\n\n"},
		failed:   section{heading: "Queries without an answer (%d)"},
		missing: section{heading: "Hosts that do not resolve (%d)", drift: true,
			intro: "Hosts of a region in service, or of no region, that public DNS shows (public hosts; internal hosts where the table's public_dns says so), with neither an A nor an AAAA record: the name does not exist or has no address. A closure candidate, or a host that changed: check the documentation.\n\n"},
		outside: section{heading: "Internal hosts outside their VIP ranges (%d)", drift: true,
			intro: "The table's `vip_ranges` are the ranges a route to the region's internal hosts must cover: check them against the documentation.\n\n"},
		noIPv6: section{heading: "Dual-stack hosts without IPv6 (%d)", drift: true,
			intro: "Hosts of clouds whose dual-stack hosts have AAAA records, the table's public_dns says (an A record proves nothing: every name under oss.aliyuncs.com has one).\n\n"},
		resolving: section{heading: "Candidate regions that resolve (%d)", drift: true, blocks: true,
			intro: "DNS shows only that the public host exists. Before adding a block, find an OSS source that names the region (the documentation's \"Regions and endpoints\", or DescribeRegions through `make drift`) and take every value from it, the internal host too: it follows the usual pattern and was not asked.\n"},
		notes:    section{heading: "What the table does not count on public DNS to show (information, not drift)"},
		closed:   section{heading: "Hosts of decommissioned regions that still resolve (information, not drift)"},
		noRanges: section{heading: "Internal hosts of regions without published VIP ranges (information, not drift)"},
		quiet:    section{heading: "Candidates (information, not drift)"},
	}
	names := p.names()
	got := a.askNames(ctx, names[:len(p.controls)])
	for i, name := range p.controls {
		f.unanswered(name, got[i])
		if addrs := both(got[i]); len(addrs) > 0 { // even with the other type unanswered
			f.controls.add("`%s`: %s", name, addrList(addrs))
		}
	}
	if f.stopped = f.untrusted(); f.stopped {
		return f // nothing else this resolver says can be taken
	}
	got = a.askNames(ctx, names[len(p.controls):]) // the hosts, then the candidates
	for i, h := range p.hosts {
		if !f.unanswered(h.Name, got[i]) {
			f.judgeHost(h, got[i])
		}
	}
	// Judged like drift's list that is too short: when most of the hosts
	// that must resolve do not, the resolver does not see them (one that
	// answers NXDOMAIN for everything, or has no way out), and nothing is
	// taken as gone.
	f.blind = f.mustResolve > 0 && 2*(len(f.missing.items)+len(f.noIPv6.items)) > f.mustResolve
	for i, o := range p.cands {
		id, host, pa := "oss-"+o.CloudID, names[len(p.controls)+len(p.hosts)+i], got[len(p.hosts)+i]
		switch addrs := both(pa); {
		case f.unanswered(host, pa):
		case len(addrs) > 0:
			block := yamlBlock(id, host, id+"-internal.aliyuncs.com", "none yet: make probe saw "+host+" resolve; find an OSS source that names the region, its ID and endpoints;",
				" (other_region_ids says "+strconv.Quote(o.Name)+"; remove the entry there)")
			f.resolving.add("`%s`\n\n%s in the table's other_region_ids (line %d; %s %s); resolves to %s.\n\n```yaml\n%s```\n",
				id, plainOrInert(o.Name), o.Line, plural(len(o.Sources), "source", "sources"), strings.Join(o.Sources, ", "), addrList(addrs), block)
		default:
			f.quietIDs = append(f.quietIDs, "`"+id+"`")
		}
	}
	for _, n := range f.noted {
		what := fmt.Sprintf("to answer for the %s cloud's internal hosts", n.dns.Cloud)
		if n.field == "aaaa" {
			what = fmt.Sprintf("to show AAAA records of the %s cloud's dual-stack hosts", n.dns.Cloud)
		}
		f.notes.add("%s (%d): %s: the table does not count on public DNS %s (public_dns, line %d: %s: unpublished; %s %s).", n.seen, len(n.hosts),
			strings.Join(bound(codes(n.hosts), maxListed), ", "), what, n.dns.Line, n.field, plural(len(n.dns.Sources), "source", "sources"), strings.Join(n.dns.Sources, ", "))
	}
	if len(f.quietIDs) > 0 {
		f.quiet.add("Asked, no address (%d): %s.", len(f.quietIDs), strings.Join(bound(f.quietIDs, maxListed), ", "))
	}
	return f
}

// judgeHost holds one host's answers to what the table and its public_dns say.
func (f *probeFindings) judgeHost(h probeHost, pa [2]answer) {
	addrs := both(pa)
	if h.Kind == "dual-stack" {
		addrs = pa[1].addrs // every name under oss.aliyuncs.com has an A record
	}
	withAddrs := fmt.Sprintf("`%s`: %s: %s", h.Name, h.describe(), addrList(addrs))
	switch {
	case h.Region != nil && h.Region.Status == table.StatusDecommissioned:
		if len(addrs) > 0 {
			f.closed.add("%s", withAddrs)
		}
		return
	case h.Kind == "dual-stack" && !h.dns.AAAAPublished:
		f.note(h, "aaaa", map[bool]string{false: "No AAAA record", true: "AAAA records"}[len(addrs) > 0])
		return
	case h.Kind == "dual-stack":
		f.mustResolve++
		if len(addrs) == 0 {
			f.noIPv6.add("`%s`: %s: no AAAA record (public_dns, line %d)", h.Name, h.describe(), h.dns.Line)
		}
		return
	case h.vipOf != nil && !h.dns.InternalPublished && len(addrs) == 0:
		f.note(h, "internal", "No address")
		return
	case h.vipOf == nil || h.dns.InternalPublished:
		f.mustResolve++
		if len(addrs) == 0 {
			f.missing.add("`%s`: %s", h.Name, h.describe())
			return
		}
	}
	switch {
	case h.vipOf == nil:
	case len(h.vipOf.VIP) == 0: // published only by ticket
		f.noRanges.add("%s", withAddrs)
	default:
		var outside []netip.Addr
		for _, ad := range addrs {
			if !slices.ContainsFunc(h.vipOf.VIP, func(p netip.Prefix) bool { return p.Contains(ad) }) {
				outside = append(outside, ad)
			}
		}
		if len(outside) > 0 {
			f.outside.add("`%s`: %s: %s outside %s's ranges %s", h.Name, h.describe(), addrList(outside), h.vipOf.ID, strings.Join(table.Mapped(h.vipOf.VIP, netip.Prefix.String), ", "))
		} else if !h.dns.InternalPublished {
			f.note(h, "internal", "Addresses inside their VIP ranges")
		}
	}
}

// note adds h to the note of its cloud's field and what was seen.
func (f *probeFindings) note(h probeHost, field, seen string) {
	i := slices.IndexFunc(f.noted, func(n dnsNote) bool { return n.dns == h.dns && n.field == field && n.seen == seen })
	if i < 0 {
		i, f.noted = len(f.noted), append(f.noted, dnsNote{h.dns, field, seen, nil})
	}
	f.noted[i].hosts = append(f.noted[i].hosts, h.Name)
}

// unanswered records name's queries without an answer that can be taken.
func (f *probeFindings) unanswered(name string, pa [2]answer) bool {
	for i, a := range pa {
		if a.failed != "" {
			why := a.failed
			if a.detail != "" {
				why += ": " + inert(a.detail) // the resolver's words: made inert
			}
			f.failed.add("`%s` %s: %s", name, [2]string{"A", "AAAA"}[i], why)
			if a.notAsked {
				f.notAsked++
			}
		}
	}
	return pa[0].failed != "" || pa[1].failed != ""
}

// sections are the report's sections; a blind resolver says nothing of
// the hosts it does not see, nor of the notes and candidates.
func (f *probeFindings) sections() []*section {
	if f.blind {
		return []*section{&f.controls, &f.failed, &f.outside, &f.resolving, &f.closed, &f.noRanges}
	}
	return []*section{&f.controls, &f.failed, &f.missing, &f.outside, &f.noIPv6, &f.resolving, &f.notes, &f.closed, &f.noRanges, &f.quiet}
}

// markdown is the report: checked hosts and IDs, addresses, inert text;
// nothing of an answer but its addresses.
func (f *probeFindings) markdown(t *table.Table, source string, asked int) string {
	pl := f.plan
	planned := 2 * len(pl.names())
	against := fmt.Sprintf("%s, through Go's resolver, whose answers the probe trusts as they come (it does not check which name each record is for). The names: %s, %s of the table and %d candidate %s (its other_region_ids), A and AAAA each: %s planned, %d asked (the resolver may retry each, as resolv.conf says).",
		source, count(len(pl.controls), "control name", "control names"), count(len(pl.hosts), "host", "hosts"),
		len(pl.cands), plural(len(pl.cands), "region", "regions"), count(planned, "query", "queries"), asked)
	if f.stopped {
		against += " Only the control names were asked."
	} else {
		against += fmt.Sprintf(" The control names, which cannot exist (%s), do not resolve.", strings.Join(codes(pl.controls), ", "))
	}
	const partial = " What the answers that came show is below, partial: a name with a query unanswered is not judged."
	nFailed := len(f.failed.items)
	says := verdict(findings(f.sections()), "The table agrees with DNS.", "The table has drifted")
	switch {
	case len(f.controls.items) > 0:
		says = "Could not check: a name that cannot exist resolves, so this resolver answers for names that do not exist (a wildcard zone or a hijacking resolver); nothing else was asked."
	case f.stopped:
		says = "Could not check: the control names got no answer that can be taken; nothing else was asked."
	case f.blind:
		says = fmt.Sprintf("Could not check: %d of the %d hosts that must resolve do not: too many for the table to have drifted. This resolver does not see them (it answers NXDOMAIN for everything, or cannot reach the internet?); nothing is taken as gone.",
			len(f.missing.items)+len(f.noIPv6.items), f.mustResolve)
	case f.notAsked > 0:
		says = fmt.Sprintf("Could not check: the run's deadline passed before every query was asked: %d of %d queries were not asked, and %d of those asked got no answer that can be taken."+partial,
			f.notAsked, planned, nFailed-f.notAsked)
	case nFailed > 0:
		says = fmt.Sprintf("Could not check: %d of %d queries got no answer that can be taken."+partial, nFailed, planned)
	}
	return report(t, "DNS probe", against, says, maxListed, f.sections())
}

// addrList shows at most maxAddrs addresses, and how many more there are.
func addrList(addrs []netip.Addr) string {
	return strings.Join(bound(table.Mapped(addrs, netip.Addr.String), maxAddrs), ", ")
}

// query is one question: the A or the AAAA records of name.
type query struct {
	name string // without the final dot
	ip6  bool
}

// answer is what one query got: addresses, none, or a failure, which makes
// the run one that could not check.
type answer struct {
	addrs    []netip.Addr // sorted, once each
	failed   string       // why no answer can be taken, or "": the probe's own words, Markdown
	detail   string       // the resolver's error text, when failed quotes it: raw, printable
	notAsked bool         // the run's deadline passed before it was asked
}

// both is the addresses of a name's A and AAAA answers.
func both(pa [2]answer) []netip.Addr { return append(slices.Clone(pa[0].addrs), pa[1].addrs...) }

// asker asks through one resolver, each query within timeout.
type asker struct {
	r        *net.Resolver
	timeout  time.Duration
	inflight int
	asked    atomic.Int64 // queries handed to the resolver
}

// newResolver is Go's resolver, sent to server (IP:port) if not empty.
func newResolver(server string) *net.Resolver {
	r := &net.Resolver{PreferGo: true, StrictErrors: true}
	if server != "" {
		r.Dial = func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, server) // UDP, or TCP for a truncated answer
		}
	}
	return r
}

// askNames asks A and AAAA of every name, inflight at a time; once ctx is
// done, no more.
func (a *asker) askNames(ctx context.Context, names []string) [][2]answer {
	out := make([][2]answer, len(names))
	sem := make(chan struct{}, a.inflight)
	var wg sync.WaitGroup
	for i, name := range names {
		for j := range 2 {
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				out[i][j] = a.ask(ctx, query{name, j == 1})
			})
		}
	}
	wg.Wait()
	return out
}

// ask asks one query.
func (a *asker) ask(ctx context.Context, q query) answer {
	if ctx.Err() != nil {
		return answer{failed: "not asked: the run's deadline passed", notAsked: true}
	}
	a.asked.Add(1)
	qctx, cancel := context.WithTimeout(ctx, a.timeout)
	defer cancel()
	addrs, err := a.r.LookupNetIP(qctx, map[bool]string{false: "ip4", true: "ip6"}[q.ip6], q.name+".")
	var de *net.DNSError
	switch {
	case err == nil:
	case errors.As(err, &de) && de.IsNotFound:
		return answer{}
	case ctx.Err() != nil:
		return answer{failed: "no answer before the run's deadline"}
	case qctx.Err() != nil || errors.As(err, &de) && de.IsTimeout:
		return answer{failed: fmt.Sprintf("no answer within %v", a.timeout)}
	case errors.As(err, &de) && de.Err == "server misbehaving":
		return answer{failed: "the server failed to answer (SERVFAIL, REFUSED or a malformed reply)"}
	case errors.Is(err, syscall.ECONNREFUSED) || errors.As(err, &de) && strings.HasSuffix(de.Err, "connection refused"):
		return answer{failed: "the resolver cannot be reached: nothing listens at its address (connection refused)"}
	case errors.As(err, &de):
		// Without "lookup NAME on SERVER": a server the Dial does not use.
		return answer{failed: "failed", detail: table.Printable(de.Err)}
	default:
		return answer{failed: "failed", detail: table.Printable(err.Error())}
	}
	var keep []netip.Addr
	for _, ad := range addrs {
		if ad = ad.Unmap(); ad.Is6() == q.ip6 && !slices.Contains(keep, ad) { // only what was asked
			keep = append(keep, ad)
		}
	}
	slices.SortFunc(keep, netip.Addr.Compare)
	return answer{addrs: keep}
}

// hostsOverride lists the names that the hosts file at path answers, which
// Go's resolver reads before DNS, even with a Dial of its own: each line's
// fields after the address, up to a # comment, in ASCII lower case (not
// strings.ToLower, which makes the Kelvin sign a k).
func hostsOverride(path string, names []string) error {
	data, err := table.ReadRegular(path, maxHostsSize, "maxHostsSize in internal/drift/probe.go", os.Stat)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	ask := map[string]bool{}
	for _, n := range names {
		ask[n] = true
	}
	var found []string
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		for j := 1; j < len(f); j++ {
			n := strings.TrimSuffix(strings.Map(func(r rune) rune {
				if r >= 'A' && r <= 'Z' {
					return r + 'a' - 'A'
				}
				return r
			}, f[j]), ".")
			if ask[n] {
				found = append(found, fmt.Sprintf("%s:%d: %s %s", path, i+1, quote(f[0]), quote(n)))
			}
		}
	}
	if found == nil {
		return nil
	}
	return fmt.Errorf("could not check: the hosts file has entries for %d %s the probe would ask, and Go's resolver reads the hosts file before DNS, so it would report them as DNS answers; remove them, or run where the hosts file has none (-hosts names another file):\n%s",
		len(found), plural(len(found), "name", "names"), strings.Join(bound(found, maxListed), "\n"))
}
