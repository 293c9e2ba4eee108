package ui

import (
	"bytes"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/report"
)

// y copies what the screen shows as plain text: the same table `qostop
// snapshot --format table` prints, of the participant and window the
// watch screen shows, or of the overview's rows in their order, redacted
// when the screen is. It goes to the clipboard as an OSC 52 sequence
// (tea.SetClipboard), which the terminal may or may not honour: qostop
// cannot know, so the notice says so rather than claiming success.

// copyNotice is the line that stands in for the help line after y, until
// the next key: its parts after noticeCut are dropped, last first, where
// the line has no room for them, so what shows is never cut mid-word (at
// 100 columns the tmux hint lost "on)").
const copyNotice = "copied %s" + noticeCut + ", if your terminal allows OSC 52" + noticeCut + " (tmux: set -g set-clipboard on)"

// noticeCut marks where a notice may be shortened.
const noticeCut = "\x1f"

// copier is a screen with something to copy: its text, "" when it has
// none yet.
type copier interface{ copyText() string }

// copyScreen answers y: the text and the notice, or only a notice when
// the screen has nothing to copy. It never sets an empty clipboard, which
// would clear what the user had.
func (a *app) copyScreen() tea.Cmd {
	var text string
	if c, ok := a.top().(copier); ok {
		text = c.copyText()
	}
	if strings.TrimSpace(text) == "" {
		a.notice = "nothing to copy here yet: y copies a meeting's overview or a participant's QoS"
		return nil
	}
	n := strings.Count(strings.TrimRight(text, "\n"), "\n") + 1
	a.notice = strings.Replace(copyNotice, "%s", chrome.Plural(n, "line", "lines"), 1)
	return tea.SetClipboard(text)
}

// copyText is the participant and window on screen as snapshot table text.
func (m *watchModel) copyText() string {
	if m.hist.Len() == 0 {
		return ""
	}
	p := m.shownWho()
	if m.c.redact {
		p.UserID = ""
	}
	p.Samples = m.window()
	var b bytes.Buffer
	if report.WriteTable(&b, model.NewSnapshot(m.t.meetingID, m.t.typ, p), m.c.cfg.Thresholds) != nil {
		return ""
	}
	return ansi.Strip(b.String()) // plain text: never a sequence inside the sequence
}

// copyText is the overview's rows, in their order, as snapshot table text.
func (m *overviewModel) copyText() string {
	if !m.loaded {
		return ""
	}
	var ps []model.Participant
	for _, mb := range m.roster.Sorted(m.order) {
		p := mb.P
		if m.c.redact {
			p = model.Redact(p)
			p.UserName, p.UserID = m.shownName(mb), ""
		}
		if !mb.Newest.IsZero() {
			p.Samples = []model.Sample{mb.Current}
		}
		ps = append(ps, p)
	}
	var b bytes.Buffer
	m.copyHead(&b)
	if report.WriteMeetingTable(&b, model.NewMeetingSnapshot(m.t.meetingID, m.t.typ, ps), m.c.cfg.Thresholds, m.c.st.Glyphs()) != nil {
		return ""
	}
	return ansi.Strip(b.String())
}

// copyHead is what a paste into an incident channel needs above the
// table: which meeting (the topic), how old the data is, and the
// diagnosis, as the header says them.
func (m *overviewModel) copyHead(b *bytes.Buffer) {
	if topic := report.Text(m.t.topic); topic != "" {
		b.WriteString(topic + "\n")
	}
	if !m.newest.IsZero() {
		b.WriteString("Data of " + m.newest.In(m.c.clk.Now.Location()).Format("2006-01-02 15:04 MST") + " (the newest sample)\n")
	}
	diag := m.diagnosis.Text("; ")
	if m.roster.Over {
		diag = "meeting over: the worst call first, by how much of it was degraded"
	}
	if diag != "" {
		b.WriteString("Diagnosis: " + diag + "\n")
	}
	b.WriteString("\n")
}

// withNotice puts the notice in the view's last line, the help line,
// without the parts (after noticeCut) that do not fit.
func withNotice(view, notice string, width int) string {
	if notice == "" || view == "" {
		return view
	}
	parts := strings.Split(notice, noticeCut)
	for len(parts) > 1 && ansi.StringWidth(strings.Join(parts, "")) > width {
		parts = parts[:len(parts)-1]
	}
	i := strings.LastIndexByte(view, '\n')
	return view[:i+1] + ansi.Truncate(strings.Join(parts, ""), width, "")
}
