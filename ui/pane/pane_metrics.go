package pane

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// paneField is one per-sample reading a section keeps for its sparklines.
type paneField int

const (
	fLatency paneField = iota
	fJitter
	fAvgLoss
	fMaxLoss
	fBitrate
	fFPS
	numFields
)

// paneSection is one stream (medium, direction, path) that had traffic in
// the window. Its readings are bucketed per field on the screen's grid
// (grid.go), so every section's sparklines share one time axis and a
// redraw scans flat slices instead of maps.
type paneSection struct {
	key      model.StreamKey
	cols     [numFields][]model.Value // by paneField, on paneData.grid
	cur      model.StreamStats        // the newest sample that holds the stream
	lastTime time.Time
}

// paneData is what SetData learns from the window once: its streams and
// their newest readings; the columns are bucketed when first drawn.
type paneData struct {
	samples  []model.Sample // the window, oldest first (shared, read only)
	newest   time.Time
	step     time.Duration    // the smallest gap between samples: their cadence, 0 with one
	dirs     [2][]paneSection // by model.Direction; only paths with traffic
	grid     model.Grid       // the grid the columns are on
	reach    reach            // how the samples reached over it
	bucketed bool
}

// extractPane finds medium m's streams in the window. A stream object
// with every field empty counts as no traffic, as Zoom's "" means no data.
func extractPane(m model.Media, samples []model.Sample) paneData {
	n := len(samples)
	d := paneData{samples: samples}
	if n > 0 {
		d.newest = samples[n-1].Time
	}
	var secs [2][3]*paneSection
	for i := range samples {
		s := &samples[i]
		if i > 0 {
			d.step = minStep(d.step, s.Time.Sub(samples[i-1].Time))
		}
		for k, st := range s.Streams {
			if k.Media != m || k.Dir < model.Send || k.Dir > model.Receive || k.Path < model.Client || k.Path > model.RWG || st.Empty() {
				continue
			}
			sec := secs[k.Dir][k.Path]
			if sec == nil {
				sec = &paneSection{key: k}
				secs[k.Dir][k.Path] = sec
			}
			sec.cur, sec.lastTime = st, s.Time // samples are oldest first
		}
	}
	for di := range secs {
		for _, sec := range secs[di] {
			if sec != nil {
				d.dirs[di] = append(d.dirs[di], *sec)
			}
		}
	}
	return d
}

// minStep is the smaller of the cadence so far and a new gap; a gap that
// is not positive (a replaced sample) says nothing.
func minStep(step, gap time.Duration) time.Duration {
	if gap > 0 && (step == 0 || gap < step) {
		return gap
	}
	return step
}

// seenLayout is how a time the pane writes is shown: with seconds when
// samples come more often than once a minute, where HH:MM says too little.
func (d *paneData) seenLayout() string {
	if d.step > 0 && d.step < time.Minute {
		return "15:04:05"
	}
	return "15:04"
}

// stale reports whether sec stopped before the window's newest sample, so
// the readings shown for it are from then, not now.
func (d *paneData) stale(sec *paneSection) bool { return !sec.lastTime.Equal(d.newest) }

func (d paneData) hasTraffic() bool { return len(d.dirs[0])+len(d.dirs[1]) > 0 }

// rowKind is one metric row of a full pane.
type rowKind int

const (
	rowLatency rowKind = iota
	rowJitter
	rowLoss
	rowBitrate
	rowFPS
	rowRes
)

var (
	audioRows = []rowKind{rowLatency, rowJitter, rowLoss, rowBitrate}
	videoRows = []rowKind{rowLatency, rowJitter, rowLoss, rowBitrate, rowFPS, rowRes}
)

func rowsFor(m model.Media) []rowKind {
	if m == model.Audio {
		return audioRows
	}
	return videoRows
}

// rowLabelWidth fits the longest label, "latency" and "bitrate".
const rowLabelWidth = 7

func (k rowKind) label() string {
	return [...]string{"latency", "jitter", "loss", "bitrate", "frames", "res"}[k]
}

// series says what a row's sparkline plots and whether it is judged; ok is
// false for resolution, which is text only.
func (k rowKind) series() (f paneField, m model.Metric, judged, ok bool) {
	switch k {
	case rowLatency:
		return fLatency, model.Latency, true, true
	case rowJitter:
		return fJitter, model.Jitter, true, true
	case rowLoss:
		return fAvgLoss, model.AvgLoss, true, true
	case rowBitrate:
		return fBitrate, 0, false, true
	case rowFPS:
		return fFPS, 0, false, true
	}
	return 0, 0, false, false
}

// sparkCols is one field's columns as a sparkline draws them, with the
// top of its scale: a judged field is coloured by its level in each column
// and its scale reaches at least the warn threshold (loss at least 5 %),
// so a calm call draws low bars and a 0.06 % wiggle draws flat; bitrate
// and frame rate scale to the data.
func sparkCols(dst []sparkCol, vals []model.Value, f paneField, th model.Thresholds) ([]sparkCol, model.Scale) {
	dst = dst[:0]
	mf := paneFields[f]
	m, judged := mf.Metric()
	for _, v := range vals {
		c := sparkCol{v: v.V, ok: v.OK}
		if judged && v.OK {
			c.lv = th.Level(m, v)
		}
		dst = append(dst, c)
	}
	return dst, model.ScaleFor(mf, th, model.Peak(vals))
}

// streamJudged are the readings model.Thresholds.StreamLevel judges.
var streamJudged = [...]struct {
	f paneField
	m model.Metric
}{{fLatency, model.Latency}, {fJitter, model.Jitter}, {fAvgLoss, model.AvgLoss}, {fMaxLoss, model.MaxLoss}}

// streamColumns is a compact line's sparkline: latency for height, the
// stream's worst level (as StreamLevel judges it) for colour, so a loss
// burst shows even when latency was calm.
func streamColumns(sec *paneSection, th model.Thresholds) ([]sparkCol, model.Scale) {
	cols, sc := sparkCols(nil, sec.cols[fLatency], fLatency, th)
	for _, j := range streamJudged {
		for i, v := range sec.cols[j.f] {
			if v.OK {
				cols[i].lv = max(cols[i].lv, th.Level(j.m, v))
			}
		}
	}
	return cols, sc
}

// textCell is a styled piece of a line and its width in terminal cells.
type textCell struct {
	s string
	w int
}

type textCellBuf struct {
	b strings.Builder
	w int
}

func (c *textCellBuf) add(k theme.Ink, s string) { c.put(k, s) }

// put writes text, then more, in one run of ink k: one pair of escape
// codes and no joined string.
func (c *textCellBuf) put(k theme.Ink, text string, more ...string) {
	if c.b.Cap() == 0 {
		c.b.Grow(48) // a value or a scale: one allocation, not one per doubling
	}
	c.b.WriteString(k.Pre)
	c.b.WriteString(text)
	c.w += textWidth(text)
	for _, m := range more {
		c.b.WriteString(m)
		c.w += textWidth(m)
	}
	if k.Pre != "" {
		c.b.WriteString(k.Suf)
	}
}

func (c *textCellBuf) done() textCell { return textCell{c.b.String(), c.w} }

// textWidth is the width of unstyled text; ASCII skips the grapheme walk.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

func fmtBitrate(kbps float64, sep string) string {
	if kbps >= 10000 {
		return model.FormatNum(kbps/1000) + sep + "Mbps"
	}
	return model.FormatNum(kbps) + sep + "kbps"
}

// judged writes a judged reading in its level's colour followed by the
// colour-free marker. A full row always writes the marker cell (blank when
// healthy) so digits line up; a compact line writes only a real marker.
func (pl *palette) judged(c *textCellBuf, v model.Value, lv model.Level, unit string, full bool) {
	if !v.OK {
		c.add(pl.muted, "-")
		if full {
			c.add(theme.Ink{}, " ")
		}
		return
	}
	mark := theme.Marker(lv)
	if !full && mark == " " {
		mark = ""
	}
	c.put(pl.level[lv], model.FormatNum(v.V), unit, mark)
}

// plain writes an unjudged reading, or a muted "-" when absent.
func (pl *palette) plain(c *textCellBuf, v model.Value, text string) { pl.plainOr(c, v, text, "-") }

// plainOr is plain with the absent text given: a compact line has no row
// label, so its "-" keeps the unit to say what is missing.
func (pl *palette) plainOr(c *textCellBuf, v model.Value, text, absent string) {
	if !v.OK {
		c.add(pl.muted, absent)
		return
	}
	c.add(pl.text, text)
}

// fullValue is the value column of a full row: the current reading with
// unit and marker, e.g. "126 ms!" or "0.3%  max 1.9%*".
func (pl *palette) fullValue(k rowKind, s model.StreamStats, th model.Thresholds) textCell {
	var c textCellBuf
	switch k {
	case rowLatency:
		pl.judged(&c, s.LatencyMS, th.Level(model.Latency, s.LatencyMS), " ms", true)
	case rowJitter:
		pl.judged(&c, s.JitterMS, th.Level(model.Jitter, s.JitterMS), " ms", true)
	case rowLoss:
		pl.judged(&c, s.AvgLossPct, th.Level(model.AvgLoss, s.AvgLossPct), "%", true)
		c.add(pl.muted, " max ")
		pl.judged(&c, s.MaxLossPct, th.Level(model.MaxLoss, s.MaxLossPct), "%", true)
	case rowBitrate:
		pl.plain(&c, s.BitrateKbps, fmtBitrate(s.BitrateKbps.V, " "))
		c.add(theme.Ink{}, " ")
	case rowFPS:
		pl.plain(&c, s.FrameRateFPS, model.FormatNum(s.FrameRateFPS.V)+" fps")
		c.add(theme.Ink{}, " ")
	case rowRes:
		pl.plain(&c, model.Value{OK: s.Width.OK && s.Height.OK}, fmtResolution(s))
		c.add(theme.Ink{}, " ")
	}
	return c.done()
}

func fmtResolution(s model.StreamStats) string {
	return strconv.Itoa(int(s.Width.V)) + "x" + strconv.Itoa(int(s.Height.V))
}
