package page

import (
	"net/netip"
	"slices"
	"strings"
	"unicode"
)

// kind is what a column holds, by the meaning of its header.
type kind int

const (
	colNone kind = iota
	colName
	colID
	colPublic
	colInternal
	colVPC
	colDual
	colAccel
	colVIP
)

var kindNames = [...]string{colPublic: "public endpoint", colInternal: "internal endpoint",
	colVPC: "VPC endpoint", colDual: "dual-stack endpoint", colAccel: "accelerate endpoint", colVIP: "VIP range"}

// headerWords gives a header the kind of the first entry with a word in its key.
var headerWords = []struct {
	kind  kind
	words []string
}{
	{colVIP, []string{"vip", "网段", "addressrange", "cidr"}},
	{colDual, []string{"双栈", "dualstack"}},
	{colAccel, []string{"加速", "accelerat"}},
	{colID, []string{"地域id", "regionid", "区域id"}},
	{colVPC, []string{"vpc"}},
	{colInternal, []string{"内网", "internal", "intranet"}},
	{colPublic, []string{"外网", "公网", "public", "internet", "external"}},
	{colName, []string{"地域", "region", "区域"}},
}

func classify(header string) kind {
	k := key(header)
	has := func(w string) bool { return strings.Contains(k, w) }
	for _, h := range headerWords {
		if slices.ContainsFunc(h.words, has) {
			if h.kind >= colPublic && h.kind <= colAccel && !slices.ContainsFunc(endpointWords, has) {
				return colNone // "外网流出流量" is traffic, not an endpoint
			}
			return h.kind
		}
	}
	return colNone
}

// endpointWords are the words without which a header of hosts is none.
var endpointWords = []string{"endpoint", "域名", "访问地址", "host"}

// The words of headings that name a cloud or a finance environment.
var (
	cloudWords = [][2]string{{"金融云", "finance"}, {"finance", "finance"}, {"政务云", "government"},
		{"government", "government"}, {"govcloud", "government"}, {"公共云", "public"}, {"publiccloud", "public"}}
	envWords = [][2]string{{"内网环境", "internal"}, {"internalenvironment", "internal"},
		{"internalnetworkenvironment", "internal"}, {"intranetenvironment", "internal"},
		{"外网环境", "public"}, {"publicenvironment", "public"}, {"publicnetworkenvironment", "public"},
		{"internetenvironment", "public"}, {"externalenvironment", "public"}, {"externalnetworkenvironment", "public"}}
)

func lookup(words [][2]string, text string) string {
	k := key(text)
	for _, w := range words {
		if strings.Contains(k, w[0]) {
			return w[1]
		}
	}
	return ""
}

// key is text in lower case, letters and digits only, without the digits
// of a footnote at its end ("Accelerate endpoint2").
func key(s string) string {
	return strings.TrimRight(strings.Map(func(c rune) rune {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			return unicode.ToLower(c)
		}
		return -1
	}, s), "0123456789")
}

// flagWords are the words in a region's name that say it closes or is a
// preview, matched without regard to case, in this order.
var flagWords = [][2]string{{"关停中", Closing}, {"已关停", Decommissioned}, {"已下线", Decommissioned},
	{"邀测", Preview}, {"being decommissioned", Closing}, {"closing down", Closing},
	{"decommissioning", Closing}, {"decommissioned", Decommissioned}, {"invitational preview", Preview}, {"preview", Preview}}

// nameWords finds the flag words in a name and returns the name without
// them, their separator or the brackets around them.
func nameWords(name string) (plain string, flags []string) {
	plain = name
	for _, w := range flagWords {
		i := indexFold(plain, w[0])
		if i < 0 {
			continue
		}
		if !slices.Contains(flags, w[1]) {
			flags = append(flags, w[1])
		}
		left := strings.TrimRight(plain[:i], " -–,，、:：")
		right := strings.TrimLeft(plain[i+len(w[0]):], " ")
		open := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(left, "("), "（"), " ")
		shut := strings.TrimPrefix(strings.TrimPrefix(right, ")"), "）")
		switch {
		case open != left && shut != right: // "（邀测）": the brackets go too
			left, right = open, shut
		case left == strings.TrimRight(plain[:i], " "): // no separator before: drop the one after
			right = strings.TrimLeft(right, " -–,，、:：")
		}
		plain = left + right
	}
	return strings.TrimSpace(plain), flags
}

func indexFold(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// normID is a region ID in regions.yaml's form, or "" if s is not one.
func normID(s string) string {
	s = strings.ToLower(s)
	if s == "" || len(s) > 63 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" ||
		s[0] == '-' || s[len(s)-1] == '-' {
		return ""
	}
	if !strings.HasPrefix(s, "oss-") {
		s = "oss-" + s
	}
	return s
}

// notSupported are the keys of cells that say "none here".
var notSupported = []string{"不支持", "暂不支持", "无", "n/a", "na", "-", "--", "—", "–", "none",
	"notsupported", "unsupported", "notavailable"}

// cell reads one column of a row: a marker, or hosts (ranges), each maybe
// after a label ("Global ...: host").
func (r *reader) cell(items []string, k kind) Cell {
	text := strings.Join(items, " ")
	m := strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(text), "")), ".。")
	switch {
	case text == "":
		return Cell{Mark: Empty}
	case strings.Contains(m, "ticket") || strings.Contains(m, "工单"):
		return Cell{Mark: Ticket}
	case slices.Contains(notSupported, m):
		return Cell{Mark: NotSupported}
	}
	c, seen := Cell{Mark: Listed}, map[string]bool{}
	for _, it := range items {
		if i := strings.LastIndex(it, ": "); i >= 0 {
			it = it[i+2:]
		}
		if i := strings.LastIndex(it, "："); i >= 0 {
			it = it[i+len("："):]
		}
		for _, tok := range strings.FieldsFunc(it, func(c rune) bool {
			return unicode.IsSpace(c) || strings.ContainsRune(",，、;；", c)
		}) {
			if v, ok := value(tok, k); !ok {
				c.Bad = append(c.Bad, tok) // the check names it with its region
			} else if !seen[v] {
				seen[v] = true
				c.Values = append(c.Values, v)
			}
		}
	}
	return c
}

func value(s string, k kind) (string, bool) {
	if k == colVIP {
		p, err := netip.ParsePrefix(s)
		return p.String(), err == nil && p == p.Masked()
	}
	h := strings.ToLower(s)
	labels := strings.Split(h, ".")
	if len(h) > 253 || len(labels) < 2 {
		return "", false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' ||
			strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return "", false
		}
	}
	// A host ends in a name, not a number: "0.50" is a price.
	if strings.Trim(labels[len(labels)-1], "abcdefghijklmnopqrstuvwxyz") != "" {
		return "", false
	}
	return h, true
}

// clean is text with runs of space as one and no list marker in front.
func clean(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, m := range []string{"- ", "* ", "+ ", "• "} {
		if strings.HasPrefix(s, m) {
			return s[len(m):]
		}
	}
	return s
}
