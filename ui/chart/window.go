package chart

import (
	"strconv"
	"time"

	"github.com/qostop/qostop/model"
)

// Window is the span of time a chart screen shows: live (its right edge
// follows the newest data) or scrolled back (its right edge is fixed, so
// new samples do not move what the user is reading; they are counted
// instead). It is pure state: the screen calls its methods on keys and
// on new data, and gives the chart its Range.
type Window struct {
	span  time.Duration
	end   time.Time // the fixed right edge; zero while live
	fresh int       // samples that arrived while scrolled back
}

// NewWindow is a live window of span (Zoom's default when span <= 0).
func NewWindow(span time.Duration) Window {
	if span <= 0 {
		span = model.DefaultWindow(model.ZoomCadence, 0)
	}
	return Window{span: span}
}

// Span is how much time the window shows.
func (w Window) Span() time.Duration { return w.span }

// Live reports whether the window follows the newest data.
func (w Window) Live() bool { return w.end.IsZero() }

// New is how many samples arrived while scrolled back.
func (w Window) New() int { return w.fresh }

// Range is the time shown, given the live edge. Pass the newest sample's
// time: the clock would move a live view, and so redraw every chart, on
// every tick, when only a new sample changes what there is to see.
func (w Window) Range(live time.Time) (start, end time.Time) {
	end = live
	if !w.Live() {
		end = w.end
	}
	return end.Add(-w.span), end
}

// scrollStep is how far ← and → move: a third of the span, which is
// 5m, 10m, 20m, 1h, 2h, 4h or 8h for the window steps from 15m up.
func (w Window) scrollStep() time.Duration { return max(w.span/3, time.Second) }

// Back scrolls back a step, to a right edge on a whole step so the view
// reads 19:30-19:45 rather than 19:31:17-19:46:17. It stops where the
// oldest sample reaches the left edge; with everything in view already
// it stays live.
func (w *Window) Back(live, oldest time.Time) {
	_, end := w.Range(live)
	step := w.scrollStep()
	to := end.Add(-step).Truncate(step)
	if floor := oldest.Add(w.span); to.Before(floor) {
		to = floor
	}
	if to.Before(end) {
		w.end = to
	}
}

// Forward scrolls forward a step; coming within a step of the live edge
// goes live, rather than stopping seconds short of it.
func (w *Window) Forward(live time.Time) {
	if w.Live() {
		return
	}
	step := w.scrollStep()
	to := w.end.Add(step).Truncate(step)
	if live.Sub(to) < step {
		w.GoLive()
		return
	}
	w.end = to
}

// ZoomIn shows a shorter span (the previous window step, not below
// floor), keeping the right edge where it is.
func (w *Window) ZoomIn(floor time.Duration) { w.span = model.PrevWindow(w.span, floor) }

// ZoomOut shows a longer span, keeping the right edge where it is.
func (w *Window) ZoomOut() { w.span = model.NextWindow(w.span) }

// GoLive follows the newest data again and forgets the count of new
// samples, which are now in view.
func (w *Window) GoLive() { w.end, w.fresh = time.Time{}, 0 }

// Arrived notes n new samples (History.Merge's count). While live they
// are simply shown; while scrolled back they are counted.
func (w *Window) Arrived(n int) {
	if !w.Live() && n > 0 {
		w.fresh += n
	}
}

// Describe says what is shown, for a status bar: "live, last 15m" or
// "19:30–19:45 · 3 new" while scrolled back, with the day named when
// the view crosses midnight. ascii keeps to ASCII punctuation.
func (w Window) Describe(live time.Time, loc *time.Location, ascii bool) string {
	if loc == nil {
		loc = time.Local
	}
	dash, sep := "–", " · "
	if ascii {
		dash, sep = "-", ", "
	}
	if w.Live() {
		return "live" + sep + "last " + spanText(w.span)
	}
	start, end := w.Range(live)
	s, e := start.In(loc), end.In(loc)
	layout := "15:04"
	if s.YearDay() != e.YearDay() || s.Year() != e.Year() {
		layout = "Mon 15:04"
	}
	out := s.Format(layout) + dash + e.Format(layout)
	if w.fresh > 0 {
		out += sep + strconv.Itoa(w.fresh) + " new"
	}
	return out
}

// spanText writes a window step as the keys' help does: 15m, 1h, 24h.
func spanText(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case d >= time.Minute && d%time.Minute == 0:
		return strconv.Itoa(int(d/time.Minute)) + "m"
	}
	return d.String()
}
