package chart

import (
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

// frame works out what both panels share: the scale over every reading
// drawn (both directions, so the panels compare), its ticks, and the
// threshold lines that fall on it.
func (m *Model) frame() frame {
	f := frame{start: m.start, end: m.end, gapAfter: m.cadence * 3 / 2, ascii: m.ascii, loc: m.loc, g: unicodeGlyphs,
		joined: m.joined, left: m.left, markers: m.markers, live: m.live()}
	if m.ascii {
		f.g = asciiGlyphs
	}
	dirs := m.dirs()
	peak := model.None
	for _, d := range dirs {
		forRuns(m.series[d], &f, func(run []model.Point) {
			for _, p := range run {
				peak = model.HigherWorse.Pick(peak, p.V)
			}
		})
	}
	f.scale = model.ScaleFor(m.field, m.th, peak)
	graphRows := (m.height-len(dirs))/len(dirs) - 2
	f.ticks, f.step = f.scale.Ticks(min(graphRows/2+1, 11))
	for _, v := range f.ticks {
		f.labelW = max(f.labelW, len(model.FormatTick(v, f.step)))
	}
	if mt, ok := m.field.Metric(); ok {
		for _, th := range []threshold{
			{v: m.th[mt].Warn, glyph: f.g.warn, style: m.st.Warn},
			{v: m.th[mt].Critical, glyph: f.g.crit, style: m.st.Critical},
		} {
			if th.v >= 0 && th.v <= f.scale.Top {
				f.lines = append(f.lines, th)
			}
		}
	}
	return f
}

// stats are a series' readings over the view, and its newest reading.
type stats struct {
	now         model.Value
	lo, hi, sum float64
	n           int
}

func viewStats(pts []model.Point, f *frame) stats {
	var s stats
	if len(pts) > 0 {
		if last := pts[len(pts)-1]; finite(last.V) {
			s.now = last.V
		}
	}
	for _, p := range pts {
		if !finite(p.V) || p.Time.Before(f.start) || p.Time.After(f.end) {
			continue
		}
		if s.n == 0 {
			s.lo, s.hi = p.V.V, p.V.V
		}
		s.lo, s.hi, s.sum = min(s.lo, p.V.V), max(s.hi, p.V.V), s.sum+p.V.V
		s.n++
	}
	return s
}

// legend states both limits of the field in force, "╌ warn 150  ━ crit
// 300 ms", each after the glyph of its line: a limit above the scale has
// no line, but a reader still asks how far off it is. None for a field
// without thresholds.
func (m *Model) legend(f *frame) []piece {
	mt, ok := m.field.Metric()
	if !ok {
		return nil
	}
	st, unit := &m.st, m.field.Unit()
	if unit != "%" {
		unit = " " + unit
	}
	return []piece{{string(f.g.warn), st.Warn}, {" warn " + num(m.th[mt].Warn) + "  ", st.Muted},
		{string(f.g.crit), st.Critical}, {" crit " + num(m.th[mt].Critical) + unit, st.Muted}}
}

// piece is a run of title text in one style.
type piece struct {
	s  string
	st lipgloss.Style
}

// title is a panel's heading, exactly w cells: the field and direction,
// the reading at the cursor when it is shown, the newest reading (a
// stream that stopped shows "-", never 0), min, avg and max over the
// view, and on the right the limits. When it does not fit, avg, min and
// max go first, then (with the cursor) now, then the limits.
func (m *Model) title(f *frame, dir model.Direction, w int) string {
	s := viewStats(m.series[dir], f)
	st := &m.st
	head := []piece{{m.field.String() + " " + dir.String(), st.Title}}
	now := []piece{{"  now ", st.Muted}, {s.now.String(), st.Value}}
	if s.now.OK {
		now[1].s = num(s.now.V)
		now = append(now, piece{" " + m.field.Unit(), st.Muted})
	}
	var opt [][]piece // dropped from the end when short of room
	if m.cursor.IsZero() {
		head = append(head, now...)
	} else {
		head = append(head, m.reading(f, dir)...)
		opt = append(opt, now)
	}
	shown := len(opt) // opt[shown:] are min, avg and max, or the note
	if s.n == 0 {
		opt = append(opt, []piece{{"  no readings in view", st.Muted}})
	} else {
		opt = append(opt,
			[]piece{{"  max ", st.Muted}, {num(s.hi), st.Value}},
			[]piece{{"  min ", st.Muted}, {num(s.lo), st.Value}},
			[]piece{{"  avg ", st.Muted}, {num(s.sum / float64(s.n)), st.Value}})
	}
	legend := m.legend(f)
	room := w // what the readings may take: the legend's is kept for it
	if len(legend) > 0 && width(head)+2+width(legend) <= w {
		room -= 2 + width(legend)
	}
	keep := len(opt)
	for ; keep > 0 && width(head)+widthAll(opt[:keep]) > room; keep-- {
	}
	// The order shown is now, min, avg, max; opt is in the order they drop.
	order := []int{0}
	if s.n > 0 {
		order = []int{1, 2, 0}
	}
	line := append([]piece(nil), head...)
	for i := range min(shown, keep) {
		line = append(line, opt[i]...)
	}
	for _, i := range order {
		if shown+i < keep {
			line = append(line, opt[shown+i]...)
		}
	}
	if len(legend) > 0 && width(line)+2+width(legend) <= w {
		line = append(line, piece{strings.Repeat(" ", w-width(line)-width(legend)), lipgloss.Style{}})
		line = append(line, legend...)
	}
	return renderLine(line, w)
}

func width(ps []piece) int {
	n := 0
	for _, p := range ps {
		n += lipgloss.Width(p.s)
	}
	return n
}

func widthAll(pss [][]piece) int {
	n := 0
	for _, ps := range pss {
		n += width(ps)
	}
	return n
}

// renderLine writes pieces, cut or padded to exactly w cells.
func renderLine(ps []piece, w int) string {
	var b strings.Builder
	left := w
	for _, p := range ps {
		s := p.s
		if pw := lipgloss.Width(s); pw > left {
			s = ansi.Truncate(s, left, "") // a marker's note may hold wide characters
		}
		left -= lipgloss.Width(s)
		if s != "" {
			b.WriteString(p.st.Render(s))
		}
	}
	b.WriteString(strings.Repeat(" ", left))
	return b.String()
}

// note fills w x h with one line of muted text at the top left.
func note(b *strings.Builder, st Styles, s string, w, h int) string {
	b.WriteString(renderLine([]piece{{s, st.Muted}}, w))
	for range h - 1 {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat(" ", w))
	}
	return b.String()
}

// num writes a reading compactly: 126, 14.5, 0.06.
func num(v float64) string {
	a := math.Abs(v)
	prec := 2
	switch {
	case a >= 1e6:
		return strconv.FormatFloat(v, 'g', 3, 64)
	case a >= 100:
		prec = 0
	case a >= 10:
		prec = 1
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
