package ui

import (
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// rebuild redoes everything above the status bar after a change that can
// show: new data, size, theme, focus, window or help. Panes redraw
// only if their own data, size, focus or styles changed.
func (m *watchModel) rebuild() {
	if m.c.width <= 0 || m.c.height <= 0 {
		return // no WindowSizeMsg yet: nothing to draw into
	}
	m.feedPanes()
	m.headerText = renderHeader(headerInfo{Participant: m.shownWho(), MeetingID: m.t.shownID(), Topic: m.t.topic,
		Trail: m.t.trail, Badge: callBadge(m.t.typ, m.live, m.poll.lastErr, m.gone == goneMeeting), Loc: m.loc}, m.c.st, m.c.width)

	in := layoutIn{
		width: m.c.width, height: m.c.height,
		headerLines: strings.Count(m.headerText, "\n") + 1,
		axis:        m.hist.Len() > 0,
	}
	short, full := m.help()
	var fullHelp string
	if m.helpView.ShowAll {
		fullHelp, in.helpRows = fitFullHelp(m.helpView, full, m.c.width, m.poll.helpNotes()...)
		in.helpKeys = helpKeyRows(m.helpView, full, m.c.width)
		legend := legendText(m.c.st, m.c.width)
		fullHelp += "\n" + legend
		in.helpRows += strings.Count(legend, "\n") + 1
	}
	if m.poll.errText != "" && m.hist.Len() > 0 {
		in.errRows = errRowsWanted(m.poll.errText, m.c.width) // with no data, the placeholder shows the error instead
	}
	m.lay = m.layoutPanes(in)
	m.builds++
	if m.lay.tooSmall {
		m.body, m.footer = "", ""
		return
	}
	for i := range m.panes {
		if h := m.lay.panes[i]; h > 0 {
			m.panes[i].SetSize(m.c.width, h)
		}
	}
	m.setGeometry()
	m.body = m.renderBody(fullHelp)
	m.footer = ""
	if m.lay.help > 0 {
		m.footer = "\n" + fitShortHelp(m.helpView, short, m.c.width)
	}
}

// renderBody stacks header, panes, machine line, event log (or full
// help) and error, each in the rows the layout gave it.
func (m *watchModel) renderBody(fullHelp string) string {
	l := m.lay
	var parts []string
	if l.header > 0 {
		parts = append(parts, firstLines(m.headerText, l.header))
	}
	paneRows := l.panes[0] + l.panes[1] + l.panes[2]
	switch {
	case m.hist.Len() == 0 && paneRows > 0:
		parts = append(parts, m.placeholder(paneRows))
	default:
		for i := range m.panes {
			if l.panes[i] > 0 {
				parts = append(parts, m.panes[i].View())
			}
		}
	}
	if l.axis > 0 {
		parts = append(parts, renderAxis(m.geo, m.c.width, m.loc, m.c.st,
			axisMarks{joined: m.who.JoinTime, left: m.who.LeaveTime, window: m.windowText()}))
	}
	if l.sys > 0 {
		latest, ok := m.hist.Latest()
		parts = append(parts, renderSysLine(latest, ok, m.c.cfg.Thresholds, m.c.st, m.c.width))
	}
	if l.events > 0 {
		if fullHelp != "" {
			parts = append(parts, fitRows(fullHelp, l.events))
		} else {
			// Zoom samples once a minute, so minutes say when; a faster
			// source (the demo's simulator) needs the seconds.
			layout := "15:04"
			if m.cadence < time.Minute {
				layout = "15:04:05"
			}
			parts = append(parts, fitRows(m.events.view(l.events, m.c.width, m.c.st, m.loc, layout), l.events))
		}
	}
	if l.err > 0 {
		parts = append(parts, fitRows(renderErrLinesMore(m.poll.errText, l.err, m.c.width, m.c.st, "l: full text"), l.err))
	}
	return strings.Join(parts, "\n")
}

// placeholder fills the panes' rows before any sample is held: the wait
// for the first answer, or, if it failed, the error in full, since with no
// data to show the error is the screen.
func (m *watchModel) placeholder(rows int) string {
	var text string
	switch {
	case m.poll.errText != "":
		text = m.c.st.Level(model.Critical).Render(wordwrap(m.poll.errText, m.c.width-4))
	case m.poll.lastPoll.IsZero():
		text = m.c.st.Muted.Render("asking Zoom for this participant's QoS" + m.c.ss.dots)
	default:
		text = m.c.st.Muted.Render("Zoom has no QoS samples for this participant yet; it reports once a minute.")
	}
	return renderBox(m.c.st, m.c.width, rows, text)
}

// view is the screen: the cached body, the status bar drawn from the
// current clock, and the help line.
func (m *watchModel) view() string {
	if m.c.width <= 0 || m.c.height <= 0 {
		return ""
	}
	if m.lay.tooSmall {
		return tooSmallText(m.c.width, m.c.height)
	}
	si := m.status()
	if c := m.frameCache; c != nil && c.builds == m.builds && c.si == si {
		return c.s // nothing changed: every frame of an idle screen
	}
	s := renderStatus(si, m.c.ss, m.c.width) + m.footer
	if m.body != "" {
		s = m.body + "\n" + s
	}
	m.frameCache = &frameCache{builds: m.builds, si: si, s: s}
	return s
}

// frameCache is the last frame and what it was drawn from: the body's
// build and the status bar's inputs.
type frameCache struct {
	builds int
	si     statusInfo
	s      string
}

func (m *watchModel) status() statusInfo {
	si := m.poll.pollStatus()
	si.loc, si.span = m.loc, fmtDur(m.span())
	si.helpHint = m.lay.help == 0 && !m.helpView.ShowAll
	if latest, ok := m.hist.Latest(); ok {
		si.newest = latest.Time
		if m.t.typ == model.Live && !m.who.Left() && m.gone == "" {
			si.staleAt = model.StaleAt(latest.Time, m.poll.interval, m.cadence)
		}
	}
	si.redacted, si.gone, si.left = m.c.redact, m.gone, m.who.LeaveTime
	return si
}

// firstLines is the first n lines of s.
func firstLines(s string, n int) string {
	if n <= 0 {
		return ""
	}
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// fitRows cuts or pads s to exactly n lines.
func fitRows(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
