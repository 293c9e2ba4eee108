// The pane's time grid: every sparkline of every pane on a screen is
// bucketed on one model.Grid and drawn at one x, so a moment sits in one
// column everywhere.

package pane

import (
	"sort"
	"time"

	"github.com/qostop/qostop/model"
)

// Geometry is what every pane on a screen shares: the time grid of its
// sparklines (the grid's width is the sparklines' width), the width of
// the labels before them and of the values after them, so all
// sparklines start and end at one x; the cadence, over which a sample
// reaches back (model.SampleFrom); and when the participant joined (zero
// when unknown), before which columns are drawn absent, not blank. The
// zero Geometry makes a pane lay itself out alone, one Zoom minute a
// column ending at its newest sample.
type Geometry struct {
	Grid    model.Grid
	Label   int
	Value   int
	Cadence time.Duration
	Joined  time.Time
}

// sameBesidesGrid reports whether g and o differ in their grids alone.
func (g Geometry) sameBesidesGrid(o Geometry) bool {
	return g.Label == o.Label && g.Value == o.Value && g.Cadence == o.Cadence && g.Joined.Equal(o.Joined)
}

// SetGeometry puts the pane on the screen's grid.
func (p *Model) SetGeometry(g Geometry) {
	if p.geo == g && p.cache != nil {
		return
	}
	p.geo = g
	p.invalidate()
}

// SparkRoom is the widest sparkline the pane can draw at its current
// size with label width label and value width value (see ValueWidth), in
// the mode its height gives it: the screen takes the least of its panes'
// as the grid's width.
func (p *Model) SparkRoom(label, value int) int {
	iw := p.width - 2
	if !p.data.hasTraffic() {
		return iw
	}
	if p.full() {
		return iw - label - 2 - scaleWidth(&p.pal) - 2 - value
	}
	return iw - label - 1 - p.compactFixed(iw, label)
}

// MaxSparkRoom is the widest sparkline the pane can draw at all with
// label width label: a compact line's (Compact) dropping every reading
// but latency, and keeping the note of a stream that stopped; a full
// pane's, SparkRoom. A screen whose full panes have more room than its
// compact ones' SparkRoom gives the compact lines this, not the other
// way round: a short pane of readings must not narrow every sparkline.
func (p *Model) MaxSparkRoom(label, value int) int {
	if !p.Compact() {
		return p.SparkRoom(label, value)
	}
	_, fieldW := p.compactShown(0)
	n := 1 + scaleWidth(&p.pal) + 1 + cfLatency.gap() + fieldW[cfLatency]
	if note := p.noteWidth(); note >= 0 {
		n += 2 + note
	}
	return p.width - 2 - label - 1 - n
}

// Compact reports whether the pane draws compact lines at its size:
// one line a stream, a latency sparkline and the readings that fit.
func (p *Model) Compact() bool { return p.data.hasTraffic() && !p.full() }

// Full reports whether the pane draws full rows at its size: a row a
// metric, each a sparkline and a value.
func (p *Model) Full() bool { return p.data.hasTraffic() && p.full() }

// full reports whether the pane's height gives it full rows.
func (p *Model) full() bool { return p.height-2 >= p.rows(p.width-2, false) }

// LabelWidth is the width of the labels before the pane's sparklines in
// the mode its height gives it.
func (p *Model) LabelWidth() int {
	if !p.data.hasTraffic() || p.full() {
		return rowLabelWidth
	}
	w := rowLabelWidth
	for d := range p.data.dirs {
		for si := range p.data.dirs[d] {
			w = max(w, p.sectionTitle(&p.data.dirs[d][si], true).w)
		}
	}
	return w
}

// grid is the grid the sparklines are drawn on: the screen's, or, alone,
// one Zoom minute a column of width sw ending at the newest sample.
func (p *Model) grid(sw int) model.Grid {
	if p.geo.Grid.Width() > 0 {
		return p.geo.Grid
	}
	return model.NewGrid(model.ZoomCadence*time.Duration(max(sw, 1)), p.data.newest, sw)
}

// reach is how samples reach back over the time they stand for: the
// cadence and the join (see model.SampleFrom).
type reach struct {
	cadence time.Duration
	joined  time.Time
}

// bucket puts the data on g with the screen's cadence and join.
func (p *Model) bucket(g model.Grid) {
	p.data.bucket(g, reach{cadence: p.geo.Cadence, joined: p.geo.Joined})
}

// bucket puts every section's readings on g, unless they are on it
// already: one pass over the samples in the grid and the one before it,
// one map lookup per stream per sample.
func (d *paneData) bucket(g model.Grid, r reach) {
	if d.grid == g && d.reach == r && d.bucketed {
		return
	}
	d.grid, d.reach, d.bucketed = g, r, true
	n := g.Width()
	for di := range d.dirs {
		for si := range d.dirs[di] {
			sec := &d.dirs[di][si]
			for f := range sec.cols {
				sec.cols[f] = blank(sec.cols[f], n)
			}
		}
	}
	start := g.Start()
	i := sort.Search(len(d.samples), func(i int) bool { return !d.samples[i].Time.Before(start) })
	for ; i < len(d.samples); i++ {
		var prev time.Time
		if i > 0 {
			prev = d.samples[i-1].Time
		}
		d.add(g, &d.samples[i], prev)
	}
}

// add folds one sample into the sections' columns on g: every column of
// the time it stands for, since prev (the sample before it, zero when
// none) as model.SampleFrom has it.
func (d *paneData) add(g model.Grid, s *model.Sample, prev time.Time) {
	lo, hi, ok := g.Reach(s.Time, model.SampleFrom(s.Time, prev, d.reach.joined, d.reach.cadence))
	if !ok {
		return
	}
	for di := range d.dirs {
		for si := range d.dirs[di] {
			sec := &d.dirs[di][si]
			st, has := s.Streams[sec.key]
			if !has || st.Empty() {
				continue
			}
			for f := range sec.cols {
				mf := paneFields[f]
				v, w := mf.Of(st), mf.Worse()
				for c := lo; c <= hi; c++ {
					sec.cols[f][c] = w.Pick(sec.cols[f][c], v)
				}
			}
		}
	}
}

// paneFields are the model fields behind the pane's series, by paneField.
var paneFields = [numFields]model.Field{model.LatencyField, model.JitterField, model.AvgLossField,
	model.MaxLossField, model.BitrateField, model.FrameRateField}

func blank(dst []model.Value, n int) []model.Value {
	if cap(dst) < n {
		return make([]model.Value, n)
	}
	dst = dst[:n]
	clear(dst)
	return dst
}

// Append takes samples newer than every sample the pane holds, in the
// window samples (which ends with them), on geometry g: the way to keep
// the panes current on a new sample without reading the window again.
// It reports false, changing nothing, when it cannot (a new stream, a
// grid that did not just move on); then call SetData and SetGeometry.
func (p *Model) Append(window, fresh []model.Sample, g Geometry) bool {
	d := &p.data
	if len(fresh) == 0 || !d.bucketed || p.geo.Grid.Width() == 0 || d.grid != p.geo.Grid || !g.sameBesidesGrid(p.geo) {
		return false
	}
	if p.hasNewStream(fresh) || !d.carry(g.Grid) {
		return false
	}
	d.grid, p.geo = g.Grid, g
	d.samples = window
	p.widths = &fieldWidths{}
	for i := range fresh {
		s := &fresh[i]
		d.add(g.Grid, s, d.newest)
		if !d.newest.IsZero() {
			d.step = minStep(d.step, s.Time.Sub(d.newest))
		}
		d.newest = s.Time
		d.noteCurrent(s)
	}
	p.invalidate()
	return true
}

// The three helpers below are Append's steps, apart so that each reads
// on its own (Append had grown to complexity 21).

// hasNewStream reports whether fresh holds a stream of the pane's medium
// with readings that the pane has no section for: Append cannot add one.
func (p *Model) hasNewStream(fresh []model.Sample) bool {
	for i := range fresh {
		for k, st := range fresh[i].Streams {
			if k.Media == p.media && !st.Empty() && p.data.section(k) == nil {
				return true
			}
		}
	}
	return false
}

// carry moves every column from d.grid onto to, reporting false when to
// did not just move on from d.grid.
func (d *paneData) carry(to model.Grid) bool {
	prev := d.grid
	for di := range d.dirs {
		for si := range d.dirs[di] {
			sec := &d.dirs[di][si]
			for f := range sec.cols {
				if !to.Carry(sec.cols[f], prev) {
					return false // only the first can fail, before anything moved
				}
			}
		}
	}
	return true
}

// noteCurrent keeps, for each section, s's reading of its stream as the
// current one, when s has one.
func (d *paneData) noteCurrent(s *model.Sample) {
	for di := range d.dirs {
		for si := range d.dirs[di] {
			sec := &d.dirs[di][si]
			if st, has := s.Streams[sec.key]; has && !st.Empty() {
				sec.cur, sec.lastTime = st, s.Time
			}
		}
	}
}

// section is the section of stream k, or nil.
func (d *paneData) section(k model.StreamKey) *paneSection {
	if k.Dir < model.Send || k.Dir > model.Receive {
		return nil
	}
	for si := range d.dirs[k.Dir] {
		if d.dirs[k.Dir][si].key == k {
			return &d.dirs[k.Dir][si]
		}
	}
	return nil
}
