package page

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

func readFile(t *testing.T, path string) *Page {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(path, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return p
}

// facts are a page's rows without their places and IDs as written: what
// must not change with the layout.
func facts(p *Page) []Row {
	var rows []Row
	for _, r := range p.Rows {
		r.Where, r.RawID = "", ""
		for k := colPublic; k <= colVIP; k++ {
			r.cell(k).BadAt = ""
		}
		rows = append(rows, r)
	}
	return rows
}

func find(t *testing.T, p *Page, cloud, env, id string) Row {
	t.Helper()
	for _, r := range p.Rows {
		if r.Cloud == cloud && r.Env == env && r.ID == id {
			return r
		}
	}
	t.Fatalf("%s: no row for %s in %s/%s", p.Name, id, cloud, env)
	return Row{}
}

func listed(vs ...string) Cell { return Cell{Mark: Listed, Values: vs} }

func checkCell(t *testing.T, r Row, what string, got, want Cell) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: %s of %s = %+v, want %+v", r.Where, what, r.ID, got, want)
	}
}

// lineOf is the line of path that starts with prefix, so that expected
// places follow the fixture.
func lineOf(t *testing.T, path, prefix string) int {
	data, _ := os.ReadFile(path)
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s: no line starts with %q", path, prefix)
	return 0
}

func TestOldEnglishLayout(t *testing.T) {
	path := filepath.Join("testdata", "en-old.md")
	p := readFile(t, path)
	if p.Tables != 2 || len(p.Rows) != 3 {
		t.Fatalf("%d tables, %d rows; want 2 tables (endpoints, VPC) and 3 rows", p.Tables, len(p.Rows))
	}
	accel := listed("oss-accelerate.aliyuncs.com", "oss-accelerate-overseas.aliyuncs.com")
	hz := find(t, p, "public", "", "oss-cn-hangzhou")
	if hz.Name != "China (Hangzhou)" || hz.RawID != "oss-cn-hangzhou" || hz.Flags != nil {
		t.Errorf("Hangzhou: name %q, ID %q, flags %v", hz.Name, hz.RawID, hz.Flags)
	}
	checkCell(t, hz, "public", hz.Public, listed("oss-cn-hangzhou.aliyuncs.com"))
	checkCell(t, hz, "internal", hz.Internal, listed("oss-cn-hangzhou-internal.aliyuncs.com"))
	checkCell(t, hz, "VPC", hz.VPC, listed("oss-cn-hangzhou-internal.aliyuncs.com"))
	checkCell(t, hz, "dual-stack", hz.DualStack, Cell{})
	checkCell(t, hz, "accelerate", hz.Accelerate, accel)
	checkCell(t, hz, "VIP", hz.VIP, listed("100.118.28.0/24", "100.114.102.0/24"))
	hy := find(t, p, "public", "", "oss-cn-heyuan")
	checkCell(t, hy, "accelerate", hy.Accelerate, Cell{Mark: NotSupported})
	checkCell(t, hy, "VIP", hy.VIP, Cell{Mark: Ticket})
	sy := find(t, p, "public", "", "oss-ap-southeast-2")
	checkCell(t, sy, "accelerate", sy.Accelerate, accel)
	at := fmt.Sprintf("%s:%d", path, lineOf(t, path, `|Australia \(Sydney\)|oss-ap-southeast-2|oss-ap-southeast-2-internal`))
	checkCell(t, sy, "VIP", sy.VIP, Cell{Mark: Listed, Values: []string{"100.118.211.0/24"}, Bad: []string{"100.114.100/24"}, BadAt: at})
	if len(p.Problems) != 0 {
		t.Errorf("problems %q, want none: the bad range is in its cell", p.Problems)
	}
}

func TestChineseSections(t *testing.T) {
	p := readFile(t, filepath.Join("testdata", "zh-new.md"))
	count := map[string]int{}
	for _, r := range p.Rows {
		count[r.Cloud+"/"+r.Env]++
	}
	if want := map[string]int{"public/": 4, "finance/internal": 2, "finance/public": 2, "government/": 1}; !reflect.DeepEqual(count, want) || p.Tables != 5 {
		t.Errorf("rows by cloud %v in %d tables, want %v in 5 (the FAQ table is not one)", count, p.Tables, want)
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems: %q", p.Problems)
	}
	nj := find(t, p, "public", "", "oss-cn-nanjing")
	if nj.Name != "华东 5 （南京-本地地域-关停中）" || nj.Plain != "华东 5 （南京-本地地域）" || !slices.Equal(nj.Flags, []string{Closing}) {
		t.Errorf("Nanjing: %q, plain %q, flags %v", nj.Name, nj.Plain, nj.Flags)
	}
	checkCell(t, nj, "dual-stack", nj.DualStack, Cell{Mark: NotSupported})
	rg := find(t, p, "public", "", "oss-rg-china-mainland")
	if rg.Name != "无地域属性" || rg.RawID != "rg-china-mainland" {
		t.Errorf("regionless row: name %q, ID %q", rg.Name, rg.RawID)
	}
	for _, c := range []Cell{rg.Internal, rg.DualStack, rg.VIP} {
		checkCell(t, rg, "internal, dual-stack and VIP", c, Cell{Mark: NotSupported})
	}
	bj := find(t, p, "finance", "internal", "oss-cn-beijing-finance-1")
	if bj.Plain != "华北 2 金融云" || !slices.Equal(bj.Flags, []string{Preview}) {
		t.Errorf("Beijing finance: plain %q, flags %v", bj.Plain, bj.Flags)
	}
	checkCell(t, bj, "public", bj.Public, Cell{})
	hz := find(t, p, "finance", "internal", "oss-cn-hangzhou-finance")
	checkCell(t, hz, "internal", hz.Internal, listed("oss-cn-hzjbp-a-internal.aliyuncs.com", "oss-cn-hzjbp-b-internal.aliyuncs.com"))
	hzp := find(t, p, "finance", "public", "oss-cn-hangzhou-finance")
	checkCell(t, hzp, "public", hzp.Public, listed("oss-cn-hzfinance.aliyuncs.com"))
	gov := find(t, p, "government", "", "oss-cn-north-2-gov-1")
	checkCell(t, gov, "VIP", gov.VIP, Cell{Mark: NotSupported})
}

// TestSameFacts: the same facts in other layouts (bold headers, <br>
// lists, repeated header and empty rows; HTML) read to the same rows.
func TestSameFacts(t *testing.T) {
	want := facts(readFile(t, filepath.Join("testdata", "zh-new.md")))
	for _, f := range []string{"zh-bold.md", "zh-new.html"} {
		got := facts(readFile(t, filepath.Join("testdata", f)))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s reads differently from zh-new.md:\n got %+v\nwant %+v", f, got, want)
		}
	}
}

// TestLayouts writes the facts of the fixtures in random layouts, as
// Markdown and as HTML, and reads them back.
func TestLayouts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, f := range []string{"zh-new.md", "en-old.md"} {
		p := readFile(t, filepath.Join("testdata", f))
		want := facts(p)
		for i := range 100 {
			html := i%2 == 1
			page := render(want, html, rng)
			q, err := Read(fmt.Sprintf("%s-%d", f, i), []byte(page))
			if err != nil {
				t.Fatalf("%s layout %d: %v\n%s", f, i, err, page)
			}
			if got := facts(q); !reflect.DeepEqual(got, want) || len(q.Problems) != len(p.Problems) {
				t.Fatalf("%s layout %d reads differently:\n got %+v\nwant %+v\n%s", f, i, got, want, page)
			}
		}
	}
}

var (
	cloudHeads = map[string][]string{"public": {"公共云", "Public cloud"}, "finance": {"金融云", "Alibaba Finance Cloud"},
		"government": {"政务云", "Government cloud"}}
	envHeads = map[string][]string{"internal": {"内网环境", "Internal network environment"},
		"public": {"外网环境", "Public network environment"}}
	colHeads = map[kind][]string{colName: {"地域", "Region"}, colID: {"地域 ID", "Region ID", "RegionId"},
		colPublic: {"外网 Endpoint", "Public endpoint"}, colInternal: {"内网 Endpoint", "Internal endpoint for access from ECS"},
		colVPC: {"VPC Endpoint", "Endpoint in VPCs"}, colDual: {"双栈 Endpoint", "Dual-stack endpoint"},
		colAccel: {"传输加速 Endpoint", "Accelerate endpoint"}, colVIP: {"内网 VIP 网段", "VIP address range"}}
)

// render writes rows as a page: a section per cloud and environment,
// columns in random order with headers in either language, footnote
// digits, bold, labels, empty and repeated header rows, and the values of
// a cell separated in any of the ways pages do.
func render(rows []Row, html bool, rng *rand.Rand) string {
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	var b strings.Builder
	if html {
		b.WriteString("<html><body><h1>Regions and endpoints</h1>\n")
	} else {
		b.WriteString("# Regions and endpoints\n\n")
	}
	heading := func(level int, text string) {
		if html {
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", level, text, level)
		} else {
			fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), text)
		}
	}
	writeRow := func(cells []string, th bool) {
		if !html {
			b.WriteString("|" + strings.Join(cells, "|") + "|\n")
			return
		}
		tag := map[bool]string{true: "th", false: "td"}[th]
		b.WriteString("<tr>")
		for _, c := range cells {
			fmt.Fprintf(&b, "<%s>%s</%s>", tag, c, tag)
		}
		b.WriteString("</tr>\n")
	}
	for start := 0; start < len(rows); {
		end := start
		for end < len(rows) && rows[end].Cloud == rows[start].Cloud && rows[end].Env == rows[start].Env {
			end++
		}
		group := rows[start:end]
		start = end
		heading(2, pick(cloudHeads[group[0].Cloud]))
		if group[0].Env != "" {
			heading(3, pick(envHeads[group[0].Env]))
		}
		kinds := []kind{colName, colID}
		for k := colPublic; k <= colVIP; k++ {
			if slices.ContainsFunc(group, func(r Row) bool { return r.cell(k).Mark != Absent }) {
				kinds = append(kinds, k)
			}
		}
		rng.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
		var header []string
		for _, k := range kinds {
			h := pick(colHeads[k]) + pick([]string{"", "1", "2"})
			if !html && rng.IntN(2) == 0 {
				h = "**" + h + "**"
			}
			header = append(header, h)
		}
		if html {
			b.WriteString("<table>\n")
		}
		writeRow(header, true)
		if !html {
			writeRow(slices.Repeat([]string{":--"}, len(kinds)), false)
		}
		for _, r := range group {
			switch rng.IntN(6) {
			case 0:
				writeRow(make([]string, len(kinds)), false)
			case 1:
				writeRow(header, true)
			}
			var cells []string
			for _, k := range kinds {
				cells = append(cells, renderCell(r, k, html, pick))
			}
			writeRow(cells, false)
		}
		if html {
			b.WriteString("</table>\n")
		} else {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func renderCell(r Row, k kind, html bool, pick func([]string) string) string {
	switch k {
	case colName:
		return r.Name
	case colID:
		return pick([]string{r.ID, strings.TrimPrefix(r.ID, "oss-"), strings.ToUpper(r.ID)})
	}
	c := r.cell(k)
	switch c.Mark {
	case NotSupported:
		return pick([]string{"不支持", "N/A", "-", "None"})
	case Ticket:
		return pick([]string{"Submit a ticket to obtain VIP address ranges.", "请提交工单获取"})
	case Absent, Empty:
		return ""
	}
	vs := append(slices.Clone(c.Values), c.Bad...)
	if html {
		switch pick([]string{"br", "ul", "p", " "}) {
		case "ul":
			return "<ul><li>" + strings.Join(vs, "</li><li>") + "</li></ul>"
		case "p":
			return "<p>" + strings.Join(vs, "</p><p>") + "</p>"
		case " ":
			return strings.Join(vs, " ")
		}
		return strings.Join(vs, "<br>")
	}
	switch pick([]string{"list", "br", "comma", "label", " "}) {
	case "list":
		return "-   " + strings.Join(vs, "\n-   ") + " "
	case "br":
		return strings.Join(vs, "<br />")
	case "comma":
		return strings.Join(vs, ", ")
	case "label":
		return "Endpoint: " + strings.Join(vs, "<br>Endpoint: ")
	}
	return "`" + strings.Join(vs, "` `") + "`"
}

// TestSpans: an HTML cell spanning columns or rows counts in each; data
// rows are numbered from 1 after the header row.
func TestSpans(t *testing.T) {
	page := `<table><tr><th>Region ID</th><th colspan="2">Public endpoint</th><th>VIP</th></tr>
<tr><td>cn-hangzhou</td><td colspan="2">oss-cn-hangzhou.aliyuncs.com</td><td rowspan="2">不支持</td></tr>
<tr><td>cn-shanghai</td><td>oss-cn-shanghai.aliyuncs.com</td><td>oss-cn-shanghai.aliyuncs.com</td></tr></table>`
	p, err := Read("spans.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, city := range []string{"hangzhou", "shanghai"} {
		r := find(t, p, "public", "", "oss-cn-"+city)
		checkCell(t, r, "public", r.Public, listed("oss-cn-"+city+".aliyuncs.com"))
		checkCell(t, r, "VIP", r.VIP, Cell{Mark: NotSupported})
	}
	if want := "spans.html: table 1, row 2"; p.Rows[1].Where != want {
		t.Errorf("second row at %q, want %q", p.Rows[1].Where, want)
	}
	_, err = Read("noid.html", []byte(`<table><tr><th>Public endpoint</th></tr><tr><td>oss-cn-hangzhou.aliyuncs.com</td></tr></table>`))
	if want := "noid.html: table 1, header row: a table of endpoints"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want one starting %q", err, want)
	}
}

func TestErrors(t *testing.T) {
	const head = "| 地域 | 地域 ID | 外网 Endpoint |\n| --- | --- | --- |\n"
	for _, c := range []struct{ name, page, want string }{
		{"price.md", "# OSS 价格\n\n| 计费项 | 单价 |\n| --- | --- |\n| 存储 | 0.12 |\n", "price.md: no region rows in its 1 tables: expected a table with a region ID column"},
		{"empty.md", "", "empty.md: no region rows in its 0 tables"},
		{"other.html", "<html><body><p>Pricing</p><table><tr><td>x</td></tr></table></body></html>", "other.html: no region rows in its 1 tables"},
		{"noid.md", "# x\n\n| Region | Public endpoint |\n|---|---|\n| China (Hangzhou) | oss-cn-hangzhou.aliyuncs.com |\n",
			"noid.md:3: a table of endpoints or VIP ranges without a region ID column"},
		{"dup.md", head + "| 杭州 | cn-hangzhou | oss-cn-hangzhou.aliyuncs.com |\n| 杭州 | oss-cn-hangzhou | oss-cn-hangzhou.aliyuncs.com |\n",
			`dup.md:4: a second row for "oss-cn-hangzhou" in one table (first at dup.md:3)`},
		{"id.md", head + "| 杭州 | cn hangzhou | oss-cn-hangzhou.aliyuncs.com |\n| 北京 |  | oss-cn-beijing.aliyuncs.com |\n",
			"id.md:3: region ID \"cn hangzhou\": expected one ID such as cn-hangzhou or oss-cn-hangzhou\nid.md:4: region ID \"\""},
		{"differ.md", head + "| 杭州 | cn-hangzhou | oss-cn-hangzhou.aliyuncs.com |\n\n" + head + "| 杭州 | cn-hangzhou | oss-cn-hz.aliyuncs.com |\n",
			`differ.md:7: public endpoint of "cn-hangzhou" differs from the one at differ.md:3`},
		{"name.md", head + "| 杭州 | cn-hangzhou | oss-cn-hangzhou.aliyuncs.com |\n\n" + head + "| 上海 | cn-hangzhou | |\n",
			`name "上海" of "cn-hangzhou" differs from "杭州" at name.md:3`},
		{"big.md", strings.Repeat("x", MaxSize+1), "big.md: 4194305 bytes: the reader takes pages of at most 4194304 bytes"},
		{"bad\x00name.md", "", `"bad\x00name.md": no region rows`},
		{"deep.html", strings.Repeat("<div>", 600) + "<table></table>", "deep.html: reading the HTML: html: open stack of elements exceeds 512 nodes"},
	} {
		_, err := Read(c.name, []byte(c.page))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Read(%q): error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestHostile(t *testing.T) {
	const head = "| 地域 | 地域 ID | 外网 Endpoint | 内网 VIP 网段 |\n| --- | --- | --- | --- |\n"
	start := time.Now()
	for _, c := range []struct{ name, page string }{
		{"ten-mb.md", strings.Repeat("| a | b |\n", 1<<20)},
		{"control.md", head + "| 华东\x00 1\x07（杭州） | cn-hangzhou\x00 | oss-cn-\x1bhangzhou.aliyuncs.com\x7f | 100.1.0.0/16\x00\x01 |\n"},
		{"huge-cell.md", head + "| 杭州 | cn-hangzhou | " + strings.Repeat("\u202eab", 1<<19) + " | 100.1.0.0/16 |\n"},
		{"many-bad.md", head + strings.Repeat("| 杭州 | cn_hangzhou | x | 1 |\n", 20000)},
		{"tags.md", head + "| 杭州 | cn-hangzhou | " + strings.Repeat("<a", 1<<19) + strings.Repeat("](", 1<<18) + "[" + strings.Repeat("< ", 1<<18) + " | |\n"},
		{"nul.html", "<table><tr><th>地域 ID</th><th>外网 Endpoint</th></tr><tr><td>cn-\x00hangzhou</td><td>\x00\x01</td></tr></table>"},
		{"deep.html", strings.Repeat("<div>", 200000) + "<table><tr><th>Region ID</th></tr><tr><td>cn-hangzhou</td></tr></table>"},
		{"items.md", head + "| 杭州 | cn-hangzhou | " + strings.Repeat("<br>a.b", 1<<19) + " | |\n"},
		{"no-rows.md", head},
		{"spans.html", "<table><tr><th>Region ID</th><th colspan=1000000 rowspan=99999>VIP</th></tr><tr><td>cn-hangzhou</td></tr></table>"},
	} {
		p, err := Read(c.name, []byte(c.page))
		var msgs []string
		if err != nil {
			msgs = strings.Split(err.Error(), "\n")
		}
		if p != nil {
			msgs = append(msgs, p.Problems...)
		}
		if err != nil && strings.Count(err.Error(), "\n") > 50 {
			t.Errorf("%s: %d lines of error; they are capped at 50 and a count", c.name, strings.Count(err.Error(), "\n")+1)
		}
		for _, m := range msgs {
			if len(m) > 400 || strings.IndexFunc(m, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
				t.Errorf("%s: message of %d bytes or with a non-printing character: %q", c.name, len(m), m[:min(len(m), 200)])
			}
		}
		t.Logf("%s: %d bytes, %d messages, %v so far", c.name, len(c.page), len(msgs), time.Since(start))
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("hostile pages took %v: some scan is not linear", d)
	}
}

// sharedDir is the directory of the pages collected for the project,
// beside the clone; tests that need it skip without it.
func sharedDir(t *testing.T) string {
	for _, d := range []string{filepath.Join("..", "..", "..", "..", "shared"), "/work/shared"} {
		if _, err := os.Stat(filepath.Join(d, "sources")); err == nil {
			return d
		}
	}
	t.Skip("no copy of the shared sources beside the clone")
	return ""
}

// TestSharedChinesePage reads the saved Markdown export of the China
// site's page; the expectations are what reading that copy shows.
func TestSharedChinesePage(t *testing.T) {
	p := readFile(t, filepath.Join(sharedDir(t), "sources", "pages", "help-aliyun-zh-regions-and-endpoints.md"))
	count := map[string]int{}
	dual := 0
	for _, r := range p.Rows {
		count[r.Cloud+"/"+r.Env]++
		if r.Cloud == "public" {
			checkCell(t, r, "public", r.Public, listed(r.ID+".aliyuncs.com"))
			if r.DualStack.Mark == Listed {
				dual++
				checkCell(t, r, "dual-stack", r.DualStack, listed(strings.TrimPrefix(r.ID, "oss-")+".oss.aliyuncs.com"))
			}
		}
		want := map[string][]string{"oss-cn-nanjing": {Closing}, "oss-cn-fuzhou": {Closing}}[r.ID]
		if r.ID == "oss-cn-beijing-finance-1" && r.Env == "internal" {
			want = []string{Preview}
		}
		if !slices.Equal(r.Flags, want) {
			t.Errorf("%s: flags %v, want %v", r.Where, r.Flags, want)
		}
	}
	t.Logf("%d rows in %d tables: %v; %d public rows with a dual-stack host", len(p.Rows), p.Tables, count, dual)
	if want := map[string]int{"public/": 32, "finance/internal": 4, "finance/public": 4, "government/": 1}; !reflect.DeepEqual(count, want) || p.Tables != 7 {
		t.Errorf("rows by cloud %v in %d tables, want %v in 7", count, p.Tables, want)
	}
	if dual != 13 || len(p.Problems) != 0 {
		t.Errorf("%d public dual-stack hosts, want 13; problems %q", dual, p.Problems)
	}
	rg := find(t, p, "public", "", "oss-rg-china-mainland")
	checkCell(t, rg, "VIP", rg.VIP, Cell{Mark: NotSupported})
	hz := find(t, p, "finance", "internal", "oss-cn-hangzhou-finance")
	checkCell(t, hz, "internal", hz.Internal, listed("oss-cn-hzjbp-a-internal.aliyuncs.com", "oss-cn-hzjbp-b-internal.aliyuncs.com"))
	if bj := find(t, p, "public", "", "oss-cn-beijing"); len(bj.VIP.Values) != 6 {
		t.Errorf("Beijing: VIP ranges %v, want the 6 the page lists", bj.VIP.Values)
	}
}

// TestSharedSeed reads the older English export (two tables a region).
func TestSharedSeed(t *testing.T) {
	path := filepath.Join(sharedDir(t), "seed", "000_c2bcb8a899f67c7d.txt")
	p := readFile(t, path)
	marks := map[Mark]int{}
	for _, r := range p.Rows {
		if r.Cloud != "public" || r.Env != "" {
			t.Errorf("%s: cloud %q env %q; the page has no other cloud", r.Where, r.Cloud, r.Env)
		}
		checkCell(t, r, "public", r.Public, listed(r.ID+".aliyuncs.com"))
		checkCell(t, r, "VPC", r.VPC, r.Internal)
		if r.Accelerate.Mark == Listed {
			checkCell(t, r, "accelerate", r.Accelerate, listed("oss-accelerate.aliyuncs.com", "oss-accelerate-overseas.aliyuncs.com"))
		}
		marks[r.Accelerate.Mark] += 100
		marks[r.VIP.Mark]++
	}
	t.Logf("%d rows in %d tables; accelerate and VIP marks (accelerate x100): %v; problems %q", len(p.Rows), p.Tables, marks, p.Problems)
	// 21 accelerate lists, 2 N/A; 15 VIP lists, 8 tickets.
	if len(p.Rows) != 23 || p.Tables != 2 || !reflect.DeepEqual(marks, map[Mark]int{Listed: 2115, NotSupported: 200, Ticket: 8}) {
		t.Errorf("want 23 rows in 2 tables, marks map[2:2115 3:200 4:8]")
	}
	bad := 0
	for _, r := range p.Rows {
		bad += len(r.Public.Bad) + len(r.Internal.Bad) + len(r.VPC.Bad) + len(r.DualStack.Bad) + len(r.Accelerate.Bad) + len(r.VIP.Bad)
	}
	uq := find(t, p, "public", "", "oss-cn-wulanchabu")
	if want := fmt.Sprintf("%s:%d", path, lineOf(t, path, `|China \(Ulanqab\)|oss-cn-wulanchabu|oss-cn-wulanchabu-internal`)); uq.VIP.BadAt != want ||
		!slices.Equal(uq.VIP.Bad, []string{"100.114.100/24"}) || bad != 1 || len(p.Problems) != 0 {
		t.Errorf("Ulanqab at %s, bad VIP %q, %d bad values in all, problems %q; want at %s the one bad range and no problems", uq.VIP.BadAt, uq.VIP.Bad, bad, p.Problems, want)
	}
}

// TestNameWords: the words of closure and preview in a name, Chinese and
// English, the table's own status words among them, come off the name.
func TestNameWords(t *testing.T) {
	for _, c := range []struct {
		name, plain string
		flags       []string
	}{
		{"华东 5 （南京-本地地域-关停中）", "华东 5 （南京-本地地域）", []string{Closing}},
		{"华北 2 金融云（邀测）", "华北 2 金融云", []string{Preview}},
		{"China (Nanjing - Local Region) (Decommissioning)", "China (Nanjing - Local Region)", []string{Closing}},
		{"India (Mumbai) (Decommissioned)", "India (Mumbai)", []string{Decommissioned}},
		{"China (Fuzhou) - being decommissioned", "China (Fuzhou)", []string{Closing}},
		{"China (Beijing Finance 1) (invitational preview)", "China (Beijing Finance 1)", []string{Preview}},
		{"China (Hangzhou)", "China (Hangzhou)", nil},
	} {
		plain, flags := nameWords(c.name)
		if plain != c.plain || !slices.Equal(flags, c.flags) {
			t.Errorf("%q: %q %v, want %q %v", c.name, plain, flags, c.plain, c.flags)
		}
	}
}

// TestNumbersAreNoHosts: a price or version with dots is not a host; a
// host ends in a name.
func TestNumbersAreNoHosts(t *testing.T) {
	for _, s := range []string{"0.50", "1.2.3.4", "oss.cn-1.2"} {
		if _, ok := value(s, colPublic); ok {
			t.Errorf("value(%q) is a host", s)
		}
	}
	if h, ok := value("OSS-CN-HANGZHOU.aliyuncs.com", colPublic); !ok || h != "oss-cn-hangzhou.aliyuncs.com" {
		t.Errorf("value of a host = %q, %v", h, ok)
	}
}
