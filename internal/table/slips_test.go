package table

import (
	"fmt"
	"strings"
	"testing"
)

// TestSlipsExpandArea holds the order the package tries slips in: the
// entries' order, and in an entry with {area} the order of Table.Areas,
// whatever order the regions come in.
func TestSlipsExpandArea(t *testing.T) {
	yaml := tableHead + `sources: [{key: S, title: s, date: 2026-01-01}]
schemes: [{name: http, sources: [S]}, {name: https, sources: [S]}]
slips:
  - {written: "oss.", meant: "oss-", reason: a dot, sources: [S]}
  - {written: "x{area}-{area}-", meant: "{area}-", reason: the area twice, sources: [S]}
  - {written: "。", meant: "", reason: a full-width period, sources: [S]}
regions:
` + hangzhouRow + strings.ReplaceAll(strings.ReplaceAll(hangzhouRow, "cn-hangzhou", "ap-southeast-1"), "China (Hangzhou)", "Singapore")
	tbl, err := Parse("t.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range tbl.Slips {
		got = append(got, fmt.Sprintf("%s → %s (%s → %s, line %d)", s.Written, s.Meant, s.WrittenForm, s.MeantForm, s.Line))
	}
	want := []string{
		"oss. → oss- (oss. → oss-, line 9)",
		"xap-ap- → ap- (x{area}-{area}- → {area}-, line 10)",
		"xcn-cn- → cn- (x{area}-{area}- → {area}-, line 10)",
		"。 →  (。 → , line 11)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("slips:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(tbl.Schemes) != 2 || tbl.Schemes[1].Name != "https" || tbl.Schemes[1].Line != 7 {
		t.Errorf("schemes: %+v", tbl.Schemes)
	}
}
