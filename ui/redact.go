package ui

import "github.com/qostop/qostop/model"

// Redaction (--redact, key R) is applied when drawing, never to the data:
// toggling it back shows everything again at once, without a new poll.
// The watch screen keeps the current state in its cfg.Redact, which
// starts as the flag set it.

// setRedact hides or shows names, emails, addresses and locations.
func (m *watchModel) setRedact(on bool) {
	m.cfg.Redact = on
	m.rebuild()
}

// shownWho is the participant as the screen may show them.
func (m *watchModel) shownWho() model.Participant {
	if m.cfg.Redact {
		return model.Redact(m.who)
	}
	return m.who
}
