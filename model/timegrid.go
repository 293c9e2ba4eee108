package model

import (
	"math"
	"sort"
	"time"
)

// ZoomCadence is how often Zoom's Dashboard API has a QoS sample.
const ZoomCadence = time.Minute

// Worse is the direction in which a reading gets worse.
type Worse int

// The two directions.
const (
	HigherWorse Worse = iota // latency, jitter, loss, CPU
	LowerWorse               // bitrate, frame rate, Wi-Fi signal
)

// Worse is the direction in which m gets worse.
func (m Metric) Worse() Worse {
	if m.lowerIsWorse() {
		return LowerWorse
	}
	return HigherWorse
}

// Pick returns the worse of a and b. A reading beats no reading, and a
// value that is not a finite number counts as no reading: it cannot be
// drawn, and drawing code must never be handed NaN.
func (w Worse) Pick(a, b Value) Value {
	aok, bok := drawable(a), drawable(b)
	switch {
	case !aok && !bok:
		return None
	case !aok:
		return b
	case !bok:
		return a
	case w == LowerWorse && b.V < a.V, w != LowerWorse && b.V > a.V:
		return b
	}
	return a
}

func drawable(v Value) bool { return v.OK && !math.IsNaN(v.V) && !math.IsInf(v.V, 0) }

// Grid cuts a window of time into Width columns of one Span each, ending
// at End. Every pane on a screen uses the same Grid, so one moment falls
// in the same column everywhere. Column i holds the times in
// [Start + i*Span, Start + (i+1)*Span).
type Grid struct {
	end   time.Time
	span  time.Duration
	width int
}

// NewGrid returns the grid of width columns covering window up to now.
// A column spans window/width (at least 1ns). The right edge is the end
// of the span that holds now, on spans counted from the zero time: the
// grid moves once a span, not on every clock tick, so a sample keeps its
// column (and the screen its cells) while the clock runs. Pass as now the
// later of the clock and the newest sample, so a sample stamped by a
// clock running ahead still shows. A width below 1 gives an empty grid.
func NewGrid(window time.Duration, now time.Time, width int) Grid {
	if width < 1 {
		return Grid{}
	}
	span := max(window/time.Duration(width), 1)
	return Grid{end: now.Truncate(span).Add(span), span: span, width: width}
}

// Width is the number of columns.
func (g Grid) Width() int { return g.width }

// Span is the time one column covers.
func (g Grid) Span() time.Duration { return g.span }

// End is the right edge, just after the newest time the grid holds.
func (g Grid) End() time.Time { return g.end }

// Start is the left edge, the oldest time the grid holds.
func (g Grid) Start() time.Time { return g.end.Add(-g.span * time.Duration(g.width)) }

// ColumnStart is the first moment column i holds.
func (g Grid) ColumnStart(i int) time.Time { return g.Start().Add(g.span * time.Duration(i)) }

// Column is the column that holds t; ok is false outside the grid.
func (g Grid) Column(t time.Time) (i int, ok bool) {
	if g.width == 0 {
		return 0, false
	}
	d := t.Sub(g.Start())
	if d < 0 || t.Compare(g.end) >= 0 {
		return 0, false
	}
	return int(d / g.span), true
}

// Bucket puts points (oldest first) into the grid's columns and returns
// dst resized to Width. A column without a drawable reading is None (a
// gap, never 0 and never filled in from its neighbours); a column with
// several keeps the worst of them, so a one-minute spike survives a
// day-long window. It reads only the points inside the grid (found by
// binary search) and allocates nothing when cap(dst) >= Width.
func (g Grid) Bucket(dst []Value, pts []Point, w Worse) []Value {
	dst = blank(dst, g.width)
	if g.width == 0 {
		return dst
	}
	start, total := g.Start(), g.span*time.Duration(g.width)
	i := sort.Search(len(pts), func(i int) bool { return !pts[i].Time.Before(start) })
	for ; i < len(pts); i++ {
		d := pts[i].Time.Sub(start)
		if d >= total {
			break
		}
		if d < 0 {
			continue // out of order: the caller broke "oldest first"
		}
		c := int(d / g.span)
		dst[c] = w.Pick(dst[c], pts[i].V)
	}
	return dst
}

// BucketSamples is Bucket for field f of stream k across samples (oldest
// first), without building a []Point first. A sample without the stream
// leaves its column as it is: a gap unless another sample fills it.
func (g Grid) BucketSamples(dst []Value, samples []Sample, k StreamKey, f Field) []Value {
	dst = blank(dst, g.width)
	if g.width == 0 {
		return dst
	}
	start, total, w := g.Start(), g.span*time.Duration(g.width), f.Worse()
	i := sort.Search(len(samples), func(i int) bool { return !samples[i].Time.Before(start) })
	for ; i < len(samples); i++ {
		d := samples[i].Time.Sub(start)
		if d >= total {
			break
		}
		if st, has := samples[i].Streams[k]; has && d >= 0 {
			c := int(d / g.span)
			dst[c] = w.Pick(dst[c], f.Of(st))
		}
	}
	return dst
}

// Add folds one new reading at t into columns bucketed on g: the way to
// keep a sparkline current on a new sample without reading the window
// again. It is for new samples only: a replaced reading may have been the
// worst of its column, so a replacement needs Bucket.
func (g Grid) Add(cols []Value, t time.Time, v Value, w Worse) {
	if c, ok := g.Column(t); ok && c < len(cols) {
		cols[c] = w.Pick(cols[c], v)
	}
}

// Carry moves columns bucketed on prev onto g when g is prev moved on by
// whole columns (same span and width, a later or equal end): the columns
// shift left and the new ones at the right are gaps. It reports false,
// leaving cols alone, when the grids differ otherwise; then the caller
// buckets again.
func (g Grid) Carry(cols []Value, prev Grid) bool {
	if g.span != prev.span || g.width != prev.width || len(cols) != g.width || g.end.Before(prev.end) {
		return false
	}
	d := g.end.Sub(prev.end)
	if d%g.span != 0 {
		return false
	}
	n := int(min(d/g.span, time.Duration(g.width)))
	copy(cols, cols[n:])
	for i := g.width - n; i < g.width; i++ {
		cols[i] = None
	}
	return true
}

// blank returns dst with length n, every entry None, reusing its array
// when it is big enough.
func blank(dst []Value, n int) []Value {
	if cap(dst) < n {
		return make([]Value, n)
	}
	dst = dst[:n]
	clear(dst)
	return dst
}

// WindowSteps are the windows [ and ] step through, shortest first. The
// steps under 15 minutes exist for fast sample cadences (the demo's
// seconds); at Zoom's minute they are below DefaultWindow, which is the
// shortest window worth showing (see there).
var WindowSteps = []time.Duration{
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute,
	15 * time.Minute, 30 * time.Minute, time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
}

// NextWindow is the shortest step longer than w, or the longest step.
func NextWindow(w time.Duration) time.Duration {
	for _, s := range WindowSteps {
		if s > w {
			return s
		}
	}
	return WindowSteps[len(WindowSteps)-1]
}

// PrevWindow is the longest step shorter than w and not shorter than
// floor, or w itself when there is none. Sparklines pass DefaultWindow as
// the floor; a chart, which joins samples with lines, can pass less.
func PrevWindow(w, floor time.Duration) time.Duration {
	for i := len(WindowSteps) - 1; i >= 0; i-- {
		if s := WindowSteps[i]; s < w && s >= floor {
			return s
		}
	}
	return w
}

// MinWindowSamples is the fewest samples a default window holds, so a
// narrow sparkline still shows a trend rather than a few readings: the
// demo's call degrades and recovers over 20 samples, and it starts with
// those 20 already in the past.
const MinWindowSamples = 20

// DefaultWindow is the window for a sparkline of width columns when
// samples come every cadence (Zoom's minute when unknown): the shortest
// step that gives every column at least one cadence, and so about one
// sample, and holds at least MinWindowSamples. It rounds up, not to the
// nearest step: a column shorter than the cadence would show a gap
// between every two regular samples, and a gap must mean a missing one.
// Beyond the longest step, columns get less than a cadence: the history
// holds a day and no more.
func DefaultWindow(cadence time.Duration, width int) time.Duration {
	if cadence <= 0 {
		cadence = ZoomCadence
	}
	n := time.Duration(max(width, MinWindowSamples))
	longest := WindowSteps[len(WindowSteps)-1]
	if cadence > longest/n {
		return longest
	}
	need := cadence * n
	for _, s := range WindowSteps {
		if s >= need {
			return s
		}
	}
	return longest
}
