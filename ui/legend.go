package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/theme"
)

// legendText is what the full help (?) adds below the keys: how to read
// a value, a sparkline and a chart, cut to width. The markers and glyphs
// are the ones the screen draws, ASCII with --ascii.
func legendText(st theme.Styles, width int) string {
	g := st.Glyphs()
	warn, crit := "╌", "━"
	if st.ASCII() {
		warn, crit = "~", "="
	}
	lines := []string{
		"* over warn  ! over critical  - no reading  blank: no sample in that time",
		"a column = the window ÷ the width; with several samples, the worst",
		"≤300ms: the top of the row's scale   chart: " + warn + " warn  " + crit + " critical",
		"RC, WG: through a room connector, the web gateway",
	}
	if st.ASCII() {
		r := strings.NewReplacer("÷", "/", "≤", "<=")
		for i := range lines {
			lines[i] = r.Replace(lines[i])
		}
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(st.Muted.Render(ansi.Truncate(l, width, g.Ellipsis)))
	}
	return b.String()
}
