package page

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isHTML tells an HTML page from a Markdown one by its name or its start.
func isHTML(name, text string) bool {
	n := strings.ToLower(name)
	if strings.HasSuffix(n, ".md") || strings.HasSuffix(n, ".txt") {
		return false
	}
	return strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm") ||
		strings.HasPrefix(strings.TrimLeft(text, " \t\r\n\ufeff"), "<")
}

// readHTML finds the headings and tables of an HTML page; a row is named
// by its table and its place (0 the header row).
func readHTML(name, text string) ([]part, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	var parts []part
	tables := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			parts = append(parts, part{level: int(n.Data[1] - '0'), text: strings.Join(items(n), " ")})
			return
		case atom.Table:
			tables++
			parts = append(parts, part{rows: tableRows(n, fmt.Sprintf("%s: table %d, ", name, tables))})
			return
		case atom.Script, atom.Style, atom.Template, atom.Noscript:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return parts, nil
}

// tableRows reads a table's rows, a spanning cell in each (up to 64).
func tableRows(t *html.Node, at string) []srcRow {
	var trs []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Tr {
				trs = append(trs, c)
			} else if c.DataAtom != atom.Table {
				find(c)
			}
		}
	}
	find(t)
	type spanned struct {
		items []string
		left  int
	}
	down := map[int]spanned{} // cells spanning rows, by column
	var rows []srcRow
	for i, tr := range trs {
		sr := srcRow{where: at + "header row"} // the first row is the header, the next data row 1
		if i > 0 {
			sr.where = fmt.Sprintf("%srow %d", at, i)
		}
		fill := func() {
			for s, ok := down[len(sr.cells)]; ok; s, ok = down[len(sr.cells)] {
				if s.left--; s.left == 0 {
					delete(down, len(sr.cells))
				} else {
					down[len(sr.cells)] = s
				}
				sr.cells = append(sr.cells, s.items)
			}
		}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			it := items(c)
			for range span(c, "colspan") {
				fill()
				if n := span(c, "rowspan") - 1; n > 0 {
					down[len(sr.cells)] = spanned{it, n}
				}
				sr.cells = append(sr.cells, it)
			}
		}
		fill()
		rows = append(rows, sr)
	}
	return rows
}

func span(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); a.Key == name && err == nil {
			return min(max(v, 1), 64)
		}
	}
	return 1
}

// breaks are the elements that start a new item of a cell.
var breaks = map[atom.Atom]bool{atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Tr: true, atom.Table: true}

// items are the cleaned lines of n: <br>, paragraphs and list items break.
func items(n *html.Node) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if s := clean(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode || c.DataAtom == atom.Script || c.DataAtom == atom.Style:
			case c.DataAtom == atom.Br:
				flush()
			case breaks[c.DataAtom]:
				flush()
				walk(c)
				flush()
			default:
				walk(c)
			}
		}
	}
	walk(n)
	flush()
	return out
}
