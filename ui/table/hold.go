package table

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Stable columns. A Fit column is as wide as its widest cell, so one
// reading of 1234 ms among 2-digit ones widened it for one refresh and
// the flexible name column shrank and grew back ("22 -> 21 -> 16
// characters"): rows jumped under the reader's eye. Given the time of
// the data (SetRowsAt), a Fit column keeps the widest it was for
// holdFor, widening at once when the data needs more.

// holdFor is how long a Fit column keeps a width its cells no longer need.
const holdFor = time.Minute

// SetRowsAt is SetRows for rows of data that arrived at now: the Fit
// columns' widths shrink only once holdFor has passed since they were
// last needed.
func (t *Model) SetRowsAt(rows []Row, now time.Time) {
	t.now = now
	t.SetRows(rows)
}

// held is column j's width w, or the wider width it had within holdFor.
func (t *Model) held(j, w int) int {
	if t.now.IsZero() {
		return w
	}
	if len(t.hold) != len(t.cols) {
		t.hold, t.holdAt = make([]int, len(t.cols)), make([]time.Time, len(t.cols))
	}
	if w >= t.hold[j] || t.now.Sub(t.holdAt[j]) >= holdFor {
		t.hold[j], t.holdAt[j] = w, t.now
		return w
	}
	return t.hold[j]
}

// release forgets column i's held width: its content changed meaning
// (the overview's m), so its old widths say nothing.
func (t *Model) release(i int) {
	if i < len(t.hold) {
		t.hold[i] = 0
	}
}

// minKept is the least of a cell's Text worth showing before its Keep:
// fewer cells of a name say nothing, and the Keep alone is clearer.
const minKept = 4

// fitCell is fitText for a cell with a Keep: the Keep is never cut, the
// Text gives way first, and goes whole when less than minKept of it
// would show. A Keep wider than w is shown whole all the same: the
// flexible column is never narrower than its widest Keep (measure).
func fitCell(c Cell, w int, tail string) (string, int) {
	if c.Keep == "" {
		return fitText(c.Text, w, tail)
	}
	kw := cellWidth(c.Keep)
	if c.Text == "" {
		return c.Keep, kw
	}
	if full := c.Text + " " + c.Keep; cellWidth(full) <= w {
		return full, cellWidth(full)
	}
	room := w - kw - 1
	if room < minKept {
		return c.Keep, kw
	}
	head := ansi.Truncate(strings.TrimRight(c.Text, " "), room, tail)
	return head + " " + c.Keep, ansi.StringWidth(head) + 1 + kw
}

// keepWidth is the widest Keep of column j, at least the column's Width.
func (t *Model) keepWidth(j int) int {
	w := t.cols[j].Width
	for _, r := range t.all {
		if j < len(r.Cells) && r.Cells[j].Keep != "" {
			w = max(w, cellWidth(r.Cells[j].Keep))
		}
	}
	return w
}
