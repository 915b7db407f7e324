package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miekg/dns"
	"github.com/ossregions/ossregions/internal/table"
)

// The probe's tests ask a real DNS server (github.com/miekg/dns, in the
// tests only) started in the test on 127.0.0.1, through the probe's own
// resolver, over UDP and TCP. Its zones are built from the fixture table
// testdata/probe/table.yaml.

const fixtureTable = "testdata/probe/table.yaml"

// zone is what the test server answers: A and AAAA records and CNAMEs by
// name (lower case, without the final dot); a name under one of under
// that has none of its own, what under gives; everything else is
// NXDOMAIN, or, with wildcard, has wildcard's A records.
type zone struct {
	mu           sync.Mutex
	a, aaaa      map[string][]string
	cname        map[string]string
	servfail     map[string]bool
	servfailAAAA map[string]bool
	aaaaInA      map[string][]string // AAAA records smuggled into A answers
	wildcard     []string
	under        map[string]wildcard // name -> what every name under it answers
	asked        map[string]int      // name -> queries
	tcp          atomic.Int32        // queries over TCP
}

// wildcard is a zone's wildcard under one name: A records, given
// through a CNAME into gds.alibabadns.com where gds is set, as public DNS
// answers for bucket hosts.
type wildcard struct {
	a   []string
	gds bool
}

func newZone() *zone {
	return &zone{a: map[string][]string{}, aaaa: map[string][]string{}, cname: map[string]string{}, servfail: map[string]bool{}, servfailAAAA: map[string]bool{}, aaaaInA: map[string][]string{}, under: map[string]wildcard{}, asked: map[string]int{}}
}

// wildcardFor is what the nearest name under which name lies gives it,
// where name has no record of its own.
func (z *zone) wildcardFor(name string) (wildcard, bool) {
	_, hasA := z.a[name]
	_, hasAAAA := z.aaaa[name]
	_, hasCNAME := z.cname[name]
	for rest, ok := name, !hasA && !hasAAAA && !hasCNAME; ok; {
		if _, rest, ok = strings.Cut(rest, "."); ok {
			if w, found := z.under[rest]; found {
				return w, true
			}
		}
	}
	return wildcard{}, false
}

func (z *zone) ServeDNS(w dns.ResponseWriter, req *dns.Msg) {
	m := new(dns.Msg)
	m.SetReply(req)
	m.Authoritative, m.RecursionAvailable = true, true // else Go takes an empty answer for a lame referral
	if len(req.Question) != 1 {
		m.Rcode = dns.RcodeFormatError
		w.WriteMsg(m)
		return
	}
	q := req.Question[0]
	name := strings.TrimSuffix(strings.ToLower(q.Name), ".")
	_, overTCP := w.RemoteAddr().(*net.TCPAddr)
	if overTCP {
		z.tcp.Add(1)
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	z.asked[name]++
	if z.servfail[name] || z.servfailAAAA[name] && q.Qtype == dns.TypeAAAA {
		m.Rcode = dns.RcodeServerFailure
		w.WriteMsg(m)
		return
	}
	if w, ok := z.wildcardFor(name); ok {
		target := name
		if w.gds {
			target = strings.ReplaceAll(name, ".", "-") + ".gds.alibabadns.com"
			z.cname[name] = target
		}
		z.a[target] = w.a
	}
	cur := name
	for range 10 { // a CNAME chain, in the answer as servers give it
		target, ok := z.cname[cur]
		if !ok {
			break
		}
		m.Answer = append(m.Answer, &dns.CNAME{Hdr: dns.RR_Header{Name: dns.Fqdn(cur), Rrtype: dns.TypeCNAME, Class: dns.ClassINET, Ttl: 60}, Target: dns.Fqdn(target)})
		cur = target
	}
	_, hasA := z.a[cur]
	_, hasAAAA := z.aaaa[cur]
	addrs := map[uint16][]string{dns.TypeA: z.a[cur], dns.TypeAAAA: z.aaaa[cur]}
	if !hasA && !hasAAAA && len(m.Answer) == 0 {
		if z.wildcard == nil {
			m.Rcode = dns.RcodeNameError
			w.WriteMsg(m)
			return
		}
		addrs[dns.TypeA] = z.wildcard
	}
	for _, s := range addrs[q.Qtype] {
		hdr := dns.RR_Header{Name: dns.Fqdn(cur), Rrtype: q.Qtype, Class: dns.ClassINET, Ttl: 60}
		if q.Qtype == dns.TypeA {
			m.Answer = append(m.Answer, &dns.A{Hdr: hdr, A: net.ParseIP(s)})
		} else {
			m.Answer = append(m.Answer, &dns.AAAA{Hdr: hdr, AAAA: net.ParseIP(s)})
		}
	}
	if q.Qtype == dns.TypeA {
		for _, s := range z.aaaaInA[cur] {
			m.Answer = append(m.Answer, &dns.AAAA{Hdr: dns.RR_Header{Name: dns.Fqdn(cur), Rrtype: dns.TypeAAAA, Class: dns.ClassINET, Ttl: 60}, AAAA: net.ParseIP(s)})
		}
	}
	if !overTCP {
		size := dns.MinMsgSize
		if opt := req.IsEdns0(); opt != nil {
			size = int(opt.UDPSize())
		}
		m.Truncate(size) // sets TC when the answer does not fit
	}
	w.WriteMsg(m)
}

// names is every name the server was asked, sorted.
func (z *zone) names() []string {
	z.mu.Lock()
	defer z.mu.Unlock()
	var out []string
	for n := range z.asked {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// serve starts a DNS server for h on one 127.0.0.1 port, UDP and TCP, and
// returns its address.
func serve(t *testing.T, h dns.Handler) string {
	t.Helper()
	for range 20 {
		pc, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("tcp", pc.LocalAddr().String())
		if err != nil { // that port is taken for TCP: another
			pc.Close()
			continue
		}
		for _, s := range []*dns.Server{{PacketConn: pc, Handler: h}, {Listener: l, Handler: h}} {
			started := make(chan struct{})
			s.NotifyStartedFunc = func() { close(started) }
			go s.ActivateAndServe()
			<-started
			t.Cleanup(func() { s.Shutdown() })
		}
		return pc.LocalAddr().String()
	}
	t.Fatal("no free port for UDP and TCP")
	return ""
}

// fixture is the fixture table, through the table's loader as the probe
// reads it.
func fixture(t *testing.T) *table.Table {
	t.Helper()
	tbl, err := table.Load(fixtureTable)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// agreeingZone answers for every host of tbl as the table says: open
// regions' hosts resolve, internal ones inside their ranges where the
// table's public_dns says their cloud's are published, dual-stack ones
// with IPv6 where it says their AAAA records are; decommissioned
// regions' hosts do not exist.
func agreeingZone(tbl *table.Table) *zone {
	z := newZone()
	for i, h := range probeHosts(tbl) {
		if h.Region != nil && h.Region.Status == table.StatusDecommissioned || h.vipOf != nil && !h.dns.InternalPublished {
			continue
		}
		a := fmt.Sprintf("192.0.2.%d", i+1)
		if h.vipOf != nil {
			for _, p := range h.vipOf.VIP {
				if p.Addr().Is4() {
					a = p.Addr().Next().String()
					if p.Bits() == 32 {
						a = p.Addr().String()
					}
				}
			}
		}
		z.a[h.Name] = []string{a}
		if h.Kind == "dual-stack" && h.dns.AAAAPublished {
			z.aaaa[h.Name] = []string{fmt.Sprintf("2001:db8::%x", i+1)}
		}
	}
	return z
}

// fixedRandom makes the control names the same in every run.
func fixedRandom() *bytes.Reader {
	b := make([]byte, 64)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return bytes.NewReader(b)
}

// probeRun runs the probe against the server at addr.
func probeRun(t *testing.T, addr string, extra ...string) result {
	t.Helper()
	// No hosts file: the machine's /etc/hosts is not the test's.
	args := append([]string{"-in", fixtureTable, "-resolver", addr, "-hosts", filepath.Join(t.TempDir(), "none"), "-timeout", "2s", "-deadline", "20s"}, extra...)
	var out, errOut bytes.Buffer
	code := runProbe(context.Background(), args, &out, &errOut, fixedRandom())
	// The port is new every run.
	return result{code, strings.ReplaceAll(out.String(), addr, "RESOLVER"), strings.ReplaceAll(errOut.String(), addr, "RESOLVER")}
}

// golden compares got with testdata/probe/reports/NAME.txt.
func golden(t *testing.T, name string, got result) {
	t.Helper()
	path := filepath.Join("testdata", "probe", "reports", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// printable holds a report to the rule that nothing non-printable, and
// no HTML, reaches it: printable ASCII, and letters and digits of any
// script (region names).
func printable(t *testing.T, s string) {
	t.Helper()
	for i, r := range s {
		if r != '\n' && (r < 0x20 || r > 0x7e) && !letterOrDigit(r) {
			t.Errorf("the report has %U at byte %d", r, i)
			return
		}
	}
	if strings.ContainsAny(s, "<>") {
		t.Errorf("the report has < or >:\n%s", s)
	}
}

// TestProbeReports: agreement, each kind of drift and information, and
// answers that cannot be trusted, each with its golden report.
func TestProbeReports(t *testing.T) {
	in := fixture(t)
	tests := []struct {
		name   string
		edit   func(z *zone)
		code   int
		expect func(t *testing.T, z *zone, got result)
	}{
		{name: "agrees", code: exitAgrees},
		{name: "drifted", code: exitDrifted, edit: func(z *zone) {
			delete(z.a, "oss-eu-west-2.aliyuncs.com")                                           // an open region's host gone
			delete(z.a, "oss-accelerate-overseas.aliyuncs.com")                                 // a host of no region gone
			z.a["oss-cn-hangzhou-internal.aliyuncs.com"] = []string{"100.118.28.1", "10.1.2.3"} // outside the ranges
			z.aaaa["oss-cn-hzfinance-internal.aliyuncs.com"] = []string{"2408:4001::1"}         // IPv6 outside the ranges
			z.a["oss-cn-hzjbp-a-internal.aliyuncs.com"] = []string{"100.103.4.210"}             // unpublished, inside the ranges: information
			z.aaaa["cn-hangzhou-finance.oss.aliyuncs.com"] = []string{"2408:4000:1000::1"}      // unpublished AAAA present: information
			delete(z.aaaa, "cn-hangzhou.oss.aliyuncs.com")                                      // dual-stack without IPv6
			z.a["oss-sa-east-1.aliyuncs.com"] = []string{"47.0.0.1"}                            // a candidate opened
			z.a["oss-ap-southeast-2.aliyuncs.com"] = []string{"47.0.0.2"}                       // a closed region's host resolves
		}},
		{name: "closing_gone", code: exitDrifted, edit: func(z *zone) {
			delete(z.a, "oss-cn-nanjing.aliyuncs.com") // decommissioning: still open, so drift
			delete(z.a, "oss-cn-nanjing-internal.aliyuncs.com")
		}},
		{name: "blind", code: exitNotCheck, edit: func(z *zone) {
			// NXDOMAIN for everything: the controls pass, yet nothing
			// resolves; the table has not lost every region at once.
			z.a, z.aaaa = map[string][]string{}, map[string][]string{}
		}},
		{name: "wildcard_servfail", code: exitNotCheck, edit: func(z *zone) {
			// A for any name, SERVFAIL for AAAA, as a forwarder
			// without upstream answers: still a name that resolves.
			z.wildcard = []string{"203.0.113.9"}
			controls, _ := controlNames(fixedRandom())
			for _, c := range controls {
				z.servfailAAAA[c] = true
			}
		}},
		{name: "wildcard", code: exitNotCheck, edit: func(z *zone) { z.wildcard = []string{"203.0.113.9"} },
			expect: func(t *testing.T, z *zone, got result) {
				for _, n := range z.names() {
					if !strings.Contains(got.stdout, "`"+n+"`") {
						t.Errorf("asked %s, which is not a control name the report names", n)
					}
				}
				if len(z.names()) != 2 {
					t.Errorf("asked %v; want only the 2 control names", z.names())
				}
			}},
		{name: "servfail", code: exitNotCheck, edit: func(z *zone) {
			z.servfail["oss-eu-west-2.aliyuncs.com"] = true
			delete(z.a, "oss-cn-hangzhou.aliyuncs.com") // still reported, among the partial answers
		}},
		{name: "truncated", code: exitAgrees, edit: func(z *zone) {
			var many []string
			for i := range 300 {
				many = append(many, fmt.Sprintf("198.51.%d.%d", i/250, i%250+1))
			}
			z.a["oss-eu-west-2-internal.aliyuncs.com"] = many // no ranges: shown, cut
		}, expect: func(t *testing.T, z *zone, got result) {
			if z.tcp.Load() == 0 {
				t.Error("a truncated answer was not asked again over TCP")
			}
			if !strings.Contains(got.stdout, "and 292 more") {
				t.Error("the 300 addresses are not all counted")
			}
		}},
		{name: "hostile", code: exitDrifted, edit: func(z *zone) {
			// A CNAME chain through names with markup, to addresses
			// outside the ranges.
			z.cname["oss-cn-hangzhou-internal.aliyuncs.com"] = "x<b>y</b>.example"
			z.cname["x<b>y</b>.example"] = "[click](http://evil.example)`rm`.example"
			z.a["[click](http://evil.example)`rm`.example"] = []string{"10.9.9.9"}
			delete(z.a, "oss-cn-hangzhou-internal.aliyuncs.com")
			// Many records for one name: over the UDP size, so TCP.
			var many []string
			for i := range 1000 {
				many = append(many, fmt.Sprintf("2001:db8:1::%x", i+1))
			}
			z.aaaa["cn-hangzhou.oss.aliyuncs.com"] = many
			// IPv6 only in the answer to A: not an AAAA record.
			delete(z.aaaa, "cn-hangzhou-finance.oss.aliyuncs.com")
			z.aaaaInA["cn-hangzhou-finance.oss.aliyuncs.com"] = []string{"2001:db8:bad::1"}
			// A CNAME loop: no address.
			z.cname["oss-cn-nanjing-internal.aliyuncs.com"] = "loop.example"
			z.cname["loop.example"] = "oss-cn-nanjing-internal.aliyuncs.com"
			delete(z.a, "oss-cn-nanjing-internal.aliyuncs.com")
		}, expect: func(t *testing.T, z *zone, got result) {
			if z.tcp.Load() == 0 {
				t.Error("1000 AAAA records were not asked again over TCP")
			}
			for _, bad := range []string{"<b>", "click", "evil", "rm`", "2001:db8:bad::1", "loop"} {
				if strings.Contains(got.stdout, bad) {
					t.Errorf("the report carries %q from an answer", bad)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z := agreeingZone(in)
			if tt.edit != nil {
				tt.edit(z)
			}
			got := probeRun(t, serve(t, z))
			if got.code != tt.code {
				t.Errorf("exit %d, want %d", got.code, tt.code)
			}
			printable(t, got.stdout)
			if tt.expect != nil {
				tt.expect(t, z, got)
			}
			golden(t, tt.name, got)
		})
	}
}

// TestProbeHostileTableText: a region name with markup in the table
// reaches the report inert.
func TestProbeHostileTableText(t *testing.T) {
	tp := renamedFixture(t, `"UK <img src=x> [London](http://evil.example) *x*"`)
	z := agreeingZone(fixture(t))
	delete(z.a, "oss-eu-west-2.aliyuncs.com")
	addr := serve(t, z)
	var out, errOut bytes.Buffer
	code := runProbe(context.Background(), []string{"-in", tp, "-resolver", addr}, &out, &errOut, fixedRandom())
	want := `UK \<img src=x\> \[London\]\(http\://evil\.example\) \*x\*`
	if code != exitDrifted || !strings.Contains(out.String(), want) {
		t.Errorf("exit %d; want the name as %s in:\n%s%s", code, want, out.String(), errOut.String())
	}
}

// TestProbeAsksWhatItSays: against an agreeing server, the probe asks
// exactly the fixture's hosts, its other_region_ids and the controls,
// each once for A and once for AAAA.
func TestProbeAsksWhatItSays(t *testing.T) {
	in := fixture(t)
	z := agreeingZone(in)
	got := probeRun(t, serve(t, z))
	if got.code != exitAgrees {
		t.Fatalf("%v", got)
	}
	controls, _ := controlNames(fixedRandom())
	want := plan(in, controls).names()
	slices.Sort(want)
	if !slices.Equal(z.names(), want) {
		t.Errorf("asked\n%v\nwant\n%v", z.names(), want)
	}
	for n, c := range z.asked {
		if c != 2 {
			t.Errorf("%s asked %d times, want 2 (A and AAAA)", n, c)
		}
	}
}

// TestProbeNamesOfRealTable: the names the probe would ask for the real
// table are every host regions.json lists (the JSON edition, read here on
// its own), oss-<id>.aliyuncs.com of each of the table's
// other_region_ids, and the controls: computed from the files, not
// written down here.
func TestProbeNamesOfRealTable(t *testing.T) {
	data, err := os.ReadFile("../../regions.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		DefaultEndpoints    map[string]string `json:"defaultEndpoints"`
		AccelerateEndpoints map[string]string `json:"accelerateEndpoints"`
		RegionlessEndpoint  *string           `json:"regionlessEndpoint"`
		Regions             []struct {
			ID    string `json:"id"`
			Hosts []struct {
				Host string `json:"host"`
			} `json:"hosts"`
		} `json:"regions"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, h := range raw.DefaultEndpoints {
		want[h] = true
	}
	for _, h := range raw.AccelerateEndpoints {
		want[h] = true
	}
	if raw.RegionlessEndpoint != nil {
		want[*raw.RegionlessEndpoint] = true
	}
	ids := map[string]bool{}
	for _, r := range raw.Regions {
		ids[r.ID] = true
		for _, h := range r.Hosts {
			want[h.Host] = true
		}
	}
	tableHosts := len(want)
	in, err := table.Load("../../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range in.OtherRegions {
		if ids["oss-"+o.CloudID] || want["oss-"+o.CloudID+".aliyuncs.com"] {
			t.Errorf("other_region_ids lists %s, a region or host of the table", o.CloudID)
		}
		want["oss-"+o.CloudID+".aliyuncs.com"] = true
	}
	controls, err := controlNames(fixedRandom())
	if err != nil {
		t.Fatal(err)
	}
	p := plan(in, controls)
	for _, c := range controls {
		if want[c] || !strings.HasSuffix(c, ".aliyuncs.com") {
			t.Errorf("control %s is a name of the table or not under aliyuncs.com", c)
		}
		want[c] = true
	}
	got := p.names()
	if len(got) != len(want) || len(p.hosts) != tableHosts {
		t.Errorf("%d names (%d hosts of the table); want %d (%d)", len(got), len(p.hosts), len(want), tableHosts)
	}
	for _, n := range got {
		if !want[n] {
			t.Errorf("asks %s, which is neither a host of regions.json, a candidate nor a control", n)
		}
		delete(want, n)
	}
	for n := range want {
		t.Errorf("does not ask %s", n)
	}
}

// TestProbeDeadResolver: a resolver that never answers ends the run
// within the query timeout, after the control names, with exit 2; one
// that refuses does too.
func TestProbeDeadResolver(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0") // bound, never read
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	start := time.Now()
	got := probeRun(t, pc.LocalAddr().String(), "-timeout", "300ms")
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("a dead resolver held the run for %v", elapsed)
	}
	if got.code != exitNotCheck || !strings.Contains(got.stdout, "no answer within 300ms") {
		t.Errorf("%v", got)
	}
	printable(t, got.stdout)
	golden(t, "dead", got)

	// A port nothing listens on: refused, at once.
	addr := pc.LocalAddr().String()
	pc.Close()
	got = probeRun(t, addr)
	if got.code != exitNotCheck || !strings.Contains(got.stdout, "Only the control names were asked.") {
		t.Errorf("%v", got)
	}
	// Planned is every name; asked is the 2 controls, A and AAAA.
	controls, _ := controlNames(fixedRandom())
	want := fmt.Sprintf("A and AAAA each: %d queries planned, 4 asked", 2*len(plan(fixture(t), controls).names()))
	if !strings.Contains(got.stdout, want) {
		t.Errorf("the report lacks %q:\n%s", want, got.stdout)
	}
}

// TestProbeDeadline: a resolver that stops answering half-way is bounded
// by the run's deadline; what was not asked is reported as such.
func TestProbeDeadline(t *testing.T) {
	in := fixture(t)
	z := agreeingZone(in)
	slow := dns.HandlerFunc(func(w dns.ResponseWriter, req *dns.Msg) {
		name := strings.TrimSuffix(strings.ToLower(req.Question[0].Name), ".")
		if !strings.HasPrefix(name, "oss-zz-") && strings.Count(name, ".") > 2 || strings.HasPrefix(name, "oss-c") {
			return // no answer: the client times out
		}
		z.ServeDNS(w, req)
	})
	start := time.Now()
	got := probeRun(t, serve(t, slow), "-timeout", "400ms", "-deadline", "1s", "-inflight", "1")
	if elapsed := time.Since(start); elapsed > 4*time.Second {
		t.Errorf("the run took %v with a deadline of 1s", elapsed)
	}
	if got.code != exitNotCheck || !strings.Contains(got.stdout, "not asked: the run's deadline passed") {
		t.Errorf("%v", got)
	}
	head := regexp.MustCompile(`\*\*Could not check: the run's deadline passed before every query was asked: (\d+) of (\d+) queries were not asked`).FindStringSubmatch(got.stdout)
	if head == nil || head[1] == "0" || head[1] != fmt.Sprint(strings.Count(got.stdout, "not asked: the run's deadline passed")) {
		t.Errorf("the headline does not say the deadline passed, nor count what was not asked:\n%s", got.stdout)
	}
	if strings.Contains(got.stdout, "The answers that came are below") {
		t.Errorf("the report claims the answers are below:\n%s", got.stdout)
	}
}

// withOthers is the fixture table with n more other_region_ids,
// xx-many-0 to xx-many-<n-1>, in a file of its own.
func withOthers(t *testing.T, n int) string {
	t.Helper()
	data, err := os.ReadFile(fixtureTable)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("other_region_ids:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: xx-many-%d, name: Many %d, sources: [T]}\n", i, i)
	}
	more := strings.Replace(string(data), "other_region_ids:\n", b.String(), 1)
	if more == string(data) {
		t.Fatal("the fixture has no other_region_ids")
	}
	return writeTemp(t, "table.yaml", []byte(more))
}

// TestProbeQueryCap: a table whose other_region_ids would take the run
// over maxQueries is refused before anything is asked.
func TestProbeQueryCap(t *testing.T) {
	z := newZone()
	addr := serve(t, z)
	var out, errOut bytes.Buffer
	code := runProbe(context.Background(), []string{"-in", withOthers(t, maxQueries/2), "-resolver", addr}, &out, &errOut, fixedRandom())
	if code != exitNotCheck || out.Len() != 0 || !strings.Contains(errOut.String(), "more than 2000 (maxQueries") || len(z.names()) != 0 {
		t.Errorf("exit %d, stdout %q, stderr %q, asked %d names", code, out.String(), errOut.String(), len(z.names()))
	}
}

// TestProbeBadInput: every problem of the table, its other_region_ids
// and public_dns included, is reported, with where, before anything is
// asked; the table's problems are the loader's, file:line:col. A table
// without public_dns cannot be probed.
func TestProbeBadInput(t *testing.T) {
	good, err := os.ReadFile(fixtureTable)
	if err != nil {
		t.Fatal(err)
	}
	badTable := strings.NewReplacer(
		"public: oss-eu-west-2.aliyuncs.com", "public: oss-eu-west-2.evil.example",
		"- 100.118.28.0/24", "- 100.118.28.1/24",
		"status: decommissioned", "status: gone",
		"cloud: finance\n", "cloud: moon\n",
		"public: oss.aliyuncs.com", "public: oss-cn-hangzhou.aliyuncs.com",
		"version: 1.2.0", "version: 1.2.0\nversion: 9.9.9",
	).Replace(string(good))
	noDNS := regexp.MustCompile(`(?m)^public_dns:\n(  - .*\n)*`).ReplaceAllString(string(good), "")
	tests := []struct {
		name, table string
		want        []string
	}{
		{"table", badTable, []string{`field "version" appears twice`}},
		{"table values", strings.Replace(badTable, "\nversion: 9.9.9", "", 1), []string{
			`(oss-eu-west-2): endpoints.public: "oss-eu-west-2.evil.example" is not in Alibaba Cloud's OSS domain`,
			`(oss-cn-hangzhou): vip_ranges[0]: "100.118.28.1/24" has host bits set`,
			`(oss-ap-southeast-2): status: "gone" is not a status`,
			`(oss-cn-hangzhou-finance): cloud: "moon" is not a cloud`,
			`endpoint oss-cn-hangzhou.aliyuncs.com is already used by default_endpoints.public`,
		}},
		{"other ids", strings.NewReplacer("{id: sa-east-1,", "{id: cn-hangzhou,", "{id: us-southeast-1,", "{id: OSS-US-1,",
			"{cloud: government,", "{cloud: finance,").Replace(string(good)), []string{
			`other_region_ids[0].id: cn-hangzhou is the ID of oss-cn-hangzhou, a region of the table`,
			`other_region_ids[1].id: "OSS-US-1" is not a cloud region ID`,
			`public_dns[2].cloud: the finance cloud has an entry already`,
			`public_dns: no entry for the government cloud`,
		}},
		{"no public_dns", noDNS, []string{"r.yaml has no public_dns list: the probe judges each cloud's hosts by what the table says public DNS shows of them"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z := newZone()
			addr := serve(t, z)
			dir := t.TempDir()
			tp := filepath.Join(dir, "r.yaml")
			os.WriteFile(tp, []byte(tt.table), 0o644)
			var out, errOut bytes.Buffer
			code := runProbe(context.Background(), []string{"-in", tp, "-resolver", addr}, &out, &errOut, fixedRandom())
			stderr := strings.ReplaceAll(errOut.String(), dir+"/", "")
			if code != exitNotCheck || out.Len() != 0 || len(z.names()) != 0 {
				t.Errorf("exit %d, stdout %q, asked %v", code, out.String(), z.names())
			}
			want := tt.want
			if _, err := table.Load(tp); err != nil { // the loader's words, each problem with its file:line:col
				for _, l := range strings.Split(strings.ReplaceAll(err.Error(), dir+"/", ""), "\n") {
					if !regexp.MustCompile(`^r\.yaml:\d+:\d+: `).MatchString(l) {
						t.Errorf("the loader's problem %q has no file:line:col", l)
					}
					want = append(want, "drift probe: "+l+"\n")
				}
			}
			for _, w := range want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			printable(t, stderr)
			for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
				if !strings.HasPrefix(l, "drift probe: ") || strings.Contains(l, `\-`) || strings.Contains(l, `\.`) {
					t.Errorf("a line of stderr without the prefix, or escaped for Markdown: %q", l)
				}
			}
		})
	}
}

// renamedFixture is the fixture table with the region UK (London) named
// name (YAML), in a file of its own.
func renamedFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(fixtureTable)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(string(data), "name: UK (London)", "name: "+name, 1)
	if renamed == string(data) {
		t.Fatal("the fixture has no region named UK (London)")
	}
	return writeTemp(t, "table.yaml", []byte(renamed))
}

// TestProbeUsage: -h prints the usage; bad flags are all reported.
func TestProbeUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runProbe(context.Background(), []string{"-h"}, &out, &errOut, fixedRandom()); code != exitAgrees || !strings.HasPrefix(out.String(), "usage: drift probe") {
		t.Errorf("-h: exit %d, %q", code, out.String())
	}
	out.Reset()
	code := runProbe(context.Background(), []string{"-resolver", "localhost:53", "-inflight", "0", "-timeout", "0s"}, &out, &errOut, fixedRandom())
	for _, w := range []string{"expected an IP address and port", "-inflight must be 1 to 16", "-timeout and -deadline must be positive", fmt.Sprintf("at most %d questions a run", maxQueries), "may retry each", "/etc/hosts"} {
		if code != exitNotCheck || !strings.Contains(errOut.String(), w) {
			t.Errorf("exit %d, stderr lacks %q: %s", code, w, errOut.String())
		}
	}
}

// TestProbeBlockNeedsAPerson: the block proposed for a candidate that
// resolves is refused by the table's checks as it is, like drift's.
func TestProbeBlockNeedsAPerson(t *testing.T) {
	in := fixture(t)
	z := agreeingZone(in)
	z.a["oss-sa-east-1.aliyuncs.com"] = []string{"47.0.0.1"}
	got := probeRun(t, serve(t, z))
	_, block, ok := strings.Cut(got.stdout, "```yaml\n")
	block, _, ok2 := strings.Cut(block, "```")
	if got.code != exitDrifted || !ok || !ok2 || !strings.Contains(block, "# Sources: none yet: make probe saw oss-sa-east-1.aliyuncs.com resolve") {
		t.Fatalf("no marked block: %v", got)
	}
	yamlData, err := os.ReadFile(fixtureTable)
	if err != nil {
		t.Fatal(err)
	}
	_, err = table.Parse("table.yaml", []byte(strings.TrimRight(string(yamlData), "\n")+"\n"+block))
	if err == nil || !strings.Contains(err.Error(), `missing field "sources"`) {
		t.Errorf("the proposed block is not refused: %v", err)
	}
}

// TestProbeInflight: no more queries reach the server at once than
// -inflight allows.
func TestProbeInflight(t *testing.T) {
	z := agreeingZone(fixture(t))
	var now, most atomic.Int32
	h := dns.HandlerFunc(func(w dns.ResponseWriter, req *dns.Msg) {
		n := now.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(10 * time.Millisecond)
		now.Add(-1) // before the answer, which lets the client send the next
		z.ServeDNS(w, req)
	})
	got := probeRun(t, serve(t, h), "-inflight", "2")
	if got.code != exitAgrees || most.Load() > 2 || most.Load() < 1 {
		t.Errorf("exit %d, at most %d queries at once; want 2", got.code, most.Load())
	}
}

// TestProbeHostsFile: a name the probe would ask that the hosts file
// answers stops the run before anything is asked, with exit 2, naming
// the entries: Go's resolver would take them for DNS answers.
func TestProbeHostsFile(t *testing.T) {
	hosts := writeTemp(t, "hosts", []byte("# oss-cn-hangzhou.aliyuncs.com in a comment\n127.0.0.1 localhost\n"+
		"10.0.0.1\tOSS-CN-Hangzhou.aliyuncs.com. other.example # a comment oss-eu-west-2.aliyuncs.com\n"+
		"::1 ip6-localhost oss-eu-west-2-internal.aliyuncs.com\n"))
	z := agreeingZone(fixture(t))
	got := probeRun(t, serve(t, z), "-hosts", hosts)
	if got.code != exitNotCheck || got.stdout != "" || len(z.names()) != 0 {
		t.Errorf("exit %d, stdout %q, asked %v", got.code, got.stdout, z.names())
	}
	for _, w := range []string{"could not check", "2 names", "reads the hosts file before DNS",
		`hosts:3: "10.0.0.1" "oss-cn-hangzhou.aliyuncs.com"`, `hosts:4: "::1" "oss-eu-west-2-internal.aliyuncs.com"`} {
		if !strings.Contains(got.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, got.stderr)
		}
	}
	for _, bad := range []string{"other.example", "localhost", "hosts:1:", `"oss-eu-west-2.aliyuncs.com"`} {
		if strings.Contains(got.stderr, bad) {
			t.Errorf("stderr names %q, which the probe does not ask or is a comment:\n%s", bad, got.stderr)
		}
	}
	// Without entries for its names, the hosts file changes nothing.
	clean := writeTemp(t, "hosts2", []byte("127.0.0.1 localhost\n"))
	if got := probeRun(t, serve(t, agreeingZone(fixture(t))), "-hosts", clean); got.code != exitAgrees {
		t.Errorf("a hosts file without the probe's names: %v", got)
	}
}

// TestProbeListsBounded: every list of the report, on lines or inline,
// stops at maxListed items and counts the rest, whatever the run finds.
func TestProbeListsBounded(t *testing.T) {
	in := fixture(t)
	z := agreeingZone(in)
	for i := 0; i < 700; i += 10 {
		z.a[fmt.Sprintf("oss-xx-many-%d.aliyuncs.com", i)] = []string{"47.0.0.1"} // 70 resolve
	}
	more := withOthers(t, 700)
	got := probeRun(t, serve(t, z), "-in", more)
	if got.code != exitDrifted {
		t.Fatalf("%v", got)
	}
	printable(t, got.stdout)
	for _, l := range strings.Split(got.stdout, "\n") {
		if len(l) > 4000 {
			t.Errorf("a line of %d bytes: %.200s...", len(l), l)
		}
	}
	if n := strings.Count(got.stdout, "\n### `"); n != maxListed {
		t.Errorf("%d proposed blocks; want %d", n, maxListed)
	}
	quiet := 630 + len(in.OtherRegions) // the fixture's own resolve in no zone
	for _, w := range []string{"And 20 more: ", fmt.Sprintf("- Asked, no address (%d): ", quiet), fmt.Sprintf(", and %d more.", quiet-maxListed)} {
		if !strings.Contains(got.stdout, w) {
			t.Errorf("the report lacks %q", w)
		}
	}
	// Hosts file entries are bounded the same way.
	var h strings.Builder
	for i := range 700 {
		fmt.Fprintf(&h, "10.0.0.1 oss-xx-many-%d.aliyuncs.com\n", i)
	}
	got = probeRun(t, serve(t, z), "-in", more, "-hosts", writeTemp(t, "hosts", []byte(h.String())))
	if got.code != exitNotCheck || strings.Count(got.stderr, "\n") > maxListed+3 || !strings.Contains(got.stderr, "and 650 more") {
		t.Errorf("exit %d, %d lines of stderr:\n%.2000s", got.code, strings.Count(got.stderr, "\n"), got.stderr)
	}
}

// TestProbeRegionNameText: a region name of printable letters of any
// script reaches the report as REGIONS.md has it; markup, bidi and line
// separators in one do not.
func TestProbeRegionNameText(t *testing.T) {
	z := agreeingZone(fixture(t))
	delete(z.a, "oss-eu-west-2.aliyuncs.com")
	got := probeRun(t, serve(t, z), "-in", renamedFixture(t, "Brazil (São Paulo)"))
	if got.code != exitDrifted || !strings.Contains(got.stdout, "`oss-eu-west-2` Brazil (São Paulo), active") {
		t.Errorf("exit %d; want the name as Brazil (São Paulo) in:\n%s%s", got.code, got.stdout, got.stderr)
	}
	for in, want := range map[string]string{
		"São <b>Paulo</b>":        `São \<b\>Paulo\</b\>`,
		"Sé\u202eo\u2028x\u00a0y": `Sé\u202eo\u2028x\u00a0y`,
		"東京 [x](y)":               `東京\u3000\[x\]\(y\)`,
	} {
		in = strings.ReplaceAll(in, "東京 ", "東京\u3000")
		if got := plainOrInert(in); got != want {
			t.Errorf("plainOrInert(%+q) = %+q, want %+q", in, got, want)
		}
	}
}
