package chrome

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// flowHelp lays the full help's groups out to fit width, and gives the
// help model to draw them with: as given, one column a group, where that
// fits; else every binding, in order, flowed down columns of the fewest
// rows that fit side by side, two blanks apart where four do not fit.
// help.Model drops the columns that do not fit behind an ellipsis, and
// at 80 columns the watch screen's fifth (n, N, w, y) was shown nowhere.
func flowHelp(h help.Model, groups [][]key.Binding, width int) (help.Model, [][]key.Binding) {
	h.SetWidth(0) // measure whole: its own cut is what this avoids
	if helpWidth(h, groups) <= width {
		return h, groups
	}
	var all []key.Binding
	tallest := 1
	for _, g := range groups {
		n := 0
		for _, b := range g {
			if b.Enabled() {
				all = append(all, b)
				n++
			}
		}
		tallest = max(tallest, n)
	}
	wide := h.FullSeparator
	for rows := tallest; rows < len(all); rows++ {
		cols := columnsOf(all, rows)
		for _, sep := range []string{wide, "  "} {
			h.FullSeparator = sep
			if helpWidth(h, cols) <= width {
				return h, cols
			}
		}
	}
	return h, [][]key.Binding{all}
}

// columnsOf cuts bs into columns of rows bindings, the last shorter.
func columnsOf(bs []key.Binding, rows int) [][]key.Binding {
	var cols [][]key.Binding
	for len(bs) > 0 {
		n := min(rows, len(bs))
		cols = append(cols, bs[:n:n])
		bs = bs[n:]
	}
	return cols
}

// helpWidth is the width of the full help of groups.
func helpWidth(h help.Model, groups [][]key.Binding) int {
	w := 0
	for _, l := range strings.Split(h.FullHelpView(groups), "\n") {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// HelpKeyRows is how many rows the keys of the full help take at width,
// laid out as fitFullHelp lays them.
func HelpKeyRows(h help.Model, groups [][]key.Binding, width int) int {
	fh, cols := flowHelp(h, groups, width)
	return strings.Count(fh.FullHelpView(cols), "\n") + 1
}
