package ui

import (
	"bytes"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/report"
)

// y copies what the screen shows as plain text: the same table `qostop
// snapshot --format table` prints, of the participant and window the
// watch screen shows, or of the overview's rows in their order, redacted
// when the screen is. It goes to the clipboard as an OSC 52 sequence
// (tea.SetClipboard), which the terminal may or may not honour: qostop
// cannot know, so the notice says so rather than claiming success.

// copyNotice is the line that stands in for the help line after y, until
// the next key.
const copyNotice = "copied %s as text with OSC 52: only if your terminal allows it (in tmux: set -g set-clipboard on)"

// copyScreen answers y: the text and the notice, or only a notice when
// the screen has nothing to copy. It never sets an empty clipboard, which
// would clear what the user had.
func (a *app) copyScreen() tea.Cmd {
	text := a.screenText()
	if strings.TrimSpace(text) == "" {
		a.notice = "nothing to copy here yet: y copies a meeting's overview or a participant's QoS"
		return nil
	}
	n := strings.Count(strings.TrimRight(text, "\n"), "\n") + 1
	a.notice = strings.Replace(copyNotice, "%s", plural(n, "line", "lines"), 1)
	return tea.SetClipboard(text)
}

// screenText is the top screen as snapshot table text; "" when it has none.
func (a *app) screenText() string {
	var b bytes.Buffer
	th := a.cfg.Thresholds
	switch a.top() {
	case screenWatch:
		w := &a.watch
		if w.hist.Len() == 0 {
			return ""
		}
		p := w.shownWho()
		if w.cfg.Redact {
			p.UserID = ""
		}
		p.Samples = w.window()
		if report.WriteTable(&b, model.NewSnapshot(w.cfg.MeetingID, w.cfg.Type, p), th) != nil {
			return ""
		}
	case screenOverview:
		o := &a.overview
		if !o.loaded {
			return ""
		}
		var ps []model.Participant
		for _, mb := range o.roster.Sorted(o.order) {
			p := mb.P
			if o.redact {
				p = model.Redact(p)
				p.UserName, p.UserID = o.shownName(mb), ""
			}
			if !mb.Newest.IsZero() {
				p.Samples = []model.Sample{mb.Current}
			}
			ps = append(ps, p)
		}
		if report.WriteMeetingTable(&b, model.NewMeetingSnapshot(o.cfg.MeetingID, o.cfg.Type, ps), th) != nil {
			return ""
		}
	}
	return ansi.Strip(b.String()) // plain text: never a sequence inside the sequence
}

// withNotice puts the notice in the view's last line, the help line.
func withNotice(view, notice string, width int) string {
	if notice == "" || view == "" {
		return view
	}
	i := strings.LastIndexByte(view, '\n')
	return view[:i+1] + ansi.Truncate(notice, width, "")
}
