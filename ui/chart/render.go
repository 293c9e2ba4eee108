package chart

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/qostop/qostop/theme"
)

// ntcharts' canvas View renders every cell through lipgloss (about 80 %
// of a rebuild at 200x60); writing a run of cells of one role between one
// pair of escape sequences (a theme.Ink) costs a few string writes instead.

// role is what a canvas cell shows, which decides its ink.
type role int

const (
	roleBlank role = iota
	roleLine
	roleWarn
	roleCrit
	roleAxis
	roleLabel
	roleCursor
	roleMarker
	numRoles
)

// inks are the inks of one panel, by role.
type inks [numRoles]theme.Ink

func newInks(st Styles, line lipgloss.Style) inks {
	var k inks
	k[roleLine], k[roleWarn], k[roleCrit] = theme.InkOf(line), theme.InkOf(st.Warn), theme.InkOf(st.Critical)
	k[roleAxis], k[roleLabel], k[roleCursor] = theme.InkOf(st.Axis), theme.InkOf(st.Label), theme.InkOf(st.Cursor)
	k[roleMarker] = theme.InkOf(st.Marker)
	return k
}

// roleAt tells a cell's role from where it is: the chart's layout is
// fixed (labels left of the y axis and under the x axis, the graph above
// and right of them), and in the graph the rune says line or threshold.
func (p *panel) roleAt(f *frame, x, y int, r rune) role {
	o := p.lc.Origin()
	switch {
	case r == 0 || r == ' ':
		return roleBlank
	case p.isMarker(f, x, y, r):
		return roleMarker
	case x == o.X && y <= o.Y, y == o.Y && x > o.X:
		return roleAxis
	case x < o.X || y > o.Y:
		return roleLabel
	case r == f.g.warn:
		return roleWarn
	case r == f.g.crit:
		return roleCrit
	}
	return roleLine
}

// view writes the panel's canvas, one line per row, without a trailing
// newline, with the cursor's line in column cx (none when cx < 0).
func (p *panel) view(b *strings.Builder, f *frame, k *inks, cx int) {
	for y := range p.h {
		if y > 0 {
			b.WriteByte('\n')
		}
		cur := roleBlank
		for x := range p.w {
			r := p.cell(x, y).Rune
			rl := p.roleAt(f, x, y, r)
			if x == cx {
				r, rl = p.cursorCell(f, y, r, rl)
			}
			if rl != cur {
				b.WriteString(k[cur].Suf)
				b.WriteString(k[rl].Pre)
				cur = rl
			}
			if rl == roleBlank {
				b.WriteByte(' ')
			} else {
				b.WriteRune(r)
			}
		}
		b.WriteString(k[cur].Suf)
	}
}
