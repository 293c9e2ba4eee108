package model_test

import (
	"math"
	"sort"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestWindowSteps(t *testing.T) {
	m := time.Minute
	for _, tc := range []struct {
		name       string
		w, floor   time.Duration
		next, prev time.Duration
	}{
		{"15m", 15 * m, 15 * m, 30 * m, 15 * m},
		{"30m with no floor", 30 * m, 0, time.Hour, 15 * m},
		{"1h", time.Hour, 15 * m, 3 * time.Hour, 30 * m},
		{"24h is the longest", 24 * time.Hour, 15 * m, 24 * time.Hour, 12 * time.Hour},
		{"1m is the shortest", m, 0, 2 * m, m},
		{"off-step windows go to a neighbour", 7 * m, 0, 10 * m, 5 * m},
		{"the floor stops a sparkline at the shortest window", 5 * m, 5 * m, 10 * m, 5 * m},
		{"a fitted window steps to its neighbours", 21 * m, 5 * m, 30 * m, 15 * m},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.NextWindow(tc.w); got != tc.next {
				t.Errorf("NextWindow(%v) = %v, want %v", tc.w, got, tc.next)
			}
			if got := model.PrevWindow(tc.w, tc.floor); got != tc.prev {
				t.Errorf("PrevWindow(%v, %v) = %v, want %v", tc.w, tc.floor, got, tc.prev)
			}
		})
	}
	// The steps the issue names are all there, in order.
	want := []time.Duration{15 * m, 30 * m, time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour}
	w := 15 * m
	for _, s := range want[1:] {
		if w = model.NextWindow(w); w != s {
			t.Fatalf("] from 15m walks to %v, want %v", w, s)
		}
	}
	if !sort.SliceIsSorted(model.WindowSteps, func(i, j int) bool { return model.WindowSteps[i] < model.WindowSteps[j] }) {
		t.Error("WindowSteps must be shortest first")
	}
}

func TestDefaultWindow(t *testing.T) {
	s := time.Second
	for _, tc := range []struct {
		name    string
		cadence time.Duration
		width   int
		want    time.Duration
	}{
		{"Zoom, 80 columns: 80 minutes, a sample a column", time.Minute, 80, 80 * time.Minute},
		{"Zoom, 58 columns: rounded up to 1h", time.Minute, 58, time.Hour},
		{"Zoom, 200 columns: 3h20m rounded up to a quarter hour", time.Minute, 200, 3*time.Hour + 30*time.Minute},
		{"Zoom, a narrow pane still holds 20 samples", time.Minute, 12, 20 * time.Minute},
		{"unknown cadence is Zoom's", 0, 58, time.Hour},
		{"demo (3s), 80 columns", 3 * s, 80, 4 * time.Minute},
		{"demo (3s), a narrow pane shows one 20-sample cycle", 3 * s, 17, time.Minute},
		{"demo (3s), 200 columns", 3 * s, 200, 10 * time.Minute},
		{"beyond a day stops at 24h", time.Minute, 5000, 24 * time.Hour},
		{"a huge cadence does not overflow", math.MaxInt64 / 10, 100, 24 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.DefaultWindow(tc.cadence, tc.width); got != tc.want {
				t.Errorf("DefaultWindow(%v, %d) = %v, want %v", tc.cadence, tc.width, got, tc.want)
			}
		})
	}
}

// Wherever a day allows it, the default window gives each column at
// least a cadence, so regular samples never leave false gaps.
func TestDefaultWindowNoFalseGaps(t *testing.T) {
	for _, cadence := range []time.Duration{time.Second, 3 * time.Second, 10 * time.Second, time.Minute} {
		for width := 1; width <= 300; width++ {
			w := model.DefaultWindow(cadence, width)
			if cadence*time.Duration(width) > 24*time.Hour {
				continue
			}
			g := model.NewGrid(w, gridNow, width)
			if g.Span() < cadence {
				t.Fatalf("cadence %v width %d: window %v gives %v a column", cadence, width, w, g.Span())
			}
			var pts []model.Point
			for t0 := g.Start(); t0.Before(g.End()); t0 = t0.Add(cadence) {
				pts = append(pts, model.Point{Time: t0, V: model.Some(1)})
			}
			for c, v := range g.Bucket(nil, pts, model.HigherWorse) {
				if !v.OK {
					t.Fatalf("cadence %v width %d window %v: column %d empty under regular samples", cadence, width, w, c)
				}
			}
		}
	}
}

func TestFitWindow(t *testing.T) {
	m := time.Minute
	newest := gridNow.Truncate(m)
	for _, tc := range []struct {
		name    string
		call    time.Duration // since the join; 0: join unknown
		cadence time.Duration
		width   int
		want    time.Duration
	}{
		{"joined 20 minutes ago: the step that holds it", 20 * m, m, 90, 30 * m},
		{"19m22s fits 20m", 19*m + 22*time.Second, m, 90, 20 * m},
		{"20m30s steps up to 30m, not to 21m", 20*m + 30*time.Second, m, 90, 30 * m},
		{"a call of a minute shows five cadences", m, m, 90, 5 * m},
		{"the window steps up as the call grows", 53*m + 30*time.Second, m, 90, time.Hour},
		{"longer than the width holds: a sample a column", 3 * time.Hour, m, 90, 90 * m},
		{"join unknown and no first sample: the width rule", 0, m, 90, 90 * m},
		{"the demo's seconds", 100 * time.Second, 3 * time.Second, 90, 2 * m},
		{"a day at most", 30 * time.Hour, time.Hour, 90, 24 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			since := time.Time{}
			if tc.call > 0 {
				since = newest.Add(-tc.call)
			}
			if got := model.FitWindow(since, newest, tc.cadence, tc.width); got != tc.want {
				t.Errorf("FitWindow(call %v, cadence %v, width %d) = %v, want %v", tc.call, tc.cadence, tc.width, got, tc.want)
			}
		})
	}
	if got := model.CallWindow(newest.Add(-3*time.Hour), newest, m, 90); got != 3*time.Hour+15*m {
		t.Errorf("CallWindow of a 3h call at 90 columns = %v, want 3h15m: the call and a column, whatever the width rule", got)
	}
}

// A call that fits the width fills at least two thirds of its window
// (a step is at most half again the one before), its grid starts at the
// join, and its samples, drawn over the time each stands for, leave no
// blank column however short the columns get.
func TestFitWindowFillsTheWidth(t *testing.T) {
	cadence := time.Minute
	newest := gridNow.Truncate(cadence)
	for width := 10; width <= 220; width += 7 {
		for mins := 5; mins <= width; mins += 3 {
			since := newest.Add(-time.Duration(mins) * cadence)
			w := model.FitWindow(since, newest, cadence, width)
			g := model.AnchoredGrid(w, since, newest, width)
			if w == model.DefaultWindow(cadence, width) && g.Start().After(since) {
				continue // the width rule, paged: TestAnchoredGridMovesRarely
			}
			if first, ok := g.Column(since); !ok || first != 0 {
				t.Fatalf("width %d, call %d min, window %v: the join in column %d (%v), want 0", width, mins, w, first, ok)
			}
			if last, _ := g.Column(newest); last < width*2/3-1 && w > model.MinWindow(cadence) {
				t.Fatalf("width %d, call %d min, window %v: the newest sample in column %d of %d, under two thirds", width, mins, w, last, width)
			}
			filled := make([]bool, width)
			prev := time.Time{}
			for s := since.Add(cadence); !s.After(newest); s = s.Add(cadence) {
				lo, hi, ok := g.Reach(s, model.SampleFrom(s, prev, since, cadence))
				for c := lo; ok && c <= hi; c++ {
					filled[c] = true
				}
				prev = s
			}
			last, _ := g.Column(newest)
			for i := 1; i <= last; i++ {
				if !filled[i] {
					t.Fatalf("width %d, call %d min, window %v: column %d blank in an unbroken run", width, mins, w, i)
				}
			}
		}
	}
}

// Over a call of six hours at a sample a minute, the fitted grid of 150
// columns holds still between its steps: the columns move (and the whole
// screen is drawn again) a few times per window, not on every sample,
// the join stays in the first column until the call outgrows the width
// rule, and then the newest sample stays in the last eighth.
func TestAnchoredGridMovesRarely(t *testing.T) {
	const width = 150
	since := gridNow.Truncate(time.Minute).Add(17 * time.Second)
	var prev model.Grid
	moves, samples := 0, 0
	for newest := since.Add(time.Minute); newest.Before(since.Add(6 * time.Hour)); newest = newest.Add(time.Minute) {
		w := model.FitWindow(since, newest, time.Minute, width)
		g := model.AnchoredGrid(w, since, newest, width)
		c, ok := g.Column(newest)
		if !ok {
			t.Fatalf("call %v: the newest sample is off the grid %v-%v", newest.Sub(since), g.Start(), g.End())
		}
		if j, in := g.Column(since); in && j != 0 {
			t.Fatalf("call %v: the join in column %d, want 0", newest.Sub(since), j)
		}
		if g.Start().After(since) && c < width*7/8-1 {
			t.Fatalf("call %v: paged, yet the newest sample in column %d of %d", newest.Sub(since), c, width)
		}
		if samples > 0 && g != prev {
			moves++
		}
		prev, samples = g, samples+1
	}
	// 5m to 2h30m in 15 steps, then 3h30m in pages of 18 minutes.
	if moves > 30 {
		t.Errorf("the grid moved %d times over %d samples, want a few per window", moves, samples)
	}
	t.Logf("%d moves over %d samples", moves, samples)

	// A day's history with no join from Zoom: since is the oldest sample,
	// which drops out on every new one. The grid still moves a page at a
	// time: 360 samples at a minute, a day over 150 columns, pages of 3h.
	moves, samples = 0, 0
	for newest := since.Add(24 * time.Hour); newest.Before(since.Add(30 * time.Hour)); newest = newest.Add(time.Minute) {
		g := model.AnchoredGrid(24*time.Hour, newest.Add(-24*time.Hour), newest, width)
		if _, ok := g.Column(newest); !ok {
			t.Fatalf("newest %v off the grid %v-%v", newest, g.Start(), g.End())
		}
		if samples > 0 && g != prev {
			moves++
		}
		prev, samples = g, samples+1
	}
	if moves > 3 {
		t.Errorf("with the oldest sample as the join, the grid moved %d times over %d samples, want 2 or 3 (pages of 3h)", moves, samples)
	}
}

func TestReachAndBefore(t *testing.T) {
	m := time.Minute
	newest := gridNow.Truncate(m)
	g := model.NewGrid(20*m, newest, 80) // 15 s a column
	at := func(min int) time.Time { return newest.Add(time.Duration(min) * m) }
	lo, hi, ok := g.Reach(at(0), at(-1))
	if !ok || hi != 79 || lo != 76 {
		t.Errorf("the newest sample reaches columns %d-%d (%v), want 76-79: its minute", lo, hi, ok)
	}
	if lo, hi, ok := g.Reach(at(-30), at(-31)); ok {
		t.Errorf("a sample before the grid reaches %d-%d", lo, hi)
	}
	if lo, _, _ := g.Reach(at(-19), at(-25)); lo != 0 {
		t.Errorf("a sample standing for time before the grid starts at column %d, want 0", lo)
	}
	wide := model.NewGrid(80*m, newest, 80) // a minute a column
	if lo, hi, _ := wide.Reach(at(0), at(-1)); lo != hi {
		t.Errorf("on minute columns a sample fills %d-%d, want its own column", lo, hi)
	}
	if n := g.Before(at(-15)); n != 19 {
		t.Errorf("Before(15 minutes back) = %d columns, want 19 (the grid starts at %v)", n, g.Start())
	}
	if n := g.Before(at(-40)); n != 0 {
		t.Errorf("Before a time left of the grid = %d, want 0", n)
	}
}

func TestSampleFrom(t *testing.T) {
	m := time.Minute
	t0 := gridNow.Truncate(m)
	for _, tc := range []struct {
		name               string
		prev, joined, want time.Time
	}{
		{"since the sample before", t0.Add(-m), time.Time{}, t0.Add(-m)},
		{"a late sample stands for its whole gap", t0.Add(-80 * time.Second), time.Time{}, t0.Add(-80 * time.Second)},
		{"after a hole, one cadence", t0.Add(-6 * m), time.Time{}, t0.Add(-m)},
		{"the first sample: one cadence", time.Time{}, time.Time{}, t0.Add(-m)},
		{"not before the join", time.Time{}, t0.Add(-20 * time.Second), t0.Add(-20 * time.Second)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.SampleFrom(t0, tc.prev, tc.joined, m); !got.Equal(tc.want) {
				t.Errorf("SampleFrom = %v, want %v", got, tc.want)
			}
		})
	}
}
