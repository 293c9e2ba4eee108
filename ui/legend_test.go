package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/theme"
)

// The legend says a gap is a blank column, not a blank: in a bar two rows
// high the top row is blank below half, and "blank: no sample" read as a
// gap there. Narrow, it wraps rather than cut the explanation short.
func TestLegendSaysAGapIsABlankColumn(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		st := theme.NewStyles(colorprofile.Ascii, theme.Dark(), ascii)
		for _, w := range []int{60, 80, 120, 200} {
			l := legendText(st, w)
			if !strings.Contains(flat(l), "blank column: no sample in that time") {
				t.Errorf("ascii=%v %d: the legend does not say a gap is a blank column:\n%s", ascii, w, l)
			}
			if !strings.Contains(flat(l), "a room connector, the web gateway") || !ascii && strings.Contains(l, st.Glyphs().Ellipsis) {
				t.Errorf("ascii=%v %d: the legend is cut:\n%s", ascii, w, l)
			}
			for _, line := range strings.Split(l, "\n") {
				if ansi.StringWidth(line) > w {
					t.Errorf("ascii=%v %d: a legend line is %d wide: %q", ascii, w, ansi.StringWidth(line), line)
				}
			}
		}
	}
}
