package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ossregions/ossregions/internal/table"
)

// The probe asks through Go's own resolver (PreferGo), sent to one server
// where -resolver names it. Every name is asked rooted, with a final dot,
// so that no search domain of resolv.conf is tried after it.

// query is one question: the A or the AAAA records of name.
type query struct {
	name string // without the final dot
	ip6  bool
}

// answer is what one query got: addresses, none (the name does not exist
// or has no record of the type), or a failure, which makes the run one
// that could not check.
type answer struct {
	addrs    []netip.Addr // sorted, once each
	failed   string       // why no answer can be taken, or "": the probe's own words, Markdown
	detail   string       // the resolver's error text, when failed quotes it: raw, printable
	notAsked bool         // the run's deadline passed before it was asked
}

// asker asks queries through one resolver, each within timeout, at most
// inflight at a time.
type asker struct {
	r        *net.Resolver
	timeout  time.Duration
	inflight int
	asked    atomic.Int64 // queries handed to the resolver
}

// newResolver is Go's resolver, sent to server (IP:port) when it is not
// empty, else to the system's servers.
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

// askAll asks every query, inflight at a time, and returns the answers in
// the order of qs; once ctx is done the rest are not asked.
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
