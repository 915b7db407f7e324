package sdktest

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/ossregions/ossregions/regions"
)

// hostsOfTable lists every host the package names for the regions of the
// table: every kind of every region, the hosts of the other families of
// every region in the forms SDK v2 builds (vectors) or returns (access
// points, as in TestSDKv2AccessPoints), without the label in front, and
// the package's hosts of no region.
func hostsOfTable() []string {
	var out []string
	for _, tg := range targets() {
		out = append(out, tg.host)
	}
	for _, r := range regions.All() {
		id := r.CloudRegion()
		out = append(out,
			"oss-"+id+".oss-accesspoint.aliyuncs.com",
			"oss-"+id+"-internal.oss-accesspoint.aliyuncs.com",
			id+".oss-vectors.aliyuncs.com",
			id+"-internal.oss-vectors.aliyuncs.com")
	}
	return append(out, regions.DefaultEndpoint, regions.DefaultInternalEndpoint, regions.RegionlessEndpoint,
		regions.GlobalAccelerateEndpoint, regions.OverseasAccelerateEndpoint)
}

// sameParse holds ParseEndpoint of the absolute name abs to what it gives
// for rel, the same name without the trailing dot: the same Endpoint, or
// an error of the same class with the same Suggestion.
func sameParse(t *testing.T, abs, rel string) {
	t.Helper()
	want, wantErr := regions.ParseEndpoint(rel)
	got, err := regions.ParseEndpoint(abs)
	if (err == nil) != (wantErr == nil) || got != want {
		t.Errorf("ParseEndpoint(%q) = %+v, %v; ParseEndpoint(%q) = %+v, %v", abs, got, err, rel, want, wantErr)
		return
	}
	if err != nil {
		var e, we *regions.Error
		if !errors.As(err, &e) || !errors.As(wantErr, &we) || e.Suggestion != we.Suggestion ||
			errors.Is(err, regions.ErrInvalidBucket) != errors.Is(wantErr, regions.ErrInvalidBucket) {
			t.Errorf("ParseEndpoint(%q): %v; ParseEndpoint(%q): %v", abs, err, rel, wantErr)
		}
	}
}

// TestTrailingDot holds the absolute name of every host of the table, in
// every form a request names it (alone, with a bucket, with a port, in a
// URL, in its S3-compatible form), to the same Endpoint as the name
// without the dot. The forms a user is given must parse; the s3. form is
// held to whatever ParseEndpoint says without the dot, since it exists
// only for some kinds.
func TestTrailingDot(t *testing.T) {
	for _, h := range hostsOfTable() {
		for _, rel := range []string{h, bucket + "." + h, "https://" + bucket + "." + h + "/" + key} {
			if _, err := regions.ParseEndpoint(rel); err != nil {
				t.Errorf("ParseEndpoint(%q): %v", rel, err)
			}
		}
		cases := [][2]string{
			{h + ".", h},
			{bucket + "." + h + ".", bucket + "." + h},
			{bucket + "." + h + ".:443", bucket + "." + h + ":443"},
			{"https://" + bucket + "." + h + "./" + key, "https://" + bucket + "." + h + "/" + key},
			{"https://" + h + "./" + bucket + "/" + key, "https://" + h + "/" + bucket + "/" + key},
			{"s3." + h + ".", "s3." + h},
			{"s3." + strings.ToUpper(h) + ".", "s3." + strings.ToUpper(h)},
		}
		for _, c := range cases {
			sameParse(t, c[0], c[1])
		}
	}
}

// TestLookupCNAME reads what net.LookupCNAME really returns: the Go
// resolver asks a DNS server started here, which answers every name with
// a CNAME to a bucket on a host of the table. The absolute name it hands
// back parses as the host with its bucket.
func TestLookupCNAME(t *testing.T) {
	hosts := hostsOfTable()
	cname := map[string]string{} // question name -> CNAME target, both absolute
	for i, h := range hosts {
		cname["c"+strconv.Itoa(i)+".example.test."] = bucket + "." + h + "."
	}
	addr := serveDNS(t, cname)
	resolver := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", addr)
	}}
	for i, h := range hosts {
		got, err := resolver.LookupCNAME(context.Background(), "c"+strconv.Itoa(i)+".example.test")
		if err != nil {
			t.Fatal(err)
		}
		if got != bucket+"."+h+"." {
			t.Fatalf("LookupCNAME gave %q, want %q", got, bucket+"."+h+".")
		}
		sameParse(t, got, strings.TrimSuffix(got, "."))
		if e, err := regions.ParseEndpoint(got); err != nil || e.Bucket != bucket || e.Host != h {
			t.Errorf("ParseEndpoint(%q) = %+v, %v; want bucket %q on host %q", got, e, err, bucket, h)
		}
	}
}

// serveDNS answers A and AAAA questions for the names of cname, over UDP on
// the loopback address, with the CNAME and an address of the
// documentation ranges; anything else is NXDOMAIN. It returns the
// server's address and stops when the test ends.
func serveDNS(t *testing.T, cname map[string]string) string {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	go func() {
		buf := make([]byte, 512)
		for {
			n, from, err := conn.ReadFrom(buf)
			if err != nil {
				return // closed
			}
			if out, ok := dnsAnswer(buf[:n], cname); ok {
				conn.WriteTo(out, from)
			}
		}
	}()
	return conn.LocalAddr().String()
}

// dnsAnswer builds the answer to one query, or reports false for a packet
// that is not a query of one question.
func dnsAnswer(query []byte, cname map[string]string) ([]byte, bool) {
	var p dnsmessage.Parser
	h, err := p.Start(query)
	if err != nil {
		return nil, false
	}
	q, err := p.Question()
	if err != nil {
		return nil, false
	}
	h.Response, h.Authoritative, h.RecursionAvailable = true, true, true
	target, ok := cname[strings.ToLower(q.Name.String())]
	if !ok {
		h.RCode = dnsmessage.RCodeNameError
	}
	b := dnsmessage.NewBuilder(nil, h)
	b.EnableCompression()
	if b.StartQuestions() != nil || b.Question(q) != nil || b.StartAnswers() != nil {
		return nil, false
	}
	if ok {
		to := dnsmessage.MustNewName(target)
		rh := dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 60}
		if b.CNAMEResource(rh, dnsmessage.CNAMEResource{CNAME: to}) != nil {
			return nil, false
		}
		rh.Name = to
		switch q.Type {
		case dnsmessage.TypeA:
			err = b.AResource(rh, dnsmessage.AResource{A: netip.MustParseAddr("192.0.2.1").As4()})
		case dnsmessage.TypeAAAA:
			err = b.AAAAResource(rh, dnsmessage.AAAAResource{AAAA: netip.MustParseAddr("2001:db8::1").As16()})
		}
		if err != nil {
			return nil, false
		}
	}
	out, err := b.Finish()
	return out, err == nil
}
