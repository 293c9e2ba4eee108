// How a media pane writes: styles reduced to raw escape codes once per
// theme, and the string helpers a redraw uses instead of lipgloss.

package pane

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// palette is a theme.Styles reduced to inks, built once per SetStyles so
// a redraw calls lipgloss only for truncation.
type palette struct {
	level                      [4]theme.Ink
	text, muted, title, accent theme.Ink
	border, focus              theme.Ink
	bdr, focusBdr              lipgloss.Border
	glyphs                     theme.Glyphs
}

func newPalette(st theme.Styles) palette {
	pl := palette{glyphs: st.Glyphs()}
	for l := model.Unknown; l <= model.Critical; l++ {
		pl.level[l] = theme.InkOf(st.Level(l))
	}
	pl.text, pl.muted, pl.title, pl.accent = theme.InkOf(st.Text), theme.InkOf(st.Muted), theme.InkOf(st.Title), theme.InkOf(st.Accent)
	pl.bdr, pl.border = frameInk(st, st.Pane)
	pl.focusBdr, pl.focus = frameInk(st, st.Focused)
	return pl
}

// frameInk is a border style's glyphs and colour. Styles without a border
// (the zero value, before SetStyles) fall back to plain ASCII or rounded.
func frameInk(st theme.Styles, s lipgloss.Style) (lipgloss.Border, theme.Ink) {
	bd := s.GetBorderStyle()
	if bd.TopLeft == "" || bd.Top == "" || bd.Left == "" {
		bd = st.Glyphs().Border
	}
	var k theme.Ink
	if c := s.GetBorderTopForeground(); c != (lipgloss.NoColor{}) { // v2 returns NoColor, never nil, when unset
		k = theme.InkOf(st.NewStyle().Foreground(c).Style())
	}
	return bd, k
}

const blanks = "                                                                                                                                "

func writeSpaces(b *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(blanks))
		b.WriteString(blanks[:k])
		n -= k
	}
}

func repeatTo(b *strings.Builder, s string, n int) {
	for range n {
		b.WriteString(s)
	}
}

// writeFit writes c padded or cut to exactly w cells.
func writeFit(b *strings.Builder, c textCell, w int) {
	if c.w > w {
		s := ansi.Truncate(c.s, w, "")
		b.WriteString(s)
		writeSpaces(b, w-ansi.StringWidth(s))
		return
	}
	b.WriteString(c.s)
	writeSpaces(b, w-c.w)
}

// writeFitRight writes c right-aligned in exactly w cells.
func writeFitRight(b *strings.Builder, c textCell, w int) {
	if c.w < w {
		writeSpaces(b, w-c.w)
		c.w = w
	}
	writeFit(b, c, w)
}

// blankBlock is w×h spaces, for sizes too small for a border.
func blankBlock(w, h int) string {
	if h <= 0 {
		return ""
	}
	line := strings.Repeat(" ", max(w, 0))
	return strings.Repeat(line+"\n", h-1) + line
}
