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
// may retry each), -inflight (one client, not a load test), the hosts file.
const (
	maxQueries   = 2000
	maxInflight  = 16
	maxHostsSize = 4 << 20
)

const probeUsage = `usage: drift probe [-in regions.yaml] [-resolver IP:PORT] [-hosts /etc/hosts] [-timeout 3s] [-deadline 50s] [-inflight 4]
  -in FILE          the region table to check (default regions.yaml): its hosts, what its
                    public_dns says public DNS shows of each cloud, and its other_region_ids,
                    the candidate regions
  -resolver IP:PORT ask this DNS server instead of the system's
  -hosts FILE       the hosts file, which Go's resolver reads before DNS: a run stops, exit 2,
                    where it has an entry for a name to ask (default /etc/hosts)
  -timeout D        how long one query may take (default 3s)
  -deadline D       how long the whole run may take (default 50s)
  -inflight N       queries in flight at once, 1 to 16 (default 4)
at most 2000 questions a run (A and AAAA of each name); Go's resolver may retry each, as
resolv.conf says (attempts, times its servers), all to -resolver where it is given.
The probe takes the resolver's answers as they are: records the answer gives for other names
are Go's resolver's to keep or drop.
exit status: 0 DNS agrees with the table, 1 the table has drifted, 2 it could not check
`

// runProbe is drift probe; random gives the control names' labels.
func runProbe(ctx context.Context, args []string, stdout, stderr io.Writer, random io.Reader) int {
	c := newCommand("drift probe", probeUsage, stdout, stderr)
	in := c.fs.String("in", "regions.yaml", "")
	resolver := c.fs.String("resolver", "", "")
	hosts := c.fs.String("hosts", "/etc/hosts", "")
	timeout := c.fs.Duration("timeout", 3*time.Second, "")
	deadline := c.fs.Duration("deadline", 50*time.Second, "")
	inflight := c.fs.Int("inflight", 4, "")
	t, code := c.load(args, in, func() (errs []error) {
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
		return c.fail(fmt.Errorf("%s has no public_dns list: the probe judges each cloud's hosts by what the table says public DNS shows of them", *in))
	}
	controls, err := controlNames(random)
	if err != nil {
		return c.fail(err)
	}
	p := plan(t, controls)
	if n := 2 * len(p.names()); n > maxQueries {
		return c.fail(fmt.Errorf("the run would ask %d queries (%d names, A and AAAA each), more than %d (maxQueries in internal/drift/probe.go): shorten other_region_ids", n, len(p.names()), maxQueries))
	}
	if err := hostsOverride(*hosts, p.names()); err != nil {
		return c.fail(err)
	}
	ctx, cancel := context.WithTimeout(ctx, *deadline)
	defer cancel()
	a := &asker{r: newResolver(*resolver), timeout: *timeout, inflight: *inflight}
	f := p.probe(ctx, a)
	f.asked = int(a.asked.Load())
	source := "the system resolver"
	if *resolver != "" {
		source = "the resolver `" + *resolver + "`" // an IP address and port, checked
	}
	fmt.Fprint(stdout, f.markdown(t, source))
	switch {
	case f.untrusted():
		return exitNotCheck
	case f.count() > 0:
		return exitDrifted
	}
	return exitAgrees
}

// controlNames are two random oss-*.aliyuncs.com names, one of a region
// host's form: public DNS answers NXDOMAIN for them (its wildcards are
// under oss.aliyuncs.com and the endpoints), an honest resolver too.
func controlNames(random io.Reader) ([]string, error) {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	label := func() (string, error) {
		b := make([]byte, 14)
		if _, err := io.ReadFull(random, b); err != nil {
			return "", fmt.Errorf("no random labels for the control names: %v", err)
		}
		for i := range b {
			b[i] = alphabet[int(b[i])%len(alphabet)]
		}
		return "q" + string(b), nil
	}
	l1, err1 := label()
	l2, err2 := label()
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	return []string{"oss-zz-" + l1 + "-1.aliyuncs.com", "oss-" + l2 + ".aliyuncs.com"}, nil
}

// probeHost is one host of the table with what it is.
type probeHost struct {
	host   string
	kind   string        // the kind of a region's host (table.Host), or ""
	region *table.Region // nil for the hosts of no region
	vipOf  *table.Region // the region whose VIP ranges its addresses must fall in, or nil
	role   string        // how the report names it: "internal host of `oss-cn-hangzhou`"
	dns    *table.CloudDNS
}

// probeHosts is every host of t, once each: the table's own (the public
// cloud's; the default internal host its region's), then each region's.
func probeHosts(t *table.Table) []probeHost {
	hs := []probeHost{
		{host: t.DefaultPublic, role: "default endpoint"},
		{host: t.DefaultInternal, vipOf: t.Default, role: "default internal endpoint (that of `" + t.Default.ID + "`)"},
		{host: t.GlobalAccelerate, role: "global accelerate endpoint"},
		{host: t.OverseasAccelerate, role: "overseas accelerate endpoint"},
	}
	if t.Regionless != "" {
		hs = append(hs, probeHost{host: t.Regionless, role: "regionless endpoint"})
	}
	for i := range hs {
		hs[i].dns = t.PublicDNSOf(table.CloudPublic)
		if hs[i].vipOf != nil {
			hs[i].dns = t.PublicDNSOf(hs[i].vipOf.Cloud)
		}
	}
	for i := range t.Regions {
		r := &t.Regions[i]
		for _, h := range r.Hosts() {
			ph := probeHost{host: h.Name, kind: h.Kind, region: r, role: h.Kind + " host of `" + r.ID + "`", dns: t.PublicDNSOf(r.Cloud)}
			if h.Kind == "internal" || h.Kind == "vpc" {
				ph.vipOf = r
			}
			hs = append(hs, ph)
		}
	}
	return hs
}

// probePlan is what a run asks, and why.
type probePlan struct {
	controls []string
	hosts    []probeHost
	cands    []candidate
}

// candidate is one region ID of the table's other_region_ids.
type candidate struct {
	id, host string // oss-<cloud id>, oss-<cloud id>.aliyuncs.com
	other    *table.OtherRegion
}

// plan lists the names to ask: the controls, the table's hosts, and its
// other_region_ids, which its checks keep apart from its regions.
func plan(t *table.Table, controls []string) *probePlan {
	p := &probePlan{controls: controls, hosts: probeHosts(t)}
	for i := range t.OtherRegions {
		o := &t.OtherRegions[i]
		p.cands = append(p.cands, candidate{id: "oss-" + o.CloudID, host: "oss-" + o.CloudID + ".aliyuncs.com", other: o})
	}
	return p
}

// names is every name the plan asks, controls first.
func (p *probePlan) names() []string {
	out := append([]string(nil), p.controls...)
	for _, h := range p.hosts {
		out = append(out, h.host)
	}
	for _, c := range p.cands {
		out = append(out, c.host)
	}
	return out
}

// probe asks the controls and, when the resolver is honest, the rest.
func (p *probePlan) probe(ctx context.Context, a *asker) *probeFindings {
	f := &probeFindings{plan: p}
	ctl := askNames(ctx, a, p.controls)
	for i, name := range p.controls {
		f.unanswered(name, ctl[i])
		if addrs := ctl[i].addrs(); len(addrs) > 0 { // even with the other type unanswered
			f.controlsResolve = append(f.controlsResolve, resolved{probeHost: probeHost{host: name}, addrs: addrs})
		}
	}
	if f.untrusted() {
		f.stopped = true // nothing else this resolver says can be taken
		return f
	}
	got := askNames(ctx, a, p.names()[len(p.controls):]) // the hosts, then the candidates
	for i, h := range p.hosts {
		if !f.unanswered(h.host, got[i]) {
			f.judgeHost(h, got[i])
		}
	}
	// Judged like drift's list that is too short: when most of the hosts
	// that must resolve do not, the resolver does not see them (one that
	// answers NXDOMAIN for everything, or has no way out), and nothing is
	// taken as gone.
	if f.mustResolve > 0 && 2*(len(f.missing)+len(f.noIPv6)) > f.mustResolve {
		f.blind = true
	}
	for i, c := range p.cands {
		pa := got[len(p.hosts)+i]
		switch {
		case f.unanswered(c.host, pa):
		case len(pa.addrs()) > 0:
			f.newRegions = append(f.newRegions, newCandidate{c, pa.addrs()})
		default:
			f.quiet = append(f.quiet, c)
		}
	}
	return f
}

// pairAnswer is the A and the AAAA answer of one name.
type pairAnswer struct{ a, aaaa answer }

func (pa pairAnswer) addrs() []netip.Addr {
	return append(append([]netip.Addr(nil), pa.a.addrs...), pa.aaaa.addrs...)
}

// askNames asks A and AAAA of every name.
func askNames(ctx context.Context, a *asker, names []string) []pairAnswer {
	var qs []query
	for _, n := range names {
		qs = append(qs, query{n, false}, query{n, true})
	}
	got := a.askAll(ctx, qs)
	out := make([]pairAnswer, len(names))
	for i := range names {
		out[i] = pairAnswer{got[2*i], got[2*i+1]}
	}
	return out
}

// judgeHost holds one host's answers to what the table and its public_dns say.
func (f *probeFindings) judgeHost(h probeHost, pa pairAnswer) {
	addrs := pa.addrs()
	if h.kind == "dual-stack" {
		addrs = pa.aaaa.addrs // every name under oss.aliyuncs.com has an A record
	}
	r := resolved{probeHost: h, addrs: addrs}
	if h.region != nil && h.region.Status == table.StatusDecommissioned {
		if len(addrs) > 0 {
			f.closedResolve = append(f.closedResolve, r)
		}
		return
	}
	switch {
	case h.kind == "dual-stack" && !h.dns.AAAAPublished:
		seen := "No AAAA record"
		if len(addrs) > 0 {
			seen = "AAAA records"
		}
		f.note(h, "aaaa", seen)
		return
	case h.kind == "dual-stack":
		f.mustResolve++
		if len(addrs) == 0 {
			f.noIPv6 = append(f.noIPv6, r)
		}
		return
	case h.vipOf != nil && !h.dns.InternalPublished && len(addrs) == 0:
		f.note(h, "internal", "No address")
		return
	case h.vipOf == nil || h.dns.InternalPublished:
		f.mustResolve++
		if len(addrs) == 0 {
			f.missing = append(f.missing, r)
			return
		}
	}
	if h.vipOf != nil && len(h.vipOf.VIP) == 0 { // published only by ticket
		f.noRanges = append(f.noRanges, r)
		return
	}
	if h.vipOf != nil {
		for _, ad := range addrs {
			if !slices.ContainsFunc(h.vipOf.VIP, func(p netip.Prefix) bool { return p.Contains(ad) }) {
				r.outside = append(r.outside, ad)
			}
		}
		switch {
		case len(r.outside) > 0:
			f.outside = append(f.outside, r)
		case !h.dns.InternalPublished:
			f.note(h, "internal", "Addresses inside their VIP ranges")
		}
	}
}

// unanswered records name's queries without an answer that can be taken.
func (f *probeFindings) unanswered(name string, pa pairAnswer) bool {
	found := false
	for i, a := range []answer{pa.a, pa.aaaa} {
		if a.failed != "" {
			f.failed = append(f.failed, failedQuery{name, [2]string{"A", "AAAA"}[i], a.failed, a.detail})
			if a.notAsked {
				f.notAsked++
			}
			found = true
		}
	}
	return found
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

// askAll asks every query, inflight at a time; once ctx is done, no more.
func (a *asker) askAll(ctx context.Context, qs []query) []answer {
	out := make([]answer, len(qs))
	sem := make(chan struct{}, a.inflight)
	var wg sync.WaitGroup
	for i, q := range qs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i] = a.ask(ctx, q)
		}()
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
	network := "ip4"
	if q.ip6 {
		network = "ip6"
	}
	addrs, err := a.r.LookupNetIP(qctx, network, q.name+".")
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
		ad = ad.Unmap()
		if ad.Is6() == q.ip6 && !slices.Contains(keep, ad) { // only what was asked
			keep = append(keep, ad)
		}
	}
	slices.SortFunc(keep, func(x, y netip.Addr) int { return x.Compare(y) })
	return answer{addrs: keep}
}

// hostsOverride lists the names that the hosts file at path answers, which
// Go's resolver reads before DNS, even with a Dial of its own: each line's
// fields after the address, up to a # comment, in ASCII lower case.
func hostsOverride(path string, names []string) error {
	data, err := table.ReadRegular(path, maxHostsSize, "maxHostsSize in internal/drift/probe.go", os.Stat)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
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
			if n := strings.TrimSuffix(lowerASCII(f[j]), "."); ask[n] {
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

// lowerASCII lower-cases A-Z only: strings.ToLower makes the Kelvin sign a k.
func lowerASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
