package chrome

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
			l := Legend(st, w)
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

// The legend shows the sparkline ramp the screen draws, lowest first, on
// one line at 80 columns: compact lines and tall bars use this one ramp,
// and "_.-=^#" unexplained read as marks of their own.
func TestLegendShowsTheSparklineRamp(t *testing.T) {
	for ascii, ramp := range map[bool]string{false: "▁▂▃▄▅▆▇█", true: "_.-=^#"} {
		st := theme.NewStyles(colorprofile.Ascii, theme.Dark(), ascii)
		if got := strings.Join(st.Glyphs().Spark, ""); got != ramp {
			t.Fatalf("ascii=%v: the sparklines climb %q, the test expects %q", ascii, got, ramp)
		}
		want := ramp + " low to high, to top 300ms: the scale's top, not a limit"
		found := false
		for _, line := range strings.Split(Legend(st, 80), "\n") {
			found = found || strings.HasPrefix(line, want)
		}
		if !found {
			t.Errorf("ascii=%v: no legend line starts %q:\n%s", ascii, want, Legend(st, 80))
		}
		if l := Legend(st, 80); ascii && strings.ContainsFunc(l, func(r rune) bool { return r > 0x7e }) {
			t.Errorf("the ASCII legend holds more than ASCII:\n%s", l)
		}
	}
}

// The legend names the mark of time before the join, which is not a gap,
// and the join and leave marks of the time axis, in the glyphs drawn.
func TestLegendSaysBeforeTheJoin(t *testing.T) {
	for ascii, want := range map[bool]string{false: "· before they joined ▲ joined ▼ left", true: ": before they joined ^ joined v left"} {
		st := theme.NewStyles(colorprofile.Ascii, theme.Dark(), ascii)
		if l := flat(Legend(st, 80)); !strings.Contains(l, want) {
			t.Errorf("ascii=%v: the legend lacks %q:\n%s", ascii, want, l)
		}
	}
}
