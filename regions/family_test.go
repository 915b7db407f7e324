package regions

import (
	"errors"
	"strings"
	"testing"
)

// formHost fills a host form of the table with a region's cloud ID: a
// zone of it where the form holds one, a CloudBox ID and a bucket where it
// has them.
func formHost(f *hostForm, id string, internal bool) (host, bucket, cloudBox string) {
	region := id
	if f.zone {
		region += "-h"
	}
	if internal {
		region += "-internal"
	}
	host = f.prefix + region + f.domain
	if f.cloudBox {
		cloudBox = "cb-f8z7yvzgwfkl9q0h"
		host = cloudBox + "." + host
	}
	if f.bucket {
		bucket = "examplebucket"
	}
	return host, bucket, cloudBox
}

// TestFamilyForms: every form of every family of the table, for every
// region, reads as that family and region, public and internal where the
// form has both, with and without its bucket, in any case; it signs with
// the family's product and with the CloudBox ID where the family says so.
func TestFamilyForms(t *testing.T) {
	for i := range genHostForms {
		f := &genHostForms[i]
		for _, r := range All() {
			for _, internal := range []bool{false, f.internal} {
				host, bucket, cloudBox := formHost(f, r.CloudRegion(), internal)
				want := Endpoint{Region: r, Kind: Public, Host: host, Family: f.family, CloudBox: cloudBox}
				if internal {
					want.Kind = Internal
				}
				ins := []string{host, "https://" + strings.ToUpper(host) + "/"}
				if bucket != "" {
					ins = append(ins, bucket+"."+host)
				}
				for _, in := range ins {
					w := want
					if strings.HasPrefix(in, bucket+".") && bucket != "" {
						w.Bucket = bucket
					}
					got, err := ParseEndpoint(in)
					if err != nil || got != w {
						t.Errorf("ParseEndpoint(%q) =\n %+v, %v\nwant %+v", in, got, err, w)
						continue
					}
					sr, ok := got.SigningRegion()
					wantSR := r.CloudRegion()
					if genSignsByCloudBox(f.family) {
						wantSR = cloudBox
					}
					if !ok || sr != wantSR || got.SigningProduct() != genFamilyProducts[f.family] {
						t.Errorf("ParseEndpoint(%q): signing %q, %v, product %q; want %q and %q", in, sr, ok, got.SigningProduct(), wantSR, genFamilyProducts[f.family])
					}
				}
				if !f.bucket {
					in := "bucket." + host
					if _, err := ParseEndpoint(in); !errors.Is(err, ErrInvalidEndpoint) {
						t.Errorf("ParseEndpoint(%q): %v; want no label in front", in, err)
					}
				}
			}
		}
	}
}

// TestBaseDomains: a family's base domain is no endpoint and names no
// region; the error says which family's it is.
func TestBaseDomains(t *testing.T) {
	for _, b := range genBaseDomains {
		for _, in := range []string{b.host, "https://" + b.host + "/"} {
			_, err := ParseEndpoint(in)
			if !errors.Is(err, ErrInvalidEndpoint) || !strings.Contains(err.Error(), "base domain of the "+b.family.String()) {
				t.Errorf("ParseEndpoint(%q): %v; want the base domain of the %s family named", in, err, b.family)
			}
		}
	}
}

// TestFamilyNames: every family has a name, String of any other value is
// "", and the table's endpoints sign with product oss.
func TestFamilyNames(t *testing.T) {
	for f := range Family(len(genFamilyNames)) {
		if f.String() == "" || genFamilyProducts[f] == "" {
			t.Errorf("Family(%d) has no name or product", f)
		}
	}
	if s := Family(len(genFamilyNames)).String(); s != "" {
		t.Errorf("an invalid Family's String() = %q", s)
	}
	e, err := ParseEndpoint(DefaultEndpoint)
	if err != nil || e.SigningProduct() != "oss" {
		t.Errorf("ParseEndpoint(%q).SigningProduct() = %q, %v", DefaultEndpoint, e.SigningProduct(), err)
	}
}

// TestChineseNames: ChineseName returns the China site's name of a region
// that has one, distinct from every other region's, and "" for an unknown
// region.
func TestChineseNames(t *testing.T) {
	seen := map[string]Region{}
	for _, r := range All() {
		n := r.ChineseName()
		if n == "" {
			continue
		}
		if prev, dup := seen[n]; dup {
			t.Errorf("%s and %s have the same Chinese name %q", prev, r, n)
		}
		seen[n] = r
	}
	if len(seen) == 0 {
		t.Skip("the table has no Chinese names")
	}
	if n := Region("oss-xx-nowhere-1").ChineseName(); n != "" {
		t.Errorf("ChineseName of an unknown region = %q", n)
	}
}
