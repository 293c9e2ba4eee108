package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/poll"
)

// How the app moves between screens: a screen's opens pushes another
// (the meeting list opens a meeting's overview, which opens a
// participant's watch screen); esc pops it.
//
// Only the top screen's chain polls: a screen with another on top holds
// its chain and resumes it when it is back on top. Views of one feed (the
// watch screen, its charts and its event log) share the feed's chain, so
// opening one over another sends nothing and the chain goes on as it
// was. A screen that is left for good has its requests cancelled and its
// messages are no longer delivered; every chain has a number of its own,
// so nothing of a screen gone can pass for another's.

// push opens next on top, at the common size, and sends its first fetch,
// unless it is another view of the top screen's chain. The screen below
// holds its chain meanwhile.
func (a *app) push(next screen) tea.Cmd {
	below := a.top().chain()
	next.setSize()
	a.stack = append(a.stack, next)
	if next.chain() == below {
		return nil
	}
	return tea.Batch(below.SetHidden(true), next.chain().First())
}

// back pops the top screen, cancelling its requests, and resumes the one
// below, which kept its cursor, filter and sort.
func (a *app) back() tea.Cmd {
	gone := a.top()
	gone.close()
	a.stack = a.stack[:len(a.stack)-1]
	below := a.top().chain()
	if below == gone.chain() {
		return nil // a view of the same feed: the chain never stopped
	}
	// The Source's request count, as the screen going last saw it.
	below.Requests = max(below.Requests, gone.chain().Requests)
	return below.SetHidden(false)
}

// replace puts next in the top screen's place: the top one goes for
// good, and the one below stays held.
func (a *app) replace(next screen) tea.Cmd {
	gone := a.top()
	gone.close()
	a.stack = a.stack[:len(a.stack)-1]
	below := a.top().chain()
	below.Requests = max(below.Requests, gone.chain().Requests)
	return a.push(next)
}

// each calls f for every screen on the stack.
func (a *app) each(f func(screen)) {
	for _, s := range a.stack {
		f(s)
	}
}

func (a *app) restyle(st theme.Styles) {
	a.c.setStyles(st)
	a.each(screen.restyle)
}

// route delivers a timer or an answer to the screen whose chain asked for
// it, even when another screen is on top, and drops it if that screen is
// gone. Of the views of one feed, the topmost gets it, so the one on
// screen draws what came.
func (a *app) route(msg poll.Addressed) tea.Cmd {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if s := a.stack[i]; s.chain().Owner == msg.To() {
			return s.update(msg)
		}
	}
	return nil
}

// tickClock gives every screen the time.
func (a *app) tickClock(now time.Time) {
	if !now.Before(a.clockAt) {
		a.clockAt = time.Time{} // the pending tick has fired
	}
	a.c.clk.Now = now
}

// armClock schedules a clock tick for when the top screen's status bar
// next reads differently, unless one is due by then: there is no
// once-a-second tick, since a tick that changes nothing on screen still
// wakes the program. A tick superseded by an earlier one fires harmlessly.
func (a *app) armClock() tea.Cmd {
	if a.c.cfg.Replay != nil {
		return nil // the replay's tick moves the clock (replayTickMsg)
	}
	si := a.top().status()
	want := si.NextChange()
	if want.IsZero() || (!a.clockAt.IsZero() && a.clockAt.After(si.Now) && !a.clockAt.After(want)) {
		return nil
	}
	a.clockAt = want
	now := a.c.cfg.Now
	return a.c.cfg.schedule(want.Sub(si.Now), func() tea.Msg { return clockMsg{now: now()} })
}

// clockMsg is the clock that ages the status bars, sent when the top
// one next changes (app.armClock). It carries the time, so Update and
// View never read the clock themselves.
type clockMsg struct{ now time.Time }
