package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
)

// screen is what the app asks of every screen (the meeting list, the
// meeting overview, the watch screen). The app keeps a stack of them:
// the top one gets keys and draws, a screen's opens pushes another, esc
// pops it. Every screen points to the one common context.
//
// A new screen is one new file: a type with these methods, a constructor
// that takes the *common and its target and makes its poller, and a
// name. Then one line opens it: a case in the opens of the screen it is
// reached from (or in firstScreens, if the program starts on it). The
// app needs no change: it routes, sizes, styles and pops every screen
// alike.
type screen interface {
	// name is what the screen is, for tests and messages: "watch".
	name() string
	// chain is the screen's polling chain: the app addresses ticks and
	// answers by its owner, hides it under another screen, and reads the
	// status bar's poll state from it.
	chain() *poll.Chain
	// update takes a key the app left to the screen, or a tick or answer
	// addressed to its chain.
	update(msg tea.Msg) tea.Cmd
	// view is the screen at the common size: a string, not a tea.View.
	view() string
	// setSize lays the screen out again at the common size.
	setSize()
	// restyle redraws after the common styles or redact switch changed.
	restyle()
	// help is the one-line help and the full help that ? shows.
	help() (short []key.Binding, full [][]key.Binding)
	// opens is the screen msg opens from here (enter on a row), or nil.
	opens(msg tea.KeyPressMsg) screen
	// captures reports whether the screen has every key (a filter being
	// typed), even q and t.
	captures() bool
	// atRest reports whether esc has nothing left to close here, so it
	// means going back.
	atRest() bool
	// status is what the status bar says, and when it next changes.
	status() chrome.StatusInfo
	// close cancels the screen's requests: it is gone for good.
	close()
}

// firstScreens are the screens the program's IDs choose, the top last:
// the watch screen for a participant, over their meeting's overview,
// held until esc shows it (so that `qostop watch M P` walks as one opened
// from the overview, and n, N and w have an order); the overview for a
// meeting; else the meeting list. Opening a screen from another is that
// screen's opens.
func firstScreens(c *common) []screen {
	t := firstTarget(c.cfg)
	switch {
	case t.participantID != "":
		ot := t
		ot.participantID = ""
		ov := newOverview(c, ot)
		// It asks Zoom once it is on top (esc), or when n needs it: not
		// yet, so nothing is on its way.
		ov.chain().SetHidden(true)
		ov.chain().Inflight = false
		ov.cursorOn = t.participantID
		w := newWatch(c, t, c.cfg.Interval, model.Participant{})
		w.order = ov
		return []screen{ov, w}
	case t.meetingID != "":
		return []screen{newOverview(c, t)}
	case c.cfg.Rooms:
		return []screen{newRooms(c)}
	}
	return []screen{newMeetings(c)}
}
