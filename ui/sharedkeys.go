package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/ui/poll"
)

// sharedKey handles the keys that mean the same on every screen and act
// on what every screen has, its help and its polling chain: ? (more
// keys), p (pause), r (refresh), + and - (interval). handled is false for
// any other key; redraw says the screen must rebuild (the help changed,
// or the full help's word on polling did).
// Quit, theme and redact are the app's, since they reach every screen.
func sharedKey(msg tea.KeyPressMsg, keys *KeyMap, h *help.Model, p *poll.Chain) (cmd tea.Cmd, handled, redraw bool) {
	switch {
	case key.Matches(msg, keys.Help):
		showAllHelp(h, keys, !h.ShowAll)
		return nil, true, true
	case key.Matches(msg, keys.Pause):
		return p.TogglePause(), true, h.ShowAll
	case key.Matches(msg, keys.Refresh):
		return p.Refresh(), true, h.ShowAll
	case key.Matches(msg, keys.SlowerPoll):
		return p.SetInterval(+1), true, h.ShowAll
	case key.Matches(msg, keys.FasterPoll):
		return p.SetInterval(-1), true, h.ShowAll
	}
	return nil, false, false
}
