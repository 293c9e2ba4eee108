// The lines inside a media pane: full (a row per metric) and compact (a
// line per stream).

package pane

import (
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
	p.data.bucket(g)
	scw := scaleWidth(pl)
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
				}
				for r := range lines {
					var c textCellBuf
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
					c.b.WriteByte(' ')
					c.w += sw + 1
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

// fullValueReserve is the room a full row keeps for its value, whatever
// the value now: the screen's grid width must not change with the
// readings, or every new sample would bucket the window again.
// "12.5%! max 12.5%!" is the widest a value commonly gets.
const fullValueReserve = 17

// fullValueWidth is what a full row holds after its sparkline's space:
// the scale, a space and the value.
func (p *Model) fullValueWidth() int { return scaleWidth(&p.pal) + 2 + fullValueReserve }

// geometry is the label width and sparkline width of the lines: the
// screen's when it set a grid, else the label's own and room.
func (p *Model) geometry(iw, room int) (label, sw int) {
	if p.geo.Grid.Width() > 0 {
		return p.geo.Label, p.geo.Grid.Width()
	}
	label = p.LabelWidth()
	return label, max(room-label, 0)
}

// compactLines gives each path with traffic one line: its label, a
// latency sparkline coloured by the stream's worst level in each column
// (so a loss burst shows red even when latency was fine), its scale, then
// latency, jitter, loss and, room permitting, bitrate, frame rate and
// resolution. Fields are aligned in columns across lines and dropped from
// the right of compactField's order when they do not fit.
func (p *Model) compactLines(iw int) []textCell {
	pl := &p.pal
	label, sw := p.geometry(iw, iw-1-p.compactFixed(iw, rowLabelWidth))
	// One blank before the border, so the last field never runs into it
	// ("11fps│").
	shown, fieldW := p.compactShown(iw - label - 1 - sw - 1)
	g := p.grid(sw)
	p.data.bucket(g)
	scw := scaleWidth(pl)
	lines := make([]textCell, 0, 4)
	for d := range p.data.dirs {
		secs := p.data.dirs[d]
		if len(secs) == 0 {
			lines = append(lines, p.noTraffic(model.Direction(d)))
			continue
		}
		for si := range secs {
			sec := &secs[si]
			var c textCellBuf
			lt := p.sectionTitle(sec, true)
			writeFit(&c.b, lt, label)
			c.b.WriteByte(' ')
			c.w = label + 1
			cols, sc := streamColumns(sec, p.th)
			pl.sparkRow(&c.b, cols, sw, sc.Top, true, 1, 0)
			c.b.WriteByte(' ')
			writeFitRight(&c.b, pl.scaleLabel(fLatency, sc), scw)
			c.w += sw + 1 + scw
			for _, f := range compactOrder {
				if !shown[f] {
					continue
				}
				fc := pl.compactValue(f, sec.cur, p.th)
				c.b.WriteString("  ")
				c.b.WriteString(fc.s)
				writeSpaces(&c.b, fieldW[f]-fc.w)
				c.w += 2 + fieldW[f]
			}
			lines = append(lines, c.done())
		}
	}
	return lines
}

// compactShown is which fields a compact line shows in room cells after
// its sparkline and scale, and each field's width: all that apply, less
// those at the end of compactField's order that do not fit (latency and
// loss always stay).
func (p *Model) compactShown(room int) ([]bool, [numCompactFields]int) {
	var fieldW [numCompactFields]int
	for _, secs := range p.data.dirs {
		for si := range secs {
			for f := range numCompactFields {
				if f.applies(p.media) {
					fieldW[f] = max(fieldW[f], p.pal.compactValue(f, secs[si].cur, p.th).w)
				}
			}
		}
	}
	shown := make([]bool, numCompactFields)
	used := 1 + scaleWidth(&p.pal)
	for f := range numCompactFields {
		if f.applies(p.media) && (f <= cfLoss || used+2+fieldW[f] <= room) {
			shown[f] = true
			used += 2 + fieldW[f]
		} else {
			break // keep the order: never show a field after a dropped one
		}
	}
	return shown, fieldW
}

// compactReserve is the room a compact line keeps for latency, jitter
// and loss, whatever they read now ("lat 999ms!", "jit 99ms!", "loss
// 9.9%! max 9.9%!"), so the screen's grid width does not change with the
// readings. Bitrate, frame rate and resolution show where there is more.
const compactReserve = 2 + 10 + 2 + 9 + 2 + 20

// compactFixed is what a compact line needs besides its label and
// sparkline: the scale and the reserve, leaving the sparkline at least
// compactSparkMin.
func (p *Model) compactFixed(iw, label int) int {
	n := 1 + scaleWidth(&p.pal) + compactReserve
	return max(min(n, iw-label-1-compactSparkMin), 0)
}

// sectionTitle names a stream: "send", "receive via room connector" (on a
// compact line "receive RC"), and when the stream stopped before the
// window's newest sample, when it was last seen (the values shown are
// from then).
func (p *Model) sectionTitle(sec *paneSection, compact bool) textCell {
	var c textCellBuf
	c.add(p.pal.title, sec.key.Dir.String())
	switch {
	case sec.key.Path != model.Client && compact:
		c.add(p.pal.text, " "+[...]string{"", "RC", "WG"}[min(max(int(sec.key.Path), 0), 2)])
	case sec.key.Path != model.Client:
		c.add(p.pal.text, " via "+sec.key.Path.String())
	}
	if !compact && !sec.lastTime.Equal(p.data.newest) {
		c.add(p.pal.muted, " (last seen "+sec.lastTime.In(p.loc).Format("15:04")+")")
	}
	return c.done()
}

func (p *Model) noTraffic(d model.Direction) textCell {
	var c textCellBuf
	c.add(p.pal.muted, d.String()+": no traffic")
	return c.done()
}
