package table

import (
	"net/netip"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Deviation is a value that a source page prints and the table, on
// purpose, does not take (a copy error on the page, a fact that other
// sources outweigh). The check against the page names it as information
// with its reason, never as drift.
type Deviation struct {
	Source string // the key of the page's source
	Field  string // one of DeviationFields
	Page   string // what the page prints, in PageValue's form; a malformed value as printed
	Why    string
	Line   int // where it is written in the table
}

// DeviationFields are the fields the check against the page compares, as
// the table names them.
var DeviationFields = []string{"status", "cloud", "public", "internal", "internal_extra", "vpc", "dual_stack", "accelerate", "vip_ranges"}

// PageValue is the form in which the check and a Deviation write a page's
// value: its hosts or ranges sorted and joined by ", " ("" left out), or
// "none".
func PageValue(values []string) string {
	vs := slices.DeleteFunc(slices.Clone(values), func(s string) bool { return s == "" })
	if len(vs) == 0 {
		return "none"
	}
	slices.Sort(vs)
	return strings.Join(slices.Compact(vs), ", ")
}

// checkDeviations adds every region's deviations to it: a page value of
// its field's form, one deviation per source and field.
func (v *validator) checkDeviations(rows []*node, regions []Region) {
	for i, row := range rows {
		seen := map[[2]string]int{}
		for _, x := range row.get("deviations").items {
			field, page := x.get("field"), x.get("page")
			dv := Deviation{Source: v.sourceRef(x.get("source")), Field: field.val(), Why: x.get("why").val(), Line: x.pos.line}
			if value, msg := pageValue(dv.Field, page.s); page.ok && dv.Field != "" && msg != "" {
				v.bad(page, "%q %s", clip(page.s), msg)
			} else if page.ok && dv.Field != "" {
				dv.Page = value
			}
			if line, dup := seen[[2]string{dv.Source, dv.Field}]; dup && dv.Page != "" && dv.Why != "" {
				v.bad(x, "a second deviation of %s from %s (line %d); record one", dv.Field, dv.Source, line)
			} else if dv.Source != "" && dv.Field != "" && dv.Page != "" && dv.Why != "" {
				seen[[2]string{dv.Source, dv.Field}] = dv.Line
				regions[i].Deviations = append(regions[i].Deviations, dv)
			}
		}
	}
}

// pageValue checks a deviation's page value for its field and returns it
// in PageValue's form, or a message saying what was expected.
func pageValue(field, s string) (string, string) {
	if check := map[string]func(string) string{"status": statusWord, "cloud": cloudWord}[field]; check != nil {
		return s, check(s)
	}
	if s == "none" || s == "ticket" && field == "vip_ranges" {
		return s, ""
	}
	var vs []string
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		switch {
		case field == "vip_ranges" && strings.Trim(item, "0123456789abcdefABCDEF.:/") == "":
			// Range-shaped: canonical if it parses; as printed if not.
			if p, err := netip.ParsePrefix(item); err == nil && p.Masked().String() != item {
				return "", "is not a list of canonical CIDR ranges (100.118.28.0/24, ...), none or ticket"
			}
		case field != "vip_ranges" && strings.Trim(strings.ToLower(item), "abcdefghijklmnopqrstuvwxyz0123456789-.") == "" &&
			!slices.Contains(strings.Split(item, "."), "") && strings.Contains(item, "."):
			// Host-shaped (labels and dots): canonical; as printed if not.
			if hostNameProblem(item) != "" {
				return "", "is not a list of host names (oss-cn-hangzhou.aliyuncs.com, ...) or none"
			}
		}
		// Any value as a page may print it, malformed or not: printable text without spaces, bounded.
		if item == "" || utf8.RuneCountInString(item) > 64 || strings.ContainsFunc(item, func(r rune) bool {
			return !unicode.IsPrint(r) || unicode.IsSpace(r) || unicode.Is(unicode.Bidi_Control, r)
		}) {
			return "", "has a value that is not printable text of 1 to 64 characters without spaces, as a page prints a value"
		}
		vs = append(vs, item)
	}
	return PageValue(vs), ""
}
