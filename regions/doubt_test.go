package regions

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// These tests hold the rule for doubt (the package doc) as properties over
// every region, alias, name key and Alibaba Cloud region of the table.

// lines returns the key and value of each line of a generated list of
// the form key, tab, value, newline.
func lines(list string) (keys, values []string) {
	for _, line := range strings.Split(strings.TrimSuffix(list, "\n"), "\n") {
		if k, v, ok := strings.Cut(line, "\t"); ok {
			keys, values = append(keys, k), append(values, v)
		}
	}
	return keys, values
}

// checkMessage holds an error's message to the form of package net/netip:
// the package's own words (all but the quoted input, the suggested
// region's ID and a name from the table) under 100 characters, so that
// the message of a short input stays under 120, and the input, or its
// host, named once.
func checkMessage(t *testing.T, err error, input string, name ...string) {
	t.Helper()
	msg := err.Error()
	n := len(msg) - len(strconv.Quote(input)) - len(suggestion(err))
	for _, s := range name {
		n -= len(s)
	}
	if n >= 100 {
		t.Errorf("%q: message of %d characters besides the input and the data, want under 100: %s", input, n, msg)
	}
	said, _, _ := strings.Cut(msg, " (did you mean ")
	if host := hostPart(input); len(host) >= 8 && strings.Count(said, host) > 1 {
		t.Errorf("%q: message names %q twice: %s", input, host, msg)
	}
}

// hostPart returns the host of a URL or host, without scheme, bucket,
// port and path.
func hostPart(s string) string {
	if _, rest, ok := strings.Cut(s, "://"); ok {
		s = rest
	}
	s, _, _ = strings.Cut(s, "/")
	if _, rest, ok := strings.Cut(s, "."); ok && strings.Count(rest, ".") >= 2 {
		s = rest
	}
	return s
}

func suggestion(err error) Region {
	var e *Error
	if errors.As(err, &e) {
		return e.Suggestion
	}
	return ""
}

// TestSlipNamesByArea holds what doubt assumes of genSlipNames: every
// region's ID and every alias once, in groups of one area each, no area in
// two groups, each name split before its number as splitNumber splits an
// input, and naming its region.
func TestSlipNamesByArea(t *testing.T) {
	want := map[string]Region{}
	for _, r := range All() {
		want[string(r)] = r
		for _, a := range r.Aliases() {
			want[a] = r
		}
	}
	seenArea := map[string]bool{}
	for _, names := range genSlipNames {
		area := areaOf(names[0].id[names[0].skip:])
		if seenArea[area] {
			t.Errorf("area %q in two groups", area)
		}
		seenArea[area] = true
		for i := range names {
			k := &names[i]
			name := k.id[k.skip:]
			if r, ok := want[k.id]; !ok || k.info() == nil || k.info().id != r {
				t.Errorf("%q: not a region's ID or alias, or not its region's", k.id)
			}
			delete(want, k.id)
			if areaOf(name) != area || k.id[:k.skip] != strings.Repeat("oss-", int(k.skip)/4) {
				t.Errorf("%q in the group of area %q, with %d bytes of prefix", k.id, area, k.skip)
			}
			if base, _ := splitNumber([]byte(name)); len(base) != int(k.base) {
				t.Errorf("%q: base %d, splitNumber says %d", k.id, k.base, len(base))
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("names missing from genSlipNames: %v", want)
	}
}

func TestNameKeysSuggestTheirRegion(t *testing.T) {
	keys, ids := lines(genNameKeys)
	if len(keys) == 0 {
		t.Fatal("no name keys")
	}
	for i, k := range keys {
		want := Region("oss-" + ids[i])
		for _, in := range []string{k, upperASCII(k), " " + k + "\n"} {
			_, err := Parse(in)
			if err == nil || suggestion(err) != want {
				t.Errorf("Parse(%q) = %v, want a suggestion of %s", in, err, want)
				continue
			}
			checkMessage(t, err, in)
		}
	}
	for _, r := range All() {
		for _, name := range []string{r.Name(), r.ChineseName()} {
			key := string(genNameKey(nil, []byte(name)))
			if name != "" && strings.Contains(genNameKeys, key+"\t") && !strings.Contains(genNameKeys, key+"\t"+r.CloudRegion()+"\n") {
				t.Errorf("the name %q of %s is a key of another region", name, r)
			}
		}
	}
}

// TestNameVariantsSuggestTheirRegion: a name written as people write it
// (spaces left out or added, brackets of the other width, another name
// before the city in brackets) suggests the region its key names.
func TestNameVariantsSuggestTheirRegion(t *testing.T) {
	keys, ids := lines(genNameKeys)
	owner := map[string]string{}
	for i, k := range keys {
		owner[k] = ids[i]
	}
	n := 0
	for _, r := range All() {
		for _, name := range []string{r.Name(), r.ChineseName()} {
			want, ok := owner[string(genNameKey(nil, []byte(name)))]
			if name == "" || !ok {
				continue
			}
			swapped := strings.NewReplacer("(", "（", ")", "）", "（", " (", "）", ")").Replace(name)
			variants := []string{strings.ReplaceAll(name, " ", ""), swapped, strings.ReplaceAll(name, "-", " - ")}
			if open, end := strings.IndexAny(name, "(（"), strings.LastIndexAny(name, ")）"); open >= 0 && open < end {
				if _, ok := owner[string(genNameKey(nil, []byte(name[open:end])))[1:]]; ok {
					variants = append(variants, "East Somewhere 1 "+name[open:])
				}
			}
			for _, in := range variants {
				n++
				if _, err := Parse(in); err == nil || suggestion(err) != Region("oss-"+want) {
					t.Errorf("Parse(%q) = %v; want a suggestion of oss-%s (the name %q)", in, err, want, name)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no names tried")
	}
}

// upperASCII upper-cases the ASCII letters of s: Parse reads IDs and
// names in any ASCII case.
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func TestOtherRegionsSayNotListed(t *testing.T) {
	ids, names := lines(genOtherRegions)
	for i, id := range ids {
		for _, in := range []string{id, "oss-" + id, strings.ToUpper(id)} {
			_, err := Parse(in)
			want := names[i] + " is an Alibaba Cloud region the table does not list for OSS"
			if err == nil || !strings.Contains(err.Error(), want) || suggestion(err) != "" {
				t.Errorf("Parse(%q) = %v, want %q and no suggestion", in, err, want)
				continue
			}
			checkMessage(t, err, in, names[i])
		}
	}
}

// cityPart returns where the second part of a cloud ID, the city
// ("hangzhou" of "cn-hangzhou"), begins and ends.
func cityPart(id string) (start, end int) {
	start = strings.IndexByte(id, '-') + 1
	end = strings.IndexByte(id[start:], '-')
	if end < 0 {
		return start, len(id)
	}
	return start, start + end
}

// otherLetter returns a letter that is none of the given ones.
func otherLetter(not ...byte) byte {
	for c := byte('z'); ; c-- {
		if strings.IndexByte(string(not), c) < 0 {
			return c
		}
	}
}

// TestCloseCitiesAreNoSlips changes two letters of every region's city:
// such a name is merely close in letters (cn-zhengzhou, cn-hangzhou), no
// slip of the region, and a suggestion, if any, is a region one edit away
// in the same area and cloud.
func TestCloseCitiesAreNoSlips(t *testing.T) {
	names, of := knownNames()
	for _, r := range All() {
		id := r.CloudRegion()
		start, end := cityPart(id)
		for i := start; i < end; i++ {
			for j := i + 2; j < end; j++ { // not neighbours: a swap is one edit
				b := []byte(id)
				b[i], b[j] = otherLetter(id[i], id[i+1], id[i-1]), otherLetter(id[j], id[j-1], id[min(j+1, len(id)-1)])
				in := string(b)
				if _, err := Parse(in); err == nil {
					continue // another region of the table
				}
				_, err := Parse(in)
				s := suggestion(err)
				if s == "" {
					continue
				}
				close := false
				for k, n := range names {
					close = close || of[k] == s && editDistance(in, n) <= 1
				}
				if s == r || !close || areaOf(s.CloudRegion()) != areaOf(id) || s.Cloud() != r.Cloud() {
					t.Errorf("Parse(%q) suggests %s; %q is two letters from %s, no slip of it", in, s, in, r)
				}
			}
		}
	}
}

// TestSlipsSuggestTheirRegion makes every one-edit slip of the letters of
// every region's city: each suggests that region, or another as close.
func TestSlipsSuggestTheirRegion(t *testing.T) {
	names, of := knownNames()
	for _, r := range All() {
		id := r.CloudRegion()
		start, end := cityPart(id)
		var slips []string
		for i := start; i < end; i++ {
			c := otherLetter(id[i], id[i-1], id[min(i+1, len(id)-1)])
			slips = append(slips,
				id[:i]+string(c)+id[i+1:], // changed
				id[:i]+id[i+1:],           // left out
				id[:i]+string(c)+id[i:])   // added
			if i+1 < end && id[i] != id[i+1] {
				slips = append(slips, id[:i]+id[i+1:i+2]+id[i:i+1]+id[i+2:]) // swapped
			}
		}
		for _, in := range slips {
			if _, err := Parse(in); err == nil {
				continue // another region of the table
			}
			_, err := Parse(in)
			s := suggestion(err)
			ok := s == r
			for k, n := range names {
				ok = ok || s != "" && of[k] == s && editDistance(in, n) <= 1
			}
			if !ok {
				t.Errorf("Parse(%q) = %v, want a suggestion of %s", in, err, r)
				continue
			}
			if s.Status() == Decommissioned && !strings.Contains(err.Error(), "decommissioned") {
				t.Errorf("Parse(%q) = %v; want it to say the region is decommissioned", in, err)
			}
			checkMessage(t, err, in)
		}
	}
}

// TestWrittenFormsNameTheRegion holds what people write for every region's
// public endpoint: OSS's own URIs are read, and the common slips are
// answered with the region.
func TestWrittenFormsNameTheRegion(t *testing.T) {
	for _, r := range All() {
		host := r.PublicEndpoint()
		// OSS's own URIs, and a live channel's RTMP URL.
		for _, scheme := range []string{"oss", "rtmp"} {
			e, err := ParseEndpoint(scheme + "://bucket." + host + "/key")
			if err != nil || e.Region != r || e.Bucket != "bucket" || e.Host != host {
				t.Errorf("ParseEndpoint(%s://bucket.%s/key) = %+v, %v; want %s, bucket", scheme, host, e, err, r)
			}
		}
		slips := []string{
			"s3:https://" + host + "/bucket",
			"bucket." + strings.TrimSuffix(host, "cs.com") + ".com",
		}
		if strings.HasPrefix(host, "oss-") {
			slips = append(slips, "bucket.oss."+host[len("oss-"):])
		}
		for _, in := range slips {
			_, err := ParseEndpoint(in)
			if err == nil || suggestion(err) != r {
				t.Errorf("ParseEndpoint(%q) = %v, want a suggestion of %s", in, err, r)
				continue
			}
			checkMessage(t, err, in)
		}
		// A wildcard or a masked bucket name, as docs and logs print them:
		// named, and the host's region suggested.
		for in, what := range map[string]string{"https://*." + host: "wildcard", "https://eas-***." + host + "/key": "masked"} {
			if _, err := ParseEndpoint(in); err == nil || !errors.Is(err, ErrInvalidBucket) || !strings.Contains(err.Error(), what) || suggestion(err) != r {
				t.Errorf("ParseEndpoint(%q) = %v, want %s named and a suggestion of %s", in, err, what, r)
			} else {
				checkMessage(t, err, in)
			}
		}
		// Without cn-: oss-hangzhou.aliyuncs.com, where the city names one region.
		if city, ok := strings.CutPrefix(host, "oss-cn-"); ok && strings.Contains(genNameKeys, "\n"+strings.TrimSuffix(city, genOSSDomain)+"\t"+r.CloudRegion()+"\n") {
			in := "oss-" + city
			if _, err := ParseEndpoint(in); err == nil || suggestion(err) != r {
				t.Errorf("ParseEndpoint(%q) = %v, want a suggestion of %s", in, err, r)
			} else {
				checkMessage(t, err, in)
			}
		}
	}
}

// TestDocNewerExamples: the IDs that the package doc gives as newer than
// the table are not in it, and ParseEndpoint reads their hosts as newer
// regions, so that a region added under such an ID fails here until the
// doc takes another example.
func TestDocNewerExamples(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(src), "\n// ", " "), "\n//", " ")
	_, sentence, ok := strings.Cut(text, "is newer than the table (Known false):")
	if !ok {
		t.Fatal(`doc.go: no sentence "... is newer than the table (Known false): ..."`)
	}
	sentence, _, _ = strings.Cut(sentence, ".")
	ids := regexp.MustCompile(`\(([a-z0-9-]+)\)`).FindAllStringSubmatch(sentence, -1)
	if len(ids) == 0 {
		t.Fatalf("doc.go: no (id) in %q", sentence)
	}
	for _, m := range ids {
		id := m[1]
		if r, err := Parse(id); err == nil {
			t.Errorf("doc.go gives %s as newer than the table, but the table has it (%s)", id, r)
			continue
		}
		host := "oss-" + id + genOSSDomain
		if e, err := ParseEndpoint(host); err != nil || e.Region.Known() || e.Region != Region("oss-"+id) {
			t.Errorf("ParseEndpoint(%q) = %+v, %v; doc.go gives %s as a region newer than the table", host, e, err, id)
		}
	}
}
