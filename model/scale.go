package model

import (
	"math"
	"strconv"
)

// Scale is the vertical range of a sparkline row or a chart: from 0 to
// Top. Scaling from 0 to a round number, rather than from the smallest
// to the largest reading, keeps noise small: a loss that wiggles between
// 0 and 0.06 % stays on the baseline instead of filling the row.
type Scale struct {
	Top float64
}

// LossScaleFloor is the least top of a loss scale, in percent: below
// about 5 % a call still sounds fine, so smaller wiggles should look flat.
const LossScaleFloor = 5.0

// ScaleFor is the scale for field f when peak is the largest reading in
// view (None if there is none). A judged field reaches at least its warn
// threshold (a loss field at least LossScaleFloor), so a calm call looks
// calm and the warn line is always on the chart; bitrate and frame rate
// have no thresholds and scale to the data, to at least 1 kbps or fps so
// a trickle does not fill the row. Top is the next round number (see
// RoundUp) at or above all of these.
func ScaleFor(f Field, th Thresholds, peak Value) Scale {
	need := 1.0
	if m, ok := f.Metric(); ok {
		need = th[m].Warn
		if f == AvgLossField || f == MaxLossField {
			need = max(need, LossScaleFloor)
		}
	}
	if drawable(peak) {
		need = max(need, peak.V)
	}
	return Scale{Top: RoundUp(need)}
}

// Peak is the largest drawable reading among vals, or None.
func Peak(vals []Value) Value {
	p := None
	for _, v := range vals {
		p = HigherWorse.Pick(p, v)
	}
	return p
}

// roundMantissas are the round numbers of a decade, ascending.
var roundMantissas = [...]float64{1, 2, 2.5, 5}

// RoundUp is the smallest number of the form 1, 2, 2.5 or 5 times a power
// of ten at or above v: 0.06 gives 0.1, 150 gives 200 and 420 gives 500.
// Zero, negative and non-finite values give 1, a scale for "nothing yet".
func RoundUp(v float64) float64 {
	if !(v > 0) || math.IsInf(v, 0) {
		return 1
	}
	e := math.Floor(math.Log10(v))
	for k := e - 1; k <= e+1; k++ {
		p := math.Pow(10, k)
		for _, m := range roundMantissas {
			// Log10 and Pow are not exact: 1e-9 of slack keeps 200 at 200.
			if r := m * p; r >= v*(1-1e-9) {
				return r
			}
		}
	}
	return 10 * math.Pow(10, e+1)
}

// Frac is v's height within the scale, from 0 (baseline) to 1 (top).
func (s Scale) Frac(v float64) float64 {
	if !(s.Top > 0) || !(v > 0) {
		return 0
	}
	return min(v/s.Top, 1)
}

// Cell is the height, from 0 to n-1, of v drawn with n glyphs of rising
// height. A reading always gets at least glyph 0, so a real 0 stays
// visible and differs from a gap.
func (s Scale) Cell(v float64, n int) int {
	if n <= 1 {
		return 0
	}
	g := int(math.Ceil(s.Frac(v)*float64(n))) - 1
	return min(max(g, 0), n-1)
}

// Ticks are round values from 0 up to Top for an axis with room for at
// most n labels (at least 2), and the step between them. The step is 1,
// 2, 2.5 or 5 times a power of ten, the finest that fits, preferring one
// that lands on Top so the top of the axis is labelled.
func (s Scale) Ticks(n int) (ticks []float64, step float64) {
	top := s.Top
	if !(top > 0) || math.IsInf(top, 0) {
		top = 1
	}
	n = max(n, 2)
	e := math.Floor(math.Log10(top))
	var fits float64 // the finest step that fits, in case none lands on top
	for k := e - 3; k <= e+1 && step == 0; k++ {
		p := math.Pow(10, k)
		for _, m := range roundMantissas {
			st := m * p
			count := math.Floor(top/st*(1+1e-9)) + 1
			if count > float64(n) {
				continue
			}
			if fits == 0 {
				fits = st
			}
			if q := top / st; math.Abs(q-math.Round(q)) < 1e-6 {
				step = st
				break
			}
		}
	}
	if step == 0 {
		step = max(fits, top)
	}
	for i := 0; ; i++ {
		v := float64(i) * step
		if v > top*(1+1e-9) {
			break
		}
		ticks = append(ticks, v)
	}
	return ticks, step
}

// FormatTick writes an axis value with as many decimals as step needs,
// the same for every tick so they line up: 0, 50, 100 or 0.0, 2.5, 5.0.
func FormatTick(v, step float64) string {
	d := 0
	for ; d < 6; d++ {
		x := step * math.Pow(10, float64(d))
		if math.Abs(x-math.Round(x)) < 1e-6*max(1, x) {
			break
		}
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}
