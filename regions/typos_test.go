package regions

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The tests of this file hold the line between a typo of a known region
// and a region newer than the table, the suggestions, the aliases and the
// other host families as properties over every region of the table: the
// expectations are derived from the table, never listed.

// namePart splits a cloud ID into its area ("cn-"), its name and its
// number with its hyphen ("-1", or ""): ap-southeast-1 is "ap-",
// "southeast", "-1".
func namePart(id string) (area, name, number string) {
	dash := strings.IndexByte(id, '-')
	area, rest := id[:dash+1], id[dash+1:]
	if i := strings.LastIndexByte(rest, '-'); i >= 0 && isNumber(rest[i+1:]) {
		return area, rest[:i], rest[i:]
	}
	return area, rest, ""
}

// nameTypos are the IDs one edit from id in its name part: each byte
// dropped or doubled, each of a few letters (vowels, which typos mix up
// most, and rare letters) inserted or put in the place of a byte, and
// each pair of neighbours swapped; without those that are no cloud ID or
// that the table knows (as a region or an alias).
func nameTypos(id string) []string {
	area, name, number := namePart(id)
	var out []string
	add := func(n string) {
		typo := area + n + number
		if typo == id || !genIsCloudID(typo) || parseID(typo) != nil {
			return
		}
		out = append(out, typo)
	}
	for i := 0; i <= len(name); i++ {
		for _, c := range "aeiouqxz" {
			add(name[:i] + string(c) + name[i:])
			if i < len(name) {
				add(name[:i] + string(c) + name[i+1:])
			}
		}
		if i < len(name) {
			add(name[:i] + name[i+1:])
			add(name[:i+1] + name[i:])
		}
		if i+1 < len(name) {
			add(name[:i] + name[i+1:i+2] + name[i:i+1] + name[i+2:])
		}
	}
	return out
}

// distanceTo is the distance from id to the closest name of r.
func distanceTo(id string, r Region) int {
	d := editDistance(id, r.CloudRegion())
	for _, a := range r.Aliases() {
		d = min(d, editDistance(id, strings.TrimPrefix(a, "oss-")))
	}
	return d
}

// typoForms are the host forms of a cloud ID that ParseEndpoint reads.
func typoForms(id string) []string {
	return []string{
		"oss-" + id + ".aliyuncs.com",
		"https://bucket-1.oss-" + id + ".aliyuncs.com/k",
		"oss-" + id + "-internal.aliyuncs.com",
		"https://bucket-1.oss-" + id + "-internal.aliyuncs.com/k",
		"s3.oss-" + id + ".aliyuncs.com",
		"https://bucket-1.s3.oss-" + id + "-internal.aliyuncs.com/k",
		id + ".oss.aliyuncs.com",
		"https://bucket-1." + id + ".oss.aliyuncs.com/k",
	}
}

// TestTyposAreNotNewRegions: a typo of the name part of every region (and
// alias) of the table, in every host form, is an error whose Suggestion
// is what Parse suggests for the ID, which is that region or one at
// least as close (or, for a closed region, one in service within reach):
// never a region newer than the table, never a signing region.
func TestTyposAreNotNewRegions(t *testing.T) {
	names, of := knownNames()
	count := 0
	seen := map[string]bool{}
	for i, id := range names {
		r := of[i]
		if seen[id] {
			continue // an alias in both forms
		}
		seen[id] = true
		for _, typo := range nameTypos(id) {
			want, _ := referenceSuggestion(typo)
			if want != r {
				// Another region at the same distance or closer, or one in
				// service where r is closed: the rule says so, the test
				// checks that much.
				if want == "" || distanceTo(typo, want) > editDistance(typo, id) && r.Status() != Decommissioned {
					t.Errorf("typo %q of %s: the reference suggests %q", typo, id, want)
					continue
				}
			}
			for _, in := range typoForms(typo) {
				count++
				e, err := ParseEndpoint(in)
				var pe *Error
				if !errors.As(err, &pe) || !errors.Is(err, ErrInvalidEndpoint) {
					t.Errorf("ParseEndpoint(%q) = %+v, %v; want an error (a typo of %s)", in, e, err, id)
					continue
				}
				if sr, ok := e.SigningRegion(); ok || sr != "" {
					t.Errorf("ParseEndpoint(%q) failed but SigningRegion gives %q, %v", in, sr, ok)
				}
				if pe.Suggestion != want {
					t.Errorf("ParseEndpoint(%q): %v; want the Suggestion %q", in, err, want)
				}
			}
			if _, err := Parse(typo); err == nil || err.(*Error).Suggestion != want {
				t.Errorf("Parse(%q): %v; want the suggestion %q", typo, err, want)
			}
		}
	}
	if count == 0 {
		t.Fatal("no typos tried")
	}
	t.Logf("%d host forms of typos tried", count)
}

// TestNewRegionsStillParse: IDs that differ from every known one in their
// name, or that have a known name with a number the table lacks, parse in
// every form as regions newer than the table.
func TestNewRegionsStillParse(t *testing.T) {
	names, _ := knownNames()
	// farFromTable: the rule in the test's own words.
	farFromTable := func(id string) bool {
		area, name, number := namePart(id)
		for _, k := range names {
			karea, kname, knumber := namePart(k)
			switch {
			case karea != area:
			case k == id || strings.HasPrefix(id, k+"-") || strings.HasPrefix(k, id+"-"):
				return false
			case name == kname && number != "" && knumber != "":
				// a new number of a known name
			case editDistance(name, kname) <= 1:
				return false
			}
		}
		return true
	}
	var ids []string
	for _, a := range areas() {
		for _, k := range names {
			_, name, number := namePart(k)
			if number != "" {
				ids = append(ids, a+"-"+name+"-97") // a known name, a new number
			}
			ids = append(ids, a+"-"+name+"x"+name+"-1", a+"-"+strings.ReplaceAll(name, "-", "")+"-3")
		}
	}
	tried := 0
	for _, id := range ids {
		if !genIsCloudID(id) || parseID(id) != nil || !farFromTable(id) || len(id) > 50 {
			continue
		}
		tried++
		for _, in := range []string{"oss-" + id + ".aliyuncs.com", "https://bucket-1.oss-" + id + "-internal.aliyuncs.com/k", "s3.oss-" + id + ".aliyuncs.com", "b-1." + id + ".oss.aliyuncs.com"} {
			e, err := ParseEndpoint(in)
			if err != nil || e.Region != Region("oss-"+id) || e.Region.Known() {
				t.Errorf("ParseEndpoint(%q) = %+v, %v; want the region oss-%s, newer than the table", in, e, err, id)
			}
			if sr, ok := e.SigningRegion(); !ok || sr != id {
				t.Errorf("ParseEndpoint(%q).SigningRegion() = %q, %v", in, sr, ok)
			}
		}
		if _, err := Parse(id); err == nil {
			t.Errorf("Parse(%q) accepted an ID the table lacks", id)
		}
	}
	if tried < len(areas()) {
		t.Fatalf("only %d IDs tried", tried)
	}
	t.Logf("%d IDs newer than the table tried", tried)
}

// TestSuggestionsStayInTheArea: Parse suggests only regions of the input's
// area; an ID of another area's region, written in this area, gets no
// suggestion unless a region of this area is close; a swap of two letters
// is one edit.
func TestSuggestionsStayInTheArea(t *testing.T) {
	var inputs []string
	names, of := knownNames()
	for _, a := range areas() {
		for _, k := range names {
			_, name, number := namePart(k)
			inputs = append(inputs, a+"-"+name+number)
		}
	}
	inputs = append(inputs, suggestionInputs()...)
	for _, in := range inputs {
		_, err := Parse(in)
		var e *Error
		if !errors.As(err, &e) || e.Suggestion == "" || hostLike(in) {
			continue
		}
		id := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(in)), "oss-")
		// In an area the table lacks, only a typo of the area itself
		// has a suggestion (the reference says which).
		if slices.Contains(areas(), areaOf(id)) && areaOf(id) != areaOf(e.Suggestion.CloudRegion()) {
			t.Errorf("Parse(%q) suggests %s, of another area", in, e.Suggestion)
		}
		if want, _ := referenceSuggestion(in); want != e.Suggestion {
			t.Errorf("Parse(%q) suggests %s, the reference %q", in, e.Suggestion, want)
		}
	}
	// A swap of neighbouring letters is one edit: the region is suggested
	// wherever no other region is as close.
	for i, k := range names {
		for j := len(areaOf(k)) + 1; j+1 < len(k); j++ {
			swapped := k[:j] + k[j+1:j+2] + k[j:j+1] + k[j+2:]
			if swapped == k || !genIsCloudID(swapped) || parseID(swapped) != nil || of[i].Status() == Decommissioned {
				continue
			}
			_, err := Parse(swapped)
			var e *Error
			if !errors.As(err, &e) {
				continue
			}
			if e.Suggestion != of[i] && distanceTo(swapped, e.Suggestion) > 1 {
				t.Errorf("Parse(%q) suggests %q; want %s, one swap away", swapped, e.Suggestion, of[i])
			}
		}
	}
}

// TestAliases: every alias of the table, in any case and with white
// space, parses to its region and unmarshals to it; the region marshals as
// its own ID; a Region converted from an alias or a cloud ID does not
// marshal, and says what Parse returns.
func TestAliases(t *testing.T) {
	n := 0
	for _, r := range All() {
		for _, a := range r.Aliases() {
			n++
			for _, in := range []string{a, strings.ToUpper(a), " " + a + "\n"} {
				if got, err := Parse(in); err != nil || got != r {
					t.Errorf("Parse(%q) = %q, %v; want %s", in, got, err, r)
				}
				var cfg struct{ Region Region }
				if err := json.Unmarshal([]byte(`{"Region":`+strconv.Quote(in)+`}`), &cfg); err != nil || cfg.Region != r {
					t.Errorf("json.Unmarshal of %q = %q, %v; want %s", in, cfg.Region, err, r)
				}
				if b, err := json.Marshal(cfg); err != nil || string(b) != `{"Region":"`+string(r)+`"}` {
					t.Errorf("json.Marshal after %q = %s, %v", in, b, err)
				}
			}
			if p, err := Parse(a); err == nil && (p.Known() != true || Region(a).Known()) {
				t.Errorf("alias %q: Known() on the conversion", a)
			}
		}
		for _, conv := range append(r.Aliases(), r.CloudRegion()) {
			_, err := Region(conv).MarshalText()
			var e *Error
			if !errors.As(err, &e) || e.Suggestion != r || !strings.Contains(e.Reason, "Parse") {
				t.Errorf("Region(%q).MarshalText(): %v; want an error suggesting %s and Parse", conv, err, r)
			}
		}
	}
	if n != len(genAliases) {
		t.Errorf("Aliases lists %d aliases, the table has %d", n, len(genAliases))
	}
}

// TestHostFamilies: the hosts of the other OSS families, of every region,
// in the forms their sources give, name the region and the family; the
// known forms that the package does not read are refused by name.
func TestHostFamilies(t *testing.T) {
	for _, r := range All() {
		id := r.CloudRegion()
		type test struct {
			in   string
			want Endpoint
		}
		tests := []test{
			{"https://ap-01-3b00521e828e50a1.oss-" + id + ".oss-accesspoint.aliyuncs.com/k",
				Endpoint{Region: r, Kind: Public, Bucket: "ap-01-3b00521e828e50a1", Host: "oss-" + id + ".oss-accesspoint.aliyuncs.com", Family: AccessPoints}},
			{"ap-01.oss-" + id + "-internal.oss-accesspoint.aliyuncs.com",
				Endpoint{Region: r, Kind: Internal, Bucket: "ap-01", Host: "oss-" + id + "-internal.oss-accesspoint.aliyuncs.com", Family: AccessPoints}},
			{"fc-ap-01-1119335441651-opap.oss-" + id + ".oss-object-process.aliyuncs.com",
				Endpoint{Region: r, Kind: Public, Bucket: "fc-ap-01-1119335441651-opap", Host: "oss-" + id + ".oss-object-process.aliyuncs.com", Family: ObjectProcess}},
			{"examplebucket." + id + ".oss-dls.aliyuncs.com",
				Endpoint{Region: r, Kind: Public, Bucket: "examplebucket", Host: id + ".oss-dls.aliyuncs.com", Family: HDFS}},
			{"https://vectors-1-1234567890." + id + ".oss-vectors.aliyuncs.com/",
				Endpoint{Region: r, Kind: Public, Bucket: "vectors-1-1234567890", Host: id + ".oss-vectors.aliyuncs.com", Family: Vectors}},
			{id + "-internal.oss-vectors.aliyuncs.com",
				Endpoint{Region: r, Kind: Internal, Host: id + "-internal.oss-vectors.aliyuncs.com", Family: Vectors}},
		}
		for _, tt := range tests {
			for _, in := range []string{tt.in, strings.ToUpper(tt.in)} {
				got, err := ParseEndpoint(in)
				if err != nil || got != tt.want {
					t.Errorf("ParseEndpoint(%q) =\n %+v, %v\nwant %+v", in, got, err, tt.want)
				}
				if sr, ok := got.SigningRegion(); !ok || sr != id {
					t.Errorf("ParseEndpoint(%q).SigningRegion() = %q, %v", in, sr, ok)
				}
			}
		}
		// Refused by name: the legacy VPC host, with its region.
		var e *Error
		for _, in := range []string{"vpc100-oss-" + id + ".aliyuncs.com", "vpc100-oss-" + id + "-internal.aliyuncs.com"} {
			_, err := ParseEndpoint(in)
			if !errors.As(err, &e) || e.Suggestion != r || !strings.Contains(e.Reason, "legacy VPC endpoint") {
				t.Errorf("ParseEndpoint(%q): %v; want the legacy VPC form named, suggesting %s", in, err, r)
			}
		}
		// A misspelt region in a family host is a typo there too.
		for _, typo := range nameTypos(id)[:1] {
			for _, in := range []string{"ap-01.oss-" + typo + ".oss-accesspoint.aliyuncs.com", "b-1." + typo + ".oss-dls.aliyuncs.com"} {
				if _, err := ParseEndpoint(in); !errors.As(err, &e) || e.Suggestion == "" {
					t.Errorf("ParseEndpoint(%q): %v; want a typo with a Suggestion", in, err)
				}
			}
		}
	}
	for _, in := range []string{"oss-" + DefaultRegion.CloudRegion() + ".oss-dls.aliyuncs.com", DefaultRegion.CloudRegion() + "-internal.oss-dls.aliyuncs.com", DefaultRegion.CloudRegion() + ".oss-accesspoint.aliyuncs.com", "oss.oss-vectors.aliyuncs.com"} {
		if e, err := ParseEndpoint(in); err == nil {
			t.Errorf("ParseEndpoint(%q) = %+v; want an error", in, e)
		}
	}
	// s3.oss-accelerate.aliyuncs.com: the S3 form of the global accelerate
	// endpoint, which names no region.
	for _, in := range []string{"s3." + GlobalAccelerateEndpoint, "https://bucket-1.S3." + strings.ToUpper(GlobalAccelerateEndpoint) + "/k"} {
		e, err := ParseEndpoint(in)
		if err != nil || e.Kind != Accelerate || !e.S3Compatible || e.Region != "" || e.Host != "s3."+GlobalAccelerateEndpoint {
			t.Errorf("ParseEndpoint(%q) = %+v, %v", in, e, err)
		}
		if _, ok := e.SigningRegion(); ok {
			t.Errorf("ParseEndpoint(%q): SigningRegion reports a region", in)
		}
	}
}

// TestAbsoluteNames: every host of the table with one trailing dot is the
// same host, in every form; two dots are not.
func TestAbsoluteNames(t *testing.T) {
	for _, r := range All() {
		for _, h := range r.Hosts() {
			want, err := ParseEndpoint("https://bucket-1." + h + "/k")
			if err != nil {
				t.Fatal(err)
			}
			for _, in := range []string{"https://bucket-1." + h + "./k", "bucket-1." + h + ".:443", "BUCKET-1." + strings.ToUpper(h) + "."} {
				got, err := ParseEndpoint(in)
				if err != nil || got != want {
					t.Errorf("ParseEndpoint(%q) = %+v, %v; want %+v", in, got, err, want)
				}
			}
			if _, err := ParseEndpoint(h + ".."); err == nil {
				t.Errorf("ParseEndpoint(%q) accepted two dots", h+"..")
			}
		}
	}
}

// TestTableHostsDoNotAllocate: every host of the table, and its
// S3-compatible form, in upper case, costs no allocation; and so do the
// family hosts and the URLs of the benchmark's mix.
func TestTableHostsDoNotAllocate(t *testing.T) {
	var in []string
	for _, r := range All() {
		for _, h := range r.Hosts() {
			in = append(in, strings.ToUpper(h), "HTTPS://"+strings.ToUpper(h)+"./")
		}
		in = append(in, "S3."+strings.ToUpper(r.PublicEndpoint()), "S3."+strings.ToUpper(r.InternalEndpoint()))
	}
	in = append(in, endpointInputs(All())...)
	for _, s := range in {
		if _, err := ParseEndpoint(s); err != nil {
			t.Fatalf("ParseEndpoint(%q): %v", s, err)
		}
		if n := testing.AllocsPerRun(10, func() { _, sinkErr = ParseEndpoint(s) }); n != 0 {
			t.Errorf("ParseEndpoint(%q): %v allocations", s, n)
		}
	}
}

// TestAliasWithDoubledPrefix: an SDK given an alias in its oss- form as
// the region (oss-cn-hzfinance) builds oss-oss-cn-hzfinance.aliyuncs.com;
// the host is refused with the alias's region as Suggestion and its
// CloudRegion named, with and without a bucket in front.
func TestAliasWithDoubledPrefix(t *testing.T) {
	n := 0
	for _, r := range All() {
		for _, alias := range r.Aliases() {
			if !strings.HasPrefix(alias, "oss-") {
				continue
			}
			for _, host := range []string{"oss-" + alias + ".aliyuncs.com", "examplebucket.oss-" + alias + ".aliyuncs.com"} {
				n++
				e, err := ParseEndpoint(host)
				var re *Error
				if !errors.As(err, &re) || re.Suggestion != r || !strings.Contains(err.Error(), "CloudRegion()") {
					t.Errorf("ParseEndpoint(%q) = %+v, %v; want an error suggesting %s and naming CloudRegion()", host, e, err, r)
				}
			}
		}
	}
	if n == 0 {
		t.Skip("the table has no alias in the oss- form")
	}
}

// TestAreaTyposAreNotNewRegions: a swap, a letter more or less in the area,
// or the hyphen after it left out, makes an area the table lacks; such an
// ID is a typo of the known region, never a newer one, in every form.
func TestAreaTyposAreNotNewRegions(t *testing.T) {
	tried := 0
	for _, r := range All() {
		id := r.CloudRegion()
		area := areaOf(id)
		var typos []string
		for j := 0; j+1 < len(area); j++ { // swaps
			typos = append(typos, area[:j]+area[j+1:j+2]+area[j:j+1]+area[j+2:]+id[len(area):])
		}
		for j := 0; j < len(area); j++ { // a letter less
			typos = append(typos, area[:j]+area[j+1:]+id[len(area):])
		}
		for j := 0; j <= len(area); j++ { // a letter more
			typos = append(typos, area[:j]+"x"+area[j:]+id[len(area):], area[:j]+area[:1]+area[j:]+id[len(area):])
		}
		typos = append(typos, area+id[len(area)+1:]) // the hyphen left out
		for _, typo := range typos {
			if slices.Contains(areas(), areaOf(typo)) || parseID(typo) != nil || !genIsCloudID(typo) && !strings.Contains(typo, "-") {
				continue
			}
			want := areaTypoReference(typo)
			if want == "" {
				t.Errorf("reference: %q is no area typo of %s", typo, r)
				continue
			}
			for _, host := range []string{"oss-" + typo + ".aliyuncs.com", "bucket.oss-" + typo + "-internal.aliyuncs.com"} {
				tried++
				e, err := ParseEndpoint(host)
				var pe *Error
				if !errors.As(err, &pe) || pe.Suggestion != want {
					t.Errorf("ParseEndpoint(%q) = %q, %v; want an error suggesting %s", host, e.Region, err, want)
				}
			}
			if _, err := Parse(typo); err == nil || err.(*Error).Suggestion != want {
				t.Errorf("Parse(%q): %v; want the suggestion %s", typo, err, want)
			}
		}
	}
	if tried == 0 {
		t.Fatal("no area typo tried")
	}
	t.Logf("%d area typos tried", tried)
}

// TestWrongKindSuggestsTheRegion: a known ID with a misspelt kind or a
// part more suggests the region whose ID it extends, the longest such (a
// finance region's, not its public namesake's, and the other way round),
// never one that only an edit distance finds.
func TestWrongKindSuggestsTheRegion(t *testing.T) {
	for _, r := range All() {
		if r.Status() == Decommissioned {
			continue // closed regions yield to regions in service
		}
		for _, part := range []string{"-intranet", "-vpc", "-inner", "-private", "-public", "-int", "-internal-vpc", "-1"} {
			id := r.CloudRegion() + part
			if parseID(id) != nil {
				continue
			}
			for _, in := range []string{"oss-" + id + ".aliyuncs.com", "bucket.oss-" + id + ".aliyuncs.com", "s3.oss-" + id + ".aliyuncs.com"} {
				e, err := ParseEndpoint(in)
				var pe *Error
				if !errors.As(err, &pe) || pe.Suggestion != r {
					t.Errorf("ParseEndpoint(%q) = %q, %v; want an error suggesting %s", in, e.Region, err, r)
				}
			}
			if _, err := Parse(id); err == nil || err.(*Error).Suggestion != r {
				t.Errorf("Parse(%q): %v; want the suggestion %s", id, err, r)
			}
		}
	}
}

// TestAliasIsNoDualStackBucket: an alias in front of oss.aliyuncs.com
// names its region (the form of a dual-stack host), not a bucket on the
// default region: the region's dual-stack host where the table gives it
// so, refused with the region as Suggestion otherwise.
func TestAliasIsNoDualStackBucket(t *testing.T) {
	n := 0
	for _, r := range All() {
		for _, a := range r.Aliases() {
			n++
			for _, host := range []string{a + ".oss.aliyuncs.com", "bucket." + a + ".oss.aliyuncs.com"} {
				e, err := ParseEndpoint(host)
				if ds, _ := r.Endpoint(DualStack); ds == a+".oss.aliyuncs.com" {
					if err != nil || e.Region != r || e.Kind != DualStack {
						t.Errorf("ParseEndpoint(%q) = %+v, %v; want the dual-stack host of %s", host, e, err, r)
					}
					continue
				}
				var pe *Error
				if !errors.As(err, &pe) || pe.Suggestion != r {
					t.Errorf("ParseEndpoint(%q) = %q %q, %v; want an error suggesting %s", host, e.Region, e.Bucket, err, r)
				}
			}
		}
	}
	if n == 0 {
		t.Skip("the table has no aliases")
	}
}

// TestNearHostsNameTheirRegion: a host that names a region of the table
// exactly but is none of its endpoints (-internal twice, the pattern's
// host of an irregular region, a dual-stack host it lacks, s3. in front of
// a doubled oss- prefix) is refused with that region as Suggestion.
func TestNearHostsNameTheirRegion(t *testing.T) {
	for _, r := range All() {
		id := r.CloudRegion()
		inputs := []string{"oss-" + id + "-internal-internal.aliyuncs.com", "bucket.oss-" + id + "-internal-internal.aliyuncs.com"}
		if r.PublicEndpoint() != "oss-"+id+".aliyuncs.com" {
			inputs = append(inputs, "oss-"+id+".aliyuncs.com")
		}
		if _, ok := r.Endpoint(DualStack); !ok {
			inputs = append(inputs, id+".oss.aliyuncs.com")
		}
		for _, in := range inputs {
			e, err := ParseEndpoint(in)
			var pe *Error
			if !errors.As(err, &pe) || pe.Suggestion != r {
				t.Errorf("ParseEndpoint(%q) = %q, %v; want an error suggesting %s", in, e.Region, err, r)
			}
		}
		in := "s3.oss-oss-" + id + ".aliyuncs.com"
		if _, err := ParseEndpoint(in); err == nil || !strings.Contains(err.Error(), "CloudRegion()") {
			t.Errorf("ParseEndpoint(%q): %v; want the doubled-prefix message", in, err)
		}
	}
}
