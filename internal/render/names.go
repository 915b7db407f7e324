package render

import (
	"slices"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/ossregions/ossregions/internal/grammar"
	"github.com/ossregions/ossregions/internal/table"
)

// genNameKeys emits the names that Parse answers with a suggestion: each
// region's name and city ("china (hangzhou)", "hangzhou"), its China-site
// name and city, and its cloud ID and aliases without their area
// ("hangzhou", "hzfinance"), each as grammar.NameKey writes it. A key that two regions claim, or
// that is an ID or alias itself, is left out: it names no one region; so
// is one with a backquote, which the raw string cannot hold, and one that
// begins with an area or oss and a hyphen, which reads as an ID (lookupName
// refuses such an ID at once).
func genNameKeys(f *jen.File, t *table.Table) {
	owner := map[string]int{}
	taken := map[string]bool{}
	for _, r := range t.Regions {
		taken[r.CloudID], taken[r.ID] = true, true
		for _, a := range r.Aliases {
			taken[a.ID] = true
		}
	}
	for i, r := range t.Regions {
		keys := []string{r.Name, city(r.Name, "(", ")"), r.NameZh, city(r.NameZh, "（", "）"), withoutArea(r.CloudID)}
		for _, a := range r.Aliases {
			keys = append(keys, withoutArea(strings.TrimPrefix(a.ID, "oss-")))
		}
		for _, k := range keys {
			k = grammar.NameKey(k)
			if area, _, ok := strings.Cut(k, "-"); k == "" || taken[k] || strings.Contains(k, "`") || ok && (slices.Contains(t.Areas, area) || area == "oss") {
				continue
			}
			if o, ok := owner[k]; ok && o != i {
				owner[k] = -1 // two regions: no one's
				continue
			}
			owner[k] = i
		}
	}
	var keys []string
	for k, o := range owner {
		if o >= 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	maxLen := 0
	for _, k := range keys {
		maxLen = max(maxLen, len(k))
	}
	f.Comment("genMaxNameKeyLen is the length of the longest key of genNameKeys.")
	f.Const().Id("genMaxNameKeyLen").Op("=").Lit(maxLen)
	var text strings.Builder
	for _, k := range keys {
		text.WriteString(k + "\t" + t.Regions[owner[k]].CloudID + "\n")
	}
	// One string rather than a switch or an array: the names are read only
	// for an error, and either of those costs several times the bytes in
	// a binary. Names are printable, so a tab and a newline end each key.
	// A raw string, a line a key: a chain of + would cost go/printer time
	// quadratic in its length.
	f.Comment(`genNameKeys holds the keys (genNameKey) of the region and city names, and the cloud IDs and aliases without their area, that name one region ("hangzhou"), sorted: each a line of the key, a tab and the region's cloud ID.`)
	f.Const().Id("genNameKeys").Op("=").Op("`" + text.String() + "`")
	others := make([]jen.Code, len(t.OtherRegions))
	for i, o := range t.OtherRegions {
		others[i] = jen.Lit(o.CloudID + "\t" + o.Name + "\n")
	}
	f.Comment(`genOtherRegions holds the Alibaba Cloud region IDs that OSS does not list: each a line of the ID, a tab and the region's name.`)
	if len(others) == 0 {
		others = append(others, jen.Lit(""))
	}
	f.Const().Id("genOtherRegions").Op("=").Add(jen.Custom(jen.Options{Separator: " +", Multi: true}, others...))
	genSlipNames(f, t)
}

// genSlipNames emits the names that the rule for doubt measures a slip
// against, by their area in the order the table first uses each, and in
// an area in the order the rule weighs them: every region's ID in table
// order, then every alias; each with the length of its oss- prefix, which
// the rule does not weigh, and of what comes before its number. The IDs
// are those of the Region constants, whose bytes a binary holds once.
func genSlipNames(f *jen.File, t *table.Table) {
	var areas []string
	byArea := map[string][]jen.Code{}
	add := func(id string) {
		name, ok := strings.CutPrefix(id, "oss-")
		if !ok || name == "" {
			name = id
		}
		base := name
		if i := strings.LastIndexByte(name, '-'); i > 0 && i < len(name)-1 && strings.Trim(name[i+1:], "0123456789") == "" {
			base = name[:i]
		}
		area, _, _ := strings.Cut(name, "-")
		if byArea[area] == nil {
			areas = append(areas, area)
		}
		byArea[area] = append(byArea[area], jen.Values(jen.Lit(id), jen.Lit(len(id)-len(name)), jen.Lit(len(base))))
	}
	for _, r := range t.Regions {
		add(r.ID)
	}
	for _, r := range t.Regions {
		for _, a := range r.Aliases {
			add(a.ID)
		}
	}
	groups := make([]jen.Code, len(areas))
	for i, a := range areas {
		groups[i] = jen.Custom(multiline, byArea[a]...)
	}
	f.Comment("genSlipNames lists the names that a slip is measured against, by area, and in an area in the order the rule for doubt weighs them: each region's ID, then each alias; with the length of the oss- prefix and of the name before its number.")
	f.Var().Id("genSlipNames").Op("=").Index(jen.Op("...")).Index().Id("slipName").Custom(multiline, groups...)
}

// city returns what name holds between open and close, before any
// hyphen, or "".
func city(name, open, close string) string {
	_, rest, ok := strings.Cut(name, open)
	if !ok {
		return ""
	}
	c, _, _ := strings.Cut(rest, close)
	c, _, _ = strings.Cut(c, "-") // "wuhan" of "Wuhan - local region"
	return strings.TrimSpace(c)
}

// withoutArea returns a cloud ID without its first part: "hangzhou" of
// "cn-hangzhou".
func withoutArea(id string) string {
	_, rest, _ := strings.Cut(id, "-")
	return rest
}
