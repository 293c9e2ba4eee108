package table

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/theme"
)

// Column is one column of a table.
type Column struct {
	Title string
	Width int  // the fixed width; for the flexible column, its minimum
	Flex  bool // takes the width the others leave
	Most  int  // the flexible column's widest; 0 no limit
	Right bool // right-aligned, for numbers
	Drop  int  // on a narrow terminal the highest goes first; 0 never
	// Fit grows the column to its widest cell, title included, so that
	// nothing in it is ever cut ("↓22…" for 225 ms reads as 22): on a
	// narrow terminal it is dropped whole instead. Width is its narrowest.
	Fit bool
}

// Cell is one cell: its text, already made safe for a terminal, and the
// role it is drawn in. Roles are per cell so that a level colours only
// its reading.
type Cell struct {
	Text string
	Role theme.Role
	// Keep follows Text after a blank and is never cut: an ID that names
	// whom to watch. Text gives way first (hold.go).
	Keep string
}

// Row is one table row: a key that names it across refreshes (a user ID,
// a meeting UUID), its cells, and the lower-case text the filter searches.
type Row struct {
	Key    string
	Cells  []Cell
	Search string
}

// colGap is the space between columns; the cursor mark takes markWidth.
const (
	colGap    = 2
	markWidth = 2
)

// Model is a filterable, scrolling table with a cursor, drawn from rows
// the screen builds. Bubbles' table cuts cells by bytes of escape codes
// and colours whole rows; this one colours cells and drops columns that
// do not fit.
//
// The cursor stays on the top row, the worst one in a table sorted worst
// first, until the user moves it; from then on it follows its row by key
// through refreshes, re-sorting and filtering.
//
// The drawing is cached: View returns the string built by the last change
// of rows, filter, cursor, size or styles.
type Model struct {
	cols    []Column
	all     []Row // every row, in display order
	rows    []Row // the rows the filter lets through
	filter  string
	Nothing string // what an empty table says
	cursor  int
	offset  int    // first row shown
	follow  string // key of the row the user chose; "" keeps the top row
	width   int
	height  int // rows, the title line included
	st      theme.Styles
	inks    [theme.NumRoles]theme.Ink // each role as drawn, and on the bar
	picked  [theme.NumRoles]theme.Ink
	bar     theme.Ink
	mark    theme.Ink
	shown   []int // the columns that fit, and their widths
	widths  []int
	natural []int // each column's width before the flexible share (measure)
	out     string
	// now is the time of the rows (SetRowsAt); hold and holdAt are each
	// Fit column's held width and when it was last needed (hold.go).
	now    time.Time
	hold   []int
	holdAt []time.Time
}

// New is an empty table of these columns.
func New(cols []Column) Model { return Model{cols: cols} }

// SetRows replaces the rows, keeping the cursor on the row it follows.
func (t *Model) SetRows(rows []Row) {
	t.all = rows
	if t.measure(-1) {
		t.fit()
	}
	t.apply()
}

// SetFilter keeps the rows whose search text holds s, ignoring case.
func (t *Model) SetFilter(s string) {
	t.filter = strings.ToLower(strings.TrimSpace(s))
	t.apply()
}

// SetSize sets the width and the rows, the title line included.
func (t *Model) SetSize(width, height int) {
	if width == t.width && height == t.height {
		return
	}
	t.width, t.height = width, height
	t.fit()
	t.render()
}

// SetColumns replaces the columns, for a screen whose columns follow the
// width (the overview's wide form), and drops the rows, which were built
// for the old ones: the next SetRows brings rows of the new. The cursor
// keeps following its row's key.
func (t *Model) SetColumns(cols []Column) {
	t.cols, t.all, t.rows = cols, nil, nil
	t.natural, t.hold, t.holdAt = nil, nil, nil
	t.fit()
	t.apply()
}

// Columns is the table's columns.
func (t *Model) Columns() []Column { return t.cols }

// SetTitle renames column i, for a column whose content the screen
// switches (the overview's media columns under m).
func (t *Model) SetTitle(i int, title string) {
	if i < 0 || i >= len(t.cols) || t.cols[i].Title == title {
		return
	}
	t.cols[i].Title = title
	t.release(i)
	if t.measure(i) {
		t.fit()
	}
	t.render()
}

// SetWidth sets column i's Width, for a column whose content the screen
// switches: the narrowest a Fit column is whatever its cells hold, so
// that it does not change width at every refresh.
func (t *Model) SetWidth(i, width int) {
	if i < 0 || i >= len(t.cols) || t.cols[i].Width == width {
		return
	}
	t.cols[i].Width = width
	t.release(i)
	t.measure(i)
	t.fit()
	t.render()
}

// measure works out the natural width of column i, or of every column
// when i is negative: its Width, or for a Fit column the widest of its
// title and of every row's cell (every row, not the filtered ones, so
// that typing a filter does not move the columns). It reports whether a
// width changed.
func (t *Model) measure(i int) bool {
	if len(t.natural) != len(t.cols) {
		t.natural = make([]int, len(t.cols))
		for j, c := range t.cols {
			t.natural[j] = c.Width
		}
		i = -1
	}
	changed := false
	for j, c := range t.cols {
		if i >= 0 && j != i {
			continue
		}
		w := c.Width
		switch {
		case c.Fit:
			w = max(w, cellWidth(c.Title))
			for _, r := range t.all {
				if j < len(r.Cells) {
					w = max(w, cellWidth(r.Cells[j].Text))
				}
			}
			w = t.held(j, w)
		case c.Flex:
			w = t.keepWidth(j)
		}
		changed = changed || t.natural[j] != w
		t.natural[j] = w
	}
	return changed
}

// SetStyles redraws in new styles.
func (t *Model) SetStyles(st theme.Styles) {
	t.st = st
	for r := range theme.NumRoles {
		t.inks[r] = theme.InkOf(st.Role(r))
		t.picked[r] = theme.InkOf(st.Role(r).Inherit(st.Bar))
	}
	t.bar, t.mark = theme.InkOf(st.Bar), theme.InkOf(st.Key.Inherit(st.Bar))
	t.render()
}

// apply filters the rows and puts the cursor back on its row.
func (t *Model) apply() {
	if t.filter == "" {
		t.rows = t.all // nothing to filter: no copy of every row
	} else {
		t.rows = make([]Row, 0, len(t.all))
		for _, r := range t.all {
			if strings.Contains(r.Search, t.filter) {
				t.rows = append(t.rows, r)
			}
		}
	}
	if t.follow == "" {
		t.cursor = 0
	}
	for i, r := range t.rows {
		if r.Key == t.follow && t.follow != "" {
			t.cursor = i
		}
	}
	t.clamp()
	t.render()
}

// Move moves the cursor by delta rows; home and end pass a large delta.
func (t *Model) Move(delta int) {
	t.cursor += delta
	t.clamp()
	if r, ok := t.Selected(); ok {
		t.follow = r.Key
	}
	t.render()
}

// Select puts the cursor on the row named key, and reports whether the
// filter lets such a row through.
func (t *Model) Select(key string) bool {
	for i, r := range t.rows {
		if r.Key == key {
			t.cursor, t.follow = i, key
			t.clamp()
			t.render()
			return true
		}
	}
	return false
}

// Top puts the cursor back on the top row, to stay there.
func (t *Model) Top() {
	t.follow, t.cursor = "", 0
	t.clamp()
	t.render()
}

// Rows is the rows the filter lets through, in display order.
func (t *Model) Rows() []Row { return t.rows }

// Following is the key of the row the cursor follows; "" while it stays
// on the top row.
func (t *Model) Following() string { return t.follow }

// Page is the number of rows one screen shows.
func (t *Model) Page() int { return max(1, t.height-1) }

func (t *Model) clamp() {
	t.cursor = min(max(t.cursor, 0), max(len(t.rows)-1, 0))
	page := t.Page()
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+page {
		t.offset = t.cursor - page + 1
	}
	t.offset = max(0, min(t.offset, len(t.rows)-page))
}

// Selected is the row under the cursor.
func (t *Model) Selected() (Row, bool) {
	if len(t.rows) == 0 {
		return Row{}, false
	}
	return t.rows[t.cursor], true
}

// Position says which rows are on screen, e.g. "1-19 of 42".
func (t *Model) Position() string {
	if len(t.rows) <= t.Page() {
		return ""
	}
	last := min(t.offset+t.Page(), len(t.rows))
	return fmt.Sprintf("%d-%d of %d", t.offset+1, last, len(t.rows))
}

// fit chooses the columns that fit the width, dropping the least needed
// first, and gives the flexible column what is left.
func (t *Model) fit() {
	if len(t.natural) != len(t.cols) {
		t.measure(-1)
	}
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
			n += t.natural[i]
		}
		return n
	}
	for need() > t.width {
		worst := -1
		for j, i := range t.shown {
			if d := t.cols[i].Drop; d > 0 && (worst < 0 || d >= t.cols[t.shown[worst]].Drop) {
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
		w := t.natural[i]
		if c := t.cols[i]; c.Flex {
			w += spare
			if c.Most > 0 {
				// A 200-column terminal should not push the readings
				// a hundred cells away from the name they belong to.
				w = max(t.natural[i], min(w, c.Most))
			}
		}
		t.widths = append(t.widths, w)
	}
}

func (t *Model) render() {
	if t.width <= 0 || t.height <= 0 {
		t.out = ""
		return
	}
	titles := make([]Cell, len(t.cols))
	for i, c := range t.cols {
		titles[i] = Cell{Text: c.Title, Role: theme.RoleMuted}
	}
	lines := []string{t.line(titles, false)}
	switch {
	case len(t.rows) == 0 && t.filter != "":
		lines = append(lines, "  "+t.st.Muted.Render(fmt.Sprintf("nothing matches %q", t.filter)))
	case len(t.rows) == 0:
		lines = append(lines, "  "+t.st.Muted.Render(t.Nothing))
	}
	visible := 0
	for i := t.offset; i < len(t.rows) && len(lines) < t.height; i++ {
		lines = append(lines, t.line(t.rows[i].Cells, i == t.cursor))
		visible++
	}
	for i, l := range lines[1 : len(lines)-visible] { // the notices; rows fit already
		lines[1+i] = ansi.Truncate(l, t.width, "")
	}
	t.out = fitRows(strings.Join(lines, "\n"), t.height)
}

// line draws one row at the chosen widths. The selected row is marked,
// and drawn on the bar's background where the terminal has colour. Inks,
// not lipgloss renders: the overview draws 40 rows of 10 cells a frame.
func (t *Model) line(cells []Cell, selected bool) string {
	tail := t.st.Glyphs().Ellipsis
	inks := &t.inks
	var b strings.Builder
	b.Grow(t.width + 16*len(t.shown))
	if selected {
		inks = &t.picked
		t.mark.Put(&b, cursorMark(t.st))
	} else {
		b.WriteString(strings.Repeat(" ", markWidth))
	}
	n := markWidth - colGap // cells written: the mark, and a gap before all but the first column
	for j, i := range t.shown {
		if i >= len(cells) {
			break
		}
		w, c := t.widths[j], cells[i]
		text, tw := fitCell(c, w, tail)
		pad := strings.Repeat(" ", max(0, w-tw))
		n += colGap + max(w, tw)
		switch {
		case t.cols[i].Right:
			text = pad + text
		case j < len(t.shown)-1 || selected:
			text += pad
		default:
			text = strings.TrimRight(text, " ") // no trailing blanks at the end of a plain line
		}
		if j > 0 && selected {
			t.bar.Put(&b, strings.Repeat(" ", colGap))
		} else if j > 0 {
			b.WriteString(strings.Repeat(" ", colGap))
		}
		inks[c.Role].Put(&b, text)
	}
	if n > t.width { // columns that cannot be dropped are wider than the screen
		return ansi.Truncate(b.String(), t.width, "")
	}
	return b.String()
}

// fitText cuts text to w cells, ending in tail when cut, and returns it
// with its width. Plain ASCII, most cells, is measured by its length
// rather than by a walk of grapheme clusters.
func fitText(text string, w int, tail string) (string, int) {
	if len(text) <= w && plainASCII(text) {
		return text, len(text)
	}
	if n := cellWidth(text); n <= w { // fits: no cut to look for
		return text, n
	}
	text = ansi.Truncate(text, w, tail)
	return text, ansi.StringWidth(text)
}

// cellWidth is the cells text takes: by its length when plain ASCII, by
// its runes when the only others are one cell each (oneCell), else
// measured by grapheme, which costs thirty times as much for the
// overview's thousand cells.
func cellWidth(text string) int {
	n := 0
	for _, r := range text {
		if r < 0x20 || (r >= 0x7f && !oneCell(r)) {
			return ansi.StringWidth(text)
		}
		n++
	}
	return n
}

// oneCell reports the runs of runes the overview's cells draw that take
// one cell each: arrows (U+2190-U+21FF, the ↑ and ↓ of every reading),
// block elements (U+2580-U+259F, a trend's bars) and the middle dot (a
// trend's time before the join).
func oneCell(r rune) bool {
	return (r >= 0x2190 && r <= 0x21ff) || (r >= 0x2580 && r <= 0x259f) || r == 0xb7
}

func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// View is the table drawn by the last change.
func (t *Model) View() string { return t.out }

// cursorMark marks the selected row.
func cursorMark(st theme.Styles) string { return st.Glyphs().Cursor }

// fitRows pads or cuts s to exactly n lines, so the table holds its place
// on screen however few rows it has.
func fitRows(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
