package model_test

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestRoundUp(t *testing.T) {
	for _, tc := range []struct{ v, want float64 }{
		{0.06, 0.1}, {0.1, 0.1}, {0.11, 0.2}, {1, 1}, {1.5, 2}, {2, 2}, {2.2, 2.5}, {2.5, 2.5},
		{3, 5}, {5, 5}, {7, 10}, {30, 50}, {150, 200}, {200, 200}, {201, 250}, {420, 500},
		{999, 1000}, {1001, 2000}, {2400, 2500}, {1e-7, 1e-7}, {3e12, 5e12},
		{0, 1}, {-4, 1}, {math.NaN(), 1}, {math.Inf(1), 1},
	} {
		if got := model.RoundUp(tc.v); math.Abs(got-tc.want) > 1e-12*tc.want {
			t.Errorf("RoundUp(%g) = %g, want %g", tc.v, got, tc.want)
		}
	}
}

func TestScaleFor(t *testing.T) {
	th := model.DefaultThresholds() // latency 150:300, jitter 30:60, loss 1:5, max loss 5:10
	zero := th
	zero[model.Latency] = model.Bound{Warn: 0, Critical: 1}
	if got := model.ScaleFor(model.LatencyField, zero, model.Some(0.004)); got.Top != 0.005 {
		t.Errorf("latency with a warn of 0 scales to the data: top %g, want 0.005", got.Top)
	}
	for _, tc := range []struct {
		name string
		f    model.Field
		peak model.Value
		top  float64
	}{
		{"calm latency reaches the warn line", model.LatencyField, model.Some(80), 200},
		{"a latency spike raises the top", model.LatencyField, model.Some(420), 500},
		{"no latency yet still shows the warn line", model.LatencyField, model.None, 200},
		{"jitter", model.JitterField, model.Some(12), 50},
		{"a 0.06 % loss wiggle gets the 0-5 % scale", model.AvgLossField, model.Some(0.06), 5},
		{"heavy loss", model.AvgLossField, model.Some(12), 20},
		{"max loss", model.MaxLossField, model.Some(1.9), 5},
		{"bitrate scales to the data", model.BitrateField, model.Some(1234), 2000},
		{"low bitrate stays readable", model.BitrateField, model.Some(23), 25},
		{"frame rate", model.FrameRateField, model.Some(30), 50},
		{"no frame rate yet", model.FrameRateField, model.None, 1},
		{"a zero bitrate", model.BitrateField, model.Some(0), 1},
		{"a trickle of bitrate does not fill the row", model.BitrateField, model.Some(0.003), 1},
		{"NaN is no reading", model.LatencyField, model.Some(math.NaN()), 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.ScaleFor(tc.f, th, tc.peak); got.Top != tc.top {
				t.Errorf("top %g, want %g", got.Top, tc.top)
			}
		})
	}
}

// The case: loss of 0.00-0.06 % drawn in a sparkline row of the
// 8 block heights is one flat line at the lowest glyph, while the same
// row still shows real trouble (5 %) at the top.
func TestLossWiggleDrawsFlat(t *testing.T) {
	wiggle := []float64{0, 0.01, 0.06, 0.02, 0, 0.05, 0.03, 0.06, 0.01, 0}
	mins := make([]int, len(wiggle))
	for i := range mins {
		mins[i] = len(wiggle) - 1 - i
	}
	g := model.NewGrid(10*time.Minute, gridNow, 10)
	cols := g.Bucket(nil, minPts(mins, wiggle), model.AvgLossField.Worse())
	sc := model.ScaleFor(model.AvgLossField, model.DefaultThresholds(), model.Peak(cols))
	for c, v := range cols {
		if !v.OK {
			t.Fatalf("column %d is a gap", c)
		}
		if h := sc.Cell(v.V, 8); h != 0 {
			t.Errorf("column %d (%.2f %%) at height %d of 8, want flat at 0", c, v.V, h)
		}
	}
	if h := sc.Cell(5, 8); h != 7 {
		t.Errorf("5 %% loss at height %d, want the top, 7", h)
	}
	if h := sc.Cell(1.2, 8); h < 1 {
		t.Errorf("1.2 %% loss (over warn) at height %d, want it off the baseline", h)
	}
}

func TestScaleCell(t *testing.T) {
	sc := model.Scale{Top: 200}
	for _, tc := range []struct {
		v    float64
		want int
	}{{0, 0}, {1, 0}, {25, 0}, {26, 1}, {100, 3}, {199, 7}, {200, 7}, {900, 7}, {-5, 0}, {math.NaN(), 0}} {
		if got := sc.Cell(tc.v, 8); got != tc.want {
			t.Errorf("Cell(%g) = %d, want %d", tc.v, got, tc.want)
		}
	}
}

func TestScaleTicks(t *testing.T) {
	for _, tc := range []struct {
		top    float64
		n      int
		want   []float64
		labels []string
	}{
		{200, 6, []float64{0, 50, 100, 150, 200}, []string{"0", "50", "100", "150", "200"}},
		{500, 5, []float64{0, 250, 500}, []string{"0", "250", "500"}},
		{500, 6, []float64{0, 100, 200, 300, 400, 500}, nil},
		{5, 6, []float64{0, 1, 2, 3, 4, 5}, nil},
		{5, 3, []float64{0, 2.5, 5}, []string{"0.0", "2.5", "5.0"}},
		{2.5, 6, []float64{0, 0.5, 1, 1.5, 2, 2.5}, []string{"0.0", "0.5", "1.0", "1.5", "2.0", "2.5"}},
		{0.1, 5, []float64{0, 0.025, 0.05, 0.075, 0.1}, []string{"0.000", "0.025", "0.050", "0.075", "0.100"}},
		{2000, 4, []float64{0, 1000, 2000}, nil},
		{1, 1, []float64{0, 1}, nil},
		{0, 4, []float64{0, 0.5, 1}, nil},
	} {
		ticks, step := model.Scale{Top: tc.top}.Ticks(tc.n)
		if len(ticks) != len(tc.want) {
			t.Errorf("Ticks(top %g, %d) = %v, want %v", tc.top, tc.n, ticks, tc.want)
			continue
		}
		for i := range ticks {
			if math.Abs(ticks[i]-tc.want[i]) > 1e-9 {
				t.Errorf("Ticks(top %g, %d) = %v, want %v", tc.top, tc.n, ticks, tc.want)
				break
			}
		}
		if len(ticks) > max(tc.n, 2) {
			t.Errorf("Ticks(top %g, %d): %d ticks do not fit", tc.top, tc.n, len(ticks))
		}
		if tc.labels != nil {
			var got []string
			for _, v := range ticks {
				got = append(got, model.FormatTick(v, step))
			}
			if !slices.Equal(got, tc.labels) {
				t.Errorf("labels %q, want %q", got, tc.labels)
			}
		}
	}
}
