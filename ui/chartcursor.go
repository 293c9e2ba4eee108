package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/ui/chart"
)

// The chart screen's cursor: c shows a line at one time on every chart
// and panel, whose titles then read that time and their value there.
// It rests on sample times (and, in a hole, on the times a sample was
// due), so what it reads is a sample, never a blend of two. The view
// follows it: a step past an edge scrolls, a zoom keeps it in view.

// cursorNote is the full help's word on the cursor, and how it and the
// view move together.
const cursorNote = "c: a cursor; each title reads its time and value (\"no sample\": none sent). " +
	"Past an edge it scrolls; [ ] keep it in view; end takes it to the newest."

// cursorStops are the times the cursor rests on: the history's samples.
func (s *chartScreen) cursorStops() chart.Stops {
	hs := s.f.History().Samples()
	return chart.Stops{Len: len(hs), At: func(i int) time.Time { return hs[i].Time }, Cadence: s.f.Cadence()}
}

// cursorKey handles a key while the cursor shows; handled is false for
// the keys that mean the same with it or without.
func (s *chartScreen) cursorKey(msg tea.KeyPressMsg) (handled bool) {
	k := s.keys
	stops := s.cursorStops()
	start, end := s.win.Range(s.newest)
	switch {
	case key.Matches(msg, k.Cursor), key.Matches(msg, k.Back) && !s.helpView.ShowAll:
		s.cursor = time.Time{}
	case key.Matches(msg, k.Earlier):
		s.cursor = stops.Step(s.cursor, -1)
	case key.Matches(msg, k.Later):
		s.cursor = stops.Step(s.cursor, +1)
	case key.Matches(msg, k.FarEarlier):
		s.cursor = stops.StepAtLeast(s.cursor, -s.farStep(start, end))
	case key.Matches(msg, k.FarLater):
		s.cursor = stops.StepAtLeast(s.cursor, s.farStep(start, end))
	case key.Matches(msg, k.Live):
		s.win.GoLive()
		s.cursor = stops.Last(s.newest)
	default:
		return false
	}
	s.followCursor()
	return true
}

// farStep is how far shift+←/→ move the cursor: a tenth of the view,
// some ten columns at any zoom.
func (s *chartScreen) farStep(start, end time.Time) time.Duration {
	return max(end.Sub(start)/10, time.Second)
}

// showCursor puts the cursor on the newest sample in view.
func (s *chartScreen) showCursor() {
	_, end := s.win.Range(s.newest)
	s.cursor = s.cursorStops().Last(end)
}

// followCursor scrolls the view, a step at a time as ← and → do, until
// the cursor is in it: a step past an edge, or a zoom in that left it
// outside. The cursor never rests before the oldest sample, nor after
// the newest, so the view reaches it.
func (s *chartScreen) followCursor() {
	if s.cursor.IsZero() {
		return
	}
	oldest := s.newest
	if hs := s.f.History().Samples(); len(hs) > 0 {
		oldest = hs[0].Time
	}
	for {
		start, end := s.win.Range(s.newest)
		before := s.win
		switch {
		case s.cursor.Before(start):
			s.win.Back(s.newest, oldest)
		case s.cursor.After(end):
			s.win.Forward(s.newest)
		}
		if s.win == before {
			return
		}
	}
}

// cursorArrived keeps the cursor on what it read when samples arrive:
// on the newest sample it moves to the new newest, as "now" does; on an
// older one it stays, unless a live view moved past it, when it goes to
// the oldest sample still in view.
func (s *chartScreen) cursorArrived(was time.Time) {
	switch {
	case s.cursor.IsZero():
	case s.cursor.Equal(was) && s.win.Live():
		s.cursor = s.newest
	default:
		if start, _ := s.win.Range(s.newest); s.cursor.Before(start) {
			s.cursor = s.cursorStops().Next(start.Add(-time.Nanosecond))
		}
	}
}

// shortHelp is the help line: pairs of keys as one ("←/→ scroll",
// "[/] zoom") so that c, and with the cursor on how to move it, fit in 80
// columns. ? lists each key.
func (s *chartScreen) shortHelp() []key.Binding {
	k := s.keys
	lr := k.Earlier.Help().Key + "/" + k.Later.Help().Key
	k.ZoomIn.SetHelp(k.ZoomIn.Help().Key+"/"+k.ZoomOut.Help().Key, "zoom")
	if s.cursor.IsZero() {
		k.Earlier.SetHelp(lr, "scroll")
		return []key.Binding{k.Back, k.Earlier, k.ZoomIn, k.Live, k.Cursor, k.NextChart, k.Help}
	}
	k.Back.SetHelp(k.Back.Help().Key, "hide cursor")
	k.Earlier.SetHelp(lr, "one sample")
	k.FarEarlier.SetHelp(k.FarEarlier.Help().Key+"/"+k.FarLater.Help().Key, "a tenth")
	return []key.Binding{k.Back, k.Earlier, k.FarEarlier, k.ZoomIn, k.Live, k.NextChart, k.Help}
}
