package page

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// readMarkdown finds the headings and pipe tables of a Markdown page; a row
// runs from a line starting with | to one ending with |.
func readMarkdown(name, text string) []part {
	var parts []part
	var row []string // lines of the open row
	start, inTable := 0, false
	end := func() {
		if cells := splitRow(strings.Join(row, "\n")); row != nil && !separator(cells) {
			sr := srcRow{where: fmt.Sprintf("%s:%d", name, start)}
			for _, c := range cells {
				sr.cells = append(sr.cells, lines(inline(c)))
			}
			parts[len(parts)-1].rows = append(parts[len(parts)-1].rows, sr)
		}
		row = nil
	}
	for i, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case row != nil && t != "" && t[0] != '|' && heading(t) == 0:
			row = append(row, t)
		case strings.HasPrefix(t, "|"):
			end()
			if !inTable {
				parts, inTable = append(parts, part{}), true
			}
			row, start = []string{t}, i+1
		default:
			end()
			inTable = false
			if h := heading(t); h > 0 {
				parts = append(parts, part{level: h, text: clean(inline(strings.TrimRight(t[h:], "# ")))})
			}
		}
		if row != nil && strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
			end()
		}
	}
	end()
	return parts
}

// heading is the level of an ATX heading line, or 0.
func heading(t string) int {
	n := len(t) - len(strings.TrimLeft(t, "#"))
	if n < 1 || n > 6 || len(t) > n && t[n] != ' ' && t[n] != '\t' {
		return 0
	}
	return n
}

// splitRow splits a row at its unescaped pipes.
func splitRow(s string) []string {
	var cells []string
	from := 1
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, s[from:i])
			from = i + 1
		}
	}
	if from < len(s) && strings.TrimSpace(s[from:]) != "" {
		cells = append(cells, s[from:])
	}
	return cells
}

// separator tells the delimiter row |---|:--:| from a row of cells.
func separator(cells []string) bool {
	for _, c := range cells {
		if c = strings.TrimSpace(c); strings.Trim(c, ":") == "" || strings.Trim(c, ":-") != "" {
			return false
		}
	}
	return len(cells) > 0
}

// The inline Markdown that a cell's text is read through: tags (those that
// break a line, the others), links and images, backslash escapes.
var (
	breakTag = regexp.MustCompile(`(?i)</?(br|p|li|div)\b[^>]*>`)
	otherTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	link     = regexp.MustCompile(`!?\[([^\[]*?)\]\([^)]*\)`)
	escape   = regexp.MustCompile("\\\\([!-/:-@[-`{-~])")
)

// inline is Markdown text as read: no tags, links, emphasis or escapes.
func inline(s string) string {
	s = link.ReplaceAllString(otherTag.ReplaceAllString(breakTag.ReplaceAllString(s, "\n"), ""), "$1")
	s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
	return html.UnescapeString(escape.ReplaceAllString(s, "$1"))
}

// lines are the non-empty lines of a cell, cleaned.
func lines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
