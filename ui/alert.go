package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/notify"
)

// Alerts: when someone in the open meeting, or the watched participant,
// newly turns critical, the terminal rings and shows a desktop
// notification, and --notify-cmd runs. model.Alerts decides what is new
// and groups a burst; here it is sent. The state is the app's, in common,
// so going from the overview to a watch screen of the same meeting does
// not alert again about what the overview already did.

// notifiedMsg is the end of a --notify-cmd run: its error, or nil.
type notifiedMsg struct{ err error }

// alertCmd judges the standings of meeting t from an answer that arrived
// at `at`, and sends the alert that is due, if any. An ended meeting
// alerts nobody: nothing in it is happening now.
func (c *common) alertCmd(t target, at time.Time, ss []model.Standing) tea.Cmd {
	if t.typ != model.Live {
		return nil
	}
	al, ok := c.alerts.Observe(at, t.meetingID, ss)
	if !ok {
		return nil
	}
	var cmds []tea.Cmd
	if seq := c.cfg.Terminal.Sequence(c.cfg.Notify, al.Text()); seq != "" {
		cmds = append(cmds, tea.Raw(seq))
	}
	if run := c.cfg.NotifyCmd; len(run) > 0 {
		p := notify.PayloadOf(al, t.shownID(), t.topic, !c.redact)
		ctx := c.ctx
		cmds = append(cmds, func() tea.Msg { return notifiedMsg{err: run.Run(ctx, p)} })
	}
	return tea.Batch(cmds...)
}

// alertNote says in the full help what alerts are on, and on a screen of
// rows, what marks a row. It is short: it shares the polling note's
// lines, which the watch screen's layout counts against its panes.
func (c *common) alertNote(rows bool) string {
	what := "Critical alerts: "
	switch c.cfg.Notify {
	case notify.Off:
		what += "off"
	case notify.Bell:
		what += "bell"
	default:
		what += "bell, desktop"
	}
	if len(c.cfg.NotifyCmd) > 0 {
		what += ", --notify-cmd"
	}
	what += " (--notify)."
	if rows {
		what += " " + c.st.Glyphs().Worse + "row worse since your last key."
	}
	return what
}

// withAlertNote joins the alert note to the first of notes, the polling
// note, so that it takes a line of its own only where that one is full.
func (c *common) withAlertNote(notes []string, rows bool) []string {
	if len(notes) == 0 {
		return []string{c.alertNote(rows)}
	}
	notes[0] += " " + c.alertNote(rows)
	return notes
}

// looker is a screen that marks what got worse since the user last
// looked, and redraws when they do.
type looker interface{ looked() }
