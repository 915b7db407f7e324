package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ossregions/ossregions/internal/drift/page"
	"github.com/ossregions/ossregions/internal/table"
)

func runDocsCmd(t *testing.T, args ...string) result {
	t.Helper()
	return runDocsWith(http.DefaultClient, args...)
}

func runDocsWith(client *http.Client, args ...string) result {
	var out, errOut bytes.Buffer
	code := runDocs(context.Background(), args, &out, &errOut, client)
	return result{code, out.String(), errOut.String()}
}

// TestDocsReports runs the check on the pages under testdata/docs, written
// from the facts of testdata/docs/table.yaml, and compares exit code and
// output with testdata/docs/reports/NAME.txt.
func TestDocsReports(t *testing.T) {
	for _, c := range []struct {
		name string
		code int
		args []string
	}{
		{"agree", exitAgrees, nil},                                    // the source from the page's Source: line
		{"edited", exitDrifted, nil},                                  // a region added, a range changed, a dual-stack host dropped
		{"other", exitNotCheck, []string{"-source", "D-cn"}},          // a page of another product: regions, no endpoints
		{"wrong_source", exitNotCheck, []string{"-source", "D-intl"}}, // the page names D-cn
		{"no_source", exitNotCheck, nil},                              // a file that names no URL
		{"not_a_page", exitNotCheck, []string{"-source", "D-cn"}},     // the table itself
		{"pricing", exitNotCheck, []string{"-source", "D-cn"}},        // another page of OSS: a few regions with their public endpoints
		{"truncated", exitNotCheck, []string{"-source", "D-cn"}},      // agree.md cut short after its first region
		{"prices", exitNotCheck, nil},                                 // a price list with region IDs, whose 外网 column is traffic
	} {
		t.Run(c.name, func(t *testing.T) {
			path := map[string]string{"wrong_source": "agree.md", "no_source": "table.yaml", "not_a_page": "table.yaml"}[c.name]
			if path == "" {
				path = c.name + ".md"
			}
			args := append([]string{"-in", "testdata/docs/table.yaml", "-page", filepath.Join("testdata", "docs", path)}, c.args...)
			got := runDocsCmd(t, args...)
			if got.code != c.code {
				t.Errorf("exit %d, want %d:\n%s", got.code, c.code, got)
			}
			golden(t, filepath.Join("..", "..", "docs", "reports", c.name), got)
		})
	}
}

// TestDocsFetch fetches the page over HTTP: the page as served, a page
// that is not there, and one larger than any regions page.
func TestDocsFetch(t *testing.T) {
	body, err := os.ReadFile("testdata/docs/agree.md")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			w.Write(body)
		case "/large":
			w.Write(bytes.Repeat([]byte("x"), page.MaxSize+1))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	// A table whose D-cn is at the server: -source alone fetches it, and
	// the page, fetched, is D-cn by its URL.
	tb, err := os.ReadFile("testdata/docs/table.yaml")
	if err != nil {
		t.Fatal(err)
	}
	served := filepath.Join(t.TempDir(), "table.yaml")
	os.WriteFile(served, bytes.ReplaceAll(tb, []byte("https://help.aliyun.com/zh/oss/user-guide/regions-and-endpoints"), []byte(srv.URL+"/page")), 0o644)
	for _, args := range [][]string{{"-source", "D-cn"}, {"-page", srv.URL + "/page"}} {
		if got := runDocsWith(srv.Client(), append([]string{"-in", served}, args...)...); got.code != exitAgrees || !strings.Contains(got.stdout, "(D-cn)") {
			t.Errorf("%q: %s", args, got)
		}
	}
	if got := runDocsWith(srv.Client(), "-in", served, "-source", "T"); got.code != exitNotCheck || !strings.Contains(got.stderr, "no source with that key") {
		t.Errorf("-source T: %s", got)
	}
	for _, c := range []struct {
		path, source string
		code         int
		stderr       string
	}{
		{"/page", "D-cn", exitAgrees, ""},
		{"/page", "", exitNotCheck, "is none of theirs; say SOURCE=KEY"},
		{"/missing", "D-cn", exitNotCheck, "HTTP \"404 Not Found\"; expected 200"},
		{"/large", "D-cn", exitNotCheck, fmt.Sprintf("more than %d bytes", page.MaxSize)},
	} {
		args := []string{"-in", "testdata/docs/table.yaml", "-page", srv.URL + c.path}
		if c.source != "" {
			args = append(args, "-source", c.source)
		}
		got := runDocsWith(srv.Client(), args...)
		if got.code != c.code || !strings.Contains(got.stderr, c.stderr) {
			t.Errorf("%s -source %q: got %s\nwant exit %d, stderr with %q", c.path, c.source, got, c.code, c.stderr)
		}
	}
}

// TestDocsWhichSource: when the source of the page is not known, or not
// one of the table's, the error names the sources with a url and the one
// in the page's language.
func TestDocsWhichSource(t *testing.T) {
	body, err := os.ReadFile("testdata/docs/agree.md")
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.md")
	os.WriteFile(copyPath, bytes.ReplaceAll(body, []byte("Source: "), []byte("From: ")), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-page", copyPath}, "say SOURCE=KEY (make) or -source KEY: the sources with a url are D-intl, D-cn; the page is in Chinese, like D-cn\n"},
		{[]string{"-page", copyPath, "-source", "D-zh"}, "has no source with that key; the sources with a url are D-intl, D-cn\n"},
	} {
		got := runDocsCmd(t, append([]string{"-in", "testdata/docs/table.yaml"}, c.args...)...)
		if got.code != exitNotCheck || !strings.HasSuffix(got.stderr, c.want) {
			t.Errorf("%q: %s\nwant exit 2 and stderr ending %q", c.args, got, c.want)
		}
	}
}

// TestDocsMalformedValue: a value the page prints that is not a range is
// named with its region and the table's line, and once recorded as a
// deviation, as printed, is information.
func TestDocsMalformedValue(t *testing.T) {
	body, err := os.ReadFile("testdata/docs/agree.md")
	tb, err2 := os.ReadFile("testdata/docs/table.yaml")
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	dir := t.TempDir()
	pagePath, tablePath := filepath.Join(dir, "page.md"), filepath.Join(dir, "table.yaml")
	os.WriteFile(pagePath, bytes.Replace(body, []byte("<br>100.114.102.0/24"), []byte("<br>100.114.102/24"), 1), 0o644)
	line := 1 + bytes.Count(tb[:bytes.Index(tb, []byte("  - id: oss-cn-hangzhou"))], []byte("\n"))
	want := fmt.Sprintf("- `oss-cn-hangzhou` vip_ranges, %s, table.yaml:%d: the page adds `100.114.102/24`; the page lacks `100.114.102.0/24`: not a CIDR range: `100.114.102/24`; a deviation records it as page: `100.114.102/24, 100.118.28.0/24`\n", text(pagePath+":13"), line)
	got := runDocsCmd(t, "-in", "testdata/docs/table.yaml", "-page", pagePath)
	if got.code != exitDrifted || !strings.Contains(got.stdout, "## Values the page gives that are not hosts or ranges (1)") || !strings.Contains(got.stdout, want) {
		t.Errorf("the malformed range: %s\nwant exit 1 and the line %q", got, want)
	}
	dev := "      - 100.114.102.0/24\n    deviations:\n      - {source: D-cn, field: vip_ranges, page: \"100.118.28.0/24, 100.114.102/24\", why: the page drops an octet}\n"
	os.WriteFile(tablePath, bytes.Replace(tb, []byte("      - 100.114.102.0/24\n"), []byte(dev), 1), 0o644)
	got = runDocsCmd(t, "-in", tablePath, "-page", pagePath)
	if want := "`100.114.102.0/24`: a recorded deviation (table.yaml:" + fmt.Sprint(line+14) + "): the page drops an octet\n"; got.code != exitAgrees || !strings.Contains(got.stdout, want) {
		t.Errorf("the malformed range, recorded: %s\nwant exit 0 and information ending %q", got, want)
	}
}

// pageOf writes the page that the table's facts make, in the form of the
// Chinese page (Markdown) or of an English HTML page, for the regions
// given: each region of the public and government clouds in one row, a
// finance region in a row of each environment.
func pageOf(t *table.Table, regions []table.Region, asHTML bool) string {
	heads := [][]string{
		{"地域", "地域 ID", "外网 Endpoint", "内网 Endpoint", "双栈 Endpoint", "内网 VIP 网段"},
		{"Region", "Region ID", "Public endpoint", "Internal endpoint", "Dual-stack endpoint", "Internal VIP ranges"},
	}
	words := map[bool][]string{false: {"不支持", "请提交工单", "（关停中）", "（已关停）", "（邀测）"}, true: {"N/A", "Submit a ticket", " (closing down)", " (decommissioned)", " (invitational preview)"}}[asHTML]
	none := func(vs ...string) []string {
		if vs = slices.DeleteFunc(vs, func(s string) bool { return s == "" }); len(vs) == 0 {
			return []string{words[0]}
		}
		return vs
	}
	row := func(r *table.Region, env string) [][]string {
		name := r.Name + map[table.Status]string{table.StatusDecommissioning: words[2], table.StatusDecommissioned: words[3], table.StatusPreview: words[4]}[r.Status]
		vip := []string{words[1]}
		if !r.VIPByTicket {
			vip = table.Mapped(r.VIP, func(p netip.Prefix) string { return p.String() })
		}
		if env == "internal" {
			return [][]string{{name}, {r.CloudID}, none(r.InternalExtra...), {words[0]}}
		}
		return [][]string{{name}, {r.CloudID}, {r.Public}, {r.Internal}, none(r.DualStack), vip}
	}
	var parts []string
	tbl := func(heading string, head []string, rows [][][]string) {
		if len(rows) == 0 {
			return
		}
		var b strings.Builder
		if asHTML {
			fmt.Fprintf(&b, "%s\n<table>\n<tr><th>%s</th></tr>\n", heading, strings.Join(head, "</th><th>"))
			for _, r := range rows {
				b.WriteString("<tr>")
				for _, c := range r {
					fmt.Fprintf(&b, "<td>%s</td>", strings.Join(table.Mapped(c, html.EscapeString), "<br>"))
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		} else {
			fmt.Fprintf(&b, "%s\n\n| %s |\n|%s\n", heading, strings.Join(head, " | "), strings.Repeat(" --- |", len(head)))
			for _, r := range rows {
				b.WriteString("|")
				for _, c := range r {
					fmt.Fprintf(&b, " %s |", strings.Join(c, "<br>"))
				}
				b.WriteString("\n")
			}
		}
		parts = append(parts, b.String())
	}
	var public, gov, finIn, finOut [][][]string
	for i := range regions {
		r := &regions[i]
		switch r.Cloud {
		case table.CloudFinance:
			finIn = append(finIn, row(r, "internal"))
			finOut = append(finOut, row(r, "public"))
		case table.CloudGovernment:
			gov = append(gov, row(r, ""))
		default:
			public = append(public, row(r, ""))
		}
	}
	if t.Regionless != "" {
		public = append(public, [][]string{{"无地域属性"}, {strings.TrimSuffix(strings.TrimPrefix(t.Regionless, "oss-"), ".aliyuncs.com")}, {t.Regionless}, {words[0]}, {words[0]}, {words[0]}})
	}
	h := func(level int, zh, en string) string {
		if asHTML {
			return fmt.Sprintf("<h%d>%s</h%d>", level, en, level)
		}
		return strings.Repeat("#", level) + " " + zh
	}
	x := map[bool]int{false: 0, true: 1}[asHTML]
	head := heads[x]
	tbl(h(2, "公共云", "Public cloud"), head, public)
	tbl(h(2, "金融云", "Finance cloud")+"\n\n"+h(3, "内网环境", "Internal network environment"), []string{head[0], head[1], head[3], head[5]}, finIn)
	tbl(h(3, "外网环境", "Public network environment"), head, finOut)
	tbl(h(2, "政务云", "Government cloud"), head, gov)
	out := strings.Join(parts, "\n")
	if asHTML {
		out = "<html><body>\n" + out + "</body></html>\n"
	}
	return out
}

// TestDocsPropertyRealTable writes the page of the real regions.yaml from
// its own facts, in both forms, and checks that it agrees; then, for each
// region, drops its row, changes its public host, or changes a range, and
// checks that exactly that change is reported: as drift where the row
// cites the page's source, as information where it does not.
func TestDocsPropertyRealTable(t *testing.T) {
	tb, err := table.Load("../../regions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := tb.Sources[slices.IndexFunc(tb.Sources, func(s table.Source) bool { return s.Key == "D-cn" })]
	check := func(name string, regions []table.Region, asHTML bool) *docsFindings {
		t.Helper()
		file := map[bool]string{false: "generated.md", true: "generated.html"}[asHTML]
		p, err := page.Read(file, []byte(pageOf(tb, regions, asHTML)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := compareDocs(tb, p, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return f
	}
	for _, asHTML := range []bool{false, true} {
		if f := check("unchanged", tb.Regions, asHTML); findings(f.sections()) != 0 {
			t.Fatalf("the page of the table's own facts (HTML %v) differs: %q %q %q %q", asHTML, f.lacks.items, f.differ.items, f.gone.items, f.problems.items)
		}
	}
	for i := range tb.Regions {
		r := &tb.Regions[i]
		cites := slices.Contains(r.Sources, src.Key)
		for _, m := range []struct {
			what   string
			change func([]table.Region) []table.Region
			drift  *[]string
		}{
			{"drop", func(rs []table.Region) []table.Region { return slices.Delete(rs, i, i+1) }, nil},
			{"public", func(rs []table.Region) []table.Region { rs[i].Public = "oss-changed-1.aliyuncs.com"; return rs }, nil},
			{"vip_ranges", func(rs []table.Region) []table.Region {
				rs[i].VIP, rs[i].VIPByTicket = []netip.Prefix{netip.MustParsePrefix("10.1.2.0/24")}, false
				return rs
			}, nil},
		} {
			regions := m.change(slices.Clone(tb.Regions))
			f := check(r.ID+" "+m.what, regions, i%2 == 1)
			var drift []string
			switch {
			case m.what == "drop" && (!cites || r.Status == table.StatusDecommissioned):
			case m.what == "drop":
				drift = f.gone.items
			case cites:
				drift = f.differ.items
			}
			mentions := func(lines []string) int {
				n := 0
				for _, l := range lines {
					if strings.HasPrefix(l, "`"+r.ID+"`") && (m.what == "drop" || strings.Contains(l, " "+m.what+", ")) {
						n++
					}
				}
				return n
			}
			switch {
			case drift != nil && (findings(f.sections()) != 1 || mentions(drift) != 1):
				t.Errorf("%s %s: %d findings %q %q %q, want one naming it", r.ID, m.what, findings(f.sections()), f.lacks.items, f.differ.items, f.gone.items)
			case drift == nil && findings(f.sections()) != 0:
				t.Errorf("%s %s: %d findings %q %q, want none (the row does not cite %s, or is decommissioned)", r.ID, m.what, findings(f.sections()), f.differ.items, f.gone.items, src.Key)
			case drift == nil && m.what != "drop" && mentions(f.info.items) != 1:
				t.Errorf("%s %s: information %q, want one line naming it", r.ID, m.what, f.info.items)
			}
		}
	}
}

// TestDocsSharedPages runs the check on the copies of the real pages in
// ../shared (the Chinese page and the older English page of the seed)
// when they are there: the Chinese page agrees, its deviations named; the
// seed, read as the English page, differs in ways a maintainer can act on.
func TestDocsSharedPages(t *testing.T) {
	var dir string
	for _, d := range []string{"/work/shared", "../../../shared"} {
		if _, err := os.Stat(d); err == nil {
			dir = d
		}
	}
	if dir == "" {
		t.Skip("no copy of the shared sources")
	}
	// The pages are fixed copies and the table changes, so this holds how
	// the copies are read, not whether today's table agrees with them
	// (the procedures of docs/maintaining.md add regions they lack).
	for _, c := range []struct{ page, source, rows string }{
		{"sources/pages/help-aliyun-zh-regions-and-endpoints.md", "", "(D-cn), 41 region rows in 7 tables"},
		{"seed/000_c2bcb8a899f67c7d.txt", "D-intl", "(D-intl), 23 region rows in 2 tables"},
	} {
		args := []string{"-in", "../../regions.yaml", "-page", filepath.Join(dir, c.page)}
		if c.source != "" {
			args = append(args, "-source", c.source)
		}
		r := runDocsCmd(t, args...)
		t.Logf("%s:\n%s", c.page, r.stdout)
		if r.code == exitNotCheck || !strings.Contains(r.stdout, c.rows) {
			t.Errorf("%s: exit %d, want the page read: %q", c.page, r.code, c.rows)
		}
	}
	// The Chinese page cut after its first table is not the page: could not check.
	zh, err := os.ReadFile(filepath.Join(dir, "sources/pages/help-aliyun-zh-regions-and-endpoints.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(zh), "\n")
	first := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "|") })
	end := first + slices.IndexFunc(lines[first:], func(l string) bool { return !strings.HasPrefix(l, "|") })
	cut := filepath.Join(t.TempDir(), "cut.md")
	if err := os.WriteFile(cut, []byte(strings.Join(lines[:end], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runDocsCmd(t, "-in", "../../regions.yaml", "-page", cut, "-source", "D-cn"); r.code != exitNotCheck || !strings.Contains(r.stderr, "a copy cut short?") {
		t.Errorf("the Chinese page cut after its first table: %s", r)
	}
}
