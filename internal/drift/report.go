package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ossregions/ossregions/internal/table"
)

// markdown renders the findings as the report: a summary, then one
// section per kind of drift that was found, then the information. Values
// from the response are shown only once they have passed the table's
// checks; refused ones are quoted, ASCII only.
func (f *findings) markdown(t *table.Table, source string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# Drift check of %s %s\n\n", t.Input, t.Version)
	p("Against: %s. The service lists %d regions; the table has %d public-cloud regions, %d of them in service.\n\n",
		source, f.listed, f.public, f.inUse)
	if f.drifted() {
		p("**The table has drifted: %d %s.**\n", f.count(), plural(f.count(), "finding", "findings"))
	} else {
		p("**The table agrees with the service.**\n")
	}
	if len(f.missing) > 0 {
		p("\n## Regions the service lists that the table lacks (%d)\n", len(f.missing))
		p("\nAdd each block to `regions.yaml` and fill in what DescribeRegions does not give, from the documentation (\"Regions and endpoints\"); the generator refuses a block until then.\n")
		for _, n := range f.missing {
			p("\n### `%s`\n\n```yaml\n%s```\n", n.id, yamlBlock(n))
		}
	}
	section(&b, fmt.Sprintf("Regions in service that the service no longer lists (%d)", len(f.gone)), "", mapList(f.gone, func(r *table.Region) string {
		next := " (or `status: decommissioning` with the day it began, while it still serves)"
		if r.Status == table.StatusDecommissioning {
			next = ""
		}
		return fmt.Sprintf("`%s` %s, %s: a closure candidate. When the documentation confirms it, set `status: decommissioned` and `status_date:` the day OSS closed it%s.", r.ID, r.Name, r.Status, next)
	}))
	section(&b, fmt.Sprintf("Regions the table calls decommissioned that the service lists (%d)", len(f.listedClosed)), "", mapList(f.listedClosed, func(r *table.Region) string {
		since := ""
		if r.StatusDate != "" {
			since = " since " + r.StatusDate
		}
		return fmt.Sprintf("`%s` %s, decommissioned%s: the service lists it again; check the documentation before changing `status`.", r.ID, r.Name, since)
	}))
	section(&b, fmt.Sprintf("Endpoints that differ (%d)", len(f.differ)), "", mapList(f.differ, func(d endpointDiff) string {
		return fmt.Sprintf("`%s` %s: `%s` (table) → `%s` (service)", d.id, d.kind, d.table, d.service)
	}))
	section(&b, fmt.Sprintf("Entries not taken (%d)", len(f.refused)), "Values of the response that break the table's own rules; they are neither compared nor proposed.\n\n", mapList(f.refused, func(r refusal) string {
		// Everything here may come from the response: made inert, so that
		// no Markdown or HTML in it renders.
		return fmt.Sprintf("response line %d: %s", r.line, inert(r.what+" "+quote(r.val)+" "+r.why))
	}))
	if len(f.accelNotStated)+len(f.accelOther) > 0 {
		p("\n## Transfer acceleration (information, not drift)\n\n")
		if n := len(f.accelNotStated); n > 0 {
			p("- The service gives `%s` for %d %s whose acceleration the table marks \"not stated\": `%s`. DescribeRegions documents this value as the same for every region, so it does not show whether a region offers acceleration.\n",
				t.GlobalAccelerate, n, plural(n, "region", "regions"), strings.Join(f.accelNotStated, "`, `"))
		}
		for _, a := range f.accelOther {
			p("- An accelerate endpoint other than the table's `%s`: %s.\n", t.GlobalAccelerate, a)
		}
	}
	if f.regionless {
		p("\n## The regionless endpoint (information, not drift)\n\n- The service lists `%s`, which the table has as the endpoint of buckets without a region attribute, not as a region.\n", t.Regionless)
	}
	section(&b, fmt.Sprintf("Not checked (%d)", len(f.otherClouds)), "DescribeRegions covers the public cloud; these rows rest on the documentation alone.\n\n", mapList(f.otherClouds, func(o otherCloud) string {
		listed := "not listed by the service"
		if o.listed {
			listed = "listed by the service"
		}
		return fmt.Sprintf("`%s` %s (%s cloud), %s", o.r.ID, o.r.Name, o.r.Cloud, listed)
	}))
	return b.String()
}

// section writes items as a list under a heading and an intro, when there
// are any.
func section(b *strings.Builder, heading, intro string, items []string) {
	if len(items) > 0 {
		fmt.Fprintf(b, "\n## %s\n\n%s", heading, intro)
		for _, it := range items {
			fmt.Fprintf(b, "- %s\n", it)
		}
	}
}

// yamlBlock is the regions.yaml entry for a region the table lacks: the
// values DescribeRegions gives, and every required field it cannot give
// left as a comment, so that the generator refuses the block as it is.
func yamlBlock(n newRegion) string {
	return fmt.Sprintf(`  # Sources: DescribeRegions (ID and endpoints); name, mainland flag and VIP ranges from the documentation.
  - id: %s
    # name: the display name, from the documentation
    # mainland_china: true or false
    endpoints:
      public: %s
      internal: %s
      # The internal endpoint serves VPCs as well (OSS SDK documentation).
      vpc: %s
    accelerate: not stated
    # vip_ranges: the published VIP ranges, or ticket
    # sources: [the keys of the documents that list it]
    # confidence: high, medium or low, where one document does
`, n.id, n.public, n.internal, n.internal)
}

// inert escapes text for Markdown: every character outside printable
// ASCII as a Go escape, and every character Markdown or HTML give a
// meaning to with a backslash, so that the text renders as written.
func inert(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r > 0x7e:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		case strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&:", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
