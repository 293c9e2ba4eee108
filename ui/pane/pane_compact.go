// A compact pane line: one line per stream, its latency sparkline and
// as many whole readings as fit.

package pane

import (
	"github.com/qostop/qostop/model"
)

// compactLines gives each path with traffic one line: its label, a
// latency sparkline coloured by the stream's worst level in each column
// (so a loss burst shows red even when latency was fine), its scale, then
// latency, jitter, loss and, room permitting, bitrate, frame rate and
// resolution. Fields are aligned in columns across lines and dropped
// whole, from the end of compactField's order, when they do not fit.
func (p *Model) compactLines(iw int) []textCell {
	pl := &p.pal
	label, sw := p.geometry(iw, iw-1-p.compactFixed(iw, rowLabelWidth))
	// One blank before the border, so the last field never runs into it
	// ("11fps│").
	shown, stale, fieldW := p.compactShownWithNote(iw - label - 1 - sw - 1)
	scw := scaleWidth(pl)
	// Where not even the latency fits beside the sparkline and its scale
	// (a 40-column split), the line is its readings alone: they are what
	// a reduced screen is for. compactShown keeps the scale's room, so
	// the room given back is the sparkline's, the scale's and its blank.
	bare := !shown[cfLatency]
	if bare {
		shown, stale, fieldW = p.compactShownWithNote(iw - label - 1 - 1 + 1 + scw)
	}
	g := p.grid(sw)
	p.bucket(g)
	absent := p.absent(g)
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
			c.b.Grow(lineBytes(label, sw))
			lt := p.sectionTitle(sec, true)
			writeFit(&c.b, lt, label)
			c.b.WriteByte(' ')
			c.w = label + 1
			if !bare {
				cols, sc := streamColumns(sec, p.th)
				markAbsent(cols, absent)
				pl.sparkRow(&c.b, cols, sw, sc.Top, true, 1, 0)
				c.b.WriteByte(' ')
				writeFitRight(&c.b, pl.scaleLabel(fLatency, sc), scw)
				c.w += sw + 1 + scw
			}
			fields := shown
			if p.data.stale(sec) {
				fields = stale
			}
			for _, f := range compactOrder {
				if !fields[f] {
					continue
				}
				fc := pl.compactValue(f, sec.cur, p.th)
				writeSpaces(&c.b, f.gap())
				c.b.WriteString(fc.s)
				writeSpaces(&c.b, fieldW[f]-fc.w)
				c.w += f.gap() + fieldW[f]
			}
			if p.data.stale(sec) && fields[numCompactFields] {
				c.b.WriteString("  ")
				c.w += 2
				c.add(pl.muted, p.seenNote(sec))
			}
			lines = append(lines, c.done())
		}
	}
	return lines
}

// compactShownWithNote is which fields the compact lines show in room
// cells: shown for a current stream, stale for one that stopped before the
// newest sample, whose readings are from then and must say so: its
// element numCompactFields is whether the note (seenNote) fits after
// them. Stale readings are never shown without it. When every line can
// keep the note's room, all take the same fields, so columns line up.
func (p *Model) compactShownWithNote(room int) (shown, stale []bool, fieldW [numCompactFields]int) {
	noteW := p.noteWidth()
	shown, fieldW = p.compactShown(room)
	if noteW < 0 {
		return shown, shown, fieldW
	}
	stale, _ = p.compactShown(room - 2 - noteW)
	stale = append(stale, 1+scaleWidth(&p.pal)+2+noteW <= room)
	if stale[cfLatency] {
		shown = stale
	}
	return shown, stale, fieldW
}

// noteWidth is the width of the widest seenNote, -1 when every stream
// is current.
func (p *Model) noteWidth() int {
	w := -1
	for _, secs := range p.data.dirs {
		for si := range secs {
			if p.data.stale(&secs[si]) {
				w = max(w, textWidth(p.seenNote(&secs[si])))
			}
		}
	}
	return w
}

// seenNote is what a compact line of a stopped stream says after its
// readings: when they are from, e.g. "seen 11:59:42".
func (p *Model) seenNote(sec *paneSection) string { return "seen " + p.seen(sec) }

// compactShown is which fields a compact line shows in room cells after
// its sparkline and scale, and each field's width: those that apply and
// fit, taken in compactField's order until one does not. A reading is
// shown whole or not at all: a cut one ("max 0.") reads as a real value.
func (p *Model) compactShown(room int) ([]bool, [numCompactFields]int) {
	fieldW := p.fieldWidths()
	shown := make([]bool, numCompactFields)
	used := 1 + scaleWidth(&p.pal)
	for f := range numCompactFields {
		if !f.applies(p.media) || used+f.gap()+fieldW[f] > room {
			break // keep the order: never show a field after a dropped one
		}
		shown[f] = true
		used += f.gap() + fieldW[f]
	}
	return shown, fieldW
}

// fieldWidths is each compact field's width: its widest reading on the
// pane's streams.
func (p *Model) fieldWidths() [numCompactFields]int {
	if p.widths != nil && p.widths.ok {
		return p.widths.w
	}
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
	if p.widths != nil {
		p.widths.w, p.widths.ok = fieldW, true
	}
	return fieldW
}

// compactCore are the fields a compact line always keeps room for:
// latency, jitter, loss and its max.
const compactCore = cfMaxLoss + 1

// compactFixed is what a compact line needs besides its label and
// sparkline: the scale, the core fields as wide as the readings on
// screen need them (as a full row's value column is), the room the note
// of a stream that stopped needs beyond its max loss, and a blank before
// the border; then bitrate,
// frame rate and resolution while the sparkline keeps half the line. The
// sparkline gets the rest, at least compactSparkMin.
func (p *Model) compactFixed(iw, label int) int {
	_, fieldW := p.compactShown(0)
	n := 1 + scaleWidth(&p.pal) + 1
	for f := range compactCore {
		n += f.gap() + fieldW[f]
	}
	if note := p.noteWidth(); note >= 0 {
		// A stopped stream's line drops its max loss for the note
		// (compactShownWithNote) rather than narrow every sparkline.
		n += max(2+note-cfMaxLoss.gap()-fieldW[cfMaxLoss], 0)
	}
	for f := compactCore; f < numCompactFields && f.applies(p.media); f++ {
		if iw-label-1-(n+f.gap()+fieldW[f]) < iw/2 {
			break
		}
		n += f.gap() + fieldW[f]
	}
	return max(min(n, iw-label-1-compactSparkMin), 0)
}

// compactField is one column of a compact line, listed in the order they
// are dropped when the line is too narrow, from the end: resolution
// first, then frame rate, bitrate, max loss, jitter, loss and latency.
type compactField int

const (
	cfLatency compactField = iota
	cfLoss
	cfJitter
	cfMaxLoss
	cfBitrate
	cfFPS
	cfRes
	numCompactFields
)

// compactOrder is the left-to-right order on screen.
var compactOrder = []compactField{cfLatency, cfJitter, cfLoss, cfMaxLoss, cfBitrate, cfFPS, cfRes}

func (f compactField) applies(m model.Media) bool {
	return m != model.Audio || f < cfFPS
}

// gap is the blank before a field: one before max loss, which belongs to
// the loss before it ("loss 0.3% max 1.9%"), two between the others.
func (f compactField) gap() int {
	if f == cfMaxLoss {
		return 1
	}
	return 2
}

// compactValue is one field of a compact line, e.g. "lat 126ms!".
func (pl *palette) compactValue(f compactField, s model.StreamStats, th model.Thresholds) textCell {
	var c textCellBuf
	switch f {
	case cfLatency:
		c.add(pl.muted, "lat ")
		pl.judged(&c, s.LatencyMS, th.Level(model.Latency, s.LatencyMS), "ms", false)
	case cfJitter:
		c.add(pl.muted, "jit ")
		pl.judged(&c, s.JitterMS, th.Level(model.Jitter, s.JitterMS), "ms", false)
	case cfLoss:
		c.add(pl.muted, "loss ")
		pl.judged(&c, s.AvgLossPct, th.Level(model.AvgLoss, s.AvgLossPct), "%", false)
	case cfMaxLoss:
		c.add(pl.muted, "max ")
		pl.judged(&c, s.MaxLossPct, th.Level(model.MaxLoss, s.MaxLossPct), "%", false)
	case cfBitrate:
		pl.plainOr(&c, s.BitrateKbps, fmtBitrate(s.BitrateKbps.V, ""), "- kbps")
	case cfFPS:
		pl.plainOr(&c, s.FrameRateFPS, model.FormatNum(s.FrameRateFPS.V)+"fps", "- fps")
	case cfRes:
		pl.plainOr(&c, model.Value{OK: s.Width.OK && s.Height.OK}, fmtResolution(s), "res -")
	}
	return c.done()
}
