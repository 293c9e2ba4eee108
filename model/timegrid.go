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

// AnchoredGrid returns the grid of width columns of window/width each
// whose left edge is since (the join), so the join is never just left
// of the grid and the call fills it from the first column: a new
// sample fills the next column to the right and moves no other, so the
// screen sends the terminal only what changed. When the call from since
// to newest is longer than the grid, the grid's left edge is a whole
// number of pages (an eighth of its width) from the zero time, the first
// that leaves newest inside: it moves on by a page when newest reaches
// the right edge, not on every sample, less than an eighth of the width
// stands empty, and it holds still when since moves (the history's
// oldest sample, for a join Zoom did not give, drops out of a day's
// history on every sample). With since zero or after newest it is
// NewGrid's grid, ending at newest.
func AnchoredGrid(window time.Duration, since, newest time.Time, width int) Grid {
	if since.IsZero() || newest.Before(since) {
		return NewGrid(window, newest, width)
	}
	if width < 1 {
		return Grid{}
	}
	span := max(window/time.Duration(width), 1)
	total := span * time.Duration(width)
	start := since
	if newest.Sub(since) >= total {
		page := span * time.Duration(max(width/8, 1))
		start = newest.Add(-total).Truncate(page).Add(page)
	}
	return Grid{end: start.Add(total), span: span, width: width}
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

// Reach is the columns a sample at t stands for on g: those whose start
// falls in (from, t], and always t's own. A Zoom sample is a reading over
// the time since the one before (see SampleFrom), so where a column is
// shorter than that time the sample fills every column of it, and
// regular samples draw an unbroken run however short the window: a
// blank column still means a time no sample covered. Where a column is
// as long as the cadence, that is t's column alone. ok is false when t
// is outside the grid.
func (g Grid) Reach(t, from time.Time) (lo, hi int, ok bool) {
	hi, ok = g.Column(t)
	if !ok {
		return 0, 0, false
	}
	lo = hi
	if from.Before(g.Start()) {
		return 0, hi, true
	}
	if c, in := g.Column(from); in && c+1 < hi {
		lo = c + 1 // column c starts at or before from: it is not the sample's
	}
	return lo, hi, true
}

// Before is how many of the grid's columns end at or before t: the
// leading columns that hold only time before t.
func (g Grid) Before(t time.Time) int {
	if g.width == 0 || !t.After(g.Start()) {
		return 0
	}
	return int(min(t.Sub(g.Start())/g.span, time.Duration(g.width)))
}
