package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// How the app moves between screens: the meeting list opens a meeting's
// overview, which opens a participant's watch screen; esc goes back.
//
// Only the top screen polls: a screen with another on top holds its chain
// and resumes it when it is back on top. A screen that is left for good
// has its requests cancelled and its messages are no longer delivered;
// one that replaces it numbers its fetches and ticks after it, so nothing
// of the old one can pass for the new one's.

// navigation is the app's state beyond the watch screen.
type navigation struct {
	ctx            context.Context // the app's: cancelled on quit
	st             theme.Styles
	meetings       meetingsModel
	overview       overviewModel
	cancelOverview context.CancelFunc // the pushed overview's requests
	cancelWatch    context.CancelFunc // the pushed watch screen's requests
}

// start puts the first screen on the stack: the watch screen for a
// participant, the overview for a meeting, else the list of meetings.
func (a *app) start() {
	switch {
	case a.cfg.ParticipantID != "":
		a.stack = []screen{screenWatch}
		a.watch = newWatch(a.ctx, a.cfg, a.st, a.keys)
	case a.cfg.MeetingID != "":
		a.stack = []screen{screenOverview}
		a.overview = newOverview(a.ctx, a.cfg, a.st, a.keys, poller{})
	default:
		a.stack = []screen{screenMeetings}
		a.meetings = newMeetings(a.ctx, a.cfg, a.st, a.keys)
	}
}

// initScreen starts the first screen's fetch.
func (a *app) initScreen() tea.Cmd {
	var first tea.Cmd
	switch a.stack[0] {
	case screenWatch:
		first = a.watch.first()
	case screenOverview:
		first = a.overview.first()
	case screenMeetings:
		first = a.meetings.first()
	}
	return first
}

func (a *app) onStack(s screen) bool {
	for _, t := range a.stack {
		if t == s {
			return true
		}
	}
	return false
}

// eachScreen calls f for every screen on the stack.
func (a *app) eachScreen(watch func(*watchModel), overview func(*overviewModel), meetings func(*meetingsModel)) {
	if a.onStack(screenWatch) {
		watch(&a.watch)
	}
	if a.onStack(screenOverview) {
		overview(&a.overview)
	}
	if a.onStack(screenMeetings) {
		meetings(&a.meetings)
	}
}

func (a *app) resize(width, height int) {
	a.eachScreen(func(m *watchModel) { m.setSize(width, height) },
		func(m *overviewModel) { m.setSize(width, height) },
		func(m *meetingsModel) { m.setSize(width, height) })
}

func (a *app) restyle(st theme.Styles) {
	a.st = st
	a.eachScreen(func(m *watchModel) { m.setStyles(st) },
		func(m *overviewModel) { m.setStyles(st) },
		func(m *meetingsModel) { m.setStyles(st) })
}

func (a *app) setRedact(on bool) {
	a.eachScreen(func(m *watchModel) { m.setRedact(on) },
		func(m *overviewModel) { m.setRedact(on) },
		func(m *meetingsModel) { m.setRedact(on) })
}

// tickClock gives every screen the time.
func (a *app) tickClock(now time.Time) {
	if !now.Before(a.clockAt) {
		a.clockAt = time.Time{} // the pending tick has fired
	}
	a.eachScreen(func(m *watchModel) { m.now = now },
		func(m *overviewModel) { m.now = now },
		func(m *meetingsModel) { m.now = now })
}

// armClock schedules a clock tick for when the top screen's status bar
// next reads differently, unless one is due by then: there is no
// once-a-second tick, since a tick that changes nothing on screen still
// wakes the program. A tick superseded by an earlier one fires harmlessly.
func (a *app) armClock() tea.Cmd {
	si := a.topStatus()
	want := si.nextChange()
	if want.IsZero() || (!a.clockAt.IsZero() && a.clockAt.After(si.now) && !a.clockAt.After(want)) {
		return nil
	}
	a.clockAt = want
	now := a.cfg.Now
	return a.cfg.schedule(want.Sub(si.now), func() tea.Msg { return clockMsg{now: now()} })
}

// topStatus is what the top screen's status bar is drawn from.
func (a *app) topStatus() statusInfo {
	switch a.top() {
	case screenOverview:
		return a.overview.statusInfo()
	case screenMeetings:
		return a.meetings.statusInfo()
	}
	return a.watch.statusInfo()
}

// navKey handles the keys that move between screens, and every key while
// a filter is being typed (so q and t type rather than quit and restyle).
// handled is false for the keys the app and the top screen handle.
func (a *app) navKey(msg tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	if msg.String() == "ctrl+c" {
		return nil, false
	}
	switch a.top() {
	case screenMeetings:
		switch {
		case a.meetings.typing:
			return a.meetings.update(msg), true
		case key.Matches(msg, a.meetings.tkeys.Open):
			return a.openMeeting(), true
		}
	case screenOverview:
		switch {
		case a.overview.typing:
			return a.overview.update(msg), true
		case key.Matches(msg, a.overview.tkeys.Open):
			return a.openParticipant(), true
		case key.Matches(msg, a.keys.Back) && a.overview.atRest() && len(a.stack) > 1:
			return a.back(), true
		}
	case screenWatch:
		if key.Matches(msg, a.keys.Back) && a.watch.atRest() && len(a.stack) > 1 {
			return a.back(), true
		}
	}
	return nil, false
}

// openMeeting pushes the overview of the meeting under the cursor.
func (a *app) openMeeting() tea.Cmd {
	mt, ok := a.meetings.selected()
	if !ok {
		return nil
	}
	cfg := a.cfg
	cfg.MeetingID, cfg.ParticipantID, cfg.Topic, cfg.Type = mt.ID, "", mt.Topic, model.Live
	if cfg.MeetingID == "" {
		cfg.MeetingID = mt.UUID
	}
	cfg.Trail, cfg.Redact = []string{"Meetings"}, a.meetings.redact
	ctx, cancel := context.WithCancel(a.ctx)
	a.cancelOverview = cancel
	a.overview = newOverview(ctx, cfg, a.st, a.keys, a.overview.poller)
	a.overview.setSize(a.width, a.height)
	a.meetings.setHidden(true)
	a.stack = append(a.stack, screenOverview)
	return a.overview.first()
}

// openParticipant pushes the watch screen of the participant under the
// cursor, at the overview's interval.
func (a *app) openParticipant() tea.Cmd {
	p, ok := a.overview.selected()
	if !ok || p.UserID == "" {
		return nil // nobody there, or nobody Zoom can be asked about alone
	}
	cfg := a.cfg
	o := a.overview.cfg
	cfg.MeetingID, cfg.ParticipantID, cfg.Type, cfg.Topic = o.MeetingID, p.UserID, o.Type, o.Topic
	cfg.Interval, cfg.Trail, cfg.Redact = a.overview.interval, a.overview.crumbs(), a.overview.redact
	ctx, cancel := context.WithCancel(a.ctx)
	a.cancelWatch = cancel
	prev := a.watch.poller
	a.watch = newWatch(ctx, cfg, a.st, a.keys)
	a.watch.follow(prev)
	a.watch.who = p // the header is right before the first answer
	a.watch.setSize(a.width, a.height)
	a.overview.setHidden(true)
	a.stack = append(a.stack, screenWatch)
	return a.watch.first()
}

// back pops the top screen, cancelling its requests, and resumes the one
// below, which kept its cursor, filter and sort.
func (a *app) back() tea.Cmd {
	var requests int64 // the Source's count, as the screen going last saw it
	switch a.top() {
	case screenWatch:
		a.cancelWatch()
		requests = a.watch.requests
	case screenOverview:
		a.cancelOverview()
		requests = a.overview.requests
	}
	a.stack = a.stack[:len(a.stack)-1]
	switch a.top() {
	case screenOverview:
		a.overview.requests = max(a.overview.requests, requests)
		return a.overview.setHidden(false)
	case screenMeetings:
		a.meetings.requests = max(a.meetings.requests, requests)
		return a.meetings.setHidden(false)
	}
	return nil
}

// screenKey passes a key to the top table screen.
func (a *app) screenKey(msg tea.KeyPressMsg) tea.Cmd {
	switch a.top() {
	case screenOverview:
		return a.overview.update(msg)
	case screenMeetings:
		return a.meetings.update(msg)
	}
	return nil
}

// route delivers a timer or an answer to the screen that asked for it,
// even when another screen is on top, and drops it if that screen is gone.
func (a *app) route(msg tea.Msg) tea.Cmd {
	owner := screenWatch
	switch msg := msg.(type) {
	case pollTickMsg:
		owner = msg.owner
	case overviewFetchedMsg:
		owner = screenOverview
	case meetingsFetchedMsg:
		owner = screenMeetings
	}
	if !a.onStack(owner) {
		return nil
	}
	switch owner {
	case screenOverview:
		return a.overview.update(msg)
	case screenMeetings:
		return a.meetings.update(msg)
	}
	return a.watch.update(msg)
}

// viewTop draws the top table screen.
func (a *app) viewTop() string {
	switch a.top() {
	case screenOverview:
		return a.overview.view()
	case screenMeetings:
		return a.meetings.view()
	}
	return ""
}

// atRest reports whether esc has nothing left to close on the watch
// screen, so it means going back.
func (m *watchModel) atRest() bool { return m.chart == nil && !m.help.ShowAll }
