// The lines inside a media pane: full (a row per metric) and compact (a
// line per stream).

package pane

import (
	"strings"

	"github.com/qostop/qostop/model"
)

// fullLines draws every metric of every path with traffic: per direction a
// title, then label, sparkline and current value per metric, the values
// right-aligned in one column so the sparklines end together; the two
// directions side by side or stacked.
func (p *Model) fullLines(iw int, side bool) []textCell {
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
	sep := pl.glyphs.Column
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
func (p *Model) compactLines(iw int) []textCell {
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
func (p *Model) sectionTitle(sec *paneSection, compact bool) textCell {
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

func (p *Model) noTraffic(d model.Direction) textCell {
	var c textCellBuf
	c.add(p.pal.muted, d.String()+": no traffic")
	return c.done()
}
