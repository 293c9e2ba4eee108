package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/theme"
)

// column is one column of a table.
type column struct {
	title string
	width int  // the fixed width; for the flexible column, its minimum
	flex  bool // takes the width the others leave
	most  int  // the flexible column's widest; 0 no limit
	right bool // right-aligned, for numbers
	drop  int  // on a narrow terminal the highest goes first; 0 never
}

// cell is one cell: its text, already made safe for a terminal, and its
// style. Styles are per cell so that a level colours only its reading.
type cell struct {
	text  string
	style lipgloss.Style
}

// row is one table row: a key that names it across refreshes (a user ID,
// a meeting UUID), its cells, and the lower-case text the filter searches.
type row struct {
	key    string
	cells  []cell
	search string
}

// colGap is the space between columns; the cursor mark takes markWidth.
const (
	colGap    = 2
	markWidth = 2
)

// table is a filterable, scrolling table with a cursor, drawn from rows
// the screen builds. Bubbles' table cuts cells by bytes of escape codes
// and colours whole rows; this one colours cells and drops columns that
// do not fit.
//
// The cursor stays on the top row, the worst one in a table sorted worst
// first, until the user moves it; from then on it follows its row by key
// through refreshes, re-sorting and filtering.
//
// The drawing is cached: view returns the string built by the last change
// of rows, filter, cursor, size or styles.
type table struct {
	cols    []column
	all     []row // every row, in display order
	rows    []row // the rows the filter lets through
	filter  string
	nothing string // what an empty table says
	cursor  int
	offset  int    // first row shown
	follow  string // key of the row the user chose; "" keeps the top row
	width   int
	height  int // rows, the title line included
	st      theme.Styles
	shown   []int // the columns that fit, and their widths
	widths  []int
	out     string
}

func newTable(cols []column) table { return table{cols: cols} }

func (t *table) setRows(rows []row) {
	t.all = rows
	t.apply()
}

// setFilter keeps the rows whose search text holds s, ignoring case.
func (t *table) setFilter(s string) {
	t.filter = strings.ToLower(strings.TrimSpace(s))
	t.apply()
}

func (t *table) setSize(width, height int) {
	if width == t.width && height == t.height {
		return
	}
	t.width, t.height = width, height
	t.fit()
	t.render()
}

func (t *table) setStyles(st theme.Styles) {
	t.st = st
	t.render()
}

// apply filters the rows and puts the cursor back on its row.
func (t *table) apply() {
	t.rows = t.rows[:0:0]
	for _, r := range t.all {
		if t.filter == "" || strings.Contains(r.search, t.filter) {
			t.rows = append(t.rows, r)
		}
	}
	if t.follow == "" {
		t.cursor = 0
	}
	for i, r := range t.rows {
		if r.key == t.follow && t.follow != "" {
			t.cursor = i
		}
	}
	t.clamp()
	t.render()
}

// move moves the cursor by delta rows; home and end pass a large delta.
func (t *table) move(delta int) {
	t.cursor += delta
	t.clamp()
	if r, ok := t.selected(); ok {
		t.follow = r.key
	}
	t.render()
}

// top puts the cursor back on the top row, to stay there.
func (t *table) top() {
	t.follow, t.cursor = "", 0
	t.clamp()
	t.render()
}

// page is the number of rows one screen shows.
func (t *table) page() int { return max(1, t.height-1) }

func (t *table) clamp() {
	t.cursor = min(max(t.cursor, 0), max(len(t.rows)-1, 0))
	page := t.page()
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+page {
		t.offset = t.cursor - page + 1
	}
	t.offset = max(0, min(t.offset, len(t.rows)-page))
}

// selected is the row under the cursor.
func (t *table) selected() (row, bool) {
	if len(t.rows) == 0 {
		return row{}, false
	}
	return t.rows[t.cursor], true
}

// position says which rows are on screen, e.g. "1-19 of 42".
func (t *table) position() string {
	if len(t.rows) <= t.page() {
		return ""
	}
	last := min(t.offset+t.page(), len(t.rows))
	return fmt.Sprintf("%d-%d of %d", t.offset+1, last, len(t.rows))
}

// fit chooses the columns that fit the width, dropping the least needed
// first, and gives the flexible column what is left.
func (t *table) fit() {
	t.shown = t.shown[:0]
	for i := range t.cols {
		t.shown = append(t.shown, i)
	}
	need := func() int {
		n := markWidth
		for j, i := range t.shown {
			if j > 0 {
				n += colGap
			}
			n += t.cols[i].width
		}
		return n
	}
	for need() > t.width {
		worst := -1
		for j, i := range t.shown {
			if d := t.cols[i].drop; d > 0 && (worst < 0 || d >= t.cols[t.shown[worst]].drop) {
				worst = j
			}
		}
		if worst < 0 {
			break
		}
		t.shown = append(t.shown[:worst], t.shown[worst+1:]...)
	}
	spare := max(0, t.width-need())
	t.widths = t.widths[:0]
	for _, i := range t.shown {
		w := t.cols[i].width
		if c := t.cols[i]; c.flex {
			w += spare
			if c.most > 0 {
				// A 200-column terminal should not push the readings
				// a hundred cells away from the name they belong to.
				w = max(c.width, min(w, c.most))
			}
		}
		t.widths = append(t.widths, w)
	}
}

func (t *table) render() {
	if t.width <= 0 || t.height <= 0 {
		t.out = ""
		return
	}
	titles := make([]cell, len(t.cols))
	for i, c := range t.cols {
		titles[i] = cell{text: c.title, style: t.st.Muted}
	}
	lines := []string{t.line(titles, false)}
	switch {
	case len(t.rows) == 0 && t.filter != "":
		lines = append(lines, "  "+t.st.Muted.Render(fmt.Sprintf("nothing matches %q", t.filter)))
	case len(t.rows) == 0:
		lines = append(lines, "  "+t.st.Muted.Render(t.nothing))
	}
	for i := t.offset; i < len(t.rows) && len(lines) < t.height; i++ {
		lines = append(lines, t.line(t.rows[i].cells, i == t.cursor))
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, t.width, "")
	}
	t.out = fitRows(strings.Join(lines, "\n"), t.height)
}

// line draws one row at the chosen widths. The selected row is marked,
// and drawn on the bar's background where the terminal has colour.
func (t *table) line(cells []cell, selected bool) string {
	tail := ellipsis(t.st)
	bar := t.st.Bar
	var b strings.Builder
	if selected {
		b.WriteString(t.st.Key.Inherit(bar).Render(cursorMark(t.st)))
	} else {
		b.WriteString(strings.Repeat(" ", markWidth))
	}
	for j, i := range t.shown {
		if i >= len(cells) {
			break
		}
		w, c := t.widths[j], cells[i]
		text := ansi.Truncate(c.text, w, tail)
		pad := strings.Repeat(" ", max(0, w-ansi.StringWidth(text)))
		switch {
		case t.cols[i].right:
			text = pad + text
		case j < len(t.shown)-1 || selected:
			text += pad
		default:
			text = strings.TrimRight(text, " ") // no trailing blanks at the end of a plain line
		}
		gap := ""
		if j > 0 {
			gap = strings.Repeat(" ", colGap)
		}
		if selected {
			b.WriteString(bar.Render(gap) + c.style.Inherit(bar).Render(text))
		} else {
			b.WriteString(gap + c.style.Render(text))
		}
	}
	return b.String()
}

func (t *table) view() string { return t.out }

// cursorMark marks the selected row.
func cursorMark(st theme.Styles) string { return st.Glyphs().Cursor }
