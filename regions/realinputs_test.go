package regions

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"
)

// The inputs of real programs: legacy bucket hosts, presigned URLs,
// configuration values with white space, values that are logged. Every
// expectation comes from the table.

// areas returns the first parts of the table's cloud region IDs.
func areas() []string {
	var out []string
	for _, r := range All() {
		area, _, _ := strings.Cut(r.CloudRegion(), "-")
		if !strings.Contains(strings.Join(out, " ")+" ", area+" ") {
			out = append(out, area)
		}
	}
	return out
}

// isTableLabel reports whether label is a cloud ID of the table or the
// first label of one of its dual-stack hosts.
func isTableLabel(label string) bool {
	for _, r := range All() {
		if h, ok := r.Endpoint(DualStack); ok && h == label+".oss.aliyuncs.com" || r.CloudRegion() == label {
			return true
		}
	}
	return false
}

// TestLegacyBucketHosts: a bucket on oss.aliyuncs.com is a bucket unless
// its label names a region (the rule in ParseEndpoint's doc).
func TestLegacyBucketHosts(t *testing.T) {
	buckets := []string{"my-bucket", "ai-models", "db-backup", "ml-datasets", "qa-reports-2024", "logs", "examplebucket", "a-b-c", "x1-2",
		"oss-test-bucket", "oss-backup-2024", "oss-my-data"}
	for _, a := range areas() {
		// An area without a number at the end, a number that is not the
		// last part, or no name between area and number is no region ID.
		buckets = append(buckets, a+"-backup", a+"-backup-1x", a+"-1-backup", "my-"+a+"-1", a+"-2023", a+"-01", a+"-1", a+"-2023-1")
	}
	for _, b := range buckets {
		if isTableLabel(b) {
			t.Fatalf("bucket name %q is a label of the table; pick another", b)
		}
		for _, in := range []string{b + "." + DefaultEndpoint, "https://" + b + "." + DefaultEndpoint + "/train/part-0001.parquet", "HTTPS://" + strings.ToUpper(b) + ".OSS.aliyuncs.com:443"} {
			e, err := ParseEndpoint(in)
			want := Endpoint{Region: DefaultRegion, Kind: Public, Bucket: b, Host: DefaultEndpoint}
			if err != nil || e != want {
				t.Errorf("ParseEndpoint(%q) = %+v, %v; want %+v", in, e, err, want)
			}
		}
	}
	// The full shape of a region ID of a table area, ending in a number:
	// a region newer than the table, as documented.
	for _, a := range areas() {
		for _, id := range []string{a + "-southeast-9", a + "-newcity-12", a + "-north-3-gov-1"} {
			if isTableLabel(id) {
				continue
			}
			e, err := ParseEndpoint("https://b-1." + id + ".oss.aliyuncs.com/k")
			want := Endpoint{Region: Region("oss-" + id), Kind: DualStack, Bucket: "b-1", Host: id + ".oss.aliyuncs.com"}
			if err != nil || e != want {
				t.Errorf("ParseEndpoint(b-1.%s.oss.aliyuncs.com) = %+v, %v; want %+v", id, e, err, want)
			}
		}
	}
	// A region-shaped label of an area the table does not have is a bucket.
	for _, id := range []string{"zz-newcity-1", "qq-south-2"} {
		if strings.Contains(" "+strings.Join(areas(), " ")+" ", " "+id[:2]+" ") {
			continue
		}
		e, err := ParseEndpoint(id + ".oss.aliyuncs.com")
		if err != nil || e.Region != DefaultRegion || e.Bucket != id {
			t.Errorf("ParseEndpoint(%s.oss.aliyuncs.com) = %+v, %v; want a bucket on %s", id, e, err, DefaultEndpoint)
		}
	}
}

// TestMisspeltInternal: a near miss of -internal is an error naming the
// region, never a public endpoint of a new region.
func TestMisspeltInternal(t *testing.T) {
	typos := []string{"interal", "internl", "intenal", "internall", "inernal", "intrnal", "internel", "iternal", "INTERAL"}
	newcity := areas()[0] + "-newcity-1"
	for _, r := range append(All(), Region("oss-"+newcity)) {
		if r.Known() && r.InternalEndpoint() != "oss-"+r.CloudRegion()+"-internal.aliyuncs.com" {
			continue // an irregular host; its typos are simply unknown hosts
		}
		for _, typo := range typos {
			in := "https://bucket.oss-" + r.CloudRegion() + "-" + typo + ".aliyuncs.com/k"
			e, err := ParseEndpoint(in)
			var pe *Error
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalidEndpoint) {
				t.Errorf("ParseEndpoint(%q) = %+v, %v; want an error", in, e, err)
				continue
			}
			want := Region("")
			if r.Known() {
				want = r
			}
			if pe.Suggestion != want || !strings.Contains(pe.Reason, "misspelt -internal") {
				t.Errorf("ParseEndpoint(%q): %v; want the reason to say misspelt -internal and suggest %q", in, err, want)
			}
		}
	}
	// Not near misses: last parts of real and plausible region IDs.
	for _, last := range []string{"1", "lr", "gov", "finance", "east", "intl", "external-zone"} {
		in := "oss-" + newcity + "-" + last + ".aliyuncs.com"
		if _, err := ParseEndpoint(in); err != nil {
			t.Errorf("ParseEndpoint(%q): %v", in, err)
		}
	}
}

// TestLongURLs: a presigned URL with an STS token, or any URL with a long
// key, is read like a short one; the work does not depend on the length.
func TestLongURLs(t *testing.T) {
	for _, r := range All() {
		for _, in := range []string{presignedURL(r.PublicEndpoint()), "https://examplebucket." + r.PublicEndpoint() + "/" + strings.Repeat("k/", 1<<19)} {
			e, err := ParseEndpoint(in)
			if err != nil || e.Region != r || e.Bucket != "examplebucket" {
				t.Errorf("ParseEndpoint(%d bytes on %s) = %+v, %v", len(in), r, e, err)
			}
		}
		in := "https://" + r.PublicEndpoint() + "/examplebucket/" + strings.Repeat("k", 16<<10)
		if e, err := ParseEndpoint(in); err != nil || !e.PathStyle || e.Bucket != "examplebucket" {
			t.Errorf("path-style URL of %d bytes: %+v, %v", len(in), e, err)
		}
	}
	if n := len(presignedURL(DefaultEndpoint)); n < 2300 {
		t.Fatalf("presignedURL is %d bytes; the case is one over 2,048", n)
	}
	// A path segment longer than a bucket name is refused without reading
	// it all.
	_, err := ParseEndpoint("https://" + DefaultRegion.PublicEndpoint() + "/" + strings.Repeat("b", 1<<20))
	if !errors.Is(err, ErrInvalidBucket) || !strings.Contains(err.Error(), "must be 3 to 63 characters long") {
		t.Errorf("long path-style bucket: %v", err)
	}
	long := presignedURL(DefaultRegion.PublicEndpoint())
	if allocs := testing.AllocsPerRun(10, func() { _, sinkErr = ParseEndpoint(long) }); allocs != 0 {
		t.Errorf("ParseEndpoint of a presigned URL: %v allocations", allocs)
	}
}

// TestWhiteSpacePolicy: every function that reads text ignores
// surrounding ASCII white space and refuses it inside.
func TestWhiteSpacePolicy(t *testing.T) {
	pad := func(s string) string { return " \t\n" + s + "\r\v\f " }
	for _, r := range All() {
		if got, err := Parse(pad(r.CloudRegion())); err != nil || got != r {
			t.Errorf("Parse(%q) = %q, %v", pad(r.CloudRegion()), got, err)
		}
		var back Region
		if err := back.UnmarshalText([]byte(pad(string(r)))); err != nil || back != r {
			t.Errorf("Region.UnmarshalText(%q) = %q, %v", pad(string(r)), back, err)
		}
		for _, h := range r.Hosts() {
			want, err := ParseEndpoint(h)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := ParseEndpoint(pad("https://" + h + "/")); err != nil || got != want {
				t.Errorf("ParseEndpoint(%q) = %+v, %v; want %+v", pad(h), got, err, want)
			}
			inside := strings.Replace(h, ".", " .", 1)
			if _, err := ParseEndpoint(inside); !errors.Is(err, ErrInvalidEndpoint) {
				t.Errorf("ParseEndpoint(%q): %v; want an error", inside, err)
			}
		}
	}
	for k := Public; k.Valid(); k++ {
		var got Kind
		if err := got.UnmarshalText([]byte(pad(k.String()))); err != nil || got != k {
			t.Errorf("Kind.UnmarshalText(%q) = %v, %v", pad(k.String()), got, err)
		}
	}
	for s := Active; s <= Decommissioned; s++ {
		var got Status
		if err := got.UnmarshalText([]byte(pad(s.String()))); err != nil || got != s {
			t.Errorf("Status.UnmarshalText(%q) = %v, %v", pad(s.String()), got, err)
		}
	}
	if _, err := Parse("cn-" + " " + "hangzhou"); err == nil {
		t.Error("Parse accepted white space inside an ID")
	}
}

// returnedEndpoints are values ParseEndpoint returns: every host of the
// table and of no region, behind a bucket and path-style, and a host of a
// region newer than the table.
func returnedEndpoints(t *testing.T) []Endpoint {
	hosts := []string{DefaultEndpoint, DefaultInternalEndpoint, GlobalAccelerateEndpoint, OverseasAccelerateEndpoint,
		"oss-" + areas()[0] + "-newcity-1.aliyuncs.com", areas()[0] + "-newcity-1.oss.aliyuncs.com"}
	if RegionlessEndpoint != "" {
		hosts = append(hosts, RegionlessEndpoint)
	}
	for _, r := range All() {
		hosts = append(hosts, r.Hosts()...)
	}
	var out []Endpoint
	for _, h := range hosts {
		for _, in := range []string{h, "https://bucket-1." + h + "/k", "https://" + h + "/bucket-1/k", "s3." + h} {
			if e, err := ParseEndpoint(in); err == nil {
				out = append(out, e)
			} else if !strings.HasPrefix(in, "s3.") {
				t.Fatalf("ParseEndpoint(%q): %v", in, err)
			}
		}
	}
	return out
}

// TestReturnedValuesMarshal: every value the package returns survives
// json.Marshal and slog's JSON handler, and reads back where its region
// is in the table or it names none.
func TestReturnedValuesMarshal(t *testing.T) {
	for _, e := range returnedEndpoints(t) {
		js, err := json.Marshal(e)
		if err != nil {
			t.Errorf("json.Marshal(%+v): %v", e, err)
			continue
		}
		if e.Region == "" || e.Region.Known() {
			var back Endpoint
			if err := json.Unmarshal(js, &back); err != nil || back != e {
				t.Errorf("%s reads back as %+v, %v", js, back, err)
			}
		} else if !strings.Contains(string(js), `"Region":"`+string(e.Region)+`"`) {
			t.Errorf("a region newer than the table marshals as %s, want its ID", js)
		}
		var logged bytes.Buffer
		slog.New(slog.NewJSONHandler(&logged, nil)).Info("endpoint", "endpoint", e, "region", e.Region, "kind", e.Kind)
		if strings.Contains(logged.String(), "!ERROR") {
			t.Errorf("slog: %s", logged.String())
		}
	}
	for _, r := range All() {
		js, err := json.Marshal(struct{ S Status }{r.Status()})
		if err != nil || !strings.Contains(string(js), r.Status().String()) {
			t.Errorf("Status of %s marshals as %s, %v", r, js, err)
		}
	}
}

// TestZeroValuesRoundTrip: a zero-valued configuration struct marshals,
// as net/netip.Addr does, and empty text unmarshals to the zero values.
func TestZeroValuesRoundTrip(t *testing.T) {
	type config struct {
		Region Region `json:"region"`
		Kind   Kind   `json:"kind"`
		Status Status `json:"status"`
	}
	js, err := json.Marshal(config{})
	if err != nil || string(js) != `{"region":"","kind":"","status":""}` {
		t.Fatalf("json.Marshal(config{}) = %s, %v", js, err)
	}
	c := config{Region: DefaultRegion, Kind: VPC, Status: Active}
	if err := json.Unmarshal(js, &c); err != nil || c != (config{}) {
		t.Errorf("json.Unmarshal(%s) = %+v, %v", js, c, err)
	}
	if err := json.Unmarshal([]byte(`{"region":"  ","kind":" ","status":"\t"}`), &c); err != nil || c != (config{}) {
		t.Errorf("white space only: %+v, %v", c, err)
	}
	// Non-empty text is as strict as Parse.
	for _, in := range []string{`{"region":"oss-xx-nowhere-1"}`, `{"kind":"Kind(0)"}`, `{"status":"closed"}`} {
		if err := json.Unmarshal([]byte(in), &c); err == nil {
			t.Errorf("json.Unmarshal(%s) accepted it", in)
		}
	}
}

// TestSuggestionsPreferRegionsInService: no decommissioned region is
// suggested when a region in service of the same area is within reach,
// for typos of every region's ID.
func TestSuggestionsPreferRegionsInService(t *testing.T) {
	var inputs []string
	for _, r := range All() {
		id := r.CloudRegion()
		inputs = append(inputs, id+"0", id[:len(id)-1]+"9", id[:len(id)-1], "x"+id, id+"-2", id+"0-1")
	}
	inputs = append(inputs, "cn-north-2", "ap-south-2", "ap-southeast-20")
	for _, in := range inputs {
		_, err := Parse(in)
		var e *Error
		if !errors.As(err, &e) {
			continue // another region's ID
		}
		if e.Suggestion == "" || e.Suggestion.Status() != Decommissioned {
			continue
		}
		for _, r := range All() {
			if r.Status() != Decommissioned && areaOf(in) == areaOf(r.CloudRegion()) && !newNumber(in, r.CloudRegion()) &&
				editDistance(in, r.CloudRegion()) <= 1 {
				t.Errorf("Parse(%q) suggests the decommissioned %s although %s is in service and within reach", in, e.Suggestion, r)
				break
			}
		}
	}
}

// TestParseGivenEndpoint: a host, URL or endpoint name given to Parse
// suggests its region and says that ParseEndpoint reads hosts.
func TestParseGivenEndpoint(t *testing.T) {
	for _, r := range All() {
		inputs := []string{"oss-" + r.CloudRegion() + "-internal", "https://bucket-1." + r.PublicEndpoint() + "/k"}
		for _, h := range r.Hosts() {
			inputs = append(inputs, h, strings.ToUpper(h)+":443")
		}
		for _, in := range inputs {
			_, err := Parse(in)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrUnknownRegion) {
				t.Fatalf("Parse(%q): %v", in, err)
			}
			if e.Suggestion != r || !strings.Contains(e.Reason, "ParseEndpoint") {
				t.Errorf("Parse(%q): %v; want the suggestion %s and a word on ParseEndpoint", in, err, r)
			}
		}
	}
}

// TestParseEndpointLabels: the first label of every table host given to
// Parse, in any case, suggests its region; an internal endpoint's name,
// misspelt or not, suggests the region it names; and a host of a region
// newer than the table suggests what its ID would.
func TestParseEndpointLabels(t *testing.T) {
	for _, r := range All() {
		var inputs []string
		for _, h := range r.Hosts() {
			if label, ok := strings.CutSuffix(h, ".aliyuncs.com"); ok && !strings.Contains(label, ".") {
				inputs = append(inputs, label, strings.ToUpper(label))
			}
		}
		if r.InternalEndpoint() == "oss-"+r.CloudRegion()+"-internal.aliyuncs.com" {
			inputs = append(inputs, "OSS-"+strings.ToUpper(r.CloudRegion())+"-INTERNAL", r.CloudRegion()+"-interal", "oss-"+r.CloudRegion()+"-Internl")
		}
		for _, in := range inputs {
			_, err := Parse(in)
			var e *Error
			if !errors.As(err, &e) {
				continue // the label is a region ID too
			}
			if e.Suggestion != r || !strings.Contains(e.Reason, "ParseEndpoint") {
				t.Errorf("Parse(%q): %v; want the suggestion %s", in, err, r)
			}
		}
	}
	for _, in := range suggestionInputs() {
		if !genIsCloudID(in) || hostLike(in) {
			continue
		}
		_, err := Parse(in)
		var e *Error
		if !errors.As(err, &e) {
			continue
		}
		host := "https://oss-" + in + ".aliyuncs.com/bucket-1/k"
		var h *Error
		if errors.As(second(Parse(host)), &h); h.Suggestion != e.Suggestion {
			t.Errorf("Parse(%q) suggests %q, Parse(%q) %q", host, h.Suggestion, in, e.Suggestion)
		}
	}
}

// TestPreciseErrors holds the errors of #17 to their sentinels and hints.
func TestPreciseErrors(t *testing.T) {
	for _, r := range All() {
		h := r.PublicEndpoint()
		for _, bucket := range []string{"Bad_Bucket", "bad bucket", "bücket", "b\x00b"} {
			in := "https://" + bucket + "." + h + "/x"
			if _, err := ParseEndpoint(in); !errors.Is(err, ErrInvalidBucket) || !errors.Is(err, ErrInvalidEndpoint) {
				t.Errorf("ParseEndpoint(%q): %v; want ErrInvalidBucket and ErrInvalidEndpoint", in, err)
			}
		}
		// The doubled prefix, bare or behind a bucket, gets the same hint.
		doubled := "oss-" + r.CloudRegion() + ".oss.aliyuncs.com"
		for _, in := range []string{doubled, "examplebucket." + doubled, "https://examplebucket." + doubled + "/k"} {
			if _, err := ParseEndpoint(in); err == nil || !strings.Contains(err.Error(), "oss- twice; use CloudRegion()") {
				t.Errorf("ParseEndpoint(%q): %v; want the CloudRegion hint", in, err)
			}
		}
	}
	// A label longer than 63 characters is no host name.
	long := areas()[0] + "-" + strings.Repeat("q", 60) + "-1"
	for _, in := range []string{"oss-" + long + ".aliyuncs.com", "oss-" + long + "-internal.aliyuncs.com", long + ".oss.aliyuncs.com", "b-1.oss-" + long + ".aliyuncs.com"} {
		if _, err := ParseEndpoint(in); !errors.Is(err, ErrInvalidEndpoint) {
			t.Errorf("ParseEndpoint(%q): %v; want an error", in, err)
		}
	}
	if _, err := ParseEndpoint("oss-" + long[:55] + ".aliyuncs.com"); err != nil {
		t.Errorf("a label of 59 characters: %v", err)
	}
	// Invalid kinds are ErrInvalidKind, a kind the region lacks ErrNoEndpoint.
	for _, k := range []Kind{0, Regionless + 1, 255} {
		if _, err := DefaultRegion.URL(k, "b-1"); !errors.Is(err, ErrInvalidKind) || errors.Is(err, ErrNoEndpoint) {
			t.Errorf("URL(Kind(%d)): %v", uint8(k), err)
		}
	}
}

// TestErrorInputIsValidUTF8: a long input is clipped on a character
// boundary, in Input and in the reasons that quote it.
func TestErrorInputIsValidUTF8(t *testing.T) {
	for _, prefix := range []string{"", "a", "ab", "abc"} {
		for _, ch := range []string{"é", "漢", "😀"} {
			in := prefix + strings.Repeat(ch, 60)
			for _, err := range []error{second(Parse(in)), second(ParseEndpoint(in)), second(ParseEndpoint(in + ".oss-cn-x.aliyuncs.com"))} {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("%q: %v", in, err)
				}
				if !utf8.ValidString(e.Input) || len(e.Input) > maxErrorInput || len(e.Input) < maxErrorInput-utf8.UTFMax || !strings.HasPrefix(in, e.Input) {
					t.Errorf("Input %q of %q: %d bytes, valid UTF-8 %v", e.Input, in, len(e.Input), utf8.ValidString(e.Input))
				}
			}
		}
	}
	// Invalid UTF-8 is still cut near the limit.
	in := strings.Repeat("\x80", 200)
	var e *Error
	if errors.As(second(Parse(in)), &e); len(e.Input) < maxErrorInput-utf8.UTFMax {
		t.Errorf("invalid UTF-8 clipped to %d bytes", len(e.Input))
	}
}
