// Package page reads Alibaba Cloud's OSS page "Regions and endpoints"
// (its Markdown export or its HTML, English or Chinese) into what its
// region tables say, for comparison with regions.yaml.
package page

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// MaxSize is the largest page Read takes; the real page is under 1 MiB.
const MaxSize = 4 << 20

// Page is what the region tables of one page say.
type Page struct {
	Name     string
	Rows     []Row    // in page order; one per region, cloud and environment
	Tables   int      // region tables read
	Problems []string // cells past the last column (50 and a count); values not hosts or ranges are in Cell.Bad
}

// Row is one region of one cloud (and finance environment) as the page
// gives it; a region spread over several tables has its cells merged.
type Row struct {
	Where string // file:line (Markdown) or file: table t, row r (HTML, data rows from 1)
	Cloud string // "public", "finance" or "government", from the headings
	Env   string // "internal", "public" (the finance cloud's environments) or ""
	Name  string // as read, markup removed; may hold any character: quote it
	Plain string // Name without the words in Flags
	Flags []string
	RawID string // as written
	ID    string // lower case with the oss- prefix, as regions.yaml writes IDs

	Public, Internal, VPC, DualStack, Accelerate, VIP Cell
}

// The Flags that words in a region's name give.
const (
	Closing        = "closing"        // 关停中, "closing down"
	Decommissioned = "decommissioned" // 已关停, "decommissioned"
	Preview        = "preview"        // 邀测, "invitational preview"
)

// Mark says what a cell holds.
type Mark int

// The marks of a cell.
const (
	Absent       Mark = iota // the table has no such column
	Empty                    // the column is there, the cell is empty
	Listed                   // hosts or ranges (Values, Bad)
	NotSupported             // 不支持, N/A, -, None and their kin
	Ticket                   // "Submit a ticket": not published
)

// Cell is one column's value in a row.
type Cell struct {
	Mark   Mark
	Values []string // hosts in lower case, or ranges in netip.Prefix form
	Bad    []string // tokens that are neither, as written
	BadAt  string   // where Bad was read, which for a merged row may not be Row.Where
}

// Read reads a page given as Markdown or HTML; name is used in messages.
// The error lists everything that kept the page from being read as the
// regions page; the Page beside it is partial.
func Read(name string, data []byte) (*Page, error) {
	r := &reader{page: &Page{Name: name}, name: printable(name), first: map[rowKey]seen{}}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: %d bytes: the reader takes pages of at most %d bytes", r.name, len(data), MaxSize)
	}
	text := strings.ToValidUTF8(string(data), "\uFFFD")
	var parts []part
	var err error
	if isHTML(name, text) {
		parts, err = readHTML(r.name, text)
	} else {
		parts = readMarkdown(r.name, text)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: reading the HTML: %v", r.name, err)
	}
	tables := 0
	for _, p := range parts {
		if p.level > 0 {
			r.path[p.level] = p.text
			clear(r.path[p.level+1:])
			continue
		}
		tables++
		r.table(p, tables)
	}
	if len(r.page.Rows) == 0 && len(r.errs.list) == 0 {
		r.fail(r.name, fmt.Sprintf("no region rows in its %d tables: expected a table with a region ID column (地域 ID, Region ID) and endpoint or VIP columns", tables))
	}
	r.page.Problems = r.problems.all()
	if len(r.errs.list) > 0 {
		return r.page, errors.New(strings.Join(r.errs.all(), "\n"))
	}
	return r.page, nil
}

// part is a heading (level 1-6) or a table (level 0); each cell holds its
// items (lines, list items, <br> parts).
type part struct {
	level int
	text  string
	rows  []srcRow
}

type srcRow struct {
	where string
	cells [][]string
}

type rowKey struct{ cloud, env, id string }

// seen is where a region's row is in Page.Rows and the table it came from.
type seen struct{ row, table int }

type reader struct {
	page           *Page
	name           string
	path           [8]string // heading text by level, 1-6
	first          map[rowKey]seen
	errs, problems msgs // what kept the page from being read; Page.Problems
}

func (r *reader) fail(where, msg string)    { r.errs.add(where + ": " + msg) }
func (r *reader) problem(where, msg string) { r.problems.add(where + ": " + msg) }

// msgs keeps the first 50 messages and counts the rest, which a hostile
// page could make millions of.
type msgs struct {
	list []string
	more int
}

func (m *msgs) add(s string) {
	if len(m.list) < 50 {
		m.list = append(m.list, s)
	} else {
		m.more++
	}
}

func (m *msgs) all() []string {
	if m.more > 0 {
		return append(m.list, fmt.Sprintf("and %d more", m.more))
	}
	return m.list
}

// table reads the rows of a table whose header names a region ID column.
func (r *reader) table(t part, n int) {
	if len(t.rows) == 0 {
		return
	}
	kinds := make([]kind, len(t.rows[0].cells))
	var has [colVIP + 1]bool
	for i, c := range t.rows[0].cells {
		kinds[i] = classify(strings.Join(c, " "))
		has[kinds[i]] = true
	}
	if !has[colID] {
		if slices.Contains(has[colPublic:], true) {
			r.fail(t.rows[0].where, "a table of endpoints or VIP ranges without a region ID column (地域 ID, Region ID)")
		}
		return
	}
	r.page.Tables++
	cloud, env := r.context()
	for _, sr := range t.rows[1:] {
		row := Row{Where: sr.where, Cloud: cloud, Env: env}
		var items [colVIP + 1][]string
		blank := true
		for i, c := range sr.cells {
			if i >= len(kinds) {
				if len(c) > 0 {
					r.problem(sr.where, "a cell beyond the last column: "+Quote(strings.Join(c, " ")))
				}
				continue
			}
			blank = blank && (len(c) == 0 || kinds[i] == colName)
			items[kinds[i]] = append(items[kinds[i]], c...)
		}
		row.RawID = strings.Join(items[colID], " ")
		if blank || classify(row.RawID) == colID { // empty, a label or a repeated header row
			continue
		}
		row.Name = strings.Join(items[colName], " ")
		row.Plain, row.Flags = nameWords(row.Name)
		if row.ID = normID(row.RawID); row.ID == "" {
			r.fail(sr.where, "region ID "+Quote(row.RawID)+": expected one ID such as cn-hangzhou or oss-cn-hangzhou")
			continue
		}
		for k := colPublic; k <= colVIP; k++ {
			if has[k] {
				c := r.cell(items[k], k)
				if len(c.Bad) > 0 {
					c.BadAt = sr.where
				}
				*row.cell(k) = c
			}
		}
		r.merge(row, n)
	}
}

// context is the cloud and finance environment that the headings above a
// table name; the deepest heading naming one wins.
func (r *reader) context() (cloud, env string) {
	for l := len(r.path) - 1; l > 0; l-- {
		if cloud == "" {
			cloud = lookup(cloudWords, r.path[l])
		}
		if env == "" {
			env = lookup(envWords, r.path[l])
		}
	}
	if cloud == "" {
		cloud = "public"
	}
	return cloud, env
}

// merge adds a row, or merges it into the row of the same region read from
// another table (the English page gives endpoints and VIP ranges apart).
func (r *reader) merge(row Row, table int) {
	k := rowKey{row.Cloud, row.Env, row.ID}
	s, ok := r.first[k]
	if !ok {
		r.first[k] = seen{len(r.page.Rows), table}
		r.page.Rows = append(r.page.Rows, row)
		return
	}
	old := &r.page.Rows[s.row]
	if s.table == table {
		r.fail(row.Where, "a second row for "+Quote(row.RawID)+" in one table (first at "+old.Where+")")
		return
	}
	if old.Name == "" {
		old.Name, old.Plain, old.Flags = row.Name, row.Plain, row.Flags
	} else if row.Name != "" && row.Name != old.Name {
		r.fail(row.Where, "name "+Quote(row.Name)+" of "+Quote(row.RawID)+" differs from "+Quote(old.Name)+" at "+old.Where)
	}
	for c := colPublic; c <= colVIP; c++ {
		n, o := row.cell(c), old.cell(c)
		if o.Mark == Absent {
			*o = *n
		} else if n.Mark != Absent && (n.Mark != o.Mark || !slices.Equal(n.Values, o.Values) || !slices.Equal(n.Bad, o.Bad)) {
			r.fail(row.Where, kindNames[c]+" of "+Quote(row.RawID)+" differs from the one at "+old.Where)
		}
	}
}

func (row *Row) cell(k kind) *Cell {
	return [...]*Cell{colPublic: &row.Public, colInternal: &row.Internal, colVPC: &row.VPC,
		colDual: &row.DualStack, colAccel: &row.Accelerate, colVIP: &row.VIP}[k]
}

// Quote quotes a value from the page for a message, cut to 80 runes.
func Quote(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "..."
	}
	return strconv.Quote(s)
}

func printable(s string) string {
	if q := strconv.Quote(s); q[1:len(q)-1] != s {
		return q
	}
	return s
}
