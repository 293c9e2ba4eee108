package model

import "time"

// WindowSteps are the windows [ and ] step through, shortest first, from
// a fitted window (FitWindow) to its neighbours. The steps under five
// minutes are for fast sample cadences (the demo's seconds): at Zoom's
// minute they are below MinWindow.
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
// floor, or w itself when there is none. Sparklines pass MinWindow as
// the floor; a chart passes the span it still draws a shape in.
func PrevWindow(w, floor time.Duration) time.Duration {
	for i := len(WindowSteps) - 1; i >= 0; i-- {
		if s := WindowSteps[i]; s < w && s >= floor {
			return s
		}
	}
	return w
}

// MinWindowSamples is the fewest samples a window of the width rule
// holds (see FitWindow), so a narrow sparkline of a long call still shows
// a trend rather than a few readings.
const MinWindowSamples = 20

// MinWindowCadences is the shortest window, in cadences: a call that
// began a minute ago still shows its first samples as a start, not as
// the whole width, and [ stops there.
const MinWindowCadences = 5

// MinWindow is the shortest window for samples every cadence (Zoom's
// minute when unknown).
func MinWindow(cadence time.Duration) time.Duration {
	return min(orZoom(cadence)*MinWindowCadences, WindowSteps[len(WindowSteps)-1])
}

// DefaultWindow is the width rule alone, for a screen that knows no call:
// the window that gives each of width columns one cadence (Zoom's minute
// when unknown), and so about one sample, holding at least
// MinWindowSamples; see FitWindow.
func DefaultWindow(cadence time.Duration, width int) time.Duration {
	return FitWindow(time.Time{}, time.Time{}, cadence, width)
}

// FitWindow is the window a call's sparklines show by default: the
// shortest of fitSteps, at least MinWindow, whose grid anchored at since
// (AnchoredGrid: since is the join, or the first sample when Zoom did not
// say) still holds newest (the newest sample), so the call fills the
// width and new samples fill it to the right until the window steps up
// to the next size. A step is at most half again the one before, so the
// call fills at least two thirds of the width. Once the call is longer
// than width columns hold at one cadence each (or when since is zero),
// it is the width rule: width cadences (at least MinWindowSamples),
// rounded up by RoundWindow, so every column holds about one sample and
// none is shorter than the cadence. A day at most: the history holds no
// more.
func FitWindow(since, newest time.Time, cadence time.Duration, width int) time.Duration {
	cadence = orZoom(cadence)
	longest := WindowSteps[len(WindowSteps)-1]
	n := time.Duration(max(width, MinWindowSamples))
	if cadence > longest/n {
		return longest
	}
	rule := min(RoundWindow(max(cadence*n, MinWindow(cadence))), longest)
	if since.IsZero() || !newest.After(since) {
		return rule
	}
	floor := MinWindow(cadence)
	for _, s := range fitSteps {
		if s >= rule {
			break
		}
		if s >= floor && AnchoredGrid(s, since, newest, max(width, 1)).Start().Compare(since) <= 0 {
			return s
		}
	}
	return rule
}

// fitSteps are the sizes a fitted window steps through as the call
// grows: round lengths for the axis, each at most half again the one
// before, few enough that the screen is redrawn whole only now and then.
var fitSteps = []time.Duration{
	10 * time.Second, 15 * time.Second, 20 * time.Second, 30 * time.Second, 45 * time.Second,
	time.Minute, 90 * time.Second, 2 * time.Minute, 3 * time.Minute, 4 * time.Minute, 5 * time.Minute,
	7 * time.Minute, 10 * time.Minute, 15 * time.Minute, 20 * time.Minute, 30 * time.Minute, 45 * time.Minute,
	time.Hour, 90 * time.Minute, 2 * time.Hour, 3 * time.Hour, 4 * time.Hour, 6 * time.Hour, 8 * time.Hour,
	12 * time.Hour, 16 * time.Hour, 24 * time.Hour,
}

// CallWindow is the window that shows the whole call, from since to
// newest and a column more (the call over the width), whatever the width:
// columns then hold several samples each once the call is long (the
// worst of them shows).
func CallWindow(since, newest time.Time, cadence time.Duration, width int) time.Duration {
	w := MinWindow(cadence)
	if !since.IsZero() && newest.After(since) {
		call := newest.Sub(since)
		w = max(w, call+call/time.Duration(max(width, 1)))
	}
	return min(RoundWindow(w), WindowSteps[len(WindowSteps)-1])
}

// windowGrains are the lengths a fitted window is a whole number of,
// shortest first, so the axis reads round times.
var windowGrains = []time.Duration{
	time.Second, 5 * time.Second, 10 * time.Second, 30 * time.Second, time.Minute, 5 * time.Minute,
	15 * time.Minute, 30 * time.Minute, time.Hour,
}

// RoundWindow rounds d up to a whole number of the longest grain no
// longer than a tenth of it: 20m30s gives 21m, 1h07m gives 1h10m. The
// grain stays under a tenth, so a call fills at least nine tenths of the
// window that fits it.
func RoundWindow(d time.Duration) time.Duration {
	g := windowGrains[0]
	for _, s := range windowGrains {
		if s*10 <= d {
			g = s
		}
	}
	if r := d % g; r != 0 {
		d += g - r
	}
	return d
}

// SampleFrom is the start of the time a sample at t stands for: Zoom's
// sample is a reading over the time since the one before (prev, zero when
// there is none), which is a cadence when samples are regular. Further
// back than a cadence and a half there was a hole: the sample stands for
// one cadence. Never before joined (zero when not known): the participant
// was not there.
func SampleFrom(t, prev, joined time.Time, cadence time.Duration) time.Time {
	cadence = orZoom(cadence)
	from := t.Add(-cadence)
	if !prev.IsZero() && prev.Before(t) && t.Sub(prev) <= cadence*3/2 {
		from = prev
	}
	if !joined.IsZero() && joined.After(from) && joined.Before(t) {
		from = joined
	}
	return from
}

func orZoom(cadence time.Duration) time.Duration {
	if cadence <= 0 {
		return ZoomCadence
	}
	return cadence
}
