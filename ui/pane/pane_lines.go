// The lines inside a media pane in full, a row per metric, and what
// full and compact lines share: the stream titles.

package pane

import (
	"strconv"

	"github.com/qostop/qostop/model"
)

// fullLines draws every metric of every path with traffic, send above
// receive: per stream a title, then per metric its label, its sparkline
// (rowLines rows high), the top of its scale and its current value, so
// every sparkline of the screen starts at one x and shares one grid.
func (p *Model) fullLines(iw int) []textCell {
	pl := &p.pal
	kinds := rowsFor(p.media)
	label, sw := p.geometry(iw, iw-2-p.fullValueWidth())
	g := p.grid(sw)
	p.bucket(g)
	absent := p.absent(g)
	scw := scaleWidth(pl)
	// A screen whose compact pane narrows the grid (sparkRoom in ui)
	// leaves the full rows room to spare: it goes between the sparklines
	// and their scales, so the values end by the border, not a dozen
	// columns short of it.
	spare := 0
	if p.geo.Grid.Width() > 0 {
		spare = max(iw-label-2-scw-2-p.geo.Value-sw, 0)
	}
	var out []textCell
	var cols []sparkCol
	for d, secs := range p.data.dirs {
		if len(secs) == 0 {
			out = append(out, p.noTraffic(model.Direction(d)))
			continue
		}
		for si := range secs {
			sec := &secs[si]
			out = append(out, p.sectionTitle(sec, false))
			for _, k := range kinds {
				f, _, judged, ok := k.series()
				lines := p.rowLines
				if !ok {
					lines = 1
				}
				var sc model.Scale
				if ok {
					cols, sc = sparkCols(cols, sec.cols[f], f, p.th)
					markAbsent(cols, absent)
				}
				for r := range lines {
					var c textCellBuf
					c.b.Grow(lineBytes(label, sw))
					if r == 0 {
						c.add(pl.muted, k.label())
						writeSpaces(&c.b, label-len(k.label())+1)
						c.w += label - len(k.label()) + 1
					} else {
						writeSpaces(&c.b, label+1)
						c.w += label + 1
					}
					if ok {
						pl.sparkRow(&c.b, cols, sw, sc.Top, judged, lines, r)
					} else {
						writeSpaces(&c.b, sw)
					}
					writeSpaces(&c.b, 1+spare)
					c.w += sw + 1 + spare
					if r == 0 {
						sl := textCell{}
						if ok {
							sl = pl.scaleLabel(f, sc)
						}
						writeFitRight(&c.b, sl, scw)
						c.b.WriteString("  ")
						v := pl.fullValue(k, sec.cur, p.th)
						c.b.WriteString(v.s)
						c.w += scw + 2 + v.w
					}
					out = append(out, c.done())
				}
			}
		}
	}
	return out
}

// lineBytes is about what a line with a sparkline of sw cells takes: up
// to three bytes a glyph, room for a few colour changes, the scale and a
// value. Grown once, the line's builder is not copied at each doubling.
func lineBytes(label, sw int) int { return label + 1 + 3*sw + 192 }

// ValueWidth is the width of the widest value the pane's full rows write
// now ("0.2%  max 0.5% "): the value column is as narrow as that, and the
// sparklines get the rest of the width. The screen takes the widest of
// its panes' (Geometry.Value) so every sparkline ends at one x. It moves
// only when a reading gains or loses a digit or a marker. A pane whose
// height gives it compact lines has no value column: 0.
func (p *Model) ValueWidth() int {
	if !p.full() {
		return 0
	}
	w := 0
	for d := range p.data.dirs {
		for si := range p.data.dirs[d] {
			for _, k := range rowsFor(p.media) {
				w = max(w, p.pal.fullValue(k, p.data.dirs[d][si].cur, p.th).w)
			}
		}
	}
	return w
}

// fullValueWidth is what a full row holds after its sparkline's space:
// the scale, a space and the value column (the screen's, or alone the
// pane's own).
func (p *Model) fullValueWidth() int {
	v := p.geo.Value
	if p.geo.Grid.Width() == 0 {
		v = p.ValueWidth()
	}
	return scaleWidth(&p.pal) + 2 + v
}

// absent is how many of g's leading columns are before the participant
// joined.
func (p *Model) absent(g model.Grid) int {
	if p.geo.Joined.IsZero() {
		return 0
	}
	return g.Before(p.geo.Joined)
}

// geometry is the label width and sparkline width of the lines: the
// screen's when it set a grid, else the label's own and room.
func (p *Model) geometry(iw, room int) (label, sw int) {
	if p.geo.Grid.Width() > 0 {
		return p.geo.Label, p.geo.Grid.Width()
	}
	label = p.LabelWidth()
	return label, max(room-label, 0)
}

// sectionTitle names a stream: "send", "receive via room connector" (on a
// compact line "receive RC"), and when the stream stopped before the
// window's newest sample, when it was last seen (the values shown are
// from then); a compact line says so after its values (seenNote).
func (p *Model) sectionTitle(sec *paneSection, compact bool) textCell {
	var c textCellBuf
	c.add(p.pal.title, sec.key.Dir.String())
	switch {
	case sec.key.Path != model.Client && compact:
		c.add(p.pal.text, " "+[...]string{"", "RC", "WG"}[min(max(int(sec.key.Path), 0), 2)])
	case sec.key.Path != model.Client:
		c.add(p.pal.text, " via "+sec.key.Path.String())
	}
	if !compact && p.data.stale(sec) {
		c.add(p.pal.muted, " (last seen "+p.seen(sec)+")")
	}
	if mos := sec.key.MOSEstimate(sec.cur); !compact && mos.OK {
		// "est." every time: the E-model wants one-way network delay and
		// Zoom's latency is an application round trip.
		c.add(p.pal.muted, "  est. MOS "+strconv.FormatFloat(mos.V, 'f', 1, 64))
	}
	if sc, ok := p.data.zoomScore(p.media); ok && !compact && sec.key.Dir == model.Send {
		c.add(p.pal.muted, scoreText(sc))
	}
	return c.done()
}

// seen is when a stopped stream was last seen, in the pane's zone.
func (p *Model) seen(sec *paneSection) string {
	return sec.lastTime.In(p.loc).Format(p.data.seenLayout())
}

func (p *Model) noTraffic(d model.Direction) textCell {
	var c textCellBuf
	c.add(p.pal.muted, d.String()+": no traffic")
	return c.done()
}
