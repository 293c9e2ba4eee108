package ui

import "github.com/qostop/qostop/model"

// Redaction (--redact, key R) is applied when drawing, never to the data:
// toggling it back shows everything again at once, without a new poll.
// The switch is the common context's, so every screen hides the same.

// shownWho is the participant as the screen may show them: redacted, the
// overview's pseudonym for them ("participant 3", the same on both
// screens) and no user ID, which names a person to anyone with Zoom's
// admin console.
func (m *watchModel) shownWho() model.Participant { return shownAs(m.c, m.feed.Who(), m.alias) }

// shownAs is who as any view of their feed may show them: with the
// redact switch on, redacted and named by alias.
func shownAs(c *common, who model.Participant, alias string) model.Participant {
	if !c.redact {
		return who
	}
	p := model.Redact(who)
	p.UserName, p.UserID = alias, ""
	if p.UserName == "" {
		p.UserName = model.Redacted
	}
	return p
}
