package chart

import (
	"strconv"
	"time"

	"github.com/NimbleMarkets/ntcharts/v2/canvas"
	"github.com/qostop/qostop/model"
)

// decorate adds what ntcharts does not draw: threshold lines, y labels at
// round values and x labels at round times, each with a tick mark on its
// axis. Thresholds go only into empty cells, so the data stays on top.
// Cells get no style: render inks them by role.
func (p *panel) decorate(f *frame) {
	c := &p.lc.Canvas
	o := p.lc.Origin()
	for _, th := range f.lines {
		y := p.rowOf(f, th.v)
		if y < 0 || y >= o.Y {
			continue
		}
		for x := o.X + 1; x < p.w; x++ {
			if pt := (canvas.Point{X: x, Y: y}); c.Cell(pt).Rune == 0 {
				c.SetCell(pt, canvas.NewCell(th.glyph))
			}
		}
	}
	lineAt := map[int]float64{}
	for _, th := range f.lines {
		lineAt[p.rowOf(f, th.v)] = th.v
	}
	for _, v := range f.ticks {
		y := p.rowOf(f, v)
		if y < 0 || y >= o.Y {
			continue
		}
		s := model.FormatTick(v, f.step)
		if tv, ok := lineAt[y]; ok && tv != v {
			// A threshold shares the row: on a short graph 300 and 250
			// round to one row, and "250" beside the 300 line would say the
			// line is at 250. Label the row with what its line means, or
			// not at all.
			s = model.FormatTick(tv, f.step)
			if back, err := strconv.ParseFloat(s, 64); err != nil || back != tv || len(s) > f.labelW {
				s = ""
			}
		}
		c.SetString(canvas.Point{X: o.X - len(s), Y: y}, s)
		c.SetCell(canvas.Point{X: o.X, Y: y}, canvas.NewCell(f.g.yTick))
	}
	p.timeLabels(f)
	p.callMarks(f)
	p.markerMarks(f)
}

// callMarks marks the join and the leave on the x axis, over its ticks:
// before the join there was no one to measure, which is not a gap.
func (p *panel) callMarks(f *frame) {
	o := p.lc.Origin()
	for _, mk := range []struct {
		t time.Time
		g rune
	}{{f.joined, f.g.joined}, {f.left, f.g.left}} {
		if mk.t.IsZero() || mk.t.Before(f.start) || mk.t.After(f.end) {
			continue
		}
		if x := p.colOf(f, mk.t); x > o.X && x < p.w {
			p.lc.Canvas.SetCell(canvas.Point{X: x, Y: o.Y}, canvas.NewCell(mk.g))
		}
	}
}

// timeSteps are the spacings of x labels, shortest first; each divides a
// day, so labels stay on round times across midnight.
var timeSteps = []time.Duration{
	10 * time.Second, 15 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
}

// labelGap is the least distance, in columns, between the starts of two
// x labels: "19:30" and some room; a label with seconds needs three more.
const labelGap = 8

// timeLabels writes HH:MM under the x axis at round times, in f.loc, and
// the day's name at midnight: the shortest step that leaves labelGap
// columns between labels, so a short window gets a label every few ticks
// (HH:MM:SS below a minute: the demo's 10 and 15 s marks).
func (p *panel) timeLabels(f *frame) {
	c := &p.lc.Canvas
	o := p.lc.Origin()
	gw := p.lc.GraphWidth()
	if gw <= 0 || o.Y+1 >= p.h {
		return
	}
	span := f.end.Sub(f.start)
	step, layout := timeSteps[len(timeSteps)-1], "15:04"
	for _, s := range timeSteps {
		gap := labelGap
		if s < time.Minute {
			gap += 3
		}
		if int64(s)*int64(gw) >= int64(span)*int64(gap) {
			step = s
			break
		}
	}
	if step < time.Minute {
		layout = "15:04:05"
	}
	next := 0 // the first column a label may use
	for t := model.FirstTick(f.start, step, f.loc); !t.After(f.end); t = t.Add(step) {
		x := p.colOf(f, t)
		s := model.TickLabel(t, layout, f.loc)
		lx := min(max(x-len(s)/2, 0), p.w-len(s))
		if x <= o.X || x >= p.w || lx < next {
			continue
		}
		c.SetCell(canvas.Point{X: x, Y: o.Y}, canvas.NewCell(f.g.xTick))
		c.SetString(canvas.Point{X: lx, Y: o.Y + 1}, s)
		next = lx + len(s) + 1
	}
}
