package table

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// dnsBase is a table of one region of each cloud with both lists; its
// line numbers are the cases' positions.
const dnsBase = tableHead + `sources: [{key: S, title: s, date: 2026-01-01}, {key: DNS, title: d, date: 2026-01-01}, {key: IDs, title: i, date: 2026-01-01}]
public_dns:
  - {cloud: public, internal: published, aaaa: unpublished, sources: [DNS]}
  - {cloud: finance, internal: unpublished, aaaa: published, sources: [DNS, S]}
  - {cloud: government, internal: unpublished, aaaa: unpublished, sources: [DNS]}
other_region_ids:
  - {id: us-southeast-1, name: US (Atlanta), sources: [IDs]}
  - {id: rus-west-1, name: Russia (Moscow), sources: [IDs, S]}
regions:
` + hangzhouRow + `  - id: oss-cn-hangzhou-finance
    name: China East 1 Finance
    sources: [S]
    confidence: high
    cloud: finance
    mainland_china: true
    irregular_endpoints: true
    endpoints: {public: oss-cn-hzfinance.aliyuncs.com, internal: oss-cn-hzfinance-internal.aliyuncs.com, vpc: oss-cn-hzfinance-internal.aliyuncs.com}
    accelerate: not stated
    vip_ranges: ticket
    aliases: [{id: cn-hzfinance, source: S}]
  - id: oss-cn-north-2-gov-1
    name: China North 2 Ali Gov 1
    sources: [S]
    confidence: high
    cloud: government
    mainland_china: true
    endpoints: {public: oss-cn-north-2-gov-1.aliyuncs.com, internal: oss-cn-north-2-gov-1-internal.aliyuncs.com, vpc: oss-cn-north-2-gov-1-internal.aliyuncs.com}
    accelerate: not stated
    vip_ranges: ticket
` + schemesTail

func TestDNSListsLoad(t *testing.T) {
	tbl, err := Parse("t.yaml", []byte(dnsBase))
	if err != nil {
		t.Fatal(err)
	}
	want := []CloudDNS{
		{CloudPublic, true, false, []string{"DNS"}, 8},
		{CloudFinance, false, true, []string{"DNS", "S"}, 9},
		{CloudGovernment, false, false, []string{"DNS"}, 10},
	}
	if got := fmt.Sprint(tbl.PublicDNS); got != fmt.Sprint(want) {
		t.Errorf("PublicDNS = %s, want %s", got, fmt.Sprint(want))
	}
	for _, w := range want {
		if got := tbl.PublicDNSOf(w.Cloud); got == nil || got.Line != w.Line {
			t.Errorf("PublicDNSOf(%s) = %v", w.Cloud, got)
		}
	}
	others := []OtherRegion{{"us-southeast-1", "US (Atlanta)", []string{"IDs"}, 12}, {"rus-west-1", "Russia (Moscow)", []string{"IDs", "S"}, 13}}
	if got := fmt.Sprint(tbl.OtherRegions); got != fmt.Sprint(others) {
		t.Errorf("OtherRegions = %s, want %s", got, fmt.Sprint(others))
	}

	// Both lists may be left out; then the table says nothing of DNS.
	without := dnsBase[:strings.Index(dnsBase, "public_dns:")] + dnsBase[strings.Index(dnsBase, "regions:"):]
	without = strings.Replace(without, ", {key: DNS, title: d, date: 2026-01-01}, {key: IDs, title: i, date: 2026-01-01}", "", 1)
	tbl, err = Parse("t.yaml", []byte(without))
	if err != nil {
		t.Fatal(err)
	}
	if tbl.PublicDNS != nil || tbl.OtherRegions != nil || tbl.PublicDNSOf(CloudPublic) != nil {
		t.Errorf("a table without the lists has %v, %v", tbl.PublicDNS, tbl.OtherRegions)
	}

	// The real table has both, every cloud covered.
	real, err := Load("../../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for i := range nameWords(Clouds) {
		if real.PublicDNSOf(Cloud(i)) == nil {
			t.Errorf("regions.yaml: public_dns has no entry for %s", Cloud(i))
		}
	}
	if len(real.OtherRegions) == 0 {
		t.Error("regions.yaml: no other_region_ids")
	}
}

// TestDNSListsRefused: every problem of the two lists is reported, each
// at its line and column.
func TestDNSListsRefused(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // replaced in dnsBase
		want     []string
	}{
		{"cloud missing", "  - {cloud: government, internal: unpublished, aaaa: unpublished, sources: [DNS]}\n", "",
			[]string{`t.yaml:8:3: public_dns: no entry for the government cloud; every cloud (public, finance or government) needs one`}},
		{"empty list", "public_dns:\n  - {cloud: public, internal: published, aaaa: unpublished, sources: [DNS]}\n  - {cloud: finance, internal: unpublished, aaaa: published, sources: [DNS, S]}\n  - {cloud: government, internal: unpublished, aaaa: unpublished, sources: [DNS]}\n",
			"public_dns: []\n", []string{
				`t.yaml:7:13: public_dns: no entry for the public cloud`,
				`t.yaml:7:13: public_dns: no entry for the finance cloud`,
				`t.yaml:7:13: public_dns: no entry for the government cloud`,
				`t.yaml:6:`}}, // DNS is cited by nothing now
		{"bad values", "{cloud: finance, internal: unpublished, aaaa: published, sources: [DNS, S]}",
			"{cloud: public, internal: yes, aaaa: maybe, sources: [DNS, DNS, X], extra: 1}", []string{
				`t.yaml:9:13: public_dns[1].cloud: the public cloud has an entry already, at line 8; keep one`,
				`t.yaml:9:31: public_dns[1].internal: "yes" is not a word public_dns knows; expected published or unpublished`,
				`t.yaml:9:42: public_dns[1].aaaa: "maybe" is not a word public_dns knows`,
				`t.yaml:9:64: public_dns[1].sources[1]: DNS is listed twice`,
				`t.yaml:9:69: public_dns[1].sources[2]: "X" is not the key of a source in the top-level sources list`,
				`t.yaml:9:73: public_dns[1]: unknown field "extra"; expected one of cloud, internal, aaaa, sources`,
				`t.yaml:8:3: public_dns: no entry for the finance cloud`}},
		{"not a cloud", "{cloud: government,", "{cloud: moon,", []string{
			`t.yaml:10:13: public_dns[2].cloud: "moon" is not a cloud; expected public, finance or government`,
			`t.yaml:8:3: public_dns: no entry for the government cloud`}},
		{"fields missing", "{cloud: public, internal: published, aaaa: unpublished, sources: [DNS]}", "{cloud: public, sources: []}", []string{
			`t.yaml:8:5: public_dns[0]: missing field "internal"`,
			`t.yaml:8:5: public_dns[0]: missing field "aaaa"`,
			`t.yaml:8:30: public_dns[0].sources: empty; list the keys of the sources the entry rests on`}},
		{"other ids", "  - {id: rus-west-1, name: Russia (Moscow), sources: [IDs, S]}\n", `  - {id: rus-west-1, name: Russia (Moscow), sources: [IDs, S]}
  - {id: oss-us-east-2, name: A, sources: [IDs]}
  - {id: US-East-2, name: B, sources: [IDs]}
  - {id: cn-hangzhou, name: C, sources: [IDs]}
  - {id: cn-hzfinance, name: D, sources: [IDs]}
  - {id: rus-west-1, name: E, sources: [IDs]}
  - {id: accelerate-x, name: F, sources: [IDs]}
  - {id: x-internal, name: "G\u202e", sources: [Nope]}
  - {id: rg-china-mainland, name: H, sources: [IDs]}
  - {id: eu-west-9}
`, []string{
			`t.yaml:15:10: other_region_ids[2].id: "oss-us-east-2" begins with oss-; write the cloud region ID, us-east-2`,
			`t.yaml:16:10: other_region_ids[3].id: "US-East-2" is not a cloud region ID; expected lower-case parts joined by hyphens, the first of letters, such as us-southeast-1`,
			`t.yaml:17:10: other_region_ids[4].id: cn-hangzhou is the ID of oss-cn-hangzhou, a region of the table; remove it here`,
			`t.yaml:18:10: other_region_ids[5].id: cn-hzfinance is an alias of oss-cn-hangzhou-finance, a region of the table; remove it here`,
			`t.yaml:19:10: other_region_ids[6].id: "rus-west-1" is already listed at line 14`,
			`t.yaml:20:10: other_region_ids[7].id: "accelerate-x" makes the region ID oss-accelerate-x, which begins with oss-accelerate-`,
			`t.yaml:21:10: other_region_ids[8].id: "x-internal" makes the region ID oss-x-internal, which ends in -internal`,
			`t.yaml:21:28: other_region_ids[8].name: "G\u202e" contains U+202E`,
			`t.yaml:21:44: other_region_ids[8].sources[0]: "Nope" is not the key of a source`,
			`t.yaml:22:10: other_region_ids[9].id: oss-rg-china-mainland.aliyuncs.com is the table's regionless_endpoint (line 4); an ID here must name no host of the table`,
			`t.yaml:23:5: other_region_ids[10]: missing field "name"`,
			`t.yaml:23:5: other_region_ids[10]: missing field "sources"`}},
		{"not lists", "other_region_ids:\n  - {id: us-southeast-1, name: US (Atlanta), sources: [IDs]}\n  - {id: rus-west-1, name: Russia (Moscow), sources: [IDs, S]}\n",
			"other_region_ids: {id: us-southeast-1}\n", []string{
				`t.yaml:11:19: other_region_ids: expected a list, found a mapping`,
				`t.yaml:6:`}}, // IDs is cited by nothing now
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(dnsBase, tt.old, tt.new, 1)
			if in == dnsBase {
				t.Fatal("the case changes nothing")
			}
			if tt.name == "other ids" {
				in = strings.Replace(in, "default_endpoints:", "regionless_endpoint: oss-rg-china-mainland.aliyuncs.com\ndefault_endpoints:", 1)
				in = strings.Replace(in, "\\u202e", "\u202e", 1)
			}
			_, err := Parse("t.yaml", []byte(in))
			if err == nil {
				t.Fatalf("accepted:\n%s", in)
			}
			lines := strings.Split(err.Error(), "\n")
			for _, w := range tt.want {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, Printable(w)) }) {
					t.Errorf("no problem %q in:\n%s", w, err)
				}
			}
			if len(lines) != len(tt.want) {
				t.Errorf("%d problems, want %d:\n%s", len(lines), len(tt.want), err)
			}
		})
	}
}
