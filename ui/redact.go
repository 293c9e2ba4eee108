package ui

import "github.com/qostop/qostop/model"

// Redaction (--redact, key R) is applied when drawing, never to the data:
// toggling it back shows everything again at once, without a new poll.
// The switch is the common context's, so every screen hides the same.

// shownWho is the participant as the screen may show them.
func (m *watchModel) shownWho() model.Participant {
	if m.c.redact {
		return model.Redact(m.who)
	}
	return m.who
}
