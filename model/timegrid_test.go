package model_test

import (
	"math"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// gridNow is a moment inside a minute, as a clock would give it.
var gridNow = time.Date(2026, 11, 25, 19, 45, 17, 0, time.UTC)

// minPts are points at whole minutes before gridNow's minute: mins[i]
// minutes back, with value vals[i] (NaN for an absent reading).
func minPts(mins []int, vals []float64) []model.Point {
	base := gridNow.Truncate(time.Minute)
	pts := make([]model.Point, len(mins))
	for i := range mins {
		pts[i].Time = base.Add(-time.Duration(mins[i]) * time.Minute)
		if !math.IsNaN(vals[i]) {
			pts[i].V = model.Some(vals[i])
		}
	}
	return pts
}

// show renders columns as text: "-" a gap, else the value.
func show(cols []model.Value) string {
	s := ""
	for i, c := range cols {
		if i > 0 {
			s += " "
		}
		s += c.String()
	}
	return s
}

func TestNewGridEdges(t *testing.T) {
	g := model.NewGrid(30*time.Minute, gridNow, 30)
	if g.Span() != time.Minute || g.Width() != 30 {
		t.Fatalf("span %v width %d, want 1m and 30", g.Span(), g.Width())
	}
	// The right edge is the end of the minute holding now, so now is in
	// the last column and the left edge is a whole minute too.
	wantEnd := time.Date(2026, 11, 25, 19, 46, 0, 0, time.UTC)
	if !g.End().Equal(wantEnd) || !g.Start().Equal(wantEnd.Add(-30*time.Minute)) {
		t.Errorf("grid %v..%v, want %v..%v", g.Start(), g.End(), wantEnd.Add(-30*time.Minute), wantEnd)
	}
	if c, ok := g.Column(gridNow); !ok || c != 29 {
		t.Errorf("now in column %d (%v), want the last, 29", c, ok)
	}
	// The clock ticking within the minute does not move the grid.
	if later := model.NewGrid(30*time.Minute, gridNow.Add(42*time.Second), 30); later != g {
		t.Errorf("grid moved within a span: %v..%v", later.Start(), later.End())
	}
	if next := model.NewGrid(30*time.Minute, gridNow.Add(43*time.Second), 30); !next.End().Equal(wantEnd.Add(time.Minute)) {
		t.Errorf("at the next minute the grid should end at %v, ends at %v", wantEnd.Add(time.Minute), next.End())
	}
	if g := model.NewGrid(time.Hour, gridNow, 0); g.Width() != 0 {
		t.Errorf("width 0 grid has %d columns", g.Width())
	}
}

func TestGridColumn(t *testing.T) {
	g := model.NewGrid(10*time.Minute, gridNow, 10) // 19:36..19:46, one minute a column
	for _, tc := range []struct {
		name string
		t    time.Time
		col  int
		ok   bool
	}{
		{"left edge is in", g.Start(), 0, true},
		{"just before the left edge is out", g.Start().Add(-time.Nanosecond), 0, false},
		{"a boundary belongs to the later column", g.Start().Add(time.Minute), 1, true},
		{"just before a boundary", g.Start().Add(time.Minute - time.Nanosecond), 0, true},
		{"right edge is out", g.End(), 0, false},
		{"just before the right edge", g.End().Add(-time.Nanosecond), 9, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := g.Column(tc.t)
			if ok != tc.ok || (ok && c != tc.col) {
				t.Errorf("Column = %d, %v; want %d, %v", c, ok, tc.col, tc.ok)
			}
			if ok && (g.ColumnStart(c).After(tc.t) || !g.ColumnStart(c+1).After(tc.t)) {
				t.Errorf("column %d starts at %v, does not hold %v", c, g.ColumnStart(c), tc.t)
			}
		})
	}
}

func TestGridBucket(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name   string
		window time.Duration
		width  int
		mins   []int
		vals   []float64
		worse  model.Worse
		want   string
	}{
		{"one sample a column, newest at the right", 5 * time.Minute, 5,
			[]int{4, 3, 2, 1, 0}, []float64{10, 20, 30, 40, 50}, model.HigherWorse, "10 20 30 40 50"},
		{"a missing minute is a gap, not 0 and not filled in", 5 * time.Minute, 5,
			[]int{4, 3, 1, 0}, []float64{10, 20, 40, 50}, model.HigherWorse, "10 20 - 40 50"},
		{"an absent reading is a gap", 5 * time.Minute, 5,
			[]int{4, 3, 2, 1, 0}, []float64{10, nan, 30, nan, 50}, model.HigherWorse, "10 - 30 - 50"},
		{"a real 0 is a reading", 3 * time.Minute, 3,
			[]int{2, 1, 0}, []float64{0, 0, 0}, model.HigherWorse, "0 0 0"},
		{"no samples: all gaps", 3 * time.Minute, 3, nil, nil, model.HigherWorse, "- - -"},
		{"older samples fall off the left", 3 * time.Minute, 3,
			[]int{9, 5, 2, 1, 0}, []float64{900, 500, 1, 2, 3}, model.HigherWorse, "1 2 3"},
		{"two minutes a column: the highest latency", 6 * time.Minute, 3,
			[]int{5, 4, 3, 2, 1, 0}, []float64{10, 400, 30, 20, 5, 6}, model.HigherWorse, "400 30 6"},
		{"two minutes a column: the lowest bitrate", 6 * time.Minute, 3,
			[]int{5, 4, 3, 2, 1, 0}, []float64{900, 40, 800, 850, 0, 700}, model.LowerWorse, "40 800 0"},
		{"worst ignores an absent neighbour", 4 * time.Minute, 2,
			[]int{3, 2, 1, 0}, []float64{nan, 7, nan, nan}, model.LowerWorse, "7 -"},
		{"more columns than samples keeps the time grid", 10 * time.Minute, 20,
			[]int{1, 0}, []float64{1, 2}, model.HigherWorse, "- - - - - - - - - - - - - - - - - 1 - 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := model.NewGrid(tc.window, gridNow, tc.width)
			got := g.Bucket(nil, minPts(tc.mins, tc.vals), tc.worse)
			if len(got) != tc.width {
				t.Fatalf("%d columns, want %d", len(got), tc.width)
			}
			if s := show(got); s != tc.want {
				t.Errorf("columns %q, want %q", s, tc.want)
			}
		})
	}
}

// A 10-minute hole falls in the same columns of every series bucketed on
// one grid, whatever else the series hold: panes line up.
func TestGridHoleLinesUp(t *testing.T) {
	var mins []int
	for m := 59; m >= 0; m-- {
		if m < 30 || m >= 40 {
			mins = append(mins, m)
		}
	}
	lat, loss := make([]float64, len(mins)), make([]float64, len(mins))
	for i := range mins {
		lat[i], loss[i] = 80+float64(i%7), 0.01*float64(i%3)
	}
	g := model.NewGrid(time.Hour, gridNow, 60)
	a := g.Bucket(nil, minPts(mins, lat), model.HigherWorse)
	b := g.Bucket(nil, minPts(mins, loss), model.HigherWorse)
	for c := range a {
		if a[c].OK != b[c].OK {
			t.Fatalf("column %d: latency present %v, loss present %v", c, a[c].OK, b[c].OK)
		}
	}
	gaps := 0
	for c := range a {
		if !a[c].OK {
			gaps++
			if c < 20 || c > 29 {
				t.Errorf("gap at column %d, want the hole in columns 20..29", c)
			}
		}
	}
	if gaps != 10 {
		t.Errorf("%d gap columns, want 10", gaps)
	}
}

func TestBucketSamplesMatchesBucket(t *testing.T) {
	k := model.StreamKey{Media: model.Video, Dir: model.Receive}
	var samples []model.Sample
	for m := 40; m >= 0; m-- {
		s := model.Sample{Time: gridNow.Truncate(time.Minute).Add(-time.Duration(m) * time.Minute)}
		if m%9 != 4 { // some samples lack the stream
			s.Streams = map[model.StreamKey]model.StreamStats{k: {
				BitrateKbps: model.Some(float64(1000 - m*7%300)), FrameRateFPS: model.Some(float64(m % 30)),
			}}
		}
		samples = append(samples, s)
	}
	for _, f := range []model.Field{model.BitrateField, model.FrameRateField, model.LatencyField} {
		g := model.NewGrid(30*time.Minute, gridNow, 13)
		want := g.Bucket(nil, model.Series(samples, k, f.Of), f.Worse())
		got := g.BucketSamples(nil, samples, k, f)
		if show(got) != show(want) {
			t.Errorf("%s: BucketSamples %q, Bucket %q", f, show(got), show(want))
		}
	}
}

// Add and Carry keep columns current as samples come and time moves on,
// and give what bucketing the whole window again gives.
func TestGridIncremental(t *testing.T) {
	base := gridNow.Truncate(time.Minute)
	var pts []model.Point
	var cols []model.Value
	var g model.Grid
	for m := 0; m < 50; m++ {
		p := model.Point{Time: base.Add(time.Duration(m) * time.Minute), V: model.Some(float64(m * 37 % 11))}
		if m%13 == 5 {
			p.V = model.None
		}
		pts = append(pts, p)
		ng := model.NewGrid(20*time.Minute, p.Time.Add(20*time.Second), 10)
		if cols == nil || !ng.Carry(cols, g) {
			cols = ng.Bucket(cols, pts, model.HigherWorse)
		} else {
			ng.Add(cols, p.Time, p.V, model.HigherWorse)
		}
		g = ng
		if want := g.Bucket(nil, pts, model.HigherWorse); show(cols) != show(want) {
			t.Fatalf("minute %d: incremental %q, rebuilt %q", m, show(cols), show(want))
		}
	}
	if other := model.NewGrid(time.Hour, gridNow, 10); other.Carry(cols, g) {
		t.Error("Carry across a different span should refuse")
	}
}

func TestGridBucketNoAlloc(t *testing.T) {
	pts := make([]model.Point, 1440)
	for i := range pts {
		pts[i] = model.Point{Time: gridNow.Add(time.Duration(i-1440) * time.Minute), V: model.Some(float64(i % 50))}
	}
	g := model.NewGrid(6*time.Hour, gridNow, 200)
	buf := make([]model.Value, 0, 200)
	if n := testing.AllocsPerRun(100, func() { buf = g.Bucket(buf, pts, model.HigherWorse) }); n != 0 {
		t.Errorf("Bucket with a reusable buffer allocates %v times a call", n)
	}
}

func TestWorsePick(t *testing.T) {
	for _, tc := range []struct {
		name string
		w    model.Worse
		a, b model.Value
		want model.Value
	}{
		{"higher is worse", model.HigherWorse, model.Some(1), model.Some(2), model.Some(2)},
		{"lower is worse", model.LowerWorse, model.Some(1), model.Some(2), model.Some(1)},
		{"a reading beats none", model.LowerWorse, model.None, model.Some(5), model.Some(5)},
		{"none and none is none", model.HigherWorse, model.None, model.None, model.None},
		{"NaN is no reading", model.HigherWorse, model.Some(math.NaN()), model.Some(1), model.Some(1)},
		{"Inf is no reading", model.HigherWorse, model.Some(3), model.Some(math.Inf(1)), model.Some(3)},
		{"NaN alone is none", model.HigherWorse, model.Some(math.NaN()), model.None, model.None},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.w.Pick(tc.a, tc.b); got != tc.want {
				t.Errorf("Pick = %v, want %v", got, tc.want)
			}
		})
	}
	if model.WiFiRSSI.Worse() != model.LowerWorse || model.SystemCPU.Worse() != model.HigherWorse {
		t.Error("a weaker Wi-Fi signal and a higher CPU load are worse")
	}
}
