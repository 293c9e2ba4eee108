package pane

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// Layout constants of a media pane, in terminal cells.
const (
	// compactSparkMin is the narrowest sparkline a compact line keeps
	// before it drops fields to make room.
	compactSparkMin = 12
)

// Model draws one medium (audio, video or screen share): send and
// receive over the history window, each metric as a sparkline with its
// current value, inside a titled border.
//
// It is a value type whose rendered string is cached behind a pointer:
// every setter that changes something swaps in a fresh, empty cache, so a
// copy kept by an older Bubble Tea model never sees a newer drawing, and a
// View() through a copy still fills the cache the current model holds.
type Model struct {
	media         model.Media
	width, height int
	th            model.Thresholds
	focused       bool
	pal           palette
	data          paneData
	cache         *paneCache
	version       uint64
	geo           Geometry
	rowLines      int            // rows of a full metric's sparkline, 1 to 3
	loc           *time.Location // where the times it writes are shown
	widths        *fieldWidths   // the compact fields' widths for data and th
}

// fieldWidths memoises compactShown's widths, which a layout asks for
// several times per pane (every candidate size, the grid's room, the
// draw): each asks every stream's every reading to be formatted. Behind a
// pointer, renewed when the data or thresholds change, so copies that
// measure a layout fill the one the pane holds.
type fieldWidths struct {
	ok bool
	w  [numCompactFields]int
}

type paneCache struct {
	ok bool
	s  string
}

// New is an empty pane for medium m with the default thresholds; give it
// styles, a size and data before drawing.
func New(m model.Media) Model {
	return Model{media: m, th: model.DefaultThresholds(), pal: newPalette(theme.Styles{}), cache: &paneCache{}, rowLines: 1,
		loc: time.Local}
}

func (p *Model) invalidate() { p.cache, p.version = &paneCache{}, p.version+1 }

// Version counts the drawings thrown away: it changes whenever a setter
// invalidates the cached string, so a caller can tell a redraw from a
// cached frame (the app's tests check a clock tick redraws no pane).
func (p *Model) Version() uint64 { return p.version }

// SetSize sets the outer size, border included; View() is exactly this.
func (p *Model) SetSize(width, height int) {
	if p.width == width && p.height == height && p.cache != nil {
		return
	}
	p.width, p.height = width, height
	p.invalidate()
}

// SetStyles always redraws: styles cannot be compared, so call it only
// when the theme changes.
func (p *Model) SetStyles(st theme.Styles) {
	p.pal = newPalette(st)
	p.invalidate()
}

func (p *Model) SetThresholds(th model.Thresholds) {
	if p.th == th && p.cache != nil {
		return
	}
	p.th = th
	p.widths = &fieldWidths{}
	p.invalidate()
}

// SetLocation sets where the times the pane writes ("last seen 14:05")
// are shown: the screen's zone, local or --utc, as its time axis.
func (p *Model) SetLocation(loc *time.Location) {
	if loc == nil || p.loc == loc {
		return
	}
	p.loc = loc
	p.invalidate()
}

func (p *Model) SetFocused(f bool) {
	if p.focused == f && p.cache != nil {
		return
	}
	p.focused = f
	p.invalidate()
}

// SetData takes the samples in the current history window, oldest first.
// It always redraws (History replaces samples in place, so the slice alone
// cannot tell whether they changed): call it when History.Version or the
// window moves, not on every message.
func (p *Model) SetData(samples []model.Sample) {
	p.data = extractPane(p.media, samples)
	p.widths = &fieldWidths{}
	if p.geo.Grid.Width() > 0 {
		p.bucket(p.geo.Grid) // now, so Append can carry the columns on
	}
	p.invalidate()
}

// view returns the pane, drawn once per change.
func (p *Model) View() string {
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
func (p *Model) hasTraffic() bool { return p.data.hasTraffic() }

// SetRowLines sets how many rows high a full metric row's sparkline is
// (1 to 3): where the screen has rows to spare, taller bars show more.
func (p *Model) SetRowLines(n int) {
	n = min(max(n, 1), 3)
	if p.rowLines == n && p.cache != nil {
		return
	}
	p.rowLines = n
	p.invalidate()
}

// MinHeight is the outer height the pane needs to show everything in full
// or compact mode. Given less than the full height, the pane draws
// compact; given less than that, it cuts.
func (p *Model) MinHeight(compact bool) int { return 2 + p.rows(p.width-2, compact) }

// rows counts content lines. Full: a title line plus one per metric for
// each path with traffic; compact: one line per path with traffic. A
// direction without traffic takes one line to say so.
func (p *Model) rows(iw int, compact bool) int {
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
			// A title, the metrics rowLines high, resolution one line.
			kinds := len(rowsFor(p.media))
			per := 1 + kinds*max(p.rowLines, 1)
			if p.media != model.Audio {
				per -= max(p.rowLines, 1) - 1
			}
			r[d] = len(secs) * per
		}
	}
	return r[0] + r[1]
}

func (p *Model) render() string {
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
		lines = p.fullLines(iw)
	default:
		lines = p.compactLines(iw)
	}
	return p.frame(lines, iw, ih)
}

// frame puts lines inside the border, each fitted to exactly iw cells and
// ih rows, with the medium's name in the top edge. A focused pane's name
// is bracketed so focus shows without colour too.
func (p *Model) frame(lines []textCell, iw, ih int) string {
	pl := &p.pal
	bd, bk := pl.bdr, pl.border
	if p.focused {
		bd, bk = pl.focusBdr, pl.focus
	}
	if bd.Top == "" { // a zero Model, never given styles
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
	b.WriteString(bk.Pre)
	b.WriteString(bd.TopLeft)
	if tw > 0 {
		b.WriteString(bd.Top)
		b.WriteString(bk.Suf)
		pl.title.Put(&b, title)
		b.WriteString(bk.Pre)
		repeatTo(&b, bd.Top, iw-tw-1)
	} else {
		repeatTo(&b, bd.Top, iw)
	}
	b.WriteString(bd.TopRight)
	b.WriteString(bk.Suf)

	for i := range ih {
		b.WriteByte('\n')
		bk.Put(&b, bd.Left)
		if i < len(lines) {
			writeFit(&b, lines[i], iw)
		} else {
			writeSpaces(&b, iw)
		}
		bk.Put(&b, bd.Right)
	}

	b.WriteByte('\n')
	b.WriteString(bk.Pre)
	b.WriteString(bd.BottomLeft)
	repeatTo(&b, bd.Bottom, iw)
	b.WriteString(bd.BottomRight)
	b.WriteString(bk.Suf)
	return b.String()
}
