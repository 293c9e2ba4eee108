package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
)

// The watch screen's window: fitted to the call unless [, ], a or
// --window chose one.

// windowKey steps the window: [ to the next shorter step down to
// model.MinWindow (a sample reaches over its minute, so short columns
// draw no comb), ] to the next longer, a to the whole call and back to
// the fitted window.
func (m *watchModel) windowKey(msg tea.KeyPressMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.ShorterSpan):
		m.setSpan(model.PrevWindow(m.span(), model.MinWindow(m.feed.Cadence())), false)
	case key.Matches(msg, k.LongerSpan):
		m.setSpan(model.NextWindow(m.span()), false)
	case m.whole:
		m.setSpan(0, false)
	default:
		m.setSpan(0, true)
	}
}

// setSpan sets the window the sparklines show: d, or when d is 0 the
// fitted window or (whole) the whole call.
func (m *watchModel) setSpan(d time.Duration, whole bool) {
	if d == m.chosen && whole == m.whole {
		return
	}
	m.chosen, m.whole = d, whole
	m.dataVersion = 0 // the window moved: give the panes their samples again
	m.rebuild()
}

// span is the window the sparklines show: the one chosen, else the whole
// call after a, else the window fitted to the call and the sparklines'
// width (model.FitWindow).
func (m *watchModel) span() time.Duration { return m.spanFor(m.gridWidth()) }

func (m *watchModel) spanFor(width int) time.Duration {
	since, newest := m.callSpan()
	switch {
	case m.chosen > 0:
		return m.chosen
	case m.whole:
		return model.CallWindow(since, newest, m.feed.Cadence(), width)
	}
	return model.FitWindow(since, newest, m.feed.Cadence(), width)
}

// callSpan is the participant's time in the call as far as the samples
// go: from the join (or the first sample when Zoom gave no join time, or
// when samples begin earlier, as after a rejoin) to the newest sample.
// The first sample is the oldest seen, not the oldest the history still
// holds: a full history drops one on every new sample, and the grid
// anchored here must not move with it.
func (m *watchModel) callSpan() (since, newest time.Time) {
	since = m.feed.Who().JoinTime
	first := m.firstSample
	if hs := m.hist.Samples(); len(hs) > 0 && (first.IsZero() || hs[0].Time.Before(first)) {
		first = hs[0].Time
	}
	if !first.IsZero() && (since.IsZero() || first.Before(since)) {
		since = first
	}
	if latest, ok := m.hist.Latest(); ok {
		newest = latest.Time
	}
	return since, newest
}

// windowText is what the time axis says of the window: "window 21m", or
// "whole call 21m" after a.
func (m *watchModel) windowText() string {
	if m.whole {
		return "whole call " + chrome.FmtDur(m.span())
	}
	return "window " + chrome.FmtDur(m.span())
}
