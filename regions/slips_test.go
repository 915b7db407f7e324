package regions

import (
	"errors"
	"strings"
	"testing"
)

// writtenWith returns s with a slip written into it in every place the
// slip can stand: for each occurrence of what it means, that occurrence
// written as the slip writes it; where it means nothing, its written form
// put at each of the places given, or, for a form that begins with *, a
// name and the rest of it in front.
func writtenWith(sl slip, s string, places ...int) []string {
	var out []string
	if rest, ok := strings.CutPrefix(sl.written, "*"); ok {
		return []string{"setting" + rest + s} // * stands for the text before
	}
	if sl.meant == "" {
		for _, i := range places {
			out = append(out, s[:i]+sl.written+s[i:])
		}
		return out
	}
	for i := 0; ; i++ {
		j := strings.Index(s[i:], sl.meant)
		if j < 0 {
			return out
		}
		i += j
		out = append(out, s[:i]+sl.written+s[i+len(sl.meant):])
	}
}

// TestSlipsNameTheRegion holds every slip of regions.yaml for every
// region, its hosts and its IDs: where the slip makes ParseEndpoint or
// Parse refuse the input, the error gives the slip's reason and suggests
// the region.
func TestSlipsNameTheRegion(t *testing.T) {
	n := 0
	for _, r := range All() {
		for _, sl := range genSlips {
			host := "bucket." + r.PublicEndpoint()
			url := "https://" + host + "/key"
			inputs := writtenWith(sl, host, len("bucket."), len(host))
			inputs = append(inputs, writtenWith(sl, url, 0, len("https://bucket."), len("https://")+len(host))...)
			for _, in := range inputs {
				e, err := ParseEndpoint(in)
				if err == nil {
					if e.Region != r {
						t.Errorf("ParseEndpoint(%q) = %s, want %s or an error", in, e.Region, r)
					}
					continue
				}
				n++
				var pe *Error
				if !errors.As(err, &pe) || pe.Suggestion != r || !strings.Contains(pe.Reason, sl.reason) {
					t.Errorf("ParseEndpoint(%q) = %v; want the slip %q named and %s suggested", in, err, sl.reason, r)
				} else {
					checkMessage(t, err, in)
				}
			}
			ids := append([]string{string(r), r.CloudRegion()}, r.Aliases()...)
			for _, id := range ids {
				for _, in := range writtenWith(sl, id, 0, len(id)) {
					got, err := Parse(in)
					if err == nil {
						if got != r {
							t.Errorf("Parse(%q) = %s, want %s or an error", in, got, r)
						}
						continue
					}
					n++
					var pe *Error
					if !errors.As(err, &pe) || pe.Suggestion != r {
						t.Errorf("Parse(%q) = %v; want %s suggested", in, err, r)
					}
				}
			}
		}
	}
	if n == 0 && len(genSlips) > 0 {
		t.Fatal("no slip was refused")
	}
}

// TestUserInfoReadOnce: a host behind many @ is read once for the region
// meant, so that the work does not grow with the @ (allocations stand in
// for time, which a unit test does not measure).
func TestUserInfoReadOnce(t *testing.T) {
	in := func(n int) string { return "https://" + strings.Repeat("a@", n) + "oss-cn-hangzhou.aliyuncs.com" }
	few := testing.AllocsPerRun(5, func() { _, sinkErr = ParseEndpoint(in(2)) })
	many := testing.AllocsPerRun(5, func() { _, sinkErr = ParseEndpoint(in(5000)) })
	if many > few {
		t.Errorf("ParseEndpoint with 5000 @: %v allocations; with 2: %v", many, few)
	}
}

// TestRegionlessLabelNamesNoRegion: the regionless endpoint's label, with
// or without oss-, is named as an endpoint of no one region by Parse.
func TestRegionlessLabelNamesNoRegion(t *testing.T) {
	if RegionlessEndpoint == "" {
		t.Skip("the table has no regionless endpoint")
	}
	label := strings.TrimSuffix(RegionlessEndpoint, genOSSDomain)
	_, want := Parse(label)
	for _, in := range []string{label, strings.TrimPrefix(label, "oss-")} {
		_, err := Parse(in)
		var e, w *Error
		if !errors.As(err, &e) || !errors.As(want, &w) || e.Reason != w.Reason || e.Reason == "" || e.Suggestion != "" {
			t.Errorf("Parse(%q) = %v; want the reason of Parse(%q): %v", in, err, label, want)
		}
	}
}

// TestSlipPassIsBounded: an input made of slips costs a bounded number of
// mends, whatever its length (allocations stand in for time).
func TestSlipPassIsBounded(t *testing.T) {
	all := ""
	for _, sl := range genSlips {
		all += strings.Repeat(strings.TrimPrefix(sl.written, "*"), 8)
	}
	for _, in := range []string{all + "cn-cn-hangzhou.aliyunc.con", strings.Repeat("oss-", 60) + "cn-hangzhou.aliyuncs.com", `{"endpoint":"oss-cn-hangzhou.aliyuncs.com"}`} {
		for name, f := range map[string]func(){"ParseEndpoint": func() { _, sinkErr = ParseEndpoint(in) }, "Parse": func() { _, sinkErr = Parse(in) }} {
			// Parse of a host-like input tries the slips as an ID and as a host.
			if n := testing.AllocsPerRun(3, f); n > 2*6*maxSlipTries {
				t.Errorf("%s(%.40q...): %v allocations, more than 6 a mend of twice %d", name, in, n, maxSlipTries)
			}
		}
	}
}

// TestSlipsStayInTheHost: a host of the table in another URL's query or
// path, or in a quoted or listed value there, is no slip of that URL: it
// is refused with no suggestion, for every region.
func TestSlipsStayInTheHost(t *testing.T) {
	for _, r := range All() {
		h := r.PublicEndpoint()
		for _, in := range []string{
			"https://example.com/?endpoint=" + h,
			"https://example.com/redirect?url=" + h,
			"https://s3.amazonaws.com/b?x=\"" + h + "\"",
			"https://example.com/a=" + h,
			"https://example.com/?q=" + h + ",",
			"example.com?endpoint=" + h,
			"https://oss.example.com/?u=" + h,
		} {
			if _, err := ParseEndpoint(in); err == nil || suggestion(err) != "" {
				t.Errorf("ParseEndpoint(%q) = %v; want a refusal with no suggestion", in, err)
			}
		}
	}
}
