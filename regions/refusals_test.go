package regions

import (
	"errors"
	"strings"
	"testing"
)

// The tests of this file hold, over every region and family of the table,
// how refusals read: the table's slips, placeholders, masked IDs, user
// info and restic's prefix name the region meant, paths of families whose
// bucket stands in the host are no path-style buckets, and every refusal
// is short.

// refused returns the *Error of a call that must fail.
func refused(t *testing.T, in string, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%q: %v; want an *Error", in, err)
		return &Error{}
	}
	refusals = append(refusals, seenRefusal{in, e})
	return e
}

type seenRefusal struct {
	in  string
	err *Error
}

// refusals collects what the tests of this file refuse, for
// TestRefusalsAreShort.
var refusals []seenRefusal

// TestSlipsOfEveryHost holds the table's slips on every host of every
// region, behind a bucket: where a slip writes what the host holds
// (aliyun.com for aliyuncs.com), the region is suggested and the slip named.
func TestSlipsOfEveryHost(t *testing.T) {
	for _, r := range All() {
		for _, h := range r.Hosts() {
			for _, sl := range genSlips {
				if sl.meant == "" {
					continue // TestSlipsNameTheRegion places these
				}
				for _, in := range writtenWith(sl, "https://bucket-1."+h+"/k") {
					if _, err := ParseEndpoint(in); err != nil {
						if e := refused(t, in, err); e.Suggestion != r || e.Reason != sl.reason {
							t.Errorf("ParseEndpoint(%q): %v; want %q and %s suggested", in, err, sl.reason, r)
						}
					}
				}
			}
		}
	}
}

// TestPlaceholdersAndUnknownAreas: IDs of x's and IDs of an area the
// table lacks are no regions newer than the table, in any host form,
// and Parse says of them what ParseEndpoint says.
func TestPlaceholdersAndUnknownAreas(t *testing.T) {
	ids := []string{"xx-xxx", "region-1", "zq-newcity-1"}
	for _, a := range areas() {
		ids = append(ids, a+"-xxx", a+"-xx-1")
	}
	for _, id := range ids {
		if isTableLabel(id) {
			continue
		}
		_, perr := Parse(id)
		want := refused(t, id, perr).Reason
		if want == "" {
			t.Errorf("Parse(%q): %v; want a reason", id, perr)
		}
		forms := typoForms(id)[:6] // the dual-stack forms take such labels as buckets
		for i := range genHostForms {
			if f := &genHostForms[i]; !f.zone && !f.cloudBox {
				forms = append(forms, f.prefix+id+f.domain)
			}
		}
		for _, in := range forms {
			e, err := ParseEndpoint(in)
			if sr, ok := e.SigningRegion(); ok || refused(t, in, err).Reason != want {
				t.Errorf("ParseEndpoint(%q) = %q %v, %v; want the refusal %q", in, sr, ok, err, want)
			}
		}
	}
}

func TestMaskedCloudBoxID(t *testing.T) {
	n := 0
	for i := range genHostForms {
		f := &genHostForms[i]
		if !f.cloudBox {
			continue
		}
		for _, r := range All() {
			n++
			in := "cb-f8z7yvzgwfkl9q0h****." + f.prefix + r.CloudRegion() + f.domain
			_, err := ParseEndpoint(in)
			if e := refused(t, in, err); e.Suggestion != r || !strings.Contains(e.Reason, "masked") {
				t.Errorf("ParseEndpoint(%q): %v; want the mask named and %s suggested", in, err, r)
			}
		}
	}
	if n == 0 {
		t.Skip("no family carries a CloudBox ID")
	}
}

// TestPathIsNoBucketOfFamilies: a path after a host of a family other
// than Buckets, whose bucket stands in the host, is a key, not a
// path-style bucket.
func TestPathIsNoBucketOfFamilies(t *testing.T) {
	for i := range genHostForms {
		f := &genHostForms[i]
		if f.zone || f.cloudBox {
			continue
		}
		for _, r := range All() {
			for _, path := range []string{"/iceberg", "/myKey", "/My_Key/part-0001.parquet"} {
				in := "https://" + f.prefix + r.CloudRegion() + f.domain + path
				e, err := ParseEndpoint(in)
				if err != nil || e.Region != r || e.Bucket != "" || e.PathStyle {
					t.Errorf("ParseEndpoint(%q) = %+v, %v; want %s without bucket", in, e, err, r)
				}
			}
		}
	}
}

// TestWrappedHostsNameTheRegion: a host behind user info or restic's s3:
// prefix, a legacy VPC host with -internal and a host built from
// Region.String() name their region as Suggestion.
func TestWrappedHostsNameTheRegion(t *testing.T) {
	for _, r := range All() {
		id := r.CloudRegion()
		for _, in := range []string{
			"oss://key:secret@bucket-1." + r.InternalEndpoint() + "/k",
			"https://user@" + r.PublicEndpoint(),
			"s3:oss-oss-" + id + ".aliyuncs.com/my-bucket",
			"s3:https://" + r.PublicEndpoint() + "/my-bucket",
			"vpc100-oss-" + id + "-internal.aliyuncs.com",
			"oss-oss-" + id + ".aliyuncs.com",
		} {
			_, err := ParseEndpoint(in)
			if e := refused(t, in, err); e.Suggestion != r {
				t.Errorf("ParseEndpoint(%q): %v; want %s suggested", in, err, r)
			}
		}
	}
}

// TestRefusalsAreShort holds the refusals of the tests above, and those
// of typos, near hosts and names, to the net/netip style: a reason of at
// most 60 characters besides what it quotes of the input and the names of
// the table, and, for an input under 40 characters, a message under 120
// characters besides the suggestion and those names.
func TestRefusalsAreShort(t *testing.T) {
	for _, test := range []func(*testing.T){TestSlipsOfEveryHost, TestPlaceholdersAndUnknownAreas, TestMaskedCloudBoxID, TestWrappedHostsNameTheRegion} {
		test(t)
	}
	names, _ := knownNames()
	for _, id := range names {
		for _, typo := range nameTypos(id)[:min(3, len(nameTypos(id)))] {
			for _, in := range append(typoForms(typo), typo) {
				if _, err := ParseEndpoint(in); err != nil {
					refused(t, in, err)
				}
				if _, err := Parse(in); err != nil {
					refused(t, in, err)
				}
			}
		}
	}
	for _, r := range All() {
		id := r.CloudRegion()
		for _, in := range []string{"oss-" + id + "-internal-internal.aliyuncs.com", "oss-" + id + ".aliyuncs.com", id + ".oss.aliyuncs.com",
			"vpc100-oss-" + id + ".aliyuncs.com", "s3.oss-oss-" + id + ".aliyuncs.com", r.Name(), id + "-vpc"} {
			if _, err := ParseEndpoint(in); err != nil {
				refused(t, in, err)
			}
			if _, err := Parse(in); err != nil {
				refused(t, in, err)
			}
		}
	}
	others, otherNames := lines(genOtherRegions)
	for _, id := range others {
		_, err := Parse(id)
		refused(t, id, err)
	}
	if len(refusals) < 1000 {
		t.Fatalf("only %d refusals", len(refusals))
	}
	for _, f := range refusals {
		reason := f.err.Reason
		for _, s := range append(otherNames, f.err.Input) {
			reason = strings.Replace(reason, s, "", 1)
		}
		if len(f.in) <= maxErrorInput && f.err.Input != f.in || len(reason) > 60 {
			t.Errorf("%q: reason of %d characters: %s", f.in, len(reason), f.err)
		}
		msg, _, _ := strings.Cut(f.err.Error(), " (did you mean ")
		if short := len(msg) - (len(f.err.Reason) - len(reason)); len(f.in) < 40 && short >= 120 {
			t.Errorf("%q: message of %d characters: %s", f.in, len(msg), f.err)
		}
		if host := hostPart(f.in); len(host) >= 8 && strings.Count(msg, host) > 1 {
			t.Errorf("%q: message names %q twice: %s", f.in, host, msg)
		}
	}
	t.Logf("%d refusals", len(refusals))
}
