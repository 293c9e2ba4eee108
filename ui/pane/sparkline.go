package pane

import (
	"math"
	"strings"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// Sparkline glyphs (theme.Glyphs.Spark) go lowest first. A present
// reading always gets at least the lowest glyph, so a real 0 stays
// visible and differs from a gap.

// sparkCol is one sparkline column: a reading (ok false for a gap) and
// the level it is drawn in.
type sparkCol struct {
	v      float64
	ok     bool
	absent bool // a column before the participant joined (theme.Glyphs.Absent)
	lv     model.Level
}

// markAbsent marks the first n columns absent: time before the join.
func markAbsent(cols []sparkCol, n int) {
	for i := range min(n, len(cols)) {
		cols[i].absent = !cols[i].ok
	}
}

// sparkline draws values as one column each, newest at the right, exactly
// width cells. Absent values are a gap (a blank), never drawn as 0. With
// more values than width only the newest width are drawn; with fewer the
// line is blank on the left. Each column is coloured by levels[i] through
// st.Level; with levels nil (an unjudged metric such as bitrate) it takes
// the accent colour.
func sparkline(vals []model.Value, levels []model.Level, width int, st theme.Styles) string {
	if width <= 0 {
		return ""
	}
	start := max(0, len(vals)-width)
	cols := make([]sparkCol, 0, len(vals)-start)
	ceil := 0.0
	for i := start; i < len(vals); i++ {
		c := sparkCol{v: vals[i].V, ok: vals[i].OK}
		if i < len(levels) {
			c.lv = levels[i]
		}
		if c.ok {
			ceil = max(ceil, c.v)
		}
		cols = append(cols, c)
	}
	var pl palette
	pl.glyphs = st.Glyphs()
	for l := model.Unknown; l <= model.Critical; l++ {
		pl.level[l] = theme.InkOf(st.Level(l))
	}
	pl.accent = theme.InkOf(st.Accent)
	var b strings.Builder
	pl.spark(&b, cols, width, ceil, levels != nil)
	return b.String()
}

// spark writes exactly width cells: the columns right-aligned, blank on
// the left when there are fewer columns than cells. Heights scale from 0
// to ceil. Runs of one level share one pair of escape sequences.
func (pl *palette) spark(b *strings.Builder, cols []sparkCol, width int, ceil float64, judged bool) {
	pl.sparkRow(b, cols, width, ceil, judged, 1, 0)
}

// sparkRow writes row r (0 at the top) of a sparkline lines rows high:
// each row holds a 1/lines band of the scale, full glyphs below the
// value's band and blanks above it. A present reading always shows at
// least the lowest glyph of the bottom row, so a real 0 differs from a
// gap, which is blank in every row.
func (pl *palette) sparkRow(b *strings.Builder, cols []sparkCol, width int, ceil float64, judged bool, lines, r int) {
	if width <= 0 {
		return
	}
	lines = max(lines, 1)
	if len(cols) > width {
		cols = cols[len(cols)-width:]
	}
	for range width - len(cols) {
		b.WriteByte(' ')
	}
	runInk, inRun := theme.Ink{}, false
	for _, c := range cols {
		k, glyph := pl.cell(c, ceil, judged, lines, r)
		if glyph == "" {
			if inRun {
				b.WriteString(runInk.Suf)
				inRun = false
			}
			b.WriteByte(' ')
			continue
		}
		if !inRun || k != runInk {
			if inRun {
				b.WriteString(runInk.Suf)
			}
			b.WriteString(k.Pre)
			runInk, inRun = k, true
		}
		b.WriteString(glyph)
	}
	if inRun {
		b.WriteString(runInk.Suf)
	}
}

// cell is column c in row r of a sparkline lines rows high: its ink and
// glyph, or no glyph for a blank (a gap, or above the reading's band).
// Time before the join is the absent glyph in the bottom row.
func (pl *palette) cell(c sparkCol, ceil float64, judged bool, lines, r int) (theme.Ink, string) {
	bottom := r == lines-1
	part := 0.0
	if c.ok && ceil > 0 && c.v > 0 {
		part = min(c.v/ceil, 1)*float64(lines) - float64(lines-1-r)
	}
	switch {
	case c.absent && bottom:
		return pl.muted, pl.glyphs.Absent
	case !c.ok || (!bottom && part <= 0):
		return theme.Ink{}, ""
	}
	k := pl.accent
	if judged {
		k = pl.level[min(max(c.lv, model.Unknown), model.Critical)]
	}
	glyphs := pl.glyphs.Spark
	g := int(math.Ceil(min(part, 1)*float64(len(glyphs)))) - 1
	return k, glyphs[min(max(g, 0), len(glyphs)-1)]
}

// scaleWidth is the width of the scale column: "top 2.5Mbps" is the widest.
func scaleWidth(pl *palette) int { return 7 + textWidth(pl.glyphs.ScaleTop) }

// scaleLabel is the top of a row's scale, e.g. "top 300ms" or "top 5%":
// what a full-height glyph means, worded so it is not read as a limit.
func (pl *palette) scaleLabel(f paneField, sc model.Scale) textCell {
	var c textCellBuf
	top, unit := sc.Top, paneFields[f].Unit()
	if f == fBitrate && sc.Top >= 1000 {
		top, unit = sc.Top/1000, "Mbps"
	}
	c.put(pl.muted, pl.glyphs.ScaleTop, model.FormatNum(top), unit)
	return c.done()
}

// Trend is a one-line sparkline of vals without colour, for a table cell
// (the overview's trend column, whose cells take one role each): one cell
// a value, newest at the right, a gap blank, never 0; the first before
// columns, time before the participant joined, the absent glyph. Heights
// run from 0 to ceil; a value at or past ceil is a full cell.
func Trend(vals []model.Value, before int, ceil float64, g theme.Glyphs) string {
	cols := make([]sparkCol, len(vals))
	for i, v := range vals {
		cols[i] = sparkCol{v: v.V, ok: v.OK}
	}
	markAbsent(cols, before)
	pl := palette{glyphs: g}
	var b strings.Builder
	pl.spark(&b, cols, len(cols), ceil, false)
	return b.String()
}
