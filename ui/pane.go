package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// Layout constants of a media pane, in terminal cells.
const (
	// paneSideBySide is the inner width from which send and receive sit
	// side by side in full mode: two columns of label, a sparkline of about
	// ten cells and the widest value ("0.3%  max 1.9%*"), plus the divider.
	paneSideBySide = 66
	// compactSparkMin is the narrowest sparkline a compact line keeps
	// before it drops fields to make room.
	compactSparkMin = 12
)

// mediaPane draws one medium (audio, video or screen share): send and
// receive over the history window, each metric as a sparkline with its
// current value, inside a titled border.
//
// It is a value type whose rendered string is cached behind a pointer:
// every setter that changes something swaps in a fresh, empty cache, so a
// copy kept by an older Bubble Tea model never sees a newer drawing, and a
// view() through a copy still fills the cache the current model holds.
type mediaPane struct {
	media         model.Media
	width, height int
	th            model.Thresholds
	focused       bool
	pal           palette
	data          paneData
	cache         *paneCache
}

type paneCache struct {
	ok bool
	s  string
}

func newMediaPane(m model.Media) mediaPane {
	return mediaPane{media: m, th: model.DefaultThresholds(), pal: newPalette(theme.Styles{}), cache: &paneCache{}}
}

func (p *mediaPane) invalidate() { p.cache = &paneCache{} }

// setSize sets the outer size, border included; view() is exactly this.
func (p *mediaPane) setSize(width, height int) {
	if p.width == width && p.height == height && p.cache != nil {
		return
	}
	p.width, p.height = width, height
	p.invalidate()
}

// setStyles always redraws: styles cannot be compared, so call it only
// when the theme changes.
func (p *mediaPane) setStyles(st theme.Styles) {
	p.pal = newPalette(st)
	p.invalidate()
}

func (p *mediaPane) setThresholds(th model.Thresholds) {
	if p.th == th && p.cache != nil {
		return
	}
	p.th = th
	p.invalidate()
}

func (p *mediaPane) setFocused(f bool) {
	if p.focused == f && p.cache != nil {
		return
	}
	p.focused = f
	p.invalidate()
}

// setData takes the samples in the current history window, oldest first.
// It always redraws (History replaces samples in place, so the slice alone
// cannot tell whether they changed): call it when History.Version or the
// window moves, not on every message.
func (p *mediaPane) setData(samples []model.Sample) {
	p.data = extractPane(p.media, samples)
	p.invalidate()
}

// view returns the pane, drawn once per change.
func (p *mediaPane) view() string {
	if p.cache == nil {
		return p.render()
	}
	if !p.cache.ok {
		p.cache.s, p.cache.ok = p.render(), true
	}
	return p.cache.s
}

// hasTraffic reports whether any stream of the medium, on any path, had
// data in the window.
func (p *mediaPane) hasTraffic() bool { return p.data.hasTraffic() }

// minHeight is the outer height the pane needs to show everything in full
// or compact mode at its current width (side by side from an inner width
// of paneSideBySide, assumed when no width is set yet). Given less than
// the full height, the pane draws compact; given less than that, it cuts.
func (p *mediaPane) minHeight(compact bool) int {
	iw := p.width - 2
	if p.width <= 0 {
		iw = paneSideBySide
	}
	return 2 + p.rows(iw, compact)
}

// rows counts content lines. Full: a title line plus one per metric for
// each path with traffic; compact: one line per path with traffic. A
// direction without traffic takes one line to say so.
func (p *mediaPane) rows(iw int, compact bool) int {
	if !p.data.hasTraffic() {
		return 1
	}
	var r [2]int
	for d, secs := range p.data.dirs {
		switch {
		case len(secs) == 0:
			r[d] = 1
		case compact:
			r[d] = len(secs)
		default:
			r[d] = len(secs) * (1 + len(rowsFor(p.media)))
		}
	}
	if !compact && iw >= paneSideBySide {
		return max(r[0], r[1])
	}
	return r[0] + r[1]
}

func (p *mediaPane) render() string {
	w, h := p.width, p.height
	if w < 2 || h < 2 {
		return blankBlock(w, h)
	}
	iw, ih := w-2, h-2
	var lines []textCell
	switch {
	case !p.data.hasTraffic():
		var c textCellBuf
		c.add(p.pal.muted, "no "+p.media.String()+" in this window")
		lines = []textCell{c.done()}
	case ih >= p.rows(iw, false):
		// Side by side saves rows; given the rows to stack (an expanded
		// pane), stacking doubles the sparklines' width: more history.
		lines = p.fullLines(iw, iw >= paneSideBySide && ih < p.rows(0, false))
	default:
		lines = p.compactLines(iw)
	}
	return p.frame(lines, iw, ih)
}

// fullLines draws every metric of every path with traffic: per direction a
// title, then label, sparkline and current value per metric, the values
// right-aligned in one column so the sparklines end together; the two
// directions side by side or stacked.
func (p *mediaPane) fullLines(iw int, side bool) []textCell {
	pl := &p.pal
	cw := iw
	if side {
		cw = (iw - 3) / 2
	}
	kinds := rowsFor(p.media)
	var vals [2][][]textCell
	vw := 0
	for d, secs := range p.data.dirs {
		vals[d] = make([][]textCell, len(secs))
		for si := range secs {
			cur := secs[si].cur
			vals[d][si] = make([]textCell, len(kinds))
			for ki, k := range kinds {
				c := pl.fullValue(k, cur, p.th)
				vals[d][si][ki] = c
				vw = max(vw, c.w)
			}
		}
	}
	sw := cw - rowLabelWidth - vw - 2
	var out [2][]textCell
	for d, secs := range p.data.dirs {
		if len(secs) == 0 {
			out[d] = append(out[d], p.noTraffic(model.Direction(d)))
			continue
		}
		for si := range secs {
			sec := &secs[si]
			out[d] = append(out[d], p.sectionTitle(sec, false))
			for ki, k := range kinds {
				var c textCellBuf
				c.add(pl.muted, k.label())
				writeSpaces(&c.b, rowLabelWidth-len(k.label())+1)
				c.w += rowLabelWidth - len(k.label()) + 1
				if sw > 0 {
					if f, m, judged, ok := k.series(); ok {
						cols, peak := sparkBuckets(sec.vals[f], sw, !judged)
						if judged {
							judgeColumns(cols, m, p.th)
							// A calm call draws low bars rather than filling the cell.
							peak = max(peak, p.th[m].Warn)
						}
						pl.spark(&c.b, cols, sw, peak, judged)
					} else {
						writeSpaces(&c.b, sw)
					}
					c.b.WriteByte(' ')
					c.w += sw + 1
				}
				v := vals[d][si][ki]
				writeSpaces(&c.b, vw-v.w)
				c.b.WriteString(v.s)
				c.w += vw
				out[d] = append(out[d], c.done())
			}
		}
	}
	if !side {
		return append(out[0], out[1]...)
	}
	sep := " │ "
	if pl.ascii {
		sep = " | "
	}
	n := max(len(out[0]), len(out[1]))
	lines := make([]textCell, n)
	for i := range lines {
		var left, right textCell
		if i < len(out[0]) {
			left = out[0][i]
		}
		if i < len(out[1]) {
			right = out[1][i]
		}
		var b strings.Builder
		writeFit(&b, left, cw)
		pl.muted.put(&b, sep)
		writeFit(&b, right, cw)
		lines[i] = textCell{b.String(), 2*cw + 3}
	}
	return lines
}

// compactLines gives each path with traffic one line: its label, a
// latency sparkline coloured by the stream's worst level in each column
// (so a loss burst shows red even when latency was fine), then latency,
// jitter, loss and, room permitting, bitrate, frame rate and resolution.
// Fields are aligned in columns across lines and dropped from the right
// of compactField's order when the sparkline would get too short.
func (p *mediaPane) compactLines(iw int) []textCell {
	pl := &p.pal
	type row struct {
		sec    *paneSection
		label  textCell
		fields [numCompactFields]textCell
	}
	var rows []row
	labelW := 0
	var fieldW [numCompactFields]int
	for d := range p.data.dirs {
		secs := p.data.dirs[d]
		if len(secs) == 0 {
			rows = append(rows, row{label: p.noTraffic(model.Direction(d))})
			continue
		}
		for si := range secs {
			r := row{sec: &secs[si], label: p.sectionTitle(&secs[si], true)}
			labelW = max(labelW, r.label.w)
			cur := secs[si].cur
			for f := range numCompactFields {
				if f.applies(p.media) {
					r.fields[f] = pl.compactValue(f, cur, p.th)
					fieldW[f] = max(fieldW[f], r.fields[f].w)
				}
			}
			rows = append(rows, r)
		}
	}
	shown := make([]bool, numCompactFields)
	fixed := labelW + 1
	for f := range numCompactFields {
		if f.applies(p.media) {
			shown[f] = true
			fixed += fieldW[f] + 2
		}
	}
	for f := numCompactFields - 1; f > cfLoss && iw-fixed < compactSparkMin; f-- {
		if shown[f] {
			shown[f] = false
			fixed -= fieldW[f] + 2
		}
	}
	sw := iw - fixed
	lines := make([]textCell, 0, len(rows))
	for _, r := range rows {
		if r.sec == nil {
			lines = append(lines, r.label)
			continue
		}
		var c textCellBuf
		c.b.WriteString(r.label.s)
		writeSpaces(&c.b, labelW-r.label.w+1)
		c.w = labelW + 1
		if sw > 0 {
			cols, peak := streamColumns(r.sec, sw, p.th)
			pl.spark(&c.b, cols, sw, peak, true)
			c.w += sw
		}
		for _, f := range compactOrder {
			if !shown[f] {
				continue
			}
			fc := r.fields[f]
			c.b.WriteString("  ")
			c.b.WriteString(fc.s)
			writeSpaces(&c.b, fieldW[f]-fc.w)
			c.w += 2 + fieldW[f]
		}
		lines = append(lines, c.done())
	}
	return lines
}

// sectionTitle names a stream: "send", "receive via room connector", and
// when the stream stopped before the window's newest sample, when it was
// last seen (the values shown are from then).
func (p *mediaPane) sectionTitle(sec *paneSection, compact bool) textCell {
	var c textCellBuf
	c.add(p.pal.title, sec.key.Dir.String())
	if sec.key.Path != model.Client {
		c.add(p.pal.text, " via "+sec.key.Path.String())
	}
	if !compact && !sec.lastTime.Equal(p.data.newest) {
		c.add(p.pal.muted, " (last seen "+sec.lastTime.Format("15:04")+")")
	}
	return c.done()
}

func (p *mediaPane) noTraffic(d model.Direction) textCell {
	var c textCellBuf
	c.add(p.pal.muted, d.String()+": no traffic")
	return c.done()
}

// frame puts lines inside the border, each fitted to exactly iw cells and
// ih rows, with the medium's name in the top edge. A focused pane's name
// is bracketed so focus shows without colour too.
func (p *mediaPane) frame(lines []textCell, iw, ih int) string {
	pl := &p.pal
	bd, bk := pl.bdr, pl.border
	if p.focused {
		bd, bk = pl.focusBdr, pl.focus
	}
	if bd.Top == "" { // a zero mediaPane, never given styles
		bd, _ = frameInk(theme.Styles{}, lipgloss.Style{})
	}
	var b strings.Builder
	b.Grow((iw + 2) * (ih + 2) * 2)

	title := " " + p.media.String() + " "
	if p.focused {
		title = "[" + p.media.String() + "]"
	}
	tw := 0
	if iw >= 4 {
		title = ansi.Truncate(title, iw-2, "")
		tw = textWidth(title)
	}
	b.WriteString(bk.pre)
	b.WriteString(bd.TopLeft)
	if tw > 0 {
		b.WriteString(bd.Top)
		b.WriteString(bk.suf)
		pl.title.put(&b, title)
		b.WriteString(bk.pre)
		repeatTo(&b, bd.Top, iw-tw-1)
	} else {
		repeatTo(&b, bd.Top, iw)
	}
	b.WriteString(bd.TopRight)
	b.WriteString(bk.suf)

	for i := range ih {
		b.WriteByte('\n')
		bk.put(&b, bd.Left)
		if i < len(lines) {
			writeFit(&b, lines[i], iw)
		} else {
			writeSpaces(&b, iw)
		}
		bk.put(&b, bd.Right)
	}

	b.WriteByte('\n')
	b.WriteString(bk.pre)
	b.WriteString(bd.BottomLeft)
	repeatTo(&b, bd.Bottom, iw)
	b.WriteString(bd.BottomRight)
	b.WriteString(bk.suf)
	return b.String()
}

// palette is a theme.Styles reduced to inks, built once per setStyles so
// a redraw calls lipgloss only for truncation.
type palette struct {
	level                      [4]ink
	text, muted, title, accent ink
	border, focus              ink
	bdr, focusBdr              lipgloss.Border
	ascii                      bool
}

func newPalette(st theme.Styles) palette {
	pl := palette{ascii: st.ASCII()}
	for l := model.Unknown; l <= model.Critical; l++ {
		pl.level[l] = inkOf(st.Level(l))
	}
	pl.text, pl.muted, pl.title, pl.accent = inkOf(st.Text), inkOf(st.Muted), inkOf(st.Title), inkOf(st.Accent)
	pl.bdr, pl.border = frameInk(st, st.Pane)
	pl.focusBdr, pl.focus = frameInk(st, st.Focused)
	return pl
}

// frameInk is a border style's glyphs and colour. Styles without a border
// (the zero value, before setStyles) fall back to plain ASCII or rounded.
func frameInk(st theme.Styles, s lipgloss.Style) (lipgloss.Border, ink) {
	bd := s.GetBorderStyle()
	if bd.TopLeft == "" || bd.Top == "" || bd.Left == "" {
		bd = lipgloss.RoundedBorder()
		if st.ASCII() {
			bd = lipgloss.ASCIIBorder()
		}
	}
	var k ink
	if r := st.Renderer(); r != nil {
		if c := s.GetBorderTopForeground(); c != nil && c != (lipgloss.NoColor{}) {
			k = inkOf(r.NewStyle().Foreground(c))
		}
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

// blankBlock is w×h spaces, for sizes too small for a border.
func blankBlock(w, h int) string {
	if h <= 0 {
		return ""
	}
	line := strings.Repeat(" ", max(w, 0))
	return strings.Repeat(line+"\n", h-1) + line
}
