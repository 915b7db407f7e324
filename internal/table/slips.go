package table

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Two top-level lists of the table say how ParseEndpoint and Parse read
// what people write: schemes, the URL schemes ParseEndpoint reads in front
// of a host, and slips, strings written where another was meant, which an
// error names with the region meant. Both may be left out; schemes, where
// given, holds http and https.

// Scheme is a URL scheme that ParseEndpoint reads in front of a host.
type Scheme struct {
	Name    string   // "https"
	Sources []string // keys of the sources that write it
	Line    int      // where the entry is written
}

// Slip is one slip as the package tries it: where a refused host or ID
// holds Written, Meant was meant. An entry with {area} becomes one Slip
// an area of the table.
type Slip struct {
	Written, Meant         string   // {area} replaced: "cn-cn-", "cn-"
	Reason                 string   // what the error says of the slip
	Sources                []string // keys of the sources that show it
	WrittenForm, MeantForm string   // as regions.yaml writes them, {area} kept
	Line                   int      // where the entry is written
}

// areaToken stands in a slip for each area of the table.
const areaToken = "{area}"

// The bounds of a slip's strings, in bytes, after {area} is replaced.
const (
	maxSlipLen   = 32
	maxReasonLen = 48
)

// requiredSchemes are the schemes every SDK writes, which a schemes list must hold.
var requiredSchemes = []string{"http", "https"}

// schemeProblem checks a URL scheme as RFC 3986 writes it, in lower case.
var schemeProblem = matches(`^[a-z][a-z0-9+.-]{0,15}$`,
	"is not a URL scheme; expected a lower-case letter, then lower-case letters, digits, +, . and -, at most 16 bytes (such as https)")

// slipTextProblem checks a slip's written or meant string: printable
// characters (non-ASCII ones such as 。 too), and no brace but of {area}.
func slipTextProblem(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("contains %U, which is not a printable character", r)
		}
	}
	if strings.ContainsAny(strings.ReplaceAll(s, areaToken, ""), "{}") {
		return "has a brace outside {area}, the one token a slip may hold"
	}
	return ""
}

func writtenProblem(s string) string {
	switch {
	case s == "":
		return "is empty; expected the string people write"
	case s == "*" || strings.Contains(s[1:], "*"):
		return "has a * that is not first, or nothing after it; a * stands first, for any text before the rest (*=)"
	}
	return slipTextProblem(s)
}

func reasonProblem(s string) string {
	if len(s) > maxReasonLen && checkText(s) == "" {
		return fmt.Sprintf("is %d bytes, more than %d (maxReasonLen in internal/table/slips.go): a reason is a clause of an error message", len(s), maxReasonLen)
	}
	return checkText(s)
}

// schemes checks the schemes list: each scheme once, http and https among them.
func (v *validator) schemes(list *node) []Scheme {
	var out []Scheme
	seen := map[string]*node{}
	for _, n := range list.items {
		name := n.get("name")
		s := Scheme{Name: name.s, Line: name.pos.line, Sources: v.sourceRefs(n.get("sources"), "empty; list the keys of the sources the entry rests on", false)}
		if name.ok && v.once(seen, name.s, name, "a scheme") {
			out = append(out, s)
		}
	}
	for _, w := range requiredSchemes {
		if list.set() && list.ok && seen[w] == nil {
			v.bad(list, "%s is missing; every SDK writes %s URLs, so ParseEndpoint must read them", w, orList(requiredSchemes))
		}
	}
	return out
}

// slips checks the slips list and expands {area} into one slip an area
// of the table, in the order of Table.Areas; each slip, as tried, once.
func (v *validator) slips(list *node, regions []Region) []Slip {
	areas := areasOf(regions)
	var out []Slip
	seen := map[[2]string]int{} // written and meant as tried -> line
	for _, n := range list.items {
		w, m := n.get("written"), n.get("meant")
		e := Slip{WrittenForm: w.s, MeantForm: m.s, Reason: n.get("reason").val(), Line: w.pos.line,
			Sources: v.sourceRefs(n.get("sources"), "empty; list the keys of the sources the entry rests on", false)}
		switch {
		case !w.ok || !m.ok:
			continue
		case w.s == m.s:
			v.bad(m, "%q is what written says; a slip means another string", clip(m.s))
			continue
		case strings.Contains(m.s, areaToken) && !strings.Contains(w.s, areaToken):
			v.bad(m, "has {area}, which written lacks; {area} stands in meant for the area written holds")
			continue
		}
		tried := []string{""}
		if strings.Contains(w.s, areaToken) {
			tried = areas
		}
		for _, area := range tried {
			s := e
			s.Written, s.Meant = strings.ReplaceAll(w.s, areaToken, area), strings.ReplaceAll(m.s, areaToken, area)
			if bad := slices.IndexFunc([]string{s.Written, s.Meant}, func(x string) bool { return len(x) > maxSlipLen }); bad >= 0 {
				at, x := []*node{w, m}[bad], []string{s.Written, s.Meant}[bad]
				v.bad(at, "%q%s is %d bytes, more than %d (maxSlipLen in internal/table/slips.go)", clip(x), areaNote(area), len(x), maxSlipLen)
				continue
			}
			key := [2]string{s.Written, s.Meant}
			if prev, dup := seen[key]; dup {
				v.bad(w, "%q → %q%s is already a slip at line %d; list a slip once", clip(s.Written), clip(s.Meant), areaNote(area), prev)
				continue
			}
			seen[key] = e.Line
			out = append(out, s)
		}
	}
	return out
}

// areaNote names the area a message's slip has for {area}, or "".
func areaNote(area string) string {
	if area == "" {
		return ""
	}
	return " (with " + area + " for {area})"
}

// areasOf lists the first parts of the regions' cloud IDs ("ap", "cn"), sorted, once each.
func areasOf(regions []Region) []string {
	var areas []string
	for _, r := range regions {
		if area, _, _ := strings.Cut(r.CloudID, "-"); area != "" && !slices.Contains(areas, area) {
			areas = append(areas, area)
		}
	}
	slices.Sort(areas)
	return areas
}
