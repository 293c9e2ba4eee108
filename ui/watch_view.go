package ui

import (
	"strings"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
)

// rebuild redoes everything above the status bar after a change that can
// show: new data, size, theme, focus, window or help. Panes redraw
// only if their own data, size, focus or styles changed.
func (m *watchModel) rebuild() {
	if m.c.width <= 0 || m.c.height <= 0 {
		return // no WindowSizeMsg yet: nothing to draw into
	}
	m.feedPanes()
	m.drawn = m.feed.Version()
	m.headerText = feedHeader(m.c, m.feed, m.t, m.alias, m.loc)

	in := layoutIn{
		width: m.c.width, height: m.c.height,
		headerLines: strings.Count(m.headerText, "\n") + 1,
		axis:        m.hist.Len() > 0,
	}
	short, full := m.help()
	full = m.c.replayHelp(full)
	var fullHelp string
	if m.helpView.ShowAll {
		notes := chrome.PollNotes(m.chain())
		if m.t.typ == model.Live {
			notes = m.c.withAlertNote(notes, false)
		}
		notes = m.c.withLimits(notes)
		fullHelp, in.helpRows = chrome.FullHelp(m.helpView, full, m.c.width, notes...)
		in.helpKeys = chrome.HelpKeyRows(m.helpView, full, m.c.width)
		legend := chrome.Legend(m.c.st, m.c.width)
		fullHelp += "\n" + legend
		in.helpRows += strings.Count(legend, "\n") + 1
	}
	if m.chain().ErrText != "" && m.hist.Len() > 0 {
		in.errRows = chrome.ErrRowsWanted(m.chain().ErrText, m.c.width) // with no data, the placeholder shows the error instead
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
		m.footer = "\n" + m.helpLine.short(m.helpView, short, m.c.width)
	}
}

// renderBody stacks header, panes, machine line, event log (or full
// help) and error, each in the rows the layout gave it.
func (m *watchModel) renderBody(fullHelp string) string {
	l := m.lay
	var parts []string
	if l.header > 0 {
		parts = append(parts, chrome.FirstLines(m.headerText, l.header))
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
			axisMarks{joined: m.feed.Who().JoinTime, left: m.feed.Who().LeaveTime, window: m.windowText(),
				markers: m.feed.Markers()}))
	}
	if l.sys > 0 {
		latest, ok := m.hist.Latest()
		parts = append(parts, chrome.SysLine(latest, ok, m.c.cfg.Thresholds, m.c.st, m.c.width))
	}
	if l.events > 0 {
		if fullHelp != "" {
			parts = append(parts, chrome.FitRows(fullHelp, l.events))
		} else {
			// Zoom samples once a minute, so minutes say when; a faster
			// source (the demo's simulator) needs the seconds.
			layout := "15:04"
			if m.feed.Cadence() < time.Minute {
				layout = "15:04:05"
			}
			parts = append(parts, chrome.FitRows(renderEvents(m.feed.Events(), l.events, m.c.width, m.c.st, m.loc, layout), l.events))
		}
	}
	if l.err > 0 {
		parts = append(parts, chrome.FitRows(chrome.ErrLinesMore(m.chain().ErrText, l.err, m.c.width, m.c.st, "l: full text"), l.err))
	}
	return strings.Join(parts, "\n")
}

// placeholder fills the panes' rows before any sample is held: the wait
// for the first answer, or, if it failed, the error in full, since with no
// data to show the error is the screen.
func (m *watchModel) placeholder(rows int) string {
	var text string
	switch {
	case m.chain().ErrText != "":
		text = m.c.st.Level(model.Critical).Render(chrome.Wordwrap(m.chain().ErrText, m.c.width-4))
	case m.chain().LastPoll.IsZero():
		text = m.c.st.Muted.Render("asking Zoom for this participant's QoS" + m.c.ss.Dots)
	default:
		text = m.c.st.Muted.Render("Zoom has no QoS samples for this participant yet; it reports once a minute.")
	}
	return chrome.Box(m.c.st, m.c.width, rows, text)
}

// view is the screen: the cached body, the status bar drawn from the
// current clock, and the help line.
func (m *watchModel) view() string {
	if m.c.width <= 0 || m.c.height <= 0 {
		return ""
	}
	if m.drawn != m.feed.Version() {
		m.rebuild() // answers landed while another view of the feed was on top
	}
	if m.lay.tooSmall {
		return tooSmallText(m.c.width, m.c.height)
	}
	si := m.c.replaying(m.status())
	if c := m.frameCache; c != nil && c.builds == m.builds && c.si == si {
		return c.s // nothing changed: every frame of an idle screen
	}
	s := chrome.StatusBar(si, m.c.ss, m.c.width) + m.footer
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
	si     chrome.StatusInfo
	s      string
}

func (m *watchModel) status() chrome.StatusInfo {
	si := feedStatus(m.c, m.feed, m.loc)
	if m.lay.axis == 0 {
		si.Span = chrome.FmtDur(m.span()) // else the axis says it, at every width
	}
	si.HelpHint = m.lay.help == 0 && !m.helpView.ShowAll
	return si
}
