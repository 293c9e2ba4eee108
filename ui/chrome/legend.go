package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/theme"
)

// Legend is what the full help (?) adds below the keys: how to read
// a value, a sparkline and a chart, wrapped to width. The markers and glyphs
// are the ones the screen draws, ASCII with --ascii.
func Legend(st theme.Styles, width int) string {
	g := st.Glyphs()
	warn, crit := "╌", "━"
	if st.ASCII() {
		warn, crit = "~", "="
	}
	lines := []string{
		// A bar two or three rows high leaves its top rows blank below
		// their band: only a column blank in every row is a gap.
		// ?: the badge and the bar say STALE; the values say it where they are.
		"* over warn  ! over critical  ? older than the stale rule (dim)  - no reading  blank column: no sample in that time",
		// The ramp as drawn, compact lines and tall bars alike, so that
		// "_.-=^#" is not read as six kinds of mark.
		strings.Join(g.Spark, "") + " low to high, to top 300ms: the scale's top, not a limit; tall bars fill up",
		// Before the join is not a gap: no one was there to measure.
		"a column = the window ÷ the width; with several samples, the worst; a sample fills the time it measures  " +
			g.Absent + " before they joined " + g.Joined + " joined " + g.Left + " left (time axis)",
		"chart: " + warn + " warn  " + crit + " critical   RC, WG: through a room connector, the web gateway",
	}
	if st.ASCII() {
		r := strings.NewReplacer("÷", "/")
		for i := range lines {
			lines[i] = r.Replace(lines[i])
		}
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		// Wrapped, not cut: a legend line cut short explains nothing.
		for j, w := range strings.Split(Wordwrap(l, width), "\n") {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(st.Muted.Render(ansi.Truncate(w, width, g.Ellipsis)))
		}
	}
	return b.String()
}
