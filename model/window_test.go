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
		{"the floor stops a sparkline below its default", 3 * time.Hour, 3 * time.Hour, 6 * time.Hour, 3 * time.Hour},
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
		{"Zoom, 80 columns: 80 minutes round up to 3h", time.Minute, 80, 3 * time.Hour},
		{"Zoom, 58 columns", time.Minute, 58, time.Hour},
		{"Zoom, 200 columns", time.Minute, 200, 6 * time.Hour},
		{"Zoom, a narrow pane still holds 20 samples", time.Minute, 12, 30 * time.Minute},
		{"unknown cadence is Zoom's", 0, 58, time.Hour},
		{"demo (3s), 80 columns", 3 * s, 80, 5 * time.Minute},
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
