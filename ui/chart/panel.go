package chart

import (
	"math"
	"sort"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/NimbleMarkets/ntcharts/v2/canvas"
	"github.com/NimbleMarkets/ntcharts/v2/canvas/graph"
	tslc "github.com/NimbleMarkets/ntcharts/v2/linechart/timeserieslinechart"
	"github.com/qostop/qostop/model"
)

// frame is what every panel of one chart shares for a drawing: the view,
// the scale and its ticks, so send and receive line up to the cell.
type frame struct {
	start, end time.Time
	scale      model.Scale
	ticks      []float64
	step       float64
	labelW     int // width of the widest y label
	gapAfter   time.Duration
	lines      []threshold
	g          glyphs
	ascii      bool
	loc        *time.Location
	joined     time.Time // marked on the x axis; zero: not marked
	left       time.Time
	markers    []model.Marker
	live       bool // the view ends at (or after) the newest reading
}

// threshold is a horizontal line across the graph.
type threshold struct {
	v     float64
	glyph rune
	style lipgloss.Style
}

// panel is one direction's ntcharts line chart, kept between drawings:
// ntcharts gives it the canvas, the axes and the braille; the chart
// gives it the view's ranges and the lines to draw.
type panel struct {
	lc      tslc.Model
	w, h    int
	reserve string // the y labels' room, which ntcharts measures through its formatter
}

// newPanel builds the ntcharts model for a canvas of w x h cells. Its own
// axis labels are switched off (an x formatter that prints nothing, a y
// formatter that only reserves room): ntcharts puts labels at fixed
// intervals of rows and columns, so they would read 37.5 ms and 19:31:27;
// the chart draws labels at round values instead (axes.go). Auto-ranging
// is off, as the view decides the ranges. The chart never passes a
// message to ntcharts' Update: the screen owns the keys, and ntcharts'
// handler would pan by a day.
func newPanel(w, h int) *panel {
	p := &panel{w: w, h: h}
	p.lc = tslc.New(w, h,
		tslc.WithXYSteps(math.MaxInt32, math.MaxInt32),
		tslc.WithXLabelFormatter(func(int, float64) string { return "" }),
		tslc.WithYLabelFormatter(func(int, float64) string { return p.reserve }),
	)
	p.lc.AutoMinX, p.lc.AutoMaxX, p.lc.AutoMinY, p.lc.AutoMaxY = false, false, false, false
	return p
}

// draw draws pts as braille lines, one unbroken run at a time, on one
// ntcharts braille grid: lines join the readings of a run and never
// cross a gap. (ntcharts' own way is a data set per run, but it builds a
// braille grid the size of the graph for every data set it draws: a
// stream that drops every other sample took 160 ms and 225 MB a
// drawing.) The scaling is ntcharts' own, as DrawBrailleDataSets does
// it. NaN never reaches ntcharts (it hangs its line drawing): runs hold
// drawable readings only. Nothing is pushed into ntcharts, so nothing
// grows from one drawing to the next.
func (p *panel) draw(f *frame, pts []model.Point) {
	p.reserve = strings.Repeat(" ", f.labelW)
	lc := &p.lc
	lc.SetTimeRange(f.start, f.end)
	lc.SetYRange(0, f.scale.Top)
	lc.SetViewTimeAndYRange(f.start, f.end, 0, f.scale.Top)
	lc.Clear()
	lc.DrawXYAxisAndLabel()
	gw, gh := lc.GraphWidth(), lc.GraphHeight()
	if gw > 0 && gh > 0 {
		grid := graph.NewBrailleGrid(gw, gh, 0, float64(gw), 0, float64(gh))
		forRuns(pts, f, func(run []model.Point) {
			prev := grid.GridPoint(p.scaled(f, run[0]))
			grid.Set(prev) // a lone reading is a dot
			for _, pt := range run[1:] {
				cur := grid.GridPoint(p.scaled(f, pt))
				for _, q := range graph.GetLinePoints(prev, cur) {
					grid.Set(q)
				}
				prev = cur
			}
		})
		// No style: the cells' ink comes from their role (render.go).
		graph.DrawBraillePatterns(&lc.Canvas, canvas.Point{X: lc.Origin().X + 1}, grid.BraillePatterns(), lipgloss.Style{})
	}
	if f.ascii {
		asciify(&lc.Canvas)
	}
	p.decorate(f)
}

// scaled maps a reading into graph units as timeserieslinechart's data
// set buffer does (seconds since the view's start, times graph width
// over the view's seconds; the value times graph height over the top).
func (p *panel) scaled(f *frame, pt model.Point) canvas.Float64Point {
	lc := &p.lc
	lo, hi := float64(f.start.Unix()), float64(f.end.Unix())
	return canvas.Float64Point{
		X: (float64(pt.Time.Unix()) - lo) * (float64(lc.GraphWidth()) / (hi - lo)),
		Y: (pt.V.V - 0) * (float64(lc.Origin().Y) / (f.scale.Top - 0)),
	}
}

// forRuns calls fn with each unbroken run of drawable readings that
// reaches into the view. A run breaks at an absent reading and where two
// readings are further apart than f.gapAfter (a sample Zoom never sent).
// The slices share one buffer; fn must not keep them.
func forRuns(pts []model.Point, f *frame, fn func([]model.Point)) {
	i := sort.Search(len(pts), func(i int) bool { return !pts[i].Time.Before(f.start) })
	i = max(i-1, 0) // the point before the view carries the line to its left edge
	var run []model.Point
	flush := func() {
		if len(run) > 0 {
			fn(run)
			run = run[:0]
		}
	}
	for ; i < len(pts); i++ {
		pt := pts[i]
		if !finite(pt.V) {
			flush()
			continue
		}
		if n := len(run); n > 0 && (pt.Time.Sub(run[n-1].Time) > f.gapAfter || !pt.Time.After(run[n-1].Time)) {
			flush()
		}
		run = append(run, model.Point{Time: pt.Time, V: model.Some(min(max(pt.V.V, 0), maxDrawable))})
		if pt.Time.After(f.end) {
			break // this one carries the line to the right edge
		}
	}
	flush()
}

// maxDrawable caps what reaches ntcharts: a reading of 1e300 ms from a
// broken payload must not overflow the scaling into Inf.
const maxDrawable = 1e15

func finite(v model.Value) bool { return v.OK && !math.IsNaN(v.V) && !math.IsInf(v.V, 0) }

// rowOf is the canvas row where ntcharts draws a reading of v, worked out
// with the very arithmetic it scales by (timeserieslinechart's data set
// scale, then its braille grid's; floating point order included), so
// threshold lines and labels sit exactly where data of that value does.
func (p *panel) rowOf(f *frame, v float64) int {
	lc := &p.lc
	gh := lc.GraphHeight()
	y := (v - 0) * (float64(lc.Origin().Y) / (f.scale.Top - 0))
	dot := (4*gh - 1) - int(math.Round((y-0)*(float64(4*gh-1)/float64(gh))))
	return dot / 4
}

// colOf is the canvas column where ntcharts draws a reading at t, by the
// same arithmetic.
func (p *panel) colOf(f *frame, t time.Time) int {
	lc := &p.lc
	gw := lc.GraphWidth()
	lo, hi := float64(f.start.Unix()), float64(f.end.Unix())
	x := (float64(t.Unix()) - lo) * (float64(gw) / (hi - lo))
	dot := int(math.Round((x - 0) * (float64(2*gw-1) / float64(gw))))
	return lc.Origin().X + 1 + dot/2
}

// cell reads one canvas cell.
func (p *panel) cell(x, y int) canvas.Cell { return p.lc.Canvas.Cell(canvas.Point{X: x, Y: y}) }
