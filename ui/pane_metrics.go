package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// paneSection is one stream (medium, direction, path) that had traffic in
// the window, its stats laid out by window index so every section's
// sparklines share one time axis.
type paneSection struct {
	key      model.StreamKey
	stats    []model.StreamStats // one per window sample; zero where absent
	present  []bool
	last     int // index of the newest sample that holds the stream
	lastTime time.Time
}

// paneData is what setData extracts from the window once, so a resize or a
// theme change redraws without walking every sample's stream map again.
type paneData struct {
	n      int
	newest time.Time
	dirs   [2][]paneSection // by model.Direction; only paths with traffic
}

// extractPane picks medium m's streams out of the window. A stream object
// with every field empty counts as no traffic, as Zoom's "" means no data.
func extractPane(m model.Media, samples []model.Sample) paneData {
	d := paneData{n: len(samples)}
	if len(samples) > 0 {
		d.newest = samples[len(samples)-1].Time
	}
	var keys [2][3]model.StreamKey
	var secs [2][3]*paneSection
	for di, dir := range []model.Direction{model.Send, model.Receive} {
		for pi, path := range model.Paths {
			keys[di][pi] = model.StreamKey{Media: m, Dir: dir, Path: path}
		}
	}
	for i, s := range samples {
		if len(s.Streams) == 0 {
			continue
		}
		for di := range keys {
			for pi, k := range keys[di] {
				st, ok := s.Streams[k]
				if !ok || st.Empty() {
					continue
				}
				sec := secs[di][pi]
				if sec == nil {
					sec = &paneSection{key: k, stats: make([]model.StreamStats, len(samples)), present: make([]bool, len(samples))}
					secs[di][pi] = sec
				}
				sec.stats[i], sec.present[i], sec.last, sec.lastTime = st, true, i, s.Time
			}
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

func (d paneData) hasTraffic() bool { return len(d.dirs[0])+len(d.dirs[1]) > 0 }

// current is the section's newest sample: the values the pane prints.
func (s *paneSection) current() model.StreamStats { return s.stats[s.last] }

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

// series says what a row's sparkline plots: the field, whether and how it
// is judged, and how a column that covers several samples sums them up.
// Judged metrics keep the worst reading of a column, so a one-minute spike
// survives a day-long window; bitrate and frame rate keep the mean.
type series struct {
	field  func(model.StreamStats) model.Value
	metric model.Metric
	judged bool
}

func (k rowKind) series() (series, bool) {
	switch k {
	case rowLatency:
		return series{func(s model.StreamStats) model.Value { return s.LatencyMS }, model.Latency, true}, true
	case rowJitter:
		return series{func(s model.StreamStats) model.Value { return s.JitterMS }, model.Jitter, true}, true
	case rowLoss:
		return series{func(s model.StreamStats) model.Value { return s.AvgLossPct }, model.AvgLoss, true}, true
	case rowBitrate:
		return series{field: func(s model.StreamStats) model.Value { return s.BitrateKbps }}, true
	case rowFPS:
		return series{field: func(s model.StreamStats) model.Value { return s.FrameRateFPS }}, true
	}
	return series{}, false
}

// columns reduces a section to width sparkline columns aligned to the
// window (one per sample when they fit, else buckets of neighbouring
// samples, newest at the right) and returns the height the tallest column
// should reach. For a judged metric that height is at least the warn
// bound, so a calm call draws low bars instead of filling the cell.
func columns(sec *paneSection, sr series, level func(model.StreamStats) model.Level, th model.Thresholds, width int) ([]sparkCol, float64) {
	n := len(sec.stats)
	if width <= 0 || n == 0 {
		return nil, 0
	}
	ncol := min(n, width)
	cols := make([]sparkCol, ncol)
	peak := 0.0
	for c := range cols {
		lo, hi := c*n/ncol, (c+1)*n/ncol
		col := &cols[c]
		sum, cnt := 0.0, 0
		for i := lo; i < hi; i++ {
			if !sec.present[i] {
				continue
			}
			st := &sec.stats[i]
			v := sr.field(*st)
			if !v.OK {
				continue
			}
			cnt++
			sum += v.V
			if sr.judged {
				col.v = max(col.v, v.V)
				col.lv = max(col.lv, level(*st))
			}
		}
		if cnt == 0 {
			continue
		}
		col.ok = true
		if !sr.judged {
			col.v = sum / float64(cnt)
		}
		peak = max(peak, col.v)
	}
	if sr.judged {
		peak = max(peak, th[sr.metric].Warn)
	}
	return cols, peak
}

// cell is a styled piece of a line and its width in terminal cells.
type cell struct {
	s string
	w int
}

type cellBuf struct {
	b strings.Builder
	w int
}

func (c *cellBuf) add(k ink, s string) {
	k.put(&c.b, s)
	c.w += textWidth(s)
}

func (c *cellBuf) cell() cell { return cell{c.b.String(), c.w} }

// textWidth is the width of unstyled text; ASCII skips the grapheme walk.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// fmtNum prints a reading with as many decimals as its size deserves:
// "126", "12.5", "0.03".
func fmtNum(v float64) string {
	prec := 2
	switch {
	case v >= 100:
		prec = 0
	case v >= 10:
		prec = 1
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if prec > 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func fmtBitrate(kbps float64, sep string) string {
	if kbps >= 10000 {
		return fmtNum(kbps/1000) + sep + "Mbps"
	}
	return fmtNum(kbps) + sep + "kbps"
}

// judged writes a judged reading in its level's colour followed by the
// colour-free marker. A full row always writes the marker cell (blank when
// healthy) so digits line up; a compact line writes only a real marker.
func (pl *palette) judged(c *cellBuf, v model.Value, lv model.Level, unit string, full bool) {
	if !v.OK {
		c.add(pl.muted, "-")
		if full {
			c.add(ink{}, " ")
		}
		return
	}
	mark := theme.Marker(lv)
	if !full && mark == " " {
		mark = ""
	}
	c.add(pl.level[lv], fmtNum(v.V)+unit+mark)
}

// plain writes an unjudged reading, or a muted "-" when absent.
func (pl *palette) plain(c *cellBuf, v model.Value, text string) { pl.plainOr(c, v, text, "-") }

// plainOr is plain with the absent text given: a compact line has no row
// label, so its "-" keeps the unit to say what is missing.
func (pl *palette) plainOr(c *cellBuf, v model.Value, text, absent string) {
	if !v.OK {
		c.add(pl.muted, absent)
		return
	}
	c.add(pl.text, text)
}

// fullValue is the value column of a full row: the current reading with
// unit and marker, e.g. "126 ms!" or "0.3%  max 1.9%*".
func (pl *palette) fullValue(k rowKind, s model.StreamStats, th model.Thresholds) cell {
	var c cellBuf
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
		c.add(ink{}, " ")
	case rowFPS:
		pl.plain(&c, s.FrameRateFPS, fmtNum(s.FrameRateFPS.V)+" fps")
		c.add(ink{}, " ")
	case rowRes:
		pl.plain(&c, model.Value{OK: s.Width.OK && s.Height.OK}, resolution(s))
		c.add(ink{}, " ")
	}
	return c.cell()
}

func resolution(s model.StreamStats) string {
	return strconv.Itoa(int(s.Width.V)) + "x" + strconv.Itoa(int(s.Height.V))
}

// compactField is one column of a compact line, listed in the order they
// are dropped when the line is too narrow: resolution first, latency and
// loss never.
type compactField int

const (
	cfLatency compactField = iota
	cfLoss
	cfJitter
	cfBitrate
	cfFPS
	cfRes
	numCompactFields
)

// compactOrder is the left-to-right order on screen.
var compactOrder = []compactField{cfLatency, cfJitter, cfLoss, cfBitrate, cfFPS, cfRes}

func (f compactField) applies(m model.Media) bool {
	return m != model.Audio || f < cfFPS
}

// compactValue is one field of a compact line, e.g. "lat 126ms!".
func (pl *palette) compactValue(f compactField, s model.StreamStats, th model.Thresholds) cell {
	var c cellBuf
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
		c.add(pl.muted, " max ")
		pl.judged(&c, s.MaxLossPct, th.Level(model.MaxLoss, s.MaxLossPct), "%", false)
	case cfBitrate:
		pl.plainOr(&c, s.BitrateKbps, fmtBitrate(s.BitrateKbps.V, ""), "- kbps")
	case cfFPS:
		pl.plainOr(&c, s.FrameRateFPS, fmtNum(s.FrameRateFPS.V)+"fps", "- fps")
	case cfRes:
		pl.plainOr(&c, model.Value{OK: s.Width.OK && s.Height.OK}, resolution(s), "res -")
	}
	return c.cell()
}
