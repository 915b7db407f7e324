package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ossregions/ossregions/internal/drift/page"
	"github.com/ossregions/ossregions/internal/table"
)

// runDocs is drift docs: the table against the OSS page "Regions and
// endpoints" that its sources cite, read from a URL or a saved copy.
func runDocs(ctx context.Context, args []string, stdout, stderr io.Writer, client *http.Client) int {
	c := newCommand("drift docs", "", stdout, stderr)
	from := c.fs.String("page", "", "the `URL|FILE` of the page to check: fetched, or a saved copy read")
	key := c.fs.String("source", "", "the `KEY` of the table's source that the page is; without -page, its url is fetched")
	timeout := c.fs.Duration("timeout", 30*time.Second, "how long fetching the page may take")
	t, code := c.load(args, func() []error {
		if *from == "" && *key == "" {
			return []error{errors.New("say -page, or -source to fetch that source's url")}
		}
		return nil
	})
	if t == nil {
		return code
	}
	src := findSource(t, func(s table.Source) bool { return s.Key == *key })
	switch {
	case *key != "" && src == nil:
		return c.fail(fmt.Errorf("-source %s: %s has no source with that key; %s", quote(*key), t.Input, withURL(t, nil)))
	case *from == "" && src.URL == "":
		return c.fail(fmt.Errorf("-source %s: the source has no url to fetch", quote(*key)))
	case *from == "":
		*from = src.URL
	}
	data, pageURL, err := readPage(ctx, client, *from, *timeout)
	if err != nil {
		return c.fail(err)
	}
	// The source whose url is the page's own (the URL fetched, or the one
	// a saved copy names) is the page, whatever -source says.
	if own := findSource(t, func(s table.Source) bool { return s.URL != "" && sameURL(s.URL, pageURL) }); own != nil && src != nil && own != src {
		return c.fail(fmt.Errorf("the page is %s (%s), not %s", own.Key, own.URL, src.Key))
	} else if own != nil {
		src = own
	} else if src == nil {
		what := "It names no url of its own (no Source: line, no canonical link)"
		if pageURL != "" {
			what = "Its url " + quote(pageURL) + " is none of theirs"
		}
		return c.fail(fmt.Errorf("which source of %s is the page? %s; say SOURCE=KEY (make) or -source KEY: %s", t.Input, what, withURL(t, data)))
	}
	p, err := page.Read(*from, data)
	if err != nil {
		return c.fail(fmt.Errorf("not read as the regions page:\n%v", err))
	}
	f, err := compareDocs(t, p, *src)
	if err != nil {
		return c.fail(err)
	}
	n := findings(f.sections())
	fmt.Fprint(stdout, report(t, "Page check", fmt.Sprintf("%s (%s), %d region rows in %d tables.", text(p.Name), src.Key, len(p.Rows), p.Tables),
		verdict(n, "The table agrees with the page.", "The table differs from the page"), 0, f.sections()))
	return exitFor(n)
}

// readPage fetches a URL, bounded in size and time, or reads a file, and
// returns the page's own URL: the one fetched, or the one a copy names.
func readPage(ctx context.Context, client *http.Client, from string, timeout time.Duration) ([]byte, string, error) {
	if !strings.HasPrefix(from, "https://") && !strings.HasPrefix(from, "http://") {
		data, err := table.ReadRegular(from, page.MaxSize, "MaxSize in internal/drift/page/page.go", os.Stat)
		if err != nil {
			return nil, "", err
		}
		u := ""
		if m := ownURL.FindSubmatch(data); m != nil {
			u = string(append(m[1], m[2]...))
		}
		return data, u, nil
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, from, nil)
	var resp *http.Response
	if err == nil {
		resp, err = client.Do(req)
	}
	if err != nil {
		return nil, "", fmt.Errorf("fetching the page: %v", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, page.MaxSize+1))
	switch {
	case resp.StatusCode != http.StatusOK:
		err = fmt.Errorf("HTTP %s; expected 200 and the page", quote(resp.Status))
	case err == nil && len(data) > page.MaxSize:
		err = fmt.Errorf("more than %d bytes, which no regions page is", page.MaxSize)
	}
	if err != nil {
		return nil, "", fmt.Errorf("fetching %s: %v", quote(from), err)
	}
	return data, from, nil
}

// ownURL finds the URL a saved page names as its own.
var ownURL = regexp.MustCompile(`(?mi)^Source:\s*(https?://\S+)|<link\s[^>]*rel=["']?canonical["']?[^>]*href=["']([^"']+)["']`)

func findSource(t *table.Table, match func(table.Source) bool) *table.Source {
	if i := slices.IndexFunc(t.Sources, match); i >= 0 {
		return &t.Sources[i]
	}
	return nil
}

// withURL names the table's sources that have a url, the keys a page can
// be checked as, and which of them is in the language of the page (data),
// by the /zh/ or /en/ of the help centre's URLs.
func withURL(t *table.Table, data []byte) string {
	zh := strings.ContainsFunc(string(data), func(r rune) bool { return unicode.Is(unicode.Han, r) })
	lang := map[bool]string{false: "/en/", true: "/zh/"}[zh]
	var keys, same []string
	for _, s := range t.Sources {
		if s.URL != "" {
			keys = append(keys, s.Key)
			if data != nil && strings.Contains(s.URL, lang) {
				same = append(same, s.Key)
			}
		}
	}
	if len(keys) == 0 {
		return "it has no source with a url"
	}
	out := "the sources with a url are " + strings.Join(keys, ", ")
	if len(same) > 0 {
		out += fmt.Sprintf("; the page is in %s, like %s", map[bool]string{false: "English", true: "Chinese"}[zh], strings.Join(same, ", "))
	}
	return out
}

// sameURL compares URLs by host and path only.
func sameURL(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	return errA == nil && errB == nil && ua.Host != "" && strings.EqualFold(ua.Host, ub.Host) &&
		strings.TrimSuffix(ua.Path, "/") == strings.TrimSuffix(ub.Path, "/")
}

// docsFindings is what the comparison found, as the report's sections.
type docsFindings struct{ lacks, differ, gone, problems, info section }

func (f *docsFindings) sections() []*section {
	return []*section{&f.lacks, &f.differ, &f.gone, &f.problems, &f.info}
}

// compareDocs holds the table against the page p, which is the source src.
func compareDocs(t *table.Table, p *page.Page, src table.Source) (*docsFindings, error) {
	f := &docsFindings{
		lacks: section{heading: "Regions the page has that the table lacks (%d)", drift: true,
			intro: "Add each to regions.yaml with these values and the rest from the page, citing " + src.Key + ".\n\n"},
		differ: section{heading: "Values that differ (%d)", drift: true,
			intro: "Change the table, or record the page's value as a deviation with the reason the table keeps its own.\n\n"},
		gone: section{heading: "Regions the page no longer lists (%d)", drift: true},
		problems: section{heading: "Values the page gives that are not hosts or ranges (%d)", drift: true, items: table.Mapped(p.Problems, text),
			intro: "Check the value against other sources; where the table is right, record the page's value, as printed, as a deviation with the reason.\n\n"},
		info: section{heading: "Information, not drift (%d)"},
	}
	rows := map[string][]*page.Row{}
	var ids []string
	known := 0
	hosts := false
	for i := range p.Rows {
		r := &p.Rows[i]
		hosts = hosts || r.Public.Mark != page.Absent || r.Internal.Mark != page.Absent
		if rows[r.ID] == nil {
			ids = append(ids, r.ID)
		}
		rows[r.ID] = append(rows[r.ID], r)
	}
	if !hosts {
		return nil, fmt.Errorf("%s: its region tables give no public or internal endpoints: not the regions page?", p.Name)
	}
	for _, id := range ids {
		r, first := t.RegionByID(id), rows[id][0]
		switch {
		case r != nil:
			known++
			f.region(t, r, rows[id], src)
		case t.Regionless != "" && id+".aliyuncs.com" == t.Regionless:
			known++
			if v, ok := cellValue(first.Public); ok && v != t.Regionless {
				f.differ.add("regionless endpoint, %s: `%s` (table) → %s (page)", text(first.Where), t.Regionless, code(v))
			}
		default:
			f.lacks.add("`%s` %s, %s: %s", id, text(first.Name), text(first.Where), strings.Join(table.Mapped(pageFacts(t, rows[id]), func(x fact) string { return x.field + " " + code(x.value) }), ", "))
		}
	}
	if known*2 <= len(ids) {
		return nil, fmt.Errorf("%s: %d of its %d regions are in %s: not the regions page the table transcribes?", p.Name, known, len(ids), t.Input)
	}
	// A page of another kind that happens to give endpoints, or a copy cut
	// short, would otherwise report most of the table as gone from it.
	cited, missing := 0, []string(nil)
	for i := range t.Regions {
		r := &t.Regions[i]
		if !slices.Contains(r.Sources, src.Key) {
			continue
		}
		open := r.Status != table.StatusDecommissioned
		if open {
			cited++
		}
		if rows[r.ID] != nil {
			continue
		}
		line := fmt.Sprintf("`%s` %s, %s:%d: the row cites %s, which no longer lists it", r.ID, r.Name, t.Input, r.Line, src.Key)
		if open {
			missing = append(missing, r.ID)
			f.gone.add("%s; remove %s from its sources, or close the region, as other sources say", line, src.Key)
		} else {
			f.info.add("%s; the region is decommissioned, so that is expected", line)
		}
		f.stale(t, r, src, nil)
	}
	if listed := cited - len(missing); listed*2 < cited {
		return nil, fmt.Errorf("%s: it lists %d of the %d regions in service whose rows in %s cite %s; expected all or most of them, and did not find %s: a page of another kind, or a copy cut short?",
			p.Name, listed, cited, t.Input, src.Key, strings.Join(bound(missing, 5), ", "))
	}
	return f, nil
}

// statusRank orders the states a page's words can give, weakest first.
var statusRank = map[table.Status]int{table.StatusActive: 0, table.StatusPreview: 1, table.StatusDecommissioning: 2, table.StatusDecommissioned: 3}

// fact is one value the page gives for a region, in table.PageValue's
// form, and where; bad are the tokens in it that are neither hosts nor
// ranges, kept as printed.
type fact struct {
	field, value, where string
	bad                 []string
}

// pageFacts gathers what a region's rows say, in the order of
// table.DeviationFields: a finance region's internal environment gives
// its extra internal hosts, and the VIP ranges of its rows add up.
func pageFacts(t *table.Table, rows []*page.Row) []fact {
	got := map[string]fact{}
	var vips, bad []string
	status := table.StatusActive
	for i, r := range rows {
		// The strongest word of any of the region's rows: a finance
		// region's internal environment alone may say 邀测.
		s := table.StatusActive
		switch {
		case slices.Contains(r.Flags, page.Decommissioned):
			s = table.StatusDecommissioned
		case slices.Contains(r.Flags, page.Closing):
			s = table.StatusDecommissioning
		case slices.Contains(r.Flags, page.Preview):
			s = table.StatusPreview
		}
		if i == 0 || statusRank[s] > statusRank[status] {
			status, got["status"] = s, fact{field: "status", value: s.String(), where: r.Where}
		}
		got["cloud"] = fact{field: "cloud", value: r.Cloud, where: r.Where}
		cells := map[string]page.Cell{"public": r.Public, "internal": r.Internal, "vpc": r.VPC, "dual_stack": r.DualStack, "accelerate": r.Accelerate, "vip_ranges": r.VIP}
		if r.Env == "internal" {
			cells = map[string]page.Cell{"internal_extra": r.Internal, "vip_ranges": r.VIP}
		}
		for field, c := range cells {
			if v, ok := cellValue(c); ok && (field != "vip_ranges" || c.Mark == page.Listed || len(vips) == 0) {
				got[field] = fact{field, v, cmp.Or(c.BadAt, r.Where), c.Bad}
			}
		}
		if c := r.VIP; c.Mark == page.Listed { // the ranges of a finance region's two environments add up
			vips = append(append(vips, c.Values...), c.Bad...)
			bad = append(bad, c.Bad...)
			got["vip_ranges"] = fact{"vip_ranges", table.PageValue(vips), cmp.Or(c.BadAt, r.Where), bad}
		}
	}
	var out []fact
	for _, field := range table.DeviationFields {
		if g, ok := got[field]; ok {
			out = append(out, g)
		}
	}
	return out
}

// cellValue is a cell in table.PageValue's form, values that are neither
// hosts nor ranges among them as printed; false if the page has no such
// column.
func cellValue(c page.Cell) (string, bool) {
	switch c.Mark {
	case page.Absent:
		return "", false
	case page.Ticket:
		return "ticket", true
	}
	return table.PageValue(append(slices.Clone(c.Values), c.Bad...)), true
}

// code is a page's value for a report: in a code span when it is hosts
// and ranges, quoted and made inert when it holds what the page printed.
func code(v string) string {
	if strings.IndexFunc(v, func(r rune) bool { return r == '`' || !unicode.IsPrint(r) || unicode.Is(unicode.Bidi_Control, r) }) < 0 && utf8.RuneCountInString(v) <= 200 {
		return "`" + v + "`"
	}
	return text(page.Quote(v))
}

// tableValue is what the table says of a field, in the page's form.
func tableValue(t *table.Table, r *table.Region, field string) string {
	accel, vips := "none", "ticket"
	if r.AccelerateNotStated {
		accel = "not stated"
	} else if r.Accelerate {
		accel = table.PageValue([]string{t.GlobalAccelerate, t.OverseasAccelerate})
	}
	if !r.VIPByTicket {
		vips = table.PageValue(table.Mapped(r.VIP, netip.Prefix.String))
	}
	return map[string]string{"status": r.Status.String(), "cloud": r.Cloud.String(), "public": table.PageValue([]string{r.Public}),
		"internal": table.PageValue([]string{r.Internal}), "internal_extra": table.PageValue(r.InternalExtra), "vpc": table.PageValue([]string{r.VPC}),
		"dual_stack": table.PageValue([]string{r.DualStack}), "accelerate": accel, "vip_ranges": vips}[field]
}

// same reports whether the page's value is the table's: for VIP ranges,
// "none" on the page is not published, as "ticket" is.
func same(field, pageV, tableV string) bool {
	return pageV == tableV || field == "vip_ranges" && tableV == "ticket" && pageV == "none"
}

// change says how the page's value differs from the table's: for two
// lists of ranges, the ranges each lacks; otherwise both values.
func change(field, tableV, pageV string) string {
	lists := field == "vip_ranges" && !slices.Contains([]string{"ticket", "none"}, tableV) && !slices.Contains([]string{"ticket", "none"}, pageV)
	if !lists {
		return fmt.Sprintf("`%s` (table) → %s (page)", tableV, code(pageV))
	}
	tl, pl := strings.Split(tableV, ", "), strings.Split(pageV, ", ")
	var parts []string
	for _, d := range []struct {
		what     string
		from, in []string
	}{{"the page adds ", pl, tl}, {"the page lacks ", tl, pl}} {
		if only := slices.DeleteFunc(slices.Clone(d.from), func(s string) bool { return slices.Contains(d.in, s) }); len(only) > 0 {
			parts = append(parts, d.what+strings.Join(table.Mapped(only, code), ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// region compares one region of the table with its rows on the page.
func (f *docsFindings) region(t *table.Table, r *table.Region, rows []*page.Row, src table.Source) {
	cites := slices.Contains(r.Sources, src.Key)
	var used []*table.Deviation
	agrees := true
	for _, x := range pageFacts(t, rows) {
		tv := tableValue(t, r, x.field)
		if same(x.field, x.value, tv) {
			continue
		}
		agrees = false
		line := fmt.Sprintf("`%s` %s, %s, %s:%d: %s", r.ID, x.field, text(x.where), t.Input, r.Line, change(x.field, tv, x.value))
		if i := slices.IndexFunc(r.Deviations, func(d table.Deviation) bool { return d.Source == src.Key && d.Field == x.field }); i >= 0 && r.Deviations[i].Page == x.value {
			d := &r.Deviations[i]
			used = append(used, d)
			f.info.add("%s: a recorded deviation (%s:%d): %s", line, t.Input, d.Line, text(d.Why))
		} else if !cites {
			f.info.add("%s: the row rests on %s, not on this page", line, strings.Join(r.Sources, ", "))
		} else if len(x.bad) > 0 {
			f.problems.add("%s: not %s: %s; a deviation records it as page: %s", line, map[bool]string{true: "a CIDR range", false: "a host name"}[x.field == "vip_ranges"],
				strings.Join(table.Mapped(x.bad, code), ", "), code(x.value))
		} else {
			f.differ.add("%s", line)
		}
	}
	if agrees && !cites {
		f.info.add("`%s`, %s:%d: the page lists it and agrees; the row could cite %s", r.ID, t.Input, r.Line, src.Key)
	}
	f.stale(t, r, src, used)
}

// stale notes the deviations from src that the page no longer shows.
func (f *docsFindings) stale(t *table.Table, r *table.Region, src table.Source, used []*table.Deviation) {
	for i := range r.Deviations {
		if d := &r.Deviations[i]; d.Source == src.Key && !slices.Contains(used, d) {
			f.info.add("`%s` %s, %s:%d: the recorded deviation `%s` is no longer on the page; remove it", r.ID, d.Field, t.Input, d.Line, d.Page)
		}
	}
}
