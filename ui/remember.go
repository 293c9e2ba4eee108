package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
)

// rememberFailedMsg says the choices could not be kept: said once, on
// the help line, and the screens go on.
type rememberFailedMsg struct{ err error }

// remember applies change to the user's choices and returns the command
// that keeps them (Config.Remember, in the state directory), or nil when
// nothing is kept (--no-state) or nothing changed.
func (c *common) remember(change func(*model.Choices)) tea.Cmd {
	before := c.choices
	change(&c.choices)
	if c.cfg.Remember == nil || c.choices == before {
		return nil
	}
	save, ch := c.cfg.Remember, c.choices
	return func() tea.Msg {
		if err := save(ch); err != nil {
			return rememberFailedMsg{err}
		}
		return nil
	}
}
